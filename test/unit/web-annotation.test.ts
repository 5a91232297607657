import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAnnotations, type AnnotationSet } from '../../src/model/annotations/index.js';
import { ANNOTATION_CONTEXT, MEDIA_FRAGMENTS, fromWebAnnotations, toWebAnnotations } from '../../src/model/web-annotation.js';
import type { Cue } from '../../src/model/types.js';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/annotations/${name}`, import.meta.url)), 'utf8');
const data = parseAnnotations(fixture('valid.json')).data;
const cues = JSON.parse(fixture('cues.json')) as Cue[];
const mediaUrl = 'https://media.example.org/keeper.mp4';
const articleUrl = 'https://news.example.org/lamp';

/** What survives a round trip: no claim summaries, no titles of media and article. */
function portable(set: AnnotationSet): AnnotationSet {
  return {
    version: 1,
    media: { src: mediaUrl },
    article: { url: articleUrl },
    claims: set.claims.map(({ id, quote }) => ({ id, quote })),
    annotations: set.annotations,
  };
}

describe('toWebAnnotations', () => {
  const out = toWebAnnotations(data, { mediaUrl, articleUrl, cues }) as Array<Record<string, any>>;

  it('writes one W3C Annotation per annotation', () => {
    expect(out).toHaveLength(data.annotations.length);
    const a1 = out[0]!;
    expect(a1).toMatchObject({
      '@context': ANNOTATION_CONTEXT,
      type: 'Annotation',
      id: 'https://news.example.org/lamp#annotation=a1',
      motivation: 'assessing',
    });
    expect(a1.body).toEqual([
      { type: 'TextualBody', value: data.annotations[0]!.body, format: 'text/markdown', purpose: 'assessing' },
      { type: 'TextualBody', value: 'contradicts', purpose: 'tagging' },
      { type: 'SpecificResource', purpose: 'linking', source: { id: 'https://news.example.org/log', title: 'Lighthouse log (fictional)' } },
      { type: 'SpecificResource', purpose: 'linking', source: { id: 'mailto:desk@example.org' } },
    ]);
    expect(a1.target).toEqual([
      {
        source: mediaUrl,
        selector: [
          { type: 'FragmentSelector', conformsTo: MEDIA_FRAGMENTS, value: 't=4.2,7.8' },
          { type: 'FragmentSelector', conformsTo: MEDIA_FRAGMENTS, value: 'id=2' },
        ],
      },
      {
        source: mediaUrl,
        selector: [
          { type: 'FragmentSelector', conformsTo: MEDIA_FRAGMENTS, value: 't=7.8,10' },
          { type: 'FragmentSelector', conformsTo: MEDIA_FRAGMENTS, value: 'id=3' },
        ],
      },
      {
        id: 'https://news.example.org/lamp#claim=c1',
        source: articleUrl,
        selector: {
          type: 'TextQuoteSelector',
          exact: 'the lamp was switched off for three nights',
          prefix: 'The keeper admitted that ',
          suffix: ' in October.',
        },
      },
    ]);
  });

  it('uses "commenting" for context, a time range for time-based annotations, and only the article for unsupported ones', () => {
    const [, a2, a3, a4] = out;
    expect(a2!.target[0]).toEqual({ source: mediaUrl, selector: { type: 'FragmentSelector', conformsTo: MEDIA_FRAGMENTS, value: 't=9.5,14' } });
    expect(a3!.target).toHaveLength(1);
    expect(a3!.target[0].source).toBe(articleUrl);
    expect(a4!.motivation).toBe('commenting');
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });
});

describe('round trip', () => {
  it('fromWebAnnotations(toWebAnnotations(x)) gives back x (less summaries and titles), with or without cues', () => {
    for (const withCues of [true, false]) {
      const exported = toWebAnnotations(data, { mediaUrl, articleUrl, ...(withCues ? { cues } : {}) });
      const back = fromWebAnnotations(JSON.parse(JSON.stringify(exported)));
      expect(back.problems).toEqual([]);
      expect(back.data).toEqual(portable(data));
    }
  });

  it('keeps odd ids and characters intact', () => {
    const odd = parseAnnotations(
      JSON.stringify({
        version: 1,
        claims: [{ id: 'c #1&2=3', quote: { exact: 'Ünïcödé “quotes” & ampersands', prefix: '' } }],
        annotations: [{ id: 'a/1?#x', cues: ['cue #1', 'a&b=c'], claims: ['c #1&2=3'], relation: 'supports', body: 'x\n\ny' }],
      }),
    ).data;
    const back = fromWebAnnotations(toWebAnnotations(odd, { mediaUrl, articleUrl: `${articleUrl}#frag` }), { mediaUrl, articleUrl });
    expect(back.problems).toEqual([]);
    expect(back.data.annotations).toEqual(odd.annotations);
    expect(back.data.claims).toEqual(odd.claims);
  });

  it('regenerates claim ids deterministically when the targets carry none', () => {
    const exported = toWebAnnotations(data, { mediaUrl, articleUrl }) as Array<Record<string, any>>;
    for (const a of exported) for (const t of a.target) if (typeof t === 'object') delete t.id;
    const one = fromWebAnnotations(exported);
    const two = fromWebAnnotations(JSON.parse(JSON.stringify(exported)));
    expect(one.data).toEqual(two.data);
    expect(one.data.claims.map((c) => c.id)).toEqual(expect.arrayContaining([expect.stringMatching(/^q-[0-9a-z]+$/)]));
    expect(one.data.claims).toHaveLength(4); // c1 appears in a1 and a4: one claim
    const c1 = one.data.claims.find((c) => c.quote.exact === data.claims[0]!.quote.exact)!;
    expect(one.data.annotations.filter((a) => a.claims.includes(c1.id)).map((a) => a.id)).toEqual(['a1', 'a4']);
  });
});

