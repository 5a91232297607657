import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  MAX_ITEMS,
  MAX_PROBLEMS,
  PAGE_URL_SCHEMES,
  RELATIONS,
  REQUIRED_FIELDS,
  SOURCE_URL_SCHEMES,
  MAX_ID_LENGTH,
  linkAnnotations,
  parseAnnotations,
  safeUrl,
  validateAnnotations,
  type AnnotationSet,
} from '../../src/model/annotations/index.js';
import * as annotationsModule from '../../src/model/annotations/index.js';
import * as textQuoteModule from '../../src/model/text-quote.js';
import * as webAnnotationModule from '../../src/model/web-annotation.js';
import * as claimReviewModule from '../../src/model/claim-review.js';
import * as alignModule from '../../src/model/align.js';
import * as searchModule from '../../src/model/search.js';
import * as exportModule from '../../src/model/export.js';
import * as textNormaliseModule from '../../src/model/text-normalise.js';
import * as textMatchModule from '../../src/model/text-match.js';
import * as textAnchorModule from '../../src/model/text-anchor.js';
import * as webAnnotationImportModule from '../../src/model/web-annotation-import.js';
import type { Cue } from '../../src/model/types.js';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/annotations/${name}`, import.meta.url)), 'utf8');
const cues = JSON.parse(fixture('cues.json')) as Cue[];
const simplify = (ps: Array<{ code: string; path?: string; id?: string }>): string[] => ps.map((p) => `${p.code} ${p.path ?? ''} ${p.id ?? ''}`.trim());

describe('validateAnnotations: the sample file', () => {
  it('keeps everything of a valid file, reports nothing', () => {
    const raw = JSON.parse(fixture('valid.json'));
    const { data, problems } = parseAnnotations(fixture('valid.json'));
    expect(problems).toEqual([]);
    // The only differences: list fields default to [] (an unsupported annotation has no cues).
    for (const a of raw.annotations) {
      a.cues ??= [];
      a.sources ??= [];
    }
    expect(data).toEqual(raw);
  });

  it('is not mutated, and the result shares nothing mutable with the input', () => {
    const raw = JSON.parse(fixture('valid.json'));
    const copy = structuredClone(raw);
    const { data } = validateAnnotations(raw);
    expect(raw).toEqual(copy);
    data.annotations[0]!.cues.push('x');
    data.claims[0]!.quote.exact = 'changed';
    expect(raw).toEqual(copy);
  });
});

describe('validateAnnotations: every kind of bad field', () => {
  const { data, problems } = parseAnnotations(fixture('invalid.json'));

  it('reports each problem with its path (and the item id when it has one)', () => {
    expect(simplify(problems)).toEqual([
      'unsupported-version $.version',
      'invalid-annotation $.media.title',
      'invalid-annotation $.media.src',
      'invalid-annotation $.article',
      'invalid-annotation $.claims[0].quote.prefix c1',
      'invalid-annotation $.claims[0].summary c1',
      'invalid-annotation $.claims[1].id',
      'invalid-annotation $.claims[2].quote c3',
      'invalid-annotation $.claims[3].quote.exact c4',
      'duplicate-id $.claims[4] c1',
      'invalid-annotation $.claims[5]',
      'invalid-annotation $.annotations[0].cues[1] a1',
      'invalid-annotation $.annotations[0].cues[2] a1',
      'invalid-annotation $.annotations[0].sources[0].url a1',
      'invalid-annotation $.annotations[0].sources[1].title a1',
      'invalid-annotation $.annotations[0].sources[2] a1',
      'invalid-annotation $.annotations[1].relation a2',
      'invalid-annotation $.annotations[2] a3',
      'invalid-annotation $.annotations[3].time.end a4',
      'invalid-annotation $.annotations[3] a4',
      'invalid-annotation $.annotations[4].time.start a5',
      'invalid-annotation $.annotations[4].time.end a5',
      'invalid-annotation $.annotations[4].body a5',
      'invalid-annotation $.annotations[5].cues a6',
      'invalid-annotation $.annotations[5].time a6',
      'invalid-annotation $.annotations[6].claims a7',
      'duplicate-id $.annotations[7] a1',
      'invalid-annotation $.annotations[8].cues a9',
      'invalid-annotation $.annotations[8].claims a9',
      'invalid-annotation $.annotations[8].sources a9',
      'invalid-annotation $.annotations[8] a9',
      'invalid-annotation $.annotations[9].id',
      'invalid-annotation $.annotations[10]',
      'invalid-annotation $.annotations[11].sources[0].url a12',
      'invalid-annotation $.annotations[11].sources[1].url a12',
    ]);
    for (const p of problems) {
      expect(p.kind).toBe('annotation');
      expect(p.detail!.length).toBeLessThanOrEqual(200);
    }
    expect(problems[0]!.detail).toBe('2');
    expect(problems.find((p) => p.code === 'duplicate-id')!.detail).toBe('id already used at $.claims[0]');
  });

  it('keeps the valid items, dropping only bad optional fields where the item is usable', () => {
    expect(data.media).toBeUndefined(); // title and src both bad: nothing left
    expect(data.article).toBeUndefined();
    expect(data.claims).toEqual([{ id: 'c1', quote: { exact: 'the lamp was switched off' } }]);
    expect(data.annotations.map((a) => a.id)).toEqual(['a1', 'a5', 'a6', 'a12']);
    const [a1, a5, a6, a12] = data.annotations;
    expect(a1!.cues).toEqual(['2', '3']); // the integer 3 is repaired to "3", null dropped
    expect(a1!.sources).toEqual([{ url: 'https://ok.example.org' }]);
    expect(a5).toEqual({ id: 'a5', cues: ['4'], claims: ['c1'], relation: 'context', sources: [] });
    expect(a6).toEqual({ id: 'a6', cues: [], claims: ['c1'], relation: 'unsupported', sources: [] });
    expect(a12!.sources).toEqual([{ url: 'HTTPS://UPPER.example.org/x' }]);
  });

  it('reads a file without claims, and reports missing version and annotations', () => {
    expect(validateAnnotations({ version: 1, annotations: [] })).toEqual({ data: { version: 1, claims: [], annotations: [] }, problems: [] });
    expect(simplify(validateAnnotations({}).problems)).toEqual(['invalid-annotation $.version', 'invalid-annotation $.annotations']);
    expect(simplify(validateAnnotations([]).problems)).toEqual(['invalid-annotation $']);
    expect(simplify(validateAnnotations({ version: 1, annotations: {}, claims: 'x' }).problems)).toEqual([
      'invalid-annotation $.claims',
      'invalid-annotation $.annotations',
    ]);
  });

  it('rejects ids that are blank, too long or not strings', () => {
    const annotations = [' ', 'x'.repeat(MAX_ID_LENGTH + 1), 7].map((id) => ({ id, cues: [], relation: 'context' }));
    const { data, problems } = validateAnnotations({ version: 1, annotations: [...annotations, { id: 'x'.repeat(MAX_ID_LENGTH), cues: [], relation: 'context' }] });
    expect(simplify(problems)).toEqual(['invalid-annotation $.annotations[0].id', 'invalid-annotation $.annotations[1].id', 'invalid-annotation $.annotations[2].id']);
    expect(data.annotations).toHaveLength(1);
  });
});

describe('parseAnnotations', () => {
  it('reports bad JSON with its line, and never throws', () => {
    const r = parseAnnotations('{\n  "version": 1,\n  oops\n}');
    expect(r.data).toEqual({ version: 1, claims: [], annotations: [] });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ kind: 'annotation', code: 'bad-json', line: 3 });
    expect(parseAnnotations('').problems[0]!.code).toBe('bad-json');
    expect(parseAnnotations(42 as unknown as string).problems[0]!.code).toBe('bad-json');
  });

  it('accepts a byte-order mark', () => {
    expect(parseAnnotations(`\ufeff${fixture('valid.json')}`).problems).toEqual([]);
  });
});

describe('URLs', () => {
  it('allows http(s) and mailto only, strictly', () => {
    const ok = ['https://a.example/x?y#z', 'HTTP://A.EXAMPLE', 'mailto:desk@example.org', 'MailTo:x@y.z'];
    const bad = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', ' https://a.example', 'https://a.example/ x',
      'data:text/html,x', 'vbscript:x', 'https:a.example', 'https:///x', '//a.example', '/relative', 'https://a.example\\@evil',
      'https://a\u200b.example', 'https://a.example/\u202e', 'mailto:', 'file:///etc/passwd', '', 'https://'];
    for (const u of ok) expect(safeUrl(u, SOURCE_URL_SCHEMES), u).toBe(u);
    for (const u of bad) expect(safeUrl(u, SOURCE_URL_SCHEMES), JSON.stringify(u)).toBeNull();
    expect(safeUrl('mailto:x@y.z', PAGE_URL_SCHEMES)).toBeNull();
    expect(safeUrl(42, PAGE_URL_SCHEMES)).toBeNull();
  });
});

describe('hostile input', () => {
  const cyclic: Record<string, unknown> = { version: 1 };
  cyclic.annotations = [cyclic, { id: 'a', cues: [], relation: 'context', sources: [cyclic] }];
  cyclic.claims = [cyclic];
  const throwing = new Proxy({}, {
    get() { throw new Error('get'); },
    has() { throw new Error('has'); },
    ownKeys() { throw new Error('ownKeys'); },
    getOwnPropertyDescriptor() { throw new Error('gopd'); },
    getPrototypeOf() { throw new Error('proto'); },
  });
  const revocable = Proxy.revocable([], {});
  revocable.revoke();
  const getters = {
    version: 1,
    get annotations(): unknown { throw new Error('getter'); },
    claims: [{ id: 'c', get quote(): unknown { throw new Error('getter'); } }],
  };

  it('survives cyclic objects, throwing getters and proxies, revoked proxies', () => {
    const r = validateAnnotations(cyclic);
    expect(r.data.annotations).toEqual([{ id: 'a', cues: [], claims: [], relation: 'context', sources: [] }]);
    expect(simplify(r.problems)).toEqual(['invalid-annotation $.claims[0].id', 'invalid-annotation $.annotations[0].id', 'invalid-annotation $.annotations[1].sources[0].url a']);
    expect(simplify(validateAnnotations(throwing).problems)).toEqual([
      'unsupported-version $.version',
      'invalid-annotation $.media',
      'invalid-annotation $.article',
      'invalid-annotation $.claims',
      'invalid-annotation $.annotations',
    ]);
    expect(simplify(validateAnnotations(revocable.proxy).problems)).toEqual(['invalid-annotation $']);
    const g = validateAnnotations(getters);
    expect(g.problems.map((p) => p.detail)).toEqual(['expected an object, got an unreadable value', 'expected an array, got an unreadable value']);
  });

  it('treats __proto__ as an ordinary key and id, polluting nothing', () => {
    const text = '{"version":1,"__proto__":{"polluted":true},"claims":[{"id":"__proto__","quote":{"exact":"x","__proto__":{"prefix":"p"}}}],' +
      '"annotations":[{"id":"constructor","cues":["__proto__"],"claims":["__proto__"],"relation":"supports"}]}';
    const { data, problems } = parseAnnotations(text);
    expect(problems).toEqual([]);
    expect(data.claims[0]!.quote).toEqual({ exact: 'x' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const { links } = linkAnnotations(data, [{ id: '__proto__', start: 0, end: 1, text: '' }]);
    expect(links.cuesOf.get('constructor')).toEqual(['__proto__']);
    expect(links.annotationsOfClaim.get('__proto__')).toEqual(['constructor']);
  });

  it('caps huge arrays and the number of problems', () => {
    const sparse: unknown[] = [];
    sparse.length = 2 ** 32 - 1;
    const t = performance.now();
    const r = validateAnnotations({ version: 1, annotations: sparse });
    expect(performance.now() - t).toBeLessThan(10_000);
    expect(r.problems.length).toBe(MAX_PROBLEMS + 1);
    expect(r.problems[0]!.detail).toContain(String(MAX_ITEMS));
    expect(r.problems[MAX_PROBLEMS]!.detail).toMatch(/more problems not listed/);
  });

  // Issue 9: values nested 100 000 levels deep (arrays, objects, JSON text), lone surrogates.
  let deepArray: unknown = [];
  let deepObject: unknown = {};
  for (let i = 0; i < 100_000; i++) {
    deepArray = [deepArray];
    deepObject = { version: 1, annotations: deepObject, claims: [deepObject], id: 'x', exact: 'y' };
  }
  const deepText = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
  const hostile: unknown[] = [
    undefined, null, '', {}, [], 0, -1, NaN, 1e308, 'text', cyclic, throwing, revocable.proxy, getters, Symbol('s'), () => 1,
    deepArray, deepObject, deepText, '\ud800', { version: 1, claims: [{ id: '\ud800', quote: { exact: '\udc00' } }], annotations: [{ id: '\ud800', relation: 'unsupported', claims: ['\ud800'] }] },
  ];
  const modules = {
    annotationsModule, textQuoteModule, textAnchorModule, webAnnotationModule, webAnnotationImportModule, claimReviewModule,
    alignModule, searchModule, exportModule, textNormaliseModule, textMatchModule,
  };
  const functions = Object.entries(modules).flatMap(([m, mod]) =>
    Object.entries(mod)
      .filter(([, f]) => typeof f === 'function')
      .map(([name, f]) => [`${m}.${name}`, f as (...args: unknown[]) => unknown] as const),
  );

  it('finds the exported functions', () => {
    expect(functions.length).toBeGreaterThan(20);
  });

  it.each(functions)('%s never throws on hostile arguments', async (_name, fn) => {
    for (const a of hostile) {
      for (const args of [[a], [a, a], [a, a, a], ['some text', a, a], [{ exact: 'x' }, a], [a, {}]]) {
        let out: unknown;
        expect(() => (out = fn(...args))).not.toThrow();
        if (out instanceof Promise) await expect(out).resolves.toBeDefined();
        else if (out && typeof (out as Iterator<unknown>).next === 'function') expect(() => [...(out as Iterable<unknown>)]).not.toThrow();
      }
    }
  });
});

describe('linkAnnotations', () => {
  const data = parseAnnotations(fixture('valid.json')).data;

  it('links by cues and by time, both ways', () => {
    const { links, problems } = linkAnnotations(data, cues);
    expect(problems).toEqual([]);
    expect(Object.fromEntries(links.cuesOf)).toEqual({ a1: ['2', '3'], a2: ['3', '4', '5'], a3: [], a4: ['5'], a5: [] });
    expect(Object.fromEntries(links.annotationsOfCue)).toEqual({ '2': ['a1'], '3': ['a1', 'a2'], '4': ['a2'], '5': ['a2', 'a4'] });
    expect(Object.fromEntries(links.annotationsOfClaim)).toEqual({ c1: ['a1', 'a4'], c2: ['a2'], c3: ['a3'], c4: ['a4'] });
    expect(Object.fromEntries(links.claimsOfAnnotation)).toEqual({ a1: ['c1'], a2: ['c2'], a3: ['c3'], a4: ['c4', 'c1'], a5: [] });
    expect(links.unsupportedClaims).toEqual(['c3']);
    expect(links.unlinkedClaims).toEqual([]);
    expect(Object.fromEntries(links.span)).toEqual({ a1: { start: 4.2, end: 10 }, a2: { start: 7.8, end: 18 }, a4: { start: 13.5, end: 18 } });
  });

  const set = (annotations: unknown[], claims: unknown[] = []): AnnotationSet => {
    const r = validateAnnotations({ version: 1, claims, annotations });
    expect(r.problems).toEqual([]);
    return r.data;
  };

  it('time ranges are half-open; an instant attaches to the cue containing it', () => {
    const d = set([
      { id: 'edge', time: { start: 10, end: 13.5 }, relation: 'context' },
      { id: 'instant', time: { start: 10, end: 10 }, relation: 'context' },
      { id: 'wide', time: { start: 0, end: 100 }, relation: 'context' },
    ]);
    const { links } = linkAnnotations(d, cues);
    expect(links.cuesOf.get('edge')).toEqual(['4']);
    expect(links.cuesOf.get('instant')).toEqual(['4']);
    expect(links.cuesOf.get('wide')).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('orders resolved cues by time, merges cues and time, ignores repeats', () => {
    const d = set([{ id: 'a', cues: ['6', '2', '2'], time: { start: 4.5, end: 5 }, relation: 'supports' }]);
    const { links } = linkAnnotations(d, cues);
    expect(links.cuesOf.get('a')).toEqual(['2', '6']);
    expect(links.span.get('a')).toEqual({ start: 4.2, end: 24 });
  });

  it('reports missing cues and claims, and links the rest', () => {
    const d = set(
      [
        { id: 'a', cues: ['2', '99'], claims: ['c1', 'nope'], relation: 'supports' },
        { id: 'gap', time: { start: 18.5, end: 19.5 }, claims: ['c1'], relation: 'contradicts' },
      ],
      [{ id: 'c1', quote: { exact: 'x' } }, { id: 'c2', quote: { exact: 'y' } }],
    );
    const { links, problems } = linkAnnotations(d, cues);
    expect(problems).toEqual([
      { kind: 'annotation', code: 'missing-cue', id: 'a', detail: '99' },
      { kind: 'annotation', code: 'missing-claim', id: 'a', detail: 'nope' },
      { kind: 'annotation', code: 'missing-cue', id: 'gap', detail: 't=18.5,19.5' },
    ]);
    expect(links.cuesOf.get('a')).toEqual(['2']);
    expect(links.claimsOfAnnotation.get('a')).toEqual(['c1']);
    expect(links.cuesOf.get('gap')).toEqual([]);
    expect(links.span.get('gap')).toEqual({ start: 18.5, end: 19.5 }); // still playable
    expect(links.unlinkedClaims).toEqual(['c2']);
  });

  it('a claim is "unsupported" only when all its annotations say so', () => {
    const d = set(
      [
        { id: 'u1', claims: ['c1', 'c2'], relation: 'unsupported' },
        { id: 'u2', claims: ['c1'], relation: 'unsupported' },
        { id: 's', cues: ['1'], claims: ['c2'], relation: 'supports' },
      ],
      [{ id: 'c1', quote: { exact: 'x' } }, { id: 'c2', quote: { exact: 'y' } }],
    );
    const { links } = linkAnnotations(d, cues);
    expect(links.unsupportedClaims).toEqual(['c1']);
    expect(links.span.has('u1')).toBe(false);
  });

  it('with no cues at all, reports named cues missing but not time ranges', () => {
    const { links, problems } = linkAnnotations(data, []);
    expect(problems.map((p) => `${p.id}:${p.detail}`)).toEqual(['a1:2', 'a1:3', 'a4:5']);
    expect(links.span.get('a2')).toEqual({ start: 9.5, end: 14 });
  });

  it('scales to many cues and time-based annotations', () => {
    const many: Cue[] = Array.from({ length: 50_000 }, (_, i) => ({ id: String(i + 1), start: i * 2, end: i * 2 + 2, text: '' }));
    const annotations = Array.from({ length: 5_000 }, (_, i) => ({ id: `a${i}`, time: { start: i * 20 + 1, end: i * 20 + 5 }, relation: 'context' }));
    const t = performance.now();
    const { links } = linkAnnotations(set(annotations), many);
    expect(performance.now() - t).toBeLessThan(5_000);
    expect(links.cuesOf.get('a10')).toEqual(['101', '102', '103']);
  });
});

describe('schema file', () => {
  const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../data/annotations.schema.json', import.meta.url)), 'utf8'));
  const defs = schema.$defs;

  it('matches the validator: required fields, enums, limits', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual([...REQUIRED_FIELDS.file]);
    expect(defs.claim.required).toEqual([...REQUIRED_FIELDS.claim]);
    expect(defs.quote.required).toEqual([...REQUIRED_FIELDS.quote]);
    expect(defs.annotation.required).toEqual([...REQUIRED_FIELDS.annotation]);
    expect(defs.source.required).toEqual([...REQUIRED_FIELDS.source]);
    expect(defs.annotation.properties.relation.enum).toEqual([...RELATIONS]);
    expect(schema.properties.version.const).toBe(1);
    expect(defs.id.maxLength).toBe(MAX_ID_LENGTH);
    expect(schema.properties.annotations.maxItems).toBe(MAX_ITEMS);
    expect(defs.annotation.if.properties.relation.const).toBe('unsupported');
  });

  it('its URL patterns agree with the validator', () => {
    const page = new RegExp(defs.pageUrl.pattern, 'u');
    const source = new RegExp(defs.sourceUrl.pattern, 'u');
    const samples = ['https://a.example/x', 'HTTP://a.example', 'mailto:x@y.z', 'javascript:alert(1)', 'java\tscript:x', 'data:,x',
      'https://a.example/ x', 'https://a\u200b.example', 'https://a.example\\x', 'ftp://a.example', 'https://a.example/\u00a0'];
    for (const u of samples) {
      expect(page.test(u), u).toBe(safeUrl(u, PAGE_URL_SCHEMES) !== null);
      expect(source.test(u), u).toBe(safeUrl(u, SOURCE_URL_SCHEMES) !== null);
    }
  });

  it('every property of the sample file is described by the schema', () => {
    const raw = JSON.parse(fixture('valid.json'));
    const known = (props: Record<string, unknown>, obj: Record<string, unknown>): void => {
      for (const key of Object.keys(obj)) expect(Object.keys(props), key).toContain(key);
    };
    known(schema.properties, raw);
    for (const c of raw.claims) known(defs.claim.properties, c);
    for (const a of raw.annotations) known(defs.annotation.properties, a);
  });
});

describe('demo data', () => {
  const read = (path: string): string | null => {
    try {
      return readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');
    } catch {
      return null;
    }
  };
  const annotations = read('../../data/demo/annotations.json');
  const transcript = read('../../data/demo/statement.en.json');

  it.runIf(annotations !== null && transcript !== null)('the demo annotations validate and link to the demo transcript without a problem', () => {
    const { data, problems } = parseAnnotations(annotations!);
    expect(problems).toEqual([]);
    const { links, problems: linkProblems } = linkAnnotations(data, (JSON.parse(transcript!) as { cues: Cue[] }).cues);
    expect(linkProblems).toEqual([]);
    expect(links.unlinkedClaims).toEqual([]);
    for (const a of data.annotations) if (a.relation !== 'unsupported') expect(links.cuesOf.get(a.id)!.length, a.id).toBeGreaterThan(0);
  });
});
