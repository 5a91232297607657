import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  MAX_FUZZY_QUOTE,
  MAX_OCCURRENCES,
  anchorProblem,
  anchorQuote,
  anchorQuotesAsync,
  anchorQuotesIncrementally,
  normaliseForMatch,
  prepareText,
  type AnchorResult,
  type AnchorStep,
  type TextQuote,
} from '../../src/model/text-quote.js';

/** The original text the result points at. */
function hit(text: string, r: AnchorResult): string {
  expect(r.found).toBe(true);
  return r.found ? text.slice(r.start, r.end) : '';
}

describe('normaliseForMatch', () => {
  it('collapses whitespace, folds quotes and dashes, lower-cases, keeps the map', () => {
    const src = '  Héllo\u00a0\t“World” — it’s\n\nﬁne e\u0301 so\u00adft « Ok » ‐ ‘x’ ′ –';
    const { text, map } = normaliseForMatch(src);
    expect(text).toBe(` héllo "world" - it's fine é soft " ok " - 'x' ' -`);
    expect(map).toHaveLength(text.length + 1);
    expect(map[map.length - 1]).toBe(src.length);
    for (let i = 1; i < map.length; i++) expect(map[i]!).toBeGreaterThanOrEqual(map[i - 1]!);
    // "é" made of e + U+0301 maps to the "e"; the ligature's two letters map to the ligature.
    expect(src[map[text.indexOf('é ')]!]).toBe('e');
    expect(map[text.indexOf('fi')]).toBe(map[text.indexOf('fi') + 1]);
  });

  it('matches composed and decomposed, upper and lower case, Cyrillic and apostrophes', () => {
    expect(normaliseForMatch('ÉCOLE').text).toBe(normaliseForMatch('e\u0301cole').text);
    expect(normaliseForMatch('Мʼята П’ЯТЬ').text).toBe("м'ята п'ять");
  });

  it('keeps letters (no accent stripping) and handles empty and odd input', () => {
    expect(normaliseForMatch('café').text).toBe('café');
    expect(normaliseForMatch('')).toEqual({ text: '', map: [0] });
    expect(normaliseForMatch(undefined as unknown as string)).toEqual({ text: '', map: [0] });
    expect(normaliseForMatch('\ud800x').text).toBe('\ud800x'); // lone surrogate survives
  });
});

