import { msg } from '@lit/localize';
import type { Relation } from '../model/annotations.js';

/** Icons shown beside every relation's text, so colour is never the only signal. */
export const RELATION_ICON: Readonly<Record<Relation, string>> = {
  supports: '✓',
  contradicts: '✗',
  context: 'ⓘ',
  unsupported: '?',
};

/** The relation as a short label ("Supports"). */
export function relationLabel(relation: Relation): string {
  switch (relation) {
    case 'supports':
      return msg('Supports', { id: 'relation.supports' });
    case 'contradicts':
      return msg('Contradicts', { id: 'relation.contradicts' });
    case 'context':
      return msg('Context', { id: 'relation.context' });
    case 'unsupported':
      return msg('Not supported by the recording', { id: 'relation.unsupported' });
  }
}

/** What the recording does to a claim, as said at the claim in the article. */
export function claimVerdictLabel(relation: Relation): string {
  switch (relation) {
    case 'supports':
      return msg('Claim supported by the recording', { id: 'claim.supports' });
    case 'contradicts':
      return msg('Claim contradicted by the recording', { id: 'claim.contradicts' });
    case 'context':
      return msg('Claim that needs context from the recording', { id: 'claim.context' });
    case 'unsupported':
      return msg('Claim that nothing in the recording supports', { id: 'claim.unsupported' });
  }
}

/** A language's name in the interface language ("English", "англійська"), from Intl; the code when unknown. */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
