import type { MediaLike } from './media-link.js';

export interface SeekRequest {
  time: number;
  cueId: string | null;
}

/**
 * Seeks and plays passages on the bound media. A seek before the media has metadata is kept
 * and applied once it has; "play this passage" plays from a start and pauses at an end, and
 * gives up when the reader seeks elsewhere.
 */
export class Playback {
  media: MediaLike | null = null;
  private pending: SeekRequest | null = null;
  private stopAt: { start: number; end: number } | null = null;

  constructor(private readonly onSeeked: (request: SeekRequest) => void) {}

  get hasMetadata(): boolean {
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

  /** Called when the media reports metadata. */
  applyPending(): void {
    const request = this.pending;
    const media = this.media;
    if (!request || !media) return;
    this.pending = null;
    try {
      media.currentTime = request.time;
    } catch {
      return;
    }
    this.onSeeked(request);
  }

  /** Plays [start, end) and pauses at its end. */
  playPassage(start: number, end: number, cueId: string | null): void {
    if (!this.media) return;
    this.seek({ time: start, cueId });
    this.stopAt = { start, end };
    try {
      void Promise.resolve(this.media.play()).catch(() => undefined);
    } catch {
      // a media element that cannot play leaves the seek done
    }
  }

  /** Called with the media time each frame: ends a passage at its end, forgets it when the reader went elsewhere. */
  onTime(time: number): void {
    const passage = this.stopAt;
    if (!passage || !this.media) return;
    if (time < passage.start - 0.5 || time > passage.end + 1) {
      this.stopAt = null;
    } else if (time >= passage.end) {
      this.stopAt = null;
      this.media.pause();
    }
  }
}
