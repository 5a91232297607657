import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  emptyAnnotationSet,
  emptyLinks,
  linkAnnotations,
  parseAnnotations,
  validateAnnotations,
  type Annotation,
  type AnnotationLinks,
  type AnnotationResult,
  type AnnotationSet,
  type Claim,
  type Relation,
} from '../model/annotations.js';
import { fromWebAnnotations } from '../model/web-annotation.js';
import type { Cue, Problem } from '../model/types.js';
import type { CueIndex } from '../model/cue-index.js';
import { Emitter } from './emitter.js';
import type { ProblemSink } from './problems.js';
import { SourceController } from './source.js';
import type { TranscriptController } from './transcript.js';

/** Web Annotation JSON-LD is recognised by its context or type; everything else is format v1. */
function isWebAnnotation(data: unknown): boolean {
  if (Array.isArray(data)) return data.length > 0 && isWebAnnotation(data[0]);
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return '@context' in d || d.type === 'Annotation' || d.type === 'AnnotationCollection' || d.type === 'AnnotationPage';
}

function readAnnotationData(input: unknown): AnnotationResult {
  return isWebAnnotation(input) ? fromWebAnnotations(input) : validateAnnotations(input);
}

function readAnnotationText(text: string): AnnotationResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return parseAnnotations(text); // reports bad-json with the parser's message
  }
  return readAnnotationData(json);
}

/** One annotated passage of the recording: a run of consecutive lines of one annotation. */
export interface EvidenceMark {
  annotationId: string;
  relation: Relation;
  start: number;
  end: number;
}

/**
 * Annotation state of one viewer: loading (`annotations="URL"`, with abort) or data
 * (`.annotations`, format v1 or W3C Web Annotation JSON-LD), validation, linking to the
 * transcript's cues once those are there, and which annotations are open.
 */
export class AnnotationController {
  data: AnnotationSet = emptyAnnotationSet();
  links: AnnotationLinks = emptyLinks();
  readonly open = new Set<string>();
  /** The data or its links changed. */
  readonly changed = new Emitter<void>();
  /** `annotations="URL"` or `.annotations`, whichever was set last. */
  readonly source: SourceController<AnnotationResult>;
  private readonly byId = new Map<string, Annotation>();
  private readonly claimById = new Map<string, Claim>();
  private validation: Problem[] = [];
  private cues: readonly Cue[] | null = null;
  private reported = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly deps: { transcript: TranscriptController; problems: ProblemSink },
  ) {
    this.source = new SourceController<AnnotationResult>(host, {
      fromText: ({ text }) => readAnnotationText(text),
      fromData: (data) => readAnnotationData(data),
      onResult: (result, fetchProblems) =>
        this.setResult(result ?? { data: emptyAnnotationSet(), problems: [] }, fetchProblems.map((p) => ({ ...p, kind: p.kind === 'fetch' ? 'fetch' : 'annotation' }))),
    });
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
    const relations = (this.links.annotationsOfClaim.get(claimId) ?? []).map((id) => this.byId.get(id)?.relation);
    for (const r of ['contradicts', 'context', 'supports'] as const) if (relations.includes(r)) return r;
    return 'unsupported';
  }

  /** Annotations whose first resolved line is this cue (opened from there). */
  startingAt(cueId: string): Annotation[] {
    return (this.links.annotationsOfCue.get(cueId) ?? [])
      .filter((id) => this.links.cuesOf.get(id)?.[0] === cueId)
      .map((id) => this.byId.get(id)!)
      .filter(Boolean);
  }

  /** Annotations covering this cue (for the span bars in the margin). */
  covering(cueId: string): Annotation[] {
    return (this.links.annotationsOfCue.get(cueId) ?? []).map((id) => this.byId.get(id)!).filter(Boolean);
  }

  /** Claims nothing in the recording supports (`unsupported` annotations): shown in their own list. */
  get lineless(): Annotation[] {
    return this.data.annotations.filter((a) => a.relation === 'unsupported' && !this.links.cuesOf.get(a.id)?.length);
  }

  /** The annotated passages, one mark per run of consecutive lines (in display order). */
  evidence(index: CueIndex | null): EvidenceMark[] {
    if (!index) return [];
    return this.data.annotations.flatMap((a) => {
      const positions = (this.links.cuesOf.get(a.id) ?? []).map((id) => index.indexOfId(id)).filter((i) => i >= 0).sort((x, y) => x - y);
      const marks: EvidenceMark[] = [];
      positions.forEach((i, k) => {
        const cue = index.cues[i]!;
        const last = marks[marks.length - 1];
        if (last && positions[k - 1] === i - 1) last.end = Math.max(last.end, cue.end);
        else marks.push({ annotationId: a.id, relation: a.relation, start: cue.start, end: cue.end });
      });
      return marks;
    });
  }

  /** Opens or closes; returns the new state, or null when nothing changed. */
  toggle(id: string, open = !this.open.has(id)): boolean | null {
    if (!this.byId.has(id) || this.open.has(id) === open) return null;
    if (open) this.open.add(id);
    else this.open.delete(id);
    return open;
  }

  private setResult(result: AnnotationResult, extra: Problem[]): void {
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
    this.host.requestUpdate();
    this.changed.emit();
    // Report once per (data, transcript): link problems wait for the transcript, validation problems do not.
    if (!this.reported && (this.cues || !this.data.annotations.length)) {
      this.reported = true;
      this.deps.problems.set('annotations', problems);
    }
  }
}
