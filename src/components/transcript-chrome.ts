import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { Problem } from '../model/types.js';
import type { TargetDirection } from '../controllers/auto-scroll.js';
import type { EvidenceMark } from './evidence-map.js';
import { problemMessage } from './problem-messages.js';

/** The problem box: one message, or a summary with the list (open by default for editors). */
export function renderProblems(problems: readonly Problem[], debug: boolean) {
  if (!problems.length) return nothing;
  if (problems.length === 1 && !debug) return html`<p class="problems" part="error">${problemMessage(problems[0]!)}</p>`;
  return html`<details class="problems" part="error" ?open=${debug}>
    <summary>${msg(str`${problems.length} problems were found.`)}</summary>
    <ul>${problems.map((p) => html`<li data-kind=${p.kind}>${problemMessage(p)}</li>`)}</ul>
  </details>`;
}

/** The bar above the lines: expand/collapse all annotations, and the evidence map. */
export function renderToolbar(
  annotated: boolean,
  marks: EvidenceMark[],
  duration: number | undefined,
  anyOpen: boolean,
  actions: { toggleAll(open: boolean): void; select(annotationId: string): void },
) {
  if (!annotated) return nothing;
  return html`<div class="toolbar" part="toolbar">
    <at-evidence-map
      class="map"
      .marks=${marks}
      .duration=${Number.isFinite(duration) ? duration! : 0}
      @evidence-select=${(e: CustomEvent<{ annotationId: string }>) => {
        e.stopPropagation();
        actions.select(e.detail.annotationId);
      }}
    ></at-evidence-map>
    <button type="button" class="toggle-all" @click=${() => actions.toggleAll(!anyOpen)}>
      ${anyOpen ? msg('Collapse all annotations') : msg('Expand all annotations')}
    </button>
  </div>`;
}

/** "Back to current line", with where "now" is, while auto-scroll is paused. */
export function renderBackToNow(direction: TargetDirection, onClick: () => void) {
  if (direction !== 'above' && direction !== 'below') return nothing;
  const above = direction === 'above';
  return html`<button type="button" class="back-to-now ${direction}" part="back-to-now" @click=${onClick}>
    <span aria-hidden="true">${above ? '↑' : '↓'}</span>
    ${above ? msg('Back to current line (above)') : msg('Back to current line (below)')}
  </button>`;
}
