/**
 * annotated-transcript: importing this module registers the elements (<annotated-transcript>,
 * <at-evidence-map>; <at-claim-marker> comes with the annotations) and exports the public
 * types, `setLocale`, `parseTranscript` and the data tools. The same as the one-file module
 * (`viewer.ts`), plus the tools.
 */
export { AnnotatedTranscript } from './components/annotated-transcript.js';
export { EvidenceMap } from './components/evidence-map.js';
export type { ClaimMarker } from './components/claim-marker.js';
export {
  TranscriptSeekEvent,
  TranscriptCueChangeEvent,
  AnnotationToggleEvent,
  ClaimActivateEvent,
  TranscriptErrorEvent,
  EvidenceSelectEvent,
} from './events.js';
export type {
  TranscriptSeekDetail,
  TranscriptCueChangeDetail,
  AnnotationToggleDetail,
  ClaimActivateDetail,
  TranscriptErrorDetail,
  EvidenceSelectDetail,
} from './events.js';
export type { Cue, Word, CueNode, Transcript, Problem, ProblemKind, ProblemCode, TranscriptFormat, ParseResult } from './model/types.js';
export type { ParseOptions } from './model/parse/index.js';
export type { Annotation, AnnotationSet, Claim, Relation, Source, TextQuote, AnnotationLinks, EvidenceMark } from './model/annotations/index.js';
export type { MediaLike } from './model/media.js';
export type { TrackInfo, TrackView } from './model/tracks.js';
export { setLocale, getLocale, supportedLocales } from './localization.js';
export { parseTranscript } from './viewer.js';
export { parseAnnotations, validateAnnotations, linkAnnotations, toWebAnnotations, fromWebAnnotations, toClaimReview, toPlainText, toWebVTT, toSRT } from './tools.js';
