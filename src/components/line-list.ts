import { render, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Cue } from '../model/types.js';
import { Emitter } from '../controllers/emitter.js';
import { LazyModule, track } from '../controllers/lazy.js';
import type { LineElements } from '../controllers/line-elements.js';
import { panelId, renderRow, shownTexts, type RowOptions } from './line-row.js';
import type { LineWindow, WindowedList } from './line-window.js';

/** The windowing of long lists, loaded with the first one. */
const windowing = new LazyModule(() => import('./line-window.js'));

/** What the list shows: the cues, and what else a row depends on. */
export interface LineListInput extends RowOptions {
  cues: readonly Cue[];
  /** Changes whenever a row's extras change (annotations, their open state, the interface language). */
  rowsKey: unknown;
  /** Lines that must be built in full whatever is in view (those showing an open annotation). */
  pinned: readonly number[];
}

/** Up to this many lines, every row is built in full; past it, only the rows near the viewport are. */
export const FULL_ROWS_MAX = 500;

/**
 * The one seam through which the line list renders, and its windowing. Every line has a row
 * (`<li>`), so the list keeps its semantics, the page's find-in-page finds every word, and
 * print prints every line; but a row far from the viewport is a "light" row: one element and
 * one text node (its timestamp drawn by CSS), laid out cheaply (`content-visibility: auto`).
 * Rows near the viewport — and any row a controller asks for (the active line, the tab stop,
 * a search match, a deep link) — are built in full with their word spans and buttons, each row
 * its own Lit render root, so no update ever diffs the whole list.
 *
 * Controllers reach rows only through the `LineElements` interface: asking for a line's
 * element builds it in full. The windowing (`LineWindow`) loads with the first long list;
 * its rows are built once it is there (the host's `updateComplete` waits for it).
 */
export class LineList implements LineElements, ReactiveController, WindowedList {
  /** Changes whenever the shown text changed (another transcript, view or translation). */
  version = 0;
  /** A row was built in full (its index). */
  readonly rowRendered = new Emitter<number>();
  /** @internal (for the window) */
  list: HTMLOListElement = null!;
  /** @internal */
  input: LineListInput = null!;
  /** @internal */
  readonly full = new Set<number>();
  /**
   * @internal The rows made so far, by index (the list's children in order). Read from here, not
   * `list.children[i]`: a live collection walks from its last position, which is O(n) for a jump.
   */
  readonly rows: HTMLElement[] = [];
  /** @internal */
  hours = false;
  private shown: { cues: readonly Cue[]; view: unknown; translations: unknown; rowsKey: unknown } | null = null;
  /** The window of a long list, else null. */
  private window: LineWindow | null = null;
  /** A long list waits for the windowing to load. */
  private waiting = false;

  /** `root` is the shadow root the list is rendered in; `read` gives what to show, read after each host render. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly root: () => ShadowRoot | null,
    private readonly read: () => LineListInput,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const list = this.root()?.querySelector<HTMLOListElement>('ol.lines') ?? null;
    const input = this.read();
    const s = this.shown;
    const rebuild = this.waiting || list !== this.list || !s || s.cues !== input.cues || s.view !== input.view || s.translations !== input.translations;
    this.list = list!;
    this.input = input;
    if (rebuild) this.rebuild(input);
    else if (s.rowsKey !== input.rowsKey) for (const i of this.full) this.renderFull(i);
    this.window?.bind(this.scroller());
    for (const i of input.pinned) this.ensureFull(i);
    this.shown = { cues: input.cues, view: input.view, translations: input.translations, rowsKey: input.rowsKey };
  }

  hostDisconnected(): void {
    this.window?.unbind();
  }

  /** The styles of light rows, when the list is windowed. */
  get windowStyles() {
    return this.window ? windowing.module?.windowStyles : undefined;
  }

  get length(): number {
    return this.input?.cues.length ?? 0;
  }

  lineElement(index: number): HTMLElement | null {
    if (!this.ensureFull(index)) return null;
    return (this.rows[index]!.firstElementChild as HTMLElement | null) ?? null;
  }

  wordElement(index: number, word: number): HTMLElement | null {
    return this.lineElement(index)?.querySelector<HTMLElement>(`[data-w="${word}"]`) ?? null;
  }

  renderedLine(index: number): HTMLElement | null {
    return this.full.has(index) ? this.lineElement(index) : null;
  }

