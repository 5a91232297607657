/**
 * Annotation files (version 1): types, validation, linking to a transcript's cues, the
 * annotation body mini-format, and the queries the viewer asks. Pure; never throws: every
 * problem is returned as a value.
 *
 *   const { data, problems } = readAnnotationFile(text);        // or parseAnnotations / validateAnnotations
 *   const { links, problems: linkProblems } = linkAnnotations(data, transcript.cues);
 *   links.cuesOf.get('a1')           // ['12', '13']  (time order)
 *   links.annotationsOfCue.get('12') // ['a1']
 *   parseBody(annotation.body)       // [{type:'text', …}, {type:'link', text, href}]
 */
export {
  MAX_ID_LENGTH,
  MAX_ITEMS,
  RELATIONS,
  REQUIRED_FIELDS,
  emptyAnnotationSet,
  type Annotation,
  type AnnotationResult,
  type AnnotationSet,
  type Claim,
  type Relation,
  type Source,
  type TextQuote,
} from './types.js';
export { parseAnnotations, validateAnnotations } from './validate.js';
export { MAX_CUES_PER_ANNOTATION, MAX_LINKS, emptyLinks, linkAnnotations, type AnnotationLinks } from './link.js';
export { BODY_CACHE_CHARS, BODY_CACHE_ENTRIES, parseBody, type BodySegment } from './body.js';
export { MAX_ARRAY_DEPTH, isWebAnnotation, readAnnotationFile, readAnnotationInput } from './read.js';
export {
  annotationsCovering,
  annotationsStartingAt,
  claimRelation,
  evidenceMarks,
  linelessAnnotations,
  type AnnotationsById,
  type CuePositions,
  type EvidenceMark,
} from './queries.js';
export { PAGE_URL_SCHEMES, SOURCE_URL_SCHEMES, safeUrl } from '../safe-url.js';
export { MAX_JSON_DEPTH, MAX_PROBLEMS } from '../untrusted.js';
