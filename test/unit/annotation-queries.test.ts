import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  annotationsCovering,
  annotationsStartingAt,
  claimRelation,
  evidenceMarks,
  isWebAnnotation,
  linelessAnnotations,
  linkAnnotations,
  parseAnnotations,
  readAnnotationFile,
  readAnnotationInput,
  validateAnnotations,
  type Annotation,
} from '../../src/model/annotations/index.js';
import { CueIndex } from '../../src/model/cue-index.js';
import type { Cue } from '../../src/model/types.js';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/annotations/${name}`, import.meta.url)), 'utf8');
const cues = JSON.parse(fixture('cues.json')) as Cue[];
const { data } = parseAnnotations(fixture('valid.json'));
const { links } = linkAnnotations(data, cues);
const byId = new Map<string, Annotation>(data.annotations.map((a) => [a.id, a]));
const ids = (list: Annotation[]): string[] => list.map((a) => a.id);

describe('annotation queries (the fixture: a1 contradicts cues 2-3, a2 supports 3-5, a3 unsupported, a4 context cue 5)', () => {
  it('claimRelation: contradicts, then context, then supports win; else unsupported', () => {
    expect(claimRelation(links, byId, 'c1')).toBe('contradicts'); // a1 contradicts + a4 context
    expect(claimRelation(links, byId, 'c2')).toBe('supports');
    expect(claimRelation(links, byId, 'c3')).toBe('unsupported');
    expect(claimRelation(links, byId, 'c4')).toBe('context');
    expect(claimRelation(links, byId, 'nope')).toBe('unsupported');
  });

  it('annotationsStartingAt: the annotations whose first line is the cue', () => {
    expect(ids(annotationsStartingAt(links, byId, '2'))).toEqual(['a1']);
    expect(ids(annotationsStartingAt(links, byId, '3'))).toEqual(['a2']);
    expect(ids(annotationsStartingAt(links, byId, '5'))).toEqual(['a4']);
    expect(annotationsStartingAt(links, byId, '1')).toEqual([]);
  });

  it('annotationsCovering: every annotation on the cue, in file order', () => {
    expect(ids(annotationsCovering(links, byId, '3'))).toEqual(['a1', 'a2']);
    expect(ids(annotationsCovering(links, byId, '5'))).toEqual(['a2', 'a4']);
    expect(annotationsCovering(links, byId, '6')).toEqual([]);
  });

  it('linelessAnnotations: unsupported annotations without lines', () => {
    expect(ids(linelessAnnotations(data, links))).toEqual(['a3']);
  });

  it('evidenceMarks: one mark per run of consecutive lines, in media time', () => {
    const index = new CueIndex(cues);
    expect(evidenceMarks(data, links, index)).toEqual([
      { annotationId: 'a1', relation: 'contradicts', start: 4.2, end: 10 },
      { annotationId: 'a2', relation: 'supports', start: 7.8, end: 18 },
      { annotationId: 'a4', relation: 'context', start: 13.5, end: 18 },
    ]);
    const split = validateAnnotations({ version: 1, annotations: [{ id: 'x', cues: ['6', '2', '3'], relation: 'supports' }] }).data;
    expect(evidenceMarks(split, linkAnnotations(split, cues).links, index)).toEqual([
      { annotationId: 'x', relation: 'supports', start: 4.2, end: 10 },
      { annotationId: 'x', relation: 'supports', start: 20, end: 24 },
    ]);
    expect(evidenceMarks(data, links, null)).toEqual([]);
  });

  it('answers empty on unusable input instead of throwing', () => {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const bad = revoked.proxy as never;
    expect(claimRelation(bad, bad, 'c1')).toBe('unsupported');
    expect(annotationsStartingAt(bad, byId, '2')).toEqual([]);
    expect(annotationsCovering(links, bad, '3')).toEqual([]);
    expect(linelessAnnotations(bad, links)).toEqual([]);
    expect(evidenceMarks(data, links, bad)).toEqual([]);
  });
});

describe('reading annotation data of either format', () => {
  it('tells Web Annotation JSON-LD from format v1 by context or type', () => {
    expect(isWebAnnotation(JSON.parse(fixture('web-annotations.json')))).toBe(true);
    expect(isWebAnnotation([{ type: 'Annotation' }])).toBe(true);
    expect(isWebAnnotation({ type: 'AnnotationPage', items: [] })).toBe(true);
    expect(isWebAnnotation(JSON.parse(fixture('valid.json')))).toBe(false);
    expect(isWebAnnotation([])).toBe(false);
    const selfContaining: unknown[] = [];
    selfContaining.push(selfContaining);
    expect(isWebAnnotation(selfContaining)).toBe(false);
    expect(isWebAnnotation(new Proxy({}, { has: () => { throw new Error('has'); } }))).toBe(false);
  });

  it('readAnnotationInput validates v1 and imports Web Annotations', () => {
    expect(readAnnotationInput(JSON.parse(fixture('valid.json')))).toEqual(validateAnnotations(JSON.parse(fixture('valid.json'))));
    const imported = readAnnotationInput(JSON.parse(fixture('web-annotations.json')));
    expect(imported.data.annotations.length).toBeGreaterThan(0);
  });

  it('readAnnotationFile parses either format, BOM included; bad JSON is reported with its line', () => {
    expect(readAnnotationFile(`\uFEFF${fixture('valid.json')}`)).toEqual(parseAnnotations(fixture('valid.json')));
    expect(readAnnotationFile(fixture('web-annotations.json'))).toEqual(readAnnotationInput(JSON.parse(fixture('web-annotations.json'))));
    const broken = readAnnotationFile('{\n  "version": 1,\n  oops\n}');
    expect(broken.data.annotations).toEqual([]);
    expect(broken.problems).toMatchObject([{ kind: 'annotation', code: 'bad-json', line: 3 }]);
    expect(readAnnotationFile(42 as never).problems).toMatchObject([{ code: 'bad-json', detail: 'not text' }]);
  });
});
