/**
 * Linking an annotation set to a transcript's cues: which cues each annotation covers, and the
 * reverse maps a component needs to show markers on lines and claims.
 *
 *   const { links, problems } = linkAnnotations(data, transcript.cues);
 *   links.cuesOf.get('a1')           // ['12', '13']  (time order)
 *   links.annotationsOfCue.get('12') // ['a1']
 */
import type { Cue, Problem, ProblemCode } from '../types.js';
import { firstAtOrAfter, lastAtOrBefore } from '../binary-search.js';
import { EndTree } from '../cue-index.js';
import { ProblemList, isRecord } from '../untrusted.js';
import type { AnnotationSet } from './types.js';

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

/**
 * An annotation links at most this many cues (the first ones in time order): a time range over a
 * whole 20-hour hearing is some 20 000 lines, a real annotation a few dozen. More are reported.
 */
export const MAX_CUES_PER_ANNOTATION = 10_000;
/**
 * At most this many cue links in all (annotation → cue pairs); annotations past it link no more
 * cues, reported once. Thousands of annotations of a few dozen lines each stay far below.
 */
export const MAX_LINKS = 1_000_000;

/** Annotation problems for the `missing-cue` / `missing-claim` codes; `id` is the annotation's. */
const linkProblem = (code: ProblemCode, id: string, detail: string): Problem => ({ kind: 'annotation', code, id, detail });

interface IndexedCue {
  id: string;
  start: number;
  end: number;
  order: number;
}

const byTime = (x: IndexedCue, y: IndexedCue): number => x.start - y.start || x.order - y.order;
const NONE = 0;
const UNSUPPORTED = 1;
const OTHER = 2;

/**
 * Resolves annotations against a transcript's cues: which cues each annotation covers, and the
 * reverse maps a component needs to show markers on lines and claims. Missing cues or claims
 * are reported (`missing-cue` with detail = cue id, or `t=start,end` for a time range that
 * touches no cue; `missing-claim` with detail = claim id; `id` = annotation id); the rest links.
 * An annotation links at most MAX_CUES_PER_ANNOTATION cues, and all of them at most MAX_LINKS
 * (each cut reported as `invalid-annotation`); problems are capped at MAX_PROBLEMS with a summary.
 * Time: O((a + c + links) log c) for a annotations (with their named ids) and c cues.
 */
export function linkAnnotations(data: AnnotationSet, cues: readonly Cue[]): { links: AnnotationLinks; problems: Problem[] } {
  const links = emptyLinks();
  const problems = new ProblemList({ kind: 'annotation', code: 'invalid-annotation', path: '$' });
  try {
    linkInto(data, cues, links, problems);
    return { links, problems: problems.finish() };
  } catch (e) {
    // Only reachable with data that did not come from validateAnnotations (a Proxy, a getter).
    problems.add({ kind: 'annotation', code: 'invalid-annotation', path: '$', detail: `could not link: ${e instanceof Error ? e.message : String(e)}` });
    return { links: emptyLinks(), problems: problems.finish() };
  }
}

/** The cues by id (first wins) and by time, answering "which cues does [s, e] overlap" in O(log n + hits). */
class CueTimes {
  readonly byId = new Map<string, IndexedCue>();
  /** Cues with a duration, by (start, order), and the tree of their ends. */
  private readonly spans: IndexedCue[];
  private readonly spanStarts: Float64Array;
  private readonly ends: EndTree;
  /** Zero-length cues, by (start, order). */
  private readonly points: IndexedCue[];
  private readonly pointStarts: Float64Array;

  constructor(cues: readonly Cue[]) {
    (Array.isArray(cues) ? cues : []).forEach((c: Cue, order) => {
      if (!isRecord(c) || typeof c.id !== 'string' || this.byId.has(c.id)) return;
      if (!Number.isFinite(c.start) || !Number.isFinite(c.end)) return;
      this.byId.set(c.id, { id: c.id, start: c.start, end: Math.max(c.start, c.end), order });
    });
    const all = [...this.byId.values()].sort(byTime);
    this.spans = all.filter((c) => c.end > c.start);
    this.points = all.filter((c) => c.end === c.start);
    this.spanStarts = Float64Array.from(this.spans, (c) => c.start);
    this.pointStarts = Float64Array.from(this.points, (c) => c.start);
    this.ends = new EndTree(this.spans.map((c) => c.end));
  }

  get size(): number {
    return this.byId.size;
  }