describe('anchorQuote', () => {
  const text =
    'The soldier said that the unit “withdrew at night”. Officers disagreed.\n' +
    'Later, the soldier said that the unit stayed until morning. Nobody asked why.';

  it('finds an exact quote at its original offsets', () => {
    const r = anchorQuote(text, { exact: 'Officers disagreed.' });
    expect(hit(text, r)).toBe('Officers disagreed.');
    expect(r.score).toBe(1);
  });

  it('chooses among repeated quotes by prefix, by suffix, and by hint', () => {
    const exact = 'the soldier said that the unit';
    const second = text.lastIndexOf('the soldier');
    expect(anchorQuote(text, { exact, prefix: 'Later, ' })).toMatchObject({ found: true, start: second });
    expect(anchorQuote(text, { exact, suffix: ' stayed until' })).toMatchObject({ found: true, start: second });
    expect(anchorQuote(text, { exact, suffix: ' “withdrew' })).toMatchObject({ found: true, start: 0 });
    expect(anchorQuote(text, { exact })).toMatchObject({ found: true, start: 0 });
    expect(anchorQuote(text, { exact }, { hint: second + 3 })).toMatchObject({ found: true, start: second });
  });

  it('tolerates whitespace, line breaks and typographic quotes', () => {
    const r = anchorQuote(text, { exact: 'the unit "withdrew at night". officers   disagreed. later,' });
    expect(hit(text, r)).toBe('the unit “withdrew at night”. Officers disagreed.\nLater,');
    const dashes = 'Він сказав — «ми відступили вночі» — і замовк.';
    expect(hit(dashes, anchorQuote(dashes, { exact: 'сказав - "ми відступили вночі" -' }))).toBe('сказав — «ми відступили вночі» —');
  });

  it('accepts a quote with a couple of typos or small edits', () => {
    const r = anchorQuote(text, { exact: 'the soldier sayd that the unit stayed untill morning', prefix: 'Later, ' });
    expect(hit(text, r)).toBe('the soldier said that the unit stayed until morning');
    expect(r.score).toBeGreaterThan(0.9);
    const edited = anchorQuote(text, { exact: 'Officers had disagreed. Later the soldier said that' });
    expect(hit(text, edited)).toBe('Officers disagreed.\nLater, the soldier said that');
  });

  it('rejects unrelated text, reporting the closest candidate and its score', () => {
    const r = anchorQuote(text, { exact: 'The minister promised new roads for every village in the region' });
    expect(r.found).toBe(false);
    if (r.found) return;
    expect(r.score).toBeLessThan(0.75);
    expect(r.score).toBeGreaterThan(0);
    expect(typeof r.candidate).toBe('string');
    expect(r.candidate!.length).toBeLessThanOrEqual(120);
  });

  it('rejects an approximate match whose context disagrees', () => {
    // 4 edits in 30 characters (≈ 13 %) and a context that is not there: not confident enough.
    const r = anchorQuote(text, { exact: 'Nobody asked them why it was', prefix: 'completely different', suffix: 'unrelated words' });
    expect(r.found).toBe(false);
  });

  it('an exact match is accepted even when its context changed', () => {
    const r = anchorQuote(text, { exact: 'Officers disagreed.', prefix: 'something else entirely', suffix: 'and more of it' });
    expect(hit(text, r)).toBe('Officers disagreed.');
    expect(r.score).toBeGreaterThanOrEqual(0.75);
  });

  it('prefers a slightly edited passage in the right context over the same words elsewhere', () => {
    const t = 'In short, the board will close the line. ' + 'Filler sentence number one. '.repeat(5) +
      'Olenne has confirmed that the board will close this line, which means a long wait.';
    const r = anchorQuote(t, { exact: 'the board will close the line', prefix: 'Olenne has confirmed that ', suffix: ', which means a long' });
    expect(hit(t, r)).toBe('the board will close this line');
  });

  it('short quotes only match exactly', () => {
    expect(anchorQuote(text, { exact: 'the arms' }).found).toBe(false);
    expect(hit(text, anchorQuote(text, { exact: 'the unit' }))).toBe('the unit');
  });

  it('finds quotes at the very start and end of the text', () => {
    const start = anchorQuote(text, { exact: 'The soldier said', prefix: 'something before', suffix: ' that the unit' });
    expect(start).toMatchObject({ found: true, start: 0 });
    const end = anchorQuote(text, { exact: 'Nobody asked why.', prefix: 'morning. ', suffix: 'after' });
    expect(end).toMatchObject({ found: true, end: text.length });
  });

  it('finds a long quote with edits (head/tail search)', () => {
    const sentence = 'This is sentence number N of a long and fairly repetitive statement that goes on. ';
    const long = Array.from({ length: 200 }, (_, i) => sentence.replace('N', String(i))).join('');
    const at = long.indexOf('sentence number 120 ');
    const exact = long.slice(at, at + 600).replace(/fairly/g, 'rather');
    const r = anchorQuote(long, { exact });
    expect(r).toMatchObject({ found: true, start: at });
    if (r.found) expect(Math.abs(r.end - (at + 600))).toBeLessThan(5);
  });

  it('handles empty and degenerate input without throwing', () => {
    expect(anchorQuote('', { exact: 'x' })).toEqual({ found: false, score: 0 });
    expect(anchorQuote(text, { exact: '' })).toEqual({ found: false, score: 0 });
    expect(anchorQuote(text, { exact: '   ' })).toEqual({ found: false, score: 0 });
    expect(anchorQuote(text, { exact: 'x'.repeat(100_000) }).found).toBe(false);
  });

  it('a prepared text gives the same results', () => {
    const p = prepareText(text);
    const q: TextQuote = { exact: 'stayed until morning' };
    expect(anchorQuote(p, q)).toEqual(anchorQuote(text, q));
  });

  it('property: any substring of ≥ 20 characters is found at its position given prefix and suffix', () => {
    const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFG  \n.,“”’—-0123456789';
    const textArb = fc.string({ unit: fc.constantFrom(...alphabet), minLength: 60, maxLength: 400 });
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat(), (t, a, b) => {
        const start = a % (t.length - 20);
        const end = start + 20 + (b % (t.length - start - 19));
        fc.pre(!/\s/.test(t[start]!) && !/\s/.test(t[end - 1]!));
        const quote = { exact: t.slice(start, end), prefix: t.slice(Math.max(0, start - 32), start), suffix: t.slice(end, end + 32) };
        const r = anchorQuote(t, quote);
        expect(r).toMatchObject({ found: true, start, end });
      }),
      { numRuns: 300 },
    );
  });
});

