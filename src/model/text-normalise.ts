/**
 * Text normalisation for quote matching (see `normaliseForMatch`), with the map from normalised
 * offsets back to the original text. Runs in bounded steps (`normaliseSteps`) so that a long
 * article can be normalised without blocking; typed arrays keep it fast on megabytes of text.
 */

export interface NormalisedText {
  text: string;
  /** Normalised offset → original offset; length = text.length + 1 (last = original length). */
  map: number[];
}

/** A text normalised once for anchoring many quotes (see `prepareText`). Treat as opaque. */
export interface PreparedText {
  readonly text: string;
  readonly norm: { readonly text: string; readonly map: Int32Array };
}

/** Characters normalised per step of `normaliseSteps` (about a millisecond; the slow path, NFKC clusters, a few). */
export const CHUNK = 1 << 14;

const FOLD = new Map<number, string>();
for (const c of '\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u2036\u301d\u301e\u301f') FOLD.set(c.codePointAt(0)!, '"');
for (const c of '\u2018\u2019\u201a\u201b\u2032\u2035\u2039\u203a\u00b4\u02b9\u02bb\u02bc\u0060') FOLD.set(c.codePointAt(0)!, "'");
for (const c of '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d') FOLD.set(c.codePointAt(0)!, '-');
/** Dropped: soft hyphen, zero-width characters, bidi controls, BOM. */
const IGNORABLE = new Set([0xad, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff]);

function isSpace(cp: number): boolean {
  return (
    cp === 32 || (cp >= 9 && cp <= 13) || cp === 0x85 || cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000
  );
}

// Per-BMP-code-unit caches (allocated on first use): 0 unknown, 1 not a mark, 2 a mark; and the
// folded form when it is one code unit (-1 unknown, -2 "use the string form").
let markTable: Uint8Array | null = null;
let foldTable: Int32Array | null = null;
const astralMarks = new Map<number, boolean>();

/** Combining mark (composes with the character before it). */
function isMark(cp: number): boolean {
  if (cp < 0x300) return false;
  if (cp <= 0x36f) return true;
  if (cp < 0x10000) {
    markTable ??= new Uint8Array(0x10000);
    let m = markTable[cp]!;
    if (m === 0) markTable[cp] = m = /^\p{M}$/u.test(String.fromCharCode(cp)) ? 2 : 1;
    return m === 2;
  }
  let m = astralMarks.get(cp);
  if (m === undefined) astralMarks.set(cp, (m = /^\p{M}$/u.test(String.fromCodePoint(cp))));
  return m;
}

/** NFKC, lower case, folded punctuation; spaces become " ", ignorables vanish. */
function foldString(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFKC').toLowerCase()) {
    const cp = ch.codePointAt(0)!;
    if (IGNORABLE.has(cp)) continue;
    out += isSpace(cp) ? ' ' : (FOLD.get(cp) ?? ch);
  }
  return out;
}

const foldCache = new Map<number, string>();
function foldCodePoint(cp: number): string {
  let f = foldCache.get(cp);
  if (f === undefined) foldCache.set(cp, (f = FOLD.get(cp) ?? foldString(String.fromCodePoint(cp))));
  return f;
}

/** Output buffers of the normaliser; typed arrays keep the hot loop fast on megabytes of text. */
class NormBuffer {
  units: Uint16Array;
  map: Int32Array;
  length = 0;
  lastSpace = false;
  constructor(capacity: number) {
    this.units = new Uint16Array(Math.max(16, capacity));
    this.map = new Int32Array(Math.max(16, capacity) + 1);
  }
  grow(): void {
    const units = new Uint16Array(this.units.length * 2);
    units.set(this.units);
    const map = new Int32Array(units.length + 1);
    map.set(this.map);
    this.units = units;
    this.map = map;
  }
  /** Appends normalised units that all come from the original offset `at` (collapsing spaces). */
  push(s: string, at: number): void {
    for (let u = 0; u < s.length; u++) {
      const code = s.charCodeAt(u);
      if (code === 32) {
        if (this.lastSpace) continue;
        this.lastSpace = true;
      } else this.lastSpace = false;
      if (this.length === this.units.length) this.grow();
      this.units[this.length] = code;
      this.map[this.length++] = at;
    }
  }
  /** The units from `from` to the end, as a string (units already pushed never change). */
  textFrom(from: number): string {
    const parts: string[] = [];
    for (let i = from; i < this.length; i += 8192) {
      // apply, not spread: spreading a typed array goes through its iterator (several times slower).
      parts.push(String.fromCharCode.apply(null, this.units.subarray(i, Math.min(this.length, i + 8192)) as unknown as number[]));
    }
    return parts.join('');
  }
}

