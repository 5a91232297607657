/**
 * The time offset between a transcript file and the media it is shown with.
 *
 * The rule: a line at time t in the file is spoken at t + offset in the media (offset in
 * seconds, may be negative: the media lost an intro that the file still counts). The viewer
 * shifts the cues once, when the transcript or the offset changes, so everything downstream
 * — sync, seeks, word clicks, `#t=` links, time-ranged annotations, the evidence map, the
 * displayed timestamps — works in media time without knowing there is an offset; a download
 * uses the file's own times. The shift itself is `shiftCues` (offset-shift.ts, loaded with the
 * readers). Pure; never throws.
 */

/** Larger offsets than this (in either direction, seconds: ten days) are taken as this. */
export const MAX_OFFSET = 864_000;

/**
 * The offset a page gave (a number, or the attribute's text: "-2.5", "12"); anything that is
 * not a finite number is 0, and it is clamped to ±MAX_OFFSET.
 */
export function readOffset(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : NaN;
  if (!Number.isFinite(n)) return 0;
  return Math.max(-MAX_OFFSET, Math.min(MAX_OFFSET, n));
}

/** File time → media time. */
export const toMediaTime = (fileTime: number, offset: number): number => fileTime + offset;

/** Media time → file time. */
export const toFileTime = (mediaTime: number, offset: number): number => mediaTime - offset;
