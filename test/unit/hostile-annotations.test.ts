/**
 * Issue 9 (model part): deep nesting (finding 5), strings that are not well-formed Unicode
 * (finding 9), and the Web Annotation import at scale (finding 4).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_PROBLEMS,
  isWebAnnotation,
  linkAnnotations,
  readAnnotationFile,
  readAnnotationInput,
  validateAnnotations,
  type AnnotationSet,
} from '../../src/model/annotations/index.js';
import { fromWebAnnotations, toWebAnnotations } from '../../src/model/web-annotation.js';
import { toClaimReview } from '../../src/model/claim-review.js';
import { MAX_JSON_DEPTH, isWellFormed, parseJson, toWellFormed, truncate } from '../../src/model/untrusted.js';
import { safeUrl, SOURCE_URL_SCHEMES } from '../../src/model/safe-url.js';
import type { Problem } from '../../src/model/types.js';

const nestedArray = (depth: number): unknown => {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};
const nestedObject = (depth: number): unknown => {
  let v: unknown = {};
  for (let i = 0; i < depth; i++) v = { annotations: v, version: 1 };
  return v;
};

describe('deeply nested input', () => {
  it('readAnnotationInput on a 100 000-level array reports it, no RangeError', () => {
    const r = readAnnotationInput(nestedArray(100_000));
    expect(r.data.annotations).toEqual([]);
    expect(r.problems).toEqual([{ kind: 'annotation', code: 'invalid-annotation', path: '$', detail: 'expected an object, got an array' }]);
    expect(isWebAnnotation(nestedArray(100_000))).toBe(false);
    const self: unknown[] = [];
    self.push(self);
    expect(isWebAnnotation(self)).toBe(false);
    expect(isWebAnnotation([[{ type: 'Annotation' }]])).toBe(true);
  });

  it('validateAnnotations, fromWebAnnotations and linking take deep values as they take flat ones', () => {
    for (const deep of [nestedArray(100_000), nestedObject(100_000)]) {
      expect(validateAnnotations(deep).data.annotations).toEqual([]);
      expect(fromWebAnnotations(deep).data.annotations.length).toBeLessThanOrEqual(1);
      expect(linkAnnotations(deep as AnnotationSet, deep as never).problems).toEqual([]);
    }
  });

  it(`readAnnotationFile refuses JSON text nested deeper than MAX_JSON_DEPTH (${MAX_JSON_DEPTH}) as bad-json`, () => {
    const deep = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
    const r = readAnnotationFile(deep);
    expect(r.problems).toEqual([{ kind: 'annotation', code: 'bad-json', detail: `nested deeper than ${MAX_JSON_DEPTH} levels` }]);
    const objects = `${'{"a":'.repeat(200_000)}1${'}'.repeat(200_000)}`;
    expect(readAnnotationFile(objects).problems[0]!.code).toBe('bad-json');
    // Brackets inside strings do not count; exactly MAX_JSON_DEPTH levels are read.
    expect(parseJson(JSON.stringify({ s: '['.repeat(50_000) })).ok).toBe(true);
    expect(parseJson(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`).ok).toBe(true);
    expect(parseJson(`${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`).ok).toBe(false);
    expect(parseJson(`"\\"[[[" ${'['.repeat(10)}`).ok).toBe(false); // still a syntax error, not "deep"
  });
});

describe('strings that are not well-formed Unicode', () => {
  it('isWellFormed / toWellFormed / truncate', () => {
    expect(['a', '😀', '', 'a\ud83d\ude00b'].every(isWellFormed)).toBe(true);
    expect(['\ud800', 'a\udc00', '\ude00\ud83d', 'x\ud83d'].some(isWellFormed)).toBe(false);
    expect(isWellFormed(5)).toBe(false);
    expect(toWellFormed('a\ud800b\udc00😀')).toBe('a\ufffdb\ufffd😀');
    expect(truncate('ab😀cd', 4)).toBe('ab…'); // the pair is not halved
    expect(isWellFormed(truncate('😀'.repeat(300)))).toBe(true);
    expect(safeUrl('https://a.example/\ud800', SOURCE_URL_SCHEMES)).toBeNull();
  });

  it('validation refuses ids with a lone surrogate, and repairs text fields with a report', () => {
    const { data, problems } = validateAnnotations({
      version: 1,
      claims: [{ id: '\ud800', quote: { exact: 'x' } }, { id: 'c', quote: { exact: 'half \udc00 quote', prefix: '\ud83d' }, summary: 'ok' }],
      annotations: [
        { id: 'a\ud800', cues: ['1'], relation: 'supports' },
        { id: 'b', cues: ['1', '\udfff'], claims: ['c'], relation: 'supports', body: 'note \ud800', sources: [{ url: 'https://s.example', title: '\ud800' }] },
      ],
    });
    expect(data.claims).toEqual([{ id: 'c', quote: { exact: 'half \ufffd quote', prefix: '\ufffd' }, summary: 'ok' }]);
    expect(data.annotations).toEqual([{ id: 'b', cues: ['1'], claims: ['c'], relation: 'supports', body: 'note \ufffd', sources: [{ url: 'https://s.example', title: '\ufffd' }] }]);
    expect(problems.map((p) => p.path)).toEqual([
      '$.claims[0].id', '$.claims[1].quote.exact', '$.claims[1].quote.prefix', '$.annotations[0].id',
      '$.annotations[1].cues[1]', '$.annotations[1].body', '$.annotations[1].sources[0].title',
    ]);
    expect(problems.every((p) => p.code === 'invalid-annotation' && /well-formed/.test(p.detail ?? ''))).toBe(true);
    expect(problems.every((p) => isWellFormed(JSON.stringify(p)) && (p.id === undefined || isWellFormed(p.id)))).toBe(true);
  });

  // Data that did not come through the validator (a page may hand it over as it is).
  const raw = {
    version: 1,
    claims: [{ id: 'c\ud800', quote: { exact: 'x' } }, { id: 'ok', quote: { exact: 'y' } }],
    annotations: [
      { id: 'a\ud800', cues: ['1'], claims: [], relation: 'supports', sources: [] },
      { id: 'b', cues: ['1', '\ud800'], claims: ['c\ud800', 'ok'], relation: 'context', sources: [] },
    ],
  } as unknown as AnnotationSet;

  it('toWebAnnotations leaves out only what cannot be written, and reports it (it used to return nothing)', () => {
    const problems: Problem[] = [];
    const out = toWebAnnotations(raw, { mediaUrl: 'https://m.example/v.mp4', articleUrl: 'https://a.example/x', onProblem: (p) => problems.push(p) }) as Array<Record<string, any>>;
    expect(out.map((a) => a.id)).toEqual(['https://a.example/x#annotation=b']);
    expect(out[0]!.target).toHaveLength(2); // cue "1" and claim "ok"
    expect(problems.map((p) => `${p.path} ${p.id}`)).toEqual(['$.annotations[0].id a\ufffd', '$.annotations[1].cues[1] b', '$.annotations[1].claims[0] b']);
    // Without a callback nothing throws either.
    expect(toWebAnnotations(raw, { mediaUrl: '', articleUrl: '' })).toHaveLength(1);
  });

  it('toClaimReview leaves out only the claim with a bad id, and reports it', () => {
    const links = { ...linkAnnotations(raw, [{ id: '1', start: 0, end: 1, text: '' }]).links };
    const problems: Problem[] = [];
    const out = toClaimReview(raw, links, { pageUrl: 'https://a.example/x', onProblem: (p) => problems.push(p) }) as Array<Record<string, any>>;
    expect(out.map((r) => r.url)).toEqual(['https://a.example/x#claim=ok']);
    expect(problems).toEqual([{ kind: 'annotation', code: 'invalid-annotation', path: '$.claims[0]', id: 'c\ufffd', detail: 'not exported: its id is not well-formed Unicode (a lone surrogate)' }]);
  });

  it('property: whatever the strings, validated data exports one Web Annotation per annotation', () => {
    const str = fc.string({ unit: fc.constantFrom('a', ' ', '\ud800', '\udc00', '😀', '#', '%'), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(fc.record({ id: str, cue: str, claim: str, body: str }), { maxLength: 6 }), (items) => {
        const { data } = validateAnnotations({
          version: 1,
          claims: items.map((x) => ({ id: x.claim, quote: { exact: x.body } })),
          annotations: items.map((x) => ({ id: x.id, cues: [x.cue], claims: [x.claim], relation: 'context', body: x.body })),
        });
        const problems: Problem[] = [];
        const out = toWebAnnotations(data, { mediaUrl: 'https://m.example', articleUrl: 'https://a.example', onProblem: (p) => problems.push(p) });
        expect(out).toHaveLength(data.annotations.length);
        expect(problems).toEqual([]);
        const { links } = linkAnnotations(data, []);
        expect(() => toClaimReview(data, links, { pageUrl: 'https://a.example', onProblem: (p) => problems.push(p) })).not.toThrow();
        expect(problems).toEqual([]);
      }),
    );
  });
});

describe('fromWebAnnotations at scale', () => {
  it('one annotation with 80 000 targets: each claim once, linear (was 18.9 s)', () => {
    const target = Array.from({ length: 80_000 }, (_, i) => ({ source: 'https://a.example/x', selector: { type: 'TextQuoteSelector', exact: `quote ${i % 40_000}` } }));
    const { data, problems } = fromWebAnnotations({ type: 'Annotation', id: 'a', body: { type: 'TextualBody', value: 'context', purpose: 'tagging' }, target });
    expect(problems).toEqual([]);
    expect(data.claims).toHaveLength(40_000);
    expect(data.annotations[0]!.claims).toHaveLength(40_000);
    expect(new Set(data.annotations[0]!.claims).size).toBe(40_000);
  });

  it('problems stop at MAX_PROBLEMS with one summary', () => {
    const items = Array.from({ length: 3000 }, () => 'not an annotation');
    const { problems } = fromWebAnnotations(items);
    expect(problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(problems[MAX_PROBLEMS]!.detail).toBe(`${3000 - MAX_PROBLEMS} more problems not listed`);
  });
});
