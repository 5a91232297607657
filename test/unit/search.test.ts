import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WORD_LOOKUP_WINDOW, foldForSearch, prepareSearchIndex, searchCues, searchPrepared, wordRangesForMatch } from '../../src/model/search.js';
import type { SearchMatch } from '../../src/model/search.js';
import type { Cue } from '../../src/model/types.js';

const cue = (text: string, extra: Partial<Cue> = {}): Cue => ({ id: String(Math.random()), start: 0, end: 1, text, ...extra });
const cues = (...texts: string[]): Cue[] => texts.map((t, i) => ({ id: String(i + 1), start: i, end: i + 1, text: t }));
/** The original text each match highlights. */
const hits = (list: Cue[], matches: SearchMatch[]): string[] => matches.map((m) => list[m.cueIndex]!.text.slice(m.start, m.end));

describe('foldForSearch', () => {
  it('lower-cases and strips accents, mapping back to the original', () => {
    const f = foldForSearch('Pâris É');
    expect(f.text).toBe('paris e');
    expect(Array.from(f.map)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('drops combining marks of decomposed text and maps over them', () => {
    const f = foldForSearch('Cafe\u0301 ok');
    expect(f.text).toBe('cafe ok');
    expect(Array.from(f.map)).toEqual([0, 1, 2, 3, 5, 6, 7, 8]);
  });

  it('collapses whitespace runs (line breaks, tabs, no-break spaces) into one space', () => {
    const f = foldForSearch('a \n\t\u00a0b');
    expect(f.text).toBe('a b');
    expect(Array.from(f.map)).toEqual([0, 1, 5, 6]);
  });

  it('folds Cyrillic й ё ї ґ (documented choice) and keeps other letters', () => {
    expect(foldForSearch('Ёлка, йод, Київ, Ґанок, щука').text).toBe('елка, иод, киів, ганок, щука');
    // Ukrainian і stays the Cyrillic і, never the Latin i.
    expect(foldForSearch('ї').text).toBe('\u0456');
  });

  it('folds apostrophe and quote variants', () => {
    for (const s of ["м'ята", 'м’ята', 'мʼята', 'м`ята', 'м‘ята']) expect(foldForSearch(s).text).toBe("м'ята");
    expect(foldForSearch('“a” «b» „c“').text).toBe('"a" "b" "c"');
  });

  it('expands letters without decomposition and ligatures, mapping each piece to its source', () => {
    const f = foldForSearch('Straße ﬁn Œuvre Łódź');
    expect(f.text).toBe('strasse fin oeuvre lodz');
    expect(f.map[4]).toBe(4); // "s" of ß
    expect(f.map[5]).toBe(4); // second "s" of ß
    expect(f.map[f.text.length]).toBe('Straße ﬁn Œuvre Łódź'.length);
  });

  it('drops soft hyphens and zero-width characters; keeps astral characters whole', () => {
    expect(foldForSearch('in\u00adcre\u200bdible').text).toBe('incredible');
    const f = foldForSearch('a😀B');
    expect(f.text).toBe('a😀b');
    expect(Array.from(f.map)).toEqual([0, 1, 1, 3, 4]);
  });

  it('property: the map has one entry per folded unit plus one, ascending, ending at the length', () => {
    const unit = fc.constantFrom('a', 'Z', 'ß', 'ﬃ', 'ﷺ', 'İ', 'Σ', '😀', '\ud800', ' ', '\n\t', 'e\u0301', '\u00ad', 'Ё', '\0', '`');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (src) => {
        const { text, map } = foldForSearch(src);
        expect(map.length).toBe(text.length + 1);
        expect(map[text.length]).toBe(src.length);
        for (let k = 1; k < map.length; k++) expect(map[k]!).toBeGreaterThanOrEqual(map[k - 1]!);
        expect(text).not.toMatch(/ {2}|\n/);
      }),
      { numRuns: 300 },
    );
  });

  it('the prepared index folds exactly like foldForSearch', () => {
    const texts = ['Straße', 'a\0b', '', 'ﬃ  x', 'İstanbul Σ', ' lead', 'tail '];
    const index = prepareSearchIndex(cues(...texts));
    expect(index.text).toBe(texts.map((t) => foldForSearch(t).text).join('\n'));
  });

  it('never throws on bad input', () => {
    expect(foldForSearch(undefined as unknown as string)).toEqual({ text: '', map: Int32Array.from([0]) });
    expect(foldForSearch('\ud800x').text).toBe('\ud800x');
  });
});

describe('searchCues', () => {
  it('"paris" finds "Pâris", highlighting the original text', () => {
    const list = cues('Welcome to Pâris.', 'PARIS again', 'no match');
    const m = searchCues(list, 'paris');
    expect(m).toEqual([
      { cueIndex: 0, start: 11, end: 16 },
      { cueIndex: 1, start: 0, end: 5 },
    ]);
    expect(hits(list, m)).toEqual(['Pâris', 'PARIS']);
  });

  it('"ЕЛКА" and "елка" find "ёлка" and "Ёлка"', () => {
    const list = cues('Новогодняя ёлка стоит.', 'Ёлка!', 'Елка без точек', 'палка');
    for (const q of ['ЕЛКА', 'елка', 'ёлка']) {
      expect(hits(list, searchCues(list, q))).toEqual(['ёлка', 'Ёлка', 'Елка']);
    }
  });

  it('"харбор" finds only the Cyrillic word: no transliteration, no false hits', () => {
    const list = cues('Pearl Harbor', 'Харбор-Сити', 'харборский порт', 'хардборд', 'Харбин');
    expect(hits(list, searchCues(list, 'харбор'))).toEqual(['Харбор', 'харбор']);
    expect(hits(list, searchCues(list, 'harbor'))).toEqual(['Harbor']);
    expect(searchCues(list, 'харбор').map((m) => m.cueIndex)).toEqual([1, 2]);
  });

  it('Ukrainian ї, й, ґ: typed with or without marks', () => {
    const list = cues('Київ і Львів', 'мій ґанок', 'Їжак');
    expect(hits(list, searchCues(list, 'киів'))).toEqual(['Київ']);
    expect(hits(list, searchCues(list, 'КИЇВ'))).toEqual(['Київ']);
    expect(hits(list, searchCues(list, 'міи ганок'))).toEqual(['мій ґанок']);
    expect(hits(list, searchCues(list, 'МІЙ ҐАНОК'))).toEqual(['мій ґанок']);
    expect(hits(list, searchCues(list, 'іжак'))).toEqual(['Їжак']);
    // The Latin "i" is another letter.
    expect(searchCues(list, 'kиiв')).toEqual([]);
  });

  it('apostrophe variants match each other', () => {
    const list = cues('свіжа м’ята', "м'ята", 'мʼята і ще м`ята');
    expect(hits(list, searchCues(list, "м'ята"))).toEqual(['м’ята', "м'ята", 'мʼята', 'м`ята']);
    expect(searchCues(list, 'м’ята')).toEqual(searchCues(list, "м'ята"));
  });

  it('multi-word queries match across whitespace differences, including line breaks', () => {
    const list = cues('hello\n  world', 'Hello world', 'hello, world');
    const m = searchCues(list, '  hello   WORLD ');
    expect(hits(list, m)).toEqual(['hello\n  world', 'Hello world']);
  });

  it('returns all non-overlapping matches in cue then offset order', () => {
    const list = cues('aaaaa', 'xa ya', 'none');
    expect(searchCues(list, 'aa')).toEqual([
      { cueIndex: 0, start: 0, end: 2 },
      { cueIndex: 0, start: 2, end: 4 },
    ]);
    expect(searchCues(list, 'A').map((m) => [m.cueIndex, m.start])).toEqual([
      [0, 0], [0, 1], [0, 2], [0, 3], [0, 4], [1, 1], [1, 4],
    ]);
  });

  it('a match ending inside an expansion covers the whole original letter', () => {
    const list = cues('Straße');
    expect(hits(list, searchCues(list, 'stras'))).toEqual(['Straß']);
    expect(hits(list, searchCues(list, 'STRASSE'))).toEqual(['Straße']);
    const cafe = cues('Café', 'Cafe\u0301 au lait');
    expect(hits(cafe, searchCues(cafe, 'cafe'))).toEqual(['Café', 'Cafe\u0301']);
    expect(hits(cafe, searchCues(cafe, 'CAFÉ AU'))).toEqual(['Cafe\u0301 au']);
  });

  it('empty and whitespace queries find nothing; maxMatches caps the result', () => {
    const list = cues('a a a', 'a');
    expect(searchCues(list, '')).toEqual([]);
    expect(searchCues(list, ' \n\t ')).toEqual([]);
    expect(searchCues(list, '\u0301')).toEqual([]);
    expect(searchCues(list, 'a', { maxMatches: 2 })).toHaveLength(2);
    expect(searchCues(list, 'a', { maxMatches: 0 })).toEqual([]);
    expect(searchCues(list, 'a')).toHaveLength(4);
  });

  it('never throws on bad input', () => {
    expect(searchCues(null as unknown as Cue[], 'a')).toEqual([]);
    expect(searchCues([{ id: '1' } as Cue, null as unknown as Cue, cue('a')], 'a')).toEqual([{ cueIndex: 2, start: 0, end: 1 }]);
    expect(searchCues(cues('a'), undefined as unknown as string)).toEqual([]);
  });

  it('a match never spans two cues', () => {
    expect(searchCues(cues('end of one', 'start of two'), 'one start')).toEqual([]);
  });

  it('property: any piece of a cue is found, and every highlight folds to the query', () => {
    const unit = fc.constantFrom('a', 'B', 'é', 'e\u0301', 'ß', 'Ё', 'е', 'й', 'ї', 'ґ', '’', "'", ' ', '\n', '\t', 'ﬁ', 'İ', '😀', 'x', '.');
    fc.assert(
      fc.property(fc.array(fc.string({ unit, maxLength: 30 }), { minLength: 1, maxLength: 5 }), fc.nat(), fc.nat(), fc.nat(), (texts, which, a, b) => {
        const list = cues(...texts);
        const text = texts[which % texts.length]!;
        const i = a % (text.length + 1);
        const j = i + (b % (text.length - i + 1));
        const query = text.slice(i, j);
        const q = foldForSearch(query).text.trim();
        const matches = searchCues(list, query);
        if (q) expect(matches.some((m) => m.cueIndex === which % texts.length)).toBe(true);
        let last = { cueIndex: -1, end: 0 };
        for (const m of matches) {
          expect(foldForSearch(list[m.cueIndex]!.text.slice(m.start, m.end)).text).toContain(q);
          if (m.cueIndex === last.cueIndex) expect(m.start).toBeGreaterThanOrEqual(last.end);
          else expect(m.cueIndex).toBeGreaterThan(last.cueIndex);
          last = m;
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('prepared search on a long transcript', () => {
  const VOCAB = ('the of and to in is that it was for on are with as they be at one have this from ' +
    'Pâris ёлка Київ харбор м’ята straße harbour naïve café résumé world hello quick brown fox').split(' ');

  it('measures one query on 20 000 cues of ~12 words', () => {
    let seed = 42;
    const rnd = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const list: Cue[] = [];
    for (let i = 0; i < 20_000; i++) {
      const words = Array.from({ length: 10 + rnd(5) }, () => VOCAB[rnd(VOCAB.length)]!);
      list.push({ id: String(i + 1), start: i * 3, end: i * 3 + 3, text: words.join(' ') });
    }
    const t0 = performance.now();
    const index = prepareSearchIndex(list);
    const prepareMs = performance.now() - t0;

    const queries = ['paris', 'ЕЛКА', 'quick brown', 'zzz not there', 'the', "м'ята"];
    const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;
    const all: number[] = [];
    const per: string[] = [];
    let found = 0;
    for (const q of queries) {
      const runs: number[] = [];
      let count = 0;
      for (let r = 0; r < 9; r++) {
        const s = performance.now();
        count = searchPrepared(index, q).length;
        runs.push(performance.now() - s);
      }
      found += count;
      all.push(...runs);
      per.push(`"${q}" ${median(runs).toFixed(2)} ms (${count} matches)`);
    }
    console.log(
      `search on 20000 cues: prepare ${prepareMs.toFixed(1)} ms; one query median ${median(all).toFixed(2)} ms ` +
        `over ${all.length} runs; per query: ${per.join(', ')}`,
    );
    expect(found).toBeGreaterThan(0);
    expect(searchPrepared(index, 'the', { maxMatches: 5 })).toHaveLength(5);
  });
});

describe('wordRangesForMatch', () => {
  const words = (...t: string[]): Cue['words'] => t.map((text, i) => ({ start: i, end: i + 1, text }));

  it('maps a match to the words it overlaps (text = words joined by spaces)', () => {
    const c = cue('The quick brown fox', { words: words('The', 'quick', 'brown', 'fox') });
    const [m] = searchCues([c], 'quick brown');
    expect(wordRangesForMatch(c, m!)).toEqual([1, 2]);
    expect(wordRangesForMatch(c, { cueIndex: 0, start: 6, end: 7 })).toEqual([1]);
    // The space between two words belongs to neither.
    expect(wordRangesForMatch(c, { cueIndex: 0, start: 9, end: 10 })).toEqual([]);
    expect(wordRangesForMatch(c, { cueIndex: 0, start: 8, end: 11 })).toEqual([1, 2]);
  });

  it('falls back to finding each word in order when the text differs from the joined words', () => {
    const c = cue('The quick\nbrown  fox, the end', { words: words('The', 'quick', 'brown', 'fox,', 'missing', 'the', 'end') });
    const m = searchCues([c], 'brown fox');
    expect(wordRangesForMatch(c, m[0]!)).toEqual([2, 3]);
    const the = searchCues([c], 'the');
    expect(the.map((x) => wordRangesForMatch(c, x))).toEqual([[0], [5]]);
  });

  it('returns [] without words or for an empty match', () => {
    expect(wordRangesForMatch(cue('abc'), { cueIndex: 0, start: 0, end: 2 })).toEqual([]);
    const c = cue('a b', { words: words('a', 'b') });
    expect(wordRangesForMatch(c, { cueIndex: 0, start: 1, end: 1 })).toEqual([]);
    expect(wordRangesForMatch(null as unknown as Cue, { cueIndex: 0, start: 0, end: 1 })).toEqual([]);
  });

  it('a line of 100 000 words, half of them not in its text: positions once, then a binary search per match', () => {
    const n = 100_000;
    const list = Array.from({ length: n }, (_, i) => ({ start: i, end: i + 1, text: `w${i % 100}` }));
    // Odd words carry a "!" the text lacks: they have no position (each used to cost a scan to the end).
    const c = cue(`${list.map((w) => w.text).join(' ')}.`, { words: list.map((w, i) => (i % 2 ? { ...w, text: `${w.text}!` } : w)) });
    const matches = searchCues([c], 'w10 ');
    expect(matches).toHaveLength(n / 100);
    const found = matches.map((m) => wordRangesForMatch(c, m));
    expect(found[0]).toEqual([10]);
    expect(found[found.length - 1]).toEqual([n - 90]);
    expect(wordRangesForMatch(c, { cueIndex: 0, start: 0, end: c.text.length })).toHaveLength(n / 2);
  });

  it(`a word is looked for at most WORD_LOOKUP_WINDOW (${WORD_LOOKUP_WINDOW}) characters after the previous one`, () => {
    const gap = ' '.repeat(WORD_LOOKUP_WINDOW + 1);
    const c = cue(`alpha,${gap}beta gamma`, { words: words('alpha', 'beta', 'gamma') });
    expect(wordRangesForMatch(c, searchCues([c], 'gamma')[0]!)).toEqual([]); // "beta" is too far: "gamma" is looked for after "alpha"
    const near = cue(`alpha, beta gamma`, { words: words('alpha', 'beta', 'gamma') });
    expect(wordRangesForMatch(near, searchCues([near], 'gamma')[0]!)).toEqual([2]);
  });

  it('positions follow the cue when its text or words change', () => {
    const c = cue('one two', { words: words('one', 'two') });
    expect(wordRangesForMatch(c, { cueIndex: 0, start: 4, end: 7 })).toEqual([1]);
    c.text = 'two one';
    c.words = words('two', 'one');
    expect(wordRangesForMatch(c, { cueIndex: 0, start: 4, end: 7 })).toEqual([1]);
    c.words!.push({ start: 2, end: 3, text: 'three' });
    c.text = 'two one three';
    expect(wordRangesForMatch(c, { cueIndex: 0, start: 8, end: 13 })).toEqual([2]);
  });

  it('property: agrees with looking every word up in turn (the documented rule)', () => {
    const reference = (cueValue: Cue, m: SearchMatch): number[] => {
      const texts = (cueValue.words ?? []).map((w) => w.text);
      const joined = texts.join(' ') === cueValue.text;
      const out: number[] = [];
      let cursor = 0;
      texts.forEach((t, k) => {
        const at = joined ? cursor : t ? cueValue.text.indexOf(t, cursor) : -1;
        if (at < 0) return;
        const end = at + t.length;
        cursor = joined ? end + 1 : end;
        if (at < m.end && end > m.start) out.push(k);
      });
      return out;
    };
    const token = fc.constantFrom('a', 'b', 'ab', 'ba', '', ',', 'a,');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 10 }), fc.array(token, { maxLength: 10 }), fc.nat(30), fc.nat(30), (ws, textParts, a, b) => {
        const text = textParts.length ? textParts.join(' ') : ws.join(' ');
        const c = cue(text, { words: words(...ws) });
        const m = { cueIndex: 0, start: Math.min(a, b), end: Math.max(a, b) };
        expect(wordRangesForMatch(c, m)).toEqual(m.end > m.start && ws.length ? reference(c, m) : []);
      }),
      { numRuns: 500 },
    );
  });
});
