import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collapseRollingCaptions, isRollingCaptions } from '../../src/model/parse/rolling.js';
import { parseWebVTT } from '../../src/model/parse/webvtt.js';
import type { Cue } from '../../src/model/types.js';

/** A hand-written file in YouTube's auto-caption format (two rolling lines + 10 ms snapshots). */
const FIXTURE = readFileSync(fileURLToPath(new URL('../fixtures/parse/youtube-auto-captions.vtt', import.meta.url)), 'utf8');

const cue = (id: string, start: number, end: number, text: string): Cue => ({ id, start, end, text });

describe('rolling captions', () => {
  it('turns YouTube auto-captions into lines where each word appears once, in order', async () => {
    const r = await parseWebVTT(FIXTURE);
    expect(r.problems).toEqual([]);
    expect(r.transcript.lang).toBe('en');
    const cues = r.transcript.cues;
    const words = cues.flatMap((c) => c.words ?? []);
    expect(words.map((w) => w.text).join(' ')).toBe(
      "hello everyone and welcome to the channel today we're going to talk about rolling captions and why they repeat",
    );
    expect(cues.map((c) => c.text).join(' ')).toBe(words.map((w) => w.text).join(' '));
    // Snapshot cues (ids 2, 4, 6, 8) are gone; the kept cues keep their original ids.
    expect(cues.map((c) => [c.id, c.start, c.end, c.text])).toEqual([
      ['1', 0, 2.35, 'hello everyone and'],
      ['3', 2.36, 4.5, 'welcome to the channel'],
      ['5', 4.51, 7.03, "today we're going to talk"], // end trimmed from 7.5: no overlap
      ['7', 7.03, 9.8, 'about rolling captions'],
      ['9', 9.81, 12, 'and why they repeat'],
    ]);
    expect(cues[1]?.words).toEqual([
      { start: 2.36, end: 2.8, text: 'welcome' },
      { start: 2.8, end: 3.1, text: 'to' },
      { start: 3.1, end: 3.5, text: 'the' },
      { start: 3.5, end: 4.5, text: 'channel' },
    ]);
    expect(cues[2]?.words?.at(-1)).toEqual({ start: 5.6, end: 7.03, text: 'talk' });
  });

  it('gives sensible timings: every word inside its line, lines and words never go back', async () => {
    const cues = (await parseWebVTT(FIXTURE)).transcript.cues;
    let last = 0;
    cues.forEach((c, i) => {
      const next = cues[i + 1];
      if (next) expect(c.end).toBeLessThanOrEqual(next.start);
      for (const w of c.words ?? []) {
        expect(w.start).toBeGreaterThanOrEqual(Math.max(last, c.start));
        expect(w.end).toBeLessThanOrEqual(c.end);
        expect(w.end).toBeGreaterThanOrEqual(w.start);
        last = w.start;
      }
    });
  });

  it('detects rolling files and leaves ordinary ones alone', () => {
    const ordinary = [cue('1', 0, 1, 'one line'), cue('2', 1, 2, 'another\nline'), cue('3', 2, 3, 'and a third')];
    expect(isRollingCaptions(ordinary)).toBe(false);
    // Identical one-line cues (wpt region tests) are not rolling captions either.
    const same = Array.from({ length: 6 }, (_, i) => cue(String(i + 1), 0, 1, 'text'));
    expect(isRollingCaptions(same)).toBe(false);
    const rolling = [cue('1', 0, 2, 'a b'), cue('2', 2, 4, 'a b\nc d'), cue('3', 4, 6, 'c d\ne f'), cue('4', 6, 8, 'e f\ng h')];
    expect(isRollingCaptions(rolling)).toBe(true);
    expect(collapseRollingCaptions(rolling).map((c) => [c.id, c.text])).toEqual([['1', 'a b'], ['2', 'c d'], ['3', 'e f'], ['4', 'g h']]);
  });

  it('does not touch a non-rolling VTT file', async () => {
    const text = 'WEBVTT\n\n00:00.000 --> 00:02.000\nA\nB\n\n00:01.000 --> 00:03.000\nB\nC\n\n00:04.000 --> 00:05.000\nD';
    const cues = (await parseWebVTT(text)).transcript.cues;
    expect(cues.map((c) => [c.start, c.end, c.text])).toEqual([[0, 2, 'A\nB'], [1, 3, 'B\nC'], [4, 5, 'D']]);
  });

  it('collapses overlapping rolling cues without timestamps, dropping pure repeats', () => {
    const cues = [
      cue('1', 0, 3, 'so today'),
      cue('2', 2, 5, 'so today\nwe talk'),
      cue('3', 4.99, 5, 'we talk'),
      cue('4', 4, 8, 'we talk\nabout things'),
    ];
    expect(isRollingCaptions(cues)).toBe(true);
    expect(collapseRollingCaptions(cues).map((c) => [c.id, c.start, c.end, c.text])).toEqual([
      ['1', 0, 2, 'so today'],
      ['2', 2, 4, 'we talk'],
      ['4', 4, 8, 'about things'],
    ]);
  });
});

