/**
 * `annotated-transcript/claim-marker`: registers `<at-claim-marker>` alone (the viewer registers
 * it itself when it anchors claims; import this to style or test the marker on its own).
 */
export { ClaimMarker } from '../components/claim-marker.js';
export type { Relation } from '../model/annotations/index.js';
export { setLocale, getLocale, supportedLocales } from '../localization.js';
