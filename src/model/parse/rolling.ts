/**
 * YouTube "rolling" auto-captions → lines in which each spoken word appears once.
 *
 * YouTube's auto-generated WebVTT shows two lines at a time and scrolls them: every cue repeats
 * the previous cue's last line as its first line, then adds the new words (with inline
 * timestamps `word<00:00:01.234><c> next</c>`). Between two such cues sits a 10 ms "snapshot"
 * cue that only repeats the text already shown, without timestamps. Cue times may overlap.
 *
 *   00:00:00.000 --> 00:00:02.350   " " / "hello<…><c> everyone</c><…><c> and</c>"
 *   00:00:02.350 --> 00:00:02.360   "hello everyone and" / " "          (snapshot: pure repeat)
 *   00:00:02.360 --> 00:00:04.500   "hello everyone and" / "welcome<…><c> to</c>…"
 *
 * Collapsing keeps, for each cue, only the lines that the previous cue did not already end with,
 * drops cues left with nothing new, drops the words that belonged to the repeated lines, and
 * trims each kept cue's end to the next kept cue's start so lines do not overlap. Kept cues keep
 * their original ids (assigned before this step), so annotations written against ids still work.
 */
import type { Cue } from '../types.js';

const lineList = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');

/**
 * Number of leading lines of `next` that repeat the last lines of `prev` (largest overlap), on
 * lines interned as integers: the prefix function (KMP) of `next`, a separator, then `prev`,
 * read at its end. O(|prev| + |next|); trying every length was quadratic in a cue's lines.
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

/** Equal lines, equal numbers: one hash per line, then O(1) comparisons. */
function lineKeyer(): (l: string) => number {
  const ids = new Map<string, number>();
  return (l) => {
    let k = ids.get(l);
    if (k === undefined) ids.set(l, (k = ids.size));
    return k;
  };
}

/**
 * True when the cues look like rolling captions. A cue "rolls" when it has two or more lines and
 * its first line is the previous cue's last line; it "repeats" when it is a single line equal to
 * the previous cue's last line (a snapshot). Rolling files: at least 3 cues, at least 2 rolls,
 * rolls in at least a quarter of the cues and rolls + repeats in at least half of them.
 * Ordinary subtitles almost never carry a whole line over to the next cue and add to it, and
 * files of identical one-line cues are not rolling, so other files are left untouched.
 */
export function isRollingCaptions(cues: Cue[]): boolean {
  if (cues.length < 3) return false;
  const lists = cues.map((c) => lineList(c.text));
  let rolls = 0;
  let repeats = 0;
  for (let i = 1; i < lists.length; i++) {
    const prev = lists[i - 1] ?? [];
    const lines = lists[i] ?? [];
    if (lines[0] === undefined || lines[0] !== prev[prev.length - 1]) continue;
    if (lines.length >= 2) rolls++;
    else repeats++;
  }
  const others = cues.length - 1;
  return rolls >= 2 && rolls * 4 >= others && (rolls + repeats) * 2 >= others;
}

const wordCount = (lines: string[]): number => lines.reduce((n, l) => n + l.split(' ').length, 0);

/** Collapses rolling captions (see the module comment). Does not check `isRollingCaptions`. */
export function collapseRollingCaptions(cues: Cue[]): Cue[] {
  const out: Cue[] = [];
  const key = lineKeyer();
  let prev: number[] = [];
  for (const cue of cues) {
    const lines = lineList(cue.text);
    const keys = lines.map(key);
    const k = overlap(prev, keys);
    prev = keys;
    const fresh = lines.slice(k);
    const last = out[out.length - 1];
    if (!fresh.length) continue; // a snapshot or any cue that only repeats what was shown
    if (k === 0 && last && last.text === fresh.join('\n') && cue.start <= last.end) continue;
    const kept: Cue = { ...cue, text: fresh.join('\n') };
    if (k > 0) {
      delete kept.nodes; // the markup described the whole two-line cue
      if (cue.words) {
        const words = cue.words.slice(wordCount(lines.slice(0, k)));
        if (words.length) kept.words = words;
        else delete kept.words;
      }
    }
    out.push(kept);
  }
  // No overlap between consecutive lines: end each line where the next one starts.
  for (let i = 0; i + 1 < out.length; i++) {
    const cur = out[i] as Cue;
    const next = out[i + 1] as Cue;
    if (next.start < cur.end && next.start >= cur.start) {
      cur.end = next.start;
      cur.words = cur.words?.map((w) => ({ ...w, start: Math.min(w.start, cur.end), end: Math.min(w.end, cur.end) }));
      if (!cur.words) delete cur.words;
    }
  }
  return out;
}
