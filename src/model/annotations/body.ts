/**
 * The annotation body mini-format: plain text with `[label](url)` links, nothing else.
 *
 *   parseBody(annotation.body) // [{type:'text', …}, {type:'link', text, href}]
 */
import { SOURCE_URL_SCHEMES, safeUrl } from '../safe-url.js';

export type BodySegment = { type: 'text'; text: string } | { type: 'link'; text: string; href: string };

const MAX_LABEL = 500;
const MAX_HREF = 4096;
/** parseBody keeps the results of this many recent bodies (least recently used out first)… */
export const BODY_CACHE_ENTRIES = 500;
/** …holding at most this many characters of bodies in all (a longer body is parsed, not kept). */
export const BODY_CACHE_CHARS = 2_000_000;

const cache = new Map<string, readonly BodySegment[]>();
let cachedChars = 0;

/**
 * Splits an annotation body into text and links. The only markup is `[label](url)` with an
 * http:, https: or mailto: URL (see `safeUrl`); anything else — HTML, other Markdown, links
 * with other schemes — stays literal text. Line breaks are kept as "\n" (render with
 * `white-space: pre-line`). An empty label shows the URL.
 *
 * Linear in the body's length. The result is frozen and cached per body string (a bounded LRU:
 * BODY_CACHE_ENTRIES bodies, BODY_CACHE_CHARS characters), so rendering a body again costs a lookup.
 */
export function parseBody(body: string): BodySegment[] {
  if (typeof body !== 'string' || body === '') return [];
  const hit = cache.get(body);
  if (hit !== undefined) {
    cache.delete(body); // most recently used last
    cache.set(body, hit);
    return hit as BodySegment[];
  }
  const segments = Object.freeze(split(body.replace(/\r\n?/g, '\n')).map((s) => Object.freeze(s)));
  if (body.length <= BODY_CACHE_CHARS) {
    cache.set(body, segments);
    cachedChars += body.length;
    for (const [key] of cache) {
      if (cache.size <= BODY_CACHE_ENTRIES && cachedChars <= BODY_CACHE_CHARS) break;
      cache.delete(key);
      cachedChars -= key.length;
    }
  }
  return segments as BodySegment[];
}

function split(s: string): BodySegment[] {
  const closing = matchingParens(s);
  const out: BodySegment[] = [];
  let text = '';
  let i = 0;
  while (i < s.length) {
    const open = s.indexOf('[', i);
    if (open < 0) {
      text += s.slice(i);
      break;
    }
    text += s.slice(i, open);
    const link = readLink(s, open, closing);
    if (link) {
      if (text !== '') out.push({ type: 'text', text });
      text = '';
      out.push(link.segment);
      i = link.end;
    } else {
      text += '[';
      i = open + 1;
    }
  }
  if (text !== '') out.push({ type: 'text', text });
  return out;
}

/**
 * For every "(" of `s`, the index of its matching ")" (balanced pairs inside), or -1: one pass
 * with a stack, so that no link attempt rescans the text after it.
 */
function matchingParens(s: string): Int32Array | null {
  if (!s.includes('(')) return null;
  const closing = new Int32Array(s.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 40) stack.push(i);
    else if (c === 41 && stack.length > 0) closing[stack.pop()!] = i;
  }
  return closing;
}

/**
 * A `[label](url)` starting at `open`, or null. The label scan stops at the next "[" (so scans
 * never overlap); the URL runs to the ")" matching the "(" after "]" (Wikipedia-style balanced
 * parentheses allowed), at most MAX_HREF characters.
 */
function readLink(s: string, open: number, closing: Int32Array | null): { segment: BodySegment; end: number } | null {
  let close = -1;
  for (let j = open + 1; j < s.length && j <= open + MAX_LABEL + 1; j++) {
    const c = s[j];
    if (c === ']') {
      close = j;
      break;
    }
    if (c === '[' || c === '\n') return null;
  }
  if (close < 0 || s[close + 1] !== '(' || closing === null) return null;
  const end = closing[close + 1] as number;
  if (end < 0 || end - (close + 2) > MAX_HREF) return null;
  const href = safeUrl(s.slice(close + 2, end), SOURCE_URL_SCHEMES);
  if (href === null) return null;
  const label = s.slice(open + 1, close);
  return { segment: { type: 'link', text: label.trim() === '' ? href : label, href }, end: end + 1 };
}
