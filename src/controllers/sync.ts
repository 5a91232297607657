import type { ReactiveControllerHost } from 'lit';
import type { MediaLike } from '../model/media.js';
import { ActiveCueController } from './active-cue.js';
import { AutoScrollController } from './auto-scroll.js';
import type { Emitter } from './emitter.js';
import type { LineElements } from './line-elements.js';
import { MediaTimeController } from './media-time.js';
import { Playback } from './playback.js';
import type { ProblemSink } from './problems.js';
import type { TranscriptController } from './transcript.js';

export interface SyncDeps {
  problems: ProblemSink;
  transcript: TranscriptController;
  lines: LineElements;
  /** Where the controllers publish (the seam's emitters: subscribers had them first). */
  time: Emitter<number>;
  mediaChanged: Emitter<MediaLike | null>;
  lineChanged: Emitter<number>;
}

/**
 * The media sync of one viewer, one chunk loaded on demand (`MediaSync`): the media's clock,
 * the active line and word, following them (auto-scroll), and seeking.
 */
export function startSync(host: ReactiveControllerHost & HTMLElement, deps: SyncDeps) {
  const mediaTime = new MediaTimeController(host, deps.problems, deps);
  const activeLine = new ActiveCueController(host, { ...deps, mediaTime });
  const autoScroll = new AutoScrollController(host, { scroller: () => deps.lines.scroller(), targets: activeLine.target, resets: deps.transcript.changed });
  const playback = new Playback(host, mediaTime);
  return { mediaTime, activeLine, autoScroll, playback };
}

export type SyncParts = ReturnType<typeof startSync>;
