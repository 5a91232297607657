/**
 * WebVTT cue text (also used for SRT cue text) → plain text, speaker, language, a safe
 * `CueNode[]` tree and timed `Word[]`.
 *
 * The tokenizer and tree builder follow the WebVTT "cue text parsing rules" (W3C WebVTT §6.4,
 * as implemented by Chromium): unknown tags are dropped and their text kept, end tags that do not
 * match the current element are ignored, `<rt>` only counts inside `<ruby>`, and inline
 * timestamps `<00:00:01.234>` are markers. Entities follow the HTML named character reference
 * rules for a common subset (entities.ts) plus numeric references.
 * media-captions' `tokenizeVTTCue` is not used: it mis-nests after unknown end tags and
 * timestamps, keeps `<rt>` outside ruby and decodes only eight entities (measured against wpt).
 *
 * Pure: no DOM. Nothing here builds markup; the output tree only holds allowed element types,
 * sanitised class names and validated language tags.
 */
import type { CueNode, Word } from '../types.js';
import { decodeEntities } from './entities.js';
import { collectTimestamp, readTimestamp, timestampEnd } from './timestamp.js';

export { collectTimestamp, decodeEntities };

// ---------------------------------------------------------------------------------------------
// Tokenizer and tree builder in one pass (the WebVTT cue text tokenizer states: data, tag, start
// tag, class, annotation, end tag, timestamp; then the tree construction rules). Hot path: every
// word of a long word-timed file goes through here, so it reads char codes and slices only the
// text it keeps.

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

/** In SRT, a "<" only opens a tag when it looks like one; otherwise it is text ("1 < 2"). */
const SRT_TAG_RE = /^<(?:\/?[A-Za-z][^<>\n]*|[0-9][0-9:.]*)>/;

