/**
 * annotated-transcript: importing this module registers every element.
 */
export { AnnotatedTranscript } from './components/annotated-transcript.js';
export {
  TranscriptSeekEvent,
  TranscriptCueChangeEvent,
  AnnotationToggleEvent,
  ClaimActivateEvent,
  TranscriptErrorEvent,
} from './events.js';
export type {
  TranscriptSeekDetail,
  TranscriptCueChangeDetail,
  AnnotationToggleDetail,
  ClaimActivateDetail,
  TranscriptErrorDetail,
} from './events.js';
export type { Cue, Word, CueNode, Transcript, Problem, ProblemKind, ProblemCode, TranscriptFormat, ParseResult } from './model/types.js';
export type { MediaLike } from './controllers/media-link.js';
export { setLocale, getLocale, supportedLocales } from './localization.js';
export { parseTranscript } from './model/parse/index.js';
