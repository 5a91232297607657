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
import { collectTimestamp, isDigit } from './timestamp.js';

export { collectTimestamp, decodeEntities };

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
  const source = options.srt ? stripOverrides(raw) : raw;
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
