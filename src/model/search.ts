/**
 * Transcript search: case-, accent- and typography-insensitive substring search over cue text,
 * with offsets into the original text so highlights land on what the reader sees.
 *
 * Folding (`foldForSearch`), applied alike to the text and to the query, one code point at a time:
 * - compatibility decomposition (NFKD: "ﬁ" → "fi", full-width "Ａ" → "a"), lower case
 *   (`toLowerCase`, locale-independent), then the combining marks of the general diacritic blocks
 *   (U+0300–036F, 1AB0–1AFF, 1DC0–1DFF, 20D0–20FF, FE20–FE2F) are dropped: é → e, ñ → n,
 *   â → a. Marks of other blocks (Devanagari vowel signs, the kana voicing marks) are kept,
 *   because there they make different letters.
 * - Cyrillic: й → и, ё → е, ї → і, ў → у fall out of the rule above, and ґ → г is added. This is
 *   a deliberate choice: readers often type Russian/Ukrainian without these marks ("елка",
 *   "мои", "киів"), so "елка" must find "ёлка". The cost is that "мои" also finds "мой" (more
 *   results, never a miss). Latin and Cyrillic stay apart, with no transliteration: "harbor"
 *   never finds "харбор", and the Ukrainian "і" is not the Latin "i".
 * - Letters that do not decompose: ß → ss, æ → ae, œ → oe, ø → o, ł → l, đ/ð → d, ı → i,
 *   final ς → σ.
 * - Apostrophes ’ ‘ ʼ ʹ ` ´ ′ → ' and quotes “ ” „ ‟ « » ″ → ", so "м'ята" finds "м’ята".
 * - Soft hyphens, zero-width characters and NUL are dropped; every run of whitespace becomes one space.
 *
 * `map[i]` is the offset (UTF-16) in the original of the character that produced folded
 * character i; `map[folded.length]` is the original length. A folded range [s, e) maps back to
 * [map[s], originalEnd(e)), which spans whole original characters (with their combining marks).
 */
import type { Cue } from './types.js';
import { lastAtOrBefore } from './binary-search.js';

export interface FoldedText {
  text: string;
  map: Int32Array;
}

export interface SearchMatch {
  /** Index into the `cues` array given. */
  cueIndex: number;
  /** UTF-16 offsets into `cues[cueIndex].text`, end exclusive. */
  start: number;
  end: number;
}

export interface SearchOptions {
  /** Stop after this many matches (default 10 000). */
  maxMatches?: number;
}

/** All cues folded once; build it when the track changes and search it on every keystroke. */
export interface SearchIndex {
  /** The folded cue texts joined by "\n" (folding never yields "\n", so no match spans cues). */
  readonly text: string;
  /** Offset map of `text` into the cue texts joined by one separator character. */
  readonly map: Int32Array;
  /** Offset of each cue's folded text in `text`. */
  readonly starts: Int32Array;
  /** Offset of each cue's text in the joined cue texts. */
  readonly sourceStarts: Int32Array;
}

/** Matches reported at most by default (`SearchOptions.maxMatches`). */
export const DEFAULT_MAX_MATCHES = 10_000;

const MARK_RE = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
const IGNORED_RE = /^[\0\u00ad\u200b-\u200d\u2060\ufeff]$/;
const SPACE_RE = /^\s$/;
const SPECIAL: Record<string, string> = {
  ґ: 'г', ß: 'ss', ẞ: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', ı: 'i', ς: 'σ',
  '’': "'", '‘': "'", 'ʼ': "'", 'ʹ': "'", '`': "'", '´': "'", '′': "'",
  '“': '"', '”': '"', '„': '"', '‟': '"', '«': '"', '»': '"', '″': '"',
};

/** Fold cache for the characters that are not folded in runs (bounded: cleared when large). */
const cache = new Map<string, string>();

function foldChar(ch: string): string {
  const hit = cache.get(ch);
  if (hit !== undefined) return hit;
  let out: string;
  if (IGNORED_RE.test(ch)) out = '';
  else if (SPACE_RE.test(ch)) out = ' ';
  else {
    out = '';
    const base = SPECIAL[ch] ?? ch.toLowerCase().normalize('NFKD').replace(MARK_RE, '').toLowerCase();
    // NFKD may itself yield a special letter ("Ł" → "ł") or a space ("¨" → " " + mark).
    for (const c of base) out += SPECIAL[c] ?? (SPACE_RE.test(c) ? ' ' : c);
  }
  if (cache.size > 20_000) cache.clear();
  cache.set(ch, out);
  return out;
}

/**
 * Per UTF-16 unit (filled lazily): 1 when the unit folds to its own `toLowerCase()`, a single
 * unit that is not whitespace, so it can be read from a lower-casing of the whole text (Σ is
 * excluded: its lower case depends on context); 2 otherwise.
 */
