/**
 * The viewer: importing this module registers `<annotated-transcript>` and `<at-evidence-map>`
 * (`<at-claim-marker>` is registered with the annotation module, when a viewer anchors claims).
 * It is the entry of the one-file module `dist/annotated-transcript.js`, and what the npm entry
 * re-exports. Everything a page may not need loads on demand, from the same folder: see
 * README.md, "Design".
 */
import type { ParseResult } from './model/types.js';
import type { ParseOptions } from './model/parse/index.js';

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

/**
 * Parses a transcript file of any supported format (WebVTT, SRT, Podcasting 2.0 JSON, Hyperaudio
 * HTML, transcript JSON). Returns the cues that parsed and every problem found; never throws.
 * The readers load on first use.
 */
export async function parseTranscript(text: string, options?: ParseOptions): Promise<ParseResult> {
  return (await import('./model/parse/index.js')).parseTranscript(text, options);
}
