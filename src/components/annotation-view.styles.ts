import { css } from 'lit';

/** Annotations: markers, span bars in the margin, open panels and the list of lineless ones. */
export const annotationView = css`
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
  /* --_c is the relation's colour (after .marker, which it overrides); the claim tokens are on the host. */
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
  @container at-transcript (max-width: 30rem) {
    .annotation {
      margin-inline-start: 0.5rem;
    }
  }
`;
