/**
 * Podcasting 2.0 JSON transcripts (podcast-namespace `transcripts.md`):
 * `{ version, segments: [{ speaker?, startTime, endTime?, body }] }`, times in seconds.
 *
 * Two fidelities exist in the wild:
 *  - word level (most segments hold one word): words are grouped into lines; a new line
 *    starts at a speaker change, after sentence-ending punctuation, after a pause of more
 *    than 1 s, or when a line reaches MAX_WORDS_PER_LINE words (so unpunctuated ASR output
 *    still makes readable lines);
 *  - sentence level: each segment is one cue, without words.
 * Ids are the 1-based position of the resulting line. Never throws.
 */
import type { Cue, ParseResult, Problem, Word } from '../types.js';
import { parseTimeString } from '../time.js';
import { ProblemList, describeTerse, isArray, isRecord, isSeconds, parseJson, truncate } from '../untrusted.js';

const PAUSE = 1; // seconds; a longer gap between words starts a new line
const MAX_WORDS_PER_LINE = 60;
/** Sentence end: . ! ? … (and CJK forms), optionally followed by closing quotes/brackets. */
const SENTENCE_END = /[.!?…。！？｡‼⁇⁈⁉][\s"'”’»)\]」』]*$/u;
/** Tokens that attach to the previous word without a space (closing/other punctuation only). */
const ATTACHED_PUNCT = /^[\p{Pe}\p{Pf}\p{Po}]+$/u;

interface Segment {
  start: number;
  end?: number;
  body: string;
  speaker?: string;
  index: number;
}

function fail(problem: Problem): ParseResult {
  return { transcript: { version: 1, cues: [] }, problems: [problem], format: 'podcast-json' };
}

/** A time: a finite number ≥ 0, or a string parseTimeString accepts ("1.5", "0:01.5"). */
function toTime(v: unknown): number | undefined {
  if (typeof v === 'number') return isSeconds(v) ? v : undefined;
  if (typeof v === 'string') return parseTimeString(v) ?? undefined;
  return undefined;
}

function readSegments(raw: readonly unknown[], problems: ProblemList): Segment[] {
  const out: Segment[] = [];
  raw.forEach((s, i) => {
    const path = `$.segments[${i}]`;
    if (!isRecord(s)) {
      problems.add({ kind: 'parse', code: 'bad-field', path, detail: describeTerse(s) });
      return;
    }
    const seg = s as Record<string, unknown>;
    const bad = (key: string, detail: string): void => {
      problems.add({ kind: 'parse', code: 'bad-field', path: `${path}.${key}`, detail });
    };
    const start = toTime(seg['startTime']);
    if (start === undefined) return bad('startTime', describeTerse(seg['startTime']));
    // endTime is optional in the spec ("if available"): when absent it is inferred below.
    const rawEnd = seg['endTime'];
    const end = rawEnd === undefined || rawEnd === null ? undefined : toTime(rawEnd);
    if (end === undefined && rawEnd !== undefined && rawEnd !== null) return bad('endTime', describeTerse(rawEnd));
    if (end !== undefined && end < start) return bad('endTime', `${start} --> ${end}`);
    if (typeof seg['body'] !== 'string') return bad('body', describeTerse(seg['body']));
    const body = seg['body'].replace(/\r\n?/g, '\n').trim();
    if (body === '') return; // nothing to show; not an error
    const segment: Segment = { start, body, index: i };
    if (end !== undefined) segment.end = end;
    const sp = seg['speaker'];
    if (typeof sp === 'string' && sp.trim() !== '') segment.speaker = sp.trim();
    else if (sp !== undefined && sp !== null && typeof sp !== 'string') bad('speaker', describeTerse(sp));
    out.push(segment);
  });
  // Stable by start, so shuffled files still read in time order.
  out.sort((a, b) => a.start - b.start || a.index - b.index);
  // Missing end → next segment's start (or the segment's own start for the last one).
  out.forEach((s, k) => {
    if (s.end === undefined) s.end = Math.max(s.start, out[k + 1]?.start ?? s.start);
  });
  return out;
}

function joinWords(words: readonly Word[]): string {
  let text = '';
  for (const w of words) {
    text += text === '' || ATTACHED_PUNCT.test(w.text) ? w.text : ` ${w.text}`;
  }
  return text;
}

function groupWords(segments: readonly Segment[]): Cue[] {
  const cues: Cue[] = [];
  let words: Word[] = [];
  let speaker: string | undefined;
  const flush = (): void => {
    const first = words[0];
    if (!first) return;
    const end = words.reduce((m, w) => Math.max(m, w.end), first.start);
    const cue: Cue = { id: String(cues.length + 1), start: first.start, end, text: joinWords(words), words };
    if (speaker !== undefined) cue.speaker = speaker;
    cues.push(cue);
    words = [];
  };
  for (const s of segments) {
    const prev = words[words.length - 1];
    // A segment without a speaker continues the current speaker's line.
    const speakerChanged = s.speaker !== undefined && s.speaker !== speaker;
    if (
      prev &&
      (speakerChanged || SENTENCE_END.test(prev.text) || s.start - prev.end > PAUSE || words.length >= MAX_WORDS_PER_LINE)
    ) {
      flush();
    }
    if (s.speaker !== undefined) speaker = s.speaker;
    // A multi-word segment among single words stays one timed fragment; newlines become spaces.
    words.push({ start: s.start, end: s.end ?? s.start, text: s.body.replace(/\s+/g, ' ') });
  }
  flush();
  return cues;
}

export function parsePodcastJSON(text: string): ParseResult {
  try {
    const json = parseJson(text);
    if (!json.ok) return fail({ kind: 'format', code: 'bad-json', detail: truncate(json.message) });
    const data = json.value;
    if (!isRecord(data)) {
      return fail({ kind: 'format', code: 'unknown-format', path: '$', detail: describeTerse(data) });
    }
    const raw = (data as Record<string, unknown>)['segments'];
    if (!isArray(raw)) {
      return fail({ kind: 'format', code: 'bad-field', path: '$.segments', detail: describeTerse(raw) });
    }
    // Capped: past MAX_PROBLEMS one summary stands for the rest (a file of 100k bad segments).
    const problems = new ProblemList({ kind: 'parse', code: 'bad-field', path: '$.segments' });
    const segments = readSegments(raw as unknown[], problems);
    // Word level when most segments hold a single token.
    const single = segments.filter((s) => !/\s/.test(s.body)).length;
    const wordLevel = segments.length > 0 && single * 2 > segments.length;
    const cues: Cue[] = wordLevel
      ? groupWords(segments)
      : segments.map((s, k) => {
          const cue: Cue = { id: String(k + 1), start: s.start, end: s.end ?? s.start, text: s.body };
          if (s.speaker !== undefined) cue.speaker = s.speaker;
          return cue;
        });
    if (cues.length === 0) problems.add({ kind: 'format', code: 'no-cues' });
    return { transcript: { version: 1, cues }, problems: problems.finish(), format: 'podcast-json' };
  } catch {
    // Defensive only: JSON.parse output holds no getters or proxies.
    return fail({ kind: 'format', code: 'unknown-format' });
  }
}
