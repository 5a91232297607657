/**
 * Hyperaudio Lite "hypertranscripts": HTML where each timed element (usually `<span>`, sometimes
 * `<a>`) is a word, with `data-m` (start, ms) and `data-d` (duration, ms); `<p>`/`<section>`/
 * `<br>` (and other block elements) separate lines; a speaker label is an element whose class
 * contains "speaker", an element with `data-speaker`, or a `[Name]` word/text at a line start.
 * Also reads the podcast-namespace HTML transcript (`<cite>Name:</cite><time>0:53</time><p>…</p>`)
 * when the file holds no `data-m` at all.
 *
 * Input is untrusted: a small tolerant tokenizer (no DOM, no regex "parser") reads tags,
 * quoted/bare attributes (a `>` inside quotes does not end the tag), comments, and skips
 * `<script>`/`<style>`/`<title>`/`<textarea>`/`<template>` content. Only text comes out.
 * Never throws.
 */
import type { Cue, ParseResult, Problem, Word } from '../types.js';
import { parseTimeString } from '../time.js';

type Attrs = Map<string, string>;
type Token =
  | { type: 'start'; name: string; attrs: Attrs; selfClosing: boolean; line: number }
  | { type: 'end'; name: string; line: number }
  | { type: 'text'; text: string; line: number };

const NAMED = new Map<string, string>(Object.entries({
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', sbquo: '‚', bdquo: '„',
  copy: '©', reg: '®', trade: '™', shy: '\u00ad', middot: '·', bull: '•', deg: '°', times: '×', euro: '€',
}));

/** Decodes named (common ones, `;` required) and numeric character references. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:#(\d{1,8});?|#[xX]([0-9a-fA-F]{1,7});?|([A-Za-z][A-Za-z0-9]{1,31});)/g, (m, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED.get(name) ?? m;
    const cp = dec !== undefined ? parseInt(dec, 10) : parseInt(hex ?? '', 16);
    const valid = cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
    return valid ? String.fromCodePoint(cp) : '\ufffd';
  });
}

const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'template']);
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
const isAlpha = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Reads the attributes of a start tag from `pos` (just after its name) to its `>`. */
function readAttrs(src: string, pos: number): { attrs: Attrs; selfClosing: boolean; end: number } {
  const attrs: Attrs = new Map();
  const n = src.length;
  let i = pos;
  let selfClosing = false;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (isSpace(c)) { i++; continue; }
    if (c === 62 /* > */) return { attrs, selfClosing, end: i + 1 };
    if (c === 47 /* / */) { selfClosing = src.charCodeAt(i + 1) === 62; i++; continue; }
    selfClosing = false;
    let j = i + 1; // a name is at least one char (even "=")
    while (j < n && !isSpace(src.charCodeAt(j)) && !'/>='.includes(src.charAt(j))) j++;
    const name = src.slice(i, j).toLowerCase();
    let k = j;
    while (k < n && isSpace(src.charCodeAt(k))) k++;
    let value = '';
    if (src.charAt(k) === '=') {
      k++;
      while (k < n && isSpace(src.charCodeAt(k))) k++;
      const q = src.charAt(k);
      if (q === '"' || q === "'") {
        const close = src.indexOf(q, k + 1);
        value = src.slice(k + 1, close < 0 ? n : close);
        k = close < 0 ? n : close + 1;
      } else {
        const v0 = k;
        while (k < n && !isSpace(src.charCodeAt(k)) && src.charCodeAt(k) !== 62) k++;
        value = src.slice(v0, k);
      }
      j = k;
    }
    if (!attrs.has(name)) attrs.set(name, decodeEntities(value)); // the first one wins, as in HTML
    i = j;
  }
  return { attrs, selfClosing, end: n };
}

