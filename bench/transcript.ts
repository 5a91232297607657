/**
 * The benchmark's synthetic transcripts (deterministic), shared by the Node driver (which serves
 * the WebVTT text) and both pages (which regenerate the timings to check every answer).
 *
 * `words` timed words, 10–14 a line (≈ 12), one line every 4 s, lines back to back (a line ends
 * where the next starts, so "the last line started at or before t" is the active line for every
 * viewer), words evenly spread over their line, a few speakers.
 */

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Roughly Zipf-like: common words first, drawn more often.
const COMMON = 'the of and to a in that is was it for on with as he she be at by this had not are but from or have'.split(' ');
const RARE = (
  'harbour master ferry island water taxi boat board minutes notice spring summer winter months weeks line shut ' +
  'order council budget report witness evidence counsel hearing record statement question answer committee ' +
  'chair member motion vote public safety engine repair hull crew captain passenger ticket fare schedule ' +
  'morning evening weather storm wind tide dock pier crossing route mainland village school doctor market ' +
  'contract tender supplier delay cost estimate million pounds insurance inspection certificate survey ' +
  'document letter email meeting agenda decision appeal review policy plan option proposal alternative'
).split(' ');
const SPEAKERS = ['Chair', 'Witness', 'Counsel', 'Clerk', 'Member Okafor'];

/** Seconds per line. */
export const LINE_SECONDS = 4;

/** The timings of a generated transcript (what the pages check answers against). */
export interface Timings {
  /** Start of each line (seconds, ms precision), ascending. */
  starts: Float64Array;
  /** Start of every word, all lines in a row. */
  wordStarts: Float64Array;
  /** Index in `wordStarts` of each line's first word; one extra entry (the total) at the end. */
  firstWord: Int32Array;
  /** End of the last line. */
  duration: number;
}

export interface GeneratedLine {
  start: number;
  end: number;
  speaker: string;
  words: { start: number; text: string }[];
}

const ms = (t: number): number => Math.round(t * 1000) / 1000;

/** Calls `each` for every line of the transcript of `words` words (seed 1). */
export function forEachLine(words: number, each: (line: GeneratedLine, index: number) => void): void {
  const rand = prng(1);
  let speaker = SPEAKERS[0]!;
  let left = words;
  for (let i = 0; left > 0; i++) {
    if (rand() < 0.25) speaker = SPEAKERS[Math.floor(rand() * SPEAKERS.length)]!;
    const count = Math.min(left, 10 + Math.floor(rand() * 5));
    left -= count;
    const start = i * LINE_SECONDS;
    const end = start + LINE_SECONDS;
    const step = LINE_SECONDS / count;
    const list: { start: number; text: string }[] = new Array(count);
    for (let w = 0; w < count; w++) {
      const pick = rand() < 0.45 ? COMMON[Math.floor(rand() * COMMON.length)]! : RARE[Math.floor(rand() * RARE.length)]!;
      const text = w === 0 ? pick[0]!.toUpperCase() + pick.slice(1) : w === count - 1 ? `${pick}.` : pick;
      list[w] = { start: ms(start + w * step), text };
    }
    each({ start, end, speaker, words: list }, i);
  }
}

export function timings(words: number): Timings {
  const starts: number[] = [];
  const wordStarts = new Float64Array(words);
  const first: number[] = [];
  let k = 0;
  let duration = 0;
  forEachLine(words, (line) => {
    starts.push(line.start);
    first.push(k);
    for (const w of line.words) wordStarts[k++] = w.start;
    duration = line.end;
  });
  first.push(k);
  return { starts: Float64Array.from(starts), wordStarts, firstWord: Int32Array.from(first), duration };
}

function vttTime(t: number): string {
  const total = Math.round(t * 1000);
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor(total / 60_000) % 60;
  const s = Math.floor(total / 1000) % 60;
  const f = total % 1000;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(f).padStart(3, '0')}`;
}

/** The transcript as WebVTT: cue ids 1…n, `<v Speaker>`, an inline `<hh:mm:ss.ttt>` before every word but the first. */
export function vtt(words: number): string {
  const out: string[] = ['WEBVTT', ''];
  forEachLine(words, (line, i) => {
    let text = `<v ${line.speaker}>`;
    line.words.forEach((w, k) => {
      text += k === 0 ? w.text : ` <${vttTime(w.start)}>${w.text}`;
    });
    out.push(String(i + 1), `${vttTime(line.start)} --> ${vttTime(line.end)}`, text, '');
  });
  return out.join('\n');
}

/** Index of the last value ≤ t in an ascending array (within [lo, hi)), or lo - 1. */
export function lastAtOrBefore(values: Float64Array, t: number, lo = 0, hi = values.length): number {
  let a = lo;
  let b = hi; // answer in [a - 1, b - 1]
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (values[mid]! <= t) a = mid + 1;
    else b = mid;
  }
  return a - 1;
}

/** The line and word (index within its line) being spoken at t, by binary search over the generated starts. */
export function expectedAt(tm: Timings, t: number): { line: number; word: number } {
  const line = lastAtOrBefore(tm.starts, t);
  if (line < 0 || t >= tm.duration) return { line: -1, word: -1 };
  const a = tm.firstWord[line]!;
  const w = lastAtOrBefore(tm.wordStarts, t, a, tm.firstWord[line + 1]!);
  return { line, word: w < a ? -1 : w - a };
}

/** Seconds from t to the nearest line or word boundary (times this close to one are ambiguous by rounding). */
export function distanceToBoundary(tm: Timings, t: number): number {
  const { line } = expectedAt(tm, t);
  if (line < 0) return 0;
  let d = Math.min(t - tm.starts[line]!, (tm.starts[line + 1] ?? tm.duration) - t);
  for (let k = tm.firstWord[line]!; k < tm.firstWord[line + 1]!; k++) d = Math.min(d, Math.abs(t - tm.wordStarts[k]!));
  return d;
}
