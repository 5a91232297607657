/**
 * What the annotation editor's controls do: each command reads the session, makes one edit with
 * the model's pure functions (model/editor/edits.ts) and says what happened in the status line.
 */
import { msg, str } from '@lit/localize';
import type { Relation, Source } from '../../model/annotations/index.js';
import { addClaim, editSources, removeAnnotation, updateAnnotation, updateClaim, type AnnotationPatch } from '../../model/editor/edits.js';
import type { Draft } from '../../model/editor/draft.js';
import { problemField } from '../../model/editor/problem-field.js';
import type { Problem } from '../../model/types.js';
import { quoteFromSelection, selectionFor, type SelectionFailure } from './article-selection.js';
import type { DraftKeeper } from './drafts.js';
import { DownloadUrls, downloadText, readJsonFile, type DownloadKind } from './files.js';
import type { LinePicker } from './line-picker.js';
import type { EditorSession } from './session.js';
import type { ViewerBinding } from './viewer-binding.js';

export interface EditorActions {
  newClaim(): Promise<void>;
  select(id: string): void;
  undo(): void;
  redo(): void;
  relation(relation: Relation): void;
  body(text: string): void;
  /** A text field was left: the next edit is an undo step of its own. */
  seal(): void;
  linkLines(): void;
  unlinkLines(): void;
  markStart(): void;
  markEnd(): void;
  time(start: number, end: number): void;
  removeTime(): void;
  source(index: number, source: Source | null): void;
  summary(claimId: string, text: string): void;
  concerns(claimId: string, on: boolean): void;
  remove(): void;
  goTo(problem: Problem): Promise<void>;
  /** Points a download link at the current set; `activated` when the link is followed (the changes then count as saved). */
  download(kind: DownloadKind, link: HTMLAnchorElement, activated: boolean): void;
  open(file: File): Promise<void>;
  restoreDraft(): void;
  discardDraft(): void;
}

export interface CommandDeps {
  session: EditorSession;
  binding: ViewerBinding;
  picker: LinePicker;
  drafts: DraftKeeper;
  /** The status line. */
  say(text: string, warn?: boolean): void;
  draft: { get(): Draft | null; set(draft: Draft | null): void };
  /** Focuses a field of the form (`data-field`), once rendered. */
  focusField(field: string | null): Promise<void>;
}

/** "One line chosen." / "3 lines chosen." */
export const linesChosen = (n: number): string =>
  n === 1 ? msg('One line chosen.', { id: 'editor.one-line-chosen' }) : msg(str`${n} lines chosen.`, { id: 'editor.picked-count' });

const refusal = (reason: SelectionFailure): string => {
  switch (reason) {
    case 'no-article':
      return msg('The viewer has no article to quote from (its article attribute).', { id: 'editor.no-article' });
    case 'outside':
      return msg('Select the words of the claim inside the article, then try again.', { id: 'editor.outside' });
    case 'empty':
      return msg('Nothing is selected: select the words of the claim in the article first.', { id: 'editor.empty' });
    case 'not-unique':
      return msg('These words occur more than once in the article with the same text around them: select a longer passage.', { id: 'editor.not-unique' });
    case 'not-anchored':
      return msg('This selection could not be found again in the article: select a longer passage.', { id: 'editor.not-anchored' });
  }
};

export class EditorCommands implements EditorActions {
  readonly downloads = new DownloadUrls();

  constructor(private readonly d: CommandDeps) {}

  private get annotation() {
    const { value, selected } = this.d.session;
    return value.annotations.find((a) => a.id === selected) ?? null;
  }

  private patch(patch: AnnotationPatch, key?: string): void {
    const id = this.d.session.selected;
    if (id) this.d.session.edit(updateAnnotation(this.d.session.value, id, patch), { key: key && `${key}:${id}` });
  }

  private playhead(): number | null {
    const t = this.d.binding.media()?.currentTime;
    return typeof t === 'number' && Number.isFinite(t) ? Math.round(t * 1000) / 1000 : null;
  }

  newClaim = async (): Promise<void> => {
    const article = this.d.binding.article();
    const result = await quoteFromSelection(article, article ? selectionFor(article) : null);
    if (!result.ok) return this.d.say(refusal(result.reason), true);
    const { set, claimId, annotationId } = addClaim(this.d.session.value, result.quote);
    this.d.session.edit(set, { select: annotationId });
    this.d.say(msg(str`Claim ${claimId} added, with annotation ${annotationId}: choose its lines in the transcript.`, { id: 'editor.claim-added' }));
  };

