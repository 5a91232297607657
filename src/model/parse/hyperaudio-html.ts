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
import type { Cue, ParseResult, Word } from '../types.js';
import { parseTimeString } from '../time.js';
import { ProblemList } from '../untrusted.js';
import { tokenizeHTML } from './html-tokenizer.js';

export { decodeEntities, tokenizeHTML } from './html-tokenizer.js';

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

/**
 * The open elements, with how many of each name are open and where the (only) word element
 * is, so that an end tag matching nothing and a new word cost O(1) instead of a walk down a
 * stack up to MAX_DEPTH deep (1 MB of "</x>" under 600 divs took 1.4 s).
 */
class OpenElements {
  private readonly stack: Open[] = [];
  private readonly counts = new Map<string, number>();
  private wordAt = -1;

  get depth(): number {
    return this.stack.length;
  }

  push(open: Open): void {
    if (open.word) this.wordAt = this.stack.length;
    this.stack.push(open);
    this.counts.set(open.name, (this.counts.get(open.name) ?? 0) + 1);
  }

  /** Closes the innermost open `name` and everything opened after it; returns them. */
  close(name: string): Open[] {
    if (!this.counts.get(name)) return [];
    let k = this.stack.length - 1;
    while (k >= 0 && (this.stack[k] as Open).name !== name) k--;
    return this.closeFrom(k);
  }

  /** Closes the open word element and everything opened after it. */
  closeWord(): void {
    this.closeFrom(this.wordAt);
  }

  private closeFrom(k: number): Open[] {
    if (k < 0) return [];
    const closed = this.stack.splice(k);
    for (const o of closed) this.counts.set(o.name, (this.counts.get(o.name) ?? 1) - 1);
    if (this.wordAt >= k) this.wordAt = -1;
    return closed;
  }
}

/** Hyperaudio mode. Returns null when the file has no timed element at all. */
function readHyperaudio(src: string, problems: ProblemList): Cue[] | null {
  const stack = new OpenElements();
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
      for (const open of stack.close(t.name)) {
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
        problems.add({ kind: 'parse', code: 'bad-timestamp', line: t.line, detail: clip(`data-m="${m}"`) });
      } else {
        sawTimed = true;
        if (rawD !== undefined && rawD.trim() !== '' && d === undefined) {
          problems.add({ kind: 'parse', code: 'bad-timestamp', line: t.line, detail: clip(`data-d="${rawD}"`) });
        }
        if (BLOCK.has(name)) cur.blockTime = { m: ms, d };
        else {
          // A timed element inside an unclosed one ends it and closes it (sloppy `<span>…</a>`
          // markup): at most one word element is ever on the stack. An unclosed label ends too.
          stack.closeWord();
          endWord();
          endLabel(label);
          word = open.word = { raw: '', w: { m: ms, d, text: '', end: 0 } };
        }
      }
    }
    // Beyond MAX_DEPTH only words and labels are pushed (their own count stays bounded:
    // a new word closes the previous one, labels do not nest).
    if (!VOID.has(name) && !t.selfClosing && (stack.depth < MAX_DEPTH || open.word || open.label)) stack.push(open);
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
function readPodcastHTML(src: string, problems: ProblemList): Cue[] {
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
      if (time === null) problems.add({ kind: 'parse', code: 'bad-timestamp', line: t.line, detail: clip(text.trim()) });
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
  // Capped: past MAX_PROBLEMS one summary stands for the rest (a page of 100k bad data-m).
  const problems = new ProblemList({ kind: 'parse', code: 'bad-timestamp' });
  let cues: Cue[] = [];
  try {
    const src = String(text);
    cues = readHyperaudio(src, problems) ?? readPodcastHTML(src, problems);
  } catch {
    problems.add({ kind: 'format', code: 'unknown-format' }); // defensive only
  }
  if (cues.length === 0) problems.add({ kind: 'format', code: 'no-cues' });
  return { transcript: { version: 1, cues }, problems: problems.finish(), format: 'hyperaudio-html' };
}
