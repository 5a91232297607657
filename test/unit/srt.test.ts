import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSRT } from '../../src/model/parse/srt.js';
import type { ParseResult } from '../../src/model/types.js';

const srt = (...lines: string[]): string => lines.join('\n');
const codes = (r: ParseResult): string[] => r.problems.map((p) => `${p.code}@${p.line ?? '-'}`);

function expectSane(r: ParseResult): void {
  for (const c of r.transcript.cues) {
    expect(Number.isFinite(c.start) && Number.isFinite(c.end)).toBe(true);
    expect(c.start).toBeGreaterThanOrEqual(0);
    expect(c.end).toBeGreaterThanOrEqual(c.start);
  }
  expect(new Set(r.transcript.cues.map((c) => c.id)).size).toBe(r.transcript.cues.length);
}

const SAMPLE = srt(
  '1',
  '00:00:01,000 --> 00:00:02,500',
  'First <i>line</i>,',
  'two rows.',
  '',
  '2',
  '00:00:02,500 --> 00:00:04,000 X1:100 X2:200 Y1:10 Y2:20',
  '<font color="#ff0000">Red</font> &amp; plain',
  '',
  '3',
  '00:00:04,000 --> 00:00:05,000',
  '{\\an8}On top',
);

describe('parseSRT', () => {
  it('reads sequence numbers, comma milliseconds, text and nodes', async () => {
    const r = await parseSRT(SAMPLE);
    expectSane(r);
    expect(r.problems).toEqual([]);
    expect(r.format).toBe('srt');
    expect(r.transcript.cues).toEqual([
      {
        id: '1',
        start: 1,
        end: 2.5,
        text: 'First line,\ntwo rows.',
        nodes: [{ type: 'text', text: 'First ' }, { type: 'i', children: [{ type: 'text', text: 'line' }] }, { type: 'text', text: ',\ntwo rows.' }],
      },
      { id: '2', start: 2.5, end: 4, text: 'Red & plain' },
      { id: '3', start: 4, end: 5, text: 'On top' },
    ]);
  });

  it('accepts a BOM (U+FEFF string), CRLF, CR and extra blank lines', async () => {
    for (const eol of ['\r\n', '\r']) {
      const text = '\uFEFF' + SAMPLE.split('\n').join(eol).replace(/\r?\n\r?\n|\r\r/g, (m) => m + m + ' ' + m);
      const r = await parseSRT(text);
      expect(r.problems).toEqual([]);
      expect(r.transcript.cues.map((c) => [c.id, c.start, c.text])).toEqual([
        ['1', 1, 'First line,\ntwo rows.'],
        ['2', 2.5, 'Red & plain'],
        ['3', 4, 'On top'],
      ]);
    }
  });

  it('uses the position when the sequence number is missing, and reads hours-less and millis-less times', async () => {
    const r = await parseSRT(srt('00:01,000 --> 00:02,000', 'a', '', '7', '00:00:03 --> 00:00:04', 'b', '', '00:00:05.250 --> 00:00:06.000', 'c'));
    expect(r.transcript.cues.map((c) => [c.id, c.start, c.end, c.text])).toEqual([
      ['1', 1, 2, 'a'],
      ['7', 3, 4, 'b'],
      ['3', 5.25, 6, 'c'],
    ]);
  });

  it('reports missing timing, bad and negative timestamps with their lines, and keeps the rest', async () => {
    const r = await parseSRT(
      srt(
        '1', '00:00:00,000 --> 00:00:01,000', 'kept', '',
        '2', 'no timing here', '',
        '3', '-00:00:02,000 --> 00:00:03,000', 'negative', '',
        '4', '00:00:04,000 --> 00:00:05,00', 'two-digit millis', '',
        '5', '00:00:06,000 -->', 'no end', '',
        '6', '00:00:07,000 --> 00:00:08,000', 'kept too', '',
        '7',
      ),
    );
    expect(r.transcript.cues.map((c) => [c.id, c.text])).toEqual([['1', 'kept'], ['6', 'kept too']]);
    expect(r.problems).toEqual([
      { kind: 'parse', code: 'missing-timing', line: 5, detail: '2 no timing here' },
      { kind: 'parse', code: 'bad-timestamp', line: 9, detail: '-00:00:02,000' },
      { kind: 'parse', code: 'bad-timestamp', line: 13, detail: '00:00:05,00' },
      { kind: 'parse', code: 'bad-timestamp', line: 17, detail: '00:00:06,000 -->' },
      { kind: 'parse', code: 'missing-timing', line: 24, detail: '7' },
    ]);
  });

  it('keeps end-before-start cues as zero-length with bad-range', async () => {
    const r = await parseSRT(srt('1', '00:00:05,000 --> 00:00:04,000', 'backwards'));
    expect(r.transcript.cues).toEqual([{ id: '1', start: 5, end: 5, text: 'backwards' }]);
    expect(codes(r)).toEqual(['bad-range@2']);
  });

  it('reads cues that lack the blank line between them', async () => {
    const r = await parseSRT(srt('1', '00:00:01,000 --> 00:00:02,000', 'one', '2', '00:00:02,000 --> 00:00:03,000', 'two'));
    expect(r.transcript.cues.map((c) => [c.id, c.text])).toEqual([['1', 'one'], ['2', 'two']]);
    expect(r.problems).toEqual([]);
  });

  it('keeps a "-->" inside text when it is not a timing line', async () => {
    const r = await parseSRT(srt('1', '00:00:01,000 --> 00:00:02,000', 'A --> B'));
    expect(r.transcript.cues[0]?.text).toBe('A --> B');
  });

  it('renames duplicate sequence numbers', async () => {
    const r = await parseSRT(srt('1', '00:00:01,000 --> 00:00:02,000', 'a', '', '1', '00:00:02,000 --> 00:00:03,000', 'b'));
    expect(r.transcript.cues.map((c) => c.id)).toEqual(['1', '1~2']);
    expect(r.problems).toEqual([{ kind: 'parse', code: 'duplicate-id', id: '1', line: 6, detail: '1~2' }]);
  });

  it('takes repeated "Name:" speaker labels and carries them to the following cues', async () => {
    const r = await parseSRT(
      srt(
        '1', '00:00:00,179 --> 00:00:02,399', 'Travis: When you first get', 'started in podcasting, it\'s', '',
        '2', '00:00:02,400 --> 00:00:04,799', 'almost guaranteed', '',
        '3', '00:00:04,800 --> 00:00:06,000', 'Sarah: Right.', '',
        '4', '00:00:06,000 --> 00:00:07,000', 'Travis: So, 10:30 is fine.', '',
        '5', '00:00:07,000 --> 00:00:08,000', 'Sarah: OK.',
      ),
    );
    expect(r.transcript.cues.map((c) => [c.speaker, c.text])).toEqual([
      ['Travis', "When you first get\nstarted in podcasting, it's"],
      ['Travis', 'almost guaranteed'],
      ['Sarah', 'Right.'],
      ['Travis', 'So, 10:30 is fine.'],
      ['Sarah', 'OK.'],
    ]);
  });

  it('does not take a one-off or sentence-like prefix as a speaker', async () => {
    const r = await parseSRT(srt('1', '00:00:01,000 --> 00:00:02,000', 'Remember this: it matters.', '', '2', '00:00:02,000 --> 00:00:03,000', 'Warning: hot.'));
    expect(r.transcript.cues.map((c) => c.speaker)).toEqual([undefined, undefined]);
    expect(r.transcript.cues[1]?.text).toBe('Warning: hot.');
  });

  it('reports no-cues for an empty file', async () => {
    expect((await parseSRT('')).problems).toEqual([{ kind: 'format', code: 'no-cues' }]);
    expect(codes(await parseSRT('just text'))).toEqual(['missing-timing@1', 'no-cues@-']);
  });

  it('property: never throws and yields sane cues for arbitrary and mutated input', async () => {
    const pieces = ['-->', '\n', '\n\n', '\r\n', ',', ':', '-', '0', '<i>', '{\\an8}', '&amp;', 'Name: ', '\uFEFF'];
    const mutation = fc.record({ at: fc.nat(), del: fc.nat({ max: 6 }), ins: fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 5 })) });
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), fc.array(mutation, { maxLength: 8 }), async (junk, muts) => {
        expectSane(await parseSRT(junk));
        let s = SAMPLE;
        for (const m of muts) {
          const at = m.at % (s.length + 1);
          s = s.slice(0, at) + m.ins + s.slice(at + m.del);
        }
        const r = await parseSRT(s);
        expectSane(r);
        for (const p of r.problems) if (p.line !== undefined) expect(p.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 400 },
    );
  });
});
