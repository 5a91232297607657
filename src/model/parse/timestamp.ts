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
  let p = pos;
  const digits = (): string => {
    const from = p;
    while (isDigit(s[p])) p++;
    return s.slice(from, p);
  };
  const d1 = digits();
  if (!d1) return null;
  let hoursMode = d1.length !== 2 || Number(d1) > 59;
  if (s[p] !== ':') return null;
  p++;
  const d2 = digits();
  if (d2.length !== 2) return null;
  let h = 0;
  let m: number;
  let sec: number;
  if (hoursMode || s[p] === ':') {
    if (s[p] !== ':') return null;
    p++;
    const d3 = digits();
    if (d3.length !== 2) return null;
    h = Number(d1);
    m = Number(d2);
    sec = Number(d3);
    hoursMode = true;
  } else {
    m = Number(d1);
    sec = Number(d2);
  }
  if (s[p] !== '.') return null;
  p++;
  const frac = digits();
  if (frac.length !== 3 || m > 59 || sec > 59) return null;
  // Whole milliseconds first, so 00:02.345 is exactly 2.345 (not 2.3449999999999998).
  const time = ((h * 3600 + m * 60 + sec) * 1000 + Number(frac)) / 1000;
  return Number.isFinite(time) ? { time, end: p } : null;
}
