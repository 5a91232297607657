/**
 * What the line-based readers (WebVTT, SRT) share around their own grammar: splitting the
 * text into lines, building and capping problems, turning drafts into cues, and the frame that
 * keeps a reader from throwing.
 */
import type { Cue, ParseResult, Problem, Transcript, TranscriptFormat } from '../types.js';
import { ProblemList, truncate } from '../untrusted.js';
import { normaliseText, parseCueText } from './cue-text.js';

/** Builds a problem, truncating the detail as `Problem` requires. */
export function problem(kind: Problem['kind'], code: Problem['code'], line?: number, detail?: string): Problem {
  const p: Problem = { kind, code };
  if (line !== undefined) p.line = line;
  if (detail !== undefined) p.detail = truncate(detail);
  return p;
}

/**
 * The problems of one file, capped (MAX_PROBLEMS, then one `bad-cue` summary "N more problems
 * not listed"): a 400 KB file of "-->" lines would otherwise yield 100k problems.
 */
export const lineProblems = (): ProblemList => new ProblemList({ kind: 'parse', code: 'bad-cue' });

/** Strips one BOM, replaces NUL by U+FFFD and splits on CRLF, CR or LF. */
export function splitLines(text: string): string[] {
  const s = (typeof text === 'string' ? text : String(text ?? '')).replace(/^\uFEFF/, '').replace(/\0/g, '\uFFFD');
  return s.split(/\r\n|\r|\n/);
}

/** A cue as found in the file, before its text is parsed. */
export interface CueDraft {
  /** The file's identifier (VTT id or SRT sequence number), if any. */
  id?: string;
  start: number;
  end: number;
  /** Raw cue text, lines joined with "\n". */
  raw: string;
  /** 1-based line of the timing line. */
  line: number;
}

/**
 * Turns drafts into cues: parses the text, assigns ids (the file's id, else the 1-based position
 * among the kept cues) and renames duplicates `${id}~2`, `${id}~3`… with a `duplicate-id` problem.
 * Ids are final here, before rolling-caption merging and speaker labels.
 */
export function assembleCues(drafts: CueDraft[], problems: ProblemList, srt: boolean): Cue[] {
  const used = new Set<string>();
  // Last suffix given per id, so many cues with one id stay linear.
  const seen = new Map<string, number>();
  return drafts.map((d, index) => {
    let cue: Cue;
    try {
      const parsed = parseCueText(d.raw, d.start, d.end, { srt });
      cue = { id: '', start: d.start, end: d.end, ...parsed };
    } catch (err) {
      problems.add(problem('parse', 'bad-cue', d.line, err instanceof Error ? err.message : String(err)));
      // "<[^<>]*>", not "<[^>]*>": the latter rescans to the end from every unclosed "<".
      cue = { id: '', start: d.start, end: d.end, text: normaliseText(d.raw.replace(/<[^<>]*>/g, '')) };
    }
    const own = d.id !== undefined && d.id.trim() !== '' ? d.id : String(index + 1);
    let id = own;
    if (used.has(own)) {
      let n = seen.get(own) ?? 1;
      do id = `${own}~${++n}`;
      while (used.has(id));
      seen.set(own, n);
      const p = problem('parse', 'duplicate-id', d.line, id);
      p.id = own;
      problems.add(p);
    }
    used.add(id);
    cue.id = id;
    return cue;
  });
}

/** What a reader finds in the lines: its cues (final) and the header language, if any. */
export interface LineFileContent {
  cues: Cue[];
  lang?: string;
}

/**
 * Runs `read` on the file's lines. A file of blank lines is `no-cues` without reading; a file
 * that yields no cue gets `no-cues` too; an exception becomes a `bad-cue` problem, so a reader's
 * bug never reaches the page.
 */
export function readLineFile(
  text: string,
  format: TranscriptFormat,
  read: (lines: string[], problems: ProblemList) => LineFileContent,
): ParseResult {
  try {
    const lines = splitLines(text);
    if (lines.every((l) => l.trim() === '')) {
      return { transcript: { version: 1, cues: [] }, problems: [problem('format', 'no-cues')], format };
    }
    const problems = lineProblems();
    const { cues, lang } = read(lines, problems);
    if (!cues.length) problems.add(problem('format', 'no-cues'));
    const transcript: Transcript = { version: 1, cues };
    if (lang) transcript.lang = lang;
    return { transcript, problems: problems.finish(), format };
  } catch (err) {
    return {
      transcript: { version: 1, cues: [] },
      problems: [problem('parse', 'bad-cue', undefined, err instanceof Error ? err.message : String(err))],
      format,
    };
  }
}
