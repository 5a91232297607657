import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { localized, msg, str } from '@lit/localize';
import type { EvidenceMark } from '../controllers/annotations.js';
import { formatTimestamp } from '../model/time.js';
import { RELATION_ICON, relationLabel } from './labels.js';
import { EvidenceSelectEvent } from '../events.js';
import { claimTokens } from './claim-tokens.styles.js';

export type { EvidenceMark } from '../controllers/annotations.js';

/**
 * A slim strip showing where annotated passages sit in the whole recording, by relation —
 * each relation has its own shape and pattern as well as colour. `<annotated-transcript>`
 * shows one above its lines; place another beside any player with `.marks` and `duration`
 * (take them from the transcript's `evidence` and its media).
 *
 * @summary Where the evidence sits in the recording.
 *
 * @fires evidence-select - A mark was activated. Detail: `{annotationId, time}`.
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
  static override styles = [
    claimTokens,
    css`
      :host {
        display: block;
        --_bg: var(--at-map-background, #f1f3f4);
      }
      @media (prefers-color-scheme: dark) {
        :host {
          --_bg: var(--at-map-background, #303134);
        }
      }
      .strip {
        position: relative;
        height: var(--at-map-height, 0.9rem);
        background: var(--_bg);
        border-radius: 3px;
      }
      button {
        position: absolute;
        top: 0;
        bottom: 0;
        min-width: 6px;
        padding: 0;
        border: 0;
        cursor: pointer;
        color: inherit;
      }
      /* Shape and pattern as well as colour: solid (supports), diagonal hatching (contradicts), dots (context). */
      .supports {
        background: var(--_supports);
      }
      .contradicts {
        background: repeating-linear-gradient(45deg, var(--_contradicts) 0 2px, transparent 2px 4px);
        box-shadow: inset 0 0 0 1.5px var(--_contradicts);
      }
      .context {
        background: radial-gradient(circle, var(--_context) 1.2px, transparent 1.6px) 0 0 / 4px 4px;
        box-shadow: inset 0 0 0 1.5px var(--_context);
        border-radius: 999px;
      }
      button:focus-visible {
        outline: 2px solid CanvasText;
        outline-offset: 1px;
      }
    `,
  ];

  /** The passages to show. */
  @property({ attribute: false }) marks: readonly EvidenceMark[] = [];

  /** Length of the recording in seconds (marks are placed by time / duration). */
  @property({ type: Number }) duration = 0;

  protected override render() {
    const marks = this.marks.filter((m) => m.relation !== 'unsupported');
    const duration = this.duration > 0 ? this.duration : Math.max(0, ...marks.map((m) => m.end));
    if (!marks.length || !(duration > 0)) return nothing;
    return html`<div class="strip" part="strip" role="group" aria-label=${msg('Where the evidence is in the recording', { id: 'map.label' })}>
      ${marks.map((m) => {
        const left = (Math.max(0, m.start) / duration) * 100;
        const width = Math.max(0, (Math.min(duration, m.end) - m.start) / duration) * 100;
        const label = relationLabel(m.relation);
        const from = formatTimestamp(m.start);
        const to = formatTimestamp(m.end);
        return html`<button
          type="button"
          part="mark"
          class=${m.relation}
          style=${styleMap({ left: `${left.toFixed(3)}%`, width: `${width.toFixed(3)}%` })}
          aria-label=${msg(str`${RELATION_ICON[m.relation]} ${label}, ${from} to ${to}`, { id: 'map.mark' })}
          title=${`${label} ${from}–${to}`}
          @click=${() => this.dispatchEvent(new EvidenceSelectEvent({ annotationId: m.annotationId, time: m.start }))}
        ></button>`;
      })}
    </div>`;
  }
}

if (!customElements.get('at-evidence-map')) customElements.define('at-evidence-map', EvidenceMap);

declare global {
  interface HTMLElementTagNameMap {
    'at-evidence-map': EvidenceMap;
  }
}
