import { css } from 'lit';

export const styles = css`
  :host {
    /* Internal tokens: every themable value comes from an --at-* property with a default. */
    --_fg: var(--at-color, #1d1d1f);
    --_bg: var(--at-background, #ffffff);
    --_muted: var(--at-muted-color, #5f6368);
    --_accent: var(--at-accent-color, #0b57d0);
    --_active-bg: var(--at-active-background, #e8f0fe);
    --_active-fg: var(--at-active-color, #0b1f4b);
    --_word-fg: var(--at-active-word-color, #0b57d0);
    --_speaker: var(--at-speaker-color, #3c4043);
    --_error-fg: var(--at-error-color, #b3261e);
    --_error-bg: var(--at-error-background, #fce8e6);
    --_border: var(--at-border-color, #dadce0);
    --_focus: var(--at-focus-ring-color, #0b57d0);
    --_supports: var(--at-claim-supports-color, #137333);
    --_contradicts: var(--at-claim-contradicts-color, #b3261e);
    --_context: var(--at-claim-context-color, #8a5a00);
    --_unsupported: var(--at-claim-unsupported-color, #5f6368);
    display: flex;
    flex-direction: column;
    position: relative;
    box-sizing: border-box;
    max-height: var(--at-max-height, 60vh);
    min-height: 6rem;
    color: var(--_fg);
    background: var(--_bg);
    font-family: var(--at-font-family, inherit);
    font-size: var(--at-font-size, 1rem);
    line-height: var(--at-line-height, 1.55);
    border: 1px solid var(--_border);
    border-radius: var(--at-radius, 8px);
    color-scheme: light dark;
    contain: layout paint;
    container: at-transcript / inline-size;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_fg: var(--at-color, #e8eaed);
      --_bg: var(--at-background, #1f1f1f);
      --_muted: var(--at-muted-color, #a8abaf);
      --_accent: var(--at-accent-color, #8ab4f8);
      --_active-bg: var(--at-active-background, #263853);
      --_active-fg: var(--at-active-color, #ffffff);
      --_word-fg: var(--at-active-word-color, #aecbfa);
      --_speaker: var(--at-speaker-color, #d2d5d9);
      --_error-fg: var(--at-error-color, #f2b8b5);
      --_error-bg: var(--at-error-background, #3c1f1d);
      --_border: var(--at-border-color, #3c4043);
      --_focus: var(--at-focus-ring-color, #8ab4f8);
      --_supports: var(--at-claim-supports-color, #81c995);
      --_contradicts: var(--at-claim-contradicts-color, #f28b82);
      --_context: var(--at-claim-context-color, #fdd663);
      --_unsupported: var(--at-claim-unsupported-color, #bdc1c6);
    }
  }
  :host([hidden]) {
    display: none;
  }
  .scroller {
    flex: 1 1 auto;
    min-height: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    overflow-anchor: none;
    position: relative;
  }
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
  .marker {
    --_c: var(--_unsupported);
    color: var(--_c);
    background: color-mix(in srgb, var(--_c) 10%, var(--_bg));
    border: 1.5px solid var(--_c);
    font-weight: 600;
  }
  .marker[aria-expanded='true'] {
    color: var(--_bg);
    background: var(--_c);
  }
  .rel-supports {
    --_c: var(--_supports);
  }
  .rel-contradicts {
    --_c: var(--_contradicts);
  }
  .rel-context {
    --_c: var(--_context);
  }
  .rel-unsupported {
    --_c: var(--_unsupported);
  }
  /* Span bars in the margin: one per annotation covering the line, patterned by relation. */
  .gutter {
    position: absolute;
    inset-block: 0;
    inset-inline-start: 0;
    display: flex;
    gap: 2px;
  }
  .bar {
    width: 4px;
    background: var(--_c);
  }
  .bar.rel-contradicts {
    background: repeating-linear-gradient(180deg, var(--_c) 0 4px, transparent 4px 7px);
  }
  .bar.rel-context {
    background: radial-gradient(circle, var(--_c) 1.5px, transparent 2px) 0 0 / 4px 5px;
  }
  .annotation {
    grid-column: 1 / -1;
    margin: 0.25rem 0 0.5rem calc(var(--at-timestamp-width, 4.5em) + 1.25rem);
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_c);
    border-radius: 4px;
    background: color-mix(in srgb, var(--_c) 8%, var(--_bg));
    font-size: 0.925em;
  }
  .annotation:focus-visible,
  .toolbar button:focus-visible,
  .row-actions button:focus-visible,
  .annotation button:focus-visible,
  .annotation a:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .annotation .relation {
    margin: 0;
    font-weight: 700;
    color: var(--_c);
  }
  .annotation .span-time {
    margin-inline-start: 0.5rem;
    font-weight: 400;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .annotation .note {
    margin: 0.35rem 0;
    white-space: pre-line;
  }
  .annotation ul {
    margin: 0.25rem 0;
    padding-inline-start: 1.1rem;
  }
  .annotation li {
    margin: 0.2rem 0;
  }
  .annotation .summary {
    color: var(--_muted);
  }
  .annotation .actions {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin-inline-start: 0.25rem;
  }
  .annotation button,
  .toolbar button {
    font: inherit;
    font-size: 0.85em;
    padding: 0.15rem 0.55rem;
    color: var(--_accent);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 999px;
    cursor: pointer;
  }
  .annotation a {
    color: var(--_accent);
  }
  .sources-title {
    margin: 0.35rem 0 0;
    font-weight: 600;
  }
  .annotation .play {
    margin-top: 0.25rem;
  }
  .toolbar {
    display: flex;
    flex-direction: column;
    gap: 0.4rem;
    padding: 0.5rem 0.75rem;
    border-bottom: 1px solid var(--_border);
    font-size: 0.9em;
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
  .track select:focus-visible,
  .track input:focus-visible,
  .downloads summary:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  .search-count {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .toolbar button.icon {
    padding: 0.1rem 0.45rem;
  }
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
  /* Search matches: background plus an outline for the current one (not colour alone). */
  ::highlight(at-search) {
    background-color: rgb(255 214 0 / 0.45);
    color: inherit;
  }
  ::highlight(at-search-current) {
    background-color: rgb(255 140 0 / 0.7);
    text-decoration: underline 2px;
  }
  .lineless {
    margin: 0.5rem 0.5rem 1rem;
    padding-top: 0.5rem;
    border-top: 1px solid var(--_border);
  }
  .lineless-title {
    margin: 0 0 0.25rem;
    font-size: 1em;
  }
  .lineless .annotation {
    margin-inline-start: 0;
  }
  .status {
    padding: 0.75rem 1rem;
    color: var(--_muted);
  }
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
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
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
    .annotation {
      margin-inline-start: 0.5rem;
    }
    .body.both {
      grid-template-columns: minmax(0, 1fr);
    }
    .body.both .translation {
      border-inline-start: 0;
      padding-inline-start: 0;
      margin-top: 0.2rem;
    }
    .toolbar {
      padding: 0.4rem 0.5rem;
    }
  }
  @media print {
    :host {
      height: auto !important;
      max-height: none !important;
      border: 0;
      contain: none;
    }
    .scroller {
      overflow: visible;
    }
    .toolbar,
    .back-to-now,
    .copy-link,
    .row-actions,
    .annotation button,
    at-evidence-map {
      display: none !important;
    }
    .line {
      break-inside: avoid;
      box-shadow: none;
    }
    .line[aria-current='true'] {
      background: none;
      color: inherit;
    }
    .annotation {
      break-inside: avoid;
      background: none;
    }
    .annotation a::after {
      content: ' (' attr(href) ')';
      font-size: 0.85em;
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
