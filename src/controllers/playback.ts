import type { MediaLike } from '../model/media.js';
import { TranscriptSeekEvent, type TranscriptSeekDetail } from '../events.js';
import { hasMetadata, type MediaTimeController } from './media-time.js';

type SeekRequest = TranscriptSeekDetail;

/**
 * Seeks on the bound media. A seek before the media has metadata is kept (the last one asked
 * for) and applied once it has; fires `transcript-seek` after it set `currentTime`. Times are
 * media time (the transcript is shifted by its `offset` already); a target before 0 seeks to 0.
 * While the media has failed, nothing is sought. ("Play this passage" is `PassagePlayer`, in the
 * annotation module.)
 */
export class Playback {
  private pending: SeekRequest | null = null;

  constructor(
    private readonly host: HTMLElement,
    private readonly mediaTime: MediaTimeController,
  ) {
    mediaTime.metadata.add(() => this.applyPending());
    mediaTime.mediaChanged.add(() => (this.pending = null));
  }

  private get media(): MediaLike | null {
    return this.mediaTime.media;
  }

  seek(request: SeekRequest): void {
    const media = this.media;
    if (!media || !Number.isFinite(request.time) || this.mediaTime.failed) return;
    this.pending = request;
    if (hasMetadata(media)) this.applyPending();
    // A native element keeps it as the default start position until metadata arrives.
    else if (typeof HTMLMediaElement !== 'undefined' && media instanceof HTMLMediaElement) media.currentTime = Math.max(0, request.time);
  }

  private applyPending(): void {
    const request = this.pending;
    const media = this.media;
    if (!request || !media || this.mediaTime.failed) return;
    this.pending = null;
    const target = Math.max(0, request.time);
    try {
      media.currentTime = target;
    } catch {
      return;
    }
    this.mediaTime.sought(target);
    this.host.dispatchEvent(new TranscriptSeekEvent(request));
  }
}
