import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_OFFSET, readOffset, toFileTime, toMediaTime } from '../../src/model/offset.js';
import { shiftCues } from '../../src/model/offset-shift.js';
import type { Cue } from '../../src/model/types.js';

describe('readOffset', () => {
  it('reads numbers and numeric text, both signs', () => {
    expect(readOffset(2.5)).toBe(2.5);
    expect(readOffset('-12.25')).toBe(-12.25);
    expect(readOffset(' 3 ')).toBe(3);
    expect(readOffset(0)).toBe(0);
  });
  it('anything else is 0; huge values are clamped', () => {
    for (const v of [NaN, Infinity, -Infinity, '', ' ', 'soon', '1:30', null, undefined, {}, [], true, '0x'])
      expect(readOffset(v)).toBe(0);
    expect(readOffset(1e12)).toBe(MAX_OFFSET);
    expect(readOffset('-1e12')).toBe(-MAX_OFFSET);
  });
});

describe('shiftCues', () => {
  const cues: Cue[] = [
    { id: '1', start: 1, end: 2, text: 'a', speaker: 'S', words: [{ start: 1, end: 1.5, text: 'a' }, { start: 1.5, end: 2, text: 'b' }] },
    { id: '2', start: 3, end: Infinity, text: 'b' },
  ];
  it('moves starts, ends and words; keeps everything else; never touches the input', () => {
    const out = shiftCues(cues, -0.5);
    expect(out.map((c) => [c.id, c.start, c.end])).toEqual([['1', 0.5, 1.5], ['2', 2.5, Infinity]]);
    expect(out[0]!.words).toEqual([{ start: 0.5, end: 1, text: 'a' }, { start: 1, end: 1.5, text: 'b' }]);
    expect(out[0]!.speaker).toBe('S');
    expect(cues[0]!.start).toBe(1);
    expect(cues[0]!.words![0]!.start).toBe(1);
  });
  it('0 (or a non-finite shift) gives the same array', () => {
    expect(shiftCues(cues, 0)).toBe(cues);
    expect(shiftCues(cues, NaN)).toBe(cues);
  });
  it('file → media → file is the identity (to the microsecond), and order is kept', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { maxLength: 50 }), fc.double({ min: -1e4, max: 1e4, noNaN: true }), (starts, off) => {
      const list = starts.map((s, i) => ({ id: String(i), start: s, end: s + 1, text: '' }));
      const shifted = shiftCues(list, off);
      shifted.forEach((c, i) => {
        expect(Math.abs(toFileTime(c.start, off) - list[i]!.start)).toBeLessThan(1e-6);
        expect(c.start).toBe(toMediaTime(list[i]!.start, off));
      });
    }));
  });
});
