import { msg } from '@lit/localize';
import type { Relation } from '../model/annotations/index.js';

/** Icons shown beside every relation's text, so colour is never the only signal. */
export const RELATION_ICON: Readonly<Record<Relation, string>> = {
  supports: '✓',
  contradicts: '✗',
  context: 'ⓘ',
  unsupported: '?',
};

/** Per relation: its short label ("Supports"), and what the recording does to a claim, as said at the claim. */
const LABELS: Readonly<Record<Relation, readonly [label: () => string, verdict: () => string]>> = {
  supports: [() => msg('Supports', { id: 'relation.supports' }), () => msg('Claim supported by the recording', { id: 'claim.supports' })],
  contradicts: [() => msg('Contradicts', { id: 'relation.contradicts' }), () => msg('Claim contradicted by the recording', { id: 'claim.contradicts' })],
  context: [() => msg('Context', { id: 'relation.context' }), () => msg('Claim that needs context from the recording', { id: 'claim.context' })],
  unsupported: [
    () => msg('Not supported by the recording', { id: 'relation.unsupported' }),
    () => msg('Claim that nothing in the recording supports', { id: 'claim.unsupported' }),
  ],
};

/** The relation as a short label ("Supports"). */
export const relationLabel = (relation: Relation): string => LABELS[relation][0]();

/** What the recording does to a claim, as said at the claim in the article. */
export const claimVerdictLabel = (relation: Relation): string => LABELS[relation][1]();
