/**
 * The annotation subsystem, one chunk loaded on demand (`kits.ts`): reading and validating
 * annotation files (v1 and W3C Web Annotation JSON-LD), the set linked to the cues with its
 * queries and ClaimReview, what the reader does with annotations (going to one, claims, passages,
 * print), anchoring the claims in the article (text-quote matching) with their
 * `<at-claim-marker>` buttons, and what the viewer and `<at-evidence-map>` draw of them.
 * A page without annotations never loads it.
 */
import type { ReactiveControllerHost } from 'lit';
import { AnnotationNavigation, type AnnotationNavigationDeps } from '../controllers/annotation-navigation.js';
import { ArticleAnchorsController } from '../controllers/article-anchors.js';
import { PrintController } from '../controllers/print.js';
import type { ProblemSink } from '../controllers/problems.js';
import { claimMarkers } from './claim-markers.js';
import { claimTokens } from './claim-tokens.styles.js';
import { annotationView } from './annotation-view.styles.js';

export { readAnnotationFile, readAnnotationInput } from '../model/annotations/index.js';
export { AnnotationController } from '../controllers/annotations.js';
export { annotationRowParts, renderLineless, annotationTools } from './annotation-view.js';
export { renderEvidenceMap, evidenceMapStyles } from './evidence-map-view.js';

/** The viewer's styles for annotations (claim colours, span bars, toggles, panels). */
export const annotationStyles = [claimTokens, annotationView];

export interface AttachDeps extends Omit<AnnotationNavigationDeps, 'focusClaim'> {
  problems: ProblemSink;
  /** The article element (from `article="ID"` or `.articleElement`). */
  article(): Element | null;
  /** Renders the host at once (the browser lays out for print right after `beforeprint`). */
  renderNow(): void;
}

/**
 * What a viewer does with a set of annotations once one is read: the reader's intents, the
 * claims anchored in the article (with `<at-claim-marker>` buttons and the highlight styles),
 * and print (every annotation open).
 */
export function attachAnnotations(host: ReactiveControllerHost & HTMLElement & { readonly updateComplete: Promise<boolean> }, deps: AttachDeps): {
  navigation: AnnotationNavigation;
  anchors: ArticleAnchorsController;
} {
  const anchors: ArticleAnchorsController = new ArticleAnchorsController(host, {
    annotations: deps.annotations,
    problems: deps.problems,
    article: deps.article,
    markers: claimMarkers,
    activate: (claimId) => navigation.activateClaim(claimId),
  });
  const navigation = new AnnotationNavigation(host, { ...deps, focusClaim: (claimId) => anchors.focus(claimId) });
  new PrintController(host, deps.annotations, deps.renderNow);
  anchors.refresh();
  return { navigation, anchors };
}
