import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MediaLike } from '../model/media.js';
import { Emitter } from './emitter.js';
import type { ProblemSink } from './problems.js';

const EVENTS = ['timeupdate', 'play', 'playing', 'pause', 'ended', 'seeking', 'seeked', 'loadedmetadata', 'emptied', 'error'] as const;
const PLAYING = new Set(['play', 'playing']);
const STOPPED = new Set(['pause', 'ended', 'emptied']);

/**
 * Follows the bound media element's clock and publishes it. The media is the only clock: this
 * controller keeps no copy of time, it only reads `currentTime` — on each requestAnimationFrame
 * while playing (timeupdate alone is ~4 Hz) and on every media event — and hands it to the
 * subscribers of `time`. No frame loop runs while paused.
 */
export class MediaTimeController implements ReactiveController {
  /** The media time, every frame while playing and on every media event. */
  readonly time: Emitter<number>;
  /** The media has metadata (duration known; a seek can be applied). */
  readonly metadata = new Emitter<void>();
  /** Another media element (or none) was bound. */
  readonly mediaChanged: Emitter<MediaLike | null>;
  private bound: MediaLike | null = null;
  private frame = 0;
  private connected = false;

  /** `emitters`: the ones to publish on, when subscribers had them before this controller existed (`MediaSync`). */
  constructor(
    host: ReactiveControllerHost,
    private readonly problems: ProblemSink,
    emitters: { time?: Emitter<number>; mediaChanged?: Emitter<MediaLike | null> } = {},
  ) {
    this.time = emitters.time ?? new Emitter<number>();
    this.mediaChanged = emitters.mediaChanged ?? new Emitter<MediaLike | null>();
    host.addController(this);
  }

  /** The bound media element. */
  get media(): MediaLike | null {
    return this.bound;
  }

  /** Its duration when known (0 otherwise: unknown, live or no media). */
  get duration(): number {
    const d = this.bound?.duration;
    return typeof d === 'number' && Number.isFinite(d) ? d : 0;
  }

  hostConnected(): void {
    this.connected = true;
    if (this.bound) this.attach(this.bound);
  }

  hostDisconnected(): void {
    this.connected = false;
    if (this.bound) this.detach(this.bound);
  }

  /** Binds to a media element (or none). */
  setMedia(media: MediaLike | null): void {
    if (media === this.bound) return;
    if (this.bound) this.detach(this.bound);
    this.bound = media;
    this.problems.set('media', []);
    if (media && this.connected) this.attach(media);
    this.mediaChanged.emit(media);
  }

  /** Reads the clock now and publishes it (e.g. right after a seek). */
  sync(): void {
    const t = this.readTime();
    if (t !== null) this.time.emit(t);
  }

  private readTime(): number | null {
    try {
      const t = this.bound?.currentTime;
      return typeof t === 'number' && Number.isFinite(t) ? t : null;
    } catch {
      return null;
    }
  }

  private readonly handleEvent = (event: Event): void => {
    const media = this.bound;
    if (!media) return;
    if (event.type === 'error') return this.reportError(media);
    if (PLAYING.has(event.type)) this.startLoop();
    else if (STOPPED.has(event.type)) this.stopLoop();
    else if (event.type === 'loadedmetadata') this.metadata.emit();
    this.sync();
  };

  private reportError(media: MediaLike): void {
    const err = (media as Partial<HTMLMediaElement>).error;
    const detail = err?.message || (err ? `MediaError ${err.code}` : 'error');
    this.problems.set('media', [{ kind: 'media', code: 'media-error', detail }]);
  }

  private attach(media: MediaLike): void {
    for (const type of EVENTS) media.addEventListener(type, this.handleEvent);
    let paused = true;
    try {
      paused = media.paused;
    } catch {}
    if (!paused) this.startLoop();
    // A media element that failed before we bound to it fires no more `error` events.
    if ((media as Partial<HTMLMediaElement>).error) this.reportError(media);
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
