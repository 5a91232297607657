import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_PROBLEMS, linkAnnotations, validateAnnotations, type AnnotationSet } from '../../src/model/annotations/index.js';
import { MAX_CUES_PER_ANNOTATION, MAX_LINKS } from '../../src/model/annotations/link.js';
import type { Cue } from '../../src/model/types.js';

const cueList = (n: number, step = 2): Cue[] => Array.from({ length: n }, (_, i) => ({ id: String(i + 1), start: i * step, end: i * step + step, text: '' }));
const set = (annotations: unknown[], claims: unknown[] = []): AnnotationSet => {
  const r = validateAnnotations({ version: 1, claims, annotations });
  expect(r.problems).toEqual([]);
  return r.data;
};
const totalLinks = (links: ReturnType<typeof linkAnnotations>['links']): number => [...links.cuesOf.values()].reduce((n, ids) => n + ids.length, 0);

describe('linkAnnotations: limits on hostile input', () => {
  it('20 000 time ranges over 1 000 cues stop at MAX_LINKS links, reported once (was 2×10⁷ links, 5.8 s, 831 MB)', () => {
    const annotations = Array.from({ length: 20_000 }, (_, i) => ({ id: `a${i}`, time: { start: 0, end: 1e6 }, relation: 'context' }));
    const { links, problems } = linkAnnotations(set(annotations), cueList(1000));
    expect(totalLinks(links)).toBe(MAX_LINKS);
    expect(links.cuesOf.get('a0')).toHaveLength(1000);
    expect(links.cuesOf.get(`a${MAX_LINKS / 1000 - 1}`)).toHaveLength(1000);
    expect(links.cuesOf.get(`a${MAX_LINKS / 1000}`)).toEqual([]);
    expect(links.annotationsOfCue.get('1')).toHaveLength(MAX_LINKS / 1000);
    // The annotations past the limit still have their time span, to play.
    expect(links.span.get('a19999')).toEqual({ start: 0, end: 1e6 });
    expect(problems).toEqual([
      { kind: 'annotation', code: 'invalid-annotation', id: `a${MAX_LINKS / 1000}`, detail: `more than ${MAX_LINKS} cue links in all; the rest are not linked` },
    ]);
  });

  it('one annotation links at most MAX_CUES_PER_ANNOTATION cues, the first in time order', () => {
    const many = cueList(MAX_CUES_PER_ANNOTATION + 500);
    const d = set([{ id: 'wide', cues: [String(MAX_CUES_PER_ANNOTATION + 400)], time: { start: 0, end: 1e9 }, relation: 'context' }]);
    const { links, problems } = linkAnnotations(d, many);
    const ids = links.cuesOf.get('wide')!;
    expect(ids).toHaveLength(MAX_CUES_PER_ANNOTATION);
    expect(ids[0]).toBe('1');
    expect(ids[ids.length - 1]).toBe(String(MAX_CUES_PER_ANNOTATION));
    expect(links.span.get('wide')).toEqual({ start: 0, end: MAX_CUES_PER_ANNOTATION * 2 });
    expect(problems.map((p) => p.detail)).toEqual([`links more than ${MAX_CUES_PER_ANNOTATION} cues; only the first ${MAX_CUES_PER_ANNOTATION} are linked`]);
  });

  it('one annotation naming 80 000 claims links each once, in order (was 14.8 s)', () => {
    const claims = Array.from({ length: 80_000 }, (_, i) => ({ id: `c${i}`, quote: { exact: 'x' } }));
    const named = [...claims.map((c) => c.id), 'c0', 'c79999'];
    const { links, problems } = linkAnnotations(set([{ id: 'a', cues: [], claims: named, relation: 'supports' }], claims), cueList(1));
    expect(problems).toEqual([]);
    expect(links.claimsOfAnnotation.get('a')!.join()).toBe(claims.map((c) => c.id).join());
    expect(links.annotationsOfClaim.get('c79999')).toEqual(['a']);
    expect(links.unlinkedClaims).toEqual([]);
  });

  it('a cue from 0 to 1e9 does not make every lookup scan (60 000 cues and time ranges)', () => {
    const n = 60_000;
    const cues = [{ id: 'long', start: 0, end: 1e9, text: '' }, ...cueList(n)];
    const annotations = Array.from({ length: n }, (_, i) => ({ id: `a${i}`, time: { start: i * 2 + 0.5, end: i * 2 + 1 }, relation: 'context' }));
    const { links, problems } = linkAnnotations(set(annotations), cues);
    expect(problems).toEqual([]);
    expect(links.cuesOf.get('a0')).toEqual(['long', '1']);
    expect(links.cuesOf.get(`a${n - 1}`)).toEqual(['long', String(n)]);
    expect(links.annotationsOfCue.get('long')).toHaveLength(n);
  });

  it('problems stop at MAX_PROBLEMS with one summary', () => {
    const annotations = Array.from({ length: 3000 }, (_, i) => ({ id: `a${i}`, cues: ['nope'], claims: ['none'], relation: 'supports' }));
    const { problems } = linkAnnotations(set(annotations), cueList(3));
    expect(problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(problems[MAX_PROBLEMS]).toEqual({ kind: 'annotation', code: 'invalid-annotation', path: '$', detail: `${6000 - MAX_PROBLEMS} more problems not listed` });
  });
});

/** The documented rule, the slow way: every cue a range overlaps (half-open; an instant: the cues containing it). */
function reference(cues: Cue[], s: number, e: number): string[] {
  const seen = new Set<string>();
  const hits = cues
    .map((c, order) => ({ ...c, order }))
    .filter((c) => {
      if (seen.has(c.id)) return false;
      seen.add(c.id);
      const end = Math.max(c.start, c.end);
      if (e > s) return end > c.start ? c.start < e && end > s : c.start >= s && c.start < e;
      return end > c.start ? c.start <= s && s < end : c.start === s;
    });
  return hits.sort((a, b) => a.start - b.start || a.order - b.order).map((c) => c.id);
}

describe('linkAnnotations properties', () => {
  const cueArb = fc.record({ id: fc.integer({ min: 1, max: 12 }), start: fc.integer({ min: 0, max: 30 }), dur: fc.integer({ min: -2, max: 12 }) }).map(
    ({ id, start, dur }): Cue => ({ id: String(id), start, end: start + dur, text: '' }),
  );
  const rangeArb = fc.record({ start: fc.integer({ min: 0, max: 40 }), dur: fc.integer({ min: 0, max: 15 }) });

  it('time ranges link exactly the overlapping cues, in time order, within the caps', () => {
    fc.assert(
      fc.property(fc.array(cueArb, { maxLength: 25 }), fc.array(rangeArb, { maxLength: 8 }), (cues, ranges) => {
        const d = set(ranges.map((r, i) => ({ id: `a${i}`, time: { start: r.start, end: r.start + r.dur }, relation: 'context' })));
        const { links, problems } = linkAnnotations(d, cues);
        ranges.forEach((r, i) => {
          const ids = links.cuesOf.get(`a${i}`)!;
          expect(ids).toEqual(reference(cues, r.start, r.start + r.dur));
          expect(ids.length).toBeLessThanOrEqual(MAX_CUES_PER_ANNOTATION);
        });
        expect(totalLinks(links)).toBeLessThanOrEqual(MAX_LINKS);
        expect(problems.length).toBeLessThanOrEqual(MAX_PROBLEMS + 1);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary data', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (data, cues) => {
        const r = linkAnnotations(data as AnnotationSet, cues as Cue[]);
        expect(Array.isArray(r.problems)).toBe(true);
        expect(r.problems.length).toBeLessThanOrEqual(MAX_PROBLEMS + 1);
      }),
    );
  });
});
