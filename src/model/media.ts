/**
 * The media contract: the subset of HTMLMediaElement the viewer needs, and nothing else.
 * Native `<video>`/`<audio>`, `<youtube-video>`, `<vimeo-video>` and `<hls-video>` all fit.
 * Events used: `timeupdate`, `play`, `pause`, `loadedmetadata` (and `playing`, `ended`,
 * `seeking`, `seeked`, `emptied`, `error` when the element fires them; none is required).
 */
export interface MediaLike extends EventTarget {
  currentTime: number;
  readonly duration: number;
  readonly paused: boolean;
  play(): Promise<void> | void;
  pause(): void;
  readonly readyState?: number;
}

/** Whether a value can be used as the viewer's media (duck-typed: any element that fits the contract). */
export function isMediaLike(value: unknown): value is MediaLike {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<MediaLike>;
  return typeof v.addEventListener === 'function' && typeof v.play === 'function' && typeof v.pause === 'function' && 'currentTime' in v;
}
