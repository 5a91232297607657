/**
 * The annotation body mini-format: plain text with `[label](url)` links, nothing else.
 *
 *   parseBody(annotation.body) // [{type:'text', …}, {type:'link', text, href}]
 */
import { SOURCE_URL_SCHEMES, safeUrl } from '../safe-url.js';

export type BodySegment = { type: 'text'; text: string } | { type: 'link'; text: string; href: string };

const MAX_LABEL = 500;
const MAX_HREF = 4096;

/**
 * Splits an annotation body into text and links. The only markup is `[label](url)` with an
 * http:, https: or mailto: URL (see `safeUrl`); anything else — HTML, other Markdown, links
 * with other schemes — stays literal text. Line breaks are kept as "\n" (render with
 * `white-space: pre-line`). An empty label shows the URL.
 */
export function parseBody(body: string): BodySegment[] {
  if (typeof body !== 'string' || body === '') return [];
  const s = body.replace(/\r\n?/g, '\n');
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
    const link = readLink(s, open);
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

/** A `[label](url)` starting at `open`, or null. Bounded scans keep this linear-ish on hostile input. */
function readLink(s: string, open: number): { segment: BodySegment; end: number } | null {
  let close = -1;
  for (let j = open + 1; j < s.length && j <= open + MAX_LABEL + 1; j++) {
    const c = s[j];
    if (c === ']') {
      close = j;
      break;
    }
    if (c === '[' || c === '\n') return null;
  }
  if (close < 0 || s[close + 1] !== '(') return null;
  // The URL runs to the matching ")", allowing balanced parentheses inside (Wikipedia-style).
  let depth = 0;
  let j = close + 2;
  for (; j < s.length && j <= close + 2 + MAX_HREF; j++) {
    const c = s[j];
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) break;
      depth--;
    }
  }
  if (s[j] !== ')') return null;
  const href = safeUrl(s.slice(close + 2, j), SOURCE_URL_SCHEMES);
  if (href === null) return null;
  const label = s.slice(open + 1, close);
  return { segment: { type: 'link', text: label.trim() === '' ? href : label, href }, end: j + 1 };
}
