/**
 * W3C TextQuoteSelector anchoring on a plain string. The component extracts the article's
 * text, anchors every claim here, then maps the returned offsets (into the ORIGINAL string)
 * back to DOM ranges. Pure; never throws.
 *
 * Matching happens on a normalised copy of the text (`normaliseForMatch`): whitespace runs
 * collapsed, typographic quotes/dashes folded to ASCII, NFKC per character, lower case.
 * Order of attempts for one quote:
 *   1. every exact occurrence of the normalised quote, scored by prefix/suffix similarity;
 *   2. otherwise approximate matches (Myers' algorithm, approx-string-match) with at most
 *      `maxErrorsRatio` errors, scored the same way;
 *   3. when nothing is accepted, a wider search (80 % errors) only to report the closest text.
 *
 * score = 0.75 · quote similarity + 0.25 · mean(prefix, suffix similarity), or the quote
 * similarity alone when the quote has no context. Quote similarity = 1 − errors / length;
 * context similarity compares the 64 normalised characters next to the match with the
 * selector's prefix/suffix (edit distance), counting context cut off by the text's edge as
 * half right. With the default minScore 0.75, an exact match is always accepted (its context
 * chooses between occurrences, and an exact match with poor context is compared with the
 * approximate ones), while an approximate match must be close or backed by its context.
 * Errors allowed: maxErrorsRatio × (length − 11), so quotes under 12 characters only match
 * exactly (random text matches short patterns with a few errors far too often); 3 typos in
 * 80 characters pass, unrelated text is rejected. "A wrong confident match is worse than a
 * reported miss."
 */
import search from 'approx-string-match';
import type { Problem } from './types.js';
import { firstAtOrAfter } from './binary-search.js';
import { CHUNK, drain, normaliseForMatch, normaliseSteps, prepareText, type PreparedText } from './text-normalise.js';
import { finiteOr, isRecord } from './untrusted.js';

export { normaliseForMatch, prepareText, type NormalisedText, type PreparedText } from './text-normalise.js';

