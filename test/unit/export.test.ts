import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toPlainText, toSRT, toWebVTT } from '../../src/model/export.js';
import { parseWebVTT } from '../../src/model/parse/webvtt.js';
import { parseSRT } from '../../src/model/parse/srt.js';
import { normaliseText } from '../../src/model/parse/cue-text.js';
import { isRollingCaptions } from '../../src/model/parse/rolling.js';
import type { Cue } from '../../src/model/types.js';

const SAMPLE: Cue[] = [
  { id: '0', start: 0, end: 1.5, text: '[music]' },
  { id: 'intro', start: 1.5, end: 4, text: 'Hello & welcome to <the> show.', speaker: 'Ann' },
  { id: '2', start: 4, end: 6.25, text: 'It is a --> arrow\n\nand a second line', speaker: 'Ann' },
  {
    id: 'bad-->id',
    start: 6.25,
    end: 9,
    text: 'Quick brown fox',
    speaker: 'Bob',
    words: [
      { start: 6.25, end: 7, text: 'Quick' },
      { start: 7, end: 8, text: 'brown' },
      { start: 8, end: 9, text: 'fox' },
    ],
  },
  { id: '', start: 3725.5, end: 3727.123, text: 'Бувай, друже!', speaker: 'Bob', lang: 'uk' },
];

const SAMPLE_VTT = `WEBVTT Sample talk
Language: en

0
00:00:00.000 --> 00:00:01.500
[music]

intro
00:00:01.500 --> 00:00:04.000
<v Ann>Hello &amp; welcome to &lt;the&gt; show.

2
00:00:04.000 --> 00:00:06.250
<v Ann>It is a --&gt; arrow
and a second line

4
00:00:06.250 --> 00:00:09.000
<v Bob>Quick <00:00:07.000>brown <00:00:08.000>fox

5
01:02:05.500 --> 01:02:07.123
<v Bob><lang uk>Бувай, друже!</lang>
`;

const SAMPLE_SRT = `1
00:00:00,000 --> 00:00:01,500
[music]

2
00:00:01,500 --> 00:00:04,000
Ann: Hello & welcome to &lt;the> show.

3
00:00:04,000 --> 00:00:06,250
Ann: It is a --&gt; arrow
and a second line

4
00:00:06,250 --> 00:00:09,000
Bob: Quick brown fox

5
01:02:05,500 --> 01:02:07,123
Bob: Бувай, друже!
`;

const SAMPLE_TXT = `Sample talk

[0:00:00] [music]

[0:00:01] Ann: Hello & welcome to <the> show.
[0:00:04] It is a --> arrow and a second line

[0:00:06] Bob: Quick brown fox
[1:02:05] Бувай, друже!
`;

const ms = (t: number): number => Math.round(t * 1000);

describe('toPlainText', () => {
  it('writes the sample exactly', () => {
    expect(toPlainText(SAMPLE, { title: 'Sample talk' })).toBe(SAMPLE_TXT);
  });

  it('leaves out timestamps, speakers and empty cues on request', () => {
    const cues: Cue[] = [
      { id: '1', start: 5, end: 6, text: 'One', speaker: 'Ann' },
      { id: '2', start: 65, end: 66, text: '  ' },
      { id: '3', start: 70, end: 71, text: 'Two\nlines', speaker: 'Bob' },
    ];
    expect(toPlainText(cues)).toBe('[0:05] Ann: One\n\n[1:10] Bob: Two lines\n');
    expect(toPlainText(cues, { timestamps: false })).toBe('Ann: One\n\nBob: Two lines\n');
    expect(toPlainText(cues, { speakers: false })).toBe('[0:05] One\n[1:10] Two lines\n');
    expect(toPlainText(cues, { speakers: false, timestamps: false })).toBe('One\nTwo lines\n');
  });

  it('handles empty and bad input', () => {
    expect(toPlainText([])).toBe('');
    expect(toPlainText([], { title: 'T' })).toBe('T\n');
    expect(toPlainText(null as unknown as Cue[])).toBe('');
    expect(toPlainText([null, { id: 'x', start: NaN, end: NaN, text: 'ok' }] as unknown as Cue[])).toBe('[0:00] ok\n');
  });
});

