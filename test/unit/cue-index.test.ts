import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CueIndex } from '../../src/model/cue-index.js';
import type { Cue, Word } from '../../src/model/types.js';

const cue = (id: string, start: number, end: number, words?: Word[]): Cue => ({ id, start, end, text: id, ...(words ? { words } : {}) });

/** The rule, stated directly: among cues with start ≤ t < end, the greatest start; ties → later in input. */
function oracleActive(input: readonly Cue[], t: number): Cue | undefined {
  if (!Number.isFinite(t)) return undefined;
  let best: { c: Cue; i: number } | undefined;
  input.forEach((c, i) => {
    if (!(c.start <= t && t < c.end)) return;
    if (!best || c.start > best.c.start || (c.start === best.c.start && i > best.i)) best = { c, i };
  });
  return best?.c;
}

function oracleWord(c: Cue, t: number): number {
  if (!c.words || !(c.start <= t && t < c.end)) return -1;
  let best = -1;
  c.words.forEach((w, i) => {
    if (w.start <= t && (best < 0 || w.start >= (c.words?.[best]?.start ?? -Infinity))) best = i;
  });
  return best;
}

describe('CueIndex basics', () => {
  const cues = [cue('b', 5, 8), cue('a', 0, 4), cue('c', 6, 7), cue('z', 9, 9), cue('d', 10, 12), cue('e', 10, 11)];
  const idx = new CueIndex(cues);
  const at = (t: number): string | null => {
    const i = idx.activeAt(t);
    return i < 0 ? null : (idx.cues[i] as Cue).id;
  };

  it('sorts by start, stable', () => {
    expect(idx.cues.map((c) => c.id)).toEqual(['a', 'b', 'c', 'z', 'd', 'e']);
    expect(idx.length).toBe(6);
  });

  it('finds the active cue with the started-last rule', () => {
    expect(at(-1)).toBeNull();
    expect(at(0)).toBe('a');
    expect(at(3.999)).toBe('a');
    expect(at(4)).toBeNull(); // end is exclusive: a gap
    expect(at(5)).toBe('b');
    expect(at(6)).toBe('c'); // overlapping: c started last
    expect(at(7)).toBe('b'); // c ended, b still runs
    expect(at(8)).toBeNull();
    expect(at(9)).toBeNull(); // zero-length cue never active
    expect(at(10)).toBe('e'); // equal starts: the later one in file order
    expect(at(11)).toBe('d');
    expect(at(12)).toBeNull();
    expect(at(NaN)).toBeNull();
    expect(at(Infinity)).toBeNull();
  });

  it('indexOfId, indexAtOrAfter, nextChange', () => {
    expect(idx.indexOfId('c')).toBe(2);
    expect(idx.indexOfId('nope')).toBe(-1);
    expect(idx.indexAtOrAfter(-5)).toBe(0);
    expect(idx.indexAtOrAfter(4.5)).toBe(1);
    expect(idx.indexAtOrAfter(5)).toBe(1);
    expect(idx.indexAtOrAfter(9.5)).toBe(4);
    expect(idx.indexAtOrAfter(13)).toBe(-1);
    expect(idx.indexAtOrAfter(NaN)).toBe(-1);
    expect(idx.nextChange(-1)).toBe(0);
    expect(idx.nextChange(0)).toBe(4);
    expect(idx.nextChange(4)).toBe(5);
    expect(idx.nextChange(6.5)).toBe(7);
    expect(idx.nextChange(7)).toBe(8);
    expect(idx.nextChange(12)).toBe(Infinity);
    expect(idx.nextChange(NaN)).toBe(Infinity);
  });

  it('handles empty input and bad times', () => {
    const empty = new CueIndex([]);
    expect(empty.activeAt(1)).toBe(-1);
    expect(empty.indexAtOrAfter(0)).toBe(-1);
    expect(empty.nextChange(0)).toBe(Infinity);
    expect(empty.wordAt(0, 0)).toBe(-1);
    const odd = new CueIndex([cue('nan', NaN, 5), cue('inv', 4, 2), cue('ok', 1, 3), cue('forever', 10, Infinity)]);
    expect(odd.cues.map((c) => c.id)).toEqual(['ok', 'inv', 'forever', 'nan']);
    expect(odd.activeAt(2)).toBe(0);
    expect(odd.activeAt(4)).toBe(-1);
    expect(odd.activeAt(1e9)).toBe(2);
  });

  it('keeps the first index for duplicate ids', () => {
    const dup = new CueIndex([cue('x', 5, 6), cue('x', 1, 2)]);
    expect(dup.indexOfId('x')).toBe(0);
  });
});

