/**
 * Readers of the annotation file's fields, for the validator: each reads one field of an
 * untrusted object, reports what is wrong with it (with its JSON path) and returns the usable
 * part, or undefined/null.
 */
import type { Problem, ProblemCode } from '../types.js';
import { PAGE_URL_SCHEMES, SOURCE_URL_SCHEMES, safeUrl } from '../safe-url.js';
import { ABSENT, ProblemList, asArray, describe, isRecord, isSeconds, isWellFormed, readOwn, toWellFormed } from '../untrusted.js';
import { MAX_ID_LENGTH, MAX_ITEMS, type Source } from './types.js';

/** The validator's problems: `annotation` problems that carry the id of the item being read. */
export class AnnotationProblems extends ProblemList {
  /** Id of the claim/annotation being validated: problems inside it carry it. */
  currentId: string | undefined;

  constructor() {
    super({ kind: 'annotation', code: 'invalid-annotation', path: '$' });
  }

  report(path: string, detail: string, code: ProblemCode = 'invalid-annotation', id = this.currentId): void {
    const p: Problem = { kind: 'annotation', code, path, detail };
    if (id !== undefined) p.id = id;
    this.add(p);
  }
}

/** The elements of an array field with their paths; reports a missing/non-array field. */
export function items(value: unknown, path: string, required: boolean, problems: AnnotationProblems): Array<[unknown, string]> {
  if (value === ABSENT) {
    if (required) problems.report(path, 'missing');
    return [];
  }
  const arr = asArray(value, MAX_ITEMS);
  if (!arr) {
    problems.report(path, `expected an array, got ${describe(value)}`);
    return [];
  }
  if (arr.truncated) problems.report(path, `more than ${MAX_ITEMS} items; the rest are ignored`);
  return arr.items.map((item, i) => [item, `${path}[${i}]`]);
}

/** Records an item's id at its path; a second use is reported (`duplicate-id`) and refused. */
export function unique(id: string, path: string, seen: Map<string, string>, problems: AnnotationProblems): boolean {
  const first = seen.get(id);
  if (first !== undefined) {
    problems.report(path, `id already used at ${first}`, 'duplicate-id', id);
    return false;
  }
  seen.set(id, path);
  return true;
}

/** The item's id when it is a valid one (so that its problems can name it). */
export function itemId(item: unknown): string | undefined {
  const id = isRecord(item) ? readOwn(item, 'id') : undefined;
  return isId(id) ? id : undefined;
}

/** A usable id: a non-empty string of at most MAX_ID_LENGTH characters, well-formed Unicode (no lone surrogate). */
export function isId(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '' && v.length <= MAX_ID_LENGTH && isWellFormed(v);
}

/** What is wrong with a value that is not an id, for a problem's detail. */
export function notAnId(v: unknown): string {
  if (typeof v === 'string' && v.trim() !== '' && v.length <= MAX_ID_LENGTH) return `not well-formed Unicode (a lone surrogate): ${describe(v)}`;
  return `expected a non-empty string id (≤ ${MAX_ID_LENGTH} characters), got ${describe(v)}`;
}

/**
 * A text field's value: the string, with any lone surrogate replaced by U+FFFD and reported
 * (exports and URL encoding need well-formed Unicode).
 */
export function wellFormedText(v: string, path: string, problems: AnnotationProblems): string {
  if (isWellFormed(v)) return v;
  problems.report(path, 'not well-formed Unicode (a lone surrogate); replaced by U+FFFD');
  return toWellFormed(v);
}

/** An optional string field: undefined when absent; reported and undefined when not a string. */
export function optionalString(obj: object, key: string, path: string, problems: AnnotationProblems): string | undefined {
  const v = readOwn(obj, key);
  if (v === ABSENT) return undefined;
  if (typeof v === 'string') return wellFormedText(v, `${path}.${key}`, problems);
  problems.report(`${path}.${key}`, `expected a string, got ${describe(v)}`);
  return undefined;
}

