/** Moving a transcript by an offset (see `offset.ts` for the rule). Pure; never throws. */
import type { Cue, Word } from './types.js';

const shiftWord = (w: Word, by: number): Word => ({ ...w, start: w.start + by, end: w.end + by });

/**
 * The cues moved by `by` seconds (start, end and every word's times), as new objects; the
 * same array when `by` is 0. Order, ids and everything else are kept, so a list shifted
 * by the same amount sorts the same way (line indexes do not change).
 */
export function shiftCues(cues: readonly Cue[], by: number): readonly Cue[] {
  if (by === 0 || !Number.isFinite(by)) return cues;
  return cues.map((c) => {
    const cue: Cue = { ...c, start: c.start + by, end: c.end + by };
    if (Array.isArray(c.words)) cue.words = c.words.map((w) => shiftWord(w, by));
    return cue;
  });
}
