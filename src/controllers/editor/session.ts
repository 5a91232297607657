/**
 * What the annotation editor edits: the annotation set, the annotation being edited, the undo
 * history of both, and the problems the viewer's own validator and linker find in the set.
 */
import { emptyAnnotationSet, linkAnnotations, readAnnotationInput, validateAnnotations, type AnnotationSet } from '../../model/annotations/index.js';
import { History } from '../../model/editor/history.js';
import type { Cue, Problem } from '../../model/types.js';

export interface EditorState {
  value: AnnotationSet;
  /** Id of the annotation being edited, or null. */
  selected: string | null;
}

export class EditorSession {
  private history = new History<EditorState>({ value: emptyAnnotationSet(), selected: null });
  /** Edits since the set was loaded or last downloaded. */
  dirty = false;

  /**
   * @param changed called after every change of the state: `edit` is true for the user's edits
   *   (undo and redo included), false when a set was loaded.
   */
  constructor(private readonly changed: (edit: boolean) => void) {}

  get state(): EditorState {
    return this.history.current;
  }

  get value(): AnnotationSet {
    return this.history.current.value;
  }

  get selected(): string | null {
    return this.history.current.selected;
  }

  get canUndo(): boolean {
    return this.history.canUndo;
  }

  get canRedo(): boolean {
    return this.history.canRedo;
  }

  /** Loads a set (format v1 or Web Annotation JSON-LD) through the validator; returns what it reported. */
  load(input: unknown, { edit = false } = {}): Problem[] {
    const { data, problems } = input == null ? { data: emptyAnnotationSet(), problems: [] } : readAnnotationInput(input);
    const state = { value: data, selected: data.annotations[0]?.id ?? null };
    if (edit) {
      this.history.record(state);
      this.dirty = true;
    } else {
      this.history.reset(state);
      this.dirty = false;
    }
    this.changed(edit);
    return problems;
  }

  /** One edit; edits with the same `key` in a row are one undo step (until `seal`). */
  edit(value: AnnotationSet, options: { key?: string; select?: string | null } = {}): void {
    const selected = options.select !== undefined ? options.select : this.selected;
    this.history.record({ value, selected: selected && value.annotations.some((a) => a.id === selected) ? selected : null }, options.key);
    this.dirty = true;
    this.changed(true);
  }

  select(id: string | null): void {
    if (id === this.selected) return;
    // Choosing another annotation is not an edit: no undo step of its own.
    this.history.replace({ value: this.value, selected: id });
    this.history.seal();
    this.changed(false);
  }

  seal(): void {
    this.history.seal();
  }

  undo(): boolean {
    if (!this.history.undo()) return false;
    this.dirty = true;
    this.changed(true);
    return true;
  }

  redo(): boolean {
    if (!this.history.redo()) return false;
    this.dirty = true;
    this.changed(true);
    return true;
  }

  /** The problems of the set, from the viewer's validator and linker (anchoring problems come from the viewer). */
  problems(cues: readonly Cue[]): Problem[] {
    const { data, problems } = validateAnnotations(this.value);
    return cues.length ? [...problems, ...linkAnnotations(data, cues).problems] : problems;
  }
}
