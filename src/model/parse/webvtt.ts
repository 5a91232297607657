/**
 * WebVTT → Transcript.
 *
 * The file is read line by line following the WebVTT parser algorithm (W3C WebVTT §6.1, as
 * Chromium implements it): signature, header block, then blocks separated by blank lines; a
 * block is a cue when its first or second line holds "-->" and the timings parse. Reading the
 * lines ourselves gives every block its source line, so each cue that is skipped becomes a
 * `Problem` with a line number. (media-captions' `parseText` was measured first against the wpt
 * corpus: it trims lines, accepts non-spec timestamps such as "00:00:00.00", rejects 3-digit
 * hours, loses the valid cues of 8 of the 55 wpt file-parsing cases and drops end-before-start
 * cues without a word, so it is not used.)
 *
 * Leniencies, each reported as a problem: a file without the "WEBVTT" signature is still read;
 * a cue whose end is before its start is kept with end = start (`bad-range`). Cues that are
 * dropped: bad timings (`bad-timestamp`), text blocks without a timing line (`missing-timing`).
 * Problems are capped (see `lineProblems`). Then rolling captions are collapsed (rolling.ts) and
 * speakers read from `Name:` prefixes where there is no `<v>` (speakers.ts).
 */
import type { ParseResult } from '../types.js';
import type { ProblemList } from '../untrusted.js';
import { sanitiseLang } from './cue-text.js';
import { collectTimestamp } from './timestamp.js';
import { collapseRollingCaptions } from './rolling.js';
import { applySpeakers } from './speakers.js';
import { type CueDraft, type LineFileContent, assembleCues, problem, readLineFile } from './line-file.js';

// ---------------------------------------------------------------------------------------------
// WebVTT blocks

const WS = ' \t\f\n\r';
const skipWs = (s: string, p: number): number => {
  while (p < s.length && WS.includes(s[p] as string)) p++;
  return p;
};

/** "collect WebVTT cue timings and settings"; settings are ignored (the model has no layout). */
export function parseTimings(line: string): { start: number; end: number } | null {
  const a = collectTimestamp(line, skipWs(line, 0));
  if (!a) return null;
  const p = skipWs(line, a.end);
  if (line.slice(p, p + 3) !== '-->') return null;
  const b = collectTimestamp(line, skipWs(line, p + 3));
  return b ? { start: a.time, end: b.time } : null;
}

interface Block {
  next: number;
  first: number;
  lines: string[];
  timing?: { line: number; text: string; id: string; times: { start: number; end: number } | null };
}

/** "collect a WebVTT block" (not in the header), on line indices instead of positions. */
function collectBlock(lines: string[], from: number): Block {
  const block: Block = { next: from, first: from, lines: [] };
  let pos = from;
  let count = 0;
  let prev = pos;
  let buffer: string[] = [];
  while (pos < lines.length) {
    const line = lines[pos] ?? '';
    pos++;
    count++;
    if (line.includes('-->')) {
      if (count === 1 || (count === 2 && !block.timing)) {
        prev = pos;
        block.timing = { line: pos, text: line, id: buffer.join('\n'), times: parseTimings(line) };
        buffer = [];
        continue;
      }
      pos = prev;
      break;
    }
    if (line === '') break;
    buffer.push(line);
    prev = pos;
  }
  block.next = pos;
  block.lines = buffer;
  return block;
}

/** Blocks that are not cues and need no report. */
const QUIET_BLOCK_RE = /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/;

export async function parseWebVTT(text: string): Promise<ParseResult> {
  return readLineFile(text, 'vtt', readWebVTT);
}

function readWebVTT(lines: string[], problems: ProblemList): LineFileContent {
  const head = lines[0] ?? '';
  let pos = 1;
  if (!/^WEBVTT(?:[ \t]|$)/.test(head)) {
    problems.add(problem('format', 'bad-signature', 1, head));
    // Lenient reading: when the first or second line is a timing line, the file has no header
    // and its first line belongs to the first cue; otherwise line 1 stands for the signature.
    if (head.includes('-->') || (lines[1] ?? '').includes('-->')) pos = 0;
  }
  // Header block: up to a blank line or a line with "-->"; "Language: xx" metadata is kept.
  let lang: string | undefined;
  if (pos === 1) {
    while (pos < lines.length && lines[pos] !== '' && !(lines[pos] ?? '').includes('-->')) {
      const m = /^Language\s*[:=]\s*(\S+)/i.exec(lines[pos] ?? '');
      lang ??= sanitiseLang(m?.[1]);
      pos++;
    }
  }
  const drafts: CueDraft[] = [];
  while (pos < lines.length) {
    if (lines[pos] === '') {
      pos++;
      continue;
    }
    const b = collectBlock(lines, pos);
    pos = b.next;
    const t = b.timing;
    if (!t) {
      const first = b.lines[0] ?? '';
      if (!QUIET_BLOCK_RE.test(first)) problems.add(problem('parse', 'missing-timing', b.first + 1, first));
    } else if (!t.times) {
      problems.add(problem('parse', 'bad-timestamp', t.line, t.text.trim()));
    } else {
      let { start, end } = t.times;
      if (end < start) {
        problems.add(problem('parse', 'bad-range', t.line, t.text.trim()));
        end = start;
      }
      drafts.push({ id: t.id, start, end, raw: b.lines.join('\n'), line: t.line });
    }
  }
  const cues = collapseRollingCaptions(assembleCues(drafts, problems, false));
  applySpeakers(cues);
  return lang ? { cues, lang } : { cues };
}
