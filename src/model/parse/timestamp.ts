/**
 * "Collect a WebVTT timestamp" (W3C WebVTT §6.1), shared by the file parser (timing lines) and
 * the cue-text parser (inline timestamps).
 */

export const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * Reads a WebVTT timestamp at `pos`: `[h+:]mm:ss.ttt` with exactly two-digit minutes and seconds
 * (≤ 59) and three-digit fractions; hours have any number of digits. Returns the time in seconds
 * and the position after it, or null.
 */
export function collectTimestamp(s: string, pos: number): { time: number; end: number } | null {
  const time = readTimestamp(s, pos);
  return Number.isNaN(time) ? null : { time, end: timestampEnd };
}

/** Where the timestamp read by the last successful `readTimestamp` ended. */
export let timestampEnd = 0;
// The digits read by `digitsAt`: their value and where they stopped (module state, so the hot
// path allocates nothing).
let digitsValue = 0;
let digitsEnd = 0;

/** Reads decimal digits at `p` into `digitsValue`/`digitsEnd`; returns how many there were. */
function digitsAt(s: string, p: number): number {
  let value = 0;
  let at = p;
  for (let c = s.charCodeAt(at); c >= 48 && c <= 57; c = s.charCodeAt(++at)) value = value * 10 + (c - 48);
  digitsValue = value;
  digitsEnd = at;
  return at - p;
}

/**
 * `collectTimestamp` without an object: the time, or NaN when there is no timestamp at `pos`
 * (then `timestampEnd` is unchanged). Hot path: every cue timing and every inline word
 * timestamp; char codes, no slices.
 */
export function readTimestamp(s: string, pos: number): number {
  const n1 = digitsAt(s, pos);
  if (!n1) return NaN;
  const d1 = digitsValue;
  let p = digitsEnd;
  const hoursMode = n1 !== 2 || d1 > 59;
  if (s.charCodeAt(p) !== 58 /* : */) return NaN;
  if (digitsAt(s, p + 1) !== 2) return NaN;
  const d2 = digitsValue;
  p = digitsEnd;
  let h = 0;
  let m: number;
  let sec: number;
  if (hoursMode || s.charCodeAt(p) === 58) {
    if (s.charCodeAt(p) !== 58) return NaN;
    if (digitsAt(s, p + 1) !== 2) return NaN;
    p = digitsEnd;
    h = d1;
    m = d2;
    sec = digitsValue;
  } else {
    m = d1;
    sec = d2;
  }
  if (s.charCodeAt(p) !== 46 /* . */) return NaN;
  if (digitsAt(s, p + 1) !== 3 || m > 59 || sec > 59) return NaN;
  // Whole milliseconds first, so 00:02.345 is exactly 2.345 (not 2.3449999999999998).
  const time = ((h * 3600 + m * 60 + sec) * 1000 + digitsValue) / 1000;
  if (!Number.isFinite(time)) return NaN;
  timestampEnd = digitsEnd;
  return time;
}
