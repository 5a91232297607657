import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseWebVTT } from '../../src/model/parse/webvtt.js';
import type { ParseResult } from '../../src/model/types.js';

const vtt = (...lines: string[]): string => lines.join('\n');
const codes = (r: ParseResult): string[] => r.problems.map((p) => `${p.code}@${p.line ?? '-'}`);

function expectSane(r: ParseResult): void {
  expect(r.transcript.version).toBe(1);
  for (const c of r.transcript.cues) {
    expect(Number.isFinite(c.start)).toBe(true);
    expect(Number.isFinite(c.end)).toBe(true);
    expect(c.start).toBeGreaterThanOrEqual(0);
    expect(c.end).toBeGreaterThanOrEqual(c.start);
    expect(typeof c.id).toBe('string');
    expect(typeof c.text).toBe('string');
  }
  expect(new Set(r.transcript.cues.map((c) => c.id)).size).toBe(r.transcript.cues.length);
}

const SAMPLE = vtt(
  'WEBVTT - a title',
  'Language: en-GB',
  '',
  'NOTE a comment',
  'with two lines',
  '',
  'intro',
  '00:00:01.000 --> 00:00:03.500 align:start',
  '<v Ann>Hello &amp; welcome',
  'to the show.',
  '',
  '00:03.500 --> 00:05.000',
  'Second <i>line</i>.',
  '',
  '00:00:04.000 --> 00:00:04.500',
  'An overlapping cue, out of order.',
);