/** Tokenizes `src`, calling `emit` for each start tag, end tag and (decoded) text run. */
export function tokenizeHTML(src: string, emit: (t: Token) => void): void {
  const n = src.length;
  let i = 0;
  let textStart = 0;
  let line = 1;
  let scanned = 0;
  const lineAt = (pos: number): number => {
    for (; scanned < pos; scanned++) if (src.charCodeAt(scanned) === 10) line++;
    return line;
  };
  const flush = (end: number): void => {
    if (end > textStart) emit({ type: 'text', text: decodeEntities(src.slice(textStart, end)), line: lineAt(textStart) });
  };
  const skipTo = (needle: string, from: number): number => {
    const at = src.indexOf(needle, from);
    return at < 0 ? n : at + needle.length;
  };
  while (i < n) {
    const lt = src.indexOf('<', i);
    if (lt < 0) break;
    const c = src.charCodeAt(lt + 1);
    if (src.startsWith('<!--', lt)) {
      flush(lt);
      i = textStart = skipTo('-->', lt + 4);
    } else if (c === 33 /* ! */ || c === 63 /* ? */) {
      flush(lt);
      i = textStart = skipTo('>', lt + 2);
    } else if (c === 47 /* / */ && isAlpha(src.charCodeAt(lt + 2))) {
      flush(lt);
      let j = lt + 2;
      while (j < n && !isSpace(src.charCodeAt(j)) && src.charAt(j) !== '>' && src.charAt(j) !== '/') j++;
      emit({ type: 'end', name: src.slice(lt + 2, j).toLowerCase(), line: lineAt(lt) });
      i = textStart = skipTo('>', j);
    } else if (isAlpha(c)) {
      flush(lt);
      let j = lt + 1;
      while (j < n && !isSpace(src.charCodeAt(j)) && src.charAt(j) !== '>' && src.charAt(j) !== '/') j++;
      const name = src.slice(lt + 1, j).toLowerCase();
      const tag = readAttrs(src, j);
      i = textStart = tag.end;
      if (RAW_TEXT.has(name) && !tag.selfClosing) {
        // Skip everything up to the matching close tag (case-insensitive).
        let k = i;
        for (;;) {
          k = src.indexOf('</', k);
          if (k < 0 || src.slice(k + 2, k + 2 + name.length).toLowerCase() === name) break;
          k += 2;
        }
        i = textStart = k < 0 ? n : skipTo('>', k);
        continue;
      }
      emit({ type: 'start', name, attrs: tag.attrs, selfClosing: tag.selfClosing, line: lineAt(lt) });
    } else {
      i = lt + 1; // a lone "<" is text
    }
  }
  flush(n);
}

const VOID = new Set(['br', 'img', 'hr', 'wbr', 'input', 'meta', 'link', 'source', 'track', 'area', 'base', 'col', 'embed', 'param']);
const BLOCK = new Set(['p', 'section', 'article', 'div', 'li', 'ul', 'ol', 'blockquote', 'figure', 'tr', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'footer', 'main', 'br']);
const MAX_DEPTH = 512;
/** `[Name]` as the first thing of a line is a speaker label; elsewhere (`[laughter]`) it is text. */
const BRACKET_SPEAKER = /^\[([^[\]]{1,100})\]:?$/;

function speakerName(raw: string): string {
  const s = raw.replace(/\s+/g, ' ').trim().replace(/\s*:$/, '');
  return s.replace(/^\[(.*)\]$/, '$1').replace(/\s*:$/, '').trim();
}

function msValue(raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const v = Number(raw.trim());
  return Number.isFinite(v) && v >= 0 ? v : undefined;
}

function clip(s: string): string {
  return s.length > 200 ? s.slice(0, 200) : s;
}

/** Times in ms until the end, so that (data-m + data-d) / 1000 is computed exactly once. */
interface RawWord { m: number; d: number | undefined; text: string; end: number }
interface Line { words: RawWord[]; speaker: string | undefined; prefix: string; blockTime?: { m: number; d: number | undefined } }
interface Open { name: string; word?: { raw: string; w: RawWord }; label?: { raw: string } }