describe('wordAt', () => {
  const words: Word[] = [
    { start: 1, end: 1.5, text: 'one' },
    { start: 1.5, end: 2, text: 'two' },
    { start: 1.5, end: 2.5, text: 'two-b' },
    { start: 3, end: 3.5, text: 'three' },
  ];
  const idx = new CueIndex([cue('w', 0.5, 4, words)]);
  it('returns the last word started, -1 before the first and outside the cue', () => {
    expect(idx.wordAt(0, 0.7)).toBe(-1);
    expect(idx.wordAt(0, 1)).toBe(0);
    expect(idx.wordAt(0, 1.6)).toBe(2);
    expect(idx.wordAt(0, 2.7)).toBe(2);
    expect(idx.wordAt(0, 3.9)).toBe(3);
    expect(idx.wordAt(0, 4)).toBe(-1);
    expect(idx.wordAt(0, NaN)).toBe(-1);
    expect(idx.wordAt(5, 1)).toBe(-1);
    expect(idx.wordAt(-1, 1)).toBe(-1);
  });
  it('copes with unsorted words', () => {
    const u = new CueIndex([cue('u', 0, 10, [{ start: 5, end: 6, text: 'b' }, { start: 1, end: 2, text: 'a' }])]);
    expect(u.wordAt(0, 0.5)).toBe(-1);
    expect(u.wordAt(0, 3)).toBe(1);
    expect(u.wordAt(0, 7)).toBe(0);
  });
  it('unsorted words are ordered once: 100 000 lookups in a cue of 100 000 shuffled words', () => {
    const n = 100_000;
    // Word i starts at (i * 7919) % n: every start once, in no order.
    const shuffled = Array.from({ length: n }, (_, i) => ({ start: (i * 7919) % n, end: ((i * 7919) % n) + 1, text: 'w' }));
    const big = new CueIndex([cue('big', 0, n, shuffled)]);
    let wrong = 0;
    for (let t = 0; t < n; t++) if (shuffled[big.wordAt(0, t + 0.5)]!.start !== t) wrong++;
    expect(wrong).toBe(0);
  });
});

// Times on a coarse grid so that equal starts, shared boundaries and zero-length cues are common.
const grid = fc.integer({ min: 0, max: 40 }).map((n) => n / 2);
const wordArb = fc.record({ start: grid, end: grid, text: fc.constant('w') });
const cueArb = fc
  .tuple(grid, grid, fc.option(fc.array(wordArb, { maxLength: 6 }), { nil: undefined }), fc.boolean())
  .map(([a, b, words, sortWords]) => {
    const [start, end] = a <= b ? [a, b] : [b, a];
    const ws = words && sortWords ? [...words].sort((x, y) => x.start - y.start) : words;
    return { start, end, words: ws };
  });
const cuesArb = fc.array(cueArb, { maxLength: 40 }).map((list) => list.map((c, i) => cue(`c${i}`, c.start, c.end, c.words)));
const timeArb = fc.oneof(grid, fc.double({ min: -1, max: 21, noNaN: true }), fc.constantFrom(NaN, Infinity, -Infinity));

describe('CueIndex properties', () => {
  it('activeAt agrees with the brute-force oracle', () => {
    fc.assert(
      fc.property(cuesArb, fc.array(timeArb, { minLength: 1, maxLength: 30 }), (cues, times) => {
        const idx = new CueIndex(cues);
        for (const t of times) {
          const i = idx.activeAt(t);
          expect(i < 0 ? undefined : idx.cues[i]).toBe(oracleActive(cues, t));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('cues are sorted by start, stable, and a permutation of the input', () => {
    fc.assert(
      fc.property(cuesArb, (cues) => {
        const idx = new CueIndex(cues);
        expect([...idx.cues].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...cues].sort((a, b) => a.id.localeCompare(b.id)));
        for (let i = 1; i < idx.cues.length; i++) {
          const p = idx.cues[i - 1] as Cue;
          const c = idx.cues[i] as Cue;
          expect(p.start < c.start || (p.start === c.start && cues.indexOf(p) < cues.indexOf(c))).toBe(true);
        }
      }),
    );
  });

  it('wordAt agrees with the oracle', () => {
    fc.assert(
      fc.property(cuesArb, fc.array(timeArb, { minLength: 1, maxLength: 20 }), (cues, times) => {
        const idx = new CueIndex(cues);
        idx.cues.forEach((c, ci) => {
          for (const t of times) expect(idx.wordAt(ci, t)).toBe(Number.isFinite(t) ? oracleWord(c, t) : -1);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('nextChange is the first later time where activeAt differs; indexAtOrAfter matches a scan', () => {
    fc.assert(
      fc.property(cuesArb, grid, (cues, t) => {
        const idx = new CueIndex(cues);
        const next = idx.nextChange(t);
        expect(next).toBeGreaterThan(t);
        const now = idx.activeAt(t);
        // Every grid point and midpoint strictly between t and next keeps the same answer.
        for (let s = t; s < Math.min(next, 25); s += 0.25) if (s > t) expect(idx.activeAt(s)).toBe(now);
        if (Number.isFinite(next)) expect(idx.activeAt(next)).not.toBe(now);
        const scan = idx.cues.findIndex((c) => c.start >= t);
        expect(idx.indexAtOrAfter(t)).toBe(scan);
      }),
      { numRuns: 300 },
    );
  });

  it('is fast with many overlapping cues', () => {
    const n = 50_000;
    const cues = Array.from({ length: n }, (_, i) => cue(String(i), i * 0.5, i * 0.5 + (i % 7 === 0 ? 1000 : 2)));
    const idx = new CueIndex(cues);
    for (let k = 0; k < 100_000; k++) idx.activeAt((k * 7.3) % (n * 0.5));
  });
});
