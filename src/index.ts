/**
 * annotated-transcript: importing this module registers every element
 * (<annotated-transcript>, <at-evidence-map>, <at-claim-marker>).
 */
export { AnnotatedTranscript } from './components/annotated-transcript.js';
export { EvidenceMap } from './components/evidence-map.js';
export { ClaimMarker } from './components/claim-marker.js';
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
export type { Annotation, AnnotationSet, Claim, Relation, Source, TextQuote, AnnotationLinks, EvidenceMark } from './model/annotations/index.js';
export type { MediaLike } from './model/media.js';
export type { TrackInfo, TrackView } from './model/tracks.js';
export { setLocale, getLocale, supportedLocales } from './localization.js';
export { parseTranscript } from './model/parse/index.js';
export { parseAnnotations, validateAnnotations, linkAnnotations } from './model/annotations/index.js';
export { toWebAnnotations, fromWebAnnotations } from './model/web-annotation.js';
export { toClaimReview } from './model/claim-review.js';
export { toPlainText, toWebVTT, toSRT } from './model/export.js';