/** Normalises text[from, to) into `b` (a cluster may run past `to`); returns where it stopped. */
function normaliseRange(text: string, from: number, to: number, b: NormBuffer): number {
  const n = text.length;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c < 128 && (i + 1 >= n || text.charCodeAt(i + 1) < 0x300)) {
      // Fast path: ASCII not followed by a combining mark.
      if (b.length === b.units.length) b.grow();
      if (c === 32 || (c >= 9 && c <= 13)) {
        if (!b.lastSpace) {
          b.units[b.length] = 32;
          b.map[b.length++] = i;
          b.lastSpace = true;
        }
      } else {
        b.units[b.length] = c >= 65 && c <= 90 ? c + 32 : c === 96 ? 39 : c;
        b.map[b.length++] = i;
        b.lastSpace = false;
      }
      i++;
      continue;
    }
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    if ((c < 0xd800 || c > 0xdfff) && !isMark(next)) {
      // One BMP unit on its own: the cached fold, as one unit when possible.
      foldTable ??= new Int32Array(0x10000).fill(-1);
      let f = foldTable[c]!;
      if (f === -1) {
        const s = foldCodePoint(c);
        foldTable[c] = f = s.length === 1 ? s.charCodeAt(0) : -2;
      }
      if (f === -2) b.push(foldCodePoint(c), i);
      else if (f !== 32 || !b.lastSpace) {
        if (b.length === b.units.length) b.grow();
        b.units[b.length] = f;
        b.map[b.length++] = i;
        b.lastSpace = f === 32;
      }
      i++;
      continue;
    }
    // A code point and the combining marks after it, normalised together (e + U+0301 = é).
    const cp = text.codePointAt(i)!;
    const first = i + (cp > 0xffff ? 2 : 1);
    let j = first;
    while (j < n) {
      const m = text.codePointAt(j)!;
      if (!isMark(m)) break;
      j += m > 0xffff ? 2 : 1;
    }
    b.push(j === first ? foldCodePoint(cp) : foldString(text.slice(i, j)), i);
    i = j;
  }
  return i;
}

/** @internal Normalises in steps of CHUNK characters, yielding between steps (the return value is `PreparedText['norm']`). */
export function* normaliseSteps(input: string): Generator<void, PreparedText['norm']> {
  const text = typeof input === 'string' ? input : '';
  const b = new NormBuffer(text.length + 16);
  // The string is built step by step too, and the map is a view (no copy), so that no single
  // step does work proportional to the whole text.
  const parts: string[] = [];
  let i = 0;
  // The first steps are small (1 K characters, doubling up to CHUNK): the JIT has not compiled
  // the loop yet, and interpreted code is many times slower.
  for (let size = 1024; i < text.length; size = Math.min(CHUNK, size * 2)) {
    const from = b.length;
    i = normaliseRange(text, i, Math.min(text.length, i + size), b);
    parts.push(b.textFrom(from));
    if (i < text.length) yield;
  }
  // Joining a long text's parts is a step of its own.
  if (parts.length > 16) yield;
  b.map[b.length] = text.length;
  return { text: parts.join(''), map: b.map.subarray(0, b.length + 1) };
}

/** @internal Runs a step generator to its end: its return value (undefined for something else). */
export function drain<R>(gen: Generator<unknown, R>): R {
  try {
    if (typeof gen !== 'object' || gen === null || typeof gen.next !== 'function') return undefined as R;
    for (;;) {
      const r = gen.next();
      if (r.done) return r.value;
    }
  } catch {
    return undefined as R; // only our own generators are drained, and they do not throw
  }
}

/**
 * Normalised text for matching, with the map back to original offsets. Collapses whitespace
 * runs to one space, folds typographic quotes, apostrophes and dashes to ASCII, applies NFKC
 * per character (with its combining marks), lower-cases, drops soft hyphens and zero-width
 * characters. Letters are otherwise kept (no accent stripping).
 */
export function normaliseForMatch(text: string): NormalisedText {
  if (typeof text !== 'string') return { text: '', map: [0] };
  const { text: t, map } = drain(normaliseSteps(text));
  const out = new Array<number>(map.length);
  for (let i = 0; i < map.length; i++) out[i] = map[i]!;
  return { text: t, map: out };
}

/** Normalises `text` once, for anchoring several quotes (`anchorQuote(prepared, …)`). */
export function prepareText(text: string): PreparedText {
  const t = typeof text === 'string' ? text : '';
  return { text: t, norm: drain(normaliseSteps(t)) };
}