describe('toWebVTT', () => {
  it('writes the sample exactly', () => {
    expect(toWebVTT(SAMPLE, { lang: 'en', title: 'Sample talk' })).toBe(SAMPLE_VTT);
  });

  it('round-trips the sample through parseWebVTT', async () => {
    const r = await parseWebVTT(toWebVTT(SAMPLE, { lang: 'en', title: 'Sample talk' }));
    expect(r.problems).toEqual([]);
    expect(r.transcript.lang).toBe('en');
    const back = r.transcript.cues;
    expect(back.map((c) => c.id)).toEqual(['0', 'intro', '2', '4', '5']);
    expect(back.map((c) => [ms(c.start), ms(c.end)])).toEqual(SAMPLE.map((c) => [ms(c.start), ms(c.end)]));
    expect(back.map((c) => c.text)).toEqual(SAMPLE.map((c) => normaliseText(c.text)));
    expect(back.map((c) => c.speaker)).toEqual(SAMPLE.map((c) => c.speaker));
    expect(back[3]!.words).toEqual(SAMPLE[3]!.words);
    expect(back[4]!.lang).toBe('uk');
    expect(back.every((c) => c.nodes === undefined)).toBe(true);
  });

  it('writes word starts only; a word that does not start later shares the previous timestamp', async () => {
    const cue: Cue = {
      id: 'w',
      start: 1,
      end: 3,
      text: 'a b c d',
      words: [
        { start: 1.2, end: 1.4, text: 'a' },
        { start: 1.2, end: 1.5, text: 'b' },
        { start: 1.1, end: 1.6, text: 'c' },
        { start: 3.5, end: 4, text: 'd' },
      ],
    };
    const vtt = toWebVTT([cue]);
    expect(vtt).toBe('WEBVTT\n\nw\n00:00:01.000 --> 00:00:03.000\n<00:00:01.200>a b c d\n');
    const back = (await parseWebVTT(vtt)).transcript.cues[0]!;
    expect(back.words?.map((w) => [w.text, w.start, w.end])).toEqual([
      ['a', 1.2, 3],
      ['b', 1.2, 3],
      ['c', 1.2, 3],
      ['d', 1.2, 3],
    ]);
  });

  it('repairs ids and times that WebVTT cannot carry', () => {
    const cues = [
      { id: 'a\nb', start: -1, end: NaN, text: '' },
      { id: '  ', start: 2, end: 1, text: 'x' },
      { id: 'ok', start: 360_000.0004, end: Infinity, text: 'y\r\nz' },
    ] as Cue[];
    expect(toWebVTT(cues, { lang: 'not a tag!', title: 'A\n--> B' })).toBe(
      'WEBVTT A -> B\n\n1\n00:00:00.000 --> 00:00:00.000\n\n2\n00:00:02.000 --> 00:00:02.000\nx\n\n' +
        'ok\n100:00:00.000 --> 100:00:00.000\ny\nz\n',
    );
    expect(toWebVTT([])).toBe('WEBVTT\n');
    expect(toWebVTT(undefined as unknown as Cue[])).toBe('WEBVTT\n');
  });

  it('writes a speaker without text, and escapes speaker names', async () => {
    const vtt = toWebVTT([{ id: '1', start: 0, end: 1, text: '', speaker: 'A <&> B\n C' }]);
    expect(vtt).toBe('WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.000\n<v A &lt;&amp;&gt; B C>\n');
    expect((await parseWebVTT(vtt)).transcript.cues[0]).toMatchObject({ text: '', speaker: 'A <&> B C' });
  });
});