  select = (id: string): void => this.d.session.select(id);

  undo = (): void => this.d.say(this.d.session.undo() ? msg('Undone.', { id: 'editor.undone' }) : msg('Nothing to undo.', { id: 'editor.nothing-to-undo' }));

  redo = (): void => this.d.say(this.d.session.redo() ? msg('Redone.', { id: 'editor.redone' }) : msg('Nothing to redo.', { id: 'editor.nothing-to-redo' }));

  relation = (relation: Relation): void => this.patch({ relation });

  body = (body: string): void => this.patch({ body }, 'body');

  seal = (): void => this.d.session.seal();

  linkLines = (): void => {
    const cues = this.d.binding.cues;
    const ids = this.d.picker.indices.map((i) => cues[i]?.id).filter((id): id is string => id !== undefined);
    this.patch({ cues: ids });
    this.d.say(ids.length === 1 ? msg('One line linked.', { id: 'editor.one-line-linked' }) : msg(str`${ids.length} lines linked.`, { id: 'editor.lines-linked' }));
  };

  unlinkLines = (): void => this.patch({ cues: [] });

  markStart = (): void => {
    const t = this.playhead();
    if (t !== null) this.patch({ time: { start: t, end: Math.max(t, this.annotation?.time?.end ?? t) } });
  };

  markEnd = (): void => {
    const t = this.playhead();
    if (t !== null) this.patch({ time: { start: Math.min(t, this.annotation?.time?.start ?? t), end: t } });
  };

  time = (start: number, end: number): void => {
    if (Number.isFinite(start) && Number.isFinite(end) && start >= 0 && end >= 0) this.patch({ time: { start, end } });
  };

  removeTime = (): void => this.patch({ time: null });

  source = (index: number, source: Source | null): void => {
    const an = this.annotation;
    if (an) this.patch({ sources: editSources(an.sources, index, source) }, source ? `source.${index}` : undefined);
  };

  summary = (claimId: string, summary: string): void =>
    this.d.session.edit(updateClaim(this.d.session.value, claimId, { summary }), { key: `summary:${claimId}` });

  concerns = (claimId: string, on: boolean): void => {
    const an = this.annotation;
    if (an) this.patch({ claims: on ? [...an.claims, claimId] : an.claims.filter((c) => c !== claimId) });
  };

  remove = (): void => {
    const id = this.d.session.selected;
    if (!id) return;
    this.d.session.edit(removeAnnotation(this.d.session.value, id), { select: null });
    this.d.say(msg(str`Annotation ${id} deleted. Undo brings it back (Ctrl+Z).`, { id: 'editor.deleted' }));
  };

  goTo = async (p: Problem): Promise<void> => {
    const { annotation, field } = problemField(p, this.d.session.value);
    if (annotation) this.d.session.select(annotation);
    await this.d.focusField(field);
  };

  download = (kind: DownloadKind, link: HTMLAnchorElement, activated: boolean): void => {
    const media = this.d.binding.media();
    const text = downloadText(kind, this.d.session.value, {
      cues: this.d.binding.cues,
      base: document.baseURI,
      mediaUrl: media?.getAttribute('src') || (media as HTMLMediaElement | null)?.currentSrc || '',
      articleUrl: location.href.split('#')[0] ?? '',
    });
    link.href = this.downloads.make(kind, text);
    if (activated) this.d.session.dirty = false;
  };

  open = async (file: File): Promise<void> => {
    const read = await readJsonFile(file);
    if (!read.ok) return this.d.say(msg(str`The file could not be opened: ${read.message}`, { id: 'editor.open-failed' }), true);
    const problems = this.d.session.load(read.value, { edit: true });
    const count = this.d.session.value.annotations.length;
    this.d.say(msg(str`Opened ${file.name}: ${count} annotations, ${problems.length} problems.`, { id: 'editor.opened' }), problems.length > 0);
  };

  restoreDraft = (): void => {
    const draft = this.d.draft.get();
    if (!draft) return;
    const problems = this.d.session.load(draft.value, { edit: true });
    this.d.draft.set(null);
    this.d.say(
      problems.length
        ? msg(str`Draft restored; ${problems.length} problems were found in it.`, { id: 'editor.restored-problems' })
        : msg('Draft restored.', { id: 'editor.restored' }),
    );
  };

  discardDraft = (): void => {
    this.d.drafts.discard();
    this.d.draft.set(null);
  };
}
