import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ALIGN_MAX_CANDIDATES, alignTracks } from '../../src/model/align.js';
import type { AlignedRow } from '../../src/model/align.js';
import type { Cue } from '../../src/model/types.js';

const c = (id: string, start: number, end: number, text = id): Cue => ({ id, start, end, text });

describe('alignTracks', () => {
  it('pairs cues with the same ids', () => {
    const original = [c('a', 0, 2), c('b', 2, 4), c('c', 4, 6)];
    const translation = [c('a', 0, 2.1), c('b', 1.9, 4), c('c', 4, 6)];
    expect(alignTracks(original, translation)).toEqual([
      { original: 0, translation: [0] },
      { original: 1, translation: [1] },
      { original: 2, translation: [2] },
    ]);
  });

  it('prefers the id over a larger time overlap', () => {
    const original = [c('a', 0, 4), c('b', 4, 8)];
    const translation = [c('b', 3, 8.5), c('x', 3.5, 4.5)];
    // "b" overlaps "a" by 1 s and "b" by 4 s, and has b's id anyway; "x" overlaps both by 0.5 s → earlier.
    expect(alignTracks(original, translation)).toEqual([
      { original: 0, translation: [1] },
      { original: 1, translation: [0] },
    ]);
    const shifted = [c('a', 3.9, 5)]; // same id as "a", overlaps "a" by 0.1 s and "b" by 1 s
    expect(alignTracks(original, shifted)).toEqual([
      { original: 0, translation: [0] },
      { original: 1, translation: [] },
    ]);
  });

  it('ignores an id match when the times are disjoint (positional ids of another segmentation)', () => {
    // SRT-like ids "1", "2", "3" that mean different lines in each track.
    const original = [c('1', 0, 5), c('2', 5, 10)];
    const translation = [c('1', 0, 2.5), c('2', 2.5, 5), c('3', 5, 10)];
    expect(alignTracks(original, translation)).toEqual([
      { original: 0, translation: [0, 1] },
      { original: 1, translation: [2] },
    ]);
  });

  it('different segmentation: two translation cues for one original, one for two originals', () => {
    const original = [c('o1', 0, 4), c('o2', 4, 6), c('o3', 6, 9), c('o4', 9, 12)];
    const translation = [
      c('t1', 0, 2), // o1
      c('t2', 2, 4.2), // o1 (2 s) over o2 (0.2 s)
      c('t3', 4.2, 8.8), // o2 (1.8 s) vs o3 (2.8 s) → o3
      c('t4', 8.8, 12), // o4
    ];
    expect(alignTracks(original, translation)).toEqual([
      { original: 0, translation: [0, 1] },
      { original: 1, translation: [] },
      { original: 2, translation: [2] },
      { original: 3, translation: [3] },
    ]);
    // Equal overlap → the earlier original.
    expect(alignTracks([c('a', 0, 2), c('b', 2, 4)], [c('t', 1, 3)])).toEqual([
      { original: 0, translation: [0] },
      { original: 1, translation: [] },
    ]);
  });

  it('gives translation cues that overlap nothing their own rows, in time order', () => {
    const original = [c('a', 2, 4), c('b', 6, 8)];
    const translation = [c('late', 10, 11), c('gap', 4, 6), c('early', 0, 1), c('in-a', 3, 3.5), c('b-start', 6, 6)];
    expect(alignTracks(original, translation)).toEqual([
      { original: null, translation: [2] },
      { original: 0, translation: [3] },
      { original: null, translation: [1] },
      { original: 1, translation: [4] },
      { original: null, translation: [0] },
    ]);
  });

  it('an unmatched cue that starts with an original goes after it', () => {
    // "z" starts with "a" but is zero-length at its end; it overlaps nothing.
    const rows = alignTracks([c('a', 2, 2)], [c('z', 2, 2.5)]);
    expect(rows).toEqual([
      { original: 0, translation: [] },
      { original: null, translation: [0] },
    ]);
  });

  it('handles empty inputs', () => {
    expect(alignTracks([], [])).toEqual([]);
    expect(alignTracks([c('a', 0, 1)], [])).toEqual([{ original: 0, translation: [] }]);
    expect(alignTracks([], [c('b', 5, 6), c('a', 0, 1)])).toEqual([
      { original: null, translation: [1] },
      { original: null, translation: [0] },
    ]);
  });

  it('never throws on bad input', () => {
    expect(alignTracks(null as unknown as Cue[], undefined as unknown as Cue[])).toEqual([]);
    const rows = alignTracks([c('a', 0, 1), { id: 'n', start: NaN, end: NaN, text: '' }], [null, c('n', 0, 1), c('x', NaN, 3)] as unknown as Cue[]);
    expect(rows).toEqual([
      { original: 0, translation: [] },
      { original: 1, translation: [1] },
      { original: null, translation: [0] },
      { original: null, translation: [2] },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------

/** The documented rule, written the slow and obvious way. */
function reference(original: Cue[], translation: Cue[]): (number | null)[] {
  const shared = (o: Cue, t: Cue): number => {
    if (t.end === t.start) return o.start <= t.start && t.start < o.end ? 0 : -1;
    if (o.end === o.start) return t.start <= o.start && o.start < t.end ? 0 : -1;
    const s = Math.min(o.end, t.end) - Math.max(o.start, t.start);
    return s > 0 ? s : -1;
  };
  return translation.map((t) => {
    const same = original.findIndex((o) => o.id === t.id);
    if (same >= 0 && shared(original[same]!, t) >= 0) return same;
    let best: number | null = null;
    let bestShared = -1;
    original.forEach((o, i) => {
      const s = t.end === t.start ? shared(o, t) : o.end === o.start ? -1 : shared(o, t);
      if (s > bestShared) {
        best = i;
        bestShared = s;
      }
    });
    return best;
  });
}

const cueArb = (prefix: string): fc.Arbitrary<Cue> =>
  fc
    .record({ id: fc.integer({ min: 1, max: 6 }), start: fc.integer({ min: 0, max: 40 }), dur: fc.integer({ min: 0, max: 8 }) })
    .map(({ id, start, dur }) => c(`${prefix}${id}`, start / 2, (start + dur) / 2));

describe('alignTracks properties', () => {
  it('every translation cue appears exactly once, rows follow time, and the rule holds', () => {
    fc.assert(
      fc.property(
        fc.array(cueArb(''), { maxLength: 10 }).map((l) => [...l].sort((a, b) => a.start - b.start)),
        fc.array(fc.oneof(cueArb(''), cueArb('t')), { maxLength: 12 }),
        (original, translation) => {
          const rows: AlignedRow[] = alignTracks(original, translation);
          const all = rows.flatMap((r) => r.translation).sort((a, b) => a - b);
          expect(all).toEqual(translation.map((_, j) => j));
          expect(rows.filter((r) => r.original !== null).map((r) => r.original)).toEqual(original.map((_, i) => i));
          expect(rows.filter((r) => r.original === null).every((r) => r.translation.length === 1)).toBe(true);
          const time = (r: AlignedRow): number => (r.original !== null ? original[r.original]!.start : translation[r.translation[0]!]!.start);
          for (let k = 1; k < rows.length; k++) expect(time(rows[k]!)).toBeGreaterThanOrEqual(time(rows[k - 1]!));
          const assigned = new Map<number, number | null>();
          for (const r of rows) for (const j of r.translation) assigned.set(j, r.original);
          expect(translation.map((_, j) => assigned.get(j))).toEqual(reference(original, translation));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is fast on long tracks', () => {
    const original = Array.from({ length: 20_000 }, (_, i) => c(`o${i}`, i * 3, i * 3 + 3));
    const translation = Array.from({ length: 30_000 }, (_, i) => c(`t${i}`, i * 2, i * 2 + 2));
    const t0 = performance.now();
    const rows = alignTracks(original, translation);
    console.log(`align: 20000 × 30000 cues in ${(performance.now() - t0).toFixed(1)} ms`);
    expect(rows).toHaveLength(20_000);
  });
});

describe('alignTracks on hostile input', () => {
  const track = (n: number, prefix: string): Cue[] => Array.from({ length: n }, (_, i) => c(`${prefix}${i}`, i * 2, i * 2 + 2));

  it('an original ending at 1e12 does not make every lookup scan (50 000 cues; was 18 s)', () => {
    const n = 50_000;
    const rows = alignTracks([...track(n, 'o'), c('long', 0, 1e12)], track(n, 't'));
    expect(rows).toHaveLength(n + 1);
    // Each translation cue overlaps its own original and the long one by 2 s: the earlier original wins.
    expect(rows[0]).toEqual({ original: 0, translation: [0] });
    expect(rows[n - 1]).toEqual({ original: n - 1, translation: [n - 1] });
    expect(rows[n]).toEqual({ original: n, translation: [] });
  });

  it(`a translation cue is compared with at most ALIGN_MAX_CANDIDATES (${ALIGN_MAX_CANDIDATES}) overlapping originals`, () => {
    const originals = [...track(ALIGN_MAX_CANDIDATES, 'o'), c('late-and-long', ALIGN_MAX_CANDIDATES * 2, ALIGN_MAX_CANDIDATES * 2 + 100)];
    const rows = alignTracks(originals, [c('everything', 0, 1e9)]);
    // Without the cap the 100 s original would win; with it, the best of the first ones by start.
    expect(rows[0]).toEqual({ original: 0, translation: [0] });
    expect(rows.flatMap((r) => r.translation)).toEqual([0]);
    // Within the cap the rule holds as documented.
    expect(alignTracks([...track(10, 'o'), c('long', 1, 50)], [c('t', 0, 1e9)])[10]).toEqual({ original: 10, translation: [0] });
  });

  it('20 000 translation cues spanning everything: every one placed once', () => {
    const n = 20_000;
    const rows = alignTracks(track(n, 'o'), Array.from({ length: n }, (_, i) => c(`t${i}`, 0, 1e9)));
    expect(rows).toHaveLength(n);
    expect(rows[0]!.translation).toHaveLength(n);
  });
});
