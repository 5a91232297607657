import { css } from 'lit';

/** The lines: rows, timestamps, speakers, words and the active line and word (translations: track-chooser.ts). */
export const lineList = css`
  ol {
    list-style: none;
    margin: 0;
    padding: 0.25rem 0;
  }
  .row {
    position: relative;
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: start;
    padding-inline: 0.5rem;
  }
  .line {
    grid-column: 1;
    display: grid;
    grid-template-columns: var(--at-timestamp-width, 4.5em) 1fr;
    gap: 0 0.5rem;
    padding: 0.3rem 0.75rem;
    border-radius: 4px;
    cursor: pointer;
    /* The active bar is an inset shadow: it shows state by shape as well as colour, without layout. */
    box-shadow: inset 3px 0 0 transparent;
  }
  .line:hover {
    background: color-mix(in srgb, var(--_active-bg) 50%, transparent);
  }
  .line:focus {
    outline: none;
  }
  .line:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  .line[aria-current='true'] {
    background: var(--_active-bg);
    color: var(--_active-fg);
    box-shadow: inset 4px 0 0 var(--_accent);
  }
  .timestamp {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
    font-size: 0.875em;
    padding-top: 0.1em;
    text-align: end;
  }
  .line[aria-current='true'] .timestamp {
    color: inherit;
    font-weight: 600;
  }
  .body {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .speaker {
    display: block;
    font-weight: 600;
    font-size: 0.875em;
    color: var(--_speaker);
  }
  .text {
    white-space: pre-line;
  }
  .word {
    border-radius: 2px;
  }
  /* Active word: colour plus underline (never colour alone); neither changes layout. */
  .word[part~='active-word'] {
    color: var(--_word-fg);
    text-decoration: underline 2px;
    text-underline-offset: 0.2em;
  }
  .word:hover {
    text-decoration: underline dotted;
  }
  .row-actions {
    grid-column: 2;
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.25rem;
    padding-top: 0.3rem;
  }
  .row-actions button {
    font: inherit;
    font-size: 0.8em;
    line-height: 1.2;
    padding: 0.15rem 0.45rem;
    border-radius: 999px;
    cursor: pointer;
  }
  .row-actions button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .copy-link {
    color: var(--_muted);
    background: transparent;
    border: 1px solid transparent;
    opacity: 0;
  }
  .row:hover .copy-link,
  .row:focus-within .copy-link,
  .copy-link:focus-visible {
    opacity: 1;
  }
  /* Narrow (phones, sidebars): buttons go under the text instead of beside it. */
  @container at-transcript (max-width: 30rem) {
    .row {
      grid-template-columns: minmax(0, 1fr);
    }
    .line {
      grid-template-columns: var(--at-timestamp-width, 3.2em) 1fr;
      padding-inline: 0.5rem;
    }
    .row-actions {
      grid-column: 1;
      justify-content: flex-start;
      padding: 0 0 0.3rem calc(var(--at-timestamp-width, 3.2em) + 1rem);
    }
    .row-actions:not(:has(.marker)) {
      padding: 0;
    }
    .row:not(:focus-within) .copy-link {
      display: none;
    }
  }
  @media (forced-colors: active) {
    .line[aria-current='true'] {
      outline: 2px solid CanvasText;
    }
    .word[part~='active-word'] {
      outline: 1px solid CanvasText;
    }
  }
`;