describe('incremental anchoring', () => {
  const text = 'Alpha beta gamma. Delta epsilon zeta. Eta theta iota. '.repeat(10);
  const quotes: TextQuote[] = [{ exact: 'Delta epsilon zeta' }, { exact: 'nothing like this here at all, truly' }, { exact: 'Eta theta iota' }];

  it('yields steps, delivers each result, and returns them all', () => {
    const gen = anchorQuotesIncrementally(text, quotes);
    const steps: AnchorStep[] = [];
    let r = gen.next();
    while (!r.done) {
      steps.push(r.value);
      r = gen.next();
    }
    expect(r.value).toEqual(quotes.map((q) => anchorQuote(text, q)));
    expect(steps.filter((s) => s.phase === 'done').map((s) => s.phase === 'done' && s.index)).toEqual([0, 1, 2]);
  });

  it('anchorQuotesAsync reports results, and stops on abort', async () => {
    const seen: number[] = [];
    const results = await anchorQuotesAsync(text, quotes, { onResult: (i) => seen.push(i), budgetMs: 0 });
    expect(seen).toEqual([0, 1, 2]);
    expect(results.map((r) => r.found)).toEqual([true, false, true]);
    const controller = new AbortController();
    controller.abort();
    expect(await anchorQuotesAsync(text, quotes, { signal: controller.signal })).toEqual(quotes.map(() => ({ found: false, score: 0 })));
  });

  it('anchorProblem describes a miss and ignores a hit', () => {
    expect(anchorProblem('c1', { found: true, start: 0, end: 1, score: 1 })).toBeNull();
    expect(anchorProblem('c2', { found: false, candidate: 'close text', score: 0.61234 })).toEqual({
      kind: 'anchor',
      code: 'claim-not-found',
      id: 'c2',
      candidate: 'close text',
      score: 0.612,
    });
  });

  it('5 MB of text: yields in bounded steps; logs the time to anchor one claim', () => {
    const words = 'the of and to in is that it was for on are with as his they be at one have this from or had by word but what some we can out other were all there when up use your how said an each she which do their time if will way about many then them would write like'.split(' ');
    let seed = 7;
    const parts: string[] = [];
    for (let len = 0; len < 5_000_000; ) {
      seed = (seed * 48271) % 2147483647;
      const w = words[seed % words.length]!;
      parts.push(seed % 13 === 0 ? `${w}.\n` : w);
      len += w.length + 1;
    }
    const big = parts.join(' ');
    const t0 = performance.now();
    const prepared = prepareText(big);
    const prepareMs = performance.now() - t0;
    const at = 3_000_000;
    const exact = big.slice(at, at + 140);
    const typo = `${exact.slice(0, 40)}x${exact.slice(41, 90)}yz${exact.slice(92)}`;
    const context = { prefix: big.slice(at - 40, at), suffix: big.slice(at + 140, at + 180) };
    const time = (q: TextQuote): { ms: number; r: AnchorResult } => {
      const t = performance.now();
      const r = anchorQuote(prepared, q);
      return { ms: performance.now() - t, r };
    };
    const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const exactRuns = [1, 2, 3, 4, 5].map(() => time({ exact, ...context }));
    const fuzzyRuns = [1, 2, 3, 4, 5].map(() => time({ exact: typo, ...context }));
    const missRuns = [1, 2, 3].map(() => time({ exact: 'The minister promised new roads for every village in the region, twice.' }));
    expect(exactRuns[0]!.r).toMatchObject({ found: true, start: at });
    expect(fuzzyRuns[0]!.r).toMatchObject({ found: true, start: at });
    expect(missRuns[0]!.r.found).toBe(false);
    // Each incremental step is bounded (about 256 K characters of work).
    let steps = 0;
    for (const s of anchorQuotesIncrementally(prepared, [{ exact: typo }])) if (s.phase === 'search') steps++;
    expect(steps).toBeGreaterThan(10);
    console.log(
      `[text-quote] 5 MB: prepare ${prepareMs.toFixed(0)} ms; one claim, median of runs: ` +
        `exact ${median(exactRuns.map((x) => x.ms)).toFixed(1)} ms, ` +
        `with typos ${median(fuzzyRuns.map((x) => x.ms)).toFixed(0)} ms, ` +
        `absent ${median(missRuns.map((x) => x.ms)).toFixed(0)} ms; ${steps} steps`,
    );
  }, 120_000);
});

