/**
 * Properties every transcript parser keeps, whatever the input (issue 9, finding 4): it never
 * throws (nor rejects), its result keeps the invariants, and its problem list never holds more
 * than MAX_PROBLEMS problems plus one summary — also for inputs built to raise thousands.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectFormat, normaliseTranscriptData, parseTranscript } from '../../src/model/parse/index.js';
import { parseHyperaudioHTML } from '../../src/model/parse/hyperaudio-html.js';
import { parsePodcastJSON } from '../../src/model/parse/podcast-json.js';
import { parseSRT } from '../../src/model/parse/srt.js';
import { parseTranscriptJSON } from '../../src/model/parse/transcript-json.js';
import { parseWebVTT } from '../../src/model/parse/webvtt.js';
import { MAX_PROBLEMS } from '../../src/model/untrusted.js';
import type { ParseResult } from '../../src/model/types.js';
import { expectSaneResult } from '../fixtures/formats/invariants.js';

type Parser = (text: string) => ParseResult | Promise<ParseResult>;
const PARSERS: Array<[string, Parser]> = [
  ['parseWebVTT', parseWebVTT],
  ['parseSRT', parseSRT],
  ['parsePodcastJSON', parsePodcastJSON],
  ['parseHyperaudioHTML', parseHyperaudioHTML],
  ['parseTranscriptJSON', parseTranscriptJSON],
  ['parseTranscript', (t) => parseTranscript(t)],
];

async function expectBounded(parse: Parser, input: string): Promise<void> {
  const r = await parse(input);
  expectSaneResult(r);
  expect(r.problems.length).toBeLessThanOrEqual(MAX_PROBLEMS + 1);
}

/** Pieces that raise problems, open tags, look like timings or speaker prefixes. */
const PIECES = [
  '-->\n', '-->\n\n', 'x\n\n', '\n', '\r\n', ' ', '\t', '{\\', '{\\an8}', '}', '&', '&amp', '&notit;', '<', '<b>', '</b>',
  '<v Ann>', '<00:00:01.000>', '>> ', 'DAVID: ', '[SPEAKER_01]: ', '- ', 'Subtitles: ', '00:00:01.000 --> 00:00:02.000\n',
  '00:00:01,000 --> 00:00:02,000\n', '1\n', 'WEBVTT\n\n', '<span data-m="x">a</span>', '<span data-m="5">b</span>',
  '<p>', '</x>', '{"segments":[', '{"version":1,"cues":[', '1,', '{"id":"a","start":0,"end":1,"text":"t"},', ']}',
];
/** Text made of a few pieces, each repeated up to 1,500 times: enough to pass the cap. */
const hostileText = fc
  .array(fc.record({ piece: fc.constantFrom(...PIECES), times: fc.integer({ min: 1, max: 1500 }) }), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.map((p) => p.piece.repeat(p.times)).join(''));

describe('every parser: never throws, sane result, problems capped', () => {
  it.each(PARSERS)('%s on arbitrary strings', async (_name, parse) => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (s) => expectBounded(parse, s)),
      { numRuns: 200 },
    );
  });

  it.each(PARSERS)('%s on arbitrary JSON text', async (_name, parse) => {
    await fc.assert(fc.asyncProperty(fc.json({ maxDepth: 4 }), async (s) => expectBounded(parse, s)), { numRuns: 150 });
  });

  // 25 inputs of up to ~200 KB each: a loop, not a hang guard, so it gets more than the default time.
  it.each(PARSERS)('%s on long hostile repetitions', async (_name, parse) => {
    await fc.assert(fc.asyncProperty(hostileText, async (s) => expectBounded(parse, s)), { numRuns: 25 });
  }, 30_000);

  it.each(PARSERS)('%s on non-string input at run time', async (_name, parse) => {
    for (const v of [undefined, null, 42, {}, [], Symbol('s')]) {
      const r = await parse(v as unknown as string);
      expect(Array.isArray(r.problems)).toBe(true);
      expect(Array.isArray(r.transcript.cues)).toBe(true);
    }
  });

  it('normaliseTranscriptData on arbitrary JSON values, and thousands of bad cues', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => {
        const r = normaliseTranscriptData(v);
        expectSaneResult(r);
        expect(r.problems.length).toBeLessThanOrEqual(MAX_PROBLEMS + 1);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 1 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 500, max: 3000 }), (items, n) => {
        const r = normaliseTranscriptData(Array.from({ length: n }, (_, i) => items[i % items.length]));
        expect(r.problems.length).toBeLessThanOrEqual(MAX_PROBLEMS + 1);
      }),
      { numRuns: 20 },
    );
  });

  it('detectFormat never throws and answers a format or null', () => {
    const formats = new Set(['vtt', 'srt', 'podcast-json', 'hyperaudio-html', 'json', null]);
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.json(), hostileText), fc.option(fc.string()), (s, url) => {
        expect(formats.has(detectFormat(s, url ?? undefined, url ?? undefined))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