describe('toSRT', () => {
  it('writes the sample exactly', () => {
    expect(toSRT(SAMPLE)).toBe(SAMPLE_SRT);
  });

  it('round-trips the sample through parseSRT (ids become sequence numbers)', async () => {
    const r = await parseSRT(toSRT(SAMPLE));
    expect(r.problems).toEqual([]);
    const back = r.transcript.cues;
    expect(back.map((c) => c.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(back.map((c) => [ms(c.start), ms(c.end)])).toEqual(SAMPLE.map((c) => [ms(c.start), ms(c.end)]));
    expect(back.map((c) => c.text)).toEqual(SAMPLE.map((c) => normaliseText(c.text)));
    expect(back.map((c) => c.speaker)).toEqual(SAMPLE.map((c) => c.speaker));
  });

  it('escapes only what would be read as markup, an entity or a timing line', async () => {
    const text = 'AT&T R&D &amp; &#65; <i>x</i> 1 < 2 <3> {\\an8} a --> b';
    const srt = toSRT([{ id: 'x', start: 0, end: 1, text }]);
    expect(srt).toBe('1\n00:00:00,000 --> 00:00:01,000\nAT&T R&D &amp;amp; &amp;#65; &lt;i>x&lt;/i> 1 < 2 &lt;3> &#123;\\an8} a --&gt; b\n');
    expect((await parseSRT(srt)).transcript.cues[0]!.text).toBe(text);
  });

  it('escapes a 1 MB line of "<a" in linear time (the lookahead to the line end made it quadratic: 17.8 s)', () => {
    const line = '<a'.repeat(500_000);
    const body = (srt: string): string => srt.split('\n')[2]!;
    expect(body(toSRT([{ id: '1', start: 0, end: 1, text: line }]))).toBe(line); // no ">" after any "<"
    expect(body(toSRT([{ id: '1', start: 0, end: 1, text: `${line}>` }]))).toBe(`${'&lt;a'.repeat(500_000)}>`);
    expect(body(toSRT([{ id: '1', start: 0, end: 1, text: `<a>${line}` }]))).toBe(`&lt;a>${line}`);
  });

  it('property: "<" is escaped exactly when a letter, "/" + letter or a digit follows and a ">" comes later', () => {
    const old = (l: string): string => l.replace(/<(?=(?:\/?[A-Za-z]|[0-9])[^\n]*>)/g, '&lt;');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '/', 'a', '1', ' ', '-', 'x'), minLength: 1, maxLength: 24 }), (l) => {
        fc.pre(l.trim() !== '');
        expect(toSRT([{ id: '1', start: 0, end: 1, text: l }]).split('\n')[2]).toBe(old(l).replace(/-->/g, '--&gt;'));
      }),
      { numRuns: 1000 },
    );
  });

  it('handles empty and bad input', () => {
    expect(toSRT([])).toBe('');
    expect(toSRT([{ id: '1', start: 0, end: 1, text: '', speaker: 'Ann' }])).toBe('1\n00:00:00,000 --> 00:00:01,000\nAnn:\n');
    expect(toSRT('nope' as unknown as Cue[])).toBe('');
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

/** Pieces of cue text: markup-like, entity-like, timing-like, line breaks, unicode. No ":" (a
 *  repeated "Name:" start would be read back as a speaker label) and no NUL (read as U+FFFD). */
const piece = fc.oneof(
  fc.constantFrom('<', '>', '&', '&amp;', '&lt', '-->', '<b>', '</i>', '<00:00:01.000>', '{\\an8}', '\n', '\n\n', '\r\n', '\r', ' ', '  ', '\t'),
  fc.constantFrom('a', 'Z', 'é', 'ё', 'ї', '😀', '\u00a0', 'NOTE', 'WEBVTT', '1', '00:00:01,000', '\u2028'),
  fc.string({ unit: 'grapheme', maxLength: 6 }).map((s) => s.replace(/[:\0]/g, '')),
);
const text = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
const wordText = fc.string({ unit: fc.constantFrom('a', 'ü', '<', '&', '>', '-', 'я', '😀'), minLength: 1, maxLength: 5 });

interface Gen {
  kind: 'empty' | 'arrow' | 'newline' | 'free';
  free: string;
  start: number;
  dur: number;
  text: string;
  speaker: string | null;
  words: { offset: number; text: string }[] | null;
}

const genCue: fc.Arbitrary<Gen> = fc.record({
  kind: fc.constantFrom('empty', 'arrow', 'newline', 'free'),
  free: fc.string({ maxLength: 8 }).map((s) => s.replace(/\0/g, '')),
  start: fc.integer({ min: 0, max: 400_000_000 }),
  dur: fc.integer({ min: 0, max: 100_000 }),
  text,
  speaker: fc.option(fc.string({ unit: 'grapheme', maxLength: 10 }).map((s) => s.replace(/\0/g, ''))),
  words: fc.option(fc.array(fc.record({ offset: fc.nat(), text: wordText }), { minLength: 1, maxLength: 5 })),
});

/** Builds cues (integer milliseconds, so times are exact) and the ids expected back. */
function build(gens: Gen[]): { cues: Cue[]; ids: string[] } {
  const ids: string[] = [];
  const cues = gens.map((g, k) => {
    const id = g.kind === 'empty' ? '' : g.kind === 'arrow' ? `a-->${k}` : g.kind === 'newline' ? `l\n${k}` : `${g.free}~${k}`;
    const writable = id.trim() !== '' && !/-->|[\r\n]/.test(id);
    ids.push(writable ? id : String(k + 1));
    const cue: Cue = { id, start: g.start / 1000, end: (g.start + g.dur) / 1000, text: g.text };
    if (g.speaker !== null) cue.speaker = g.speaker;
    if (g.words && g.dur > 0) {
      const starts = g.words.map((w) => g.start + (w.offset % g.dur)).sort((a, b) => a - b);
      // A word ends where the next later word starts (what WebVTT can carry).
      const endOf = (i: number): number => starts.find((t, j) => j > i && t > starts[i]!) ?? g.start + g.dur;
      cue.words = g.words.map((w, i) => ({ start: starts[i]! / 1000, end: endOf(i) / 1000, text: w.text }));
      cue.text = cue.words.map((w) => w.text).join(' ');
    }
    return cue;
  });
  return { cues, ids };
}

const plain = (s: string): string => normaliseText(s.replace(/\r\n|\r/g, '\n'));

describe('export properties', () => {
  it('exported WebVTT parses back to the same ids, times, text, speakers and words', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(genCue, { maxLength: 8 }), async (gens) => {
        const { cues, ids } = build(gens);
        const expectedText = cues.map((c) => plain(c.text));
        fc.pre(!isRollingCaptions(expectedText.map((t, k) => ({ id: String(k), start: 0, end: 0, text: t }))));
        const r = await parseWebVTT(toWebVTT(cues, { lang: 'uk' }));
        const back = r.transcript.cues;
        expect(r.problems.filter((p) => p.code !== 'no-cues')).toEqual([]);
        expect(back.map((c) => c.id)).toEqual(ids);
        expect(back.map((c) => [ms(c.start), ms(c.end)])).toEqual(cues.map((c) => [ms(c.start), ms(c.end)]));
        expect(back.map((c) => c.text)).toEqual(expectedText);
        // A cue without a speaker continues the previous speaker (WebVTT readers' convention).
        let current: string | undefined;
        const speakers = cues.map((c) => {
          const s = (c.speaker ?? '').replace(/\s+/g, ' ').trim();
          if (s) current = s.replace(/[ \t\n\f\r]+/g, ' ').trim() || current;
          return current;
        });
        expect(back.map((c) => c.speaker)).toEqual(speakers);
        cues.forEach((c, k) => {
          if (!c.words) return expect(back[k]!.words).toBeUndefined();
          // WebVTT keeps word starts; a word ends where the next one starts (or at the cue end).
          expect(back[k]!.words).toEqual(c.words);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('exported SRT parses back to the same times and text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(genCue, { maxLength: 8 }), async (gens) => {
        const { cues } = build(gens);
        cues.forEach((c) => delete c.speaker);
        const r = await parseSRT(toSRT(cues));
        const back = r.transcript.cues;
        expect(back.map((c) => [ms(c.start), ms(c.end)])).toEqual(cues.map((c) => [ms(c.start), ms(c.end)]));
        expect(back.map((c) => c.text)).toEqual(cues.map((c) => plain(c.text)));
        expect(back.map((c) => c.id)).toEqual(cues.map((_, k) => String(k + 1)));
      }),
      { numRuns: 300 },
    );
  });
});
