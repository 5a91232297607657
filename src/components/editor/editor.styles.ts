import { css } from 'lit';
import { themeTokens } from '../theme-tokens.styles.js';

export const editorStyles = [themeTokens, css`
  :host {
    display: block;
    font-family: var(--at-font-family, inherit);
    font-size: var(--at-font-size, 1rem);
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--at-radius, 8px);
    padding: 0.75rem;
    box-sizing: border-box;
    container-type: inline-size;
  }
  :host([hidden]) { display: none; }
  * { box-sizing: border-box; }
  h2, h3 { font-size: 1rem; margin: 0.75rem 0 0.35rem; }
  h2:first-child { margin-top: 0; }
  .bar { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
  button, .download, .open {
    font: inherit; font-size: 0.9rem; padding: 0.3rem 0.65rem; border-radius: 6px; cursor: pointer;
    border: 1px solid var(--_accent); background: transparent; color: var(--_accent);
    text-decoration: none; display: inline-block; line-height: 1.4;
  }
  button.primary { background: var(--_accent); color: var(--_bg); }
  button:disabled { opacity: 0.55; cursor: default; }
  button:focus-visible, a:focus-visible, input:focus-visible, textarea:focus-visible, .open:focus-within {
    outline: 3px solid var(--_focus); outline-offset: 2px;
  }
  .status { min-height: 1.4em; margin: 0.4rem 0; font-size: 0.9rem; }
  .status.warn { color: var(--_error-fg); font-weight: 600; }
  .columns { display: grid; grid-template-columns: minmax(12rem, 1fr) 2fr; gap: 0.9rem; }
  /* Stacked when the editor itself is narrow (a phone, or a side column). */
  @container (max-width: 36rem) { .columns { grid-template-columns: 1fr; } }
  ul { list-style: none; margin: 0; padding: 0; }
  .list li { margin: 0 0 0.3rem; }
  .list button { width: 100%; text-align: start; border-color: var(--_border); color: inherit; }
  .list button[aria-current='true'] { border: 2px solid var(--_accent); font-weight: 600; }
  .muted { color: var(--_muted); font-size: 0.88rem; }
  fieldset { border: 1px solid var(--_border); border-radius: 6px; margin: 0 0 0.7rem; padding: 0.5rem 0.7rem; min-width: 0; }
  legend { font-weight: 600; padding: 0 0.25rem; }
  .relations { display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; }
  label { display: inline-flex; gap: 0.35rem; align-items: baseline; }
  .field { display: flex; flex-direction: column; gap: 0.2rem; margin: 0 0 0.5rem; }
  .field > label { display: block; font-size: 0.9rem; }
  input[type='text'], input[type='url'], input[type='number'], textarea {
    font: inherit; font-size: 0.95rem; width: 100%; padding: 0.3rem 0.4rem; border-radius: 4px;
    border: 1px solid var(--_border); background: transparent; color: inherit;
  }
  input[type='number'] { width: 7rem; }
  textarea { min-height: 4.5rem; resize: vertical; }
  .preview { white-space: pre-line; border-inline-start: 3px solid var(--_border); padding: 0.2rem 0.6rem; margin: 0.3rem 0 0; }
  .preview a { color: var(--_accent); }
  .source { display: grid; grid-template-columns: 1fr 1fr auto; gap: 0.4rem; align-items: end; margin-bottom: 0.4rem; }
  @container (max-width: 28rem) { .source { grid-template-columns: 1fr; } }
  .quote { font-style: italic; margin: 0.2rem 0; }
  .problems button { border-color: var(--_error-fg); color: var(--_error-fg); text-align: start; width: 100%; }
  .problems li { margin-bottom: 0.3rem; }
  .open input { position: absolute; width: 1px; height: 1px; opacity: 0; }
  .drop { border: 2px dashed var(--_accent); }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`];
