/**
 * @internal How one quote is anchored (see text-quote.ts for the entry points), as a step
 * generator: `anchorSteps` yields after about STEP_WORK units of work (or STEP_MS ms).
 *
 * Matching happens on a normalised copy of the text (`normaliseForMatch`): whitespace runs
 * collapsed, typographic quotes/dashes folded to ASCII, NFKC per character, lower case.
 * Order of attempts for one quote:
 *   1. every exact occurrence of the normalised quote, scored by prefix/suffix similarity;
 *   2. otherwise approximate matches (Myers' bit-parallel algorithm, `text-match.ts`) with at
 *      most `maxErrorsRatio` errors, scored the same way;
 *   3. when nothing is accepted, a wider search (80 % errors) only to report the closest text.
 *
 * Bounded work, whatever the text repeats: at most MAX_OCCURRENCES exact occurrences are
 * scored; the approximate searches keep one candidate per stretch of half the quote's length,
 * MAX_CANDIDATES of them (CLOSEST_CANDIDATES for step 3), and a quote longer than LONG_QUOTE is
 * first located by its head and tail (SEED characters each, SEED_WINDOWS places each), then
 * verified in those windows only; quotes longer than MAX_FUZZY_QUOTE only match exactly. One
 * quote thus costs O(text × min(quote, 256) / 32) plus a bounded number of verifications, in
 * steps of about STEP_WORK units (see `anchorQuotesIncrementally`).
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
import { firstAtOrAfter } from './binary-search.js';
import { normaliseForMatch, normaliseSteps, type PreparedText } from './text-normalise.js';
import { approximateMatches, spend, type Budget, type Match } from './text-match.js';
import { finiteOr, isRecord } from './untrusted.js';

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
export const LONG_QUOTE = 256;
export const SEED = 128;
/** Places kept per seed (head or tail) of a long quote, each verified with the whole quote. */
export const SEED_WINDOWS = 20;
/** Quotes longer than this (normalised) only match exactly: a claim quotes a sentence or a paragraph. */
export const MAX_FUZZY_QUOTE = 2000;
/** An exact match scoring this much (context mostly agreeing) ends the search. */
const STRONG_SCORE = 0.9;
/** Exact occurrences scored at most (a quote that occurs more often is placed by the first ones). */
export const MAX_OCCURRENCES = 10_000;
/** Approximate candidates scored at most (the ones with the fewest errors). */
export const MAX_CANDIDATES = 1000;
/** Candidates of the closest-text search (step 3, only to report a miss). */
export const CLOSEST_CANDIDATES = 100;
const CANDIDATE_CHARS = 120;
/** Work units charged for scoring one candidate (the two context comparisons). */
const CONTEXT_COST = 2 * CONTEXT_CHARS * (CONTEXT_CHARS + 17);

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

/** Keeps one match per overlapping group (fewest errors). */
function dedupe(matches: Match[]): Match[] {
  matches.sort((a, b) => a.start - b.start || a.errors - b.errors);
  const out: Match[] = [];
  for (const m of matches) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) {
      if (m.errors < last.errors) out[out.length - 1] = m;
    } else out.push(m);
  }
  return out;
}

/**
 * Approximate matches of Q with at most k errors, at most `max`. Myers' cost grows with the
 * pattern's length (32 characters per machine word), so a long quote is first located by its
 * head and its tail (either survives edits concentrated in the other), then verified whole in
 * a window around each of those places (the best match of each window).
 */
function* approximate(N: string, Q: string, k: number, max: number, budget: Budget): Generator<void, Match[]> {
  if (Q.length <= LONG_QUOTE) return yield* approximateMatches(N, Q, k, budget, max);
  const kSeed = Math.floor((k * SEED) / Q.length);
  const head = yield* approximateMatches(N, Q.slice(0, SEED), kSeed, budget, SEED_WINDOWS);
  const tail = yield* approximateMatches(N, Q.slice(-SEED), kSeed, budget, SEED_WINDOWS);
  const windows = [
    ...head.map((m) => [m.start - k, m.start + Q.length + k] as const),
    ...tail.map((m) => [m.end - Q.length - k, m.end + k] as const),
  ];
  const out: Match[] = [];
  for (const [s, e] of windows) {
    const from = Math.max(0, s);
    const to = Math.min(N.length, e);
    out.push(...(yield* approximateMatches(N, Q, k, budget, 1, to - from, from, to)));
  }
  return dedupe(out);
}

interface Scored {
  start: number;
  end: number;
  score: number;
}

/** Raw characters of a prefix or suffix normalised for the context comparison (more than enough for CONTEXT_CHARS). */
const CONTEXT_RAW = 16 * CONTEXT_CHARS;

