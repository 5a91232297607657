/**
 * Hostile inputs that used to take quadratic time or build unbounded problem lists (issue 9,
 * finding 4). No wall-clock assertion here (the project rule: no timed unit test): each input
 * is large enough that the old code ran for tens of seconds, so the default vitest timeout is
 * the hang guard, and the output is asserted. Before/after timings live in the commit messages.
 */
import { describe, expect, it } from 'vitest';
import { decodeEntities, parseCueText } from '../../src/model/parse/cue-text.js';
import { collapseRollingCaptions } from '../../src/model/parse/rolling.js';
import { detectFormat } from '../../src/model/parse/detect.js';
import { parseHyperaudioHTML } from '../../src/model/parse/hyperaudio-html.js';
import { parsePodcastJSON } from '../../src/model/parse/podcast-json.js';
import { parseSRT } from '../../src/model/parse/srt.js';
import { parseTranscriptJSON } from '../../src/model/parse/transcript-json.js';
import { parseWebVTT } from '../../src/model/parse/webvtt.js';
import { MAX_PROBLEMS } from '../../src/model/untrusted.js';
import type { Cue, ParseResult } from '../../src/model/types.js';

const KB = 1024;

/** The cap: MAX_PROBLEMS listed, then one summary counting the rest. */
function expectCapped(r: ParseResult, total: number, summary: { kind: string; code: string }): void {
  expect(r.problems).toHaveLength(MAX_PROBLEMS + 1);
  expect(r.problems.at(-1)).toMatchObject({ ...summary, detail: `${total - MAX_PROBLEMS} more problems not listed` });
}

