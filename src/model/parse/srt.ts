/**
 * SubRip (SRT) → Transcript.
 *
 * SRT has no specification; this reader follows what lenient players (androidx Media3's
 * SubripParser) accept: blocks separated by blank lines, each an optional sequence number, a
 * timing line `[hh:]mm:ss[,mmm] --> [hh:]mm:ss[,mmm]` (a "." before the milliseconds is accepted
 * too; trailing coordinates are ignored), then the text. A BOM, CRLF/CR line ends, extra blank
 * lines and missing sequence numbers are fine. Cues are read even without a blank line between
 * them (a timing line starts a new cue, with the number just above it as its id).
 *
 * Reported and dropped: a block without a timing line (`missing-timing`), a timing that does not
 * parse, negative ones included (`bad-timestamp`). Reported and kept: an end before the start,
 * read as end = start (`bad-range`). Cue text goes through the WebVTT cue-text parser in SRT mode:
 * `<i> <b> <u>` become nodes, `<font …>` and other tags are dropped keeping their text, `{\an8}`
 * style overrides are removed, and a "<" that opens no tag stays text.
 */
import type { ParseResult } from '../types.js';
import type { ProblemList } from '../untrusted.js';
import { type CueDraft, type LineFileContent, assembleCues, problem, readLineFile } from './line-file.js';
import { applySpeakers } from './speakers.js';

const SRT_TIME_RE = /^(?:(\d+):)?(\d+):(\d+)(?:[,.](\d{3}))?$/;
const SPACE_RE = /\s/;
const TIME_CHAR_RE = /[\d:.,]/;

/**
 * A line that is meant as a timing line: "-->" preceded only by timestamp-like characters
 * (what `/^\s*-?[\d:.,]*\s*-->/` says). Scanned by hand: that regex backtracks quadratically on
 * a long line of spaces (60 KB took 5.5 s). Only the first "-->" can qualify, since every
 * later one has a ">" before it.
 */
export function isTimingLike(line: string): boolean {
  const arrow = line.indexOf('-->');
  if (arrow < 0) return false;
  let p = 0;
  while (p < arrow && SPACE_RE.test(line[p] as string)) p++;
  if (p < arrow && line[p] === '-') p++;
  while (p < arrow && TIME_CHAR_RE.test(line[p] as string)) p++;
  while (p < arrow && SPACE_RE.test(line[p] as string)) p++;
  return p === arrow;
}

function srtTime(s: string): number | null {
  const m = SRT_TIME_RE.exec(s);
  if (!m) return null;
  const t = ((Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3])) * 1000 + Number(m[4] ?? 0)) / 1000;
  return Number.isFinite(t) ? t : null;
}

/** Parses a timing line; on failure returns the offending timestamp text. */
function srtTimings(line: string): { start: number; end: number } | { bad: string } {
  const arrow = line.indexOf('-->');
  const startText = line.slice(0, arrow).trim();
  const endText = line.slice(arrow + 3).trim().split(/\s+/)[0] ?? '';
  const start = srtTime(startText);
  if (start === null) return { bad: startText || line.trim() };
  const end = srtTime(endText);
  if (end === null) return { bad: endText || line.trim() };
  return { start, end };
}

export async function parseSRT(text: string): Promise<ParseResult> {
  return readLineFile(text, 'srt', readSRT);
}

function readSRT(lines: string[], problems: ProblemList): LineFileContent {
  const drafts: CueDraft[] = [];
  let i = 0;
  while (i < lines.length) {
    if ((lines[i] ?? '').trim() === '') {
      i++;
      continue;
    }
    // One block: consecutive non-blank lines, from index `from` to `i` (exclusive).
    const from = i;
    while (i < lines.length && (lines[i] ?? '').trim() !== '') i++;
    readBlock(lines, from, i, drafts, problems);
  }
  const cues = assembleCues(drafts, problems, true);
  applySpeakers(cues);
  return { cues };
}

const isNumber = (s: string | undefined): boolean => s !== undefined && /^\d+$/.test(s.trim());

/** Reads the cues of the block lines [from, to); a block may hold several cues. */
function readBlock(lines: string[], from: number, to: number, drafts: CueDraft[], problems: ProblemList): void {
  const timings: number[] = [];
  for (let j = from; j < to; j++) if (isTimingLike(lines[j] ?? '')) timings.push(j);
  // Where each cue begins: its sequence number when one sits right above the timing line.
  const starts = timings.map((t, k) => {
    const floor = k === 0 ? from : (timings[k - 1] as number) + 1;
    return t - 1 >= floor && isNumber(lines[t - 1]) ? t - 1 : t;
  });
  const firstStart = starts[0] ?? to;
  if (firstStart > from) {
    // Text with no timing line before it (e.g. "2" / "text" with the timing line missing).
    problems.add(problem('parse', 'missing-timing', from + 1, lines.slice(from, firstStart).join(' ').trim()));
  }
  timings.forEach((t, k) => {
    const line = lines[t] ?? '';
    const textEnd = starts[k + 1] ?? to;
    const parsed = srtTimings(line);
    if ('bad' in parsed) {
      problems.add(problem('parse', 'bad-timestamp', t + 1, parsed.bad));
      return;
    }
    let { start, end } = parsed;
    if (end < start) {
      problems.add(problem('parse', 'bad-range', t + 1, line.trim()));
      end = start;
    }
    const start0 = starts[k] as number;
    const draft: CueDraft = { start, end, raw: lines.slice(t + 1, textEnd).join('\n'), line: t + 1 };
    if (start0 < t) draft.id = (lines[start0] ?? '').trim();
    drafts.push(draft);
  });
}