/** @internal One quote's anchoring in `p`, in bounded steps (the return value is the result). Never throws. */
export function* anchorSteps(p: PreparedText, quote: TextQuote, options: AnchorOptions): Generator<void, AnchorResult> {
  try {
    if (!isRecord(p) || !isRecord(p.norm) || typeof p.norm.text !== 'string' || !isRecord(options)) return { found: false, score: 0 };
    return yield* steps(p, quote, options);
  } catch {
    return { found: false, score: 0 }; // a throwing getter or Proxy in the quote or options
  }
}

function* steps(p: PreparedText, quote: TextQuote, options: AnchorOptions): Generator<void, AnchorResult> {
  const exact = isRecord(quote) ? quote.exact : undefined;
  if (typeof exact !== 'string') return { found: false, score: 0 };
  const N = p.norm.text;
  const Q = (yield* normaliseSteps(exact)).text.trim();
  if (Q === '' || N === '') return { found: false, score: 0 };
  const minScore = finiteOr(options.minScore, DEFAULT_MIN_SCORE);
  const ratio = Math.min(0.5, Math.max(0, finiteOr(options.maxErrorsRatio, DEFAULT_MAX_ERRORS_RATIO)));
  const side = (s: unknown, trim: (x: string) => string): string | null => {
    if (typeof s !== 'string') return null;
    const t = trim(s);
    return t === '' ? null : t;
  };
  const ctx: Context = {
    prefix: side(quote.prefix, (t) => normaliseForMatch(t.slice(-CONTEXT_RAW)).text.trimEnd().slice(-CONTEXT_CHARS)),
    suffix: side(quote.suffix, (t) => normaliseForMatch(t.slice(0, CONTEXT_RAW)).text.trimStart().slice(0, CONTEXT_CHARS)),
  };
  const hint = typeof options.hint === 'number' && Number.isFinite(options.hint) ? toNormalised(p.norm.map, options.hint) : null;
  const budget: Budget = { spent: 0 };
  let best: Scored | null = null;
  const consider = (start: number, end: number, errors: number): void => {
    const s = score(N, start, end, 1 - errors / Q.length, ctx);
    const better =
      best === null ||
      s > best.score + 1e-9 ||
      (s > best.score - 1e-9 && hint !== null && Math.abs(start - hint) < Math.abs(best.start - hint));
    if (better) best = { start, end, score: s };
  };
  const considerAll = function* (matches: Match[]): Generator<void, void> {
    for (const m of matches) {
      consider(m.start, m.end, m.errors);
      yield* spend(budget, CONTEXT_COST);
    }
  };
  const accepted = (): AnchorResult | null =>
    best !== null && best.score >= minScore ? { found: true, ...toOriginal(p, best.start, best.end), score: best.score } : null;

  // 1. Exact occurrences.
  let count = 0;
  for (let at = N.indexOf(Q); at >= 0 && count < MAX_OCCURRENCES; at = N.indexOf(Q, at + 1), count++) {
    consider(at, at + Q.length, 0);
    yield* spend(budget, CONTEXT_COST + Q.length);
  }
  let result = accepted();
  // An exact match whose context also agrees is final. One whose context disagrees may be
  // the same words elsewhere, while the real place was edited: compare with the approximate matches.
  if (result && (best as Scored | null)!.score >= STRONG_SCORE) return result;
  if (Q.length > MAX_FUZZY_QUOTE) return result ?? { found: false, score: 0 };

  // 2. Approximate matches. Exact occurrences (already scored; at most MAX_OCCURRENCES) are
  // blanked out first, or their zero-error matches would crowd out the edited passages.
  const k = Math.floor(ratio * Math.max(0, Q.length - MIN_FUZZY_LENGTH + 1));
  if (k > 0) {
    let searched = N;
    if (count > 0) {
      const parts: string[] = [];
      const blank = '\u0000'.repeat(Q.length);
      let last = 0;
      for (let at = N.indexOf(Q), n = 0; at >= 0 && n < MAX_OCCURRENCES; at = N.indexOf(Q, at + Q.length), n++) {
        parts.push(N.slice(last, at), blank);
        last = at + Q.length;
        yield* spend(budget, Q.length);
      }
      parts.push(N.slice(last));
      searched = parts.join('');
    }
    yield* considerAll(yield* approximate(searched, Q, k, MAX_CANDIDATES, budget));
  }
  result = accepted();
  if (result) return result;

  // 3. Nothing acceptable: find the closest text, only to report it.
  // (Unrelated text typically differs from a sentence by 55-70 %, so allow up to 80 % here.)
  if (best === null && Q.length >= 4) yield* considerAll(yield* approximate(N, Q, Math.floor(Q.length * 0.8), CLOSEST_CANDIDATES, budget));
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
