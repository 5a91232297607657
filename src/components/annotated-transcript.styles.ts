import { css, type CSSResult } from 'lit';
import { chrome } from './transcript-chrome.styles.js';
import { lineList } from './line-list.styles.js';
import { themeTokens } from './theme-tokens.styles.js';

/** The host and its frame: the box, the scroller, and what every part shares (the tokens: theme-tokens.styles.ts). */
export const base = css`
  :host {
    /* The page may change the host's display and size: the .frame inside does the layout. */
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
    border-radius: var(--at-radius, 8px);
    color-scheme: light dark;
    contain: layout paint;
    container: at-transcript / inline-size;
  }
  :host([hidden]) {
    display: none;
  }
  /*
   * The column of problems, toolbar and scroller, exactly the host's size whatever display the
   * page gives the host: height: 100% follows a definite height (height, a flex or grid cell),
   * max-height: inherit follows the host's max-height (--at-max-height or the page's own). The
   * border is here, not on the host, so that nothing outside the frame eats into that size.
   */
  .frame {
    position: relative;
    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    width: 100%;
    height: 100%;
    max-height: inherit;
    min-height: inherit;
    border: 1px solid var(--_border);
    border-radius: inherit;
  }
  .scroller {
    flex: 1 1 auto;
    min-height: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    overflow-anchor: none;
    position: relative;
  }
  .status {
    padding: 0.75rem 1rem;
    color: var(--_muted);
  }
  /* Pill buttons, shared by the toolbar and the annotation panels. */
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
`;

/** Printing: the whole transcript, no controls. Last, so it wins over the parts' rules. */
export const print = css`
  @media print {
    :host {
      height: auto !important;
      max-height: none !important;
      contain: none;
    }
    .frame {
      border: 0;
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
`;

/**
 * What `<annotated-transcript>` adopts, in cascade order, with `extra` styles loaded later (the
 * annotation module's) before the print rules.
 */
export const stylesWith = (extra: readonly CSSResult[]): CSSResult[] => [themeTokens, base, chrome, lineList, ...extra, print];

export const styles = stylesWith([]);
