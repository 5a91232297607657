/**
 * `annotated-transcript/evidence-map`: registers `<at-evidence-map>` alone (no viewer, no
 * annotation subsystem until the map is given marks).
 */
export { EvidenceMap } from '../components/evidence-map.js';
export { EvidenceSelectEvent } from '../events.js';
export type { EvidenceSelectDetail } from '../events.js';
export type { EvidenceMark, Relation } from '../model/annotations/index.js';
export { setLocale, getLocale, supportedLocales } from '../localization.js';
