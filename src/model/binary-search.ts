/** Binary searches over ascending numbers (interval bounds, cue starts, offset maps). */

/** How many leading elements of the ascending `sorted` are < x (or ≤ x when `inclusive`). */
function countBelow(sorted: ArrayLike<number>, x: number, inclusive: boolean): number {
  let lo = 0;
  let hi = sorted.length; // invariant: sorted[0..lo) are below x, sorted[hi..) are not
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid] as number;
    if (v < x || (inclusive && v === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last element of the ascending `sorted` that is ≤ x, or -1 when none is. */
export function lastAtOrBefore(sorted: ArrayLike<number>, x: number): number {
  return countBelow(sorted, x, true) - 1;
}

/** Index of the first element of the ascending `sorted` that is ≥ x, or `sorted.length` when none is. */
export function firstAtOrAfter(sorted: ArrayLike<number>, x: number): number {
  return countBelow(sorted, x, false);
}
