import type { ReactiveControllerHost } from 'lit';
import type { Problem } from '../model/types.js';
import { LazyModule, track } from './lazy.js';

/**
 * How problems are told: the localised message of every problem code, the problem box, the
 * `transcript-error` events and console warnings. Loaded with the first problem: a page with
 * none never needs it.
 */
const reporting = new LazyModule(() => import('./problem-messages.js'));

/** Where problems come from; each source replaces its own list. */
export type ProblemSource = 'transcript' | 'media' | 'tracks' | 'annotations' | 'anchors';

/** The order problems are listed in. */
export const SOURCES: readonly ProblemSource[] = ['transcript', 'media', 'tracks', 'annotations', 'anchors'];

/** Something that takes the problems of one source (a controller's view of the problem report). */
export interface ProblemSink {
  set(source: ProblemSource, problems: readonly Problem[]): void;
}

/** What the problem box says: the messages listed, how many problems there are, the sentence that counts them. */
export interface ProblemBox {
  messages: string[];
  total: number;
  summary: string;
}

const NONE: ProblemBox = { messages: [], total: 0, summary: '' };

/**
 * Collects the problems of every source of one viewer and reports each new list:
 * `transcript-error` events and console warnings (capped per source), the messages of the
 * problem box, and the sentence of the live region. The element keeps no problem lists.
 * The reporting (`problem-messages.ts`) loads with the first problem; lists set before it is
 * there are reported, in order, once it is (the host's `updateComplete` waits for that).
 */
export class ProblemsController implements ProblemSink {
  private readonly bySource = new Map<ProblemSource, readonly Problem[]>();
  private waiting: (readonly Problem[])[] = [];

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {}

  set(source: ProblemSource, problems: readonly Problem[]): void {
    const before = this.bySource.get(source);
    if (!problems.length && !before?.length) return;
    this.bySource.set(source, problems);
    this.host.requestUpdate();
    const told = reporting.module;
    if (told && !this.waiting.length) return told.reportProblems(this.host, problems);
    this.waiting.push(problems);
    if (this.waiting.length === 1) {
      void track(this.host, reporting.load().then((module) => {
        const lists = this.waiting;
        this.waiting = [];
        for (const list of lists) module?.reportProblems(this.host, list);
      }));
    }
  }

  /** Every problem, transcript first. */
  get all(): Problem[] {
    return SOURCES.flatMap((s) => this.bySource.get(s) ?? []);
  }

  /** The problems of one source. */
  of(source: ProblemSource): readonly Problem[] {
    return this.bySource.get(source) ?? [];
  }

  /**
   * What the problem box says: for editors (`debug`) every problem; for readers the
   * transcript's and the media's, and one short notice when the annotations or a translation
   * could not be loaded (see `problemBox`).
   */
  box(debug: boolean): ProblemBox {
    return reporting.module?.problemBox((source) => this.of(source), debug) ?? NONE;
  }

  /** The sentence for the live region ("3 problems were found."), or '' when the reader has none. */
  summary(): string {
    return this.box(false).summary;
  }
}
