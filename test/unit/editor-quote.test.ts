import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quoteForSelection, CONTEXT_LIMIT } from '../../src/model/editor/quote-context.js';
import { anchorQuote } from '../../src/model/text-quote.js';

const at = (text: string, phrase: string, nth = 0): [number, number] => {
  let i = -1;
  for (let n = 0; n <= nth; n++) i = text.indexOf(phrase, i + 1);
  if (i < 0) throw new Error(`no ${phrase}`);
  return [i, i + phrase.length];
};

describe('quoteForSelection', () => {
  it('a phrase that occurs once needs no context', () => {
    const text = 'The ferry was taken out of service on the ninth of March.';
    const [s, e] = at(text, 'out of service');
    expect(quoteForSelection(text, s, e)).toEqual({ ok: true, quote: { exact: 'out of service' }, start: s, end: e });
  });

  it('a repeated phrase gets just enough context, in whole words, and anchors back to the selected one', () => {
    const text = 'She said six weeks. Then the board said six months. Later she said six weeks again.';
    const [s, e] = at(text, 'six weeks', 1);
    const r = quoteForSelection(text, s, e);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.quote.exact).toBe('six weeks');
    // "she said" is shared by both; "Later she said" tells them apart, or the suffix " again" does.
    expect(r.quote.suffix ?? r.quote.prefix).toBeTruthy();
    const found = anchorQuote(text, r.quote);
    expect(found).toMatchObject({ found: true, start: s, end: e });
    // Not longer than needed: one side only, one word.
    expect(r.quote.suffix).toBe(' again.');
    expect(r.quote.prefix).toBeUndefined();
  });

  it('the first of two occurrences is told apart by what follows it', () => {
    const text = 'red fox one; red fox two';
    const r = quoteForSelection(text, ...at(text, 'red fox', 0));
    expect(r).toMatchObject({ ok: true, quote: { exact: 'red fox', suffix: ' one;' } });
  });

  it('trims whitespace at the edges of the selection and collapses it inside', () => {
    const text = 'alpha   beta\n\n gamma delta';
    const r = quoteForSelection(text, 5, 20);
    expect(r).toMatchObject({ ok: true, quote: { exact: 'beta gamma' }, start: 8, end: 20 });
  });

  it('an empty or blank selection is refused', () => {
    expect(quoteForSelection('some text', 3, 3)).toEqual({ ok: false, reason: 'empty' });
    expect(quoteForSelection('some   text', 4, 7)).toEqual({ ok: false, reason: 'empty' });
    expect(quoteForSelection('abc\u00ad', 3, 4)).toEqual({ ok: false, reason: 'empty' });
  });

  it('a phrase repeated with the same context on both sides is not unique', () => {
    const block = 'x'.repeat(CONTEXT_LIMIT + 5);
    const text = `${block} same words ${block} same words ${block}`;
    expect(quoteForSelection(text, ...at(text, 'same words', 1))).toEqual({ ok: false, reason: 'not-unique' });
  });

  it('context cut off by the edge of the text still tells two places apart', () => {
    const text = 'ab ab ab';
    const r = quoteForSelection(text, 3, 5);
    expect(r).toMatchObject({ ok: true, quote: { exact: 'ab', prefix: 'ab ' } });
    if (r.ok) expect(anchorQuote(text, r.quote)).toMatchObject({ found: true, start: 3, end: 5 });
  });

  it('tolerates typographic quotes and case in the context (the normalised text decides)', () => {
    const text = '“Nobody was hurt,” she said. Later: nobody was hurt, she said again.';
    const [s, e] = at(text, 'Nobody was hurt');
    const r = quoteForSelection(text, s, e);
    expect(r.ok).toBe(true);
    if (r.ok) expect(anchorQuote(text, r.quote)).toMatchObject({ found: true, start: s, end: e });
  });

  it('bad offsets are clamped, never thrown', () => {
    expect(quoteForSelection('abc', -5, 99)).toMatchObject({ ok: true, quote: { exact: 'abc' } });
    expect(quoteForSelection('abc', Number.NaN, Number.NaN)).toEqual({ ok: false, reason: 'empty' });
  });

  it('is fast on a long repetitive text (linear in the text, n log n in the occurrences)', () => {
    const text = 'the cat sat on the mat. '.repeat(5000) + 'the cat sat on the hat.';
    const t0 = performance.now();
    const r = quoteForSelection(text, text.length - 23, text.length - 16);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(r).toMatchObject({ ok: true, quote: { exact: 'the cat', suffix: ' sat on the hat.' } });
    if (r.ok) expect(anchorQuote(text, r.quote)).toMatchObject({ found: true, start: text.length - 23 });
  });

  it('refuses a quote the viewer would not find (past the occurrences its anchoring scores)', () => {
    const text = 'the cat sat on the mat. '.repeat(20_000) + 'the cat sat on the hat.';
    expect(quoteForSelection(text, text.length - 23, text.length - 16)).toEqual({ ok: false, reason: 'not-anchored' });
  });

  it('property: every accepted quote anchors back to the selection with the viewer\'s algorithm', () => {
    const word = fc.constantFrom('ferry', 'boat', 'six', 'weeks', 'months', 'the', 'board', 'Island', '“no plan”', 'said,', 'Olenne');
    fc.assert(
      fc.property(fc.array(word, { minLength: 3, maxLength: 60 }), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 4 }), (words, a, b, len) => {
        const text = words.join(' ');
        const starts = [...text.matchAll(/\S+/g)].map((m) => m.index!);
        const i = a % starts.length;
        const j = Math.min(starts.length - 1, i + (b % len));
        const start = starts[i]!;
        const end = starts[j]! + text.slice(starts[j]!).split(' ')[0]!.length;
        const r = quoteForSelection(text, start, end);
        if (!r.ok) {
          expect(r.reason).toBe('not-unique');
          return;
        }
        expect(r.start).toBe(start);
        expect(r.end).toBe(end);
        expect(anchorQuote(text, r.quote)).toMatchObject({ found: true, start, end });
      }),
      { numRuns: 400 },
    );
  });
});
