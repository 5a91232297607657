import type { ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import type { Problem } from '../model/types.js';
import { TranscriptErrorEvent } from '../events.js';
import { problemCountText, problemMessage } from './problem-messages.js';

/** Where problems come from; each source replaces its own list. */
export type ProblemSource = 'transcript' | 'media' | 'tracks' | 'annotations' | 'anchors';

/** The order problems are listed in. */
const SOURCES: readonly ProblemSource[] = ['transcript', 'media', 'tracks', 'annotations', 'anchors'];
/** Sources whose every problem the reader sees; the others are listed for editors (`debug`). */
const READER_SOURCES = new Set<ProblemSource>(['transcript', 'media']);

/**
 * Problems of one source reported one by one (an event and a console warning each); past this,
 * one summary event and one summary warning stand for the rest, so a flood of 100,000
 * problems costs the page nothing.
 */
export const MAX_REPORTED_PROBLEMS = 100;

/** Messages listed in the problem box; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 100;

/** Something that takes the problems of one source (a controller's view of the problem report). */
export interface ProblemSink {
  set(source: ProblemSource, problems: readonly Problem[]): void;
}

/**
 * Collects the problems of every source of one viewer and reports each new list:
 * `transcript-error` events and console warnings (capped per source), the messages of the
 * problem box, and the sentence of the live region. The element keeps no problem lists.
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

  /**
   * What the problem box says (at most `MAX_LISTED_PROBLEMS` messages, and how many there are in
   * all): for editors (`debug`) every problem; for readers the transcript's and the media's, and
   * one short notice when the annotations or a translation could not be loaded.
   */
  box(debug: boolean): { messages: string[]; total: number } {
    const sources = debug ? SOURCES : SOURCES.filter((s) => READER_SOURCES.has(s));
    const notices: string[] = [];
    if (!debug && this.of('annotations').some(unavailable)) notices.push(msg('The annotations could not be loaded.', { id: 'notice.annotations' }));
    if (!debug && this.of('tracks').some(unavailable)) notices.push(msg('The translation could not be loaded.', { id: 'notice.translation' }));
    const messages: string[] = [];
    let total = notices.length;
    for (const source of sources) {
      const list = this.of(source);
      total += list.length;
      for (const p of list) {
        if (messages.length >= MAX_LISTED_PROBLEMS) break;
        messages.push(problemMessage(p));
      }
    }
    return { messages: [...messages, ...notices].slice(0, MAX_LISTED_PROBLEMS), total };
  }

  /** The sentence for the live region ("3 problems were found."), or '' when the reader has none. */
  summary(): string {
    const n = this.box(false).total;
    return n ? problemCountText(n) : '';
  }

  private report(problems: readonly Problem[]): void {
    for (const p of problems.slice(0, MAX_REPORTED_PROBLEMS)) {
      const message = problemMessage(p);
      console.warn(`<annotated-transcript>: ${message}`);
      const { kind, line, path, id, candidate, score } = p;
      this.host.dispatchEvent(new TranscriptErrorEvent({ kind, message, line, path, id, candidate, score }));
    }
    const rest = problems.length - MAX_REPORTED_PROBLEMS;
    if (rest <= 0) return;
    const message = msg(str`…and ${rest} more problems of the same source.`, { id: 'problem.more-reported' });
    console.warn(`<annotated-transcript>: ${message}`);
    this.host.dispatchEvent(new TranscriptErrorEvent({ kind: problems[MAX_REPORTED_PROBLEMS]!.kind, message }));
  }
}

/** A file that could not be had or read at all (as opposed to problems inside it). */
const unavailable = (p: Problem): boolean => p.kind === 'fetch' || p.code === 'unreadable' || p.code === 'bad-json' || p.code === 'unknown-format';
