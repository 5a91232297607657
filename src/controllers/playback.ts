import type { MediaLike } from '../model/media.js';
import { TranscriptSeekEvent, type TranscriptSeekDetail } from '../events.js';
import type { MediaTimeController } from './media-time.js';

type SeekRequest = TranscriptSeekDetail;

/**
 * Seeks and plays passages on the bound media. A seek before the media has metadata is kept
 * and applied once it has; "play this passage" plays from a start and pauses at an end, and
 * gives up when the reader seeks elsewhere. Subscribes itself to the media time; fires
 * `transcript-seek` after it set `currentTime`.
 */
export class Playback {
  private pending: SeekRequest | null = null;
  /** The passage being played: runs of lines, in time order; the first is playing. */
  private passage: { start: number; end: number }[] = [];

  constructor(
    private readonly host: HTMLElement,
    private readonly mediaTime: MediaTimeController,
  ) {
    mediaTime.time.add((t) => this.onTime(t));
    mediaTime.metadata.add(() => this.applyPending());
  }

  private get media(): MediaLike | null {
    return this.mediaTime.media;
  }

  private get hasMetadata(): boolean {
    const media = this.media;
    if (!media) return false;
    return typeof media.readyState === 'number' ? media.readyState >= 1 : Number.isFinite(media.duration);
  }

  seek(request: SeekRequest): void {
    const media = this.media;
    if (!media || !Number.isFinite(request.time)) return;
    this.pending = request;
    if (this.hasMetadata) this.applyPending();
    // A native element keeps it as the default start position until metadata arrives.
    else if (typeof HTMLMediaElement !== 'undefined' && media instanceof HTMLMediaElement) media.currentTime = request.time;
  }

  private applyPending(): void {
    const request = this.pending;
    const media = this.media;
    if (!request || !media) return;
    this.pending = null;
    try {
      media.currentTime = request.time;
    } catch {
      return;
    }
    this.mediaTime.sync();
    this.host.dispatchEvent(new TranscriptSeekEvent(request));
  }

  /**
   * Plays exactly the given runs of lines: from the first run's start, jumping over what lies
   * between runs, and pauses at the last run's end.
   */
  playPassage(runs: readonly { start: number; end: number }[], cueId: string | null): void {
    const first = runs[0];
    const media = this.media;
    if (!media || !first) return;
    this.passage = [...runs].sort((a, b) => a.start - b.start);
    this.seek({ time: first.start, cueId });
    try {
      void Promise.resolve(media.play()).catch(() => undefined);
    } catch {
      // a media element that cannot play leaves the seek done
    }
  }

  /** Moves through the passage being played; forgets it when the reader went elsewhere. */
  private onTime(time: number): void {
    const run = this.passage[0];
    if (!run || !this.media) return;
    if (time < run.start - 0.5 || time > run.end + 1) {
      this.passage = [];
    } else if (time >= run.end) {
      this.passage.shift();
      const next = this.passage[0];
      if (next) this.seek({ time: next.start, cueId: null });
      else this.media.pause();
    }
  }
}
