import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normaliseTranscriptData, parseTranscriptJSON } from '../../src/model/parse/transcript-json.js';
import { expectSaneResult } from '../fixtures/formats/invariants.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = (f: string): string => readFileSync(path.resolve(repoRoot, 'test/fixtures/formats', f), 'utf8');

describe('parseTranscriptJSON', () => {
  it('reads a valid file', () => {
    const r = parseTranscriptJSON(fixture('transcript-valid.json'));
    expect(r.problems).toEqual([]);
    expect(r.format).toBe('json');
    expect(r.transcript.lang).toBe('en');
    expect(r.transcript.label).toBe('English');
    expect(r.transcript.cues.map((c) => c.id)).toEqual(['intro', '2', '7']);
    const [first, second, third] = r.transcript.cues;
    expect(first?.speaker).toBe('Narrator');
    expect(first?.words).toHaveLength(5);
    expect(second?.words).toBeUndefined();
    expect(third?.lang).toBe('uk');
    expectSaneResult(r);
  });

  it('reports bad JSON with the parser message', () => {
    const r = parseTranscriptJSON('{"version": 1, "cues": [');
    expect(r.transcript.cues).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ kind: 'format', code: 'bad-json' });
    expect(r.problems[0]?.detail).toBeTruthy();
  });

  it('accepts a BOM', () => {
    expect(parseTranscriptJSON('\uFEFF{"version":1,"cues":[{"start":0,"end":1,"text":"a"}]}').transcript.cues).toHaveLength(1);
  });

  it('reports an empty file as no-cues', () => {
    expect(parseTranscriptJSON('{"version":1,"cues":[]}').problems).toEqual([{ kind: 'format', code: 'no-cues' }]);
  });

  it('reports an unsupported version and still reads the cues', () => {
    const r = parseTranscriptJSON('{"version":2,"cues":[{"start":0,"end":1,"text":"a"}]}');
    expect(r.problems).toEqual([{ kind: 'format', code: 'unsupported-version', path: '$.version', detail: '2' }]);
    expect(r.transcript.cues).toHaveLength(1);
    expect(parseTranscriptJSON('{"version":"1","cues":[]}').problems[0]?.code).toBe('unsupported-version');
  });

  it('reports a wrong top-level shape', () => {
    expect(parseTranscriptJSON('"hello"').problems[0]).toMatchObject({ kind: 'format', code: 'unknown-format' });
    expect(parseTranscriptJSON('null').problems[0]).toMatchObject({ kind: 'format', code: 'unknown-format' });
    expect(parseTranscriptJSON('{"version":1}').problems[0]).toMatchObject({ kind: 'format', code: 'bad-field', path: '$.cues' });
    expect(parseTranscriptJSON('{"version":1,"cues":{}}').problems[0]).toMatchObject({ code: 'bad-field', path: '$.cues' });
  });
});

describe('normaliseTranscriptData: fields', () => {
  const data = {
    version: 1,
    lang: 'not a lang!',
    cues: [
      { id: 'a', start: 0, end: 1, text: 'ok' },
      { id: 'b', start: -1, end: 1, text: 'negative start' },
      { id: 'c', start: 2, end: 1, text: 'backwards' },
      { id: 'd', start: 0, end: 'x', text: 'bad end' },
      { id: 'e', start: 0, end: 1 },
      'not a cue',
      null,
      { id: 'f', start: 1, end: 2, text: 'bad optional fields', speaker: 5, lang: 7, words: 'nope' },
      { id: 'g', start: 2, end: 3, text: 'bad words', words: [{ start: 2, end: 2.5, text: 'good' }, { start: 2.5, end: 2.4, text: 'bad' }, { start: 'x', end: 3, text: 'worse' }, { start: 2.6, end: 3 }, 42] },
      { id: 'a', start: 3, end: 4, text: 'duplicate id' },
      { id: 'a~2', start: 4, end: 5, text: 'collides with the renamed one' },
      { start: 5, end: 6, text: 'no id → position 12' },
      { id: 12.5, start: 6, end: 7, text: 'numeric id' },
      { id: { x: 1 }, start: 7, end: 8, text: 'object id → position' },
      { id: '', start: 8, end: 8, text: 'empty id → position; zero length is fine' },
      { id: 'n', start: NaN, end: Infinity, text: 'not finite' },
    ],
  };
  const r = normaliseTranscriptData(data);
  const paths = r.problems.map((p) => `${p.code} ${p.path ?? ''}`);

  it('keeps every valid cue, with ids as specified (a backwards cue or word is kept with no duration)', () => {
    expect(r.transcript.cues.map((c) => c.id)).toEqual(['a', 'c', 'f', 'g', 'a~2', 'a~2~2', '12', '12.5', '14', '15']);
    expect(r.transcript.cues.find((c) => c.id === 'c')).toEqual({ id: 'c', start: 2, end: 2, text: 'backwards' });
    expect(r.transcript.lang).toBeUndefined();
    const g = r.transcript.cues.find((c) => c.id === 'g');
    expect(g?.words).toEqual([{ start: 2, end: 2.5, text: 'good' }, { start: 2.5, end: 2.5, text: 'bad' }]);
    const f = r.transcript.cues.find((c) => c.id === 'f');
    expect(f).toEqual({ id: 'f', start: 1, end: 2, text: 'bad optional fields' });
    expectSaneResult(r);
  });

  it('reports every problem with its JSON path', () => {
    expect(paths).toEqual([
      'bad-field $.lang',
      'bad-field $.cues[1].start',
      'bad-range $.cues[2].end',
      'bad-field $.cues[3].end',
      'bad-field $.cues[4].text',
      'bad-field $.cues[5]',
      'bad-field $.cues[6]',
      'bad-field $.cues[7].speaker',
      'bad-field $.cues[7].lang',
      'bad-field $.cues[7].words',
      'bad-range $.cues[8].words[1].end',
      'bad-field $.cues[8].words[2].start',
      'bad-field $.cues[8].words[3].text',
      'bad-field $.cues[8].words[4]',
      'duplicate-id $.cues[9].id',
      'duplicate-id $.cues[10].id',
      'bad-field $.cues[13].id',
      'bad-field $.cues[15].start',
      'bad-field $.cues[15].end',
    ]);
    expect(r.problems.find((p) => p.code === 'duplicate-id')).toMatchObject({ kind: 'parse', id: 'a', detail: 'a~2' });
    expect(r.problems.every((p) => p.kind === 'parse')).toBe(true);
  });

  it('does not mutate the input', () => {
    const input = { version: 1, cues: [{ id: 'x', start: 0, end: 1, text: 'a\r\nb', words: [{ start: 0, end: 1, text: ' a ' }] }] };
    const before = JSON.stringify(input);
    const out = normaliseTranscriptData(Object.freeze(input));
    expect(JSON.stringify(input)).toBe(before);
    expect(out.transcript.cues[0]).not.toBe(input.cues[0]);
    expect(out.transcript.cues[0]?.text).toBe('a\nb');
    expect(out.transcript.cues[0]?.words?.[0]?.text).toBe('a');
  });

  it('accepts a bare cue array (paths start at $[i]) and a missing version', () => {
    const bare = normaliseTranscriptData([{ start: 0, end: 1, text: 'a' }, { start: 'x', end: 1, text: 'b' }]);
    expect(bare.transcript.cues).toHaveLength(1);
    expect(bare.problems.map((p) => p.path)).toEqual(['$[1].start']);
    expect(normaliseTranscriptData({ cues: [] }).problems).toEqual([]);
    expect(normaliseTranscriptData([]).problems).toEqual([]);
  });
});

