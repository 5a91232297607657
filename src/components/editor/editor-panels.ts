import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { problemMessage } from '../../controllers/problem-messages.js';
import { DOWNLOAD_NAMES, type DownloadKind } from '../../controllers/editor/files.js';
import { RELATION_ICON, relationLabel } from '../labels.js';
import type { EditorActions, EditorView } from './editor-view.js';

/** "New claim from selection", undo/redo, the status line and the draft offer. */
export function renderToolbar(v: EditorView, a: EditorActions): TemplateResult {
  return html`<div class="bar" part="toolbar">
      <button class="primary" part="new-claim" @mousedown=${(e: Event) => e.preventDefault()} @click=${a.newClaim}>${msg('New claim from selection', { id: 'editor.new-claim' })}</button>
      <button @click=${a.undo} ?disabled=${!v.canUndo} aria-keyshortcuts="Control+Z Meta+Z">${msg('Undo', { id: 'editor.undo' })}</button>
      <button @click=${a.redo} ?disabled=${!v.canRedo} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z">${msg('Redo', { id: 'editor.redo' })}</button>
      ${v.draft
        ? html`<button @click=${a.restoreDraft}>${msg('Restore draft', { id: 'editor.restore-draft' })}</button>
            <button @click=${a.discardDraft}>${msg('Discard draft', { id: 'editor.discard-draft' })}</button>
            <span class="muted">${msg(str`A draft saved ${new Date(v.draft.savedAt).toLocaleString()} was found.`, { id: 'editor.draft-found' })}</span>`
        : nothing}
    </div>
    <p class="status ${v.message?.warn ? 'warn' : ''}" role="status" aria-live="polite">${v.message?.text ?? ''}</p>`;
}

/** The annotations of the set; choosing one makes it the one being edited. */
export function renderList(v: EditorView, a: EditorActions): TemplateResult {
  const claims = new Map(v.value.claims.map((c) => [c.id, c]));
  return html`<nav class="list" aria-labelledby="list-heading">
    <h3 id="list-heading">${msg('Annotations', { id: 'editor.annotations' })}</h3>
    ${v.value.annotations.length
      ? html`<ul>
          ${v.value.annotations.map((an) => {
            const first = an.claims.map((id) => claims.get(id)).find((c) => c);
            const about = first?.summary || first?.quote.exact || an.body || '';
            return html`<li>
              <button aria-current=${an.id === v.annotation?.id ? 'true' : 'false'} data-annotation=${an.id} @click=${() => a.select(an.id)}>
                <span aria-hidden="true">${RELATION_ICON[an.relation]}</span> ${relationLabel(an.relation)} · ${an.id}
                <span class="muted">${about.length > 80 ? `${about.slice(0, 79)}…` : about}</span>
              </button>
            </li>`;
          })}
        </ul>`
      : html`<p class="muted">${msg('No annotations yet: select a phrase in the article, then “New claim from selection”.', { id: 'editor.no-annotations' })}</p>`}
  </nav>`;
}

/** The validator's problems, each a button that goes to its field. */
export function renderProblems(v: EditorView, a: EditorActions): TemplateResult {
  return html`<section class="problems" aria-labelledby="problems-heading">
    <h3 id="problems-heading">${msg('Problems', { id: 'editor.problems' })} (${v.problems.length})</h3>
    ${v.problems.length
      ? html`<ul>
          ${v.problems.slice(0, 100).map((p) => html`<li><button @click=${() => a.goTo(p)}>${problemMessage(p)}</button></li>`)}
        </ul>`
      : html`<p class="muted">${msg('No problems.', { id: 'editor.no-problems' })}</p>`}
  </section>`;
}

const downloadLabel = (kind: DownloadKind): string =>
  kind === 'json'
    ? msg('Download JSON', { id: 'editor.download-json' })
    : kind === 'web-annotation'
      ? msg('Download Web Annotation', { id: 'editor.download-web-annotation' })
      : msg('Download ClaimReview', { id: 'editor.download-claim-review' });

/** Downloads (plain links, made fresh on activation) and opening a file (or dropping one anywhere on the editor). */
export function renderFiles(v: EditorView, a: EditorActions): TemplateResult {
  const kinds: DownloadKind[] = ['json', 'web-annotation', 'claim-review'];
  return html`<section aria-labelledby="files-heading">
    <h3 id="files-heading">${msg('Files', { id: 'editor.files' })}</h3>
    <div class="bar">
      ${kinds.map((kind) => {
        // A real link to the current set: made when the link is focused or pointed at (copy, save as), and again when followed.
        const prepare = (e: Event) => a.download(kind, e.currentTarget as HTMLAnchorElement, false);
        return html`<a class="download" part="download" data-kind=${kind} href="#" download=${DOWNLOAD_NAMES[kind]}
          @focus=${prepare} @pointerenter=${prepare}
          @click=${(e: Event) => a.download(kind, e.currentTarget as HTMLAnchorElement, true)}>${downloadLabel(kind)}</a>`;
      })}
      <label class="open">${msg('Open a file…', { id: 'editor.open' })}
        <input type="file" accept=".json,.jsonld,application/json,application/ld+json"
          @change=${(e: Event) => {
            const input = e.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            if (file) a.open(file);
            input.value = '';
          }} />
      </label>
    </div>
    <p class="muted">${msg('You can also drop an annotation file (format v1 or Web Annotation) on the editor.', { id: 'editor.drop-hint' })}</p>
  </section>`;
}
