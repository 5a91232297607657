/**
 * YouTube "rolling" captions → lines in which each spoken word appears once.
 *
 * YouTube's auto-generated WebVTT (as yt-dlp saves it) shows two lines at a time and scrolls
 * them: every cue repeats the previous cue's last line as its first line, then adds the new
 * words (with or without inline timestamps `word<00:00:01.234><c> next</c>`). Between two such
 * cues there is often a 10 ms "hold" cue that only repeats the text already shown. Cue times
 * may overlap.
 *
 *   00:00:00.000 --> 00:00:02.350   " " / "hello<…><c> everyone</c><…><c> and</c>"
 *   00:00:02.350 --> 00:00:02.360   "hello everyone and" / " "          (hold: pure repeat)
 *   00:00:02.360 --> 00:00:04.500   "hello everyone and" / "welcome<…><c> to</c>…"
 *
 * The rule (also in the README, "Transcript formats"): a cue *repeats* when its first lines
 * are the last lines of the cue before it in the file; it *rolls* when it also adds a line. A
 * file is rolling when at least two of its cues repeat and at least one rolls, whatever its
 * length and with or without word timestamps (one repeating cue is not enough: ordinary WebVTT
 * does that, e.g. wpt's comment-in-cue-text). In a rolling file the repeated lines (and their
 * words and markup) are dropped from each rolling cue, the line it continues ends where it
 * starts (no overlap), and a cue that adds nothing and starts at most 1 s after the previous
 * one ends (a hold) is dropped. Other files are left exactly as they are ("No!" … "No!" stays
 * twice, and so do identical cues shown at the same time). Kept cues keep their original ids
 * (assigned before this step), so annotations written against ids still work.
 *
 * Linear time: lines are interned as integers and the overlap is found with a prefix function
 * (KMP), not by trying every length (which was quadratic in the lines of a cue).
 */
import type { Cue } from '../types.js';

/** How long after a cue ends a repeat of its last lines may start and still be a hold (seconds). */
const HOLD_GAP = 1;

/** Whitespace other than a single space or a line break, and spaces that normalisation would remove. */
const NOT_NORMAL = /[^\S \n]| {2}|^ | $| \n|\n |\n\n|^\n|\n$/;

/** A cue's lines, each with its whitespace runs made one space and trimmed; no empty line. */
const lineList = (text: string): string[] => {
  // Most texts are already so (the parsers normalise them): then the lines are the text's own.
  if (!NOT_NORMAL.test(text)) return text === '' ? [] : text.includes('\n') ? text.split('\n') : [text];
  return text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');
};

/** Each cue's lines as small integers: equal lines, equal numbers (one hash per line). */
function lineKeys(cues: readonly Cue[]): { lines: string[][]; keys: number[][] } {
  const ids = new Map<string, number>();
  const key = (l: string): number => {
    let k = ids.get(l);
    if (k === undefined) ids.set(l, (k = ids.size));
    return k;
  };
  const lines = cues.map((c) => lineList(typeof c.text === 'string' ? c.text : ''));
  return { lines, keys: lines.map((ls) => ls.map(key)) };
}

/**
 * The largest k such that the last k keys of `prev` are the first k keys of `next`: the prefix
 * function of `next`, a separator, then `prev`, read at its end. O(|prev| + |next|).
 */
function overlap(prev: readonly number[], next: readonly number[]): number {
  if (!prev.length || !next.length) return 0;
  const seq = [...next, -1, ...prev];
  const pi = new Int32Array(seq.length);
  for (let i = 1; i < seq.length; i++) {
    let k = pi[i - 1] as number;
    while (k > 0 && seq[i] !== seq[k]) k = pi[k - 1] as number;
    if (seq[i] === seq[k]) k++;
    pi[i] = k;
  }
  return pi[seq.length - 1] as number;
}

/** Number of leading lines of each cue that repeat the previous cue's last lines (0 for the first). */
function repeatedLines(keys: readonly number[][]): number[] {
  return keys.map((k, i) => (i === 0 ? 0 : overlap(keys[i - 1] as number[], k)));
}

/** The rolling-file test of the module comment, on the repeated-line counts. */
function rolls(repeated: readonly number[], lines: readonly string[][]): boolean {
  let repeats = 0;
  let rolling = 0;
  repeated.forEach((k, i) => {
    if (k === 0) return;
    repeats++;
    if (k < (lines[i] as string[]).length) rolling++;
  });
  return rolling >= 1 && repeats >= 2;
}

/** True when the cues are rolling captions; only then does `collapseRollingCaptions` change anything. */
export function isRollingCaptions(cues: Cue[]): boolean {
  const { lines, keys } = lineKeys(cues);
  return rolls(repeatedLines(keys), lines);
}

const wordCount = (lines: string[]): number => lines.reduce((n, l) => n + l.split(' ').length, 0);

/** Collapses rolling captions (see the module comment); returns `cues` itself when none roll. */
export function collapseRollingCaptions(cues: Cue[]): Cue[] {
  const { lines, keys } = lineKeys(cues);
  const repeated = repeatedLines(keys);
  if (!rolls(repeated, lines)) return cues;
  const out: Cue[] = [];
  cues.forEach((cue, i) => {
    const k = repeated[i] as number;
    const own = lines[i] as string[];
    if (k === 0) {
      out.push(cue);
      return;
    }
    if (k >= own.length) {
      const prev = cues[i - 1] as Cue;
      if (cue.start <= prev.end + HOLD_GAP) return; // a hold: it only repeats what is shown
      out.push(cue); // said again later
      return;
    }
    const kept: Cue = { ...cue, text: own.slice(k).join('\n') };
    delete kept.nodes; // the markup described the whole cue, repeated lines included
    if (cue.words) {
      const words = cue.words.slice(wordCount(own.slice(0, k)));
      if (words.length) kept.words = words;
      else delete kept.words;
    }
    // The line this one continues ends where it starts, so the two do not overlap.
    const last = out[out.length - 1];
    if (last && cue.start < last.end && cue.start >= last.start) {
      const end = cue.start;
      const trimmed: Cue = { ...last, end };
      if (last.words) trimmed.words = last.words.map((w) => ({ ...w, start: Math.min(w.start, end), end: Math.min(w.end, end) }));
      out[out.length - 1] = trimmed;
    }
    out.push(kept);
  });
  return out;
}