  rowOf(target: EventTarget | null): number {
    const el = target as Element | null;
    if (!el?.closest || el.closest('.annotation')) return -1;
    return this.indexAttr(el.closest('.row'));
  }

  lineOf(target: EventTarget | null): number {
    const el = target as Element | null;
    // A light row is all line: clicking its text activates it.
    return this.indexAttr(el?.closest?.('.line') ?? el?.closest?.('.row.light'));
  }

  wordOf(target: EventTarget | null): number {
    const word = (target as Element | null)?.closest?.('[data-w]');
    return word ? Number(word.getAttribute('data-w')) : -1;
  }

  shownTexts(index: number): string[] {
    const cue = this.input?.cues[index];
    return cue ? shownTexts(cue, index, this.input!) : [];
  }

  textElements(index: number): HTMLElement[] {
    if (!this.full.has(index)) return [];
    return [...(this.lineElement(index)?.querySelectorAll<HTMLElement>('.shown') ?? [])];
  }

  rowControls(index: number): HTMLElement[] {
    if (!this.ensureFull(index)) return [];
    return [...this.rows[index]!.querySelectorAll<HTMLElement>('.line, .row-actions button')];
  }

  panel(annotationId: string): HTMLElement | null {
    return this.root()?.querySelector<HTMLElement>(`[id="${CSS.escape(panelId(annotationId))}"]`) ?? null;
  }

  scroller(): HTMLElement | null {
    return this.root()?.querySelector<HTMLElement>('.scroller') ?? null;
  }

  hasFocus(): boolean {
    return !!this.root()?.activeElement?.closest('ol.lines');
  }

  /** @internal */
  activeElement(): Element | null {
    return this.root()?.activeElement ?? null;
  }

  private indexAttr(row: Element | null | undefined): number {
    const i = Number(row?.getAttribute('data-i'));
    return row && Number.isInteger(i) ? i : -1;
  }

  /** A new transcript, view or translation: every row is built in full; in a long list, the visible ones (the rest light). */
  private rebuild(input: LineListInput): void {
    this.version++;
    this.full.clear();
    this.waiting = false;
    const { cues } = input;
    this.hours = cues.length > 0 && cues[cues.length - 1]!.start >= 3600;
    if (!this.list) return;
    // (Without the windowing, when it could not be loaded: every row in full.)
    if (cues.length <= FULL_ROWS_MAX || windowing.failed) {
      this.window?.unbind();
      this.window = null;
      this.rows.length = 0;
      const fragment = document.createDocumentFragment();
      for (let i = 0; i < cues.length; i++) fragment.append((this.rows[i] = this.emptyRow(i)));
      this.list.replaceChildren(fragment);
      for (let i = 0; i < cues.length; i++) this.fill(i);
      return;
    }
    const module = windowing.module;
    if (!module) {
      this.rows.length = 0;
      this.list.replaceChildren();
      this.waiting = true;
      void track(this.host, windowing.load());
      return;
    }
    this.window ??= new module.LineWindow(this);
    this.window.bind(this.scroller());
    this.window.build();
  }

  /** @internal Whether line `i` shows its speaker (when it changes). */
  showSpeaker(i: number): boolean {
    const cues = this.input.cues;
    return !!cues[i]!.speaker && cues[i]!.speaker !== cues[i - 1]?.speaker;
  }

  private emptyRow(index: number): HTMLLIElement {
    const li = document.createElement('li');
    li.className = 'row';
    li.dataset.i = String(index);
    return li;
  }

  /** An empty row is built in full now (and is a full row from now on). */
  private fill(index: number): void {
    this.full.add(index);
    this.renderFull(index);
    this.rowRendered.emit(index);
  }

  /** @internal Builds row `index` in full (when it is a row); false when there is no such row. */
  ensureFull(index: number): boolean {
    const list = this.list;
    if (!list || !this.input || !Number.isInteger(index) || index < 0 || index >= this.input.cues.length) return false;
    if (this.full.has(index)) return true;
    if (index >= this.rows.length) this.window?.complete();
    const li = this.rows[index];
    if (!li) return false;
    this.window?.unlight(li);
    this.fill(index);
    return true;
  }

  private renderFull(index: number): void {
    const input = this.input!;
    const li = this.rows[index]!;
    render(renderRow({ cue: input.cues[index]!, index, showSpeaker: this.showSpeaker(index), hours: this.hours, options: input }), li);
  }
}
