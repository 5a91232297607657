import type { MediaLike } from '../model/media.js';
import { TranscriptSeekEvent, type TranscriptSeekDetail } from '../events.js';
import type { MediaTimeController } from './media-time.js';

type SeekRequest = TranscriptSeekDetail;

/**
 * Seeks on the bound media. A seek before the media has metadata is kept and applied once it
 * has; fires `transcript-seek` after it set `currentTime`. ("Play this passage" is
 * `PassagePlayer`, in the annotation module.)
 */
export class Playback {
  private pending: SeekRequest | null = null;

  constructor(
    private readonly host: HTMLElement,
    private readonly mediaTime: MediaTimeController,
  ) {
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
}
