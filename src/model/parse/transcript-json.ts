/**
 * The project's own transcript JSON (version 1), and the same validation for data handed to
 * the `transcript` property (a Transcript object or a bare cue array).
 *
 * The input is untrusted and may be hostile: every property read goes through `read()`,
 * which survives throwing getters, revoked Proxies and the like; we never recurse beyond
 * the fixed shape (transcript → cues → cue → words → word), so cycles are harmless; we never
 * copy unknown keys (no `__proto__` games) and never mutate the input.
 * Each problem carries its JSON path; a bare array's paths start at `$[i]`.
 */
import type { Cue, ParseResult, Problem, Transcript, Word } from '../types.js';

/** More cues than this are not read (a Proxy can claim any length). */
const MAX_CUES = 1_000_000;
const MAX_WORDS_PER_CUE = 100_000;
/** After this many problems the rest are summarised in one last problem. */
const MAX_PROBLEMS = 1000;
const LANG = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;

type Read = { ok: true; value: unknown } | { ok: false };

/** obj[key] without letting anything escape. */
function read(obj: object, key: string | number): Read {
  try {
    return { ok: true, value: (obj as Record<string | number, unknown>)[key] };
  } catch {
    return { ok: false };
  }
}

function isArray(v: unknown): v is readonly unknown[] {
  try {
    return Array.isArray(v);
  } catch {
    return false; // revoked Proxy
  }
}

function isObject(v: unknown): v is object {
  return typeof v === 'object' && v !== null && !isArray(v);
}

