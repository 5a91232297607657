import type { ReactiveControllerHost } from 'lit';
import { emptyAnnotationSet, type AnnotationResult } from '../model/annotations/types.js';
import type { EvidenceMark } from '../model/annotations/index.js';
import type { CueIndex } from '../model/cue-index.js';
import type { Problem } from '../model/types.js';
import type { AnnotationController } from './annotations.js';
import { Emitter } from './emitter.js';
import type { LazyModule } from './lazy.js';
import type { ProblemSink } from './problems.js';
import { SourceController } from './source.js';
import type { TranscriptController } from './transcript.js';

/** What the annotation module (loaded on demand) gives this controller: reading a set, and the controller of a set read. */
export interface AnnotationModule {
  readAnnotationFile(text: string): AnnotationResult;
  readAnnotationInput(data: unknown): AnnotationResult;
  AnnotationController: typeof AnnotationController;
}

const unavailable = (): AnnotationResult => ({
  data: emptyAnnotationSet(),
  problems: [{ kind: 'annotation', code: 'unreadable', detail: 'the annotation module could not be loaded' }],
});

/**
 * The annotations of one viewer, as far as the viewer needs them before any is read: the source
 * (`annotations="URL"`, with abort, or `.annotations`, whichever was set last) and the
 * annotation module, loaded when a source is first set (while its file is fetched). Once a set
 * with annotations or claims is read, `annotations` (the module's `AnnotationController`) holds
 * it, linked, and everything about annotations goes there. Until then there are none, and a
 * page without annotations never loads the module.
 */
export class AnnotationSource<K extends AnnotationModule = AnnotationModule> {
  /** `annotations="URL"` or `.annotations`, whichever was set last. */
  readonly source: SourceController<AnnotationResult>;
  /** A set was read, or its links changed (`annotations.changed` is this emitter). */
  readonly changed = new Emitter<void>();
  /** The annotation set read, once there is one. */
  annotations: AnnotationController | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly deps: { transcript: TranscriptController; problems: ProblemSink; kit: LazyModule<K> },
  ) {
    const read = async (reader: (kit: K) => AnnotationResult): Promise<AnnotationResult> => {
      const kit = await deps.kit.load();
      return kit ? reader(kit) : unavailable();
    };
    this.source = new SourceController<AnnotationResult>(host, {
      fromText: ({ text }) => read((kit) => kit.readAnnotationFile(text)),
      fromData: (data) => read((kit) => kit.readAnnotationInput(data)),
      // The module loads while the file is fetched.
      onLoadStart: () => void deps.kit.load(),
      onResult: (result, fetchProblems) => this.setResult(result, fetchProblems.map((p) => ({ ...p, kind: p.kind === 'fetch' ? 'fetch' : 'annotation' }))),
    });
  }

  /** The annotation module, once a set is read (what draws annotations comes from it). */
  get kit(): K | null {
    return this.annotations ? this.deps.kit.module : null;
  }

  /** Counts changes of what the rows show of annotations. */
  get version(): number {
    return this.annotations?.version ?? 0;
  }

  /** The lines (display indices) under which an open annotation's panel shows. */
  openLines(index: CueIndex | null): number[] {
    return this.annotations?.openLines(index) ?? [];
  }

  /** The annotated passages, one mark per run of consecutive lines (in display order). */
  evidence(index: CueIndex | null): EvidenceMark[] {
    return this.annotations?.evidence(index) ?? [];
  }

  /** schema.org ClaimReview JSON-LD for each claim (none before a set is read). */
  claimReview(options: { pageUrl?: string; mediaUrl?: string; publisherName?: string }): object[] {
    return this.annotations?.claimReview(options) ?? [];
  }

  private setResult(result: AnnotationResult | null, fetchProblems: Problem[]): void {
    const kit = this.deps.kit.module;
    const data = result?.data;
    if (!this.annotations && kit && data && data.annotations.length + data.claims.length > 0) {
      this.annotations = new kit.AnnotationController(this.host, { ...this.deps, changed: this.changed });
    }
    if (this.annotations) this.annotations.setResult(result ?? { data: emptyAnnotationSet(), problems: [] }, fetchProblems);
    else this.deps.problems.set('annotations', [...fetchProblems, ...(result?.problems ?? [])]);
  }
}
