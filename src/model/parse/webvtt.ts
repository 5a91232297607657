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
 */
import type { Cue, ParseResult, Problem } from '../types.js';
import { collectTimestamp, normaliseText, parseCueText, sanitiseLang } from './cue-text.js';
import { collapseRollingCaptions, isRollingCaptions } from './rolling.js';
import { problem, readLineFile } from './line-file.js';

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

// ---------------------------------------------------------------------------------------------
// Speaker labels

/**
 * A leading speaker label: 1–4 words, the first a capitalised word or an abbreviation ("Dr."),
 * the others capitalised words or numbers ("Speaker 2"), then ":" and the text. Sentence
 * punctuation before the colon does not match. Conservative on purpose: a label is only taken
 * when the same label starts at least two cues of the file (so "Note: …" once stays text), and
 * a few words that usually introduce text rather than a person are never labels.
 */
const WORD = String.raw`(?:\p{Lu}\p{Ll}{0,3}\.|\p{Lu}[\p{L}\p{M}'’-]*)`;
const LABEL_RE = new RegExp(String.raw`^(${WORD}(?: (?:${WORD}|\p{N}+)){0,3}):\s+(?=\S)`, 'u');
const NOT_SPEAKERS = new Set(['note', 'warning', 'example', 'update', 'source', 'chapter', 'part', 'step', 'caution', 'tip']);

function stripLabelFromNodes(cue: Cue, label: string): void {
  const first = cue.nodes?.[0];
  const prefix = `${label}:`;
  if (first?.type === 'text' && first.text.trimStart().startsWith(prefix)) {
    first.text = first.text.trimStart().slice(prefix.length).trimStart();
    if (!first.text) cue.nodes?.shift();
  } else delete cue.nodes; // the label is split across markup: keep the plain text only
}

/**
 * Takes "Name:" labels off cue starts (see LABEL_RE), then carries each speaker forward to the
 * following cues that name none: transcripts (Podcasting 2.0 SRT/VTT, `<v>` "when the speaker
 * changes") mark a speaker at each change, so an unmarked cue continues the previous speaker.
 */
export function applySpeakers(cues: Cue[]): void {
  const found = cues.map((c) => {
    const colon = c.text.indexOf(':');
    return c.speaker || colon < 1 || colon > 80 ? null : LABEL_RE.exec(c.text);
  });
  const counts = new Map<string, number>();
  for (const m of found) if (m?.[1]) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  cues.forEach((cue, i) => {
    const m = found[i];
    const label = m?.[1];
    if (!m || !label || (counts.get(label) ?? 0) < 2 || NOT_SPEAKERS.has(label.toLowerCase())) return;
    cue.speaker = label;
    cue.text = cue.text.slice(m[0].length);
    if (cue.nodes) stripLabelFromNodes(cue, label);
    if (cue.words) {
      const n = label.split(' ').length;
      if (cue.words.slice(0, n).map((w) => w.text).join(' ') === `${label}:`) cue.words = cue.words.slice(n);
      if (!cue.words.length) delete cue.words;
    }
  });
  let current: string | undefined;
  for (const cue of cues) {
    if (cue.speaker) current = cue.speaker;
    else if (current) cue.speaker = current;
  }
}

// ---------------------------------------------------------------------------------------------
// Cue assembly (shared with SRT)

/**
 * Turns drafts into cues: parses the text, assigns ids (the file's id, else the 1-based position
 * among the kept cues) and renames duplicates `${id}~2`, `${id}~3`… with a `duplicate-id` problem.
 * Ids are final here, before rolling-caption merging and speaker labels.
 */
export function assembleCues(drafts: CueDraft[], problems: Problem[], srt: boolean): Cue[] {
  const used = new Set<string>();
  const seen = new Map<string, number>();
  return drafts.map((d, index) => {
    let cue: Cue;
    try {
      const parsed = parseCueText(d.raw, d.start, d.end, { srt });
      cue = { id: '', start: d.start, end: d.end, ...parsed };
    } catch (err) {
      problems.push(problem('parse', 'bad-cue', d.line, err instanceof Error ? err.message : String(err)));
      cue = { id: '', start: d.start, end: d.end, text: normaliseText(d.raw.replace(/<[^>]*>/g, '')) };
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
      problems.push(p);
    }
    used.add(id);
    cue.id = id;
    return cue;
  });
}

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

function readWebVTT(lines: string[]): ParseResult {
  const problems: Problem[] = [];
  const head = lines[0] ?? '';
  let pos = 1;
  if (!/^WEBVTT(?:[ \t]|$)/.test(head)) {
    problems.push(problem('format', 'bad-signature', 1, head));
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
      if (!QUIET_BLOCK_RE.test(first)) problems.push(problem('parse', 'missing-timing', b.first + 1, first));
    } else if (!t.times) {
      problems.push(problem('parse', 'bad-timestamp', t.line, t.text.trim()));
    } else {
      let { start, end } = t.times;
      if (end < start) {
        problems.push(problem('parse', 'bad-range', t.line, t.text.trim()));
        end = start;
      }
      drafts.push({ id: t.id, start, end, raw: b.lines.join('\n'), line: t.line });
    }
  }
  let cues = assembleCues(drafts, problems, false);
  if (isRollingCaptions(cues)) cues = collapseRollingCaptions(cues);
  applySpeakers(cues);
  if (!cues.length) problems.push(problem('format', 'no-cues'));
  const transcript: ParseResult['transcript'] = { version: 1, cues };
  if (lang) transcript.lang = lang;
  return { transcript, problems, format: 'vtt' };
}
