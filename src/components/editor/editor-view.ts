/**
 * What the annotation editor shows and what its controls do: the interface between the element
 * (which wires) and its render functions (editor-panels.ts, editor-detail.ts).
 */
import type { Annotation, AnnotationSet } from '../../model/annotations/index.js';
import type { Draft } from '../../model/editor/draft.js';
import type { Cue, Problem } from '../../model/types.js';

export interface EditorView {
  value: AnnotationSet;
  /** The annotation being edited. */
  annotation: Annotation | null;
  cues: readonly Cue[];
  /** Lines chosen in the viewer (display indices). */
  picked: readonly number[];
  problems: readonly Problem[];
  canUndo: boolean;
  canRedo: boolean;
  /** The last message (a refused selection, an undo hint…); `warn` when something was refused. */
  message: { text: string; warn: boolean } | null;
  draft: Draft | null;
  hasMedia: boolean;
  dropping: boolean;
}

export type { EditorActions } from '../../controllers/editor/commands.js';
