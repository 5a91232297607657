import type { ReactiveControllerHost } from 'lit';
import type { Problem } from '../model/types.js';
import { TranscriptErrorEvent } from '../events.js';
import { problemCountText, problemMessage } from './problem-messages.js';

/** Where problems come from; each source replaces its own list. */
export type ProblemSource = 'transcript' | 'media' | 'tracks' | 'annotations' | 'anchors';

/** The order problems are listed in. */
const SOURCES: readonly ProblemSource[] = ['transcript', 'media', 'tracks', 'annotations', 'anchors'];
/** Sources the reader always sees; the others (for editors) are shown with `debug`. */
const READER_SOURCES = new Set<ProblemSource>(['transcript', 'media']);

/** Something that takes the problems of one source (a controller's view of the problem report). */
export interface ProblemSink {
  set(source: ProblemSource, problems: readonly Problem[]): void;
}

/**
 * Collects the problems of every source of one viewer and reports each new list: one
 * `transcript-error` event and one console warning per problem. The element renders `visible()`
 * in its problem box and `summary()` in its live region; it keeps no problem lists of its own.
 */
export class ProblemsController implements ProblemSink {
  private readonly bySource = new Map<ProblemSource, readonly Problem[]>();

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {}

  set(source: ProblemSource, problems: readonly Problem[]): void {
    const before = this.bySource.get(source);
    if (!problems.length && !before?.length) return;
    this.bySource.set(source, problems);
    this.report(problems);
    this.host.requestUpdate();
  }

  /** Every problem, transcript first. */
  get all(): Problem[] {
    return SOURCES.flatMap((s) => this.bySource.get(s) ?? []);
  }

  /** The problems of one source. */
  of(source: ProblemSource): readonly Problem[] {
    return this.bySource.get(source) ?? [];
  }

  /** What the problem box lists: the reader's problems, or all of them for editors. */
  visible(debug: boolean): Problem[] {
    return debug ? this.all : SOURCES.filter((s) => READER_SOURCES.has(s)).flatMap((s) => this.bySource.get(s) ?? []);
  }

  /** The sentence for the live region ("3 problems were found."), or '' when there are none. */
  summary(): string {
    const n = this.visible(false).length;
    return n ? problemCountText(n) : '';
  }

  private report(problems: readonly Problem[]): void {
    for (const p of problems) {
      const message = problemMessage(p);
      console.warn(`<annotated-transcript>: ${message}`);
      const { kind, line, path, id, candidate, score } = p;
      this.host.dispatchEvent(new TranscriptErrorEvent({ kind, message, line, path, id, candidate, score }));
    }
  }
}
