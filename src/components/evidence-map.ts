import { LitElement, adoptStyles, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { localized } from '@lit/localize';
import type { EvidenceMark } from '../model/annotations/index.js';
import { afterSettled, track } from '../controllers/lazy.js';
import { annotationKit } from './kits.js';

/**
 * A slim strip showing where annotated passages sit in the whole recording, by relation —
 * each relation has its own shape and pattern as well as colour. `<annotated-transcript>`
 * shows one above its lines; place another beside any player with `.marks` and `duration`
 * (take them from the transcript's `evidence` and its media).
 *
 * @summary Where the evidence sits in the recording.
 *
 * @fires {CustomEvent<EvidenceSelectDetail>} evidence-select - A mark was activated. Detail: `{annotationId, time}`.
 *
 * @csspart strip - The strip.
 * @csspart mark - A mark (a button).
 *
 * @cssprop [--at-map-height=0.9rem] - Height of the strip.
 * @cssprop [--at-map-background=#f1f3f4] - Background of the strip.
 * @cssprop [--at-claim-supports-color=#137333] - Marks of supporting passages.
 * @cssprop [--at-claim-contradicts-color=#b3261e] - Marks of contradicting passages.
 * @cssprop [--at-claim-context-color=#8a5a00] - Marks of context passages.
 */
@localized()
export class EvidenceMap extends LitElement {
  /** The passages to show. */
  @property({ attribute: false }) marks: readonly EvidenceMark[] = [];

  /** Length of the recording in seconds (marks are placed by time / duration). */
  @property({ type: Number }) duration = 0;

  private styled = false;

  protected override willUpdate(): void {
    // The strip is drawn by the annotation module: loaded with the first marks (a viewer with annotations has it already).
    if (this.marks.length && !annotationKit.module && !annotationKit.failed) void track(this, annotationKit.load());
  }

  protected override render() {
    return annotationKit.module?.renderEvidenceMap(this) ?? nothing;
  }

  protected override updated(): void {
    const kit = annotationKit.module;
    if (kit && !this.styled && this.shadowRoot) {
      this.styled = true;
      adoptStyles(this.shadowRoot, kit.evidenceMapStyles);
    }
  }

  protected override getUpdateComplete(): Promise<boolean> {
    return afterSettled(this, () => super.getUpdateComplete());
  }
}

if (!customElements.get('at-evidence-map')) customElements.define('at-evidence-map', EvidenceMap);

declare global {
  interface HTMLElementTagNameMap {
    'at-evidence-map': EvidenceMap;
  }
}