describe('bounded work on hostile articles', () => {
  const vocab = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet'];
  let seed = 3;
  let absent = '';
  while (absent.length < 900) {
    seed = (seed * 48271) % 2147483647;
    absent += `${vocab[seed % vocab.length]} `;
  }
  absent = absent.slice(0, 900);
  const repetitive = 'The committee met again. '.repeat(8_000); // 200 KB

  it('a repetitive article and an absent 900-character quote: a miss with its closest text (was 16.8 s, unyielding)', () => {
    const r = anchorQuote(repetitive, { exact: absent });
    expect(r.found).toBe(false);
    if (r.found) return;
    expect(r.score).toBeLessThan(0.75);
    expect(r.candidate).toMatch(/committee met again/);
    // Text that is there is still found (the first of its many occurrences).
    expect(anchorQuote(repetitive, { exact: repetitive.slice(250, 1150) })).toMatchObject({ found: true, start: 0, score: 1 });
  });

  it('anchorQuotesAsync on it yields step after step, and delivers every result', async () => {
    let yields = 0;
    const quotes = [{ exact: absent }, { exact: 'the committee met again' }, { exact: absent.slice(0, 200) }];
    const results = await anchorQuotesAsync(repetitive, quotes, {
      budgetMs: 0,
      yieldToEventLoop: async () => {
        yields++;
      },
    });
    expect(results.map((x) => x.found)).toEqual([false, true, false]);
    expect(yields).toBeGreaterThan(50);
  });

  it('property: never throws; a hit lies inside the text, a miss carries at most a 120-character candidate', () => {
    const unit = fc.constantFrom('a', 'b', ' ', 'é', '\u0301', '“', '\ud800', 'ﬁ', '\n', '.');
    const str = fc.string({ unit, maxLength: 60 });
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 400 }), str, fc.option(str), fc.option(str), (text, exact, prefix, suffix) => {
        const quote: TextQuote = { exact };
        if (prefix !== null) quote.prefix = prefix;
        if (suffix !== null) quote.suffix = suffix;
        const r = anchorQuote(text, quote);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(1);
        if (r.found) {
          expect(0 <= r.start && r.start <= r.end && r.end <= text.length).toBe(true);
        } else if (r.candidate !== undefined) expect(r.candidate.length).toBeLessThanOrEqual(120);
      }),
      { numRuns: 300 },
    );
  });

  it(`a quote longer than MAX_FUZZY_QUOTE (${MAX_FUZZY_QUOTE}) only matches exactly`, () => {
    const long = Array.from({ length: 400 }, (_, i) => `sentence ${i} of the statement.`).join(' ');
    const at = long.indexOf('sentence 5 ');
    const exact = long.slice(at, at + MAX_FUZZY_QUOTE + 100);
    expect(anchorQuote(long, { exact })).toMatchObject({ found: true, start: at });
    expect(anchorQuote(long, { exact: `${exact.slice(0, 500)}X${exact.slice(501)}` })).toEqual({ found: false, score: 0 });
  });

  it(`a quote occurring more than MAX_OCCURRENCES (${MAX_OCCURRENCES}) times is placed among the first ones`, () => {
    const text = 'abcdefghijklm '.repeat(MAX_OCCURRENCES + 500);
    const r = anchorQuote(text, { exact: 'abcdefghijklm' }, { hint: text.length });
    expect(r.found).toBe(true);
    if (r.found) expect(r.start).toBe((MAX_OCCURRENCES - 1) * 14);
  });
});

describe('real article text', () => {
  const read = (path: string): string | null => {
    try {
      return readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');
    } catch {
      return null;
    }
  };

  it('anchors every claim of the sample annotation file in its article', () => {
    const article = read('../fixtures/annotations/article.txt')!;
    const { claims } = JSON.parse(read('../fixtures/annotations/valid.json')!) as { claims: Array<{ quote: TextQuote }> };
    for (const { quote } of claims) {
      const r = anchorQuote(article, quote);
      expect(normaliseForMatch(hit(article, r)).text, quote.exact).toBe(normaliseForMatch(quote.exact).text);
    }
  });

  // The demo's own data (when present): the claims must anchor in the article's text content.
  const html = read('../../data/demo/article.html');
  const demo = read('../../data/demo/annotations.json');
  it.runIf(html !== null && demo !== null)('anchors every claim of the demo in the demo article', () => {
    const text = html!
      .replace(/<[^>]*>/g, '')
      .replace(/&nbsp;/g, '\u00a0')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    const { claims } = JSON.parse(demo!) as { claims: Array<{ id: string; quote: TextQuote }> };
    const results = [...(function* () {
      const gen = anchorQuotesIncrementally(text, claims.map((c) => c.quote));
      for (let r = gen.next(); !r.done; r = gen.next()) if (r.value.phase === 'done') yield r.value.result;
    })()];
    results.forEach((r, i) => {
      expect(r, claims[i]!.id).toMatchObject({ found: true, score: 1 });
    });
  });
});
