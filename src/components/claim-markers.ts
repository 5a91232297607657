import type { ClaimMarkers } from '../controllers/article-anchors.js';
import './claim-marker.js';
import { ensureClaimHighlightStyles } from './claim-highlights.js';

/** What the article-anchors controller places in the article: `<at-claim-marker>` buttons and the highlight styles. */
export const claimMarkers: ClaimMarkers = {
  create(claimId, relation, activate) {
    const marker = document.createElement('at-claim-marker');
    marker.claim = claimId;
    marker.relation = relation;
    marker.addEventListener('click', activate);
    return marker;
  },
  style: ensureClaimHighlightStyles,
};