describe('fromWebAnnotations: other tools’ output', () => {
  const { data: imported, problems } = fromWebAnnotations(JSON.parse(fixture('web-annotations.json')));

  it('reads a collection with string bodies, bodyValue, IRI targets and extra selectors', () => {
    expect(imported.media).toEqual({ src: mediaUrl });
    expect(imported.article).toEqual({ url: articleUrl });
    expect(imported.claims).toHaveLength(1);
    expect(imported.annotations[0]).toEqual({
      id: 'https://annotations.example.org/anno/17',
      cues: [],
      time: { start: 4.2, end: 10 },
      claims: [imported.claims[0]!.id],
      relation: 'contradicts',
      body: 'He says one night, not three.',
      sources: [{ url: 'https://news.example.org/log' }],
    });
    expect(imported.annotations[1]).toMatchObject({ id: 'a1', time: { start: 10, end: 13.5 }, relation: 'context', body: 'Confirmed at the end of the recording.' });
  });

  it('reports what it could not read, with paths into the input', () => {
    expect(problems.map((p) => `${p.path}: ${p.detail}`)).toEqual([
      '$.first.items[1]: no relation tag; read as "context"',
      '$.first.items[2].body[0]: not an http(s) or mailto URL: "javascript:alert(1)"',
      '$.first.items[2]: no relation tag; read as "context"',
      '$.first.items[2].target[0]: no usable selector: "XPathSelector"',
      '$.first.items[3].type: not an Annotation: "Note"',
    ]);
    expect(problems.every((p) => p.kind === 'annotation' && p.code === 'invalid-annotation')).toBe(true);
  });

  it('accepts a single annotation, an array, and an AnnotationPage', () => {
    const one = { type: 'Annotation', id: 'x', body: { type: 'TextualBody', value: 'supports', purpose: 'tagging' }, target: `${mediaUrl}#id=7` };
    for (const input of [one, [one], { type: 'AnnotationPage', items: [one] }, { type: 'AnnotationCollection', first: { items: [one] } }]) {
      const r = fromWebAnnotations(input);
      expect(r.problems).toEqual([]);
      expect(r.data.annotations).toEqual([{ id: 'x', cues: ['7'], claims: [], relation: 'supports', sources: [] }]);
    }
  });

  it('ignores targets on another media or article when told which to expect', () => {
    const exported = toWebAnnotations(data, { mediaUrl: 'https://other.example/v.mp4', articleUrl }) as object[];
    const r = fromWebAnnotations(exported, { mediaUrl, articleUrl });
    expect(r.data.annotations[0]!.cues).toEqual([]);
    expect(r.problems.some((p) => p.detail?.startsWith('another media'))).toBe(true);
    expect(r.data.media).toEqual({ src: mediaUrl });
  });

  it('reports a second relation tag and keeps the first', () => {
    const r = fromWebAnnotations({
      type: 'Annotation',
      id: 'x',
      body: [
        { type: 'TextualBody', value: 'Supports', purpose: 'tagging' },
        { type: 'TextualBody', value: 'contradicts', purpose: ['tagging'] },
      ],
      target: `${mediaUrl}#t=1,2`,
    });
    expect(r.data.annotations[0]!.relation).toBe('supports');
    expect(r.problems.map((p) => p.path)).toEqual(['$.body[1]']);
  });

  it('survives hostile input', () => {
    const cyclic: Record<string, unknown> = { type: 'Annotation' };
    cyclic.body = cyclic;
    cyclic.target = [cyclic, { source: cyclic, selector: cyclic }];
    const throwing = new Proxy({}, { get() { throw new Error('x'); }, getOwnPropertyDescriptor() { throw new Error('x'); } });
    for (const input of [undefined, null, '', 0, [], {}, cyclic, throwing, [throwing, null, 1, 'x'], { type: 'AnnotationCollection', first: throwing }]) {
      const r = fromWebAnnotations(input);
      expect(r.data.version).toBe(1);
      expect(Array.isArray(r.problems)).toBe(true);
    }
    expect(fromWebAnnotations(cyclic).data.annotations).toHaveLength(1);
    expect(toWebAnnotations(throwing as AnnotationSet, { mediaUrl, articleUrl })).toEqual([]);
  });
});
