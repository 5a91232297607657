/**
 * Side-by-side translation tracks: which translation cues sit next to which original cue.
 *
 * The rule, for each translation cue (each is placed in exactly one row):
 * 1. Same id: when an original cue has the same id (the first such, in input order) and the two
 *    cues' times agree — their intervals overlap, or either cue has no usable interval — the
 *    cue goes to that original's row. The time check matters because ids are often only
 *    positions ("1", "2"… from SRT sequence numbers or from files without ids): a translation
 *    segmented differently shares those ids with unrelated lines.
 * 2. Otherwise, greatest time overlap: the original cue whose interval shares the most time with
 *    it (ties → the earlier original, in input order). A zero-length translation cue at t
 *    overlaps the originals with start ≤ t < end (by 0 s, so the earliest such wins).
 * 3. Otherwise (it overlaps nothing, or its times are not finite): a row of its own,
 *    `{ original: null, translation: [j] }`.
 *
 * Rows: one per original cue, in the originals' input order, and the rows of rule 3 inserted in
 * time order: right before the first original row that starts after the translation cue (ties:
 * after the originals that start at the same time; originals without usable times are no
 * boundary), rows of rule 3 among themselves by start, then input order; those without a
 * finite start go last. Inside a row, translation indexes
 * are sorted by start, then input order. Pure; never throws. O((n + m) log n), each translation cue
 * comparing at most ALIGN_MAX_CANDIDATES originals (rule 2 then looks at the first ones by start).
 */
import type { Cue } from './types.js';
import { firstAtOrAfter, lastAtOrBefore } from './binary-search.js';
import { EndTree } from './cue-index.js';

/**
 * A translation cue is compared with at most this many overlapping originals (the first ones by
 * start): a line that overlaps more (about an hour of speech at 3 s a line) goes to the best of
 * those. Keeps alignment O(n log n) when hostile cues span everything.
 */
export const ALIGN_MAX_CANDIDATES = 256;

export interface AlignedRow {
  /** Index into `original`, or null for a translation cue that matches no original cue. */
  original: number | null;
  /** Indexes into `translation`, in time order. */
  translation: number[];
}

interface Span {
  start: number;
  end: number;
  ok: boolean;
}

function span(c: Cue | undefined): Span {
  const start = typeof c?.start === 'number' ? c.start : NaN;
  const end = typeof c?.end === 'number' ? c.end : NaN;
  return { start, end, ok: Number.isFinite(start) && !Number.isNaN(end) && end >= start };
}

/** Shared time of a (original) and b (translation), or -1 when they do not overlap. */
function overlap(a: Span, b: Span): number {
  if (!a.ok || !b.ok) return -1;
  if (b.end === b.start) return a.start <= b.start && b.start < a.end ? 0 : -1;
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return shared > 0 ? shared : -1;
}

/** Sort key for starts: non-finite starts last. */
const key = (s: Span): number => (s.ok ? s.start : Infinity);

export function alignTracks(original: readonly Cue[], translation: readonly Cue[]): AlignedRow[] {
  try {
    const orig = Array.isArray(original) ? original : [];
    const trans = Array.isArray(translation) ? translation : [];
    const os = orig.map(span);
    const ts = trans.map(span);

    const byId = new Map<string, number>();
    orig.forEach((c, i) => {
      const id = c?.id;
      if (typeof id === 'string' && !byId.has(id)) byId.set(id, i);
    });

    // Originals with a duration, sorted by start, and the tree of their ends: the ones a translation
    // cue overlaps in O(log n) each, whatever the overlaps. (A zero-length original overlaps nothing.)
    const sorted = os.map((_, i) => i).filter((i) => (os[i] as Span).ok && (os[i] as Span).end > (os[i] as Span).start);
    sorted.sort((i, j) => (os[i] as Span).start - (os[j] as Span).start || i - j);
    const sortedStarts = Float64Array.from(sorted, (i) => (os[i] as Span).start);
    const ends = new EndTree(sorted.map((i) => (os[i] as Span).end));

    const bestOverlap = (t: Span): number => {
      if (!t.ok) return -1;
      // Candidates start before t.end (at or before t.start when t is zero-length) and end after t.start.
      const count = t.end > t.start ? firstAtOrAfter(sortedStarts, t.end) : lastAtOrBefore(sortedStarts, t.start) + 1;
      let best = -1;
      let bestShared = -1;
      let seen = 0;
      ends.each(count, t.start, (k) => {
        const i = sorted[k] as number;
        const shared = overlap(os[i] as Span, t);
        if (shared > bestShared || (shared === bestShared && shared >= 0 && i < best)) {
          best = i;
          bestShared = shared;
        }
        return ++seen < ALIGN_MAX_CANDIDATES;
      });
      return best;
    };

    const rowsOf: number[][] = orig.map(() => []);
    const orphans: number[] = [];
    trans.forEach((c, j) => {
      const t = ts[j] as Span;
      const id = c?.id;
      const same = typeof id === 'string' ? byId.get(id) : undefined;
      if (same !== undefined) {
        const o = os[same] as Span;
        if (!o.ok || !t.ok || overlap(o, t) >= 0 || overlap(t, o) >= 0) {
          (rowsOf[same] as number[]).push(j);
          return;
        }
      }
      const best = bestOverlap(t);
      if (best >= 0) (rowsOf[best] as number[]).push(j);
      else orphans.push(j);
    });

    const byStart = (a: number, b: number): number => key(ts[a] as Span) - key(ts[b] as Span) || a - b;
    // (Infinity - Infinity is NaN, which is falsy: equal keys fall back to input order.)
    orphans.sort(byStart);

    const rows: AlignedRow[] = [];
    let next = 0;
    orig.forEach((_, i) => {
      const o = os[i] as Span;
      while (o.ok && next < orphans.length && key(ts[orphans[next] as number] as Span) < o.start) {
        rows.push({ original: null, translation: [orphans[next] as number] });
        next++;
      }
      rows.push({ original: i, translation: (rowsOf[i] as number[]).sort(byStart) });
    });
    for (; next < orphans.length; next++) rows.push({ original: null, translation: [orphans[next] as number] });
    return rows;
  } catch {
    return []; // a throwing getter or Proxy in the input
  }
}