let kinds: Uint8Array | undefined;
function kind(unit: number): number {
  kinds ??= new Uint8Array(0x10000);
  let k = kinds[unit] as number;
  if (k === 0) {
    const ch = String.fromCharCode(unit);
    const lower = ch.toLowerCase();
    const simple = !(unit >= 0xd800 && unit <= 0xdfff) && unit !== 0x3a3 && lower.length === 1 && !SPACE_RE.test(ch) && foldChar(ch) === lower;
    k = simple ? 1 : 2;
    kinds[unit] = k;
  }
  return k;
}

/**
 * The folding loop. With `sep` ≥ 0, that code unit is a cue separator: it becomes "\n" (which
 * folding never produces otherwise) and whitespace does not collapse across it.
 */
function fold(src: string, sep: number): FoldedText {
  const len = src.length;
  // Simple units are read from one lower-casing of the whole text when it keeps the length
  // (every case mapping but "İ" is one unit, so positions then agree).
  const whole = src.toLowerCase();
  const lower = whole.length === len ? whole : null;
  // Folded UTF-16 units and, for each, its source offset; grown together on expansions.
  let units = new Uint16Array(len + 1);
  let map = new Int32Array(len + 1);
  let n = 0;
  let lastSpace = false;
  let i = 0;
  while (i < len) {
    const unit = src.charCodeAt(i);
    if (kind(unit) === 1) {
      units[n] = lower ? lower.charCodeAt(i) : String.fromCharCode(unit).toLowerCase().charCodeAt(0);
      map[n++] = i++;
      lastSpace = false;
      continue;
    }
    const ch = unit === sep ? '\n' : String.fromCodePoint(src.codePointAt(i) as number);
    const f = unit === sep ? '\n' : foldChar(ch);
    // Room for this character's units, one per remaining source unit, and the final entry.
    const need = n + f.length + (len - i - ch.length) + 1;
    if (need > units.length) {
      const size = Math.max(units.length * 2, need);
      const u = new Uint16Array(size);
      u.set(units);
      units = u;
      const m = new Int32Array(size);
      m.set(map);
      map = m;
    }
    // Each unit maps to the source character (an astral result gives two units).
    for (let k = 0; k < f.length; k++) {
      const c = f.charCodeAt(k);
      if (c === 32) {
        if (lastSpace) continue;
        lastSpace = true;
      } else lastSpace = false;
      units[n] = c;
      map[n++] = i;
    }
    i += ch.length;
  }
  map[n] = len;
  let text = '';
  for (let k = 0; k < n; k += 4096) text += String.fromCharCode.apply(null, units.subarray(k, Math.min(n, k + 4096)) as unknown as number[]);
  return { text, map: map.length === n + 1 ? map : map.slice(0, n + 1) };
}

/** Folds `text` for searching and maps every folded offset back to the original (see above). */
export function foldForSearch(text: string): FoldedText {
  return fold(typeof text === 'string' ? text : '', -1);
}

/** Original end offset for a folded range ending at `end` (> 0): past the whole source character. */
function originalEnd(map: Int32Array, end: number): number {
  const last = map[end - 1] as number;
  let j = end;
  while (j < map.length - 1 && map[j] === last) j++;
  return map[j] as number;
}

/**
 * Folds every cue once. Cues whose text is not a string count as empty. The cue texts are
 * folded as one string, separated by NUL (a NUL inside a cue is read as U+200B first: both
 * fold to nothing, and the length is kept).
 */
export function prepareSearchIndex(cues: readonly Cue[]): SearchIndex {
  try {
    const list = Array.isArray(cues) ? cues : [];
    const texts = list.map((cue) => {
      const raw: unknown = (cue as Partial<Cue> | null | undefined)?.text;
      return typeof raw === 'string' ? (raw.includes('\0') ? raw.replace(/\0/g, '\u200b') : raw) : '';
    });
    const sourceStarts = new Int32Array(list.length);
    let offset = 0;
    texts.forEach((t, k) => {
      sourceStarts[k] = offset;
      offset += t.length + 1;
    });
    const { text, map } = fold(texts.join('\0'), 0);
    const starts = new Int32Array(list.length);
    let k = 0;
    for (let f = 0; f < text.length && k + 1 < list.length; f++) if (text.charCodeAt(f) === 10) starts[++k] = f + 1;
    return { text, map, starts, sourceStarts };
  } catch {
    return { text: '', map: new Int32Array(1), starts: new Int32Array(0), sourceStarts: new Int32Array(0) }; // a throwing getter or Proxy in the input
  }
}

/**
 * Every non-overlapping match of `query` in the prepared cues, in cue order then offset order,
 * at most `maxMatches`. The folded query is trimmed; an empty one gives [].
 */
