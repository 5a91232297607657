import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { parseBody, type Annotation, type EvidenceMark } from '../model/annotations/index.js';
import type { Cue } from '../model/types.js';
import { formatTimestamp } from '../model/time.js';
import type { AnnotationController } from '../controllers/annotations.js';
import { panelId, type RowOptions } from './line-row.js';
import { RELATION_ICON, relationLabel } from './labels.js';

export interface AnnotationActions {
  toggle(id: string): void;
  showClaim(claimId: string): void;
  copyClaimLink(claimId: string): void;
  playPassage(id: string): void;
  setAllOpen(open: boolean): void;
  goToAnnotation(id: string, focus?: boolean, at?: number): void;
}

/** What annotations add to the toolbar: "Expand/Collapse all annotations", and the evidence map under the tools. */
export function annotationTools(annotations: AnnotationController, actions: AnnotationActions, marks: readonly EvidenceMark[], duration: number) {
  if (!annotations.data.annotations.length) return { toggle: nothing, map: nothing };
  const anyOpen = annotations.open.size > 0;
  return {
    toggle: html`<button type="button" class="toggle-all" @click=${() => actions.setAllOpen(!anyOpen)}>
      ${anyOpen ? msg('Collapse all annotations') : msg('Expand all annotations')}</button>`,
    map: html`<at-evidence-map class="map" .marks=${marks} .duration=${duration}
      @evidence-select=${(e: CustomEvent<{ annotationId: string; time: number }>) => {
        e.stopPropagation();
        actions.goToAnnotation(e.detail.annotationId, true, e.detail.time);
      }}></at-evidence-map>`,
  };
}

/** What annotations add to each row (span bars, toggles, open panels), beside the row's own buttons. */
export function annotationRowParts(annotations: AnnotationController, actions: AnnotationActions, ownButtons: (cue: Cue) => unknown): Pick<RowOptions, 'gutter' | 'actions' | 'below'> {
  if (!annotations.data.annotations.length) return { actions: ownButtons };
  return {
    gutter: (cue) => renderGutter(cue, annotations),
    actions: (cue) => html`${renderMarkers(cue, annotations, actions)}${ownButtons(cue)}`,
    below: (cue) => renderOpenPanels(cue, annotations, actions),
  };
}

/** Margin bars of the annotations covering a line: one span per annotation, by relation and pattern. */
export function renderGutter(cue: Cue, annotations: AnnotationController) {
  const covering = annotations.covering(cue.id);
  if (!covering.length) return nothing;
  return html`<span class="gutter" aria-hidden="true">${covering.map(
    (a) => html`<span class="bar rel-${a.relation}" title=${relationLabel(a.relation)}></span>`,
  )}</span>`;
}

/** Toggle buttons of the annotations that start at this line. */
export function renderMarkers(cue: Cue, annotations: AnnotationController, actions: AnnotationActions) {
  const starting = annotations.startingAt(cue.id);
  if (!starting.length) return nothing;
  return starting.map((a) => {
    const label = relationLabel(a.relation);
    return html`<button
      type="button"
      class="marker rel-${a.relation}"
      part="marker"
      tabindex="-1"
      aria-expanded=${annotations.open.has(a.id) ? 'true' : 'false'}
      aria-controls=${panelId(a.id)}
      data-annotation=${a.id}
      @click=${() => actions.toggle(a.id)}
    ><span aria-hidden="true">${RELATION_ICON[a.relation]}</span> <span class="visually-hidden">${msg('Annotation:', { id: 'annotation.prefix' })}</span> ${label}</button>`;
  });
}

/** The open annotations that start at this line, shown under it. */
export function renderOpenPanels(cue: Cue, annotations: AnnotationController, actions: AnnotationActions) {
  const open = annotations.startingAt(cue.id).filter((a) => annotations.open.has(a.id));
  return open.length ? open.map((a) => renderPanel(a, annotations, actions)) : nothing;
}

export function renderPanel(a: Annotation, annotations: AnnotationController, actions: AnnotationActions) {
  const span = annotations.links.span.get(a.id);
  const claims = annotations.links.claimsOfAnnotation.get(a.id) ?? [];
  const label = relationLabel(a.relation);
  return html`<div class="annotation rel-${a.relation}" part="annotation" id=${panelId(a.id)} tabindex="-1" role="group" aria-label=${msg(str`Annotation: ${label}`, { id: 'annotation.toggle' })}>
    <p class="relation"><span aria-hidden="true">${RELATION_ICON[a.relation]}</span> ${label}
      ${span ? html`<span class="span-time">${formatTimestamp(span.start)}–${formatTimestamp(span.end)}</span>` : nothing}</p>
    ${a.body ? html`<p class="note">${parseBody(a.body).map((s) =>
      s.type === 'link' ? html`<a href=${s.href} target="_blank" rel="noopener noreferrer">${s.text}</a>` : s.text,
    )}</p>` : nothing}
    ${claims.length ? html`<ul class="claims" aria-label=${msg('Claims in the article', { id: 'annotation.claims' })}>${claims.map((id) => {
      const claim = annotations.claim(id);
      return html`<li>
        <q>${claim?.quote.exact ?? id}</q>${claim?.summary ? html` <span class="summary">${claim.summary}</span>` : nothing}
        <span class="actions">
          <button type="button" @click=${() => actions.showClaim(id)}>${msg('Show in article', { id: 'annotation.show-in-article' })}</button>
          <button type="button" @click=${() => actions.copyClaimLink(id)}>${msg('Copy link to claim', { id: 'annotation.copy-claim-link' })}</button>
        </span>
      </li>`;
    })}</ul>` : nothing}
    ${a.sources.length ? html`<p class="sources-title">${msg('Sources', { id: 'annotation.sources' })}</p>
      <ul class="sources">${a.sources.map((s) => html`<li><a href=${s.url} target="_blank" rel="noopener noreferrer">${s.title || s.url}</a></li>`)}</ul>` : nothing}
    ${span ? html`<button type="button" class="play" @click=${() => actions.playPassage(a.id)}>
      <span aria-hidden="true">▶</span> ${msg('Play this passage', { id: 'annotation.play' })}</button>` : nothing}
  </div>`;
}

/** Claims nothing in the recording supports: they have no lines, so they get their own list. */
export function renderLineless(annotations: AnnotationController, actions: AnnotationActions) {
  const lineless = annotations.lineless;
  if (!lineless.length) return nothing;
  return html`<section class="lineless" aria-labelledby="lineless-title">
    <h2 id="lineless-title" class="lineless-title">${msg('Claims nothing in the recording supports', { id: 'annotation.lineless' })}</h2>
    ${lineless.map((a) => renderPanel(a, annotations, actions))}
  </section>`;
}
