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

describe('problem fields', async () => {
  const { problemField } = await import('../../src/model/editor/problem-field.js');
  const set = {
    version: 1 as const,
    claims: [{ id: 'c1', quote: { exact: 'q' } }, { id: 'c2', quote: { exact: 'r' } }],
    annotations: [
      { id: 'a1', cues: ['1'], claims: ['c1'], relation: 'supports' as const, sources: [] },
      { id: 'a2', cues: [], claims: ['c2'], relation: 'unsupported' as const, sources: [{ url: 'ftp://x' }] },
    ],
  };
  it('maps validator paths, linker ids and anchoring claim ids to the annotation and its field', () => {
    expect(problemField({ kind: 'annotation', code: 'bad-field', path: '$.annotations[1].sources[0].url' }, set)).toEqual({ annotation: 'a2', field: 'sources.0.url' });
    expect(problemField({ kind: 'annotation', code: 'bad-field', path: '$.annotations[1].sources[0].title' }, set)).toEqual({ annotation: 'a2', field: 'sources.0.title' });
    expect(problemField({ kind: 'annotation', code: 'bad-field', path: '$.annotations[0].cues' }, set)).toEqual({ annotation: 'a1', field: 'cues' });
    expect(problemField({ kind: 'annotation', code: 'bad-field', path: '$.annotations[0]' }, set)).toEqual({ annotation: 'a1', field: null });
    expect(problemField({ kind: 'annotation', code: 'bad-field', path: '$.claims[1].quote.exact' }, set)).toEqual({ annotation: 'a2', field: 'claim.c2' });
    expect(problemField({ kind: 'annotation', code: 'missing-cue', id: 'a1', detail: '9' }, set)).toEqual({ annotation: 'a1', field: 'cues' });
    expect(problemField({ kind: 'annotation', code: 'missing-claim', id: 'a2', detail: 'c9' }, set)).toEqual({ annotation: 'a2', field: 'claims' });
    expect(problemField({ kind: 'anchor', code: 'claim-not-found', id: 'c1', score: 0.2 }, set)).toEqual({ annotation: 'a1', field: 'claim.c1' });
  });
  it('anything else goes nowhere, without throwing', () => {
    expect(problemField({ kind: 'annotation', code: 'bad-field', path: '$.annotations[99].body' }, set)).toEqual({ annotation: null, field: 'body' });
    expect(problemField({ kind: 'annotation', code: 'bad-json' }, set)).toEqual({ annotation: null, field: null });
    expect(problemField({ kind: 'annotation', code: 'bad-field', path: '$.media.src' }, set)).toEqual({ annotation: null, field: null });
  });
});

