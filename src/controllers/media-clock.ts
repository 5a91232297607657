/**
 * The media time between two reports. A native `<video>` gives a fresh `currentTime` on every
 * frame, but iframe players (YouTube, Vimeo) report it a few times a second and late: read on
 * every frame, the time stands still and then jumps, and a word highlight would stutter. This
 * clock interpolates from the last report with the playback rate and the wall clock, and snaps
 * to every new report — so a precise element is followed exactly (every frame is a report).
 *
 * It never runs ahead across a pause, a seek or a stall: stopped, it shows the media's own
 * time; after a seek it holds the target until the media reports a time near it (or a hold
 * limit passes: a player that never confirms is believed again); with no new report for
 * `MAX_AHEAD_MS` it stops extrapolating. Pure (no DOM): the caller gives the time source.
 */

/**
 * Wall-clock ms: how far past the last report the clock may extrapolate — twice the usual
 * interval between reports, within these bounds (a player that stalls without telling is not
 * run ahead of by more than that).
 */
export const MIN_AHEAD_MS = 100;
export const MAX_AHEAD_MS = 1000;
/** Wall-clock ms: how long a seek target is held while the media still reports the old place. */
export const SEEK_HOLD_MS = 2000;
/** Seconds: a report this close to a held seek target confirms the seek. */
const NEAR_TARGET = 0.75;

export class MediaClock {
  /** The media time at `baseAt`. */
  private base = NaN;
  private baseAt = 0;
  /** The last value the media reported (a different one is a new report). */
  private raw = NaN;
  private rate = 1;
  private running = false;
  /** A seek is in flight: hold `base` until the media reports a time near it, or until `holdUntil`. */
  private holdUntil = 0;
  /** Wall-clock ms between reports while running (a moving average). */
  private interval = 250;

  /** A value read from the media at `now` (ms): returns the time to show. */
  read(reported: number, now: number): number {
    if (reported !== this.raw) {
      this.raw = reported;
      const holding = this.holdUntil > now;
      if (!holding || Math.abs(reported - this.base) < NEAR_TARGET) {
        if (this.running && !holding && this.baseAt > 0) this.interval += (Math.min(now - this.baseAt, MAX_AHEAD_MS) - this.interval) / 4;
        this.holdUntil = 0;
        this.base = reported;
        this.baseAt = now;
      }
    }
    return this.estimate(now);
  }

  /** The estimate at `now` without a new reading (never beyond `MAX_AHEAD_MS` past the last report). */
  estimate(now: number): number {
    if (this.holdUntil && now >= this.holdUntil) {
      // The media never confirmed the seek: believe it again, from its last report.
      this.holdUntil = 0;
      this.base = this.raw;
      this.baseAt = now;
    }
    if (!this.running || this.holdUntil > now || Number.isNaN(this.base)) return this.base;
    const ahead = Math.min(MAX_AHEAD_MS, Math.max(MIN_AHEAD_MS, 2 * this.interval));
    const elapsed = Math.min(Math.max(0, now - this.baseAt), ahead);
    return this.base + (elapsed / 1000) * this.rate;
  }

  /** Playing (the clock advances between reports) or stopped (it shows the last report). Re-bases at `now`. */
  setRunning(running: boolean, now: number): void {
    if (running === this.running) return;
    this.rebase(now);
    this.running = running;
  }

  /** The playback rate changed: the time so far was at the old rate, from now on at the new one. */
  setRate(rate: number, now: number): void {
    const r = Number.isFinite(rate) && rate > 0 ? rate : 0;
    if (r === this.rate) return;
    this.rebase(now);
    this.rate = r;
  }

  /** The viewer set the media's time: show the target at once and hold it until the media reports near it. */
  seekTo(target: number, reported: number, now: number): void {
    this.base = target;
    this.baseAt = now;
    this.raw = reported;
    this.holdUntil = now + SEEK_HOLD_MS;
  }

  /**
   * The media began or ended a seek of its own, or stopped: believe its report now (no
   * run-ahead) — unless it is still the old place while a seek the viewer made is held.
   */
  snap(reported: number, now: number): void {
    this.raw = reported;
    if (this.holdUntil > now && Math.abs(reported - this.base) >= NEAR_TARGET) return;
    this.base = reported;
    this.baseAt = now;
    this.holdUntil = 0;
  }

  /** A new source (or none): forget everything. */
  reset(): void {
    this.base = NaN;
    this.raw = NaN;
    this.holdUntil = 0;
    this.running = false;
  }

  private rebase(now: number): void {
    const t = this.estimate(now);
    if (!Number.isNaN(t)) {
      this.base = t;
      this.baseAt = now;
    }
  }
}
