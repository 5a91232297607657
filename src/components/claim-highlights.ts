import type { Relation } from '../model/annotations/index.js';
import { CLAIM_COLORS, claimColorProperty } from './claim-tokens.styles.js';

/** Claims found in the article are registered in `CSS.highlights` as this prefix + relation. */
export const CLAIM_HIGHLIGHT_PREFIX = 'at-claim-';

/** A shape per relation (underline style and thickness), so colour is never the only signal. */
const UNDERLINE: Readonly<Record<Relation, string>> = {
  supports: 'solid',
  contradicts: 'wavy',
  context: 'dotted',
  unsupported: 'dashed',
};
const THICKNESS: Readonly<Record<Relation, string>> = {
  supports: '2px',
  contradicts: '1.5px',
  context: '2px',
  unsupported: '1.5px',
};

function sheetText(): string {
  const relations = Object.keys(CLAIM_COLORS) as Relation[];
  const color = (r: Relation, scheme: 'light' | 'dark') => `var(${claimColorProperty(r)}, ${CLAIM_COLORS[r][scheme]})`;
  const tint = (r: Relation, scheme: 'light' | 'dark', percent: number) => `color-mix(in srgb, ${color(r, scheme)} ${percent}%, transparent)`;
  const lightRules = relations.map(
    (r) => `::highlight(${CLAIM_HIGHLIGHT_PREFIX}${r}) { background-color: ${tint(r, 'light', 14)}; text-decoration: underline ${UNDERLINE[r]} ${color(r, 'light')} ${THICKNESS[r]}; }`,
  );
  const darkRules = relations.map(
    (r) => `::highlight(${CLAIM_HIGHLIGHT_PREFIX}${r}) { background-color: ${tint(r, 'dark', 20)}; text-decoration-color: ${color(r, 'dark')}; }`,
  );
  return `${lightRules.join('\n')}\n@media (prefers-color-scheme: dark) {\n${darkRules.join('\n')}\n}`;
}

const styled = new WeakSet<Document | ShadowRoot>();

/**
 * Adopts the `::highlight(at-claim-*)` rules into the root that holds the article (once per
 * root): a light tint and an underline shaped by relation, in the claim colours. The colours
 * come from `--at-claim-<relation>-color` as seen from the article's text (set them on the
 * article or an ancestor), with the same defaults as the elements' claim tokens.
 */
export function ensureClaimHighlightStyles(root: Document | ShadowRoot): void {
  if (styled.has(root) || !('adoptedStyleSheets' in root) || typeof CSSStyleSheet !== 'function') return;
  styled.add(root);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(sheetText());
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
