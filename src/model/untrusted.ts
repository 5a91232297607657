/**
 * Safe readers of untrusted values (parsed JSON, or data a page hands to a property), shared by
 * every parser of the model. A value may be hostile: a getter or Proxy trap that throws, a
 * revoked Proxy, an array that claims 2³² elements. Nothing here throws or mutates its input.
 */
import type { Problem } from './types.js';

/** A missing own property. */
export const ABSENT: unique symbol = Symbol('absent');
/** A property whose read threw. */
export const UNREADABLE: unique symbol = Symbol('unreadable');

/**
 * An own property (ABSENT when there is none, UNREADABLE when reading it threw). Inherited keys
 * are never read, so prototype keys and `__proto__` tricks never leak in.
 */
export function readOwn(obj: object, key: string): unknown {
  try {
    const d = Object.getOwnPropertyDescriptor(obj, key);
    if (d === undefined) return ABSENT;
    if ('value' in d) return d.value;
    return d.get ? d.get.call(obj) : undefined;
  } catch {
    return UNREADABLE;
  }
}

/** `obj[key]`, inherited properties included (undefined when missing), or UNREADABLE when the read threw. */
export function readProperty(obj: object, key: string | number): unknown {
  try {
    return (obj as Record<string | number, unknown>)[key];
  } catch {
    return UNREADABLE;
  }
}

/** Array.isArray, or null for a revoked Proxy (which is neither an array nor a record). */
function arrayCheck(v: object): boolean | null {
  try {
    return Array.isArray(v);
  } catch {
    return null;
  }
}

/** Array.isArray that survives a revoked Proxy (false). */
export function isArray(v: unknown): v is readonly unknown[] {
  return typeof v === 'object' && v !== null && arrayCheck(v) === true;
}

/** A non-null, non-array object (a revoked Proxy is not one). */
export function isRecord(v: unknown): v is object {
  return typeof v === 'object' && v !== null && arrayCheck(v) === false;
}

/** The first `max` elements of an array (holes read as ABSENT), or null for a non-array. */
export function asArray(v: unknown, max: number): { items: unknown[]; truncated: boolean } | null {
  if (!isArray(v)) return null;
  const len = readOwn(v, 'length');
  if (typeof len !== 'number' || !Number.isSafeInteger(len) || len < 0) return null;
  // (A max that is not a number would be coerced, perhaps by a deep toString.)
  const cap = typeof max === 'number' && max >= 0 ? max : 0;
  const n = Math.min(len, cap);
  const items: unknown[] = [];
  for (let i = 0; i < n; i++) items.push(readOwn(v, String(i)));
  return { items, truncated: len > cap };
}

/** A number when it is finite, else the fallback. */
export function finiteOr(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** A time in seconds: a finite number ≥ 0. */
export function isSeconds(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

/** A string as JSON, cut to `max` characters (then "…") first. */
function quoted(s: string, max: number): string {
  return JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);
}

/** A short, safe description of a value for a problem's detail: `"text"`, `42`, `null`, `an array`, `nothing (missing)`… */
export function describe(v: unknown): string {
  if (v === ABSENT) return 'nothing (missing)';
  if (v === UNREADABLE) return 'an unreadable value';
  switch (typeof v) {
    case 'string':
      return quoted(v, 60);
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(v);
    case 'undefined':
      return 'undefined';
    case 'object': {
      if (v === null) return 'null';
      const array = arrayCheck(v);
      return array === null ? 'an unreadable value' : array ? 'an array' : 'an object';
    }
    default:
      return `a ${typeof v}`;
  }
}

/**
 * The terser description transcript problems have always used: `"text"`, `42`, `null`,
 * `array`, else the `typeof` name (`object`, `undefined`).
 */
export function describeTerse(v: unknown): string {
  if (v === null) return 'null';
  if (isArray(v)) return 'array';
  if (typeof v === 'string') return quoted(v, 50);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return typeof v;
}

/** At most `max` characters, the last one "…" when cut (never halving a surrogate pair); '' for a non-string. */
export function truncate(s: string, max = 200): string {
  if (typeof s !== 'string') return '';
  if (typeof max !== 'number' || !(max >= 1)) max = 200;
  if (s.length <= max) return s;
  let cut = max - 1;
  const last = s.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return `${s.slice(0, cut)}…`;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/**
 * A string that is well-formed UTF-16 (no lone surrogate, like `String.prototype.isWellFormed`):
 * what `encodeURIComponent`, `TextEncoder` and URL parsing need. False for a non-string.
 */
export function isWellFormed(s: unknown): s is string {
  return typeof s === 'string' && !LONE_SURROGATE.test(s);
}

/** The string with every lone surrogate replaced by U+FFFD (`String.prototype.toWellFormed`); '' for a non-string. */
export function toWellFormed(s: string): string {
  if (typeof s !== 'string') return '';
  return LONE_SURROGATE.test(s) ? s.replace(LONE_SURROGATES, '\ufffd') : s;
}

/**
 * JSON text nested deeper than this (arrays and objects) is refused before parsing: the formats
 * read here nest a handful of levels, and engines parse deep nesting in superlinear time (V8:
 * 0.6 s for a million levels, 8.7 s for four million) or throw a RangeError.
 */
export const MAX_JSON_DEPTH = 10_000;

/** Whether JSON text opens more than `max` arrays/objects at once (strings skipped); O(n). */
function nestedDeeperThan(s: string, max: number): boolean {
  if (s.length <= max) return false;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34) {
      // Skip the string: to the next quote that no backslash escapes.
      for (i++; i < s.length; i++) {
        const d = s.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 91 || c === 123) {
      if (++depth > max) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

/**
 * JSON.parse of a file's text (one leading BOM skipped); the parser's message when it fails.
 * Text nested deeper than MAX_JSON_DEPTH fails too (and so would a RangeError of the engine).
 */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    const s = String(text);
    if (nestedDeeperThan(s, MAX_JSON_DEPTH)) return { ok: false, message: `nested deeper than ${MAX_JSON_DEPTH} levels` };
    return { ok: true, value: JSON.parse(s.charCodeAt(0) === 0xfeff ? s.slice(1) : s) };
  } catch (e) {
    if (e instanceof RangeError) return { ok: false, message: 'nested too deeply to read' };
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/** After this many problems, one summary problem replaces the rest. */
export const MAX_PROBLEMS = 1000;

/**
 * The problems of one parse, capped at MAX_PROBLEMS: past that, one last problem (`summary`,
 * with a count as its detail) stands for the rest, so hostile input cannot flood memory or the
 * UI. Details are truncated to 200 characters, as `Problem` requires.
 */
export class ProblemList {
  readonly list: Problem[] = [];
  private dropped = 0;

  constructor(private readonly summary: Omit<Problem, 'detail'>) {}

  add(p: Problem): void {
    if (this.list.length >= MAX_PROBLEMS) {
      this.dropped++;
      return;
    }
    if (p.detail !== undefined) p.detail = truncate(p.detail);
    this.list.push(p);
  }

  /** The list, with the summary problem when some were dropped. */
  finish(): Problem[] {
    if (this.dropped > 0) {
      this.list.push({ ...this.summary, detail: `${this.dropped} more problems not listed` });
      this.dropped = 0;
    }
    return this.list;
  }
}
