/**
 * Annotation files (version 1): types, validation, linking to a transcript's cues, and the
 * annotation body mini-format. Pure; never throws: every problem is returned as a value.
 *
 *   const { data, problems } = parseAnnotations(jsonText);       // or validateAnnotations(obj)
 *   const { links, problems: linkProblems } = linkAnnotations(data, transcript.cues);
 *   links.cuesOf.get('a1')          // ['12', '13']  (time order)
 *   links.annotationsOfCue.get('12') // ['a1']
 *   parseBody(annotation.body)       // [{type:'text', …}, {type:'link', text, href}]
 *
 * The JSON Schema in `data/annotations.schema.json` describes the same format; a unit test
 * keeps its required fields and enums in step with the constants below.
 */
import type { Cue, Problem, ProblemCode } from './types.js';
import type { TextQuote } from './text-quote.js';

export type { TextQuote } from './text-quote.js';

export const RELATIONS = ['supports', 'contradicts', 'context', 'unsupported'] as const;
export type Relation = (typeof RELATIONS)[number];

/** Required fields, per object of the file. Mirrored by the JSON Schema (checked by a test). */
export const REQUIRED_FIELDS = {
  file: ['version', 'annotations'],
  claim: ['id', 'quote'],
  quote: ['exact'],
  annotation: ['id', 'relation'],
  source: ['url'],
} as const;

/** URL schemes accepted for `sources[].url`, and for `media.src` / `article.url`. */
export const SOURCE_URL_SCHEMES = ['http', 'https', 'mailto'] as const;
export const PAGE_URL_SCHEMES = ['http', 'https'] as const;
/** Ids longer than this are invalid (the `#claim=` deep link accepts at most 200 characters). */
export const MAX_ID_LENGTH = 200;
/** Items past this index of `claims` / `annotations` are ignored (and reported once). */
export const MAX_ITEMS = 100_000;
/** After this many problems, one summary problem replaces the rest. */
export const MAX_PROBLEMS = 1000;

export interface Claim {
  id: string;
  quote: TextQuote;
  /** The editor's one-line summary of the claim. */
  summary?: string;
}

export interface Source {
  title?: string;
  url: string;
}

export interface Annotation {
  id: string;
  /** Cue ids (possibly empty); empty for `unsupported`. */
  cues: string[];
  /** A time range (seconds) attaching to every cue it overlaps. */
  time?: { start: number; end: number };
  /** Claim ids (≥ 1 for `unsupported`). */
  claims: string[];
  relation: Relation;
  /** Plain text with `[label](url)` links: render with `parseBody`. */
  body?: string;
  sources: Source[];
}

export interface AnnotationSet {
  version: 1;
  media?: { title?: string; src?: string };
  article?: { title?: string; url?: string };
  claims: Claim[];
  annotations: Annotation[];
}

export interface AnnotationResult {
  data: AnnotationSet;
  problems: Problem[];
}

export const emptyAnnotationSet = (): AnnotationSet => ({ version: 1, claims: [], annotations: [] });

// ---------------------------------------------------------------------------------------------
// Guarded reading of untrusted values (also used by web-annotation.ts). Only own properties
// are read, so prototype keys and `__proto__` tricks never leak in; a getter or Proxy trap
// that throws yields UNREADABLE instead of an exception.

/** @internal A missing own property. */
export const ABSENT: unique symbol = Symbol('absent');
/** @internal A property whose read threw. */
export const UNREADABLE: unique symbol = Symbol('unreadable');

/** @internal */
export function read(obj: object, key: string): unknown {
  try {
    const d = Object.getOwnPropertyDescriptor(obj, key);
    if (d === undefined) return ABSENT;
    if ('value' in d) return d.value;
    return d.get ? d.get.call(obj) : undefined;
  } catch {
    return UNREADABLE;
  }
}

/** Array.isArray, or null for a revoked Proxy (which is neither an array nor a record). */
function isArraySafe(v: object): boolean | null {
  try {
    return Array.isArray(v);
  } catch {
    return null;
  }
}

