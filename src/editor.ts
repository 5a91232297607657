/**
 * `annotated-transcript/editor` (and `dist/annotation-editor.js` beside the one-file module):
 * importing this module registers `<at-annotation-editor>`, the annotation editor for an
 * `<annotated-transcript>` on the same page (load the viewer too). The editor is never part of
 * the reader's bundle: this entry imports nothing statically, only the editor itself with one
 * dynamic import, so the builds never count it among what the viewer loads up front, and the
 * modules it shares with the viewer's annotation part are chunks both load on demand. The import
 * is awaited here: once this module is evaluated, the element is defined.
 */
import type { AnnotationEditor as Editor } from './components/editor/annotation-editor.js';
import type { AnnotationsChangeEvent as ChangeEvent } from './controllers/editor/events.js';

const editor = await import('./components/editor/annotation-editor.js');

/** The `<at-annotation-editor>` element class (registered on import). */
export const AnnotationEditor: typeof Editor = editor.AnnotationEditor;
export type AnnotationEditor = Editor;
/** `annotations-change`, fired by the editor after every edit. */
export const AnnotationsChangeEvent: typeof ChangeEvent = editor.AnnotationsChangeEvent;
export type AnnotationsChangeEvent = ChangeEvent;
export type { AnnotationsChangeDetail } from './controllers/editor/events.js';
export type { AnnotationSet, Annotation, Claim, Relation, Source, TextQuote } from './model/annotations/index.js';
