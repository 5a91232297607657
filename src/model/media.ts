/**
 * The media contract: the subset of HTMLMediaElement the viewer needs, and nothing else.
 * Native `<video>`/`<audio>`, `<youtube-video>`, `<vimeo-video>` and `<hls-video>` all fit as
 * they are (and a `<media-controller>` of media-chrome, named by `for`, stands for its media).
 *
 * Required: `currentTime` (read, and set to seek), `duration` (NaN while unknown, Infinity for
 * live), `paused`, `play()`, `pause()`, and the events `timeupdate`, `play`, `pause`,
 * `loadedmetadata`. Used when present, never required: `readyState`, `playbackRate`, `error`,
 * and the events `playing`, `ended`, `seeking`, `seeked`, `waiting`, `ratechange`,
 * `durationchange`, `emptied`, `loadstart`, `error`. `currentTime` may be coarse and late (iframe
 * players report it a few times a second): while playing, the viewer interpolates between reports.
 */
export interface MediaLike extends EventTarget {
  currentTime: number;
  readonly duration: number;
  readonly paused: boolean;
  play(): Promise<void> | void;
  pause(): void;
  readonly readyState?: number;
  readonly playbackRate?: number;
  /** Set when the media failed (HTMLMediaElement's `MediaError`, or `{code, message}` of the media elements). */
  readonly error?: { readonly code?: number; readonly message?: string } | null;
}

/** Whether a value can be used as the viewer's media (duck-typed: any element that fits the contract). */
export function isMediaLike(value: unknown): value is MediaLike {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<MediaLike>;
  return typeof v.addEventListener === 'function' && typeof v.play === 'function' && typeof v.pause === 'function' && 'currentTime' in v;
}

