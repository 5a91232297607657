import { css, html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { TracksLoader } from '../controllers/tracks-loader.js';
import { getLocale } from '../localization.js';

/** A language's name in the interface language ("English", "англійська"), from Intl; the code when unknown. */
function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The toolbar's translation menu and "side by side" switch (`originalLang`: the content language of the original). */
export function trackChooser(tracks: TracksLoader, originalLang: string | undefined) {
  if (!tracks.tracks.length) return nothing;
  const view = tracks.current ? tracks.view : 'original';
  // (Named as the placeholder of the translations in xliff/.)
  const s = { originalLabel: originalLang ? languageName(originalLang, getLocale()) : msg('the original') };
  return html`<label class="track">${msg('Translation', { id: 'tracks.label' })}
      <select part="track-select" @change=${(e: Event) => {
        const v = (e.target as HTMLSelectElement).value;
        tracks.choose(v || null, view === 'original' ? 'both' : view);
      }}>
        <option value="" ?selected=${view === 'original'}>${msg('None', { id: 'tracks.none' })}</option>
        ${tracks.tracks.map((t) => html`<option value=${t.lang} lang=${t.lang} ?selected=${view !== 'original' && t.lang === tracks.lang}>${t.label}</option>`)}
      </select></label>
    ${view !== 'original' ? html`<label class="track"><input type="checkbox" .checked=${view === 'both'}
      @change=${(e: Event) => tracks.choose(tracks.lang, (e.target as HTMLInputElement).checked ? 'both' : 'translation')} />
      ${msg(str`Side by side with ${s.originalLabel}`, { id: 'tracks.side-by-side' })}</label>` : nothing}`;
}

/** The menu, and a translation shown beside (or instead of) the original's lines. */
export const trackStyles = [css`
  .track {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
  }
  .track select {
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 0.15rem 0.3rem;
  }
  .track select:focus-visible,
  .track input:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  /* A translation track shown side by side with the original. */
  .body.both {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    gap: 0 1rem;
  }
  .body.both .speaker {
    grid-column: 1 / -1;
  }
  .translation {
    white-space: pre-line;
  }
  .body.both .translation {
    color: var(--_muted);
    border-inline-start: 1px solid var(--_border);
    padding-inline-start: 0.75rem;
  }
  .line[aria-current='true'] .body.both .translation {
    color: inherit;
  }
  @container at-transcript (max-width: 30rem) {
    .body.both {
      grid-template-columns: minmax(0, 1fr);
    }
    .body.both .translation {
      border-inline-start: 0;
      padding-inline-start: 0;
      margin-top: 0.2rem;
    }
  }
`];
