import { css } from 'lit';

/** Around the lines: the problem box, the toolbar (search field, downloads, evidence map) and "back to now". The track menu and the search results bring their own (track-chooser.ts, search-results.ts). */
export const chrome = css`
  .problems {
    margin: 0.5rem;
    padding: 0.5rem 0.75rem;
    border-radius: 6px;
    color: var(--_error-fg);
    background: var(--_error-bg);
    border-inline-start: 4px solid currentColor;
    font-size: 0.9em;
  }
  .problems summary {
    cursor: pointer;
    font-weight: 600;
  }
  .problems ul {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.25rem;
  }
  .toolbar {
    display: flex;
    flex-direction: column;
    gap: 0.4rem;
    padding: 0.5rem 0.75rem;
    border-bottom: 1px solid var(--_border);
    font-size: 0.9em;
  }
  .toolbar button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem 0.75rem;
  }
  .search {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    flex: 1 1 14rem;
    min-width: 0;
  }
  .search input {
    flex: 1 1 8rem;
    min-width: 6rem;
    font: inherit;
    padding: 0.25rem 0.5rem;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 6px;
  }
  .search input:focus-visible,
  .downloads summary:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  .search-count {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .downloads {
    position: relative;
  }
  .downloads summary {
    cursor: pointer;
    color: var(--_accent);
    list-style: none;
    padding: 0.15rem 0.55rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
  }
  .downloads summary::-webkit-details-marker {
    display: none;
  }
  .downloads summary::after {
    content: ' ▾';
  }
  .downloads .menu {
    position: absolute;
    z-index: 2;
    top: calc(100% + 4px);
    inset-inline-start: 0;
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    padding: 0.4rem;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 6px;
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
  }
  .toolbar .map {
    width: 100%;
  }
  .back-to-now {
    position: absolute;
    inset-inline-end: 1rem;
    bottom: 0.75rem;
    z-index: 1;
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    padding: 0.35rem 0.8rem;
    font: inherit;
    font-size: 0.875em;
    color: var(--_bg);
    background: var(--_accent);
    border: 0;
    border-radius: 999px;
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.3);
    cursor: pointer;
  }
  .back-to-now.above {
    bottom: auto;
    top: 0.75rem;
  }
  .back-to-now:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  @container at-transcript (max-width: 30rem) {
    .toolbar {
      padding: 0.4rem 0.5rem;
    }
  }
`;
