/**
 * Time → cue lookup in O(log n), whatever the overlaps.
 *
 * Display order (`cues`) is by start time, stable on input order. The active cue at time t
 * is, among the cues with start ≤ t < end, the one that started last; on equal starts the
 * later one in input order. Because the display order sorts by (start, input position),
 * that rule is simply "the active cue with the greatest display index".
 *
 * Construction sweeps the timeline once: every distinct start/end is a boundary, between two
 * consecutive boundaries the set of active cues is constant, and a max-heap (lazy deletion)
 * gives its greatest index. A lookup is then a binary search over the boundaries.
 * Zero-length cues (start == end) and cues with non-finite or inverted times are listed
 * but never active.
 */
import type { Cue } from './types.js';
import { lastAtOrBefore } from './binary-search.js';

/** Minimal binary max-heap of integers. */
class MaxHeap {
  private readonly a: number[] = [];
  get size(): number {
    return this.a.length;
  }
  peek(): number | undefined {
    return this.a[0];
  }
  push(v: number): void {
    const a = this.a;
    let i = a.push(v) - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((a[p] as number) >= v) break;
      a[i] = a[p] as number;
      i = p;
    }
    a[i] = v;
  }
  pop(): void {
    const a = this.a;
    const last = a.pop();
    if (last === undefined || a.length === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= a.length) break;
      const r = l + 1;
      const c = r < a.length && (a[r] as number) > (a[l] as number) ? r : l;
      if ((a[c] as number) <= last) break;
      a[i] = a[c] as number;
      i = c;
    }
    a[i] = last;
  }
}

function isActivatable(c: Cue): boolean {
  // end may be +Infinity (a cue that never ends); start must be finite.
  return Number.isFinite(c.start) && !Number.isNaN(c.end) && c.end > c.start;
}

export class CueIndex {
  /** The cues in display order: by start, stable on input order. */
  readonly cues: readonly Cue[];
  /** Distinct interval boundaries, ascending. */
  private readonly bounds: Float64Array;
  /** winner[k]: active display index on [bounds[k], bounds[k+1]), or -1. */
  private readonly winner: Int32Array;
  /** nextDiff[k]: first j > k with winner[j] !== winner[k], or bounds.length. */
  private readonly nextDiff: Int32Array;
  private readonly starts: Float64Array;
  private readonly byId = new Map<string, number>();
  /**
   * Per cue (computed on first use): null when its words are sorted by start, else their starts
   * in order and the word index of each (NaN starts left out), for a binary search too.
   */
  private readonly wordOrder = new Map<number, { starts: Float64Array; index: Int32Array } | null>();

  constructor(input: readonly Cue[]) {
    const order = input.map((_, i) => i);
    const key = (c: Cue): number => (Number.isNaN(c.start) ? Infinity : c.start);
    order.sort((i, j) => key(input[i] as Cue) - key(input[j] as Cue) || i - j);
    const cues = order.map((i) => input[i] as Cue);
    this.cues = cues;
    this.starts = Float64Array.from(cues, key);
    cues.forEach((c, i) => {
      if (!this.byId.has(c.id)) this.byId.set(c.id, i);
    });

    // Boundaries: every start and end of an activatable cue.
    const values: number[] = [];
    cues.forEach((c) => {
      if (isActivatable(c)) values.push(c.start, c.end);
    });
    values.sort((a, b) => a - b);
    const bounds: number[] = [];
    for (const v of values) if (bounds.length === 0 || bounds[bounds.length - 1] !== v) bounds.push(v);
    this.bounds = Float64Array.from(bounds);

    // Events per boundary: cues starting there / ending there.
    const startAt = new Map<number, number[]>();
    const endAt = new Map<number, number[]>();
    const add = (m: Map<number, number[]>, t: number, i: number): void => {
      const list = m.get(t);
      if (list) list.push(i);
      else m.set(t, [i]);
    };
    cues.forEach((c, i) => {
      if (!isActivatable(c)) return;
      add(startAt, c.start, i);
      add(endAt, c.end, i);
    });

    const heap = new MaxHeap();
    const ended = new Uint8Array(cues.length);
    this.winner = new Int32Array(bounds.length);
    bounds.forEach((b, k) => {
      for (const i of endAt.get(b) ?? []) ended[i] = 1; // end is exclusive
      for (const i of startAt.get(b) ?? []) heap.push(i);
      let top = heap.peek();
      while (top !== undefined && ended[top] === 1) {
        heap.pop();
        top = heap.peek();
      }
      this.winner[k] = top ?? -1;
    });

    this.nextDiff = new Int32Array(bounds.length);
    for (let k = bounds.length - 1; k >= 0; k--) {
      const j = k + 1;
      this.nextDiff[k] =
        j >= bounds.length ? bounds.length : this.winner[j] !== this.winner[k] ? j : (this.nextDiff[j] as number);
    }
  }

  get length(): number {
    return this.cues.length;
  }

