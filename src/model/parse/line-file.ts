/**
 * What the line-based readers (WebVTT, SRT) share around their own grammar: splitting the
 * text into lines, building problems, and the frame that keeps a reader from throwing.
 */
import type { ParseResult, Problem, TranscriptFormat } from '../types.js';
import { truncate } from '../untrusted.js';

/** Builds a problem, truncating the detail as `Problem` requires. */
export function problem(kind: Problem['kind'], code: Problem['code'], line?: number, detail?: string): Problem {
  const p: Problem = { kind, code };
  if (line !== undefined) p.line = line;
  if (detail !== undefined) p.detail = truncate(detail);
  return p;
}

/** Strips one BOM, replaces NUL by U+FFFD and splits on CRLF, CR or LF. */
export function splitLines(text: string): string[] {
  const s = (typeof text === 'string' ? text : String(text ?? '')).replace(/^\uFEFF/, '').replace(/\0/g, '\uFFFD');
  return s.split(/\r\n|\r|\n/);
}

/**
 * Runs `read` on the file's lines. A file of blank lines is `no-cues` without reading; an
 * exception becomes a `bad-cue` problem, so a reader's bug never reaches the page.
 */
export function readLineFile(text: string, format: TranscriptFormat, read: (lines: string[]) => ParseResult): ParseResult {
  try {
    const lines = splitLines(text);
    if (lines.every((l) => l.trim() === '')) {
      return { transcript: { version: 1, cues: [] }, problems: [problem('format', 'no-cues')], format };
    }
    return read(lines);
  } catch (err) {
    return {
      transcript: { version: 1, cues: [] },
      problems: [problem('parse', 'bad-cue', undefined, err instanceof Error ? err.message : String(err))],
      format,
    };
  }
}