describe('normaliseTranscriptData: hostile input', () => {
  it('survives cycles, throwing getters, Proxies (revoked too) and __proto__ keys', () => {
    const cyclic: Record<string, unknown> = { start: 0, end: 1, text: 'cyclic' };
    cyclic['self'] = cyclic;
    cyclic['words'] = [cyclic];
    const throwing = {
      get start(): number {
        throw new Error('boom');
      },
      end: 1,
      text: 'getter',
    };
    const { proxy: revoked, revoke } = Proxy.revocable({}, {});
    revoke();
    const trap = new Proxy([], {
      get(): never {
        throw new Error('trap');
      },
    });
    const liar = new Proxy([], { get: (t, k) => (k === 'length' ? 1e15 : Reflect.get(t, k)) });
    const poisoned = JSON.parse('{"__proto__": {"polluted": true}, "version": 1, "cues": [{"__proto__": {"x": 1}, "start": 0, "end": 1, "text": "p"}]}');
    const inputs: unknown[] = [
      { version: 1, cues: [cyclic, throwing, revoked, trap] },
      revoked,
      trap,
      liar,
      { version: 1, cues: liar },
      { get version(): number { throw new Error('v'); }, cues: [] },
      poisoned,
      { version: 1, cues: [{ id: Symbol('s'), start: 0, end: 1, text: 's' }, { id: 10n, start: 0, end: 1, text: 'big' }] },
    ];
    for (const input of inputs) {
      const r = normaliseTranscriptData(input);
      expectSaneResult(r);
    }
    const first = normaliseTranscriptData(inputs[0]);
    expect(first.transcript.cues.map((c) => c.text)).toEqual(['cyclic']);
    expect(first.problems.map((p) => p.path)).toContain('$.cues[1].start');
    expect(normaliseTranscriptData(poisoned).transcript.cues).toHaveLength(1);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(normaliseTranscriptData(inputs[7]).transcript.cues.map((c) => c.id)).toEqual(['1', '10']);
  });

  it('handles huge arrays, and caps the problem list', () => {
    const cues = Array.from({ length: 200_000 }, (_, i) => ({ start: i, end: i + 1, text: String(i) }));
    const r = normaliseTranscriptData({ version: 1, cues });
    expect(r.transcript.cues).toHaveLength(200_000);
    const bad = normaliseTranscriptData(Array.from({ length: 5000 }, () => 1));
    expect(bad.problems).toHaveLength(1001);
    expect(bad.problems[1000]?.detail).toMatch(/4000 more/);
    const sparse = normaliseTranscriptData(new Array(10));
    expect(sparse.problems).toHaveLength(10);
  });

  it('never throws and keeps the invariants on arbitrary JSON values and strings', () => {
    const cueLike = fc.record(
      {
        id: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant('dup')),
        start: fc.oneof(fc.double(), fc.string(), fc.constant(undefined)),
        end: fc.oneof(fc.double(), fc.integer({ min: 0, max: 100 })),
        text: fc.oneof(fc.string(), fc.integer()),
        speaker: fc.jsonValue(),
        lang: fc.oneof(fc.constantFrom('en', 'uk-UA', 'x x'), fc.jsonValue()),
        words: fc.oneof(fc.jsonValue(), fc.array(fc.record({ start: fc.double(), end: fc.double(), text: fc.jsonValue() }, { requiredKeys: [] }))),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.array(cueLike), fc.record({ version: fc.jsonValue(), cues: fc.array(cueLike) })), (v) => {
        expectSaneResult(normaliseTranscriptData(v));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.json()), (s) => {
        expectSaneResult(parseTranscriptJSON(s));
      }),
      { numRuns: 300 },
    );
  });
});
