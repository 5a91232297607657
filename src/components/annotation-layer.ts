import { nothing } from 'lit';
import { ClaimActivateEvent } from '../events.js';
import type { Cue } from '../model/types.js';
import type { EvidenceMark } from '../model/annotations/index.js';
import type { AnnotationNavigation } from '../controllers/annotation-navigation.js';
import type { AnnotationSource } from '../controllers/annotation-source.js';
import type { RowOptions } from './line-row.js';
import type { AnnotationKit } from './kits.js';

type Kit = AnnotationKit;
type Attached = ReturnType<Kit['attachAnnotations']>;
type Host = Parameters<Kit['attachAnnotations']>[0];

export type AnnotationLayerDeps = Omit<Parameters<Kit['attachAnnotations']>[1], 'annotations'> & { source: AnnotationSource<Kit> };

/**
 * What a viewer does and draws with its annotations — span bars, toggles and open panels on the
 * rows, the list of claims with no lines, the toolbar's tools, going to an annotation or a
 * claim, the claims in the article, print — all from the annotation module, attached once a
 * set is read. Before that there is nothing to draw and nothing to go to: rows have only their
 * own buttons, and activating a claim only fires `claim-activate`.
 */
export class AnnotationLayer {
  private attached: Attached | null = null;

  constructor(
    private readonly host: Host,
    private readonly deps: AnnotationLayerDeps,
  ) {
    deps.source.changed.add(() => void this.attach());
  }

  /** The reader's intents about annotations, once a set is read. */
  get navigation(): AnnotationNavigation | null {
    return this.attach()?.navigation ?? null;
  }

  /** The article may have changed: anchor the claims again. */
  refreshArticle(): void {
    this.attached?.anchors.refresh();
  }

  goToAnnotation(id: string, focus?: boolean, at?: number): void {
    this.navigation?.goToAnnotation(id, focus, at);
  }

  activateClaim(claimId: string): void {
    const navigation = this.navigation;
    if (navigation) navigation.activateClaim(claimId);
    else this.host.dispatchEvent(new ClaimActivateEvent({ claimId }));
  }

  /** Whether the set read has this claim (for `#claim=`). */
  hasClaim(claimId: string): boolean {
    return this.deps.source.annotations?.links.annotationsOfClaim.has(claimId) ?? false;
  }

  /** A row's annotation parts beside its own buttons. */
  rowParts(ownButtons: (cue: Cue) => unknown): Pick<RowOptions, 'gutter' | 'actions' | 'below'> {
    const { kit, annotations } = this.deps.source;
    const navigation = this.navigation;
    return kit && annotations && navigation ? kit.annotationRowParts(annotations, navigation, ownButtons) : { actions: ownButtons };
  }

  /** Claims nothing in the recording supports, in a list of their own. */
  lineless(): unknown {
    const { kit, annotations } = this.deps.source;
    const navigation = this.navigation;
    return kit && annotations && navigation ? kit.renderLineless(annotations, navigation) : nothing;
  }

  /** The toolbar's "Expand/Collapse all" and the evidence map. */
  tools(marks: readonly EvidenceMark[], duration: number): { toggle: unknown; map: unknown } | null {
    const { kit, annotations } = this.deps.source;
    const navigation = this.navigation;
    return kit && annotations && navigation ? kit.annotationTools(annotations, navigation, marks, duration) : null;
  }

  private attach(): Attached | null {
    const { kit, annotations } = this.deps.source;
    if (!this.attached && kit && annotations) this.attached = kit.attachAnnotations(this.host, { ...this.deps, annotations });
    return this.attached;
  }
}
