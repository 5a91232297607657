import type { MediaSync } from './media-sync.js';

/**
 * "Play this passage": plays exactly the given runs of lines, from the first run's start,
 * jumping over what lies between runs, and pauses at the last run's end; gives up when the
 * reader seeks elsewhere. Subscribes itself to the media time. Part of the annotation module.
 */
export class PassagePlayer {
  /** The passage being played: runs of lines, in time order; the first is playing. */
  private passage: { start: number; end: number }[] = [];

  constructor(private readonly sync: MediaSync) {
    sync.time.add((t) => this.onTime(t));
  }

  play(runs: readonly { start: number; end: number }[], cueId: string | null): void {
    const first = runs[0];
    const media = this.sync.media;
    if (!media || !first) return;
    this.passage = [...runs].sort((a, b) => a.start - b.start);
    this.sync.seek({ time: first.start, cueId });
    try {
      void Promise.resolve(media.play()).catch(() => undefined);
    } catch {
      // a media element that cannot play leaves the seek done
    }
  }

  /** Moves through the passage being played; forgets it when the reader went elsewhere. */
  private onTime(time: number): void {
    const run = this.passage[0];
    const media = this.sync.media;
    if (!run || !media) return;
    if (time < run.start - 0.5 || time > run.end + 1) {
      this.passage = [];
    } else if (time >= run.end) {
      this.passage.shift();
      const next = this.passage[0];
      if (next) this.sync.seek({ time: next.start, cueId: null });
      else media.pause();
    }
  }
}