/** W3C TextQuoteSelector: the quoted text and a little of the text before and after it. */
export interface TextQuote {
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface AnchorOptions {
  /** Accept a match scoring at least this (0..1). Default 0.75. */
  minScore?: number;
  /** Most errors allowed in an approximate match, as a share of the quote's length. Default 0.2. */
  maxErrorsRatio?: number;
  /** An original offset where the quote is expected (e.g. its last position): breaks ties. */
  hint?: number;
}

export type AnchorResult =
  | { found: true; start: number; end: number; score: number }
  | { found: false; candidate?: string; score: number };

export const DEFAULT_MIN_SCORE = 0.75;
export const DEFAULT_MAX_ERRORS_RATIO = 0.2;
const QUOTE_WEIGHT = 0.75;
/** Context compared on each side: the characters nearest the quote. */
const CONTEXT_CHARS = 64;
/** Quotes shorter than this only match exactly: random text matches short patterns with a few errors far too often. */
const MIN_FUZZY_LENGTH = 12;
/** Quotes longer than this are searched by their head and tail (SEED chars), then verified in a window. */
const LONG_QUOTE = 256;
const SEED = 128;
/** Characters per approximate search call (each call reports its region's best matches). */
const SPAN = 1 << 15;
/** An exact match scoring this much (context mostly agreeing) ends the search. */
const STRONG_SCORE = 0.9;
const MAX_OCCURRENCES = 10_000;
const MAX_CANDIDATES = 1000;
const CANDIDATE_CHARS = 120;

// ---------------------------------------------------------------------------------------------
// Scoring

/**
 * Edit distance between `a` (consumed entirely) and a stretch of `text` starting at `pos` and
 * read in direction `dir` (+1 forwards, -1 backwards), stopping anywhere: how well the context
 * `a`, read outwards from the match, agrees with the text next to the match.
 */
function contextErrors(a: string, text: string, pos: number, dir: 1 | -1, limit: number): number {
  const m = a.length;
  const len = dir === 1 ? Math.min(limit, text.length - pos) : Math.min(limit, pos);
  const at = (j: number): number => text.charCodeAt(dir === 1 ? pos + j : pos - 1 - j);
  const ac = (i: number): number => a.charCodeAt(dir === 1 ? i : m - 1 - i);
  let prev = new Array<number>(len + 1);
  let cur = new Array<number>(len + 1);
  for (let j = 0; j <= len; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const ci = ac(i - 1);
    for (let j = 1; j <= len; j++) {
      const sub = prev[j - 1]! + (ci === at(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  let best = m;
  for (let j = 0; j <= len; j++) best = Math.min(best, prev[j]!);
  return best;
}

interface Context {
  prefix: string | null;
  suffix: string | null;
}

function sideSimilarity(N: string, pos: number, context: string, dir: 1 | -1): number {
  let p = pos;
  if (dir === -1) while (p > 0 && N.charCodeAt(p - 1) === 32) p--;
  else while (p < N.length && N.charCodeAt(p) === 32) p++;
  // At the edge of the text, the missing part of the context counts half: the extracted text may
  // simply start (or end) there, but that is weaker evidence than context that is really there.
  const available = dir === -1 ? p : N.length - p;
  const n = Math.min(context.length, available);
  if (n === 0) return 0.5;
  const ctx = dir === -1 ? context.slice(-n) : context.slice(0, n);
  let similarity: number;
  if (dir === -1 ? N.slice(p - n, p) === ctx : N.startsWith(ctx, p)) similarity = 1; // verbatim: skip the DP
  else similarity = Math.max(0, 1 - contextErrors(ctx, N, p, dir, n + Math.ceil(n / 4) + 1) / n);
  return (similarity * n + 0.5 * (context.length - n)) / context.length;
}

function score(N: string, start: number, end: number, quoteSimilarity: number, ctx: Context): number {
  const sides: number[] = [];
  if (ctx.prefix !== null) sides.push(sideSimilarity(N, start, ctx.prefix, -1));
  if (ctx.suffix !== null) sides.push(sideSimilarity(N, end, ctx.suffix, 1));
  if (sides.length === 0) return quoteSimilarity;
  const contextScore = sides.reduce((s, x) => s + x, 0) / sides.length;
  return QUOTE_WEIGHT * quoteSimilarity + (1 - QUOTE_WEIGHT) * contextScore;
}

// ---------------------------------------------------------------------------------------------
// Searching

interface Match {
  start: number;
  end: number;
  errors: number;
}

/** Keeps one match per overlapping group (fewest errors), at most MAX_CANDIDATES overall. */
function dedupe(matches: Match[]): Match[] {
  matches.sort((a, b) => a.start - b.start || a.errors - b.errors);
  const out: Match[] = [];
  for (const m of matches) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) {
      if (m.errors < last.errors) out[out.length - 1] = m;
    } else out.push(m);
  }
  if (out.length <= MAX_CANDIDATES) return out;
  return out.sort((a, b) => a.errors - b.errors || a.start - b.start).slice(0, MAX_CANDIDATES);
}

/**
 * approx-string-match over text[from, to) in overlapping slices of SPAN characters, yielding
 * about every CHUNK characters. The library reports only the matches with the fewest errors,
 * so small slices also keep each region's best candidate, for the context to choose from.
 */
function* chunkedSearch(N: string, pattern: string, k: number, from = 0, to = N.length): Generator<void, Match[]> {
  const out: Match[] = [];
  const overlap = pattern.length + k;
  let sinceYield = 0;
  for (let s = from; s < to; s += SPAN) {
    const e = Math.min(to, s + SPAN + overlap);
    for (const m of search(N.slice(s, e), pattern, k)) out.push({ start: m.start + s, end: m.end + s, errors: m.errors });
    if (e >= to) break;
    sinceYield += SPAN;
    if (sinceYield >= CHUNK) {
      sinceYield = 0;
      yield;
    }
  }
  return dedupe(out);
}

/**
 * Approximate matches of Q with at most k errors. Myers' cost grows with the pattern's length
 * (32 characters per machine word), so a long quote is first located by its head and its tail
 * (either survives edits concentrated in the other), then verified whole near those places.
 */
function* approximate(N: string, Q: string, k: number): Generator<void, Match[]> {
  if (Q.length <= LONG_QUOTE) return yield* chunkedSearch(N, Q, k);
  const kSeed = Math.floor((k * SEED) / Q.length);
  const head = yield* chunkedSearch(N, Q.slice(0, SEED), kSeed);
  const tail = yield* chunkedSearch(N, Q.slice(-SEED), kSeed);
  const windows = [
    ...head.slice(0, 50).map((m) => [m.start - k, m.start + Q.length + k] as const),
    ...tail.slice(0, 50).map((m) => [m.end - Q.length - k, m.end + k] as const),
  ];
  const out: Match[] = [];
  for (const [s, e] of windows) {
    out.push(...(yield* chunkedSearch(N, Q, k, Math.max(0, s), Math.min(N.length, e))));
  }
  return dedupe(out);
}

interface Scored {
  start: number;
  end: number;
  score: number;
}

function* anchorSteps(p: PreparedText, quote: TextQuote, options: AnchorOptions): Generator<void, AnchorResult> {
  const exact = isRecord(quote) ? quote.exact : undefined;
  if (typeof exact !== 'string') return { found: false, score: 0 };
  const N = p.norm.text;
  const Q = normaliseForMatch(exact).text.trim();
  if (Q === '' || N === '') return { found: false, score: 0 };
  const minScore = finiteOr(options.minScore, DEFAULT_MIN_SCORE);
  const ratio = Math.min(0.5, Math.max(0, finiteOr(options.maxErrorsRatio, DEFAULT_MAX_ERRORS_RATIO)));
  const side = (s: unknown, trim: (x: string) => string): string | null => {
    if (typeof s !== 'string') return null;
    const t = trim(normaliseForMatch(s).text);
    return t === '' ? null : t;
  };
  const ctx: Context = {
    prefix: side(quote.prefix, (t) => t.trimEnd().slice(-CONTEXT_CHARS)),
    suffix: side(quote.suffix, (t) => t.trimStart().slice(0, CONTEXT_CHARS)),
  };
  const hint = typeof options.hint === 'number' && Number.isFinite(options.hint) ? toNormalised(p.norm.map, options.hint) : null;
  let best: Scored | null = null;
  const consider = (start: number, end: number, errors: number): void => {
    const s = score(N, start, end, 1 - errors / Q.length, ctx);
    const better =
      best === null ||
      s > best.score + 1e-9 ||
      (s > best.score - 1e-9 && hint !== null && Math.abs(start - hint) < Math.abs(best.start - hint));
    if (better) best = { start, end, score: s };
  };
  const accepted = (): AnchorResult | null =>
    best !== null && best.score >= minScore ? { found: true, ...toOriginal(p, best.start, best.end), score: best.score } : null;

  // 1. Exact occurrences.
  let count = 0;
  for (let at = N.indexOf(Q); at >= 0 && count < MAX_OCCURRENCES; at = N.indexOf(Q, at + 1), count++) {
    consider(at, at + Q.length, 0);
    if (count % 500 === 499) yield;
  }
  let result = accepted();
  // An exact match whose context also agrees is final. One whose context disagrees may be
  // the same words elsewhere, while the real place was edited: compare with the approximate matches.
  if (result && (best as Scored | null)!.score >= STRONG_SCORE) return result;

  // 2. Approximate matches. Exact occurrences (already scored) are blanked out first, or the
  // library, which reports only the fewest-error matches, would hide the edited passages.
  const k = Math.floor(ratio * Math.max(0, Q.length - MIN_FUZZY_LENGTH + 1));
  if (k > 0) {
    let searched = N;
    if (count > 0) {
      const parts: string[] = [];
      let last = 0;
      for (let at = N.indexOf(Q); at >= 0; at = N.indexOf(Q, at + Q.length)) {
        parts.push(N.slice(last, at), '\u0000'.repeat(Q.length));
        last = at + Q.length;
      }
      parts.push(N.slice(last));
      searched = parts.join('');
    }
    for (const m of yield* approximate(searched, Q, k)) consider(m.start, m.end, m.errors);
  }
  result = accepted();
  if (result) return result;

  // 3. Nothing acceptable: find the closest text, only to report it.
  // (Unrelated text typically differs from a sentence by 55-70 %, so allow up to 80 % here.)
  if (best === null && Q.length >= 4) for (const m of yield* approximate(N, Q, Math.floor(Q.length * 0.8))) consider(m.start, m.end, m.errors);
  const closest = best as Scored | null;
  if (closest === null) return { found: false, score: 0 };
  return { found: false, candidate: candidateText(p, closest), score: closest.score };
}

// ---------------------------------------------------------------------------------------------
// Offsets

/** First normalised offset whose original offset is ≥ `offset` (the last offset when none is). */
function toNormalised(map: ArrayLike<number>, offset: number): number {
  return Math.min(firstAtOrAfter(map, offset), map.length - 1);
}

/** Original [start, end) of the normalised range [s, e): the end covers the last unit's whole source character. */
function toOriginal(p: PreparedText, s: number, e: number): { start: number; end: number } {
  const map = p.norm.map;
  const start = map[s] ?? p.text.length;
  if (e <= s) return { start, end: start };
  const lastSource = map[e - 1]!;
  let j = e;
  while (j < map.length - 1 && map[j] === lastSource) j++;
  return { start, end: Math.max(start, map[j] ?? p.text.length) };
}

function candidateText(p: PreparedText, m: Scored): string {
  const { start, end } = toOriginal(p, m.start, m.end);
  const t = p.text.slice(start, end).replace(/\s+/g, ' ').trim();
  return t.length > CANDIDATE_CHARS ? `${t.slice(0, CANDIDATE_CHARS - 1)}…` : t;
}

// ---------------------------------------------------------------------------------------------
// Public entry points

/**
 * Anchors one quote in `text` (a string, or a `prepareText` result to reuse the normalisation).
 * Offsets are into the original text. Runs synchronously: for long texts or many quotes,
 * use `anchorQuotesIncrementally` / `anchorQuotesAsync`.
 */
export function anchorQuote(text: string | PreparedText, quote: TextQuote, options: AnchorOptions = {}): AnchorResult {
  try {
    const p = typeof text === 'string' ? prepareText(text) : text;
    if (!isRecord(p) || typeof p.text !== 'string' || !isRecord(p.norm)) return { found: false, score: 0 };
    return drain(anchorSteps(p, quote, isRecord(options) ? options : {}));
  } catch {
    return { found: false, score: 0 };
  }
}

export type AnchorStep =
  | { phase: 'prepare' }
  | { phase: 'search'; index: number }
  | { phase: 'done'; index: number; result: AnchorResult };

/**
 * Anchors several quotes, one bounded step at a time: each `next()` does at most about one
 * CHUNK (256 K characters) of work, so the caller can yield to the event loop between steps.
 * The text is normalised once for all quotes. The generator's return value holds every result
 * in order; `done` steps deliver them as they come.
 */
export function* anchorQuotesIncrementally(
  text: string | PreparedText,
  quotes: readonly TextQuote[],
  options: AnchorOptions = {},
): Generator<AnchorStep, AnchorResult[], void> {
  const results: AnchorResult[] = [];
  let list: unknown[] = [];
  try {
    list = Array.isArray(quotes) ? [...quotes] : [];
  } catch {
    list = [];
  }
  let p: PreparedText;
  try {
    if (typeof text === 'string') {
      const gen = normaliseSteps(text);
      let r = gen.next();
      while (!r.done) {
        yield { phase: 'prepare' };
        r = gen.next();
      }
      p = { text, norm: r.value };
    } else if (isRecord(text) && typeof text.text === 'string' && isRecord(text.norm)) p = text;
    else p = prepareText('');
  } catch {
    p = prepareText('');
  }
  const opts: AnchorOptions = isRecord(options) ? options : {};
  for (let index = 0; index < list.length; index++) {
    let result: AnchorResult = { found: false, score: 0 };
    try {
      const gen = anchorSteps(p, list[index] as TextQuote, opts);
      let r = gen.next();
      while (!r.done) {
        yield { phase: 'search', index };
        r = gen.next();
      }
      result = r.value;
    } catch {
      // keep the "not found" result
    }
    results.push(result);
    yield { phase: 'done', index, result };
  }
  return results;
}

export interface AnchorAsyncOptions extends AnchorOptions {
  /** Milliseconds of work between yields to the event loop. Default 8. */
  budgetMs?: number;
  /** How to yield; default `setTimeout(…, 0)`. A component may pass `requestAnimationFrame`-based or scheduler.yield. */
  yieldToEventLoop?: () => Promise<void>;
  /** Stops early: the remaining results are `{found: false, score: 0}`. */
  signal?: AbortSignal;
  /** Called as each quote's result is ready. */
  onResult?: (index: number, result: AnchorResult) => void;
}

/** Drives `anchorQuotesIncrementally`, yielding to the event loop every `budgetMs`. Never rejects. */
export async function anchorQuotesAsync(
  text: string | PreparedText,
  quotes: readonly TextQuote[],
  options: AnchorAsyncOptions = {},
): Promise<AnchorResult[]> {
  let results: AnchorResult[] = [];
  try {
    const opts: AnchorAsyncOptions = isRecord(options) ? options : {};
    const count = Array.isArray(quotes) ? quotes.length : 0;
    results = Array.from({ length: count }, () => ({ found: false, score: 0 }));
    const budget = finiteOr(opts.budgetMs, 8);
    const pause = opts.yieldToEventLoop ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
    const gen = anchorQuotesIncrementally(text, quotes, opts);
    let since = Date.now();
    for (;;) {
      if (opts.signal?.aborted) return results;
      const r = gen.next();
      if (r.done) return r.value;
      const step = r.value;
      if (step.phase === 'done') {
        results[step.index] = step.result;
        try {
          opts.onResult?.(step.index, step.result);
        } catch {
          // a throwing callback must not stop anchoring
        }
      }
      if (Date.now() - since >= budget) {
        await pause();
        since = Date.now();
      }
    }
  } catch {
    return results;
  }
}

/** The `claim-not-found` problem for a result that was not anchored, else null. */
export function anchorProblem(claimId: string, result: AnchorResult): Problem | null {
  try {
    if (!isRecord(result) || result.found !== false || typeof claimId !== 'string') return null;
    const p: Problem = { kind: 'anchor', code: 'claim-not-found', id: claimId, score: Math.round(finiteOr(result.score, 0) * 1000) / 1000 };
    if (typeof result.candidate === 'string') p.candidate = result.candidate;
    return p;
  } catch {
    return null;
  }
}
