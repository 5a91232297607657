/**
 * A small tolerant HTML tokenizer for the HTML transcript readers (no DOM, no regex "parser"):
 * tags, quoted/bare attributes (a `>` inside quotes does not end the tag), comments, and the
 * content of `<script>`/`<style>`/`<title>`/`<textarea>`/`<template>` skipped. Only tag names,
 * attribute values and decoded text come out. Each character is looked at a bounded number of
 * times, so it is linear in the input.
 */

export type Attrs = Map<string, string>;
export type Token =
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
