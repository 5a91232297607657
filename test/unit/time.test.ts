import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatTimestamp, parseTimeString, timeParts } from '../../src/model/time.js';

describe('formatTimestamp', () => {
  it.each([
    [0, '0:00'],
    [5, '0:05'],
    [5.99, '0:05'],
    [65, '1:05'],
    [600, '10:00'],
    [3599.9, '59:59'],
    [3600, '1:00:00'],
    [3723, '1:02:03'],
    [36000, '10:00:00'],
  ])('%s → %s', (s, out) => {
    expect(formatTimestamp(s)).toBe(out);
  });

  it('formats bad input as zero', () => {
    for (const v of [-0.5, NaN, Infinity, -Infinity]) expect(formatTimestamp(v)).toBe('0:00');
    // Before the media starts (a negative offset): a minus sign.
    expect(formatTimestamp(-1)).toBe('\u22120:01');
    expect(formatTimestamp(-65.9)).toBe('\u22121:05');
    expect(formatTimestamp(-3725, { forceHours: true })).toBe('\u22121:02:05');
    expect(formatTimestamp(undefined as unknown as number)).toBe('0:00');
  });

  it('forceHours shows the hours field', () => {
    expect(formatTimestamp(65, { forceHours: true })).toBe('0:01:05');
    expect(formatTimestamp(NaN, { forceHours: true })).toBe('0:00:00');
  });
});

describe('timeParts', () => {
  it('splits floored seconds', () => {
    expect(timeParts(3723.9)).toEqual({ hours: 1, minutes: 2, seconds: 3 });
    expect(timeParts(59)).toEqual({ hours: 0, minutes: 0, seconds: 59 });
    expect(timeParts(-3)).toEqual({ hours: 0, minutes: 0, seconds: 0 });
    expect(timeParts(NaN)).toEqual({ hours: 0, minutes: 0, seconds: 0 });
  });
});

describe('parseTimeString', () => {
  it.each([
    ['90', 90],
    ['90.5', 90.5],
    [' 12 ', 12],
    ['.5', 0.5],
    ['1:30', 90],
    ['01:02:03.5', 3723.5],
    ['00:00:01,250', 1.25],
    ['90:00', 5400],
    ['1m30s', 90],
    ['1h2m3s', 3723],
    ['2m', 120],
    ['45.5s', 45.5],
    ['1H', 3600],
  ])('%s → %s', (s, out) => {
    expect(parseTimeString(s)).toBeCloseTo(out, 9);
  });

  it.each(['', 'abc', '-5', '1:60', '1:60:00', '1::2', '1e3', 'h', 'ms', '1:2:3:4', '12 s', 'NaN', 'Infinity'])(
    'rejects %j',
    (s) => {
      expect(parseTimeString(s)).toBeNull();
    },
  );

  it('rejects non-strings and huge values', () => {
    expect(parseTimeString(12 as unknown as string)).toBeNull();
    expect(parseTimeString('9'.repeat(400))).toBeNull();
  });

  it('round-trips formatTimestamp and never throws', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (s) => {
        expect(parseTimeString(formatTimestamp(s))).toBe(s);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        const t = parseTimeString(s);
        expect(t === null || (Number.isFinite(t) && t >= 0)).toBe(true);
      }),
    );
  });
});
