import type { ReactiveControllerHost } from 'lit';
import type { Cue, ParseResult, Problem, Transcript } from '../model/types.js';
import { CueIndex } from '../model/cue-index.js';
import { normaliseTranscriptData, parseTranscript } from '../model/parse/index.js';
import { Emitter } from './emitter.js';
import type { ProblemSink } from './problems.js';
import { SourceController } from './source.js';

/**
 * The transcript being shown: from `src` (fetched and parsed) or from data, whichever was set
 * last; its cue index (sorted starts, binary search) and content language. Publishes every new
 * transcript on `changed`; its problems go to the problem report.
 */
export class TranscriptController {
  /** The cue index of the transcript shown, null when there is none. */
  index: CueIndex | null = null;
  /** Content language of the transcript (BCP 47), when the file gives one. */
  lang: string | undefined;
  /** Counts transcripts shown: the line list is re-created when it changes. */
  generation = 0;
  /** A new transcript (or none) is shown. */
  readonly changed = new Emitter<CueIndex | null>();
  readonly source: SourceController<ParseResult>;
  private hasProblems = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly problems: ProblemSink,
  ) {
    this.source = new SourceController<ParseResult>(host, {
      fromText: ({ text, url, contentType }) => parseTranscript(text, { url, contentType }),
      fromData: (data) => normaliseTranscriptData(data),
      onResult: (result, fetchProblems) => this.show(result?.transcript ?? null, [...fetchProblems, ...(result?.problems ?? [])]),
      // The previous file's lines go at once: they are not the transcript being asked for.
      onLoadStart: () => {
        if (this.index || this.hasProblems) this.show(null, []);
      },
    });
  }

  /** The cues in display order. */
  get cues(): readonly Cue[] {
    return this.index?.cues ?? [];
  }

  get loading(): boolean {
    return this.source.loading;
  }

  private show(transcript: Transcript | null, problems: Problem[]): void {
    this.generation++;
    this.index = transcript ? new CueIndex(transcript.cues) : null;
    this.lang = transcript?.lang;
    this.hasProblems = problems.length > 0;
    this.problems.set('transcript', problems);
    this.changed.emit(this.index);
    this.host.requestUpdate();
  }
}