/** @internal A non-null, non-array object. */
export function isRecord(v: unknown): v is object {
  return typeof v === 'object' && v !== null && isArraySafe(v) === false;
}

/** @internal The first `max` elements of an array (holes read as ABSENT), or null for a non-array. */
export function asArray(v: unknown, max: number): { items: unknown[]; truncated: boolean } | null {
  if (typeof v !== 'object' || v === null || isArraySafe(v) !== true) return null;
  const len = read(v, 'length');
  if (typeof len !== 'number' || !Number.isSafeInteger(len) || len < 0) return null;
  const n = Math.min(len, max);
  const items: unknown[] = [];
  for (let i = 0; i < n; i++) items.push(read(v, String(i)));
  return { items, truncated: len > max };
}

/** @internal A short, safe description of a value for a problem's detail. */
export function describe(v: unknown): string {
  if (v === ABSENT) return 'nothing (missing)';
  if (v === UNREADABLE) return 'an unreadable value';
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(v);
    case 'undefined':
      return 'undefined';
    case 'object':
      return v === null ? 'null' : isArraySafe(v) === null ? 'an unreadable value' : isArraySafe(v) ? 'an array' : 'an object';
    default:
      return `a ${typeof v}`;
  }
}

/** @internal */
export function truncate(s: string, max = 200): string {
  if (typeof s !== 'string') return '';
  if (typeof max !== 'number' || !(max >= 1)) max = 200;
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

// Control characters, every kind of space, bidi controls and backslashes: a browser's URL
// parser strips or rewrites some of these (`java\tscript:`), so a URL containing any is refused.
const UNSAFE_URL_CHARS = /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\\]/;

/**
 * The URL itself when it is a well-formed absolute URL with one of `schemes` (lower case,
 * without ":"; compared case-insensitively), else null. http(s) URLs need "//" and a host.
 */
export function safeUrl(raw: unknown, schemes: readonly string[]): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 4096 || UNSAFE_URL_CHARS.test(raw)) return null;
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(raw);
  const scheme = m?.[1]?.toLowerCase();
  if (scheme === undefined || !schemes.includes(scheme)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${scheme}:`) return null;
  if (scheme === 'http' || scheme === 'https') {
    if (!/^[a-zA-Z]+:\/\/[^/]/.test(raw) || url.hostname === '') return null;
  } else if (raw.length <= scheme.length + 1) return null;
  return raw;
}

/** Collects problems, capped at MAX_PROBLEMS (one summary problem stands for the rest). */
class Problems {
  readonly list: Problem[] = [];
  private extra = 0;
  /** Id of the claim/annotation being validated: problems inside it carry it. */
  currentId: string | undefined;
  add(path: string, detail: string, code: ProblemCode = 'invalid-annotation', id = this.currentId): void {
    if (this.list.length >= MAX_PROBLEMS) {
      this.extra++;
      return;
    }
    const p: Problem = { kind: 'annotation', code, path, detail: truncate(detail) };
    if (id !== undefined) p.id = id;
    this.list.push(p);
  }
  finish(): Problem[] {
    if (this.extra > 0) {
      this.list.push({ kind: 'annotation', code: 'invalid-annotation', path: '$', detail: `${this.extra} more problems not listed` });
    }
    return this.list;
  }
}

/** Parses and validates the text of an annotation file. Bad JSON gives an empty set and a `bad-json` problem. */
export function parseAnnotations(text: string): AnnotationResult {
  if (typeof text !== 'string') {
    return { data: emptyAnnotationSet(), problems: [{ kind: 'annotation', code: 'bad-json', detail: 'not text' }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const problem: Problem = { kind: 'annotation', code: 'bad-json', detail: truncate(message) };
    // V8 reports "… at position N": turn that into the 1-based line the reader can look for.
    const pos = /position (\d+)/.exec(message);
    if (pos?.[1] !== undefined) problem.line = text.slice(0, Number(pos[1])).split('\n').length;
    return { data: emptyAnnotationSet(), problems: [problem] };
  }
  return validateAnnotations(value);
}

/**
 * Validates parsed annotation data (any value). Keeps every valid item; drops an invalid
 * claim or annotation, or only an invalid optional field when the item is otherwise usable;
 * reports each problem with its JSON path. Never mutates or throws on its input.
 */
export function validateAnnotations(input: unknown): AnnotationResult {
  const problems = new Problems();
  const data = emptyAnnotationSet();
  try {
    validateFile(input, data, problems);
  } catch (e) {
    // Defensive only: every read is already guarded.
    problems.add('$', `unexpected error: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { data, problems: problems.finish() };
}

