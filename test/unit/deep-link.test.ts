import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDeepLink, MAX_CLAIM_LENGTH, parseDeepLink } from '../../src/model/deep-link.js';

describe('parseDeepLink', () => {
  it.each([
    ['#t=12.5', { time: 12.5 }],
    ['t=12.5', { time: 12.5 }],
    ['#t=npt:12.5', { time: 12.5 }],
    ['#t=1:02:03', { time: 3723 }],
    ['#t=npt:01:02:03.5', { time: 3723.5 }],
    ['#t=12,20', { time: 12 }],
    ['#t=,20', {}],
    ['#t=1m30s', { time: 90 }],
    ['#t=-5', {}],
    ['#t=NaN', {}],
    ['#t=abc', {}],
    ['#t=', {}],
    ['#claim=c1', { claim: 'c1' }],
    ['#claim=%D0%B0%20b', { claim: 'а b' }],
    ['#claim=%E0%A4%A', {}],
    ['#claim=', {}],
    ['#t=12&claim=c2', { time: 12, claim: 'c2' }],
    ['#claim=c2&t=3', { time: 3, claim: 'c2' }],
    ['#section-2', {}],
    ['', {}],
    ['#t=1&t=2', { time: 2 }],
    ['#T=5', {}],
  ])('%s', (hash, out) => {
    expect(parseDeepLink(hash)).toEqual(out);
  });

  it('caps the claim id length', () => {
    expect(parseDeepLink(`#claim=${'a'.repeat(MAX_CLAIM_LENGTH)}`).claim).toHaveLength(MAX_CLAIM_LENGTH);
    expect(parseDeepLink(`#claim=${'a'.repeat(MAX_CLAIM_LENGTH + 1)}`)).toEqual({});
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseDeepLink(s);
        if (r.time !== undefined) expect(Number.isFinite(r.time) && r.time >= 0).toBe(true);
        if (r.claim !== undefined) expect(r.claim.length).toBeLessThanOrEqual(MAX_CLAIM_LENGTH);
      }),
    );
    expect(parseDeepLink(undefined as unknown as string)).toEqual({});
  });

  it('never throws on arbitrary UTF-16 (lone surrogates included), both ways', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        parseDeepLink(a);
        const link = formatDeepLink({ claim: b });
        expect(typeof link).toBe('string');
      }),
    );
    expect(formatDeepLink({ claim: 'x\ud800' })).toBe('');
  });
});

describe('formatDeepLink', () => {
  it('formats', () => {
    expect(formatDeepLink({ time: 12.5 })).toBe('#t=12.5');
    expect(formatDeepLink({ time: 12 })).toBe('#t=12');
    expect(formatDeepLink({ time: 1.23456 })).toBe('#t=1.235');
    expect(formatDeepLink({ claim: 'c 1&x' })).toBe('#claim=c%201%26x');
    expect(formatDeepLink({ time: 3, claim: 'c1' })).toBe('#t=3&claim=c1');
    expect(formatDeepLink({})).toBe('');
    expect(formatDeepLink({ time: -1, claim: '' })).toBe('');
    expect(formatDeepLink({ time: NaN })).toBe('');
  });

  it('round-trips', () => {
    fc.assert(
      fc.property(
        fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: undefined }),
        fc.option(fc.string({ minLength: 1, maxLength: MAX_CLAIM_LENGTH }), { nil: undefined }),
        (time, claim) => {
          const parsed = parseDeepLink(formatDeepLink({ time, claim }));
          if (time === undefined) expect(parsed.time).toBeUndefined();
          else expect(parsed.time).toBeCloseTo(Math.round(time * 1000) / 1000, 6);
          expect(parsed.claim).toBe(claim);
        },
      ),
    );
  });
});
