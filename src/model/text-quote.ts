/**
 * W3C TextQuoteSelector anchoring on a plain string. The component extracts the article's
 * text, anchors every claim here, then maps the returned offsets (into the ORIGINAL string)
 * back to DOM ranges. Pure; never throws. How a quote is matched and scored, and the limits
 * that bound the work (MAX_OCCURRENCES, MAX_CANDIDATES, CLOSEST_CANDIDATES, SEED_WINDOWS,
 * MAX_FUZZY_QUOTE), are described in text-anchor.ts; the incremental and async entry points
 * below run that work in steps of about a millisecond.
 */
import type { Problem } from './types.js';
import { drain, normaliseSteps, prepareText, type PreparedText } from './text-normalise.js';
import { anchorSteps, type AnchorOptions, type AnchorResult, type TextQuote } from './text-anchor.js';
import { finiteOr, isRecord } from './untrusted.js';

export { normaliseForMatch, prepareText, type NormalisedText, type PreparedText } from './text-normalise.js';
export {
  CLOSEST_CANDIDATES,
  DEFAULT_MAX_ERRORS_RATIO,
  DEFAULT_MIN_SCORE,
  LONG_QUOTE,
  MAX_CANDIDATES,
  MAX_FUZZY_QUOTE,
  MAX_OCCURRENCES,
  SEED,
  SEED_WINDOWS,
  type AnchorOptions,
  type AnchorResult,
  type TextQuote,
} from './text-anchor.js';
export { STEP_MS, STEP_WORK } from './text-match.js';

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
 * Anchors several quotes, one bounded step at a time: each `next()` does about a millisecond of
 * work (at most CHUNK characters normalised, STEP_WORK units of searching, or STEP_MS
 * milliseconds, whichever comes first), so the caller can yield
 * to the event loop between steps.
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
  /** Milliseconds of work between yields to the event loop. Default 5: with steps of a few milliseconds at most, a yield comes within ~10 ms. */
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
    const budget = finiteOr(opts.budgetMs, 5);
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
