import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MediaLike } from '../model/media.js';
import { Emitter } from './emitter.js';
import { MediaClock } from './media-clock.js';
import type { ProblemSink } from './problems.js';

const EVENTS = [
  'timeupdate', 'play', 'playing', 'pause', 'ended', 'waiting', 'seeking', 'seeked', 'ratechange',
  'loadedmetadata', 'durationchange', 'emptied', 'loadstart', 'error',
] as const;
/** The media stopped moving: show its own time, stop the frame loop. */
const STOPPED = new Set(['pause', 'ended', 'waiting']);
/** A new source (or none). */
const NEW_SOURCE = new Set(['emptied', 'loadstart']);

const now = (): number => performance.now();

/**
 * Whether the media knows its duration or position range, so that a seek can be applied:
 * `readyState` ≥ 1 when the element has one, else a duration that is a number (Infinity: live).
 */
export function hasMetadata(media: MediaLike): boolean {
  try {
    return typeof media.readyState === 'number' ? media.readyState >= 1 : typeof media.duration === 'number' && !Number.isNaN(media.duration);
  } catch {
    return false;
  }
}

/**
 * Follows the bound media element's clock and publishes it. The media is the clock: this
 * controller reads `currentTime` on each requestAnimationFrame while playing (timeupdate alone
 * is ~4 Hz) and on every media event; between the coarse, late reports of iframe players it
 * interpolates (`MediaClock`: snaps to each report, never runs ahead across a pause, a seek or
 * a stall). No frame loop runs while paused, ended, failed or unbound.
 *
 * A media element that fails (`error`) or an iframe player that does not load within
 * `loadTimeoutMs` (an offline YouTube or Vimeo element fires no error and never settles
 * `play()`) is reported as a problem; while failed, `failed` is true (the viewer does not seek).
 */
export class MediaTimeController implements ReactiveController {
  /** How long an iframe player (any media element that is not a native one) may take to load its metadata. */
  static loadTimeoutMs = 15_000;
  /** The media time, every frame while playing and on every media event. */
  readonly time: Emitter<number>;
  /** The media has metadata (duration known; a seek can be applied). */
  readonly metadata = new Emitter<void>();
  /** Another media element (or none) was bound. */
  readonly mediaChanged: Emitter<MediaLike | null>;
  private bound: MediaLike | null = null;
  private frame = 0;
  private connected = false;
  private readonly clock = new MediaClock();
  private failedMedia: MediaLike | null = null;
  private loadTimer = 0;

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

  /** The bound media failed (an `error`, or it did not load in time): seeking is off until it gets a new source. */
  get failed(): boolean {
    return this.bound !== null && this.failedMedia === this.bound;
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
    this.failedMedia = null;
    this.clock.reset();
    this.problems.set('media', []);
    if (media && this.connected) this.attach(media);
    this.mediaChanged.emit(media);
  }

  /** Reads the clock now and publishes it. */
  sync(): void {
    const t = this.readTime();
    if (t !== null) this.publish(this.clock.read(t, now()));
  }

  /** The viewer set the media's `currentTime`: shows the target at once, held until the media reports near it. */
  sought(target: number): void {
    this.clock.seekTo(target, this.readTime() ?? target, now());
    this.publish(target);
  }

  private publish(t: number): void {
    if (Number.isNaN(t)) return;
    const d = this.bound?.duration;
    this.time.emit(typeof d === 'number' && Number.isFinite(d) && t > d ? d : t);
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
    const type = event.type;
    const at = now();
    if (type === 'error') return this.fail(media, 'media-error');
    if (NEW_SOURCE.has(type) && !media.error) {
      if (type === 'emptied') this.clock.reset();
      this.recover();
      this.armLoadTimer(media);
    }
    if (type === 'play') this.startLoop();
    else if (type === 'playing') {
      this.clock.setRunning(true, at);
      this.startLoop();
    } else if (STOPPED.has(type) || type === 'emptied') {
      this.snap(at);
      this.clock.setRunning(false, at);
      if (type !== 'waiting') this.stopLoop();
    } else if (type === 'seeking' || type === 'seeked') this.snap(at);
    else if (type === 'ratechange') this.clock.setRate(this.rate(media), at);
    else if ((type === 'loadedmetadata' || type === 'durationchange') && hasMetadata(media)) {
      this.loaded();
      if (type === 'loadedmetadata') this.metadata.emit();
    }
    this.sync();
  };

  private snap(at: number): void {
    const t = this.readTime();
    if (t !== null) this.clock.snap(t, at);
  }

  private rate(media: MediaLike): number {
    try {
      return typeof media.playbackRate === 'number' ? media.playbackRate : 1;
    } catch {
      return 1;
    }
  }

  /** The media failed: the problem is shown, the clock stops, seeking is off. */
  private fail(media: MediaLike, code: 'media-error' | 'media-timeout'): void {
    this.failedMedia = media;
    this.clearLoadTimer();
    this.stopLoop();
    this.clock.setRunning(false, now());
    let detail = `${MediaTimeController.loadTimeoutMs / 1000} s`;
    if (code === 'media-error') {
      const err = media.error;
      detail = err?.message || (err ? `MediaError ${err.code}` : 'error');
    }
    this.problems.set('media', [{ kind: 'media', code, detail }]);
  }

  /** A new source, or the metadata came after all: the failure (if any) is over. */
  private recover(): void {
    if (!this.failedMedia) return;
    this.failedMedia = null;
    this.problems.set('media', []);
  }

  private loaded(): void {
    this.clearLoadTimer();
    if (this.bound && !this.bound.error) this.recover();
  }

  /** An iframe player (not a native element, not `preload="none"`) without metadata gets `loadTimeoutMs` to load it. */
  private armLoadTimer(media: MediaLike): void {
    this.clearLoadTimer();
    if (hasMetadata(media) || (typeof HTMLMediaElement !== 'undefined' && media instanceof HTMLMediaElement)) return;
    // A player told not to preload has no metadata until it plays: not a failure.
    if (media instanceof Element && media.getAttribute('preload') === 'none') return;
    this.loadTimer = window.setTimeout(() => {
      if (this.bound === media && !hasMetadata(media) && !this.failed) this.fail(media, 'media-timeout');
    }, MediaTimeController.loadTimeoutMs);
  }

  private clearLoadTimer(): void {
    clearTimeout(this.loadTimer);
    this.loadTimer = 0;
  }

  private attach(media: MediaLike): void {
    for (const type of EVENTS) media.addEventListener(type, this.handleEvent);
    let paused = true;
    try {
      paused = media.paused;
    } catch {}
    const at = now();
    this.clock.setRate(this.rate(media), at);
    // A media element that failed before we bound to it fires no more `error` events.
    if (media.error) this.fail(media, 'media-error');
    else {
      this.armLoadTimer(media);
      if (!paused) {
        this.clock.setRunning(true, at);
        this.startLoop();
      }
    }
    this.sync();
  }

  private detach(media: MediaLike): void {
    for (const type of EVENTS) media.removeEventListener(type, this.handleEvent);
    this.stopLoop();
    this.clearLoadTimer();
    this.clock.setRunning(false, now());
  }

  private startLoop(): void {
    if (this.frame || this.failed) return;
    const step = () => {
      this.frame = requestAnimationFrame(step);
      // A player may report a pause before (or without) its `pause` event: do not run ahead across it.
      let paused = false;
      try {
        paused = this.bound?.paused === true;
      } catch {}
      if (paused) {
        this.clock.setRunning(false, now());
        this.stopLoop();
      }
      this.sync();
    };
    this.frame = requestAnimationFrame(step);
  }

  private stopLoop(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }
}