// Issue 9, finding 3: rolling captions without word timings, and short files, as yt-dlp writes them.
describe('rolling captions in short files and without word timestamps', () => {
  const vtt = (...cues: [string, string][]): string => `WEBVTT\n\n${cues.map(([t, text]) => `${t}\n${text}`).join('\n\n')}\n`;
  const words = (cues: Cue[]): string[] => cues.flatMap((c) => c.text.split(/\s+/));

  it('collapses a three-cue file (line, 10 ms hold, roll): each word once, ids kept', async () => {
    const r = await parseWebVTT(
      vtt(
        ['00:00:00.000 --> 00:00:02.350', ' \nhello everyone and'],
        ['00:00:02.350 --> 00:00:02.360', 'hello everyone and\n '],
        ['00:00:02.360 --> 00:00:04.500', 'hello everyone and\nwelcome to the channel'],
      ),
    );
    expect(r.problems).toEqual([]);
    expect(r.transcript.cues.map((c) => [c.id, c.start, c.end, c.text])).toEqual([
      ['1', 0, 2.35, 'hello everyone and'],
      ['3', 2.36, 4.5, 'welcome to the channel'],
    ]);
  });

  it('collapses rolls without holds or timestamps, trimming overlaps', async () => {
    const r = await parseWebVTT(
      vtt(
        ['00:00:00.000 --> 00:00:03.000', 'so today'],
        ['00:00:02.000 --> 00:00:05.000', 'so today\nwe talk'],
        ['00:00:04.000 --> 00:00:08.000', 'we talk\nabout things'],
      ),
    );
    expect(r.transcript.cues.map((c) => [c.id, c.start, c.end, c.text])).toEqual([
      ['1', 0, 2, 'so today'],
      ['2', 2, 4, 'we talk'],
      ['3', 4, 8, 'about things'],
    ]);
    expect(words(r.transcript.cues)).toEqual(['so', 'today', 'we', 'talk', 'about', 'things']);
  });

  it('drops the words of repeated lines in a short file with word timestamps', async () => {
    const r = await parseWebVTT(
      vtt(
        ['00:00:00.000 --> 00:00:02.000', 'hi<00:00:01.000><c> there</c>'],
        ['00:00:02.000 --> 00:00:02.010', 'hi there'],
        ['00:00:02.010 --> 00:00:04.000', 'hi there\nhow<00:00:03.000><c> are</c>'],
      ),
    );
    expect(r.transcript.cues.map((c) => [c.id, c.text, c.words?.map((w) => [w.start, w.text])])).toEqual([
      ['1', 'hi there', [[0, 'hi'], [1, 'there']]],
      ['3', 'how are', [[2.01, 'how'], [3, 'are']]],
    ]);
  });

  it('collapses three-line rolls (two repeated lines)', () => {
    const cues = [cue('1', 0, 1, 'a\nb'), cue('2', 1, 2, 'a\nb\nc'), cue('3', 2, 3, 'b\nc\nd')];
    expect(collapseRollingCaptions(cues).map((c) => c.text)).toEqual(['a\nb', 'c', 'd']);
  });

  it('leaves a file with a single repeating cue alone (ordinary WebVTT does that)', () => {
    const cues = [cue('1', 0, 1, 'NOTE text'), cue('2', 1, 2, 'NOTE text\nNOTE text2')];
    expect(isRollingCaptions(cues)).toBe(false);
    expect(collapseRollingCaptions(cues)).toBe(cues);
  });

  it('in a rolling file, keeps a repeat said again later (not a hold)', () => {
    const cues = [cue('1', 0, 1, 'a'), cue('2', 1, 2, 'a\nno'), cue('3', 5, 6, 'no'), cue('4', 6, 7, 'no\nyes')];
    expect(collapseRollingCaptions(cues).map((c) => [c.id, c.text])).toEqual([['1', 'a'], ['2', 'no'], ['3', 'no'], ['4', 'yes']]);
  });
});