function parseTree(s: string, srt: boolean): RawNode[] {
  const root: RawElement = { type: 'c', classes: [], annotation: '', children: [] };
  const stack: RawElement[] = [root];
  const n = s.length;
  const isTagStart = (at: number): boolean => !srt || SRT_TAG_RE.test(s.slice(at, at + 300));
  /** The next "<" at or after `from` that opens a tag, or n. */
  const nextTag = (from: number): number => {
    for (let j = s.indexOf('<', from); j >= 0; j = s.indexOf('<', j + 1)) if (isTagStart(j)) return j;
    return n;
  };
  let i = 0;
  while (i < n) {
    const current = stack[stack.length - 1]!;
    if (s.charCodeAt(i) !== 60 /* < */ || !isTagStart(i)) {
      const j = nextTag(i + 1);
      const text = decodeEntities(s.slice(i, j));
      if (text) current.children.push({ type: 'text', text });
      i = j;
      continue;
    }
    // A tag. Every tokenizer state inside a tag ends at the first ">" (or the end of the text):
    // "/name", a timestamp, or "name.class.class" followed by whitespace and an annotation.
    const close = s.indexOf('>', i + 1);
    const stop = close < 0 ? n : close;
    const first = s.charCodeAt(i + 1);
    if (first === 47 /* / */) {
      if (stack.length > 1) {
        const name = s.slice(i + 2, stop);
        if (name === current.type) stack.pop();
        else if (name === 'ruby' && current.type === 'rt') stack.splice(-2, 2);
      }
    } else if (first >= 48 && first <= 57) {
      // A timestamp marker counts only when it fills the whole tag.
      const time = readTimestamp(s, i + 1);
      if (!Number.isNaN(time) && timestampEnd === stop) current.children.push({ type: 'ts', time });
    } else {
      const body = s.slice(i + 1, stop);
      const ws = body.search(/[ \t\f\n]/);
      const [name = '', ...classes] = (ws < 0 ? body : body.slice(0, ws)).split('.');
      if (ELEMENTS.has(name) && !(name === 'rt' && current.type !== 'ruby') && stack.length <= MAX_DEPTH) {
        const annotation = ws < 0 ? '' : decodeEntities(body.slice(ws + 1)).replace(/[ \t\n\f\r]+/g, ' ').trim();
        const el: RawElement = { type: name as ElementType, classes, annotation, children: [] };
        current.children.push(el);
        stack.push(el);
      }
    }
    i = stop + 1;
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

/** Whether a UTF-16 code unit is whitespace as `\s` and `trim()` see it. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/** True when `normaliseText` would return `s` unchanged (most cue texts): one scan, no allocation. */
function isNormalText(s: string): boolean {
  let lineStart = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = isSpace(c);
    if (lineStart && space) return false; // a leading space, or an empty line
    if (c === 9 || (c === 32 && s.charCodeAt(i + 1) === 32)) return false;
    const next = s.charCodeAt(i + 1);
    if (space && c !== 10 && (i + 1 === s.length || next === 10)) return false; // a trailing space
    lineStart = c === 10;
  }
  return !lineStart || s.length === 0;
}

/** Plain text: each line trimmed, runs of spaces/tabs made one space, blank lines dropped. */
export function normaliseText(s: string): string {
  if (isNormalText(s)) return s;
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

/**
 * Whether the tree is text and timestamps only, or those inside one `<v>` without classes that
 * holds everything but whitespace: then it has no language of its own and its safe nodes are
 * one text (`toSafe` and `unwrapRedundant` would give that), so they need not be built.
 */
function isPlain(tree: RawNode[]): boolean {
  let voice = false;
  let text = false;
  for (const n of tree) {
    if (n.type === 'ts') continue;
    if (n.type === 'text') {
      text ||= !isBlank(n.text);
      continue;
    }
    if (voice || n.type !== 'v' || n.classes.length || !isFlat(n.children)) return false;
    voice = true;
  }
  return !(voice && text);
}

const isFlat = (nodes: RawNode[]): boolean => nodes.every((n) => n.type === 'text' || n.type === 'ts');
const isBlank = (s: string): boolean => s.trim() === '';

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
  if (!hasTimestamp(nodes)) return undefined;
  const words: Word[] = [];
  let segStart = start;
  /** Where the words of the current run begin in `words` (their times are set when it ends). */
  let segFirst = 0;
  /** A word still open at the end of a text node (it may go on in the next one). */
  let open = '';
  let last = start;
  const clamp = (t: number): number => Math.min(end, Math.max(start, t));
  const flush = (segEnd: number): void => {
    if (open) words.push({ start: 0, end: 0, text: open });
    open = '';
    const s = Math.max(last, clamp(segStart));
    const e = Math.max(s, clamp(segEnd));
    for (let k = segFirst; k < words.length; k++) {
      words[k]!.start = s;
      words[k]!.end = e;
    }
    segFirst = words.length;
    last = s;
  };
  // Each text split on whitespace (as `split(/\s+/)`), a word going on across text nodes.
  const addText = (text: string): void => {
    let from = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i < text.length && !isSpace(text.charCodeAt(i))) continue;
      if (i > from || open) {
        const piece = text.slice(from, i);
        if (i === text.length) open += piece;
        else {
          words.push({ start: 0, end: 0, text: open + piece });
          open = '';
        }
      }
      from = i + 1;
    }
  };
  const walk = (list: RawNode[]): void => {
    for (const n of list) {
      if (n.type === 'text') addText(n.text);
      else if (n.type === 'ts') {
        flush(n.time);
        segStart = n.time;
      } else walk(n.children);
    }
  };
  walk(nodes);
  flush(end);
  return words.length ? words : undefined;
}

function hasTimestamp(nodes: RawNode[]): boolean {
  for (const n of nodes) if (n.type === 'ts' || (n.type !== 'text' && hasTimestamp(n.children))) return true;
  return false;
}

/**
 * The common shape of cue text, read in one scan with no tree: text and inline timestamps,
 * optionally inside one `<v Name>` that opens the cue (and may close it at its end); no entity
 * and no other tag. Gives what `parseCueText` gives for it (the tests hold both to the same
 * answers), or null for anything else, which the general parser then reads. Long word-timed
 * files are made of such cues: this is where their parse time goes.
 */
