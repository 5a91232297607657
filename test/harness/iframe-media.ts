/**
 * `<iframe-like-media>`: a test double that implements the media contract the way iframe
 * players (YouTube, Vimeo) do, with a true clock the tests can compare against:
 * - `currentTime` is coarse: the value last reported, updated every `reportEveryMs` (with a
 *   `timeupdate`), not on each read;
 * - everything is asynchronous: `play()`, `pause()`, a seek and a rate change take effect (and
 *   fire their events) `latencyMs` later; `seeked` arrives `seekLatencyMs` after `seeking`;
 * - the duration is NaN until the metadata "loads" (`metadataAfterMs` after connection);
 *   `live` makes it Infinity;
 * - `offline`: it fires `emptied` and `loadstart`, then nothing; `play()` never settles and no
 *   `error` fires (what youtube-video-element and vimeo-video-element do without a network);
 * - `fail()` fires `error` with an `error` object like theirs.
 */
export class IframeLikeMedia extends HTMLElement {
  reportEveryMs = 250;
  latencyMs = 40;
  seekLatencyMs = 300;
  metadataAfterMs = 150;
  length = 30;
  live = false;
  offline = false;
  error: { code: number; message: string } | null = null;
  readyState = 0;
  /** Every seek the media applied (its target), in order. */
  readonly seeks: number[] = [];

  private base = 0;
  private baseAt = performance.now();
  private running = false;
  private rate = 1;
  private reported = 0;
  private timer = 0;
  private timeouts = new Set<number>();

  connectedCallback(): void {
    this.later(0, () => {
      this.fire('emptied');
      this.fire('loadstart');
    });
    if (this.offline) return;
    this.later(this.metadataAfterMs, () => {
      this.readyState = 1;
      this.fire('loadedmetadata');
      this.fire('durationchange');
    });
  }

  disconnectedCallback(): void {
    clearInterval(this.timer);
    for (const t of this.timeouts) clearTimeout(t);
    this.timeouts.clear();
  }

  /** Where the media really is, now. */
  trueTime(at = performance.now()): number {
    const t = this.running ? this.base + ((at - this.baseAt) / 1000) * this.rate : this.base;
    return Math.min(t, this.live ? Infinity : this.length);
  }

  get currentTime(): number {
    return this.reported;
  }

  set currentTime(value: number) {
    const target = Math.max(0, Math.min(Number(value), this.live ? Infinity : this.length));
    this.whenLoaded(() => this.later(this.latencyMs, () => {
      this.rebase(target);
      this.seeks.push(target);
      this.reported = target;
      this.fire('seeking');
      this.later(this.seekLatencyMs, () => {
        this.fire('seeked');
        this.fire('timeupdate');
      });
    }));
  }

  get duration(): number {
    if (this.readyState < 1) return NaN;
    return this.live ? Infinity : this.length;
  }

  get paused(): boolean {
    return !this.running;
  }

  get playbackRate(): number {
    return this.rate;
  }

  set playbackRate(value: number) {
    this.later(this.latencyMs, () => {
      this.rebase(this.trueTime());
      this.rate = value;
      this.fire('ratechange');
    });
  }

  play(): Promise<void> {
    if (this.offline) return new Promise<void>(() => {}); // never settles
    return new Promise<void>((resolve) => this.whenLoaded(() => this.later(this.latencyMs, () => {
      if (!this.running) {
        this.rebase(this.trueTime());
        this.running = true;
        this.fire('play');
        this.fire('playing');
        clearInterval(this.timer);
        this.timer = window.setInterval(() => this.report(), this.reportEveryMs);
      }
      resolve();
    })));
  }

  pause(): void {
    this.later(this.latencyMs, () => this.stop('pause'));
  }

  /** Fails as a player does: `error` set, an `error` event. */
  fail(): void {
    this.stop(null);
    this.error = { code: 150, message: 'The player could not play this video.' };
    this.fire('error');
  }

  /** A new source: everything starts again (`emptied`, `loadstart`, metadata later). */
  reload(): void {
    this.stop(null);
    this.error = null;
    this.readyState = 0;
    this.base = 0;
    this.reported = 0;
    this.connectedCallback();
  }

  private report(): void {
    this.reported = this.trueTime();
    this.fire('timeupdate');
    if (!this.live && this.reported >= this.length) {
      this.stop('pause');
      this.fire('ended');
    }
  }

  private stop(event: 'pause' | null): void {
    if (!this.running) return;
    this.rebase(this.trueTime());
    this.running = false;
    clearInterval(this.timer);
    this.reported = this.base;
    if (event) this.fire(event);
    this.fire('timeupdate');
  }

  private rebase(t: number): void {
    this.base = t;
    this.baseAt = performance.now();
  }

  private whenLoaded(fn: () => void): void {
    if (this.readyState >= 1) return fn();
    this.addEventListener('loadedmetadata', fn, { once: true });
  }

  private later(ms: number, fn: () => void): void {
    const id = window.setTimeout(() => {
      this.timeouts.delete(id);
      fn();
    }, ms);
    this.timeouts.add(id);
  }

  private fire(type: string): void {
    this.dispatchEvent(new Event(type));
  }
}

if (!customElements.get('iframe-like-media')) customElements.define('iframe-like-media', IframeLikeMedia);

declare global {
  interface HTMLElementTagNameMap {
    'iframe-like-media': IframeLikeMedia;
  }
}