/** `media` ({title, src}) and `article` ({title, url}); returns undefined when absent or empty. */
export function pageInfo(value: unknown, path: string, urlKey: 'src' | 'url', problems: AnnotationProblems): Record<string, string> | undefined {
  if (value === ABSENT) return undefined;
  if (!isRecord(value)) {
    problems.report(path, `expected an object, got ${describe(value)}`);
    return undefined;
  }
  const out: Record<string, string> = {};
  const title = optionalString(value, 'title', path, problems);
  if (title !== undefined) out.title = title;
  const url = readOwn(value, urlKey);
  if (url !== ABSENT) {
    const safe = safeUrl(url, PAGE_URL_SCHEMES);
    if (safe !== null) out[urlKey] = safe;
    else problems.report(`${path}.${urlKey}`, `not an http(s) URL: ${describe(url)}`);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The shared start of a claim or an annotation: an object with a valid id (else reported, and null). */
export function requireItemId(value: unknown, path: string, problems: AnnotationProblems): string | null {
  if (!isRecord(value)) {
    problems.report(path, `expected an object, got ${describe(value)}`);
    return null;
  }
  const id = readOwn(value, 'id');
  if (!isId(id)) {
    problems.report(`${path}.id`, notAnId(id));
    return null;
  }
  return id;
}

/** An array of ids; bad elements are reported and dropped (integers are repaired to strings). */
export function idList(value: unknown, path: string, problems: AnnotationProblems): string[] | undefined {
  if (value === ABSENT) return undefined;
  const arr = asArray(value, MAX_ITEMS);
  if (!arr) {
    problems.report(path, `expected an array of strings, got ${describe(value)}`);
    return undefined;
  }
  const out: string[] = [];
  arr.items.forEach((v, i) => {
    if (isId(v)) out.push(v);
    else if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) {
      problems.report(`${path}[${i}]`, `expected a string, got ${v}; read as "${v}"`);
      out.push(String(v));
    } else problems.report(`${path}[${i}]`, notAnId(v));
  });
  return out;
}

export function timeRange(value: unknown, path: string, problems: AnnotationProblems): { start: number; end: number } | undefined {
  if (value === ABSENT) return undefined;
  if (!isRecord(value)) {
    problems.report(path, `expected {start, end}, got ${describe(value)}`);
    return undefined;
  }
  const start = readOwn(value, 'start');
  const end = readOwn(value, 'end');
  const okStart = isSeconds(start);
  const okEnd = isSeconds(end);
  if (!okStart) problems.report(`${path}.start`, `expected a number of seconds ≥ 0, got ${describe(start)}`);
  if (!okEnd) problems.report(`${path}.end`, `expected a number of seconds ≥ 0, got ${describe(end)}`);
  if (!okStart || !okEnd) return undefined;
  if (end < start) {
    problems.report(`${path}.end`, `end (${end}) is before start (${start})`);
    return undefined;
  }
  return { start, end };
}

export function sourceList(value: unknown, path: string, problems: AnnotationProblems): Source[] {
  if (value === ABSENT) return [];
  const arr = asArray(value, MAX_ITEMS);
  if (!arr) {
    problems.report(path, `expected an array, got ${describe(value)}`);
    return [];
  }
  const out: Source[] = [];
  arr.items.forEach((v, i) => {
    const p = `${path}[${i}]`;
    if (!isRecord(v)) return problems.report(p, `expected an object, got ${describe(v)}`);
    const url = readOwn(v, 'url');
    const safe = safeUrl(url, SOURCE_URL_SCHEMES);
    if (safe === null) return problems.report(`${p}.url`, `not an http(s) or mailto URL: ${describe(url)}`);
    const source: Source = { url: safe };
    const title = optionalString(v, 'title', p, problems);
    if (title !== undefined) source.title = title;
    out.push(source);
  });
  return out;
}
