/**
 * The project's own transcript JSON (version 1), and the same validation for data handed to
 * the `transcript` property (a Transcript object or a bare cue array).
 *
 * The input is untrusted and may be hostile: every property read goes through `readProperty()`,
 * which survives throwing getters, revoked Proxies and the like; we never recurse beyond
 * the fixed shape (transcript → cues → cue → words → word), so cycles are harmless; we never
 * copy unknown keys (no `__proto__` games) and never mutate the input.
 * Each problem carries its JSON path; a bare array's paths start at `$[i]`.
 */
import type { Cue, ParseResult, Transcript, Word } from '../types.js';
import { ProblemList, UNREADABLE, describeTerse, isArray, isRecord, isSeconds, parseJson, readProperty, truncate } from '../untrusted.js';

/** More cues than this are not read (a Proxy can claim any length). */
const MAX_CUES = 1_000_000;
const MAX_WORDS_PER_CUE = 100_000;
const LANG = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;

/** Reads an array's length, clamped to [0, max]. */
function lengthOf(arr: readonly unknown[], max: number): { length: number; clamped: boolean } {
  const value = readProperty(arr, 'length');
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : 0;
  return { length: Math.min(n, max), clamped: n > max };
}

/** Transcript problems: `bad-field` ones for the data's fields; past the cap, one summary. */
class Problems extends ProblemList {
  constructor() {
    super({ kind: 'parse', code: 'bad-field', path: '$' });
  }
  field(path: string, detail: string): void {
    this.add({ kind: 'parse', code: 'bad-field', path, detail });
  }
}

/** A time field: a finite number ≥ 0, else a problem. */
function time(obj: object, key: string, path: string, problems: Problems): number | undefined {
  const value = readProperty(obj, key);
  if (isSeconds(value)) return value;
  problems.field(`${path}.${key}`, value === UNREADABLE ? 'unreadable' : value === undefined ? 'missing' : describeTerse(value));
  return undefined;
}

/** An optional string field: absent/null/"" → undefined; wrong type → problem + undefined. */
function optionalString(obj: object, key: string, path: string, problems: Problems, pattern?: RegExp): string | undefined {
  const value = readProperty(obj, key);
  if (value === UNREADABLE) {
    problems.field(`${path}.${key}`, 'unreadable');
    return undefined;
  }
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || (pattern && !pattern.test(value))) {
    problems.field(`${path}.${key}`, describeTerse(value));
    return undefined;
  }
  return value;
}

/** What to report about a value that is not what the field needs. */
const unusable = (value: unknown): string => (value === UNREADABLE ? 'unreadable' : describeTerse(value));

function readWords(value: unknown, path: string, problems: Problems): Word[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isArray(value)) {
    problems.field(path, describeTerse(value));
    return undefined;
  }
  const words: Word[] = [];
  const { length, clamped } = lengthOf(value, MAX_WORDS_PER_CUE);
  if (clamped) problems.field(path, `more than ${MAX_WORDS_PER_CUE} words`);
  for (let j = 0; j < length; j++) {
    const wpath = `${path}[${j}]`;
    const w = readProperty(value, j);
    if (!isRecord(w)) {
      problems.field(wpath, unusable(w));
      continue;
    }
    const start = time(w, 'start', wpath, problems);
    const end = time(w, 'end', wpath, problems);
    const text = readProperty(w, 'text');
    if (typeof text !== 'string') {
      problems.field(`${wpath}.text`, unusable(text));
      continue;
    }
    if (start === undefined || end === undefined) continue;
    // End before start: kept with no duration (as WebVTT does), and reported.
    if (end < start) problems.add({ kind: 'parse', code: 'bad-range', path: `${wpath}.end`, detail: `${start} --> ${end}` });
    words.push({ start, end: Math.max(start, end), text: text.trim() });
  }
  return words.length > 0 ? words : undefined;
}

/** An id as given: strings kept, numbers/booleans/bigints stringified, anything else → undefined. */
function readId(obj: object, path: string, problems: Problems): string | undefined {
  const v = readProperty(obj, 'id');
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  problems.field(`${path}.id`, unusable(v));
  return undefined;
}

