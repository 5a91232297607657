import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as untrusted from '../../src/model/untrusted.js';
import { ABSENT, MAX_PROBLEMS, ProblemList, UNREADABLE, asArray, describe as describeValue, describeTerse, isArray, isRecord, parseJson, readOwn, readProperty, truncate } from '../../src/model/untrusted.js';
import * as safeUrlModule from '../../src/model/safe-url.js';
import { firstAtOrAfter, lastAtOrBefore } from '../../src/model/binary-search.js';

const revocable = Proxy.revocable([], {});
revocable.revoke();
const throwing = new Proxy({}, {
  get() { throw new Error('get'); },
  has() { throw new Error('has'); },
  getOwnPropertyDescriptor() { throw new Error('gopd'); },
});
const getter = { get x(): unknown { throw new Error('getter'); } };
let deep: unknown = [];
for (let i = 0; i < 100_000; i++) deep = [deep];
const hostile: unknown[] = [undefined, null, '', {}, [], 0, NaN, 'text', throwing, revocable.proxy, getter, Symbol('s'), () => 1, 10n, deep, '\ud800', `${'['.repeat(100_000)}${']'.repeat(100_000)}`];

describe('untrusted readers', () => {
  const readers = [...Object.entries(untrusted), ...Object.entries(safeUrlModule)].filter(
    ([name, f]) => typeof f === 'function' && name !== 'ProblemList',
  ) as Array<[string, (...args: unknown[]) => unknown]>;

  it.each(readers)('%s never throws on hostile arguments', (_name, fn) => {
    for (const a of hostile) for (const args of [[a], [a, a], [a, 'x'], [{}, a]]) expect(() => fn(...args)).not.toThrow();
  });

  it('readOwn reads own properties only, and says when one is missing or unreadable', () => {
    expect(readOwn({ a: 1 }, 'a')).toBe(1);
    expect(readOwn({}, 'toString')).toBe(ABSENT);
    expect(readOwn(Object.create({ a: 1 }), 'a')).toBe(ABSENT);
    expect(readOwn(getter, 'x')).toBe(UNREADABLE);
    expect(readOwn(throwing, 'x')).toBe(UNREADABLE);
  });

  it('readProperty reads inherited properties too, and says when a read threw', () => {
    expect(readProperty(Object.create({ a: 1 }), 'a')).toBe(1);
    expect(readProperty({}, 'a')).toBeUndefined();
    expect(readProperty(getter, 'x')).toBe(UNREADABLE);
    expect(readProperty(throwing, 'x')).toBe(UNREADABLE);
  });

  it('isArray and isRecord survive revoked proxies', () => {
    expect(isArray([])).toBe(true);
    expect(isArray(revocable.proxy)).toBe(false);
    expect(isRecord(revocable.proxy)).toBe(false);
    expect(isRecord({})).toBe(true);
    expect(isRecord([])).toBe(false);
    expect(isRecord(null)).toBe(false);
  });

  it('asArray caps what it reads and reads holes as ABSENT', () => {
    expect(asArray([1, , 3], 10)).toEqual({ items: [1, ABSENT, 3], truncated: false });
    const huge: unknown[] = [];
    huge.length = 2 ** 32 - 1;
    expect(asArray(huge, 2)).toEqual({ items: [ABSENT, ABSENT], truncated: true });
    expect(asArray({ length: 1 }, 10)).toBeNull();
  });

  it('describe and describeTerse name values without echoing much of them', () => {
    expect([ABSENT, UNREADABLE, 'x', 2, null, [], {}, undefined, Symbol('s'), revocable.proxy].map(describeValue)).toEqual([
      'nothing (missing)', 'an unreadable value', '"x"', '2', 'null', 'an array', 'an object', 'undefined', 'a symbol', 'an unreadable value',
    ]);
    expect(['x', 2, null, [], {}, undefined, revocable.proxy].map(describeTerse)).toEqual(['"x"', '2', 'null', 'array', 'object', 'undefined', 'object']);
    expect(describeValue('a'.repeat(100))).toBe(JSON.stringify(`${'a'.repeat(60)}…`));
    expect(describeTerse('a'.repeat(100))).toBe(JSON.stringify(`${'a'.repeat(50)}…`));
  });

  it('truncate keeps at most max characters, marking the cut', () => {
    expect(truncate('abc', 5)).toBe('abc');
    expect(truncate('abcdef', 5)).toBe('abcd…');
    expect(truncate('x'.repeat(300))).toHaveLength(200);
  });

  it('parseJson skips one BOM and returns the parser message on failure', () => {
    expect(parseJson('\uFEFF{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    const bad = parseJson('{');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).not.toBe('');
  });

  it('ProblemList caps the list with one summary and truncates details', () => {
    const list = new ProblemList({ kind: 'parse', code: 'bad-field', path: '$' });
    for (let i = 0; i < MAX_PROBLEMS + 5; i++) list.add({ kind: 'parse', code: 'bad-field', detail: 'd'.repeat(300) });
    const problems = list.finish();
    expect(problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(problems[0]!.detail).toHaveLength(200);
    expect(problems[MAX_PROBLEMS]).toEqual({ kind: 'parse', code: 'bad-field', path: '$', detail: '5 more problems not listed' });
    expect(list.finish()).toHaveLength(MAX_PROBLEMS + 1); // finishing again adds nothing
  });
});

describe('binary search', () => {
  it('agrees with a linear scan', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (values, x) => {
        const sorted = Float64Array.from(values).sort();
        let last = -1;
        sorted.forEach((v, i) => {
          if (v <= x) last = i;
        });
        const first = sorted.findIndex((v) => v >= x);
        expect(lastAtOrBefore(sorted, x)).toBe(last);
        expect(firstAtOrAfter(sorted, x)).toBe(first < 0 ? sorted.length : first);
      }),
    );
  });
});