export function searchPrepared(index: SearchIndex, query: string, options: SearchOptions = {}): SearchMatch[] {
  try {
    const q = foldForSearch(typeof query === 'string' ? query : '').text.trim();
    const max = typeof options.maxMatches === 'number' && options.maxMatches >= 0 ? Math.floor(options.maxMatches) : DEFAULT_MAX_MATCHES;
    const out: SearchMatch[] = [];
    if (!q || !index || typeof index.text !== 'string' || !(index.map instanceof Int32Array) || max === 0) return out;
    const { text, map, starts, sourceStarts } = index;
    let from = 0;
    let cue = 0;
    while (out.length < max) {
      const at = text.indexOf(q, from);
      if (at < 0) break;
      from = at + q.length;
      // Matches come in increasing order, so the cue only moves forward.
      if (cue + 1 < starts.length && (starts[cue + 1] as number) <= at) cue = lastAtOrBefore(starts, at);
      const base = sourceStarts[cue] as number;
      out.push({ cueIndex: cue, start: (map[at] as number) - base, end: originalEnd(map, at + q.length) - base });
    }
    return out;
  } catch {
    return []; // a throwing getter or Proxy in the input
  }
}

/** One-shot search (folds every cue; prefer `prepareSearchIndex` + `searchPrepared` when typing). */
export function searchCues(cues: readonly Cue[], query: string, options: SearchOptions = {}): SearchMatch[] {
  return searchPrepared(prepareSearchIndex(cues), query, options);
}

/**
 * How far past the previous word found a word's text is looked for, when the words do not
 * simply join into the cue text: text between two words is a space or some punctuation, and
 * the bound keeps a cue of 100 000 words that are not in its text linear instead of quadratic.
 */
export const WORD_LOOKUP_WINDOW = 256;

/** Where each word sits in the cue text (UTF-16 offsets), for the words that have a place. */
interface WordPositions {
  text: string;
  words: readonly unknown[];
  count: number;
  /** Word index, start and end of each placed word; starts and ends never decrease. */
  index: Int32Array;
  at: Int32Array;
  end: Int32Array;
}

/** Positions per cue object, recomputed when its text or words change. */
const positionCache = new WeakMap<object, WordPositions>();

function wordPositions(cue: object, words: readonly unknown[], text: string): WordPositions {
  const cached = positionCache.get(cue);
  if (cached && cached.text === text && cached.words === words && cached.count === words.length) return cached;
  const texts = words.map((w) => {
    const t = (w as { text?: unknown } | null | undefined)?.text;
    return typeof t === 'string' ? t : '';
  });
  const joined = texts.join(' ') === text;
  const index = new Int32Array(texts.length);
  const at = new Int32Array(texts.length);
  const end = new Int32Array(texts.length);
  let placed = 0;
  let cursor = 0;
  texts.forEach((t, k) => {
    let a: number;
    if (joined) a = cursor;
    else {
      const found = t ? text.slice(cursor, cursor + WORD_LOOKUP_WINDOW + t.length).indexOf(t) : -1;
      if (found < 0) return;
      a = cursor + found;
    }
    index[placed] = k;
    at[placed] = a;
    end[placed++] = a + t.length;
    cursor = joined ? a + t.length + 1 : a + t.length;
  });
  const positions = { text, words, count: words.length, index: index.subarray(0, placed), at: at.subarray(0, placed), end: end.subarray(0, placed) };
  positionCache.set(cue, positions);
  return positions;
}

/**
 * Indexes of `cue.words` that the match overlaps, ascending; [] when the cue has no words.
 *
 * Word positions in `cue.text`: when the words' texts joined by single spaces equal the cue
 * text (what the parsers produce), word k starts after the previous words and their spaces.
 * Otherwise each word is looked up (exact, case-sensitive) in the text after the previous
 * word found, at most WORD_LOOKUP_WINDOW characters further; a word not found there has no
 * position and is never reported. The positions are computed once per cue (O(words)), and
 * each call is then a binary search: O(log words + words reported).
 */
export function wordRangesForMatch(cue: Cue, match: SearchMatch): number[] {
  try {
    const words = Array.isArray(cue?.words) ? cue.words : [];
    const text = typeof cue?.text === 'string' ? cue.text : '';
    if (!words.length || !match || !(match.end > match.start)) return [];
    const p = wordPositions(cue, words, text);
    const out: number[] = [];
    // The first placed word ending after the match's start, then every one starting before its end.
    for (let j = lastAtOrBefore(p.end, match.start) + 1; j < p.at.length && (p.at[j] as number) < match.end; j++) {
      if ((p.end[j] as number) > match.start) out.push(p.index[j] as number);
    }
    return out;
  } catch {
    return []; // a throwing getter or Proxy in the input
  }
}