/** One cue, or undefined when it must be dropped (its problems are recorded). */
function readCue(value: unknown, position: number, path: string, problems: Problems): Cue | undefined {
  if (!isRecord(value)) {
    problems.field(path, unusable(value));
    return undefined;
  }
  const id = readId(value, path, problems) ?? String(position);
  const start = time(value, 'start', path, problems);
  const end = time(value, 'end', path, problems);
  const rawText = readProperty(value, 'text');
  const text = typeof rawText === 'string' ? rawText.replace(/\r\n?/g, '\n') : undefined;
  if (text === undefined) problems.field(`${path}.text`, rawText === undefined ? 'missing' : unusable(rawText));
  if (start === undefined || end === undefined || text === undefined) return undefined;
  // End before start: kept with no duration (as WebVTT does: nothing is lost), and reported.
  if (end < start) problems.add({ kind: 'parse', code: 'bad-range', path: `${path}.end`, id, detail: `${start} --> ${end}` });
  const cue: Cue = { id, start, end: Math.max(start, end), text };
  const speaker = optionalString(value, 'speaker', path, problems);
  if (speaker !== undefined) cue.speaker = speaker;
  const lang = optionalString(value, 'lang', path, problems, LANG);
  if (lang !== undefined) cue.lang = lang;
  const rawWords = readProperty(value, 'words');
  const words = rawWords === UNREADABLE ? (problems.field(`${path}.words`, 'unreadable'), undefined) : readWords(rawWords, `${path}.words`, problems);
  if (words) cue.words = words;
  return cue;
}

/** Validates cues; ids missing → position, duplicates → `${id}~${n}` with a problem. */
function readCues(arr: readonly unknown[], base: string, problems: Problems): Cue[] {
  const cues: Cue[] = [];
  const used = new Set<string>();
  // Next suffix to try per duplicated id: starting again from ~2 each time made 10k cues with
  // one id quadratic (5.9 s). Every suffix below it is taken, so the result is the same.
  const nextSuffix = new Map<string, number>();
  const { length, clamped } = lengthOf(arr, MAX_CUES);
  if (clamped) problems.field(base, `more than ${MAX_CUES} cues`);
  for (let i = 0; i < length; i++) {
    const path = `${base}[${i}]`;
    const cue = readCue(readProperty(arr, i), i + 1, path, problems);
    if (!cue) continue;
    if (used.has(cue.id)) {
      let n = nextSuffix.get(cue.id) ?? 2;
      while (used.has(`${cue.id}~${n}`)) n++;
      nextSuffix.set(cue.id, n + 1);
      const fresh = `${cue.id}~${n}`;
      problems.add({ kind: 'parse', code: 'duplicate-id', path: `${path}.id`, id: cue.id, detail: fresh });
      cue.id = fresh;
    }
    used.add(cue.id);
    cues.push(cue);
  }
  return cues;
}

/** Reads a Transcript object or a bare cue array into `problems`' transcript; never throws. */
function readTranscript(data: unknown, problems: Problems): Transcript {
  try {
    if (isArray(data)) return { version: 1, cues: readCues(data, '$', problems) };
    if (!isRecord(data)) {
      problems.add({ kind: 'format', code: 'unknown-format', path: '$', detail: describeTerse(data) });
      return { version: 1, cues: [] };
    }
    const version = readProperty(data, 'version');
    // A missing version is accepted (hand-made data for the property); another one is reported
    // and the cues are still read as version 1, best effort.
    if (version !== undefined && version !== 1) {
      problems.add({ kind: 'format', code: 'unsupported-version', path: '$.version', detail: unusable(version) });
    }
    const transcript: Transcript = { version: 1, cues: [] };
    const lang = optionalString(data, 'lang', '$', problems, LANG);
    if (lang !== undefined) transcript.lang = lang;
    const label = optionalString(data, 'label', '$', problems);
    if (label !== undefined) transcript.label = label;
    const cues = readProperty(data, 'cues');
    if (!isArray(cues)) {
      problems.add({ kind: 'format', code: 'bad-field', path: '$.cues', detail: unusable(cues) });
      return transcript;
    }
    transcript.cues = readCues(cues, '$.cues', problems);
    return transcript;
  } catch {
    // Defensive: nothing above should throw, but a problem is better than an exception.
    // (The thrown value itself is not inspected: it may be hostile too.)
    problems.add({ kind: 'format', code: 'unknown-format', detail: 'unreadable data' });
    return { version: 1, cues: [] };
  }
}

/**
 * Validates a Transcript object or a bare cue array (already parsed). Keeps every valid cue,
 * reports every problem (capped); never throws, never mutates `data`.
 */
export function normaliseTranscriptData(data: unknown): ParseResult {
  const problems = new Problems();
  const transcript = readTranscript(data, problems);
  return { transcript, problems: problems.finish(), format: 'json' };
}

/** Parses the project's transcript JSON file. A file with no cue at all also gets `no-cues`. */
export function parseTranscriptJSON(text: string): ParseResult {
  const json = parseJson(text);
  if (!json.ok) {
    return { transcript: { version: 1, cues: [] }, problems: [{ kind: 'format', code: 'bad-json', detail: truncate(json.message) }], format: 'json' };
  }
  const problems = new Problems();
  const transcript = readTranscript(json.value, problems);
  // Added before the cap is applied, so it counts like any other problem.
  if (transcript.cues.length === 0 && !problems.list.some((p) => p.kind === 'format')) problems.add({ kind: 'format', code: 'no-cues' });
  return { transcript, problems: problems.finish(), format: 'json' };
}
