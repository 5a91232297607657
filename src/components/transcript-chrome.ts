import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { TargetDirection } from '../controllers/auto-scroll.js';
import type { TrackInfo, TrackView } from '../model/tracks.js';
import type { EvidenceMark } from '../model/annotations/index.js';
import { problemCountText } from '../controllers/problem-messages.js';
import type { AnnotationController } from '../controllers/annotations.js';
import type { NavigationController } from '../controllers/navigation.js';
import type { SearchController } from '../controllers/search.js';
import type { TracksController } from '../controllers/tracks.js';
import { getLocale } from '../localization.js';
import { languageName } from './labels.js';

/** The problem box: one message, or a summary with the list (capped; the rest counted), open. */
export function renderProblems({ messages, total }: { messages: readonly string[]; total: number }, debug: boolean) {
  if (!total) return nothing;
  if (total === 1 && !debug) return html`<p class="problems" part="error">${messages[0]}</p>`;
  // Open from the start, so every message naming a line is visible; the reader may fold it.
  return html`<details class="problems" part="error" open>
    <summary>${problemCountText(total)}</summary>
    <ul>
      ${messages.map((m) => html`<li>${m}</li>`)}
      ${total > messages.length ? html`<li>${msg(str`…and ${total - messages.length} more.`, { id: 'problem.more-listed' })}</li>` : nothing}
    </ul>
  </details>`;
}

interface ToolbarState {
  annotated: boolean;
  anyOpen: boolean;
  marks: EvidenceMark[];
  duration: number;
  tracks: readonly TrackInfo[];
  trackLang: string | null;
  trackView: TrackView;
  originalLabel: string;
  query: string;
  matchCount: number;
  currentMatch: number;
}

interface ToolbarActions {
  toggleAll(open: boolean): void;
  select(annotationId: string, time: number): void;
  chooseTrack(lang: string | null, view: TrackView): void;
  search(query: string): void;
  step(delta: number): void;
  seekToMatch(): void;
  download(format: 'txt' | 'vtt' | 'srt'): void;
}

/** What the toolbar shows and acts on. */
export interface ToolbarSources {
  annotations: AnnotationController;
  translations: TracksController;
  search: SearchController;
  navigation: NavigationController;
  marks: EvidenceMark[];
  /** Of the media, seconds (0 when unknown). */
  duration: number;
  /** Content language of the original. */
  lang: string | undefined;
}

/** The toolbar of a viewer, from its controllers. */
export function renderViewerToolbar(v: ToolbarSources) {
  const { annotations, translations, search, navigation } = v;
  return renderToolbar({
    annotated: annotations.data.annotations.length > 0,
    anyOpen: annotations.open.size > 0,
    marks: v.marks,
    duration: v.duration,
    tracks: translations.tracks,
    trackLang: translations.lang,
    trackView: translations.current ? translations.view : 'original',
    originalLabel: v.lang ? languageName(v.lang, getLocale()) : msg('the original'),
    query: search.query,
    matchCount: search.matches.length,
    currentMatch: search.current,
  }, {
    toggleAll: (open) => navigation.setAllOpen(open),
    select: (id, time) => navigation.goToAnnotation(id, true, time),
    chooseTrack: (lang, view) => translations.choose(lang, view),
    search: (query) => search.setQuery(query),
    step: (delta) => search.step(delta),
    seekToMatch: () => navigation.activateLine(search.currentLine()),
    download: (format) => translations.download(format),
  });
}

/** The bar above the lines: search, translation tracks, downloads, annotations and the evidence map. */
function renderToolbar(s: ToolbarState, a: ToolbarActions) {
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (e.altKey) a.seekToMatch();
      else a.step(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape' && s.query) {
      e.preventDefault();
      a.search('');
    }
  };
  const count = s.query.trim()
    ? s.matchCount
      ? msg(str`${s.currentMatch + 1} of ${s.matchCount}`, { id: 'search.count' })
      : msg('No matches', { id: 'search.none' })
    : '';
  return html`<div class="toolbar" part="toolbar">
    <div class="tools">
      <span class="search" role="search">
        <input type="search" part="search" .value=${s.query} placeholder=${msg('Search the transcript', { id: 'search.placeholder' })}
          aria-label=${msg('Search the transcript', { id: 'search.placeholder' })} aria-describedby="search-count"
          @input=${(e: InputEvent) => a.search((e.target as HTMLInputElement).value)} @keydown=${onKey} />
        <span id="search-count" class="search-count" aria-live="polite">${count}</span>
        ${s.matchCount ? html`<button type="button" class="icon" aria-label=${msg('Previous match', { id: 'search.prev' })} title=${msg('Previous match', { id: 'search.prev' })} @click=${() => a.step(-1)}>↑</button>
          <button type="button" class="icon" aria-label=${msg('Next match', { id: 'search.next' })} title=${msg('Next match', { id: 'search.next' })} @click=${() => a.step(1)}>↓</button>
          <button type="button" @click=${a.seekToMatch}>${msg('Play from match', { id: 'search.seek' })}</button>` : nothing}
      </span>
      ${s.tracks.length ? html`<label class="track">${msg('Translation', { id: 'tracks.label' })}
        <select part="track-select" @change=${(e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          a.chooseTrack(v || null, s.trackView === 'original' ? 'both' : s.trackView);
        }}>
          <option value="" ?selected=${s.trackView === 'original'}>${msg('None', { id: 'tracks.none' })}</option>
          ${s.tracks.map((t) => html`<option value=${t.lang} lang=${t.lang} ?selected=${s.trackView !== 'original' && t.lang === s.trackLang}>${t.label}</option>`)}
        </select></label>
        ${s.trackView !== 'original' ? html`<label class="track"><input type="checkbox" .checked=${s.trackView === 'both'}
          @change=${(e: Event) => a.chooseTrack(s.trackLang, (e.target as HTMLInputElement).checked ? 'both' : 'translation')} />
          ${msg(str`Side by side with ${s.originalLabel}`, { id: 'tracks.side-by-side' })}</label>` : nothing}` : nothing}
      <details class="downloads">
        <summary>${msg('Download', { id: 'download.label' })}</summary>
        <span class="menu">
          <button type="button" @click=${() => a.download('txt')}>${msg('Plain text', { id: 'download.txt' })}</button>
          <button type="button" @click=${() => a.download('vtt')}>WebVTT</button>
          <button type="button" @click=${() => a.download('srt')}>SRT</button>
        </span>
      </details>
      ${s.annotated ? html`<button type="button" class="toggle-all" @click=${() => a.toggleAll(!s.anyOpen)}>
        ${s.anyOpen ? msg('Collapse all annotations') : msg('Expand all annotations')}</button>` : nothing}
    </div>
    ${s.annotated ? html`<at-evidence-map class="map" .marks=${s.marks} .duration=${s.duration}
      @evidence-select=${(e: CustomEvent<{ annotationId: string; time: number }>) => {
        e.stopPropagation();
        a.select(e.detail.annotationId, e.detail.time);
      }}></at-evidence-map>` : nothing}
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
