import { describe, expect, it } from 'vitest';
import { History } from '../../src/model/editor/history.js';
import { addAnnotation, addClaim, editSources, nextId, removeAnnotation, removeClaim, updateAnnotation, updateClaim, withAbsoluteUrls } from '../../src/model/editor/edits.js';
import { decodeDraft, draftKey, encodeDraft } from '../../src/model/editor/draft.js';
import { emptyAnnotationSet, validateAnnotations } from '../../src/model/annotations/index.js';

describe('edits', () => {
  it('a new claim comes with a context annotation concerning it, ids unique', () => {
    const set = { ...emptyAnnotationSet(), claims: [{ id: 'c1', quote: { exact: 'x' } }], annotations: [{ id: 'a2', cues: [], claims: [], relation: 'context' as const, sources: [] }] };
    const { set: next, claimId, annotationId } = addClaim(set, { exact: 'the line', prefix: 'said ' });
    expect(claimId).toBe('c2');
    expect(annotationId).toBe('a1');
    expect(next.annotations.find((a) => a.id === 'a1')).toEqual({ id: 'a1', cues: [], claims: ['c2'], relation: 'context', sources: [] });
    expect(set.claims).toHaveLength(1); // unchanged
    expect(validateAnnotations(next).problems).toEqual([]);
  });

  it('updates never mutate, and remove what is cleared', () => {
    const { set } = addAnnotation(emptyAnnotationSet(), ['c1']);
    const a = updateAnnotation(set, 'a1', { relation: 'supports', body: 'Yes.', cues: ['2', '3'], time: { start: 9, end: 4 } });
    expect(a.annotations[0]).toMatchObject({ relation: 'supports', body: 'Yes.', cues: ['2', '3'], time: { start: 4, end: 9 } });
    expect(set.annotations[0]!.relation).toBe('context');
    const b = updateAnnotation(a, 'a1', { body: '', time: null });
    expect(b.annotations[0]).not.toHaveProperty('body');
    expect(b.annotations[0]).not.toHaveProperty('time');
    expect(removeAnnotation(b, 'a1').annotations).toEqual([]);
  });

  it('removing a claim removes its mentions; summaries clear', () => {
    const { set } = addClaim(emptyAnnotationSet(), { exact: 'q' });
    const s = updateClaim(set, 'c1', { summary: 'S' });
    expect(s.claims[0]!.summary).toBe('S');
    expect(updateClaim(s, 'c1', { summary: '' }).claims[0]).not.toHaveProperty('summary');
    const r = removeClaim(s, 'c1');
    expect(r.claims).toEqual([]);
    expect(r.annotations[0]!.claims).toEqual([]);
  });

  it('sources: add, change, remove; an empty title is left out', () => {
    let list = editSources([], 0, { title: '', url: 'https://a.example/' });
    expect(list).toEqual([{ url: 'https://a.example/' }]);
    list = editSources(list, 1, { title: 'B', url: 'https://b.example/' });
    expect(list).toHaveLength(2);
    expect(editSources(list, 0, null)).toEqual([{ title: 'B', url: 'https://b.example/' }]);
  });

  it('nextId skips taken ids', () => {
    expect(nextId('a', ['a1', 'a2', 'a4'])).toBe('a3');
  });

  it('absolute URLs for the published file', () => {
    const set = { ...emptyAnnotationSet(), media: { title: 'T', src: './statement.webm' }, article: { url: 'story.html#x' } };
    const out = withAbsoluteUrls(set, 'https://news.example/2026/editor.html');
    expect(out.media).toEqual({ title: 'T', src: 'https://news.example/2026/statement.webm' });
    expect(out.article).toEqual({ url: 'https://news.example/2026/story.html#x' });
    expect(set.media.src).toBe('./statement.webm');
    expect(validateAnnotations(out).problems).toEqual([]);
    expect(withAbsoluteUrls(emptyAnnotationSet(), 'https://x.example/')).toEqual(emptyAnnotationSet());
  });
});

describe('history', () => {
  it('undo and redo, a new edit drops the redo list', () => {
    const h = new History(0);
    h.record(1);
    h.record(2);
    expect(h.undo()).toBe(1);
    expect(h.undo()).toBe(0);
    expect(h.undo()).toBeNull();
    expect(h.redo()).toBe(1);
    h.record(5);
    expect(h.canRedo).toBe(false);
    expect(h.current).toBe(5);
  });

  it('edits of one field merge into one step until sealed', () => {
    const h = new History('');
    h.record('a', 'body');
    h.record('ab', 'body');
    h.record('abc', 'body');
    h.seal();
    h.record('abcd', 'body');
    expect(h.undo()).toBe('abc');
    expect(h.undo()).toBe('');
  });

  it('is bounded, and reset forgets', () => {
    const h = new History(0, 3);
    for (let i = 1; i <= 10; i++) h.record(i);
    let n = 0;
    while (h.undo() !== null) n++;
    expect(n).toBe(3);
    h.reset(42);
    expect(h.canUndo).toBe(false);
    expect(h.current).toBe(42);
  });
});

describe('drafts', () => {
  it('one key per media and article', () => {
    expect(draftKey('a.webm', 'story')).not.toBe(draftKey('a.webm', 'other'));
    expect(draftKey('a|b', 'c')).not.toBe(draftKey('a', 'b|c'));
  });

  it('round-trips; anything else is no draft', () => {
    const value = emptyAnnotationSet();
    expect(decodeDraft(encodeDraft(value, 5))).toEqual({ savedAt: 5, value });
    for (const bad of [null, '', '{', '[]', '{"savedAt":"x","value":{}}', '{"savedAt":1,"value":3}', '{"savedAt":1e999,"value":{}}']) expect(decodeDraft(bad)).toBeNull();
  });
});
