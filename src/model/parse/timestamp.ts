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
  const fast = readFixedTimestamp(s, pos);
  return Number.isNaN(fast) ? readTimestampGeneral(s, pos) : fast;
}

/** @internal `readTimestamp` without its fixed-shape fast path (the tests hold the two to the same answers). */
export function readTimestampGeneral(s: string, pos: number): number {
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

/** Whether the code unit at `at` is not an ASCII digit (or there is none). */
const notDigit = (s: string, at: number): boolean => !(s.charCodeAt(at) >= 48 && s.charCodeAt(at) <= 57);
/** The ASCII digit at `at` as a number, or NaN. */
const digit = (s: string, at: number): number => {
  const d = s.charCodeAt(at) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
};

/**
 * The two shapes almost every timestamp has, "hh:mm:ss.ttt" (two-digit hours) and "mm:ss.ttt",
 * read at fixed places; NaN for anything else (which `readTimestamp` then reads in general,
 * with the same answer for these shapes).
 */
function readFixedTimestamp(s: string, pos: number): number {
  const a = digit(s, pos) * 10 + digit(s, pos + 1);
  const b = digit(s, pos + 3) * 10 + digit(s, pos + 4);
  if (Number.isNaN(a + b) || s.charCodeAt(pos + 2) !== 58 || b > 59) return NaN;
  const sep = s.charCodeAt(pos + 5);
  if (sep === 58 /* hh:mm:ss.ttt */) {
    const c = digit(s, pos + 6) * 10 + digit(s, pos + 7);
    const ms = digit(s, pos + 9) * 100 + digit(s, pos + 10) * 10 + digit(s, pos + 11);
    if (Number.isNaN(c + ms) || c > 59 || s.charCodeAt(pos + 8) !== 46 || !notDigit(s, pos + 12)) return NaN;
    timestampEnd = pos + 12;
    return ((a * 3600 + b * 60 + c) * 1000 + ms) / 1000;
  }
  if (sep === 46 /* mm:ss.ttt */ && a <= 59) {
    const ms = digit(s, pos + 6) * 100 + digit(s, pos + 7) * 10 + digit(s, pos + 8);
    if (Number.isNaN(ms) || !notDigit(s, pos + 9)) return NaN;
    timestampEnd = pos + 9;
    return ((a * 60 + b) * 1000 + ms) / 1000;
  }
  return NaN;
}
