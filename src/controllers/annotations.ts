import type { ReactiveControllerHost } from 'lit';
import {
  annotationsCovering,
  annotationsStartingAt,
  claimRelation,
  emptyAnnotationSet,
  emptyLinks,
  evidenceMarks,
  linelessAnnotations,
  linkAnnotations,
  type Annotation,
  type AnnotationLinks,
  type AnnotationResult,
  type AnnotationSet,
  type Claim,
  type EvidenceMark,
  type Relation,
} from '../model/annotations/index.js';
import type { Cue, Problem } from '../model/types.js';
import type { CueIndex } from '../model/cue-index.js';
import { toClaimReview } from '../model/claim-review.js';
import type { Emitter } from './emitter.js';
import type { ProblemSink } from './problems.js';
import type { TranscriptController } from './transcript.js';

/**
 * Annotation state of one viewer: the set read (validated, W3C Web Annotation JSON-LD
 * converted), linked to the transcript's cues once those are there, and which annotations are
 * open. Part of the annotation module, loaded on demand: `AnnotationSource` (which loads and
 * reads the annotation source) makes it when the first set is read.
 */
export class AnnotationController {
  data: AnnotationSet = emptyAnnotationSet();
  links: AnnotationLinks = emptyLinks();
  readonly open = new Set<string>();
  /** Counts changes of the data, its links or the open set (what the rows show of annotations). */
  version = 0;
  private evidenceCache: { version: number; index: CueIndex | null; marks: EvidenceMark[] } | null = null;
  /** The data or its links changed (the source's emitter: it is there before this controller). */
  readonly changed: Emitter<void>;
  private readonly byId = new Map<string, Annotation>();
  private readonly claimById = new Map<string, Claim>();
  private validation: Problem[] = [];
  private cues: readonly Cue[] | null = null;
  private reported = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly deps: { transcript: TranscriptController; problems: ProblemSink; changed: Emitter<void> },
  ) {
    this.changed = deps.changed;
    this.cues = deps.transcript.index?.cues ?? null;
    deps.transcript.changed.add((index) => this.setCues(index ? index.cues : null));
  }

  /** The transcript changed: re-link (null while no transcript is there, so nothing is reported missing too early). */
  private setCues(cues: readonly Cue[] | null): void {
    this.cues = cues;
    if (this.data.annotations.length) this.reported = false; // link problems depend on the cues
    this.relink();
  }

  claim(id: string): Claim | undefined {
    return this.claimById.get(id);
  }

  /** The strongest relation of a claim, as the article marker shows it. */
  claimRelation(claimId: string): Relation {
    return claimRelation(this.links, this.byId, claimId);
  }

  /** Annotations whose first resolved line is this cue (opened from there). */
  startingAt(cueId: string): Annotation[] {
    return annotationsStartingAt(this.links, this.byId, cueId);
  }

  /** Annotations covering this cue (for the span bars in the margin). */
  covering(cueId: string): Annotation[] {
    return annotationsCovering(this.links, this.byId, cueId);
  }

  /** Claims nothing in the recording supports (`unsupported` annotations): shown in their own list. */
  get lineless(): Annotation[] {
    return linelessAnnotations(this.data, this.links);
  }

  /** The annotated passages, one mark per run of consecutive lines (in display order). */
  evidence(index: CueIndex | null): EvidenceMark[] {
    // Asked for on every render: computed once per change of the data, its links or the transcript.
    const cached = this.evidenceCache;
    if (cached?.version === this.version && cached.index === index) return cached.marks;
    const marks = evidenceMarks(this.data, this.links, index);
    this.evidenceCache = { version: this.version, index, marks };
    return marks;
  }

  /** The lines (display indices) under which an open annotation's panel shows. */
  openLines(index: CueIndex | null): number[] {
    if (!index) return [];
    return [...this.open].map((id) => index.indexOfId(this.links.cuesOf.get(id)?.[0] ?? '')).filter((i) => i >= 0);
  }

  /** schema.org ClaimReview JSON-LD for each claim. */
  claimReview(options: Parameters<typeof toClaimReview>[2]): object[] {
    return toClaimReview(this.data, this.links, options);
  }

  /** Opens or closes; returns the new state, or null when nothing changed. */
  toggle(id: string, open = !this.open.has(id)): boolean | null {
    if (!this.byId.has(id) || this.open.has(id) === open) return null;
    if (open) this.open.add(id);
    else this.open.delete(id);
    this.version++;
    return open;
  }

  /** A set was read (`extra`: the problems of fetching it). */
  setResult(result: AnnotationResult, extra: readonly Problem[]): void {
    this.data = result.data;
    this.validation = [...extra, ...result.problems];
    this.byId.clear();
    for (const a of this.data.annotations) this.byId.set(a.id, a);
    this.claimById.clear();
    for (const c of this.data.claims) this.claimById.set(c.id, c);
    for (const id of [...this.open]) if (!this.byId.has(id)) this.open.delete(id);
    this.reported = false;
    this.relink();
  }

  private relink(): void {
    let problems = this.validation;
    if (this.cues) {
      const linked = linkAnnotations(this.data, this.cues);
      this.links = linked.links;
      problems = [...problems, ...linked.problems];
    } else {
      this.links = emptyLinks();
    }
    this.version++;
    this.host.requestUpdate();
    this.changed.emit();
    // Report once per (data, transcript): link problems wait for the transcript, validation problems do not.
    if (!this.reported && (this.cues || !this.data.annotations.length)) {
      this.reported = true;
      this.deps.problems.set('annotations', problems);
    }
  }
}
