import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { live } from 'lit/directives/live.js';
import { RELATIONS, parseBody, type Annotation } from '../../model/annotations/index.js';
import { formatTimestamp } from '../../model/time.js';
import { RELATION_ICON, relationLabel } from '../labels.js';
import type { EditorActions, EditorView } from './editor-view.js';
import { linesChosen } from '../../controllers/editor/commands.js';

const input = (e: Event): string => (e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value;

/** The form of the annotation being edited: relation, evidence, body, sources, the claims it concerns. */
export function renderDetail(v: EditorView, a: EditorActions): TemplateResult {
  const an = v.annotation;
  if (!an) {
    return html`<section class="detail"><p class="muted">${msg('Choose an annotation to edit, or make a new claim from a selection in the article.', { id: 'editor.choose' })}</p></section>`;
  }
  return html`<section class="detail" aria-labelledby="detail-heading">
    <h3 id="detail-heading">${msg(str`Annotation ${an.id}`, { id: 'editor.annotation-heading' })}</h3>
    <fieldset data-field="relation" tabindex="-1">
      <legend>${msg('Relation', { id: 'editor.relation' })}</legend>
      <div class="relations">
        ${RELATIONS.map((r) => html`<label><input type="radio" name="relation" .checked=${live(an.relation === r)} @change=${() => a.relation(r)} />
          <span aria-hidden="true">${RELATION_ICON[r]}</span> ${relationLabel(r)}</label>`)}
      </div>
    </fieldset>
    ${renderEvidence(v, a, an)}
    <div class="field">
      <label for="f-body">${msg('Note (plain text; links as [label](https://…))', { id: 'editor.body' })}</label>
      <textarea id="f-body" data-field="body" .value=${live(an.body ?? '')} @input=${(e: Event) => a.body(input(e))} @change=${a.seal}></textarea>
      ${an.body
        ? html`<div class="preview" aria-label=${msg('Preview of the note', { id: 'editor.preview' })} role="group">${parseBody(an.body).map((s) =>
            s.type === 'link' ? html`<a href=${s.href} target="_blank" rel="noopener noreferrer">${s.text}</a>` : s.text)}</div>`
        : nothing}
    </div>
    ${renderSources(a, an)}
    ${renderClaims(v, a, an)}
    <button @click=${a.remove}>${msg('Delete annotation', { id: 'editor.delete' })}</button>
  </section>`;
}

function renderEvidence(v: EditorView, a: EditorActions, an: Annotation): TemplateResult {
  const byId = new Map(v.cues.map((c) => [c.id, c]));
  const line = (i: number) => v.cues[i];
  const label = (start: number, text: string) => `${formatTimestamp(start)} ${text.length > 60 ? `${text.slice(0, 59)}…` : text}`;
  return html`<fieldset data-field="cues" tabindex="-1">
    <legend>${msg('Evidence in the recording', { id: 'editor.evidence' })}</legend>
    <p class="muted">${msg('Click lines in the transcript to choose them (Shift+click for a range, Ctrl/Cmd+click to add one), or press Enter on a line; then link them.', { id: 'editor.pick-hint' })}</p>
    <p>${linesChosen(v.picked.length)}
      ${v.picked.length ? html`<span class="muted">${v.picked.slice(0, 5).map((i) => line(i)).filter((c) => c).map((c) => label(c!.start, c!.text)).join(' · ')}${v.picked.length > 5 ? ' …' : ''}</span>` : nothing}</p>
    <div class="bar">
      <button @click=${a.linkLines} ?disabled=${!v.picked.length}>${msg('Link selected lines', { id: 'editor.link-lines' })}</button>
      <button @click=${a.unlinkLines} ?disabled=${!an.cues.length}>${msg('Unlink all lines', { id: 'editor.unlink-lines' })}</button>
    </div>
    <p>${msg('Linked lines:', { id: 'editor.linked' })} ${an.cues.length
      ? html`<span>${an.cues.map((id) => byId.get(id)).map((c, i) => (c ? label(c.start, c.text) : an.cues[i])).join(' · ')}</span>`
      : html`<span class="muted">${msg('none', { id: 'editor.none' })}</span>`}</p>
    <div class="bar" data-field="time" tabindex="-1">
      <button @click=${a.markStart} ?disabled=${!v.hasMedia}>${msg('Mark start', { id: 'editor.mark-start' })}</button>
      <button @click=${a.markEnd} ?disabled=${!v.hasMedia}>${msg('Mark end', { id: 'editor.mark-end' })}</button>
      <label>${msg('From (s)', { id: 'editor.time-start' })}
        <input type="number" min="0" step="0.1" .value=${live(an.time ? String(an.time.start) : '')}
          @change=${(e: Event) => a.time(Number(input(e)), an.time?.end ?? Number(input(e)))} /></label>
      <label>${msg('To (s)', { id: 'editor.time-end' })}
        <input type="number" min="0" step="0.1" .value=${live(an.time ? String(an.time.end) : '')}
          @change=${(e: Event) => a.time(an.time?.start ?? Number(input(e)), Number(input(e)))} /></label>
      <button @click=${a.removeTime} ?disabled=${!an.time}>${msg('Remove time range', { id: 'editor.remove-time' })}</button>
    </div>
  </fieldset>`;
}

function renderSources(a: EditorActions, an: Annotation): TemplateResult {
  const rows = [...an.sources, null];
  return html`<fieldset data-field="sources" tabindex="-1">
    <legend>${msg('Sources', { id: 'editor.sources' })}</legend>
    ${rows.map((s, i) => html`<div class="source">
      <div class="field"><label for="f-src-${i}-title">${msg('Title', { id: 'editor.source-title' })}</label>
        <input id="f-src-${i}-title" type="text" data-field="sources.${i}.title" .value=${live(s?.title ?? '')}
          @input=${(e: Event) => a.source(i, { title: input(e), url: s?.url ?? '' })} @change=${a.seal} /></div>
      <div class="field"><label for="f-src-${i}-url">${msg('URL (http or https)', { id: 'editor.source-url' })}</label>
        <input id="f-src-${i}-url" type="url" data-field="sources.${i}.url" .value=${live(s?.url ?? '')}
          @input=${(e: Event) => a.source(i, { title: s?.title ?? '', url: input(e) })} @change=${a.seal} /></div>
      ${s ? html`<button @click=${() => a.source(i, null)} aria-label=${msg(str`Remove source ${i + 1}`, { id: 'editor.remove-source' })}>✕</button>` : html`<span></span>`}
    </div>`)}
  </fieldset>`;
}

function renderClaims(v: EditorView, a: EditorActions, an: Annotation): TemplateResult {
  return html`<fieldset data-field="claims" tabindex="-1">
    <legend>${msg('Claims it concerns', { id: 'editor.claims' })}</legend>
    ${v.value.claims.length ? nothing : html`<p class="muted">${msg('No claims yet.', { id: 'editor.no-claims' })}</p>`}
    <ul>
      ${v.value.claims.map((c) => {
        const on = an.claims.includes(c.id);
        return html`<li>
          <label><input type="checkbox" .checked=${live(on)} @change=${(e: Event) => a.concerns(c.id, (e.currentTarget as HTMLInputElement).checked)} />
            ${c.id}: <span class="quote">“${c.quote.exact.length > 90 ? `${c.quote.exact.slice(0, 89)}…` : c.quote.exact}”</span></label>
          ${on
            ? html`<div class="field"><label for="f-claim-${c.id}">${msg(str`Summary of claim ${c.id}`, { id: 'editor.claim-summary' })}</label>
                <input id="f-claim-${c.id}" type="text" data-field="claim.${c.id}" .value=${live(c.summary ?? '')}
                  @input=${(e: Event) => a.summary(c.id, input(e))} @change=${a.seal} /></div>`
            : nothing}
        </li>`;
      })}
    </ul>
  </fieldset>`;
}
