import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Relation } from '../model/annotations/index.js';
import { RELATION_ICON, claimVerdictLabel } from './labels.js';
import { claimTokens } from './claim-tokens.styles.js';

/**
 * A small focusable button that `<annotated-transcript>` places at the end of each claim it
 * found in the article. Activating it shows the claim's evidence in the transcript. Authors do
 * not create these; they style them.
 *
 * @summary The button marking a claim in the article.
 *
 * @csspart marker - The button.
 *
 * @cssprop [--at-claim-supports-color=#137333] - Marker of a supported claim.
 * @cssprop [--at-claim-contradicts-color=#b3261e] - Marker of a contradicted claim.
 * @cssprop [--at-claim-context-color=#8a5a00] - Marker of a claim that needs context.
 * @cssprop [--at-claim-unsupported-color=#5f6368] - Marker of a claim nothing in the recording supports.
 */
@localized()
export class ClaimMarker extends LitElement {
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override styles = [
    claimTokens,
    css`
      :host {
        display: inline;
        --_c: var(--_unsupported);
      }
      :host([relation='supports']) {
        --_c: var(--_supports);
      }
      :host([relation='contradicts']) {
        --_c: var(--_contradicts);
      }
      :host([relation='context']) {
        --_c: var(--_context);
      }
      button {
        display: inline-flex;
        align-items: center;
        justify-content: center;
        min-width: 1.5em;
        height: 1.5em;
        margin-inline-start: 0.2em;
        padding: 0 0.3em;
        vertical-align: 0.1em;
        font: inherit;
        font-size: 0.75em;
        font-weight: 700;
        line-height: 1;
        color: var(--_c);
        background: transparent;
        border: 1.5px solid currentColor;
        border-radius: 999px;
        cursor: pointer;
      }
      button:hover {
        background: color-mix(in srgb, var(--_c) 12%, transparent);
      }
      button:focus-visible {
        outline: 2px solid var(--_c);
        outline-offset: 2px;
      }
    `,
  ];

  /** Id of the claim this marks. */
  @property({ reflect: true }) claim = '';

  /** What the recording does to the claim: supports, contradicts, context or unsupported. */
  @property({ reflect: true }) relation: Relation = 'unsupported';

  protected override render() {
    const label = claimVerdictLabel(this.relation);
    return html`<button type="button" part="marker" aria-label=${msg(str`${label}: show the evidence`, { id: 'claim.show-evidence' })} title=${label}>
      <span aria-hidden="true">${RELATION_ICON[this.relation] ?? '?'}</span>
    </button>`;
  }
}

if (!customElements.get('at-claim-marker')) customElements.define('at-claim-marker', ClaimMarker);

declare global {
  interface HTMLElementTagNameMap {
    'at-claim-marker': ClaimMarker;
  }
}
