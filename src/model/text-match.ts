/**
 * Approximate string matching for quote anchoring, in bounded steps: Myers' bit-parallel edit
 * distance (G. Myers, "A fast bit-vector algorithm for approximate string matching based on
 * dynamic programming", J. ACM 46(3), 1999; the block form of its section 4), 32 pattern
 * characters per machine word.
 *
 * Unlike approx-string-match (whose `search` finds the start of *every* match with the fewest
 * errors, thousands of reverse searches on a repetitive text), this keeps one candidate per
 * stretch of the text, at most `max` of them, and finds the start of those only: the work is
 * O(text × ⌈m/32⌉ + candidates × (m + k) × ⌈m/32⌉), whatever the text repeats.
 * @internal (used by text-quote.ts)
 */

/** A match of the pattern: text[start, end) with `errors` edits. */
export interface Match {
  start: number;
  end: number;
  errors: number;
}

/** Work counter shared by one anchoring: the generators yield after each STEP_WORK units. */
export interface Budget {
  spent: number;
  /** `Date.now()` when the step began (set at the first spend when missing). */
  since?: number;
}

/** Units of work (≈ one 32-character block of the pattern against one character) per step: about a millisecond. */
export const STEP_WORK = 1 << 16;

/**
 * A step also ends after this many milliseconds, whatever its count: code the JIT has not
 * compiled yet (the first steps of a page) runs many times slower than the count assumes.
 */
export const STEP_MS = 4;

/** Yields when the step's work is used up (STEP_WORK units, or STEP_MS milliseconds). */
export function* spend(budget: Budget, units: number): Generator<void, void> {
  if (typeof budget !== 'object' || budget === null || typeof units !== 'number') return;
  budget.spent += units;
  budget.since ??= Date.now();
  if (budget.spent >= STEP_WORK || Date.now() - budget.since >= STEP_MS) {
    budget.spent = 0;
    yield;
    budget.since = Date.now();
  }
}

/** A pattern's bit vectors: per character, per 32-character block, the positions holding it. */
class Pattern {
  readonly length: number;
  readonly blocks: number;
  readonly lastRow: number;
  /** Vectors of the characters below 256, `ascii[c * blocks + b]`; others in `other`, else `none`. */
  readonly ascii: Int32Array;
  readonly other = new Map<number, Int32Array>();
  readonly none: Int32Array;

  constructor(p: string) {
    this.length = p.length;
    const blocks = Math.max(1, Math.ceil(p.length / 32));
    this.blocks = blocks;
    this.lastRow = 1 << ((p.length - 1) % 32);
    this.ascii = new Int32Array(256 * blocks);
    this.none = new Int32Array(blocks);
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      const b = i >>> 5;
      const bit = 1 << (i & 31);
      if (c < 256) this.ascii[c * blocks + b]! |= bit;
      else {
        let v = this.other.get(c);
        if (!v) this.other.set(c, (v = new Int32Array(blocks)));
        v[b]! |= bit;
      }
    }
  }
}

/**
 * One column step of block b for text character c (Myers' Fig. 8 with Hyyrö's horizontal
 * input): updates the block's vertical deltas and returns its last row's horizontal delta.
 */
function advance(P: Int32Array, M: Int32Array, b: number, eq: number, hin: number, row: number): number {
  const pv = P[b]!;
  const mv = M[b]!;
  const neg = hin >>> 31; // 1 when hin < 0
  const e = eq | neg;
  const xv = e | mv;
  const xh = (((e & pv) + pv) ^ pv) | e;
  let ph = mv | ~(xh | pv);
  let mh = pv & xh;
  const hout = ((ph & row) !== 0 ? 1 : 0) - ((mh & row) !== 0 ? 1 : 0);
  ph = (ph << 1) | ((hin & 1) & ~neg); // bit 0 set when hin > 0
  mh = (mh << 1) | neg;
  P[b] = mh | ~(xv | ph);
  M[b] = ph & xv;
  return hout;
}

const TOP_ROW = 0x80000000 | 0;
/** Work units charged for each match end reported (the caller's bookkeeping). */
const HIT_COST = 8;

/** The state of a forward scan between two slices of text. */
interface Column {
  P: Int32Array;
  M: Int32Array;
  /** The value at the last row of each active block. */
  score: Int32Array;
  /** The last active block. */
  y: number;
  /** The most errors still of interest (lowered by the caller as candidates come). */
  k: number;
}

/**
 * Scans text[from, to) for alignments of the whole pattern starting anywhere, calling `hit(i,
 * errors)` after each character i at which the best one ending there has at most k errors.
 * Only the blocks that can still be within k are computed (Ukkonen's cut-off, as in Myers'
 * Fig. 9): about ⌈k/32⌉ blocks per character on unrelated text. Yields as the budget runs out.
 */
function* scanForward(text: string, from: number, to: number, pat: Pattern, k: number, budget: Budget, hit: (i: number, errors: number) => number): Generator<void, void> {
  const B = pat.blocks;
  const col: Column = { P: new Int32Array(B), M: new Int32Array(B), score: new Int32Array(B), y: Math.max(0, Math.ceil(k / 32) - 1), k };
  for (let b = 0; b <= col.y; b++) {
    col.score[b] = (b + 1) * 32;
    col.P[b] = -1;
  }
  col.score[B - 1] = pat.length;
  // Slices of at most a quarter step: the loop itself lives in a plain function (generators optimise worse).
  const slice = Math.max(64, Math.floor(STEP_WORK / 4 / B));
  for (let i = from; i < to; i += slice) yield* spend(budget, forwardSlice(text, i, Math.min(to, i + slice), pat, col, hit));
}