/** Reads an array's length, clamped to [0, max]. */
function lengthOf(arr: readonly unknown[], max: number): { length: number; clamped: boolean } {
  const r = read(arr, 'length');
  const n = r.ok && typeof r.value === 'number' && Number.isFinite(r.value) ? Math.max(0, Math.floor(r.value)) : 0;
  return { length: Math.min(n, max), clamped: n > max };
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (isArray(v)) return 'array';
  if (typeof v === 'string') return JSON.stringify(v.length > 50 ? `${v.slice(0, 50)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return typeof v;
}

class Problems {
  readonly list: Problem[] = [];
  private dropped = 0;
  add(p: Problem): void {
    if (p.detail !== undefined && p.detail.length > 200) p.detail = p.detail.slice(0, 200);
    if (this.list.length < MAX_PROBLEMS) this.list.push(p);
    else this.dropped++;
  }
  field(path: string, detail: string): void {
    this.add({ kind: 'parse', code: 'bad-field', path, detail });
  }
  done(): Problem[] {
    if (this.dropped > 0) {
      this.list.push({ kind: 'parse', code: 'bad-field', path: '$', detail: `${this.dropped} more problems not listed` });
      this.dropped = 0;
    }
    return this.list;
  }
}

/** A time field: a finite number ≥ 0, else a problem. */
function time(obj: object, key: string, path: string, problems: Problems): number | undefined {
  const r = read(obj, key);
  if (!r.ok) {
    problems.field(`${path}.${key}`, 'unreadable');
    return undefined;
  }
  if (typeof r.value !== 'number' || !Number.isFinite(r.value) || r.value < 0) {
    problems.field(`${path}.${key}`, r.value === undefined ? 'missing' : describe(r.value));
    return undefined;
  }
  return r.value;
}

/** An optional string field: absent/null/"" → undefined; wrong type → problem + undefined. */
function optionalString(obj: object, key: string, path: string, problems: Problems, pattern?: RegExp): string | undefined {
  const r = read(obj, key);
  if (!r.ok) {
    problems.field(`${path}.${key}`, 'unreadable');
    return undefined;
  }
  if (r.value === undefined || r.value === null || r.value === '') return undefined;
  if (typeof r.value !== 'string' || (pattern && !pattern.test(r.value))) {
    problems.field(`${path}.${key}`, describe(r.value));
    return undefined;
  }
  return r.value;
}

function readWords(value: unknown, path: string, problems: Problems): Word[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isArray(value)) {
    problems.field(path, describe(value));
    return undefined;
  }
  const words: Word[] = [];
  const { length, clamped } = lengthOf(value, MAX_WORDS_PER_CUE);
  if (clamped) problems.field(path, `more than ${MAX_WORDS_PER_CUE} words`);
  for (let j = 0; j < length; j++) {
    const wpath = `${path}[${j}]`;
    const r = read(value, j);
    if (!r.ok || !isObject(r.value)) {
      problems.field(wpath, r.ok ? describe(r.value) : 'unreadable');
      continue;
    }
    const w = r.value;
    const start = time(w, 'start', wpath, problems);
    const end = time(w, 'end', wpath, problems);
    const t = read(w, 'text');
    if (!t.ok || typeof t.value !== 'string') {
      problems.field(`${wpath}.text`, t.ok ? describe(t.value) : 'unreadable');
      continue;
    }
    if (start === undefined || end === undefined) continue;
    // End before start: kept with no duration (as WebVTT does), and reported.
    if (end < start) problems.add({ kind: 'parse', code: 'bad-range', path: `${wpath}.end`, detail: `${start} --> ${end}` });
    words.push({ start, end: Math.max(start, end), text: t.value.trim() });
  }
  return words.length > 0 ? words : undefined;
}

/** An id as given: strings kept, numbers/booleans/bigints stringified, anything else → undefined. */
function readId(obj: object, path: string, problems: Problems): string | undefined {
  const r = read(obj, 'id');
  if (!r.ok) {
    problems.field(`${path}.id`, 'unreadable');
    return undefined;
  }
  const v = r.value;
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  problems.field(`${path}.id`, describe(v));
  return undefined;
}

/** One cue, or undefined when it must be dropped (its problems are recorded). */
function readCue(value: unknown, position: number, path: string, problems: Problems): Cue | undefined {
  if (!isObject(value)) {
    problems.field(path, describe(value));
    return undefined;
  }
  const id = readId(value, path, problems) ?? String(position);
  const start = time(value, 'start', path, problems);
  const end = time(value, 'end', path, problems);
  const t = read(value, 'text');
  const text = t.ok && typeof t.value === 'string' ? t.value.replace(/\r\n?/g, '\n') : undefined;
  if (text === undefined) problems.field(`${path}.text`, t.ok ? (t.value === undefined ? 'missing' : describe(t.value)) : 'unreadable');
  if (start === undefined || end === undefined || text === undefined) return undefined;
  // End before start: kept with no duration (as WebVTT does: nothing is lost), and reported.
  if (end < start) problems.add({ kind: 'parse', code: 'bad-range', path: `${path}.end`, id, detail: `${start} --> ${end}` });
  const cue: Cue = { id, start, end: Math.max(start, end), text };
  const speaker = optionalString(value, 'speaker', path, problems);
  if (speaker !== undefined) cue.speaker = speaker;
  const lang = optionalString(value, 'lang', path, problems, LANG);
  if (lang !== undefined) cue.lang = lang;
  const w = read(value, 'words');
  const words = w.ok ? readWords(w.value, `${path}.words`, problems) : (problems.field(`${path}.words`, 'unreadable'), undefined);
  if (words) cue.words = words;
  return cue;
}

/** Validates cues; ids missing → position, duplicates → `${id}~${n}` with a problem. */
function readCues(arr: readonly unknown[], base: string, problems: Problems): Cue[] {
  const cues: Cue[] = [];
  const used = new Set<string>();
  const { length, clamped } = lengthOf(arr, MAX_CUES);
  if (clamped) problems.field(base, `more than ${MAX_CUES} cues`);
  for (let i = 0; i < length; i++) {
    const path = `${base}[${i}]`;
    const r = read(arr, i);
    const cue = r.ok ? readCue(r.value, i + 1, path, problems) : (problems.field(path, 'unreadable'), undefined);
    if (!cue) continue;
    if (used.has(cue.id)) {
      let n = 2;
      while (used.has(`${cue.id}~${n}`)) n++;
      const fresh = `${cue.id}~${n}`;
      problems.add({ kind: 'parse', code: 'duplicate-id', path: `${path}.id`, id: cue.id, detail: fresh });
      cue.id = fresh;
    }
    used.add(cue.id);
    cues.push(cue);
  }
  return cues;
}

function result(transcript: Transcript, problems: Problems): ParseResult {
  return { transcript, problems: problems.done(), format: 'json' };
}

/**
 * Validates a Transcript object or a bare cue array (already parsed). Keeps every valid cue,
 * reports every problem; never throws, never mutates `data`.
 */
export function normaliseTranscriptData(data: unknown): ParseResult {
  const problems = new Problems();
  try {
    if (isArray(data)) return result({ version: 1, cues: readCues(data, '$', problems) }, problems);
    if (!isObject(data)) {
      problems.add({ kind: 'format', code: 'unknown-format', path: '$', detail: describe(data) });
      return result({ version: 1, cues: [] }, problems);
    }
    const v = read(data, 'version');
    // A missing version is accepted (hand-made data for the property); another one is reported
    // and the cues are still read as version 1, best effort.
    if (!v.ok || (v.value !== undefined && v.value !== 1)) {
      problems.add({ kind: 'format', code: 'unsupported-version', path: '$.version', detail: v.ok ? describe(v.value) : 'unreadable' });
    }
    const transcript: Transcript = { version: 1, cues: [] };
    const lang = optionalString(data, 'lang', '$', problems, LANG);
    if (lang !== undefined) transcript.lang = lang;
    const label = optionalString(data, 'label', '$', problems);
    if (label !== undefined) transcript.label = label;
    const c = read(data, 'cues');
    if (!c.ok || !isArray(c.value)) {
      problems.add({ kind: 'format', code: 'bad-field', path: '$.cues', detail: c.ok ? describe(c.value) : 'unreadable' });
      return result(transcript, problems);
    }
    transcript.cues = readCues(c.value, '$.cues', problems);
    return result(transcript, problems);
  } catch {
    // Defensive: nothing above should throw, but a problem is better than an exception.
    // (The thrown value itself is not inspected: it may be hostile too.)
    problems.add({ kind: 'format', code: 'unknown-format', detail: 'unreadable data' });
    return result({ version: 1, cues: [] }, problems);
  }
}

/** Parses the project's transcript JSON file. A file with no cue at all also gets `no-cues`. */
export function parseTranscriptJSON(text: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(String(text).replace(/^\uFEFF/, ''));
  } catch (e) {
    const detail = (e instanceof Error ? e.message : 'invalid JSON').slice(0, 200);
    return { transcript: { version: 1, cues: [] }, problems: [{ kind: 'format', code: 'bad-json', detail }], format: 'json' };
  }
  const res = normaliseTranscriptData(data);
  if (res.transcript.cues.length === 0 && !res.problems.some((p) => p.kind === 'format')) {
    res.problems.push({ kind: 'format', code: 'no-cues' });
  }
  return res;
}
