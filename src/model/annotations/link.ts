/**
 * Linking an annotation set to a transcript's cues: which cues each annotation covers, and the
 * reverse maps a component needs to show markers on lines and claims.
 *
 *   const { links, problems } = linkAnnotations(data, transcript.cues);
 *   links.cuesOf.get('a1')           // ['12', '13']  (time order)
 *   links.annotationsOfCue.get('12') // ['a1']
 */
import type { Cue, Problem, ProblemCode } from '../types.js';
import { firstAtOrAfter } from '../binary-search.js';
import { isRecord, truncate } from '../untrusted.js';
import type { AnnotationSet, Relation } from './types.js';

export interface AnnotationLinks {
  /** Annotation id → resolved cue ids, in time order (cues named + cues its time overlaps). */
  cuesOf: Map<string, string[]>;
  /** Cue id → annotation ids, in file order. Only cues with annotations are keys. */
  annotationsOfCue: Map<string, string[]>;
  /** Claim id → annotation ids, in file order. Every claim is a key (possibly with []). */
  annotationsOfClaim: Map<string, string[]>;
  /** Annotation id → the existing claim ids it names. */
  claimsOfAnnotation: Map<string, string[]>;
  /** Claims that have annotations, all of them `unsupported`. */
  unsupportedClaims: string[];
  /** Claims no annotation names. */
  unlinkedClaims: string[];
  /** Annotation id → time span of its resolved cues (min start, max end), else of its `time`. */
  span: Map<string, { start: number; end: number }>;
}

export const emptyLinks = (): AnnotationLinks => ({
  cuesOf: new Map(),
  annotationsOfCue: new Map(),
  annotationsOfClaim: new Map(),
  claimsOfAnnotation: new Map(),
  unsupportedClaims: [],
  unlinkedClaims: [],
  span: new Map(),
});

/** Annotation problems for the `missing-cue` / `missing-claim` codes; `id` is the annotation's. */
const linkProblem = (code: ProblemCode, id: string, detail: string): Problem => ({ kind: 'annotation', code, id, detail: truncate(detail) });

interface IndexedCue {
  id: string;
  start: number;
  end: number;
  order: number;
}

/** Does a cue overlap the half-open range [s, e)? A zero-length range is the instant s. */
function overlaps(c: IndexedCue, s: number, e: number): boolean {
  if (e > s) return c.end > c.start ? c.start < e && c.end > s : c.start >= s && c.start < e;
  return c.end > c.start ? c.start <= s && s < c.end : c.start === s;
}

/**
 * Resolves annotations against a transcript's cues: which cues each annotation covers, and the
 * reverse maps a component needs to show markers on lines and claims. Missing cues or claims
 * are reported (`missing-cue` with detail = cue id, or `t=start,end` for a time range that
 * touches no cue; `missing-claim` with detail = claim id; `id` = annotation id); the rest links.
 */
export function linkAnnotations(data: AnnotationSet, cues: readonly Cue[]): { links: AnnotationLinks; problems: Problem[] } {
  const links = emptyLinks();
  const problems: Problem[] = [];
  try {
    linkInto(data, cues, links, problems);
    return { links, problems };
  } catch (e) {
    // Only reachable with data that did not come from validateAnnotations (a Proxy, a getter).
    problems.push({ kind: 'annotation', code: 'invalid-annotation', path: '$', detail: truncate(`could not link: ${e instanceof Error ? e.message : String(e)}`) });
    return { links: emptyLinks(), problems };
  }
}

