/**
 * WebVTT cue text (also used for SRT cue text) → plain text, speaker, language, a safe
 * `CueNode[]` tree and timed `Word[]`.
 *
 * The tokenizer and tree builder follow the WebVTT "cue text parsing rules" (W3C WebVTT §6.4,
 * as implemented by Chromium): unknown tags are dropped and their text kept, end tags that do not
 * match the current element are ignored, `<rt>` only counts inside `<ruby>`, and inline
 * timestamps `<00:00:01.234>` are markers. Entities follow the HTML named character reference
 * rules for a common subset (`NAMED` below) plus numeric references.
 * media-captions' `tokenizeVTTCue` is not used: it mis-nests after unknown end tags and
 * timestamps, keeps `<rt>` outside ruby and decodes only eight entities (measured against wpt).
 *
 * Pure: no DOM. Nothing here builds markup; the output tree only holds allowed element types,
 * sanitised class names and validated language tags.
 */
import type { CueNode, Word } from '../types.js';

// ---------------------------------------------------------------------------------------------
// Timestamps ("collect a WebVTT timestamp", shared with the file parser)

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * Reads a WebVTT timestamp at `pos`: `[h+:]mm:ss.ttt` with exactly two-digit minutes and seconds
 * (≤ 59) and three-digit fractions; hours have any number of digits. Returns the time in seconds
 * and the position after it, or null.
 */
export function collectTimestamp(s: string, pos: number): { time: number; end: number } | null {
  let p = pos;
  const digits = (): string => {
    const from = p;
    while (isDigit(s[p])) p++;
    return s.slice(from, p);
  };
  const d1 = digits();
  if (!d1) return null;
  let hoursMode = d1.length !== 2 || Number(d1) > 59;
  if (s[p] !== ':') return null;
  p++;
  const d2 = digits();
  if (d2.length !== 2) return null;
  let h = 0;
  let m: number;
  let sec: number;
  if (hoursMode || s[p] === ':') {
    if (s[p] !== ':') return null;
    p++;
    const d3 = digits();
    if (d3.length !== 2) return null;
    h = Number(d1);
    m = Number(d2);
    sec = Number(d3);
    hoursMode = true;
  } else {
    m = Number(d1);
    sec = Number(d2);
  }
  if (s[p] !== '.') return null;
  p++;
  const frac = digits();
  if (frac.length !== 3 || m > 59 || sec > 59) return null;
  // Whole milliseconds first, so 00:02.345 is exactly 2.345 (not 2.3449999999999998).
  const time = ((h * 3600 + m * 60 + sec) * 1000 + Number(frac)) / 1000;
  return Number.isFinite(time) ? { time, end: p } : null;
}

// ---------------------------------------------------------------------------------------------
// Character references

/** Latin-1 names for U+00A0..U+00FF, in code point order (HTML legacy: usable without ";"). */
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn ' +
  'sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave ' +
  'Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ' +
  'ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN ' +
  'szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute ' +
  'icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml ' +
  'yacute thorn yuml';
/** Common names that need the ";" (name:code point, hex). Rare HTML names are left as text. */
const WITH_SEMICOLON =
  'apos:27 lrm:200e rlm:200f zwnj:200c zwj:200d ensp:2002 emsp:2003 thinsp:2009 ndash:2013 ' +
  'mdash:2014 lsquo:2018 rsquo:2019 sbquo:201a ldquo:201c rdquo:201d bdquo:201e dagger:2020 ' +
  'Dagger:2021 bull:2022 hellip:2026 permil:2030 prime:2032 Prime:2033 lsaquo:2039 rsaquo:203a ' +
  'oline:203e frasl:2044 euro:20ac trade:2122 larr:2190 uarr:2191 rarr:2192 darr:2193 harr:2194 ' +
  'minus:2212 notin:2209 OElig:152 oelig:153 Scaron:160 scaron:161 Yuml:178 fnof:192 circ:2c6 ' +
  'tilde:2dc infin:221e ne:2260 le:2264 ge:2265 asymp:2248 check:2713 star:2606 hearts:2665 ' +
  'sung:266a';
