import type { ReactiveControllerHost } from 'lit';
import type { Cue, Problem } from '../model/types.js';
import type { CueIndex } from '../model/cue-index.js';
import { preloadReaders, readTranscriptData, readTranscriptFile, shiftIndex, type ReadTranscript } from './readers.js';
import { Emitter } from './emitter.js';
import type { ProblemSink } from './problems.js';
import { SourceController } from './source.js';
import { LightSourceController } from './light-source.js';

/**
 * The transcript being shown: from `src` (fetched and parsed) or from data, whichever was set
 * last; its cue index (sorted starts, binary search) and content language. Publishes every new
 * transcript on `changed`; its problems go to the problem report. The readers load on demand
 * (`readers.ts`): the file readers while the first file is fetched.
 */
export class TranscriptController {
  /** The cue index of the transcript shown, in media time (the file's times + `offset`), null when there is none. */
  index: CueIndex | null = null;
  /** The same transcript in the file's own times. */
  fileIndex: CueIndex | null = null;
  /** Seconds: a line at t in the file is spoken at t + offset in the media (see `model/offset.ts`). */
  offset = 0;
  /** Content language of the transcript (BCP 47), when the file gives one. */
  lang: string | undefined;
  /** Counts transcripts shown: the line list is re-created when it changes. */
  generation = 0;
  /** A new transcript (or none) is shown. */
  readonly changed = new Emitter<CueIndex | null>();
  readonly source: SourceController<ReadTranscript>;
  private readonly light: LightSourceController;
  private hasProblems = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly problems: ProblemSink,
  ) {
    this.source = new SourceController<ReadTranscript>(host, {
      fromText: readTranscriptFile,
      fromData: readTranscriptData,
      onResult: (result, fetchProblems) => this.show(result?.index ?? null, result?.transcript?.lang, [...fetchProblems, ...(result?.problems ?? [])]),
      // The previous file's lines go at once: they are not the transcript being asked for.
      onLoadStart: () => {
        preloadReaders();
        if (this.index || this.hasProblems) this.show(null, undefined, []);
      },
    });
    // A transcript written in the page, inside the element (progressive enhancement).
    this.light = new LightSourceController(host as ReactiveControllerHost & Element, () => this.source.given, (t) => this.source.setText(t.text, t.contentType));
  }

  /** The cues in display order (media time). */
  get cues(): readonly Cue[] {
    return this.index?.cues ?? [];
  }

  /** The cues with the file's own times. */
  get fileCues(): readonly Cue[] {
    return this.fileIndex?.cues ?? [];
  }

  /** Shifts the transcript shown against the media (seconds; anything not a finite number is 0); every subscriber of `changed` sees it at once. */
  setOffset(value: unknown): void {
    const offset = Number.isFinite(Number(value)) ? Number(value) : 0;
    if (offset === this.offset) return;
    this.offset = offset;
    if (this.fileIndex) this.show(this.fileIndex, this.lang, null);
  }

  get loading(): boolean {
    return this.source.loading || this.light.pending;
  }

  /** `problems` null: the same as before (only the offset changed). */
  private show(index: CueIndex | null, lang: string | undefined, problems: Problem[] | null): void {
    this.generation++;
    this.fileIndex = index;
    this.index = index && shiftIndex(index, this.offset);
    this.lang = lang;
    if (problems) {
      this.hasProblems = problems.length > 0;
      this.problems.set('transcript', problems);
    }
    this.changed.emit(this.index);
    this.host.requestUpdate();
  }
}
