import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePodcastJSON } from '../../src/model/parse/podcast-json.js';
import { expectSaneResult } from '../fixtures/formats/invariants.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, '../shared/corpus');
const fixture = (f: string): string => readFileSync(path.resolve(repoRoot, 'test/fixtures/formats', f), 'utf8');
const seg = (startTime: number, endTime: number, body: string, speaker?: string): Record<string, unknown> => ({ startTime, endTime, body, ...(speaker ? { speaker } : {}) });
const parse = (segments: unknown[]): ReturnType<typeof parsePodcastJSON> => parsePodcastJSON(JSON.stringify({ version: '1.0.0', segments }));

describe.skipIf(!existsSync(corpus))('parsePodcastJSON on the podcast-namespace sample (../shared/corpus)', () => {
  it('groups the word-level example into lines', () => {
    const r = parsePodcastJSON(readFileSync(path.join(corpus, 'podcast-namespace/example.json'), 'utf8'));
    expect(r.problems).toEqual([]);
    expect(r.format).toBe('podcast-json');
    expect(r.transcript.cues).toEqual([
      {
        id: '1', start: 0.5, end: 2.5, text: 'I am your father.', speaker: 'Darth Vader',
        words: [
          { start: 0.5, end: 0.75, text: 'I' },
          { start: 1, end: 1.25, text: 'am' },
          { start: 1.5, end: 2, text: 'your' },
          { start: 2.25, end: 2.5, text: 'father.' },
        ],
      },
      { id: '2', start: 2.75, end: 3, text: 'Nooooo', speaker: 'Luke', words: [{ start: 2.75, end: 3, text: 'Nooooo' }] },
    ]);
  });
});
if (!existsSync(corpus)) console.warn(`podcast-json.test: corpus not found at ${corpus}; the example.json check is skipped`);

describe('parsePodcastJSON: word level', () => {
  it('breaks lines at speaker changes, sentence ends and pauses, and reports bad segments', () => {
    const r = parsePodcastJSON(fixture('podcast-words-bad.json'));
    expect(r.transcript.cues.map((c) => [c.id, c.start, c.end, c.speaker, c.text])).toEqual([
      ['1', 0, 1.2, 'Ann', 'Hello there, friend'],
      ['2', 3, 3.5, 'Ann', 'after pause'],
      ['3', 3.6, 4.3, 'Bob', 'Hi Ann!'],
      ['4', 4.4, 5, 'Bob', 'How are you?'],
    ]);
    expect(r.transcript.cues[0]?.words?.map((w) => w.text)).toEqual(['Hello', 'there', ',', 'friend']);
    expect(r.problems.map((p) => [p.kind, p.code, p.path])).toEqual([
      ['parse', 'bad-field', '$.segments[3].startTime'],
      ['parse', 'bad-field', '$.segments[5].endTime'],
      ['parse', 'bad-field', '$.segments[6].body'],
      ['parse', 'bad-field', '$.segments[9].startTime'],
    ]);
    expectSaneResult(r);
  });

  it('a pause of exactly 1 s does not break; more does', () => {
    const r = parse([seg(0, 1, 'a'), seg(2, 3, 'b'), seg(4.001, 5, 'c')]);
    expect(r.transcript.cues.map((c) => c.text)).toEqual(['a b', 'c']);
  });

  it('knows CJK and closing-quote sentence ends', () => {
    const r = parse([seg(0, 1, '你好。'), seg(1, 2, '世界！'), seg(2, 3, 'He'), seg(3, 4, 'said."'), seg(4, 5, 'Then…'), seg(5, 6, 'end')]);
    expect(r.transcript.cues.map((c) => c.text)).toEqual(['你好。', '世界！', 'He said."', 'Then…', 'end']);
  });

  it('segments without a speaker continue the current one; missing endTime → next start', () => {
    const r = parse([{ startTime: 0, body: 'one', speaker: 'A' }, { startTime: 0.5, body: 'two' }, { startTime: 0.9, body: 'three.' }]);
    expect(r.problems).toEqual([]);
    expect(r.transcript.cues).toHaveLength(1);
    expect(r.transcript.cues[0]).toMatchObject({ speaker: 'A', start: 0, end: 0.9, text: 'one two three.' });
    expect(r.transcript.cues[0]?.words?.map((w) => w.end)).toEqual([0.5, 0.9, 0.9]);
  });

  it('sorts shuffled segments, trims bodies, skips empty ones, accepts time strings', () => {
    const r = parse([seg(1, 1.5, 'world'), { startTime: '0.5', endTime: '0:01', body: ' hello\n' }, seg(2, 2.1, '   ')]);
    expect(r.problems).toEqual([]);
    expect(r.transcript.cues[0]).toMatchObject({ start: 0.5, end: 1.5, text: 'hello world' });
  });

  it('caps very long unpunctuated lines', () => {
    const r = parse(Array.from({ length: 150 }, (_, i) => seg(i * 0.2, i * 0.2 + 0.2, `w${i}`)));
    expect(r.transcript.cues.map((c) => c.words?.length)).toEqual([60, 60, 30]);
  });
});

describe('parsePodcastJSON: sentence level', () => {
  it('makes one cue per segment, without words', () => {
    const r = parsePodcastJSON(fixture('podcast-sentences.json'));
    expect(r.problems).toEqual([]);
    expect(r.transcript.cues).toEqual([
      { id: '1', start: 0, end: 4.2, text: 'Welcome back to the show, everyone.', speaker: 'Host' },
      { id: '2', start: 4.5, end: 7.25, text: 'Thanks for having me here today.', speaker: 'Guest' },
      { id: '3', start: 7.5, end: 9, text: 'Let us start at the beginning.', speaker: 'Host' },
    ]);
  });
});

describe('parsePodcastJSON: bad files', () => {
  it('reports bad JSON, wrong shapes and empty files', () => {
    expect(parsePodcastJSON('{"segments": [').problems[0]).toMatchObject({ kind: 'format', code: 'bad-json' });
    expect(parsePodcastJSON('[1,2]').problems[0]).toMatchObject({ kind: 'format', code: 'unknown-format' });
    expect(parsePodcastJSON('{"version":"1.0.0"}').problems[0]).toMatchObject({ kind: 'format', code: 'bad-field', path: '$.segments' });
    expect(parsePodcastJSON('{"segments":[]}').problems).toEqual([{ kind: 'format', code: 'no-cues' }]);
    const r = parse([null, 5, { startTime: 1, endTime: 2, body: 'x', speaker: 7 }]);
    expect(r.problems.map((p) => p.path)).toEqual(['$.segments[0]', '$.segments[1]', '$.segments[2].speaker']);
    expect(r.transcript.cues).toHaveLength(1);
  });

  it('never throws; output keeps the invariants (arbitrary strings and JSON)', () => {
    const segment = fc.record(
      {
        speaker: fc.oneof(fc.constantFrom('A', 'B'), fc.jsonValue()),
        startTime: fc.oneof(fc.double(), fc.integer({ min: 0, max: 20 }), fc.string()),
        endTime: fc.oneof(fc.double(), fc.integer({ min: 0, max: 20 }), fc.constant(null)),
        body: fc.oneof(fc.constantFrom('word', 'end.', ',', 'two words', ''), fc.string(), fc.jsonValue()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.array(segment), fc.array(fc.jsonValue())), (segments) => {
        expectSaneResult(parse(segments));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.json()), (s) => {
        expectSaneResult(parsePodcastJSON(s));
      }),
      { numRuns: 300 },
    );
  });
});
