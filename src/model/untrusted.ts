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
  const n = Math.min(len, max);
  const items: unknown[] = [];
  for (let i = 0; i < n; i++) items.push(readOwn(v, String(i)));
  return { items, truncated: len > max };
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

/** At most `max` characters, the last one "…" when cut; '' for a non-string. */
export function truncate(s: string, max = 200): string {
  if (typeof s !== 'string') return '';
  if (typeof max !== 'number' || !(max >= 1)) max = 200;
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** JSON.parse of a file's text (one leading BOM skipped); the parser's message when it fails. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    const s = String(text);
    return { ok: true, value: JSON.parse(s.charCodeAt(0) === 0xfeff ? s.slice(1) : s) };
  } catch (e) {
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
