/**
 * The `<annotated-transcript>` an editor edits: `for="VIEWER_ID"` (resolved like the viewer's
 * own `for`) or `.viewer`, which wins; its transcript, media and article; its annotations to
 * start from; the live preview (the edited set given to the viewer as data); and the problems
 * only the viewer can find (claims it could not anchor in the article).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isMediaLike, type MediaLike } from '../../model/media.js';
import type { Cue, Problem } from '../../model/types.js';
import { IdRefController } from '../id-ref.js';

/** What the editor uses of `<annotated-transcript>` (its public API). */
export interface ViewerLike extends HTMLElement {
  readonly cues: readonly Cue[];
  readonly problems: readonly Problem[];
  annotations: unknown;
  annotationsSrc: string | null;
  media: MediaLike | null;
  htmlFor: string | null;
  article: string | null;
  articleElement: Element | null;
  readonly updateComplete: Promise<boolean>;
}

const isViewer = (el: Element): el is ViewerLike => el.localName === 'annotated-transcript';

/** Resolves an id the way the viewer does: in `from`'s root first, then the document. */
function byId(from: Element, id: string | null | undefined): Element | null {
  if (!id) return null;
  const root = from.getRootNode() as Document | ShadowRoot;
  return root.getElementById?.(id) ?? document.getElementById(id);
}

export class ViewerBinding implements ReactiveController {
  private readonly ref: IdRefController<ViewerLike>;
  private bound: ViewerLike | null = null;
  private refreshTimers: number[] = [];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: { id(): string | null; given(): ViewerLike | null; changed(viewer: ViewerLike | null): void },
  ) {
    this.ref = new IdRefController<ViewerLike>(host, { id: options.id, accept: isViewer, onChange: () => this.update() });
    host.addController(this);
  }

  get viewer(): ViewerLike | null {
    return this.bound;
  }

  hostDisconnected(): void {
    if (this.frame) this.show(this.pending); // the last edit still reaches the viewer
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.listen(null);
    this.bound = null; // bound again on reconnection (`resolve`)
    for (const t of this.refreshTimers) clearTimeout(t);
  }

  /** `for` or `.viewer` changed. */
  resolve(): void {
    this.ref.resolve();
    this.update();
  }

  private update(): void {
    const viewer = this.options.given() ?? this.ref.element;
    if (viewer === this.bound) return;
    this.listen(viewer);
    this.bound = viewer;
    this.options.changed(viewer);
    // The transcript may still be loading: render again once it is there.
    void viewer?.updateComplete.then(() => this.host.requestUpdate());
  }

  get cues(): readonly Cue[] {
    return this.bound?.cues ?? [];
  }

  media(): (MediaLike & Element) | null {
    const v = this.bound;
    if (!v) return null;
    const media = v.media ?? byId(v, v.htmlFor);
    return media && isMediaLike(media) ? (media as MediaLike & Element) : null;
  }

  article(): Element | null {
    const v = this.bound;
    return v ? (v.articleElement ?? byId(v, v.article)) : null;
  }

  /** The viewer's own annotation data to start from: its data, or its file (fetched again). */
  async initial(): Promise<unknown> {
    const v = this.bound;
    if (!v) return null;
    if (v.annotations != null) return v.annotations;
    if (!v.annotationsSrc) return null;
    try {
      const response = await fetch(new URL(v.annotationsSrc, v.baseURI));
      return response.ok ? await response.json() : null;
    } catch {
      return null;
    }
  }

  /**
   * Shows `value` in the viewer (claim marks, markers, bars) in the next frame: the edits of one
   * frame (a burst of typing) are given to the viewer once, as the last of them.
   */
  preview(value: unknown): void {
    this.pending = value;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.show(this.pending);
    });
  }
  private pending: unknown = null;
  private frame = 0;

  private show(value: unknown): void {
    const v = this.bound;
    if (!v) return;
    v.annotations = value;
    // Anchoring in the article ends later, without an event when nothing is wrong: look again.
    for (const t of this.refreshTimers) clearTimeout(t);
    this.refreshTimers = [150, 600].map((ms) => window.setTimeout(() => this.host.requestUpdate(), ms));
  }

  /** Claims the viewer could not anchor in the article. */
  anchorProblems(): Problem[] {
    return (this.bound?.problems ?? []).filter((p) => p.kind === 'anchor');
  }

  private listen(viewer: ViewerLike | null): void {
    this.bound?.removeEventListener('transcript-error', this.onViewerProblem);
    viewer?.addEventListener('transcript-error', this.onViewerProblem);
  }

  private readonly onViewerProblem = (): void => this.host.requestUpdate();
}