  /**
   * The first `max` cues, in time order, that overlap the half-open range [s, e) (a zero-length
   * range is the instant s: the cues containing it, and zero-length cues at s).
   */
  inRange(s: number, e: number, max: number): IndexedCue[] {
    const spans: IndexedCue[] = [];
    // Cues with a duration: start < e (≤ s for an instant) and end > s.
    const count = e > s ? firstAtOrAfter(this.spanStarts, e) : lastAtOrBefore(this.spanStarts, s) + 1;
    this.ends.each(count, s, (i) => spans.push(this.spans[i]!) < max);
    // Zero-length cues: s ≤ start < e (= s for an instant).
    const points: IndexedCue[] = [];
    const last = e > s ? firstAtOrAfter(this.pointStarts, e) : lastAtOrBefore(this.pointStarts, s) + 1;
    for (let j = firstAtOrAfter(this.pointStarts, s); j < last && points.length < max; j++) points.push(this.points[j]!);
    if (points.length === 0) return spans;
    return [...spans, ...points].sort(byTime).slice(0, max);
  }
}

function linkInto(data: AnnotationSet, cues: readonly Cue[], links: AnnotationLinks, problems: ProblemList): void {
  if (!isRecord(data)) return;
  const annotations = Array.isArray(data.annotations) ? data.annotations : [];
  const claims = Array.isArray(data.claims) ? data.claims : [];
  const index = new CueTimes(cues);

  // Per claim: NONE (no annotation yet), UNSUPPORTED (only `unsupported` ones so far) or OTHER.
  const claimState = new Map<string, number>();
  for (const claim of claims) {
    if (!isRecord(claim) || typeof claim.id !== 'string' || links.annotationsOfClaim.has(claim.id)) continue;
    links.annotationsOfClaim.set(claim.id, []);
    claimState.set(claim.id, NONE);
  }

  let budget = MAX_LINKS;
  let budgetReported = false;
  for (const a of annotations) {
    if (!isRecord(a) || typeof a.id !== 'string' || links.cuesOf.has(a.id)) continue;
    const named = new Map<string, IndexedCue>();
    for (const cueId of Array.isArray(a.cues) ? a.cues : []) {
      const cue = index.byId.get(cueId);
      if (cue) named.set(cue.id, cue);
      else problems.add(linkProblem('missing-cue', a.id, String(cueId)));
    }
    const time = a.time;
    let hits: IndexedCue[] = [];
    if (isRecord(time) && Number.isFinite(time.start) && Number.isFinite(time.end)) {
      // One more than may be linked tells whether the range was cut.
      hits = index.inRange(time.start, time.end, Math.min(MAX_CUES_PER_ANNOTATION, budget) + 1);
      if (hits.length === 0 && index.size > 0) problems.add(linkProblem('missing-cue', a.id, `t=${time.start},${time.end}`));
    }
    // The hits come in time order; named cues are merged in (each cue once).
    let ordered = hits;
    if (named.size > 0) {
      for (const cue of hits) named.set(cue.id, cue);
      ordered = [...named.values()].sort(byTime);
    }
    const allowed = Math.min(MAX_CUES_PER_ANNOTATION, budget);
    if (ordered.length > allowed) {
      if (budget < MAX_CUES_PER_ANNOTATION) {
        if (!budgetReported) problems.add({ kind: 'annotation', code: 'invalid-annotation', id: a.id, detail: `more than ${MAX_LINKS} cue links in all; the rest are not linked` });
        budgetReported = true;
      } else problems.add({ kind: 'annotation', code: 'invalid-annotation', id: a.id, detail: `links more than ${MAX_CUES_PER_ANNOTATION} cues; only the first ${MAX_CUES_PER_ANNOTATION} are linked` });
      ordered = ordered.slice(0, allowed);
    }
    budget -= ordered.length;
    links.cuesOf.set(a.id, ordered.map((c) => c.id));
    for (const c of ordered) {
      const list = links.annotationsOfCue.get(c.id);
      if (list) list.push(a.id);
      else links.annotationsOfCue.set(c.id, [a.id]);
    }
    if (ordered.length > 0) {
      let end = -Infinity;
      for (const c of ordered) end = Math.max(end, c.end);
      links.span.set(a.id, { start: ordered[0]!.start, end });
    } else if (isRecord(time) && Number.isFinite(time.start) && Number.isFinite(time.end)) {
      links.span.set(a.id, { start: time.start, end: time.end });
    }

    const own = new Set<string>();
    for (const claimId of Array.isArray(a.claims) ? a.claims : []) {
      if (own.has(claimId)) continue;
      const list = links.annotationsOfClaim.get(claimId);
      if (!list) {
        problems.add(linkProblem('missing-claim', a.id, String(claimId)));
        continue;
      }
      own.add(claimId);
      list.push(a.id);
      if (a.relation !== 'unsupported') claimState.set(claimId, OTHER);
      else if (claimState.get(claimId) === NONE) claimState.set(claimId, UNSUPPORTED);
    }
    links.claimsOfAnnotation.set(a.id, [...own]);
  }

  for (const [claimId, state] of claimState) {
    if (state === NONE) links.unlinkedClaims.push(claimId);
    else if (state === UNSUPPORTED) links.unsupportedClaims.push(claimId);
  }
}