function validateFile(input: unknown, data: AnnotationSet, problems: Problems): void {
  if (!isRecord(input)) {
    problems.add('$', `expected an object, got ${describe(input)}`);
    return;
  }
  const version = read(input, 'version');
  if (version === ABSENT) problems.add('$.version', 'missing');
  else if (version !== 1) problems.add('$.version', describe(version), 'unsupported-version');

  const media = pageInfo(read(input, 'media'), '$.media', 'src', problems);
  if (media) data.media = media;
  const article = pageInfo(read(input, 'article'), '$.article', 'url', problems);
  if (article) data.article = article;

  const claimIds = new Map<string, string>();
  for (const [item, path] of items(read(input, 'claims'), '$.claims', false, problems)) {
    problems.currentId = itemId(item);
    const claim = validateClaim(item, path, problems);
    if (claim && unique(claim.id, path, claimIds, problems)) data.claims.push(claim);
  }
  problems.currentId = undefined;
  const annotationIds = new Map<string, string>();
  for (const [item, path] of items(read(input, 'annotations'), '$.annotations', true, problems)) {
    problems.currentId = itemId(item);
    const annotation = validateAnnotation(item, path, problems);
    if (annotation && unique(annotation.id, path, annotationIds, problems)) data.annotations.push(annotation);
  }
}

/** The elements of an array field with their paths; reports a missing/non-array field. */
function items(value: unknown, path: string, required: boolean, problems: Problems): Array<[unknown, string]> {
  if (value === ABSENT) {
    if (required) problems.add(path, 'missing');
    return [];
  }
  const arr = asArray(value, MAX_ITEMS);
  if (!arr) {
    problems.add(path, `expected an array, got ${describe(value)}`);
    return [];
  }
  if (arr.truncated) problems.add(path, `more than ${MAX_ITEMS} items; the rest are ignored`);
  return arr.items.map((item, i) => [item, `${path}[${i}]`]);
}

function unique(id: string, path: string, seen: Map<string, string>, problems: Problems): boolean {
  const first = seen.get(id);
  if (first !== undefined) {
    problems.add(path, `id already used at ${first}`, 'duplicate-id', id);
    return false;
  }
  seen.set(id, path);
  return true;
}

/** The item's id when it is a valid one (so that its problems can name it). */
function itemId(item: unknown): string | undefined {
  const id = isRecord(item) ? read(item, 'id') : undefined;
  return isId(id) ? id : undefined;
}

function isId(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '' && v.length <= MAX_ID_LENGTH;
}

/** An optional string field: undefined when absent; reported and undefined when not a string. */
function optionalString(obj: object, key: string, path: string, problems: Problems): string | undefined {
  const v = read(obj, key);
  if (v === ABSENT) return undefined;
  if (typeof v === 'string') return v;
  problems.add(`${path}.${key}`, `expected a string, got ${describe(v)}`);
  return undefined;
}

