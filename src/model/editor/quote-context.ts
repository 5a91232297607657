/**
 * A claim's quote from a selection in the article: the selected text (`exact`) and just enough of
 * the text before and after it (`prefix`, `suffix`) for the quote to be unique in the article, as
 * the viewer's anchoring sees it (text-anchor.ts: matching on the normalised text, prefix and
 * suffix compared with at most CONTEXT_LIMIT normalised characters next to the match). The result
 * is checked with the viewer's own `anchorQuote`: a quote is only returned when it anchors back
 * to the selection. Pure; never throws; linear in the text (plus n log n in the occurrences).
 */
import { firstAtOrAfter } from '../binary-search.js';
import { anchorQuote, normaliseForMatch, prepareText, type PreparedText, type TextQuote } from '../text-quote.js';

/** Context the anchoring compares on each side (text-anchor.ts, CONTEXT_CHARS): more cannot tell two places apart. */
export const CONTEXT_LIMIT = 64;

export type QuoteFailure = 'empty' | 'not-unique' | 'not-anchored';

export type QuoteResult =
  | { ok: true; quote: TextQuote; start: number; end: number }
  | { ok: false; reason: QuoteFailure };

const SPACE = /\s/;
const collapse = (s: string): string => s.replace(/\s+/g, ' ');

/**
 * The quote for text[start, end) of `text` (the article's text, as the viewer collects it).
 * Whitespace at the selection's edges is left out; `start`/`end` of the result are the trimmed
 * selection. Fails with `empty` (nothing but whitespace), `not-unique` (the same words, with the
 * same CONTEXT_LIMIT characters on both sides, occur elsewhere) or `not-anchored` (the anchoring
 * would not find this place: a safety net that should not be reached).
 */
export function quoteForSelection(input: string | PreparedText, start: number, end: number): QuoteResult {
  try {
    const p = typeof input === 'string' ? prepareText(input) : input;
    return quote(p, start, end);
  } catch {
    return { ok: false, reason: 'not-anchored' };
  }
}

function quote(p: PreparedText, rawStart: number, rawEnd: number): QuoteResult {
  const text = p.text;
  let start = Math.max(0, Math.min(text.length, Math.floor(rawStart) || 0));
  let end = Math.max(start, Math.min(text.length, Math.floor(rawEnd) || 0));
  while (start < end && SPACE.test(text[start]!)) start++;
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  if (start >= end) return { ok: false, reason: 'empty' };
  const exact = collapse(text.slice(start, end));
  const Q = normaliseForMatch(exact).text.trim();
  if (Q === '') return { ok: false, reason: 'empty' };

  const N = p.norm.text;
  const map = p.norm.map;
  // Where the selection is in the normalised text: the occurrence of Q nearest its start.
  const guess = Math.min(firstAtOrAfter(map, start), N.length);
  const occurrences: number[] = [];
  // Every occurrence (the anchoring scores the first MAX_OCCURRENCES exactly; its check below decides for the rest).
  for (let at = N.indexOf(Q); at >= 0; at = N.indexOf(Q, at + 1)) occurrences.push(at);
  let ours = -1;
  for (const at of occurrences) if (ours < 0 || Math.abs(at - guess) < Math.abs(ours - guess)) ours = at;
  if (ours < 0) return { ok: false, reason: 'not-anchored' };

  // The anchoring skips the spaces next to a match before comparing context.
  const before = (at: number): number => {
    let i = at;
    while (i > 0 && N.charCodeAt(i - 1) === 32) i--;
    return i;
  };
  const after = (at: number): number => {
    let i = at + Q.length;
    while (i < N.length && N.charCodeAt(i) === 32) i++;
    return i;
  };
  const ob = before(ours);
  const oa = after(ours);
  const maxP = Math.min(CONTEXT_LIMIT, ob);
  const maxS = Math.min(CONTEXT_LIMIT, N.length - oa);
  // For every other occurrence: how many characters of context it shares with ours on each side.
  const others: { cb: number; ca: number }[] = [];
  for (const at of occurrences) {
    if (at === ours) continue;
    const b = before(at);
    const a = after(at);
    let cb = 0;
    while (cb < maxP && b - cb > 0 && N.charCodeAt(b - cb - 1) === N.charCodeAt(ob - cb - 1)) cb++;
    let ca = 0;
    while (ca < maxS && a + ca < N.length && N.charCodeAt(a + ca) === N.charCodeAt(oa + ca)) ca++;
    if (cb >= maxP && ca >= maxS) return { ok: false, reason: 'not-unique' };
    others.push({ cb, ca });
  }
  // Shortest context: prefix P and suffix S such that each other occurrence differs within P
  // characters before or within S after. With the others sorted by shared prefix (longest
  // first), the first j of them are told apart by the suffix, the rest by the prefix.
  others.sort((x, y) => y.cb - x.cb);
  let best: { P: number; S: number } | null = null;
  let needS = 0;
  for (let j = 0; j <= others.length; j++) {
    const P = j < others.length ? others[j]!.cb + 1 : 0;
    const S = needS;
    if (P <= maxP && S <= maxS && (best === null || P + S < best.P + best.S)) best = { P, S };
    if (j < others.length) needS = Math.max(needS, others[j]!.ca + 1);
  }
  if (best === null) return { ok: false, reason: 'not-unique' };
  // Round out to whole words (a prefix that starts mid-word reads badly), within the limit.
  let ps = ob - best.P;
  if (best.P > 0) while (ps > 0 && ob - ps < CONTEXT_LIMIT && N.charCodeAt(ps - 1) !== 32) ps--;
  let se = oa + best.S;
  if (best.S > 0) while (se < N.length && se - oa < CONTEXT_LIMIT && N.charCodeAt(se) !== 32) se++;

  const result: TextQuote = { exact };
  if (best.P > 0) result.prefix = collapse(text.slice(map[ps]!, start)).trimStart();
  if (best.S > 0) result.suffix = collapse(text.slice(end, map[se]!)).trimEnd();
  const anchored = anchorQuote(p, result);
  // The same place: the anchored text overlaps the selection and reads the same once normalised
  // (it may differ by characters the matching ignores, such as a soft hyphen at an edge).
  const same = anchored.found && anchored.start < end && anchored.end > start && normaliseForMatch(text.slice(anchored.start, anchored.end)).text.trim() === Q;
  if (!same) return { ok: false, reason: 'not-anchored' };
  return { ok: true, quote: result, start, end };
}