/** Hyperaudio mode. Returns null when the file has no timed element at all. */
function readHyperaudio(src: string, problems: Problem[]): Cue[] | null {
  const stack: Open[] = [];
  const lines: Line[] = [];
  const all: RawWord[] = [];
  let cur: Line = { words: [], speaker: undefined, prefix: '' };
  let word: Open['word'] | null = null;
  let label: Open['label'] | null = null;
  let speaker: string | undefined;
  let gap = false; // whitespace seen since the last emitted text of the line
  let sawTimed = false;

  const addWord = (w: RawWord): void => {
    if (cur.words.length === 0) {
      cur.speaker = speaker;
      if (cur.prefix !== '') w.text = cur.prefix + (gap ? ' ' : '') + w.text;
    }
    cur.words.push(w);
    all.push(w);
  };
  const newLine = (): void => {
    endWord();
    endLabel(label); // a label does not run past a line boundary
    if (cur.words.length === 0 && cur.blockTime && cur.prefix !== '') {
      const text = cur.prefix;
      cur.prefix = '';
      addWord({ m: cur.blockTime.m, d: cur.blockTime.d, text, end: 0 });
    }
    if (cur.words.length > 0) lines.push(cur);
    cur = { words: [], speaker: undefined, prefix: '' };
    gap = false;
  };
  const setSpeaker = (raw: string): void => {
    const name = speakerName(raw);
    if (name === '') return;
    if (cur.words.length > 0) newLine();
    cur.prefix = '';
    speaker = name;
  };
  // Untimed text (and the text of elements with a bad data-m): glued to the previous word of
  // the line, or kept as a prefix of the line's first word; a line that never gets a timed
  // word is dropped (it is page chrome such as a heading), unless its block has data-m.
  const untimed = (text: string): void => {
    const content = text.replace(/\s+/g, ' ').trim();
    if (/^\s/.test(text)) gap = true;
    if (content !== '') {
      const last = cur.words[cur.words.length - 1];
      if (!last && BRACKET_SPEAKER.test(content)) setSpeaker(content);
      else if (last) last.text += (gap ? ' ' : '') + content;
      else cur.prefix += (cur.prefix !== '' && gap ? ' ' : '') + content;
      gap = /\s$/.test(text);
    }
  };
  function endWord(): void {
    if (!word) return;
    const { raw, w } = word;
    word = null;
    w.text = raw.replace(/\s+/g, ' ').trim();
    if (w.text === '') { if (raw !== '') gap = true; return; }
    if (cur.words.length === 0 && BRACKET_SPEAKER.test(w.text)) setSpeaker(w.text);
    else addWord(w);
    gap = /\s$/.test(raw);
  }
  function endLabel(l: Open['label'] | null): void {
    if (l && label === l) { label = null; setSpeaker(l.raw); }
  }

  tokenizeHTML(src, (t) => {
    if (t.type === 'text') {
      if (label) label.raw += t.text;
      else if (word) word.raw += t.text;
      else untimed(t.text);
      return;
    }
    if (t.type === 'end') {
      let k = stack.length - 1;
      while (k >= 0 && (stack[k] as Open).name !== t.name) k--;
      for (const open of k >= 0 ? stack.splice(k) : []) {
        if (open.word && word === open.word) endWord();
        endLabel(open.label);
      }
      if (BLOCK.has(t.name)) newLine();
      return;
    }
    const { name, attrs } = t;
    if (BLOCK.has(name)) newLine();
    const open: Open = { name };
    const cls = (attrs.get('class') ?? '').toLowerCase();
    const dataSpeaker = attrs.get('data-speaker');
    if (dataSpeaker !== undefined && dataSpeaker.trim() !== '') setSpeaker(dataSpeaker);
    const m = attrs.get('data-m');
    if (cls.includes('speaker') || (dataSpeaker !== undefined && dataSpeaker.trim() === '')) {
      endWord();
      if (!label) label = open.label = { raw: '' };
      if (m !== undefined) sawTimed = true;
    } else if (m !== undefined) {
      const ms = msValue(m);
      const rawD = attrs.get('data-d');
      const d = msValue(rawD);
      if (ms === undefined) {
        problems.push({ kind: 'parse', code: 'bad-timestamp', line: t.line, detail: clip(`data-m="${m}"`) });
      } else {
        sawTimed = true;
        if (rawD !== undefined && rawD.trim() !== '' && d === undefined) {
          problems.push({ kind: 'parse', code: 'bad-timestamp', line: t.line, detail: clip(`data-d="${rawD}"`) });
        }
        if (BLOCK.has(name)) cur.blockTime = { m: ms, d };
        else {
          // A timed element inside an unclosed one ends it and closes it (sloppy `<span>…</a>`
          // markup): at most one word element is ever on the stack. An unclosed label ends too.
          const at = stack.findIndex((o) => o.word !== undefined);
          if (at >= 0) stack.splice(at);
          endWord();
          endLabel(label);
          word = open.word = { raw: '', w: { m: ms, d, text: '', end: 0 } };
        }
      }
    }
    // Beyond MAX_DEPTH only words and labels are pushed (their own count stays bounded:
    // a new word closes the previous one, labels do not nest).
    if (!VOID.has(name) && !t.selfClosing && (stack.length < MAX_DEPTH || open.word || open.label)) stack.push(open);
    else {
      if (open.word) endWord();
      endLabel(open.label);
    }
  });
  newLine();
  if (!sawTimed) return null;

  // Ends: data-m + data-d; without a valid data-d, the next word's start (document order).
  all.forEach((w, k) => {
    const next = all[k + 1]?.m;
    const endMs = w.d !== undefined ? w.m + w.d : next !== undefined && next > w.m ? next : w.m;
    w.end = Number.isFinite(endMs) ? endMs / 1000 : w.m / 1000; // 1e308 + 1e308 overflows
  });
  return lines.map((l, k) => {
    const words: Word[] = l.words.map((w) => ({ start: w.m / 1000, end: w.end, text: w.text }));
    const first = words[0] as Word;
    const end = words.reduce((e, w) => Math.max(e, w.end), first.start);
    const cue: Cue = { id: String(k + 1), start: first.start, end, text: words.map((w) => w.text).join(' '), words };
    if (l.speaker !== undefined) cue.speaker = l.speaker;
    return cue;
  });
}