describe('parseWebVTT', () => {
  it('reads ids, times, text, speaker, nodes and the header language', async () => {
    const r = await parseWebVTT(SAMPLE);
    expectSane(r);
    expect(r.problems).toEqual([]);
    expect(r.format).toBe('vtt');
    expect(r.transcript.lang).toBe('en-GB');
    const [a, b, c] = r.transcript.cues;
    expect(a).toEqual({ id: 'intro', start: 1, end: 3.5, text: 'Hello & welcome\nto the show.', speaker: 'Ann' });
    // No identifier: the 1-based position among the kept cues. The speaker carries forward.
    expect(b).toEqual({
      id: '2',
      start: 3.5,
      end: 5,
      text: 'Second line.',
      speaker: 'Ann',
      nodes: [{ type: 'text', text: 'Second ' }, { type: 'i', children: [{ type: 'text', text: 'line' }] }, { type: 'text', text: '.' }],
    });
    // Overlapping cues stay in file order with their own times.
    expect(c).toMatchObject({ id: '3', start: 4, end: 4.5 });
  });

  it('accepts CRLF, CR and a BOM', async () => {
    for (const eol of ['\r\n', '\r']) {
      const r = await parseWebVTT('\uFEFF' + SAMPLE.split('\n').join(eol));
      expect(r.problems).toEqual([]);
      expect(r.transcript.cues.map((c) => c.text)).toEqual(['Hello & welcome\nto the show.', 'Second line.', 'An overlapping cue, out of order.']);
    }
  });

  it('reports and drops cues with bad timestamps, with the line of the timing line', async () => {
    const r = await parseWebVTT(
      vtt('WEBVTT', '', '00:00.000 --> 00:01.000', 'one', '', 'two', '00:01,000 --> 00:02.000', 'lost', '', '00:02.000 --> 00:03.000', 'three'),
    );
    expect(r.transcript.cues.map((c) => [c.id, c.text])).toEqual([['1', 'one'], ['2', 'three']]);
    expect(r.problems).toEqual([{ kind: 'parse', code: 'bad-timestamp', line: 7, detail: '00:01,000 --> 00:02.000' }]);
  });

  it('keeps an end-before-start cue as a zero-length cue and reports bad-range', async () => {
    const r = await parseWebVTT(vtt('WEBVTT', '', '00:00:05.000 --> 00:00:04.000', 'backwards'));
    expect(r.transcript.cues).toEqual([{ id: '1', start: 5, end: 5, text: 'backwards' }]);
    expect(codes(r)).toEqual(['bad-range@3']);
  });

  it('reports a text block without a timing line as missing-timing', async () => {
    const r = await parseWebVTT(vtt('WEBVTT', '', 'orphan text', 'more', '', '00:01.000 --> 00:02.000', 'ok', '', 'STYLE', '::cue {}'));
    expect(r.transcript.cues.map((c) => c.text)).toEqual(['ok']);
    expect(r.problems).toEqual([{ kind: 'parse', code: 'missing-timing', line: 3, detail: 'orphan text' }]);
  });

  it('follows the spec where a line with "-->" ends the cue text', async () => {
    const r = await parseWebVTT(vtt('WEBVTT', '', '00:00.000 --> 00:01.000', 'text0', '00:01.000 --> 00:02.000', 'text1'));
    expect(r.transcript.cues.map((c) => [c.start, c.text])).toEqual([[0, 'text0'], [1, 'text1']]);
  });

  it('renames duplicate ids and reports them', async () => {
    const r = await parseWebVTT(
      vtt('WEBVTT', '', 'a', '00:00.000 --> 00:01.000', 'x', '', 'a', '00:01.000 --> 00:02.000', 'y', '', 'a', '00:02.000 --> 00:03.000', 'z'),
    );
    expect(r.transcript.cues.map((c) => c.id)).toEqual(['a', 'a~2', 'a~3']);
    expect(r.problems).toEqual([
      { kind: 'parse', code: 'duplicate-id', id: 'a', line: 8, detail: 'a~2' },
      { kind: 'parse', code: 'duplicate-id', id: 'a', line: 12, detail: 'a~3' },
    ]);
  });

  it('reports a missing signature but still reads the cues', async () => {
    const r = await parseWebVTT(vtt('1', '00:00:01.000 --> 00:00:02.000', 'no header here'));
    expect(r.problems).toEqual([{ kind: 'format', code: 'bad-signature', line: 1, detail: '1' }]);
    expect(r.transcript.cues).toEqual([{ id: '1', start: 1, end: 2, text: 'no header here' }]);
    const lower = await parseWebVTT(vtt('webvtt', '', '00:01.000 --> 00:02.000', 'x'));
    expect(codes(lower)).toEqual(['bad-signature@1']);
    expect(lower.transcript.cues).toHaveLength(1);
  });

  it('reports no-cues for empty, whitespace-only and cue-less files', async () => {
    for (const input of ['', '   \n\t\n', '\uFEFF']) {
      const r = await parseWebVTT(input);
      expect(r.problems).toEqual([{ kind: 'format', code: 'no-cues' }]);
      expect(r.transcript.cues).toEqual([]);
    }
    expect(codes(await parseWebVTT('WEBVTT\n\nNOTE nothing'))).toEqual(['no-cues@-']);
  });

  it('takes "Name:" labels that repeat, and leaves one-off "Note:" prefixes alone', async () => {
    const r = await parseWebVTT(
      vtt(
        'WEBVTT', '',
        '00:01.000 --> 00:02.000', 'HOST: Welcome back.', '',
        '00:02.000 --> 00:03.000', 'Dr. Jane Roe: Thank you.', '',
        '00:03.000 --> 00:04.000', 'Note: this is text.', '',
        '00:04.000 --> 00:05.000', 'HOST: <i>So</i> tell us.', '',
        '00:05.000 --> 00:06.000', 'Dr. Jane Roe: Gladly.',
      ),
    );
    expect(r.transcript.cues.map((c) => [c.speaker, c.text])).toEqual([
      ['HOST', 'Welcome back.'],
      ['Dr. Jane Roe', 'Thank you.'],
      ['Dr. Jane Roe', 'Note: this is text.'],
      ['HOST', 'So tell us.'],
      ['Dr. Jane Roe', 'Gladly.'],
    ]);
    expect(r.transcript.cues[3]?.nodes).toEqual([{ type: 'i', children: [{ type: 'text', text: 'So' }] }, { type: 'text', text: ' tell us.' }]);
  });

  it('replaces NUL by U+FFFD and reads zero-length and very long times', async () => {
    const r = await parseWebVTT(vtt('WEBVTT', '', '266:18:35.679 --> 266:18:35.679', 'a\0b'));
    expect(r.transcript.cues).toEqual([{ id: '1', start: 958715.679, end: 958715.679, text: 'a\uFFFDb' }]);
  });

  it('property: never throws and yields sane cues for arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 400 }), async (s) => {
        expectSane(await parseWebVTT(s));
        expectSane(await parseWebVTT('WEBVTT\n\n' + s));
      }),
      { numRuns: 300 },
    );
  });

  it('property: never throws on mutated valid files; problems carry lines inside the file', async () => {
    const pieces = ['-->', '\n', '\n\n', '\r', ' ', '<b>', '</v>', '<v X>', '<00:00:01.000>', '&amp;', ':', '.', '0', '9', 'NOTE', 'WEBVTT', '\0', '\uFEFF'];
    const mutation = fc.record({ at: fc.nat(), del: fc.nat({ max: 6 }), ins: fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 5 })) });
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { maxLength: 8 }), async (muts) => {
        let s = SAMPLE;
        for (const m of muts) {
          const at = m.at % (s.length + 1);
          s = s.slice(0, at) + m.ins + s.slice(at + m.del);
        }
        const r = await parseWebVTT(s);
        expectSane(r);
        const lineCount = s.split(/\r\n|\r|\n/).length;
        for (const p of r.problems) {
          if (p.line !== undefined) {
            expect(p.line).toBeGreaterThanOrEqual(1);
            expect(p.line).toBeLessThanOrEqual(lineCount);
          }
          expect(['format', 'parse']).toContain(p.kind);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never rejects, even for non-string input at run time', async () => {
    const r = await parseWebVTT(undefined as unknown as string);
    expect(r.transcript.cues).toEqual([]);
    expect(r.problems.length).toBeGreaterThan(0);
  });
});
