import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { TargetDirection } from '../controllers/auto-scroll.js';
import type { EvidenceMark } from '../model/annotations/index.js';
import type { NavigationController } from '../controllers/navigation.js';
import type { SearchLoader } from '../controllers/search-loader.js';
import type { TracksLoader } from '../controllers/tracks-loader.js';
import type { DownloadFormat } from '../controllers/files.js';
import type { AnnotationLayer } from './annotation-layer.js';
import type { SearchKit, TracksKit } from './kits.js';

/** The problem box: one message, or a summary with the list (capped; the rest counted), open. */
export function renderProblems({ messages, total, summary }: { messages: readonly string[]; total: number; summary: string }, debug: boolean) {
  if (!total) return nothing;
  if (total === 1 && !debug) return html`<p class="problems" part="error">${messages[0]}</p>`;
  // Open from the start, so every message naming a line is visible; the reader may fold it.
  return html`<details class="problems" part="error" open>
    <summary>${summary}</summary>
    <ul>
      ${messages.map((m) => html`<li>${m}</li>`)}
      ${total > messages.length ? html`<li>${msg(str`…and ${total - messages.length} more.`, { id: 'problem.more-listed' })}</li>` : nothing}
    </ul>
  </details>`;
}

/** What the toolbar shows and acts on: the controllers, and what the parts loaded on demand draw in it. */
export interface ToolbarSources {
  annotations: AnnotationLayer;
  translations: TracksLoader<TracksKit>;
  search: SearchLoader<SearchKit>;
  navigation: NavigationController;
  marks: EvidenceMark[];
  /** Of the media, seconds (0 when unknown). */
  duration: number;
  /** Content language of the original. */
  lang: string | undefined;
  /** The transcript's offset against the media (seconds): when not 0, a download may be asked for in media time. */
  offset?: number;
}

/**
 * The bar above the lines: search, translation tracks, downloads, annotations and the evidence
 * map. The search field and the downloads are always there; the search results (count, next,
 * previous), the track menu and the annotation tools come with their modules.
 */
export function renderViewerToolbar(v: ToolbarSources) {
  const { annotations, translations, search, navigation } = v;
  const seekToMatch = () => navigation.activateLine(search.currentLine());
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (e.altKey) seekToMatch();
      else search.step(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape' && search.query) {
      e.preventDefault();
      search.setQuery('');
    }
  };
  const results = search.kit?.searchResults(search, seekToMatch);
  const tools = annotations.tools(v.marks, v.duration);
  // In the file's own times, unless the reader ticks "times as in the recording" (offered when there is an offset).
  const download = (format: DownloadFormat, e: Event) =>
    translations.download(format, (e.target as HTMLElement).closest('.menu')?.querySelector<HTMLInputElement>('input.media-times')?.checked === true);
  return html`<div class="toolbar" part="toolbar">
    <div class="tools">
      <span class="search" role="search">
        <input type="search" part="search" .value=${search.query} placeholder=${msg('Search the transcript', { id: 'search.placeholder' })}
          aria-label=${msg('Search the transcript', { id: 'search.placeholder' })} aria-describedby="search-count"
          @input=${(e: InputEvent) => search.setQuery((e.target as HTMLInputElement).value)} @keydown=${onKey} />
        <span id="search-count" class="search-count" aria-live="polite">${results?.count ?? ''}</span>
        ${results?.buttons ?? nothing}
      </span>
      ${translations.kit?.trackChooser(translations, v.lang) ?? nothing}
      <details class="downloads">
        <summary>${msg('Download', { id: 'download.label' })}</summary>
        <span class="menu">
          <button type="button" @click=${(e: Event) => download('txt', e)}>${msg('Plain text', { id: 'download.txt' })}</button>
          <button type="button" @click=${(e: Event) => download('vtt', e)}>WebVTT</button>
          <button type="button" @click=${(e: Event) => download('srt', e)}>SRT</button>
          ${v.offset ? html`<label><input type="checkbox" class="media-times" />${msg('Times as in the recording', { id: 'download.media-times' })}</label>` : nothing}
        </span>
      </details>
      ${tools?.toggle ?? nothing}
    </div>
    ${tools?.map ?? nothing}
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
