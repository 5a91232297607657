/**
 * A fake of YouTube's iframe API (`window.YT`), enough to drive the real `<youtube-video>`
 * (youtube-video-element uses `window.YT` when it exists, and loads nothing). Install it
 * before that module is imported. Like the real player it is asynchronous (state changes are
 * reported later, never inside the call) and coarse: `getCurrentTime()` is the time last
 * delivered, every `reportEveryMs`. `trueTime()` of a player is where it really is.
 */
export interface FakeYTPlayer {
  trueTime(): number;
  readonly seeks: number[];
  readonly calls: string[];
}

const STATE = { UNSTARTED: -1, ENDED: 0, PLAYING: 1, PAUSED: 2, BUFFERING: 3, CUED: 5 };

export const fakeYT = {
  players: [] as FakeYTPlayer[],
  reportEveryMs: 250,
  latencyMs: 30,
  duration: 30,
};

type Listener = (event: { data: unknown; target: unknown }) => void;

class Player implements FakeYTPlayer {
  readonly seeks: number[] = [];
  readonly calls: string[] = [];
  private readonly listeners = new Map<string, Listener[]>();
  private state = STATE.UNSTARTED;
  private base = 0;
  private baseAt = performance.now();
  private rate = 1;
  private delivered = 0;
  private timer = 0;

  constructor(_iframe: unknown, options: { events?: { onReady?: Listener; onError?: Listener } }) {
    fakeYT.players.push(this);
    setTimeout(() => options.events?.onReady?.({ data: null, target: this }), fakeYT.latencyMs);
  }

  trueTime(): number {
    const t = this.state === STATE.PLAYING ? this.base + ((performance.now() - this.baseAt) / 1000) * this.rate : this.base;
    return Math.min(t, fakeYT.duration);
  }

  addEventListener(name: string, fn: Listener): void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
  }

  removeEventListener(name: string, fn: Listener): void {
    this.listeners.set(name, (this.listeners.get(name) ?? []).filter((f) => f !== fn));
  }

  playVideo(): void {
    this.calls.push('playVideo');
    this.later(() => {
      this.rebase();
      this.setState(STATE.PLAYING);
      clearInterval(this.timer);
      this.timer = window.setInterval(() => this.deliver(), fakeYT.reportEveryMs);
    });
  }

  pauseVideo(): void {
    this.calls.push('pauseVideo');
    this.later(() => {
      if (this.state !== STATE.PLAYING) return;
      this.rebase();
      clearInterval(this.timer);
      this.delivered = this.base;
      this.setState(STATE.PAUSED);
    });
  }

  seekTo(seconds: number): void {
    this.calls.push(`seekTo ${seconds}`);
    this.seeks.push(seconds);
    this.later(() => {
      this.base = seconds;
      this.baseAt = performance.now();
      this.delivered = seconds;
      this.emit('onVideoProgress', seconds);
    });
  }

  getCurrentTime(): number {
    return this.delivered;
  }
  getDuration(): number {
    return fakeYT.duration;
  }
  getPlayerState(): number {
    return this.state;
  }
  getVideoLoadedFraction(): number {
    return 1;
  }
  getPlaybackRate(): number {
    return this.rate;
  }
  setPlaybackRate(rate: number): void {
    this.later(() => {
      this.rebase();
      this.rate = rate;
      this.emit('onPlaybackRateChange', rate);
    });
  }
  getVolume(): number {
    return 100;
  }
  setVolume(): void {}
  isMuted(): boolean {
    return true;
  }
  mute(): void {}
  unMute(): void {}
  getOption(): unknown[] {
    return [];
  }
  setOption(): void {}
  destroy(): void {
    clearInterval(this.timer);
  }

  private deliver(): void {
    this.delivered = this.trueTime();
    this.emit('onVideoProgress', this.delivered);
    if (this.delivered >= fakeYT.duration) {
      clearInterval(this.timer);
      this.rebase();
      this.setState(STATE.ENDED);
    }
  }

  private rebase(): void {
    this.base = this.trueTime();
    this.baseAt = performance.now();
  }

  private setState(state: number): void {
    this.state = state;
    this.emit('onStateChange', state);
  }

  private emit(name: string, data: unknown): void {
    for (const fn of this.listeners.get(name) ?? []) fn({ data, target: this });
  }

  private later(fn: () => void): void {
    setTimeout(fn, fakeYT.latencyMs);
  }
}

/** Installs the fake as `window.YT` (call before importing youtube-video-element). */
export function installFakeYT(): void {
  (window as unknown as { YT: unknown }).YT = { PlayerState: STATE, Player };
}
