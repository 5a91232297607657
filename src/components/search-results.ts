import { css, html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { SearchLoader } from '../controllers/search-loader.js';

/** What the toolbar shows of a search: the count ("3 of 12", announced), and the buttons to step through the matches. */
export function searchResults(search: SearchLoader, seekToMatch: () => void): { count: string; buttons: unknown } {
  // (Named as the placeholders of the translations in xliff/.)
  const s = { currentMatch: search.current, matchCount: search.matches.length };
  if (!search.query.trim()) return { count: '', buttons: nothing };
  if (!s.matchCount) return { count: msg('No matches', { id: 'search.none' }), buttons: nothing };
  return {
    count: msg(str`${s.currentMatch + 1} of ${s.matchCount}`, { id: 'search.count' }),
    buttons: html`<button type="button" class="icon" aria-label=${msg('Previous match', { id: 'search.prev' })} title=${msg('Previous match', { id: 'search.prev' })} @click=${() => search.step(-1)}>↑</button>
      <button type="button" class="icon" aria-label=${msg('Next match', { id: 'search.next' })} title=${msg('Next match', { id: 'search.next' })} @click=${() => search.step(1)}>↓</button>
      <button type="button" @click=${seekToMatch}>${msg('Play from match', { id: 'search.seek' })}</button>`,
  };
}

/** Search matches: background plus an outline for the current one (not colour alone). */
export const searchStyles = [css`
  .toolbar button.icon {
    padding: 0.1rem 0.45rem;
  }
  ::highlight(at-search) {
    background-color: rgb(255 214 0 / 0.45);
    color: inherit;
  }
  ::highlight(at-search-current) {
    background-color: rgb(255 140 0 / 0.7);
    text-decoration: underline 2px;
  }
`];