describe('linear time on hostile input (hang guard: the default test timeout)', () => {
  it('SRT: a long line of spaces is not taken for a timing line (was 5.5 s at 60 KB)', async () => {
    const r = await parseSRT(`1\n${' '.repeat(200 * KB)}x\n\n2\n00:00:01,000 --> 00:00:02,000\nkept`);
    expect(r.transcript.cues.map((c) => [c.id, c.text])).toEqual([['2', 'kept']]);
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([['missing-timing', 1]]);
  });

  it('SRT: still tells timing-like lines from text', async () => {
    const r = await parseSRT('1\n  -00:00:01,000 --> 00:00:02,000\nneg\n\n2\n\t00:00:03,000\t-->\t00:00:04,000\nok\n\n3\n00:00:05,000 --> 00:00:06,000\nA --> B');
    expect(r.transcript.cues.map((c) => [c.id, c.text])).toEqual([['2', 'ok'], ['3', 'A --> B']]);
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([['bad-timestamp', 2]]);
  });

  it('SRT: repeated unclosed "{\\" overrides (was 5.3 s at 80 KB)', async () => {
    const noise = '{\\'.repeat(100 * KB);
    const r = await parseSRT(`1\n00:00:01,000 --> 00:00:02,000\n${noise}\n{\\an8}top{\\b1}bold{\\b0}`);
    // Only closed overrides go; an unclosed "{\" stays text, as with the regex it replaces.
    expect(r.transcript.cues[0]?.text).toBe(`${noise}\ntopbold`);
    expect(parseCueText('{\\a}x{\\}{\\b\n}y', 0, 1, { srt: true }).text).toBe('x{\\b\n}y');
  });

  it('cue text: long entity names (was 9.3 s at 512 KB)', async () => {
    // 16,000-letter names: just under the length at which V8 stops hashing strings in full.
    const names = `&${'a'.repeat(16_000)} `.repeat(48);
    const r = await parseWebVTT(`WEBVTT\n\n00:01.000 --> 00:02.000\n${names}&notit; &ampx`);
    expect(r.transcript.cues[0]?.text).toBe(`${names.trim()} ¬it; &x`);
    expect(decodeEntities(`&frac34${'z'.repeat(100_000)}`)).toBe(`¾${'z'.repeat(100_000)}`);
  });

  it('transcript JSON: 20,000 cues with one id are renamed in linear time (was 5.9 s for 10,000)', () => {
    const cues = Array.from({ length: 20_000 }, (_, i) => ({ id: i === 5 ? 'x~3' : 'x', start: 0, end: 1, text: 't' }));
    const r = parseTranscriptJSON(JSON.stringify({ version: 1, cues }));
    const ids = r.transcript.cues.map((c) => c.id);
    expect(new Set(ids).size).toBe(20_000);
    // The smallest free suffix, as before: "x~3" is taken by cue 6, so cue 5 is x~5 after x~4.
    expect(ids.slice(0, 7)).toEqual(['x', 'x~2', 'x~3', 'x~4', 'x~5', 'x~3~2', 'x~6']);
    expect(ids.at(-1)).toBe('x~19999');
    expectCapped(r, 19_999, { kind: 'parse', code: 'bad-field' });
  });

  it('rolling captions: the overlap of two cues of 150,000 lines each', () => {
    const lines = (n: number, last: string): string => `${'a\n'.repeat(n)}${last}`;
    const cues: Cue[] = [
      { id: '1', start: 0, end: 1, text: 'a b' },
      { id: '2', start: 1, end: 2, text: 'a b\nc d' },
      { id: '3', start: 2, end: 3, text: 'c d\ne f' },
      { id: '4', start: 3, end: 4, text: lines(150_000, 'b') },
      { id: '5', start: 4, end: 5, text: lines(150_000, 'c') },
      { id: '6', start: 5, end: 6, text: 'c\nlast' },
    ];
    const out = collapseRollingCaptions(cues);
    expect(out.map((c) => c.id)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(out[2]?.text).toBe('e f');
    expect(out[4]?.text.split('\n')).toHaveLength(150_001); // no overlap with cue 4: kept whole
    expect(out[5]?.text).toBe('last');
  });

  it('WebVTT and SRT: deep tag nesting, many "<" and "&", many blank lines', async () => {
    const deep = await parseWebVTT(`WEBVTT\n\n00:01.000 --> 00:02.000\n${'<b>'.repeat(20 * KB)}x`);
    expect(deep.transcript.cues[0]?.text).toBe('x');
    const lt = await parseSRT(`1\n00:00:01,000 --> 00:00:02,000\n${'<a'.repeat(50 * KB)}`);
    expect(lt.transcript.cues[0]?.text).toBe('<a'.repeat(50 * KB));
    const amp = await parseWebVTT(`WEBVTT\n\n00:01.000 --> 00:02.000\n${'&'.repeat(100 * KB)}`);
    expect(amp.transcript.cues[0]?.text).toHaveLength(100 * KB);
    const blank = await parseWebVTT(`WEBVTT\n\n00:01.000 --> 00:02.000\nx${'\n'.repeat(50 * KB)}00:02.000 --> 00:03.000\ny`);
    expect(blank.transcript.cues.map((c) => c.text)).toEqual(['x', 'y']);
  });

  it('format detection: JSON nested a million levels deep is not handed to JSON.parse', () => {
    expect(detectFormat(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`)).toBe('json');
  });

  it('Hyperaudio HTML: end tags that match nothing under deep nesting', () => {
    const r = parseHyperaudioHTML(`${'<div>'.repeat(600)}<span data-m="1000">a</span>${'</x>'.repeat(50_000)}<span data-m="2000">b</span>`);
    expect(r.transcript.cues.map((c) => c.text)).toEqual(['a b']);
  });
});

describe('problems are capped: MAX_PROBLEMS, then one summary', () => {
  it('WebVTT: 400 KB of "-->" lines', async () => {
    const r = await parseWebVTT(`WEBVTT\n\n${'-->\n\n'.repeat(80 * KB)}`);
    expect(r.transcript.cues).toEqual([]);
    // 81,920 bad timings, then no-cues, counted in the summary like the rest.
    expectCapped(r, 80 * KB + 1, { kind: 'parse', code: 'bad-cue' });
    expect(r.problems[0]).toEqual({ kind: 'parse', code: 'bad-timestamp', line: 3, detail: '-->' });
  });

  it('WebVTT: a bad signature is listed first, whatever follows', async () => {
    const r = await parseWebVTT(`${'text\n\n'.repeat(5000)}`);
    expect(r.problems[0]).toMatchObject({ kind: 'format', code: 'bad-signature', line: 1 });
    expectCapped(r, 5000 + 1, { kind: 'parse', code: 'bad-cue' });
  });

  it('SRT: 400 KB of "-->" lines, and of duplicate ids', async () => {
    const arrows = await parseSRT('-->\n'.repeat(100 * KB));
    expectCapped(arrows, 100 * KB + 1, { kind: 'parse', code: 'bad-cue' });
    const dup = await parseSRT(Array.from({ length: 3000 }, () => '7\n00:00:01,000 --> 00:00:02,000\nx\n').join('\n'));
    expect(dup.transcript.cues).toHaveLength(3000);
    expect(dup.transcript.cues.at(-1)?.id).toBe('7~3000');
    expectCapped(dup, 2999, { kind: 'parse', code: 'bad-cue' });
  });

  it('Podcasting 2.0 JSON: 100,000 bad segments', () => {
    const r = parsePodcastJSON(JSON.stringify({ segments: Array(100_000).fill(1) }));
    expectCapped(r, 100_001, { kind: 'parse', code: 'bad-field' });
    expect(r.problems[0]).toEqual({ kind: 'parse', code: 'bad-field', path: '$.segments[0]', detail: '1' });
  });

  it('Hyperaudio HTML: 20,000 bad data-m', () => {
    const r = parseHyperaudioHTML(`<p>${'<span data-m="x">a</span>'.repeat(20_000)}<span data-m="5">b</span></p>`);
    // The untimed text of the bad elements is glued to the first good word, as before.
    expect(r.transcript.cues.map((c) => c.text)).toEqual([`${'a'.repeat(20_000)}b`]);
    expectCapped(r, 20_000, { kind: 'parse', code: 'bad-timestamp' });
  });
});
