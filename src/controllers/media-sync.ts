import type { ReactiveControllerHost } from 'lit';
import type { MediaLike } from '../model/media.js';
import type { TranscriptSeekDetail } from '../events.js';
import type { AutoScrollController, TargetDirection } from './auto-scroll.js';
import { Emitter } from './emitter.js';
import { LazyModule, track } from './lazy.js';
import type { LineElements } from './line-elements.js';
import type { ProblemSink } from './problems.js';
import type { SyncParts } from './sync.js';
import type { TranscriptController } from './transcript.js';

const syncModule = new LazyModule(() => import('./sync.js'));

/**
 * The seam to the media sync (`sync.ts`: the media's clock, the active line and word,
 * auto-scroll, seeking), which loads when a media element is bound — or when search needs
 * auto-scroll. What the viewer knows of the media before that: which one is bound, and
 * emitters that the sync publishes on once it runs (the media time, a change of media, of the
 * active line). A seek asked for while it loads is applied once it is there.
 */
export class MediaSync {
  /** The media time, every frame while playing and on every media event. */
  readonly time = new Emitter<number>();
  /** Another media element (or none) was bound. */
  readonly mediaChanged = new Emitter<MediaLike | null>();
  /** The active line changed (its index, -1 in a gap). */
  readonly lineChanged = new Emitter<number>();
  private parts: SyncParts | null = null;
  private started: Promise<SyncParts | null> | null = null;
  private bound: MediaLike | null = null;
  private queued: TranscriptSeekDetail | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly deps: { problems: ProblemSink; transcript: TranscriptController; lines: LineElements },
  ) {}

  /** The bound media element. */
  get media(): MediaLike | null {
    return this.bound;
  }

  /** Its duration when known (0 otherwise). */
  get duration(): number {
    return this.parts?.mediaTime.duration ?? 0;
  }

  /** The active line (display index), -1 in a gap or with no media. */
  get lineIndex(): number {
    return this.parts?.activeLine.lineIndex ?? -1;
  }

  /** Whether auto-scroll follows the active line, and where that line is while it does not. */
  get following(): boolean {
    return this.parts?.autoScroll.following ?? true;
  }

  get direction(): TargetDirection {
    return this.parts?.autoScroll.direction ?? 'none';
  }

  /** Binds to a media element (or none). */
  setMedia(media: MediaLike | null): void {
    if (media === this.bound) return;
    this.bound = media;
    if (this.parts) return this.parts.mediaTime.setMedia(media);
    this.deps.problems.set('media', []);
    this.mediaChanged.emit(media);
    if (media) void this.start();
  }

  /** Seeks the media (applied once it has metadata); fires `transcript-seek`. */
  seek(request: TranscriptSeekDetail): void {
    if (this.parts) this.parts.playback.seek(request);
    else if (this.bound) this.queued = request;
  }

  /** Auto-scroll stops following (the reader took over). */
  pause(): void {
    this.parts?.autoScroll.pause();
  }

  /** Auto-scroll follows again (and brings the target, or the line given, into view). */
  resume(target?: HTMLElement | null): void {
    this.parts?.autoScroll.resume(target);
  }

  /** The auto-scroll controller (search pauses it while there is a query), loading the sync when needed. */
  async autoScroll(): Promise<AutoScrollController | null> {
    return (await this.start())?.autoScroll ?? null;
  }

  private start(): Promise<SyncParts | null> {
    return (this.started ??= track(this.host, syncModule.load().then((sync) => {
      if (!sync) return null;
      const parts = sync.startSync(this.host, { ...this.deps, time: this.time, mediaChanged: this.mediaChanged, lineChanged: this.lineChanged });
      this.parts = parts;
      parts.mediaTime.setMedia(this.bound);
      const queued = this.queued;
      this.queued = null;
      if (queued) parts.playback.seek(queued);
      return parts;
    })));
  }
}
