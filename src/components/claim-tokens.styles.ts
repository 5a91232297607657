import { css, unsafeCSS } from 'lit';
import type { Relation } from '../model/annotations/index.js';

/**
 * The default colour of each relation, for the light and the dark scheme: the only place these
 * numbers are written. Pages override them with `--at-claim-<relation>-color`.
 */
export const CLAIM_COLORS: Readonly<Record<Relation, { readonly light: string; readonly dark: string }>> = {
  supports: { light: '#137333', dark: '#81c995' },
  contradicts: { light: '#b3261e', dark: '#f28b82' },
  context: { light: '#8a5a00', dark: '#fdd663' },
  unsupported: { light: '#5f6368', dark: '#bdc1c6' },
};

/** The public property that overrides a relation's colour (documented with `@cssprop` on each element). */
export const claimColorProperty = (relation: Relation): string => `--at-claim-${relation}-color`;

const light = (relation: Relation) => unsafeCSS(CLAIM_COLORS[relation].light);
const dark = (relation: Relation) => unsafeCSS(CLAIM_COLORS[relation].dark);

/**
 * Private claim tokens on the host — `--_supports`, `--_contradicts`, `--_context`,
 * `--_unsupported` — from the public `--at-claim-*-color` properties, with light and dark
 * defaults. Put it first in an element's `static styles`.
 */
export const claimTokens = css`
  :host {
    --_supports: var(--at-claim-supports-color, ${light('supports')});
    --_contradicts: var(--at-claim-contradicts-color, ${light('contradicts')});
    --_context: var(--at-claim-context-color, ${light('context')});
    --_unsupported: var(--at-claim-unsupported-color, ${light('unsupported')});
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_supports: var(--at-claim-supports-color, ${dark('supports')});
      --_contradicts: var(--at-claim-contradicts-color, ${dark('contradicts')});
      --_context: var(--at-claim-context-color, ${dark('context')});
      --_unsupported: var(--at-claim-unsupported-color, ${dark('unsupported')});
    }
  }
`;
