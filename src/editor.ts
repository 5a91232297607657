/**
 * `annotated-transcript/editor`: importing this module registers `<at-annotation-editor>`, the
 * annotation editor for an `<annotated-transcript>` on the same page (load the viewer too, from
 * `annotated-transcript` or beside it). The reader's bundle never includes it.
 */
export { AnnotationEditor } from './components/editor/annotation-editor.js';
export { AnnotationsChangeEvent, type AnnotationsChangeDetail } from './controllers/editor/events.js';
export type { AnnotationSet, Annotation, Claim, Relation, Source, TextQuote } from './model/annotations/index.js';