describe('downloads and opened files', async () => {
  const { downloadText, publishedSet, readJsonFile, MAX_FILE_BYTES } = await import('../../src/controllers/editor/files.js');
  const { readAnnotationInput } = await import('../../src/model/annotations/index.js');
  const cues = [{ id: '1', start: 0, end: 2, text: 'one' }, { id: '2', start: 2, end: 5, text: 'two' }];
  const ctx = { cues, base: 'https://news.example/a/editor.html', mediaUrl: 'talk.webm', articleUrl: 'https://news.example/a/story' };
  const set = {
    version: 1 as const,
    claims: [{ id: 'c1', quote: { exact: 'q' } }],
    annotations: [{ id: 'a1', cues: ['2'], claims: ['c1'], relation: 'contradicts' as const, sources: [] }],
  };
  it('fills in and absolutises media and article URLs', () => {
    expect(publishedSet(set, ctx)).toMatchObject({ media: { src: 'https://news.example/a/talk.webm' }, article: { url: 'https://news.example/a/story' } });
    const own = { ...set, media: { src: '../v.mp4', title: 'T' } };
    expect(publishedSet(own, ctx).media).toEqual({ src: 'https://news.example/v.mp4', title: 'T' });
    expect(publishedSet(set, { ...ctx, mediaUrl: '', articleUrl: '' })).not.toHaveProperty('media.src');
  });
  it('the three formats: v1 reads back the same; Web Annotation reads back the same; ClaimReview names the claim', () => {
    const v1 = JSON.parse(downloadText('json', set, ctx));
    expect(readAnnotationInput(v1)).toMatchObject({ problems: [], data: { claims: set.claims, annotations: set.annotations } });
    const wa = JSON.parse(downloadText('web-annotation', set, ctx));
    const back = readAnnotationInput(wa);
    expect(back.data.annotations[0]).toMatchObject({ id: expect.stringContaining('a1'), relation: 'contradicts', cues: ['2'] });
    const cr = JSON.parse(downloadText('claim-review', set, ctx)) as { '@type': string }[];
    expect(cr[0]!['@type']).toBe('ClaimReview');
  });
  it('an opened file: JSON or a clear reason, never a throw', async () => {
    expect(await readJsonFile(new Blob(['{"version":1,"annotations":[]}']))).toEqual({ ok: true, value: { version: 1, annotations: [] } });
    const bad = await readJsonFile(new Blob(['{"version":1,']));
    expect(bad.ok).toBe(false);
    const huge = { size: MAX_FILE_BYTES + 1, text: () => Promise.reject(new Error('not read')) } as unknown as Blob;
    expect(await readJsonFile(huge)).toMatchObject({ ok: false, message: expect.stringContaining('MB') });
    const failing = { size: 3, text: () => Promise.reject(new Error('unreadable')) } as unknown as Blob;
    expect(await readJsonFile(failing)).toEqual({ ok: false, message: 'unreadable' });
  });
});

describe('the session', async () => {
  const { EditorSession } = await import('../../src/controllers/editor/session.js');
  it('loads hostile input through the validator without throwing; edits, selection, undo', () => {
    const calls: boolean[] = [];
    const s = new EditorSession((edit) => calls.push(edit));
    const hostile = new Proxy({}, { get() { throw new Error('boom'); }, ownKeys() { throw new Error('boom'); } });
    for (const input of [hostile, 42, 'x', [], { version: 2 }, { version: 1, annotations: [{ id: 'a', relation: 'nope' }] }]) {
      expect(() => s.load(input)).not.toThrow();
      expect(s.value.annotations).toEqual([]);
    }
    expect(s.load({ version: 1, annotations: [{ id: 'a1', cues: [], claims: [], relation: 'context' }] })).toEqual([]);
    expect(s.selected).toBe('a1');
    expect(s.canUndo).toBe(false);
    s.edit({ ...s.value, annotations: [] });
    expect(s.selected).toBeNull(); // the annotation is gone
    expect(s.dirty).toBe(true);
    s.undo();
    expect(s.value.annotations).toHaveLength(1);
    s.select(null);
    expect(s.canRedo).toBe(true); // choosing is not an edit: the redo is still there
    expect(calls.at(-1)).toBe(false);
  });
  it('problems: the validator\'s, and the linker\'s once there are cues', () => {
    const s = new EditorSession(() => {});
    s.load({ version: 1, claims: [], annotations: [{ id: 'a1', cues: ['9'], claims: ['c9'], relation: 'supports', sources: [{ url: 'javascript:x' }] }] });
    expect(s.problems([]).map((p) => p.path ?? p.code)).toEqual([]); // the file's bad source was dropped on load (and reported then)
    s.edit({ ...s.value, annotations: [{ ...s.value.annotations[0]!, sources: [{ url: 'javascript:x' }] }] });
    expect(s.problems([]).map((p) => p.path)).toEqual(['$.annotations[0].sources[0].url']);
    expect(s.problems([{ id: '1', start: 0, end: 1, text: 'x' }]).map((p) => p.code)).toEqual(expect.arrayContaining(['missing-cue', 'missing-claim']));
  });
});