function linkInto(data: AnnotationSet, cues: readonly Cue[], links: AnnotationLinks, problems: Problem[]): void {
  if (!isRecord(data)) return;
  const annotations = Array.isArray(data.annotations) ? data.annotations : [];
  const claims = Array.isArray(data.claims) ? data.claims : [];

  // Cue index: by id (first wins), and sorted by start for time-range queries.
  const byId = new Map<string, IndexedCue>();
  (Array.isArray(cues) ? cues : []).forEach((c: Cue, order) => {
    if (!isRecord(c) || typeof c.id !== 'string' || byId.has(c.id)) return;
    if (!Number.isFinite(c.start) || !Number.isFinite(c.end)) return;
    byId.set(c.id, { id: c.id, start: c.start, end: Math.max(c.start, c.end), order });
  });
  const sorted = [...byId.values()].sort((a, b) => a.start - b.start || a.order - b.order);
  const maxDuration = sorted.reduce((m, c) => Math.max(m, c.end - c.start), 0);
  const starts = sorted.map((c) => c.start);
  const cuesInRange = (s: number, e: number): IndexedCue[] => {
    // Any overlapping cue starts at or after s - maxDuration: binary-search there, scan to e.
    const out: IndexedCue[] = [];
    for (let j = firstAtOrAfter(starts, s - maxDuration); j < sorted.length && sorted[j]!.start <= e; j++) if (overlaps(sorted[j]!, s, e)) out.push(sorted[j]!);
    return out;
  };

  const claimRelations = new Map<string, Relation[]>();
  for (const claim of claims) {
    if (!isRecord(claim) || typeof claim.id !== 'string' || links.annotationsOfClaim.has(claim.id)) continue;
    links.annotationsOfClaim.set(claim.id, []);
    claimRelations.set(claim.id, []);
  }

  for (const a of annotations) {
    if (!isRecord(a) || typeof a.id !== 'string' || links.cuesOf.has(a.id)) continue;
    const resolved = new Map<string, IndexedCue>();
    for (const cueId of Array.isArray(a.cues) ? a.cues : []) {
      const cue = byId.get(cueId);
      if (cue) resolved.set(cue.id, cue);
      else problems.push(linkProblem('missing-cue', a.id, String(cueId)));
    }
    const time = a.time;
    if (isRecord(time) && Number.isFinite(time.start) && Number.isFinite(time.end)) {
      const hits = cuesInRange(time.start, time.end);
      if (hits.length === 0 && sorted.length > 0) problems.push(linkProblem('missing-cue', a.id, `t=${time.start},${time.end}`));
      for (const cue of hits) resolved.set(cue.id, cue);
    }
    const ordered = [...resolved.values()].sort((x, y) => x.start - y.start || x.order - y.order);
    links.cuesOf.set(a.id, ordered.map((c) => c.id));
    for (const c of ordered) {
      const list = links.annotationsOfCue.get(c.id);
      if (list) list.push(a.id);
      else links.annotationsOfCue.set(c.id, [a.id]);
    }
    if (ordered.length > 0) {
      // (reduce, not Math.min(...spread): the spread overflows the stack on huge lists)
      const start = ordered.reduce((m, c) => Math.min(m, c.start), Infinity);
      links.span.set(a.id, { start, end: ordered.reduce((m, c) => Math.max(m, c.end), -Infinity) });
    } else if (isRecord(time) && Number.isFinite(time.start) && Number.isFinite(time.end)) {
      links.span.set(a.id, { start: time.start, end: time.end });
    }

    const own: string[] = [];
    for (const claimId of Array.isArray(a.claims) ? a.claims : []) {
      if (own.includes(claimId)) continue;
      const list = links.annotationsOfClaim.get(claimId);
      if (!list) {
        problems.push(linkProblem('missing-claim', a.id, String(claimId)));
        continue;
      }
      own.push(claimId);
      list.push(a.id);
      claimRelations.get(claimId)?.push(a.relation);
    }
    links.claimsOfAnnotation.set(a.id, own);
  }

  for (const [claimId, relations] of claimRelations) {
    if (relations.length === 0) links.unlinkedClaims.push(claimId);
    else if (relations.every((r) => r === 'unsupported')) links.unsupportedClaims.push(claimId);
  }
}
