import { css } from 'lit';

/**
 * The theme's internal tokens (`--_fg`, `--_accent`, `--_error-fg`…), for the light and the dark
 * scheme: every themable value comes from a public `--at-*` property with a default. One table
 * for every element that wears the viewer's look (the viewer, the annotation editor).
 */
export const themeTokens = css`
  :host {
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
    }
  }
`;