function parseFlat(s: string, start: number, end: number): CueText | null {
  if (s.includes('&')) return null;
  const n = s.length;
  let i = 0;
  let speaker: string | undefined;
  let inVoice = false;
  const sep = s.charCodeAt(2);
  if (s.charCodeAt(0) === 60 && s.charCodeAt(1) === 118 /* <v */ && (sep === 62 || sep === 32 || sep === 9 || sep === 10 || sep === 12)) {
    const close = s.indexOf('>', 2);
    if (close < 0) return null;
    const name = s.slice(3, close).replace(/[ \t\n\f\r]+/g, ' ').trim();
    if (sep !== 62 && name) speaker = name.slice(0, 200);
    inVoice = true;
    i = close + 1;
  }
  let text = '';
  let seenTs = false;
  const words: Word[] = [];
  let segStart = start;
  let last = start;
  const clamp = (t: number): number => Math.min(end, Math.max(start, t));
  /** The words of s[from, to), timed from `segStart` to `segEnd` (only once a timestamp was seen: `words`). */
  const addWords = (from: number, to: number, segEnd: number): void => {
    const ws = Math.max(last, clamp(segStart));
    const we = Math.max(ws, clamp(segEnd));
    let w = -1;
    for (let k = from; k <= to; k++) {
      const space = k === to || isSpace(s.charCodeAt(k));
      if (space && w >= 0) {
        words.push({ start: ws, end: we, text: s.slice(w, k) });
        w = -1;
      } else if (!space && w < 0) w = k;
    }
    last = ws;
  };
  // Segments of text between timestamps; their words are timed once the next timestamp is read.
  let segFrom = i;
  const segments: number[] = [];
  while (i <= n) {
    const lt = i < n ? s.indexOf('<', i) : -1;
    const stop = lt < 0 ? n : lt;
    if (stop > i) text += s.slice(i, stop);
    if (lt < 0) break;
    const c = s.charCodeAt(lt + 1);
    const gt = s.indexOf('>', lt + 1);
    if (c >= 48 && c <= 57) {
      const time = readTimestamp(s, lt + 1);
      if (Number.isNaN(time) || timestampEnd !== gt) return null;
      segments.push(segFrom, lt, time);
      seenTs = true;
      segFrom = gt + 1;
      i = gt + 1;
      continue;
    }
    // The voice's end tag, with nothing but whitespace after it.
    if (inVoice && s.startsWith('</v>', lt) && isBlank(s.slice(lt + 4))) {
      segments.push(segFrom, lt, NaN);
      segFrom = n;
      break;
    }
    return null;
  }
  if (segFrom < n) segments.push(segFrom, n, NaN);
  const result: CueText = { text: normaliseText(text) };
  if (speaker) result.speaker = speaker;
  if (seenTs) {
    for (let k = 0; k < segments.length; k += 3) {
      const time = segments[k + 2]!;
      addWords(segments[k]!, segments[k + 1]!, Number.isNaN(time) ? end : time);
      if (!Number.isNaN(time)) segStart = time;
    }
    if (words.length) result.words = words;
  }
  return result;
}

/**
 * Removes ASS/SSA style overrides `{\\…}` (as `/\{\\[^}\n]*\}/g` would) in one pass. The regex
 * rescans to the end of the line from every "{\\" that is never closed, which made 80 KB of
 * repeated "{\\" take seconds; here the next "}" or line end is found once and reused.
 */
export function stripOverrides(s: string): string {
  let at = s.indexOf('{\\');
  if (at < 0) return s;
  let out = '';
  let from = 0;
  let stop = -1; // the first "}" or "\n" at or after at + 2 (s.length when none)
  while (at >= 0) {
    if (stop < at + 2) {
      stop = at + 2;
      while (stop < s.length && s[stop] !== '}' && s[stop] !== '\n') stop++;
    }
    if (s[stop] === '}') {
      out += s.slice(from, at);
      from = stop + 1;
      at = s.indexOf('{\\', from);
    } else at = s.indexOf('{\\', at + 1);
  }
  return out + s.slice(from);
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
  return (!options.srt && parseFlat(raw, start, end)) || parseCueTextTree(raw, start, end, options);
}

/** @internal `parseCueText` by the general parser alone (its fast path is tested against it). */
export function parseCueTextTree(raw: string, start: number, end: number, options: CueTextOptions = {}): CueText {
  const source = options.srt ? stripOverrides(raw) : raw;
  const tree = parseTree(source, !!options.srt);
  const result: CueText = { text: normaliseText(textContent(tree)) };
  const voice = firstVoice(tree);
  if (voice) result.speaker = voice.slice(0, 200);
  if (!isPlain(tree)) {
    const lang = wholeCueLang(tree);
    if (lang) result.lang = lang;
    const nodes = unwrapRedundant(toSafe(tree), result.speaker, result.lang);
    if (nodes.some((n) => n.type !== 'text')) result.nodes = nodes;
  }
  const words = timedWords(tree, start, end);
  if (words) result.words = words;
  return result;
}
