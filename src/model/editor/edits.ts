/**
 * The edits the annotation editor makes to an annotation set (format v1), as pure functions:
 * each returns a new set and never changes the one it was given, so every state can be kept
 * for undo and handed to the viewer as new data. Ids are made unique within the set.
 */
import type { Annotation, AnnotationSet, Claim, Relation, Source, TextQuote } from '../annotations/index.js';

/** The smallest `<prefix><n>` (n ≥ 1) not used by `taken`. */
export function nextId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** A new claim quoting `quote`, and a new annotation concerning it (relation `context` until chosen). */
export function addClaim(set: AnnotationSet, quote: TextQuote): { set: AnnotationSet; claimId: string; annotationId: string } {
  const claimId = nextId('c', set.claims.map((c) => c.id));
  const annotationId = nextId('a', set.annotations.map((a) => a.id));
  const claim: Claim = { id: claimId, quote: { ...quote } };
  const annotation: Annotation = { id: annotationId, cues: [], claims: [claimId], relation: 'context', sources: [] };
  return { set: { ...set, claims: [...set.claims, claim], annotations: [...set.annotations, annotation] }, claimId, annotationId };
}

/** A new annotation (relation `context`, no evidence yet) concerning `claims`. */
export function addAnnotation(set: AnnotationSet, claims: string[] = []): { set: AnnotationSet; id: string } {
  const id = nextId('a', set.annotations.map((a) => a.id));
  const annotation: Annotation = { id, cues: [], claims: [...claims], relation: 'context', sources: [] };
  return { set: { ...set, annotations: [...set.annotations, annotation] }, id };
}

/** What an edit of one annotation may change; `time: null` removes the time range. */
export interface AnnotationPatch {
  relation?: Relation;
  body?: string;
  cues?: string[];
  time?: { start: number; end: number } | null;
  claims?: string[];
  sources?: Source[];
}

export function updateAnnotation(set: AnnotationSet, id: string, patch: AnnotationPatch): AnnotationSet {
  return {
    ...set,
    annotations: set.annotations.map((a) => {
      if (a.id !== id) return a;
      const { time, ...rest } = patch;
      const next: Annotation = { ...a, ...rest };
      if (time === null) delete next.time;
      else if (time) next.time = { start: Math.min(time.start, time.end), end: Math.max(time.start, time.end) };
      if (next.body === '') delete next.body;
      return next;
    }),
  };
}

export function removeAnnotation(set: AnnotationSet, id: string): AnnotationSet {
  return { ...set, annotations: set.annotations.filter((a) => a.id !== id) };
}

export function updateClaim(set: AnnotationSet, id: string, patch: { summary?: string; quote?: TextQuote }): AnnotationSet {
  return {
    ...set,
    claims: set.claims.map((c) => {
      if (c.id !== id) return c;
      const next: Claim = { ...c, ...patch };
      if (next.summary === '') delete next.summary;
      return next;
    }),
  };
}

/** Removes a claim and every mention of it in the annotations. */
export function removeClaim(set: AnnotationSet, id: string): AnnotationSet {
  return {
    ...set,
    claims: set.claims.filter((c) => c.id !== id),
    annotations: set.annotations.map((a) => (a.claims.includes(id) ? { ...a, claims: a.claims.filter((c) => c !== id) } : a)),
  };
}

/** The source list of an annotation with one source changed, added (index = length) or removed (`null`). */
export function editSources(sources: readonly Source[], index: number, source: Source | null): Source[] {
  const next = [...sources];
  if (source === null) next.splice(index, 1);
  else next[index] = { ...source };
  return next.map((s) => (s.title ? s : { url: s.url }));
}

/**
 * The set as a file to publish: `media.src` and `article.url` made absolute against `base`
 * (the page's URL), so the file keeps pointing at them wherever it is stored.
 */
export function withAbsoluteUrls(set: AnnotationSet, base: string): AnnotationSet {
  const absolute = (url: string | undefined): string | undefined => {
    if (!url) return url;
    try {
      return new URL(url, base).href;
    } catch {
      return url;
    }
  };
  const out: AnnotationSet = { ...set };
  if (set.media) out.media = { ...set.media, ...(set.media.src ? { src: absolute(set.media.src)! } : {}) };
  if (set.article) out.article = { ...set.article, ...(set.article.url ? { url: absolute(set.article.url)! } : {}) };
  return out;
}
