/**
 * How problems are told, loaded with a viewer's first problem (`ProblemsController`): the
 * localised sentence of every problem code, the problem box, and the `transcript-error` events
 * and console warnings.
 */
import { msg, str } from '@lit/localize';
import type { Problem } from '../model/types.js';
import { TranscriptErrorEvent } from '../events.js';
import { SOURCES, type ProblemBox, type ProblemSource } from './problems.js';

/**
 * Problems of one source reported one by one (an event and a console warning each); past this,
 * one summary event and one summary warning stand for the rest, so a flood of 100,000
 * problems costs the page nothing.
 */
export const MAX_REPORTED_PROBLEMS = 100;

/** Messages listed in the problem box; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 100;

/** Sources whose every problem the reader sees; the others are listed for editors (`debug`). */
const READER_SOURCES = new Set<ProblemSource>(['transcript', 'media']);

/** A file that could not be had or read at all (as opposed to problems inside it). */
const unavailable = (p: Problem): boolean => p.kind === 'fetch' || p.code === 'unreadable' || p.code === 'bad-json' || p.code === 'unknown-format';

/**
 * What the problem box says (at most `MAX_LISTED_PROBLEMS` messages, and how many there are in
 * all): for editors (`debug`) every problem; for readers the transcript's and the media's, and
 * one short notice when the annotations or a translation could not be loaded.
 */
export function problemBox(of: (source: ProblemSource) => readonly Problem[], debug: boolean): ProblemBox {
  const sources = debug ? SOURCES : SOURCES.filter((s) => READER_SOURCES.has(s));
  const notices: string[] = [];
  if (!debug && of('annotations').some(unavailable)) notices.push(msg('The annotations could not be loaded.', { id: 'notice.annotations' }));
  if (!debug && of('tracks').some(unavailable)) notices.push(msg('The translation could not be loaded.', { id: 'notice.translation' }));
  const messages: string[] = [];
  let total = notices.length;
  for (const source of sources) {
    const list = of(source);
    total += list.length;
    for (const p of list) {
      if (messages.length >= MAX_LISTED_PROBLEMS) break;
      messages.push(problemMessage(p));
    }
  }
  return { messages: [...messages, ...notices].slice(0, MAX_LISTED_PROBLEMS), total, summary: total ? problemCountText(total) : '' };
}

/** One `transcript-error` event and one console warning per problem of a new list (capped: one summary for the rest). */
export function reportProblems(host: EventTarget, problems: readonly Problem[]): void {
  for (const p of problems.slice(0, MAX_REPORTED_PROBLEMS)) {
    const message = problemMessage(p);
    console.warn(`<annotated-transcript>: ${message}`);
    const { kind, line, path, id, candidate, score } = p;
    host.dispatchEvent(new TranscriptErrorEvent({ kind, message, line, path, id, candidate, score }));
  }
  const rest = problems.length - MAX_REPORTED_PROBLEMS;
  if (rest <= 0) return;
  const message = msg(str`…and ${rest} more problems of the same source.`, { id: 'problem.more-reported' });
  console.warn(`<annotated-transcript>: ${message}`);
  host.dispatchEvent(new TranscriptErrorEvent({ kind: problems[MAX_REPORTED_PROBLEMS]!.kind, message }));
}

/** "One problem was found." / "3 problems were found." */
export function problemCountText(count: number): string {
  return count === 1 ? msg('One problem was found.', { id: 'problem.one' }) : msg(str`${count} problems were found.`, { id: 's80e9ce7e45b07ab6' });
}

/** The localised sentence for one problem, with where it happened. */
export function problemMessage(p: Problem): string {
  const text = problemText(p);
  if (p.line !== undefined) return msg(str`Line ${p.line}: ${text}`, { id: 'problem.at-line' });
  if (p.path !== undefined) return msg(str`At ${p.path}: ${text}`, { id: 'problem.at-path' });
  return text;
}

function problemText(p: Problem): string {
  const detail = p.detail ?? '';
  const id = p.id ?? '';
  switch (p.code) {
    case 'http-status':
      return msg(str`The file could not be loaded (HTTP ${detail}).`, { id: 'problem.http-status' });
    case 'network':
      return msg('The file could not be loaded: the network request failed.', { id: 'problem.network' });
    case 'content-type':
      return msg(str`The server sent a file of type “${detail}”, which is not a transcript.`, { id: 'problem.content-type' });
    case 'unknown-format':
      return msg('This file is not in a transcript format the viewer reads (WebVTT, SRT, Podcasting 2.0 JSON, Hyperaudio HTML or transcript JSON).', { id: 'problem.unknown-format' });
    case 'bad-signature':
      return msg('The WebVTT file does not start with “WEBVTT”; the cues that could be read are shown.', { id: 'problem.bad-signature' });
    case 'bad-json':
      return msg(str`The file is not valid JSON (${detail}).`, { id: 'problem.bad-json' });
    case 'unsupported-version':
      return msg(str`Version ${detail} of this format is not supported.`, { id: 'problem.unsupported-version' });
    case 'unreadable':
      return msg(str`The file could not be read (${detail}).`, { id: 'problem.unreadable' });
    case 'no-cues':
      return msg('The file holds no transcript lines.', { id: 'problem.no-cues' });
    case 'bad-timestamp':
      return msg(str`The timestamp “${detail}” is not valid; that line was skipped.`, { id: 'problem.bad-timestamp' });
    case 'bad-range':
      return msg(str`The line ends before it starts (${detail}); it is shown with no duration.`, { id: 'problem.bad-range' });
    case 'missing-timing':
      return msg('A block has no timing line; it was skipped.', { id: 'problem.missing-timing' });
    case 'bad-cue':
      return msg(str`A line could not be read (“${detail}”); it was skipped.`, { id: 'problem.bad-cue' });
    case 'bad-field':
      return msg('This field has a wrong value; it was skipped.', { id: 'problem.bad-field' });
    case 'duplicate-id':
      // Transcript cues are renamed (nothing is lost); duplicated annotations and claims are skipped.
      if (p.kind === 'annotation') return msg(str`The id “${id}” is used twice; the second item was skipped.`, { id: 'problem.duplicate-id-skipped' });
      return msg(str`The id “${id}” is used twice; the second one was renamed “${detail}”.`, { id: 'problem.duplicate-id' });
    case 'missing-cue':
      return msg(str`Annotation “${id}” points at line “${detail}”, which the transcript does not have.`, { id: 'problem.missing-cue' });
    case 'missing-claim':
      return msg(str`Annotation “${id}” names claim “${detail}”, which does not exist.`, { id: 'problem.missing-claim' });
    case 'invalid-annotation':
      return msg('This annotation data is invalid; that item was skipped.', { id: 'problem.invalid-annotation' });
    case 'claim-not-found':
      return msg(str`The quote of claim “${id}” was not found in the article.`, { id: 'problem.claim-not-found' });
    case 'article-missing':
      return msg(str`No article with the id “${detail}” was found, so the claims are not marked.`, { id: 'problem.article-missing' });
    case 'media-error':
      return msg('The video or audio could not be played; the transcript is still readable.', { id: 'problem.media-error' });
    case 'media-timeout':
      return msg('The player did not load (it may need a network connection), so the transcript cannot follow it or seek; the transcript is still readable.', { id: 'problem.media-timeout' });
    case 'media-missing':
      return msg(str`No media element with the id “${detail}” was found.`, { id: 'problem.media-missing' });
  }
}
