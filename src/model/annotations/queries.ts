/**
 * Pure queries over a linked annotation set, for the viewer: which annotations a line opens or
 * shows, how a claim's marker reads, where the evidence map draws. None throws: unusable input
 * gives the empty answer.
 */
import type { CueIndex } from '../cue-index.js';
import type { AnnotationLinks } from './link.js';
import type { Annotation, AnnotationSet, Relation } from './types.js';

/** One annotated passage of the recording: a run of consecutive lines of one annotation. */
export interface EvidenceMark {
  annotationId: string;
  relation: Relation;
  start: number;
  end: number;
}

/** Annotations by id (a map the viewer builds once per annotation set). */
export type AnnotationsById = ReadonlyMap<string, Annotation>;

/** The cue index as the evidence map needs it: display order and id lookup. */
export type CuePositions = Pick<CueIndex, 'cues' | 'indexOfId'>;

/** A claim's marker shows the first of these relations its annotations have, else "unsupported". */
const MARKER_ORDER = ['contradicts', 'context', 'supports'] as const;

/** The query's answer, or `fallback` when the input is unusable (a Proxy, a missing map…). */
function orElse<T>(fallback: T, query: () => T): T {
  try {
    return query();
  } catch {
    return fallback;
  }
}

const isAnnotation = (a: Annotation | undefined): a is Annotation => a !== undefined;

/** The strongest relation of a claim, as the article marker shows it. */
export function claimRelation(links: AnnotationLinks, byId: AnnotationsById, claimId: string): Relation {
  return orElse<Relation>('unsupported', () => {
    const relations = (links.annotationsOfClaim.get(claimId) ?? []).map((id) => byId.get(id)?.relation);
    return MARKER_ORDER.find((r) => relations.includes(r)) ?? 'unsupported';
  });
}

/** Annotations whose first resolved line is this cue (opened from there). */
export function annotationsStartingAt(links: AnnotationLinks, byId: AnnotationsById, cueId: string): Annotation[] {
  return orElse([], () =>
    (links.annotationsOfCue.get(cueId) ?? [])
      .filter((id) => links.cuesOf.get(id)?.[0] === cueId)
      .map((id) => byId.get(id))
      .filter(isAnnotation),
  );
}

/** Annotations covering this cue (for the span bars in the margin). */
export function annotationsCovering(links: AnnotationLinks, byId: AnnotationsById, cueId: string): Annotation[] {
  return orElse([], () => (links.annotationsOfCue.get(cueId) ?? []).map((id) => byId.get(id)).filter(isAnnotation));
}

/** Claims nothing in the recording supports (`unsupported` annotations without lines): shown in their own list. */
export function linelessAnnotations(data: AnnotationSet, links: AnnotationLinks): Annotation[] {
  return orElse([], () => data.annotations.filter((a) => a.relation === 'unsupported' && !links.cuesOf.get(a.id)?.length));
}

/** The annotated passages, one mark per run of consecutive lines (in display order); [] without an index. */
export function evidenceMarks(data: AnnotationSet, links: AnnotationLinks, index: CuePositions | null): EvidenceMark[] {
  if (!index) return [];
  return orElse([], () =>
    data.annotations.flatMap((a) => {
      const positions = (links.cuesOf.get(a.id) ?? []).map((id) => index.indexOfId(id)).filter((i) => i >= 0).sort((x, y) => x - y);
      const marks: EvidenceMark[] = [];
      positions.forEach((i, k) => {
        const cue = index.cues[i]!;
        const last = marks[marks.length - 1];
        if (last && positions[k - 1] === i - 1) last.end = Math.max(last.end, cue.end);
        else marks.push({ annotationId: a.id, relation: a.relation, start: cue.start, end: cue.end });
      });
      return marks;
    }),
  );
}