/** `media` ({title, src}) and `article` ({title, url}); returns undefined when absent or empty. */
function pageInfo(value: unknown, path: string, urlKey: 'src' | 'url', problems: Problems): Record<string, string> | undefined {
  if (value === ABSENT) return undefined;
  if (!isRecord(value)) {
    problems.add(path, `expected an object, got ${describe(value)}`);
    return undefined;
  }
  const out: Record<string, string> = {};
  const title = optionalString(value, 'title', path, problems);
  if (title !== undefined) out.title = title;
  const url = read(value, urlKey);
  if (url !== ABSENT) {
    const safe = safeUrl(url, PAGE_URL_SCHEMES);
    if (safe !== null) out[urlKey] = safe;
    else problems.add(`${path}.${urlKey}`, `not an http(s) URL: ${describe(url)}`);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The shared start of a claim or an annotation: an object with a valid id (else reported, and null). */
function requireItemId(value: unknown, path: string, problems: Problems): string | null {
  if (!isRecord(value)) {
    problems.add(path, `expected an object, got ${describe(value)}`);
    return null;
  }
  const id = read(value, 'id');
  if (!isId(id)) {
    problems.add(`${path}.id`, `expected a non-empty string id (≤ ${MAX_ID_LENGTH} characters), got ${describe(id)}`);
    return null;
  }
  return id;
}

function validateClaim(value: unknown, path: string, problems: Problems): Claim | null {
  const id = requireItemId(value, path, problems);
  if (id === null || !isRecord(value)) return null;
  const quoteValue = read(value, 'quote');
  if (!isRecord(quoteValue)) {
    problems.add(`${path}.quote`, `expected an object, got ${describe(quoteValue)}`);
    return null;
  }
  const exact = read(quoteValue, 'exact');
  if (typeof exact !== 'string' || exact.trim() === '') {
    problems.add(`${path}.quote.exact`, `expected a non-empty string, got ${describe(exact)}`);
    return null;
  }
  const quote: TextQuote = { exact };
  const prefix = optionalString(quoteValue, 'prefix', `${path}.quote`, problems);
  if (prefix !== undefined) quote.prefix = prefix;
  const suffix = optionalString(quoteValue, 'suffix', `${path}.quote`, problems);
  if (suffix !== undefined) quote.suffix = suffix;
  const claim: Claim = { id, quote };
  const summary = optionalString(value, 'summary', path, problems);
  if (summary !== undefined) claim.summary = summary;
  return claim;
}

/** An array of ids; bad elements are reported and dropped (integers are repaired to strings). */
function idList(value: unknown, path: string, problems: Problems): string[] | undefined {
  if (value === ABSENT) return undefined;
  const arr = asArray(value, MAX_ITEMS);
  if (!arr) {
    problems.add(path, `expected an array of strings, got ${describe(value)}`);
    return undefined;
  }
  const out: string[] = [];
  arr.items.forEach((v, i) => {
    if (isId(v)) out.push(v);
    else if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) {
      problems.add(`${path}[${i}]`, `expected a string, got ${v}; read as "${v}"`);
      out.push(String(v));
    } else problems.add(`${path}[${i}]`, `expected a non-empty string id, got ${describe(v)}`);
  });
  return out;
}

function timeRange(value: unknown, path: string, problems: Problems): { start: number; end: number } | undefined {
  if (value === ABSENT) return undefined;
  if (!isRecord(value)) {
    problems.add(path, `expected {start, end}, got ${describe(value)}`);
    return undefined;
  }
  const start = read(value, 'start');
  const end = read(value, 'end');
  const okStart = typeof start === 'number' && Number.isFinite(start) && start >= 0;
  const okEnd = typeof end === 'number' && Number.isFinite(end) && end >= 0;
  if (!okStart) problems.add(`${path}.start`, `expected a number of seconds ≥ 0, got ${describe(start)}`);
  if (!okEnd) problems.add(`${path}.end`, `expected a number of seconds ≥ 0, got ${describe(end)}`);
  if (!okStart || !okEnd) return undefined;
  if (end < start) {
    problems.add(`${path}.end`, `end (${end}) is before start (${start})`);
    return undefined;
  }
  return { start, end };
}

function sourceList(value: unknown, path: string, problems: Problems): Source[] {
  if (value === ABSENT) return [];
  const arr = asArray(value, MAX_ITEMS);
  if (!arr) {
    problems.add(path, `expected an array, got ${describe(value)}`);
    return [];
  }
  const out: Source[] = [];
  arr.items.forEach((v, i) => {
    const p = `${path}[${i}]`;
    if (!isRecord(v)) return problems.add(p, `expected an object, got ${describe(v)}`);
    const url = read(v, 'url');
    const safe = safeUrl(url, SOURCE_URL_SCHEMES);
    if (safe === null) return problems.add(`${p}.url`, `not an http(s) or mailto URL: ${describe(url)}`);
    const source: Source = { url: safe };
    const title = optionalString(v, 'title', p, problems);
    if (title !== undefined) source.title = title;
    out.push(source);
  });
  return out;
}

function validateAnnotation(value: unknown, path: string, problems: Problems): Annotation | null {
  const id = requireItemId(value, path, problems);
  if (id === null || !isRecord(value)) return null;
  const relation = read(value, 'relation');
  // Check every field before deciding, so that one pass reports all of an item's problems.
  const relationOk = (RELATIONS as readonly unknown[]).includes(relation);
  if (!relationOk) problems.add(`${path}.relation`, `expected one of ${RELATIONS.join(', ')}, got ${describe(relation)}`);
  let cues = idList(read(value, 'cues'), `${path}.cues`, problems);
  let time = timeRange(read(value, 'time'), `${path}.time`, problems);
  const claims = idList(read(value, 'claims'), `${path}.claims`, problems) ?? [];
  const body = optionalString(value, 'body', path, problems);
  const sources = sourceList(read(value, 'sources'), `${path}.sources`, problems);
  if (!relationOk) return null;

  if (relation === 'unsupported') {
    // Nothing in the recording supports the claim: cues or a time would contradict that.
    if (cues && cues.length > 0) problems.add(`${path}.cues`, 'an "unsupported" annotation has no cues; ignored');
    if (time) problems.add(`${path}.time`, 'an "unsupported" annotation has no time; ignored');
    cues = [];
    time = undefined;
    if (claims.length === 0) {
      problems.add(`${path}.claims`, 'an "unsupported" annotation needs at least one claim');
      return null;
    }
  } else if (cues === undefined && time === undefined) {
    problems.add(path, 'needs "cues" or a valid "time"');
    return null;
  }
  const annotation: Annotation = { id, cues: cues ?? [], claims, relation: relation as Relation, sources };
  if (time) annotation.time = time;
  if (body !== undefined) annotation.body = body;
  return annotation;
}

// ---------------------------------------------------------------------------------------------
// Linking

export interface AnnotationLinks {
  /** Annotation id → resolved cue ids, in time order (cues named + cues its time overlaps). */
  cuesOf: Map<string, string[]>;
  /** Cue id → annotation ids, in file order. Only cues with annotations are keys. */
  annotationsOfCue: Map<string, string[]>;
  /** Claim id → annotation ids, in file order. Every claim is a key (possibly with []). */
  annotationsOfClaim: Map<string, string[]>;
  /** Annotation id → the existing claim ids it names. */
  claimsOfAnnotation: Map<string, string[]>;
  /** Claims that have annotations, all of them `unsupported`. */
  unsupportedClaims: string[];
  /** Claims no annotation names. */
  unlinkedClaims: string[];
  /** Annotation id → time span of its resolved cues (min start, max end), else of its `time`. */
  span: Map<string, { start: number; end: number }>;
}

export const emptyLinks = (): AnnotationLinks => ({
  cuesOf: new Map(),
  annotationsOfCue: new Map(),
  annotationsOfClaim: new Map(),
  claimsOfAnnotation: new Map(),
  unsupportedClaims: [],
  unlinkedClaims: [],
  span: new Map(),
});


/** Annotation problems for the `missing-cue` / `missing-claim` codes; `id` is the annotation's. */
const linkProblem = (code: ProblemCode, id: string, detail: string): Problem => ({ kind: 'annotation', code, id, detail: truncate(detail) });

interface IndexedCue {
  id: string;
  start: number;
  end: number;
  order: number;
}

/** Does a cue overlap the half-open range [s, e)? A zero-length range is the instant s. */
function overlaps(c: IndexedCue, s: number, e: number): boolean {
  if (e > s) return c.end > c.start ? c.start < e && c.end > s : c.start >= s && c.start < e;
  return c.end > c.start ? c.start <= s && s < c.end : c.start === s;
}

/**
 * Resolves annotations against a transcript's cues: which cues each annotation covers, and the
 * reverse maps a component needs to show markers on lines and claims. Missing cues or claims
 * are reported (`missing-cue` with detail = cue id, or `t=start,end` for a time range that
 * touches no cue; `missing-claim` with detail = claim id; `id` = annotation id); the rest links.
 */
export function linkAnnotations(data: AnnotationSet, cues: readonly Cue[]): { links: AnnotationLinks; problems: Problem[] } {
  const links = emptyLinks();
  const problems: Problem[] = [];
  try {
    linkInto(data, cues, links, problems);
    return { links, problems };
  } catch (e) {
    // Only reachable with data that did not come from validateAnnotations (a Proxy, a getter).
    problems.push({ kind: 'annotation', code: 'invalid-annotation', path: '$', detail: truncate(`could not link: ${e instanceof Error ? e.message : String(e)}`) });
    return { links: emptyLinks(), problems };
  }
}

function linkInto(data: AnnotationSet, cues: readonly Cue[], links: AnnotationLinks, problems: Problem[]): void {
  if (!isRecord(data)) return;
  const annotations = Array.isArray(data.annotations) ? data.annotations : [];
  const claims = Array.isArray(data.claims) ? data.claims : [];

  // Cue index: by id (first wins), and sorted by start for time-range queries.
  const byId = new Map<string, IndexedCue>();
  (Array.isArray(cues) ? cues : []).forEach((c: Cue, order) => {
    if (!isRecord(c) || typeof c.id !== 'string' || byId.has(c.id)) return;
    if (!Number.isFinite(c.start) || !Number.isFinite(c.end)) return;
    byId.set(c.id, { id: c.id, start: c.start, end: Math.max(c.start, c.end), order });
  });
  const sorted = [...byId.values()].sort((a, b) => a.start - b.start || a.order - b.order);
  const maxDuration = sorted.reduce((m, c) => Math.max(m, c.end - c.start), 0);
  const cuesInRange = (s: number, e: number): IndexedCue[] => {
    // Any overlapping cue starts at or after s - maxDuration: binary-search there, scan to e.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]!.start < s - maxDuration) lo = mid + 1;
      else hi = mid;
    }
    const out: IndexedCue[] = [];
    for (let j = lo; j < sorted.length && sorted[j]!.start <= e; j++) if (overlaps(sorted[j]!, s, e)) out.push(sorted[j]!);
    return out;
  };

  const claimRelations = new Map<string, Relation[]>();
  for (const claim of claims) {
    if (!isRecord(claim) || typeof claim.id !== 'string' || links.annotationsOfClaim.has(claim.id)) continue;
    links.annotationsOfClaim.set(claim.id, []);
    claimRelations.set(claim.id, []);
  }

  for (const a of annotations) {
    if (!isRecord(a) || typeof a.id !== 'string' || links.cuesOf.has(a.id)) continue;
    const resolved = new Map<string, IndexedCue>();
    for (const cueId of Array.isArray(a.cues) ? a.cues : []) {
      const cue = byId.get(cueId);
      if (cue) resolved.set(cue.id, cue);
      else problems.push(linkProblem('missing-cue', a.id, String(cueId)));
    }
    const time = a.time;
    if (isRecord(time) && Number.isFinite(time.start) && Number.isFinite(time.end)) {
      const hits = cuesInRange(time.start, time.end);
      if (hits.length === 0 && sorted.length > 0) problems.push(linkProblem('missing-cue', a.id, `t=${time.start},${time.end}`));
      for (const cue of hits) resolved.set(cue.id, cue);
    }
    const ordered = [...resolved.values()].sort((x, y) => x.start - y.start || x.order - y.order);
    links.cuesOf.set(a.id, ordered.map((c) => c.id));
    for (const c of ordered) {
      const list = links.annotationsOfCue.get(c.id);
      if (list) list.push(a.id);
      else links.annotationsOfCue.set(c.id, [a.id]);
    }
    if (ordered.length > 0) {
      // (reduce, not Math.min(...spread): the spread overflows the stack on huge lists)
      const start = ordered.reduce((m, c) => Math.min(m, c.start), Infinity);
      links.span.set(a.id, { start, end: ordered.reduce((m, c) => Math.max(m, c.end), -Infinity) });
    } else if (isRecord(time) && Number.isFinite(time.start) && Number.isFinite(time.end)) {
      links.span.set(a.id, { start: time.start, end: time.end });
    }

    const own: string[] = [];
    for (const claimId of Array.isArray(a.claims) ? a.claims : []) {
      if (own.includes(claimId)) continue;
      const list = links.annotationsOfClaim.get(claimId);
      if (!list) {
        problems.push(linkProblem('missing-claim', a.id, String(claimId)));
        continue;
      }
      own.push(claimId);
      list.push(a.id);
      claimRelations.get(claimId)?.push(a.relation);
    }
    links.claimsOfAnnotation.set(a.id, own);
  }

  for (const [claimId, relations] of claimRelations) {
    if (relations.length === 0) links.unlinkedClaims.push(claimId);
    else if (relations.every((r) => r === 'unsupported')) links.unsupportedClaims.push(claimId);
  }
}