const NAMED = new Map<string, string>();
const LEGACY = new Set<string>();
LATIN1.split(' ').forEach((name, i) => {
  NAMED.set(name, String.fromCharCode(0xa0 + i));
  LEGACY.add(name);
});
for (const [name, ch] of [['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['AMP', '&'], ['LT', '<'], ['GT', '>'], ['QUOT', '"'], ['COPY', '©'], ['REG', '®']] as const) {
  NAMED.set(name, ch);
  LEGACY.add(name);
}
for (const pair of WITH_SEMICOLON.split(' ')) {
  const [name = '', hex = ''] = pair.split(':');
  NAMED.set(name, String.fromCodePoint(parseInt(hex, 16)));
}

const ENTITY_RE = /&(?:#[xX]([0-9A-Fa-f]+);?|#([0-9]+);?|([A-Za-z][A-Za-z0-9]*)(;?))/g;

/** Decodes HTML character references (numeric, and the named subset above) in one pass. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY_RE, (whole, hex?: string, dec?: string, name?: string, semi?: string) => {
    if (hex !== undefined || dec !== undefined) {
      const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec ?? '', 10);
      const bad = !Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff);
      return bad ? '\uFFFD' : String.fromCodePoint(code);
    }
    if (name === undefined) return whole;
    const full = NAMED.get(name);
    if (full !== undefined && (semi || LEGACY.has(name))) return full;
    // HTML: the longest legacy name that is a prefix matches without ";" ("&notit;" → "¬it;").
    for (let len = name.length - 1; len >= 2; len--) {
      const prefix = name.slice(0, len);
      if (LEGACY.has(prefix)) return (NAMED.get(prefix) ?? '') + whole.slice(len + 1);
    }
    return whole;
  });
}

// ---------------------------------------------------------------------------------------------
// Tokenizer (WebVTT cue text tokenizer states: data, tag, start tag, class, annotation, end tag,
// timestamp)

type Token =
  | { t: 'text'; s: string }
  | { t: 'start'; name: string; classes: string[]; annotation: string }
  | { t: 'end'; name: string }
  | { t: 'ts'; s: string };

/** In SRT, a "<" only opens a tag when it looks like one; otherwise it is text ("1 < 2"). */
const SRT_TAG_RE = /^<(?:\/?[A-Za-z][^<>\n]*|[0-9][0-9:.]*)>/;

function tokenize(s: string, srt: boolean): Token[] {
  const out: Token[] = [];
  const n = s.length;
  let i = 0;
  const isTagStart = (at: number): boolean => !srt || SRT_TAG_RE.test(s.slice(at, at + 300));
  while (i < n) {
    if (s[i] !== '<' || !isTagStart(i)) {
      let j = i + 1;
      while (j < n && !(s[j] === '<' && isTagStart(j))) j++;
      out.push({ t: 'text', s: decodeEntities(s.slice(i, j)) });
      i = j;
      continue;
    }
    // A tag. Every tokenizer state inside a tag ends at the first ">" (or the end of the text),
    // so the tag body is sliced at once and then read: "/name", a timestamp, or
    // "name.class.class" followed by whitespace and an annotation.
    const close = s.indexOf('>', i + 1);
    const stop = close < 0 ? n : close;
    const body = s.slice(i + 1, stop);
    i = stop + 1;
    if (body[0] === '/') {
      out.push({ t: 'end', name: body.slice(1) });
      continue;
    }
    if (isDigit(body[0])) {
      out.push({ t: 'ts', s: body });
      continue;
    }
    const ws = body.search(/[ \t\f\n]/);
    const [name = '', ...classes] = (ws < 0 ? body : body.slice(0, ws)).split('.');
    const annotation = ws < 0 ? '' : decodeEntities(body.slice(ws + 1)).replace(/[ \t\n\f\r]+/g, ' ').trim();
    out.push({ t: 'start', name, classes, annotation });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tree

type ElementType = Exclude<CueNode['type'], 'text'>;
interface RawElement {
  type: ElementType;
  classes: string[];
  annotation: string;
  children: RawNode[];
}
type RawNode = { type: 'text'; text: string } | { type: 'ts'; time: number } | RawElement;

const ELEMENTS = new Set<string>(['c', 'i', 'b', 'u', 'ruby', 'rt', 'v', 'lang']);
/** Deeper start tags are ignored (their text is kept), so hostile input cannot exhaust the stack. */
const MAX_DEPTH = 32;

function buildTree(tokens: Token[]): RawNode[] {
  const root: RawElement = { type: 'c', classes: [], annotation: '', children: [] };
  const stack: RawElement[] = [root];
  for (const tok of tokens) {
    const current = stack[stack.length - 1] ?? root;
    if (tok.t === 'text') {
      if (tok.s) current.children.push({ type: 'text', text: tok.s });
    } else if (tok.t === 'ts') {
      const ts = collectTimestamp(tok.s, 0);
      if (ts && ts.end === tok.s.length) current.children.push({ type: 'ts', time: ts.time });
    } else if (tok.t === 'start') {
      if (!ELEMENTS.has(tok.name)) continue;
      if (tok.name === 'rt' && current.type !== 'ruby') continue;
      if (stack.length > MAX_DEPTH) continue;
      const el: RawElement = { type: tok.name as ElementType, classes: tok.classes, annotation: tok.annotation, children: [] };
      current.children.push(el);
      stack.push(el);
    } else if (stack.length > 1) {
      if (tok.name === current.type) stack.pop();
      else if (tok.name === 'ruby' && current.type === 'rt') stack.splice(-2, 2);
    }
  }
  return root.children;
}

// ---------------------------------------------------------------------------------------------
// Derived values

const CLASS_RE = /^[A-Za-z0-9_-]+$/;
const LANG_RE = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;

/** Keeps only `[A-Za-z0-9_-]+` class tokens; undefined when none is left. */
export function sanitiseClassName(classes: string[]): string | undefined {
  const ok = classes.flatMap((c) => c.split(/\s+/)).filter((c) => CLASS_RE.test(c));
  return ok.length ? ok.join(' ') : undefined;
}

/** A BCP 47-looking language tag, else undefined. */
export function sanitiseLang(lang: string | undefined): string | undefined {
  const t = lang?.trim();
  return t && LANG_RE.test(t) ? t : undefined;
}

/** Plain text: each line trimmed, runs of spaces/tabs made one space, blank lines dropped. */
export function normaliseText(s: string): string {
  return s
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
}

function textContent(nodes: RawNode[]): string {
  let s = '';
  for (const n of nodes) {
    if (n.type === 'text') s += n.text;
    else if (n.type !== 'ts') s += textContent(n.children);
  }
  return s;
}

function firstVoice(nodes: RawNode[]): string | undefined {
  for (const n of nodes) {
    if (n.type === 'text' || n.type === 'ts') continue;
    if (n.type === 'v' && n.annotation) return n.annotation;
    const inner = firstVoice(n.children);
    if (inner) return inner;
  }
  return undefined;
}

/** The only element that holds all the cue's content (whitespace aside), unwrapping v/c. */
function wholeCueLang(nodes: RawNode[]): string | undefined {
  const meaningful = nodes.filter((n) => !(n.type === 'ts' || (n.type === 'text' && !n.text.trim())));
  const only = meaningful.length === 1 ? meaningful[0] : undefined;
  if (!only || only.type === 'text' || only.type === 'ts') return undefined;
  if (only.type === 'lang') return sanitiseLang(only.annotation);
  return only.type === 'v' || only.type === 'c' ? wholeCueLang(only.children) : undefined;
}

/**
 * Converts the raw tree to safe nodes: timestamps dropped, text merged, classes and languages
 * sanitised, and wrappers that carry nothing (c without class, lang without valid tag, v without
 * name) replaced by their children.
 */
function toSafe(nodes: RawNode[]): CueNode[] {
  const out: CueNode[] = [];
  const pushText = (text: string): void => {
    const last = out[out.length - 1];
    if (last?.type === 'text') last.text += text;
    else if (text) out.push({ type: 'text', text });
  };
  for (const n of nodes) {
    if (n.type === 'ts') continue;
    if (n.type === 'text') {
      pushText(n.text);
      continue;
    }
    const children = toSafe(n.children);
    const className = sanitiseClassName(n.classes);
    const lang = n.type === 'lang' ? sanitiseLang(n.annotation) : undefined;
    const voice = n.type === 'v' && n.annotation ? n.annotation.slice(0, 200) : undefined;
    const empty = !className && ((n.type === 'c') || (n.type === 'lang' && !lang) || (n.type === 'v' && !voice));
    if (empty) {
      for (const c of children) {
        if (c.type === 'text') pushText(c.text);
        else out.push(c);
      }
      continue;
    }
    const el: CueNode = { type: n.type, children };
    if (className) el.className = className;
    if (lang) el.lang = lang;
    if (voice) el.voice = voice;
    out.push(el);
  }
  return out;
}

/** Removes a single wrapping element that only repeats the cue's speaker or language. */
function unwrapRedundant(nodes: CueNode[], speaker?: string, lang?: string): CueNode[] {
  const meaningful = nodes.filter((n) => !(n.type === 'text' && !n.text.trim()));
  const only = meaningful.length === 1 ? meaningful[0] : undefined;
  if (!only || only.type === 'text' || only.className) return nodes;
  if ((only.type === 'v' && only.voice === speaker) || (only.type === 'lang' && only.lang === lang)) {
    return unwrapRedundant(only.children, speaker, lang);
  }
  return nodes;
}

/**
 * Splits the cue into timed words at its inline timestamps. Each text run between two markers
 * is split on whitespace; its words get the run's start (the preceding timestamp, or the cue
 * start) and end (the next timestamp, or the cue end). Times are clamped into [start, end] and
 * made non-decreasing, silently (disorder of a few ms is common in generated files).
 */
function timedWords(nodes: RawNode[], start: number, end: number): Word[] | undefined {
  const words: Word[] = [];
  let segStart = start;
  let buf = '';
  let seenTs = false;
  let last = start;
  const clamp = (t: number): number => Math.min(end, Math.max(start, t));
  const flush = (segEnd: number): void => {
    const s = Math.max(last, clamp(segStart));
    const e = Math.max(s, clamp(segEnd));
    for (const w of buf.split(/\s+/)) if (w) words.push({ start: s, end: e, text: w });
    last = s;
    buf = '';
  };
  const walk = (list: RawNode[]): void => {
    for (const n of list) {
      if (n.type === 'text') buf += n.text;
      else if (n.type === 'ts') {
        seenTs = true;
        flush(n.time);
        segStart = n.time;
      } else walk(n.children);
    }
  };
  walk(nodes);
  flush(end);
  return seenTs && words.length ? words : undefined;
}

/** What one cue's text yields. */
export interface CueText {
  text: string;
  speaker?: string;
  lang?: string;
  nodes?: CueNode[];
  words?: Word[];
}

export interface CueTextOptions {
  /** SRT mode: drop `{\an8}`-style ASS overrides and keep a "<" that does not open a tag. */
  srt?: boolean;
}

/**
 * Parses the raw text of one cue (lines joined by "\n") timed from `start` to `end`.
 * - `speaker`: the name of the first `<v>`; `lang`: a `<lang>` span holding the whole cue.
 * - `nodes`: only when an element is left that means something once wrappers that carry nothing
 *   are removed: b/i/u/ruby/rt, a c/lang with a class, a lang inside the cue, or a `<v>` that is
 *   not just the cue's speaker (two voices in one cue keep their `v` nodes).
 * - `words`: only when the cue has inline timestamps.
 */
export function parseCueText(raw: string, start: number, end: number, options: CueTextOptions = {}): CueText {
  const source = options.srt ? raw.replace(/\{\\[^}\n]*\}/g, '') : raw;
  const tree = buildTree(tokenize(source, !!options.srt));
  const result: CueText = { text: normaliseText(textContent(tree)) };
  const voice = firstVoice(tree);
  if (voice) result.speaker = voice.slice(0, 200);
  const lang = wholeCueLang(tree);
  if (lang) result.lang = lang;
  const nodes = unwrapRedundant(toSafe(tree), result.speaker, result.lang);
  if (nodes.some((n) => n.type !== 'text')) result.nodes = nodes;
  const words = timedWords(tree, start, end);
  if (words) result.words = words;
  return result;
}
