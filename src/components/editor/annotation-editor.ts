import { LitElement, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { AnnotationSet } from '../../model/annotations/index.js';
import { draftKey, type Draft } from '../../model/editor/draft.js';
import { EditorCommands, linesChosen } from '../../controllers/editor/commands.js';
import { DraftKeeper } from '../../controllers/editor/drafts.js';
import { LinePicker } from '../../controllers/editor/line-picker.js';
import { EditorSession } from '../../controllers/editor/session.js';
import { ViewerBinding, type ViewerLike } from '../../controllers/editor/viewer-binding.js';
import type { AnnotatedTranscript } from '../annotated-transcript.js';
import { AnnotationsChangeEvent } from '../../controllers/editor/events.js';

export { AnnotationsChangeEvent };
import { initLocaleFromDocument } from '../../localization.js';
import { renderDetail } from './editor-detail.js';
import { renderFiles, renderList, renderProblems, renderToolbar } from './editor-panels.js';
import type { EditorView } from './editor-view.js';
import { editorStyles } from './editor.styles.js';

/**
 * Edits the annotations of an `<annotated-transcript>`: turns a selection in its article into a
 * claim, links lines or a time range of its transcript as evidence, sets relation, note and
 * sources, and downloads the result; the viewer shows every edit at once.
 *
 * @summary Annotation editor: link an article's claims to the lines of a recording, without writing JSON.
 *
 * @fires annotations-change - After every edit (undo and redo included). Detail: `{value}`, the annotation set (format v1).
 *
 * @csspart toolbar - The bar with "New claim from selection", Undo and Redo.
 * @csspart new-claim - The "New claim from selection" button.
 * @csspart download - Each download link.
 *
 * @cssprop [--at-accent-color=#0b57d0] - Buttons and the outline of chosen lines.
 * @cssprop [--at-border-color=#dadce0] - Borders of the editor and its fields.
 * @cssprop [--at-error-color=#b3261e] - Problems and refused actions.
 */
@localized()
export class AnnotationEditor extends LitElement {
  static override styles = editorStyles;

  /** Id of the `<annotated-transcript>` to edit, resolved in this element's root first, then the document. */
  @property({ attribute: 'for', reflect: true }) htmlFor: string | null = null;

  /** The viewer to edit; when set, it wins over `for`. */
  @property({ attribute: false }) viewer: AnnotatedTranscript | null = null;

  /** The annotation set being edited (format v1). Setting it loads a set (Web Annotation JSON-LD too); reading it gives the current one. */
  @property({ attribute: false })
  get value(): AnnotationSet {
    return this.session.value;
  }
  set value(input: AnnotationSet | object | null) {
    this.given = true;
    this.session.load(input);
  }

  @state() private message: { text: string; warn: boolean } | null = null;
  @state() private draft: Draft | null = null;
  @state() private dropping = false;
  /** Set once a set is being edited (`.value` given, or the viewer's own loaded), so that the viewer's annotations do not replace it. */
  private given = false;

  private readonly session: EditorSession = new EditorSession((edit) => this.changed(edit));
  private readonly binding: ViewerBinding = new ViewerBinding(this, {
    id: () => this.htmlFor,
    given: () => this.viewer as ViewerLike | null,
    changed: (viewer) => this.bound(viewer),
  });
  private readonly picker = new LinePicker((indices) => {
    this.requestUpdate();
    this.message = { text: linesChosen(indices.length), warn: false };
  });
  private readonly drafts = new DraftKeeper(this, { key: () => this.draftKey(), dirty: () => this.session.dirty });
  private readonly actions = new EditorCommands({
    session: this.session, binding: this.binding, picker: this.picker, drafts: this.drafts,
    say: (text, warn = false) => (this.message = { text, warn }),
    draft: { get: () => this.draft, set: (draft) => (this.draft = draft) },
    focusField: async (field) => {
      await this.updateComplete;
      const target = this.shadowRoot?.querySelector<HTMLElement>(field ? `[data-field="${CSS.escape(field)}"]` : '.detail h3');
      target?.scrollIntoView({ block: 'nearest' });
      target?.focus();
    },
  });

  constructor() {
    super();
    // On the element itself, for its whole life: undo/redo wherever focus is inside, and file drops.
    this.addEventListener('keydown', this.onKeyDown);
    this.addEventListener('dragover', this.onDragOver);
    this.addEventListener('dragleave', this.onDragLeave);
    this.addEventListener('drop', this.onDrop);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    initLocaleFromDocument();
    this.binding.resolve();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.picker.detach();
    this.actions.downloads.dispose();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('htmlFor') || changed.has('viewer')) this.binding.resolve();
    // The viewer's transcript arrived (or changed): the chosen lines follow the annotation's cues again.
    if (this.binding.cues !== this.cuesSeen) {
      this.cuesSeen = this.binding.cues;
      this.followSelected(true);
    }
  }
  private cuesSeen: readonly unknown[] = [];

  protected override render() {
    const v = this.view();
    const a = this.actions;
    return html`<div class=${this.dropping ? 'drop' : ''}>
      <h2>${msg('Annotation editor', { id: 'editor.title' })}</h2>
      ${renderToolbar(v, a)}
      <div class="columns">${renderList(v, a)} ${renderDetail(v, a)}</div>
      ${renderProblems(v, a)} ${renderFiles(v, a)}
    </div>`;
  }

  private view(): EditorView {
    const value = this.session.value;
    const cues = this.binding.cues;
    return {
      value, cues,
      annotation: value.annotations.find((an) => an.id === this.session.selected) ?? null,
      picked: this.picker.indices,
      problems: [...this.session.problems(cues), ...this.binding.anchorProblems()],
      canUndo: this.session.canUndo, canRedo: this.session.canRedo,
      message: this.message, draft: this.draft, hasMedia: this.binding.media() !== null, dropping: this.dropping,
    };
  }

  /** After every change of the session: render, preview in the viewer, follow the annotation being edited, report edits. */
  private changed(edit: boolean): void {
    this.requestUpdate();
    this.binding.preview(this.session.value);
    this.followSelected(false);
    if (!edit) return;
    this.drafts.save(this.session.value);
    this.dispatchEvent(new AnnotationsChangeEvent({ value: this.session.value }));
  }
  private pickedFor: string | undefined;

  /** Line picking is on while an annotation is edited; choosing another one (or `force`) chooses its linked lines. */
  private followSelected(force: boolean): void {
    const selected = this.session.value.annotations.find((an) => an.id === this.session.selected);
    this.picker.setEnabled(!!selected);
    if (force || selected?.id !== this.pickedFor) {
      this.pickedFor = selected?.id;
      this.picker.set(this.lineIndices(selected?.cues ?? []));
    }
  }

  private lineIndices(cueIds: readonly string[]): number[] {
    const index = new Map(this.binding.cues.map((c, i) => [c.id, i]));
    return cueIds.map((id) => index.get(id)).filter((i): i is number => i !== undefined);
  }

  private bound(viewer: ViewerLike | null): void {
    this.picker.attach(viewer);
    if (!viewer || this.given) return this.offerDraft();
    void this.binding.initial().then((data) => {
      if (this.given || viewer !== this.binding.viewer) return;
      // Once: a move of the editor (or of the viewer) keeps what is being edited.
      this.given = true;
      this.session.load(data);
      this.offerDraft();
    });
  }

  private offerDraft(): void {
    this.draft = this.drafts.pending(this.session.value);
  }

  private draftKey(): string | null {
    const media = this.binding.media();
    const article = this.binding.article();
    if (!media && !article) return null;
    const src = media?.getAttribute('src') ?? media?.querySelector('source')?.getAttribute('src') ?? media?.id ?? '';
    return draftKey(src ? new URL(src, document.baseURI).href : '', `${location.origin}${location.pathname}#${article?.id ?? ''}`);
  }

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const key = e.key.toLowerCase();
    if (key === 'z' || key === 'y') {
      e.preventDefault();
      if (key === 'y' || e.shiftKey) this.actions.redo();
      else this.actions.undo();
    }
  };

  private readonly onDragOver = (e: DragEvent): void => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    this.dropping = true;
  };

  private readonly onDragLeave = (): void => {
    this.dropping = false;
  };

  private readonly onDrop = (e: DragEvent): void => {
    const file = e.dataTransfer?.files[0];
    this.dropping = false;
    if (!file) return;
    e.preventDefault();
    void this.actions.open(file);
  };
}

if (!customElements.get('at-annotation-editor')) customElements.define('at-annotation-editor', AnnotationEditor);

declare global {
  interface HTMLElementTagNameMap {
    'at-annotation-editor': AnnotationEditor;
  }
}