  /** Display index of the active cue at `time`, or -1 (gap, before the first cue, non-finite time). */
  activeAt(time: number): number {
    if (!Number.isFinite(time)) return -1;
    const k = lastAtOrBefore(this.bounds, time);
    return k < 0 ? -1 : (this.winner[k] as number);
  }

  /** Display index of the first cue with this id, or -1. */
  indexOfId(id: string): number {
    return this.byId.get(id) ?? -1;
  }

  /** Display index of the first cue whose start is ≥ `time` (for seeks into gaps), or -1. */
  indexAtOrAfter(time: number): number {
    if (!Number.isFinite(time)) return -1;
    // first index with start ≥ time = (last index with start < time) + 1
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.starts[mid] as number) < time) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.starts.length && Number.isFinite(this.starts[lo]) ? lo : -1;
  }

  /**
   * The next time strictly after `time` at which `activeAt` changes value; Infinity when it
   * never changes again (or `time` is not finite). Lets a caller sleep until then.
   */
  nextChange(time: number): number {
    if (!Number.isFinite(time) || this.bounds.length === 0) return Infinity;
    const k = lastAtOrBefore(this.bounds, time);
    // Before the first boundary nothing is active and bounds[0] always starts a cue.
    const j = k < 0 ? 0 : (this.nextDiff[k] as number);
    return j < this.bounds.length ? (this.bounds[j] as number) : Infinity;
  }

  /**
   * Index into `cues[cueIndex].words` of the word being spoken at `time`: the last word with
   * start ≤ time (ties: the later one), -1 before the first word, and -1 whenever `time`
   * is outside the cue (start ≤ time < end).
   */
  wordAt(cueIndex: number, time: number): number {
    const cue = this.cues[cueIndex];
    if (!cue || !Number.isFinite(time)) return -1;
    const words = cue.words;
    if (!words || words.length === 0 || !(cue.start <= time && time < cue.end)) return -1;
    let order = this.wordOrder.get(cueIndex);
    if (order === undefined) {
      const sorted = words.every((w, i) => !Number.isNaN(w.start) && (i === 0 || (words[i - 1] as { start: number }).start <= w.start));
      order = sorted ? null : sortedWords(words);
      this.wordOrder.set(cueIndex, order);
    }
    if (order === null) {
      let lo = 0;
      let hi = words.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((words[mid] as { start: number }).start <= time) lo = mid + 1;
        else hi = mid;
      }
      return lo - 1;
    }
    // Unsorted words (hand-made data): the greatest start ≤ time, ties the later word.
    const k = lastAtOrBefore(order.starts, time);
    return k < 0 ? -1 : (order.index[k] as number);
  }
}

/** Words ordered by (start, index), NaN starts left out: the last one starting at or before t is `wordAt`'s. */
function sortedWords(words: readonly { start: number }[]): { starts: Float64Array; index: Int32Array } {
  const order = words.map((_, i) => i).filter((i) => !Number.isNaN((words[i] as { start: number }).start));
  order.sort((i, j) => (words[i] as { start: number }).start - (words[j] as { start: number }).start || i - j);
  return { starts: Float64Array.from(order, (i) => (words[i] as { start: number }).start), index: Int32Array.from(order) };
}

/**
 * The greatest end of every run of intervals sorted by start (a segment tree of maxima), so that
 * "which of the first `count` intervals end after t" costs O(log n) per interval found, whatever
 * the overlaps: one cue from 0 to 1e9 is one more hit per query, not a scan of everything after it.
 * Annotation linking and track alignment ask it for the cues a time range overlaps.
 */
export class EndTree {
  private readonly size: number;
  private readonly max: Float64Array;

  /** `ends[i]`: the end of the i-th interval in start order (NaN counts as -Infinity). */
  constructor(ends: ArrayLike<number>) {
    let size = 1;
    while (size < ends.length) size *= 2;
    this.size = size;
    const max = new Float64Array(2 * size).fill(-Infinity);
    for (let i = 0; i < ends.length; i++) {
      const e = ends[i] as number;
      if (!Number.isNaN(e)) max[size + i] = e;
    }
    for (let i = size - 1; i >= 1; i--) max[i] = Math.max(max[2 * i] as number, max[2 * i + 1] as number);
    this.max = max;
  }

  /** Calls `visit(i)`, in ascending order, for every i < count whose end is > `after`; stops when it returns false. */
  each(count: number, after: number, visit: (i: number) => boolean | void): void {
    const { size, max } = this;
    const stack = new Int32Array(2 * 33);
    let top = 0;
    stack[top++] = 1;
    while (top > 0) {
      const node = stack[--top] as number;
      if (!((max[node] as number) > after)) continue;
      const level = 31 - Math.clz32(node);
      const width = size >>> level;
      const lo = (node - (1 << level)) * width;
      if (lo >= count) continue;
      if (width === 1) {
        if (visit(lo) === false) return;
        continue;
      }
      stack[top++] = 2 * node + 1; // right after left
      stack[top++] = 2 * node;
    }
  }
}