/** One slice of `scanForward`; returns the work done (blocks computed). */
function forwardSlice(text: string, from: number, to: number, pat: Pattern, col: Column, hit: (i: number, errors: number) => number): number {
  const { P, M, score } = col;
  let k = col.k;
  const B = pat.blocks;
  const last = B - 1;
  let y = col.y;
  let work = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const eqs = c < 256 ? pat.ascii : (pat.other.get(c) ?? pat.none);
    const o = c < 256 ? c * B : 0;
    let carry = 0;
    for (let b = 0; b <= y; b++) {
      carry = advance(P, M, b, eqs[o + b]!, carry, b === last ? pat.lastRow : TOP_ROW);
      score[b]! += carry;
    }
    work += y + 1;
    if (score[y]! - carry <= k && y < last && (eqs[o + y + 1]! & 1 || carry < 0)) {
      y++;
      P[y] = -1;
      M[y] = 0;
      const height = y === last ? pat.length - 32 * last : 32;
      score[y] = score[y - 1]! + height - carry + advance(P, M, y, eqs[o + y]!, carry, y === last ? pat.lastRow : TOP_ROW);
    } else {
      while (y > 0 && score[y]! >= k + 32) y--;
    }
    if (y === last && score[y]! <= k) {
      k = Math.min(k, hit(i, score[y]!));
      work += HIT_COST;
    }
  }
  col.y = y;
  col.k = k;
  return work;
}

/**
 * Reads the text backwards from `end` down to `limit` with the pattern reversed, alignments
 * anchored at `end`: `hit(i, errors)` for each i at which text[i, end) is within k of the
 * pattern. Every block is computed (the stretch is short: the pattern's length plus k).
 */
function* scanBack(text: string, end: number, limit: number, pat: Pattern, k: number, budget: Budget, hit: (i: number, errors: number) => void): Generator<void, void> {
  const B = pat.blocks;
  const last = B - 1;
  const P = new Int32Array(B).fill(-1);
  const M = new Int32Array(B);
  let score = pat.length;
  const slice = Math.max(16, Math.floor(STEP_WORK / 4 / (B + HIT_COST)));
  for (let i = end - 1; i >= limit; ) {
    const stop = Math.max(limit, i - slice + 1);
    for (; i >= stop; i--) {
      const c = text.charCodeAt(i);
      const eqs = c < 256 ? pat.ascii : (pat.other.get(c) ?? pat.none);
      const o = c < 256 ? c * B : 0;
      let hin = 1; // the top row grows by one per character: the alignment starts at `end`
      for (let b = 0; b < B; b++) hin = advance(P, M, b, eqs[o + b]!, hin, b === last ? pat.lastRow : TOP_ROW);
      score += hin;
      if (score <= k) hit(i, score);
    }
    yield* spend(budget, slice * (B + HIT_COST));
  }
}

/** Candidates, fewest errors first then leftmost, at most `max`; drops the rest as it goes. */
function prune(list: Array<{ end: number; errors: number }>, max: number): void {
  list.sort((a, b) => a.errors - b.errors || a.end - b.end);
  list.length = Math.min(list.length, max);
}

/**
 * Approximate occurrences of `pattern` in text[from, to) with at most k errors: in each stretch
 * of `region` characters, the match end with the fewest errors (the leftmost on a tie); of
 * those, the `max` with the fewest errors; each with the start that makes it longest. Sorted by
 * start; overlapping ones are left for the caller to choose from.
 */
export function* approximateMatches(
  text: string, pattern: string, k: number, budget: Budget, max: number, region?: number, from = 0, to?: number,
): Generator<void, Match[]> {
  if (typeof text !== 'string' || typeof pattern !== 'string') return [];
  to ??= text.length;
  region ??= Math.max(16, pattern.length >> 1);
  if (pattern.length === 0 || !(to > from) || !(max > 0) || !(k >= 0) || !(region >= 1)) return [];
  if (typeof budget !== 'object' || budget === null) budget = { spent: 0 };
  const pat = new Pattern(pattern);
  const ends: Array<{ end: number; errors: number }> = [];
  let current: { end: number; errors: number } | null = null;
  let currentRegion = -1;
  // Once `max` candidates are kept, only fewer errors than the worst of them can still enter
  // (ties go to the leftmost): the scan's k comes down, as the library's does.
  let limit = k;
  const single = max === 1 && region >= to - from;
  yield* scanForward(text, from, to, pat, k, budget, (i, errors) => {
    const r = Math.floor((i - from) / region);
    if (r !== currentRegion) {
      if (current) ends.push(current);
      current = null;
      currentRegion = r;
    }
    if (current === null || errors < current.errors) current = { end: i + 1, errors };
    if (ends.length >= 2 * max) {
      prune(ends, max);
      limit = Math.min(limit, ends[max - 1]!.errors - 1);
    }
    if (single) limit = Math.min(limit, current.errors - 1);
    return limit;
  });
  if (current) ends.push(current);
  prune(ends, max);

  // Starts: the pattern reversed, anchored at each end, read backwards over at most m + errors characters.
  const reversed = new Pattern(pattern.split('').reverse().join(''));
  const out: Match[] = [];
  for (const { end, errors } of ends) {
    let best = Infinity;
    let start = end;
    const limit = Math.max(from, end - pattern.length - errors);
    yield* scanBack(text, end, limit, reversed, errors, budget, (i, e) => {
      if (e <= best) {
        best = e;
        start = i;
      }
    });
    out.push({ start, end, errors: best === Infinity ? errors : best });
  }
  return out.sort((a, b) => a.start - b.start || a.errors - b.errors);
}