// ---------------------------------------------------------------------------------------------
// Annotation bodies

export type BodySegment = { type: 'text'; text: string } | { type: 'link'; text: string; href: string };

const MAX_LABEL = 500;
const MAX_HREF = 4096;

/**
 * Splits an annotation body into text and links. The only markup is `[label](url)` with an
 * http:, https: or mailto: URL (see `safeUrl`); anything else — HTML, other Markdown, links
 * with other schemes — stays literal text. Line breaks are kept as "\n" (render with
 * `white-space: pre-line`). An empty label shows the URL.
 */
export function parseBody(body: string): BodySegment[] {
  if (typeof body !== 'string' || body === '') return [];
  const s = body.replace(/\r\n?/g, '\n');
  const out: BodySegment[] = [];
  let text = '';
  let i = 0;
  while (i < s.length) {
    const open = s.indexOf('[', i);
    if (open < 0) {
      text += s.slice(i);
      break;
    }
    text += s.slice(i, open);
    const link = readLink(s, open);
    if (link) {
      if (text !== '') out.push({ type: 'text', text });
      text = '';
      out.push(link.segment);
      i = link.end;
    } else {
      text += '[';
      i = open + 1;
    }
  }
  if (text !== '') out.push({ type: 'text', text });
  return out;
}

/** A `[label](url)` starting at `open`, or null. Bounded scans keep this linear-ish on hostile input. */
function readLink(s: string, open: number): { segment: BodySegment; end: number } | null {
  let close = -1;
  for (let j = open + 1; j < s.length && j <= open + MAX_LABEL + 1; j++) {
    const c = s[j];
    if (c === ']') {
      close = j;
      break;
    }
    if (c === '[' || c === '\n') return null;
  }
  if (close < 0 || s[close + 1] !== '(') return null;
  // The URL runs to the matching ")", allowing balanced parentheses inside (Wikipedia-style).
  let depth = 0;
  let j = close + 2;
  for (; j < s.length && j <= close + 2 + MAX_HREF; j++) {
    const c = s[j];
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) break;
      depth--;
    }
  }
  if (s[j] !== ')') return null;
  const href = safeUrl(s.slice(close + 2, j), SOURCE_URL_SCHEMES);
  if (href === null) return null;
  const label = s.slice(open + 1, close);
  return { segment: { type: 'link', text: label.trim() === '' ? href : label, href }, end: j + 1 };
}
