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
  // Hot path (every cue timing and every inline word timestamp): char codes, no slices.
  let p = pos;
  let value = 0;
  /** Reads digits at p into `value`; returns how many there were. */
  const digits = (): number => {
    const from = p;
    value = 0;
    for (let c = s.charCodeAt(p); c >= 48 && c <= 57; c = s.charCodeAt(++p)) value = value * 10 + (c - 48);
    return p - from;
  };
  const n1 = digits();
  if (!n1) return null;
  const d1 = value;
  let hoursMode = n1 !== 2 || d1 > 59;
  if (s.charCodeAt(p) !== 58 /* : */) return null;
  p++;
  if (digits() !== 2) return null;
  const d2 = value;
  let h = 0;
  let m: number;
  let sec: number;
  if (hoursMode || s.charCodeAt(p) === 58) {
    if (s.charCodeAt(p) !== 58) return null;
    p++;
    if (digits() !== 2) return null;
    h = d1;
    m = d2;
    sec = value;
    hoursMode = true;
  } else {
    m = d1;
    sec = d2;
  }
  if (s.charCodeAt(p) !== 46 /* . */) return null;
  p++;
  if (digits() !== 3 || m > 59 || sec > 59) return null;
  // Whole milliseconds first, so 00:02.345 is exactly 2.345 (not 2.3449999999999998).
  const time = ((h * 3600 + m * 60 + sec) * 1000 + value) / 1000;
  return Number.isFinite(time) ? { time, end: p } : null;
}
