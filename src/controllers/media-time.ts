import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MediaLike } from './media-link.js';

export interface MediaTimeCallbacks {
  /** Called with the media's currentTime: every animation frame while playing, and on every media event. */
  onTime(time: number): void;
  /** Called when playing/paused changed. */
  onPlayState?(playing: boolean): void;
  /** Called once the media has metadata (duration known). */
  onMetadata?(): void;
  /** Called when the media fired `error`. */
  onError?(message: string): void;
}

const EVENTS = ['timeupdate', 'play', 'playing', 'pause', 'ended', 'seeking', 'seeked', 'loadedmetadata', 'emptied', 'error'] as const;

/**
 * Follows a media element's clock. The media is the only clock: this controller keeps no copy of
 * time, it only reads `currentTime` — on each requestAnimationFrame while playing (timeupdate alone
 * is ~4 Hz) and on every media event. No frame loop runs while paused.
 */
export class MediaTimeController implements ReactiveController {
  private media: MediaLike | null = null;
  private frame = 0;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly callbacks: MediaTimeCallbacks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    if (this.media) this.attach(this.media);
  }

  hostDisconnected(): void {
    this.connected = false;
    if (this.media) this.detach(this.media);
  }

  /** Binds to a media element (or none). */
  setMedia(media: MediaLike | null): void {
    if (media === this.media) return;
    if (this.media) this.detach(this.media);
    this.media = media;
    if (media && this.connected) this.attach(media);
  }

  /** Reads the clock now (e.g. right after a seek). */
  sync(): void {
    const t = this.readTime();
    if (t !== null) this.callbacks.onTime(t);
  }

  private readTime(): number | null {
    try {
      const t = this.media?.currentTime;
      return typeof t === 'number' && Number.isFinite(t) ? t : null;
    } catch {
      return null;
    }
  }

  private readonly handleEvent = (event: Event): void => {
    const media = this.media;
    if (!media) return;
    switch (event.type) {
      case 'play':
      case 'playing':
        this.callbacks.onPlayState?.(true);
        this.startLoop();
        break;
      case 'pause':
      case 'ended':
      case 'emptied':
        this.callbacks.onPlayState?.(false);
        this.stopLoop();
        break;
      case 'loadedmetadata':
        this.callbacks.onMetadata?.();
        break;
      case 'error': {
        const err = (media as Partial<HTMLMediaElement>).error;
        this.callbacks.onError?.(err?.message || (err ? `MediaError ${err.code}` : 'error'));
        return;
      }
    }
    this.sync();
  };

  private attach(media: MediaLike): void {
    for (const type of EVENTS) media.addEventListener(type, this.handleEvent);
    let paused = true;
    try {
      paused = media.paused;
    } catch {}
    if (!paused) this.startLoop();
    this.callbacks.onPlayState?.(!paused);
    // A media element that failed before we bound to it fires no more `error` events.
    const failed = (media as Partial<HTMLMediaElement>).error;
    if (failed) this.callbacks.onError?.(failed.message || `MediaError ${failed.code}`);
    this.sync();
  }

  private detach(media: MediaLike): void {
    for (const type of EVENTS) media.removeEventListener(type, this.handleEvent);
    this.stopLoop();
  }

  private startLoop(): void {
    if (this.frame) return;
    const step = () => {
      this.frame = requestAnimationFrame(step);
      this.sync();
    };
    this.frame = requestAnimationFrame(step);
  }

  private stopLoop(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }
}