/** Podcast-namespace HTML: `<cite>Name:</cite> <time>m:ss</time> <p>text</p>`, repeated. */
function readPodcastHTML(src: string, problems: Problem[]): Cue[] {
  const cues: Cue[] = [];
  let speaker: string | undefined;
  let pending: number | undefined;
  let collecting: 'cite' | 'time' | 'p' | null = null;
  let buf = '';
  tokenizeHTML(src, (t) => {
    if (t.type === 'text') { if (collecting) buf += t.text; return; }
    if (t.type === 'start') {
      if (t.name === 'cite' || t.name === 'time' || t.name === 'p') {
        collecting = t.name;
        buf = t.name === 'time' ? (t.attrs.get('datetime') ?? '') + '\u0000' : '';
      } else if (t.name === 'br' && collecting === 'p') buf += '\n';
      return;
    }
    if (t.name !== collecting) return;
    collecting = null;
    if (t.name === 'cite') speaker = speakerName(buf) || undefined;
    else if (t.name === 'time') {
      const [attr = '', text = ''] = buf.split('\u0000');
      const time = parseTimeString(text) ?? parseTimeString(attr);
      if (time === null) problems.push({ kind: 'parse', code: 'bad-timestamp', line: t.line, detail: clip(text.trim()) });
      pending = time ?? undefined;
    } else {
      const text = buf.split('\n').map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n');
      const last = cues[cues.length - 1];
      if (text === '') return;
      if (pending !== undefined) {
        const cue: Cue = { id: String(cues.length + 1), start: pending, end: pending, text };
        if (speaker !== undefined) cue.speaker = speaker;
        cues.push(cue);
        pending = undefined;
      } else if (last) last.text += `\n${text}`; // an untimed paragraph continues the monologue
    }
  });
  // End = next start; the last cue (or one followed by an earlier time) lasts as long as its
  // words take at 150 words a minute, at least 1 s.
  cues.forEach((c, k) => {
    const next = cues[k + 1]?.start;
    c.end = next !== undefined && next > c.start ? next : c.start + Math.max(1, c.text.split(/\s+/).length * 0.4);
  });
  return cues;
}

export function parseHyperaudioHTML(text: string): ParseResult {
  const problems: Problem[] = [];
  let cues: Cue[] = [];
  try {
    const src = String(text);
    cues = readHyperaudio(src, problems) ?? readPodcastHTML(src, problems);
  } catch {
    problems.push({ kind: 'format', code: 'unknown-format' }); // defensive only
  }
  if (cues.length === 0) problems.push({ kind: 'format', code: 'no-cues' });
  return { transcript: { version: 1, cues }, problems, format: 'hyperaudio-html' };
}
