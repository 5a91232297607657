import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import search from 'approx-string-match';
import { STEP_WORK, approximateMatches, type Budget, type Match } from '../../src/model/text-match.js';

function run(text: string, pattern: string, k: number, max = 1000, budget: Budget = { spent: 0 }): { matches: Match[]; steps: number } {
  const gen = approximateMatches(text, pattern, k, budget, max);
  let steps = 0;
  for (;;) {
    const r = gen.next();
    if (r.done) return { matches: r.value, steps };
    steps++;
  }
}

/** Levenshtein distance, the plain way. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
    prev = cur;
  }
  return prev[b.length]!;
}

describe('approximateMatches (Myers, bounded)', () => {
  it('finds an edited occurrence with its errors and its start', () => {
    const text = 'the quick brown fox jumps over the lazy dog';
    const { matches } = run(text, 'quikc brwn fox', 4);
    expect(matches[0]).toMatchObject({ start: 4, end: 19 });
    expect(matches[0]!.errors).toBe(distance('quikc brwn fox', text.slice(4, 19)));
    expect(run(text, 'zzzzzzzz', 2).matches).toEqual([]);
  });

  it('handles patterns longer than a machine word, and characters outside Latin-1', () => {
    const sentence = 'Він сказав, що підрозділ відступив уночі, а не вранці, як писали газети того тижня.';
    const text = `${'шум '.repeat(50)}${sentence}${' шум'.repeat(50)}`;
    const edited = sentence.replace('уночі', 'вночі').replace('газети', 'газета');
    const { matches } = run(text, edited, 10);
    const at = text.indexOf(sentence);
    const best = matches.reduce((a, b) => (b.errors < a.errors ? b : a));
    expect(best).toMatchObject({ start: at, end: at + sentence.length });
    expect(best.errors).toBe(distance(edited, sentence));
  });

  it('a repetitive text gives at most `max` candidates, in bounded steps', () => {
    const text = 'The committee met again. '.repeat(20_000);
    const { matches, steps } = run(text, 'The committee met again and again, and nobody came', 30, 50);
    expect(matches.length).toBeLessThanOrEqual(50);
    expect(matches.length).toBeGreaterThan(0);
    expect(steps).toBeGreaterThan(text.length / STEP_WORK); // at least one block per character, in steps
  });

  it('property: same fewest errors as approx-string-match, each match exact about its errors', () => {
    const textArb = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'é'), maxLength: 90 });
    const patArb = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'é'), minLength: 1, maxLength: 70 });
    fc.assert(
      fc.property(textArb, patArb, fc.nat(20), (text, pattern, k) => {
        const ours = run(text, pattern, k).matches;
        const lib = search(text, pattern, k);
        if (lib.length === 0) expect(ours).toEqual([]);
        else expect(Math.min(...ours.map((m) => m.errors))).toBe(lib[0]!.errors);
        for (const m of ours) {
          expect(m.errors).toBeLessThanOrEqual(k);
          expect(distance(pattern, text.slice(m.start, m.end))).toBe(m.errors);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
