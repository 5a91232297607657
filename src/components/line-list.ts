import { render, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Cue } from '../model/types.js';
import { formatTimestamp } from '../model/time.js';
import { Emitter } from '../controllers/emitter.js';
import type { LineElements } from '../controllers/line-elements.js';
import { panelId } from './annotation-view.js';
import { renderRow, shownTexts, type RowOptions } from './line-row.js';

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
/** Rows built in full on each side of the visible ones (a screen or two of scrolling). */
const MARGIN = 40;
/** Full rows further than this from the visible ones go back to plain text. */
const KEEP = 3 * MARGIN;

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
 * element builds it in full.
 */
export class LineList implements LineElements, ReactiveController {
  /** Changes whenever the shown text changed (another transcript, view or translation). */
  version = 0;
  /** A row was built in full (its index). */
  readonly rowRendered = new Emitter<number>();
  private list: HTMLOListElement | null = null;
  private input: LineListInput | null = null;
  private shown: { cues: readonly Cue[]; view: unknown; translations: unknown; rowsKey: unknown } | null = null;
  private readonly full = new Set<number>();
  private hours = false;
  private frame = 0;
  private boundScroller: HTMLElement | null = null;

  /** `root` is the shadow root the list is rendered in; `read` gives what to show, read after each host render. */
  constructor(
    host: ReactiveControllerHost,
    private readonly root: () => ShadowRoot | null,
    private readonly read: () => LineListInput,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const list = this.root()?.querySelector<HTMLOListElement>('ol.lines') ?? null;
    const input = this.read();
    const s = this.shown;
    const rebuild = list !== this.list || !s || s.cues !== input.cues || s.view !== input.view || s.translations !== input.translations;
    this.list = list;
    this.input = input;
    this.bindScroller();
    if (rebuild) this.rebuild(input);
    else if (s.rowsKey !== input.rowsKey) for (const i of this.full) this.renderFull(i);
    for (const i of input.pinned) this.ensureFull(i);
    this.shown = { cues: input.cues, view: input.view, translations: input.translations, rowsKey: input.rowsKey };
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.boundScroller?.removeEventListener('scroll', this.onScroll);
    this.boundScroller = null;
  }

  get length(): number {
    return this.input?.cues.length ?? 0;
  }

  lineElement(index: number): HTMLElement | null {
    if (!this.ensureFull(index)) return null;
    return (this.list!.children[index]!.firstElementChild as HTMLElement | null) ?? null;
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
    return [...this.list!.children[index]!.querySelectorAll<HTMLElement>('.line, .row-actions button')];
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

  private indexAttr(row: Element | null | undefined): number {
    const i = Number(row?.getAttribute('data-i'));
    return row && Number.isInteger(i) ? i : -1;
  }

  /** A new transcript, view or translation: every row starts light, then the visible ones are built. */
  private rebuild(input: LineListInput): void {
    this.version++;
    this.full.clear();
    const { cues } = input;
    this.hours = cues.length > 0 && cues[cues.length - 1]!.start >= 3600;
    if (!this.list) return;
    const rows = new Array<HTMLLIElement>(cues.length);
    for (let i = 0; i < cues.length; i++) rows[i] = this.lightRow(i);
    this.list.replaceChildren(...rows);
    if (cues.length <= FULL_ROWS_MAX) for (let i = 0; i < cues.length; i++) this.ensureFull(i);
    else this.updateWindow();
  }

  private lightRow(i: number): HTMLLIElement {
    const input = this.input!;
    const cue = input.cues[i]!;
    const li = document.createElement('li');
    li.className = 'row light';
    li.dataset.i = String(i);
    li.dataset.t = formatTimestamp(cue.start, { forceHours: this.hours });
    const speaker = this.showSpeaker(i) ? `${cue.speaker}\n` : '';
    if (speaker) li.classList.add('with-speaker');
    li.textContent = speaker + shownTexts(cue, i, input).join('\n');
    return li;
  }

  private showSpeaker(i: number): boolean {
    const cues = this.input!.cues;
    return !!cues[i]!.speaker && cues[i]!.speaker !== cues[i - 1]?.speaker;
  }

  /** Builds row `index` in full (when it is a row); false when there is no such row. */
  private ensureFull(index: number): boolean {
    const list = this.list;
    if (!list || !this.input || !Number.isInteger(index) || index < 0 || index >= list.children.length) return false;
    if (this.full.has(index)) return true;
    const li = document.createElement('li');
    li.className = 'row';
    li.dataset.i = String(index);
    list.children[index]!.replaceWith(li);
    this.full.add(index);
    this.renderFull(index);
    this.rowRendered.emit(index);
    return true;
  }

  private renderFull(index: number): void {
    const input = this.input!;
    const li = this.list!.children[index] as HTMLElement;
    render(renderRow({ cue: input.cues[index]!, index, showSpeaker: this.showSpeaker(index), hours: this.hours, options: input }), li);
  }

  /** A full row that nothing holds on to (not active, focused, the tab stop, nor showing an annotation) may go light. */
  private release(index: number): void {
    const li = this.list!.children[index] as HTMLElement;
    const line = li.firstElementChild;
    if (line?.getAttribute('aria-current') === 'true' || line?.getAttribute('tabindex') === '0') return;
    if (li.contains(this.root()?.activeElement ?? null) || li.querySelector('.annotation')) return;
    this.full.delete(index);
    li.replaceWith(this.lightRow(index));
  }

  private bindScroller(): void {
    const scroller = this.scroller();
    if (scroller === this.boundScroller) return;
    this.boundScroller?.removeEventListener('scroll', this.onScroll);
    this.boundScroller = scroller;
    scroller?.addEventListener('scroll', this.onScroll, { passive: true });
  }

  private readonly onScroll = (): void => {
    if (!this.frame) this.frame = requestAnimationFrame(() => ((this.frame = 0), this.updateWindow()));
  };

  /** Builds the rows near the viewport in full; lets rows far from it go light. O(log n + window). */
  private updateWindow(): void {
    const list = this.list;
    const scroller = this.boundScroller;
    const n = list?.children.length ?? 0;
    if (!list || !scroller || n <= FULL_ROWS_MAX) return;
    const view = scroller.getBoundingClientRect();
    const first = this.rowAt(view.top);
    const last = this.rowAt(view.bottom);
    for (let i = Math.max(0, first - MARGIN); i <= Math.min(n - 1, last + MARGIN); i++) this.ensureFull(i);
    for (const i of [...this.full]) if (i < first - KEEP || i > last + KEEP) this.release(i);
  }

  /** The row at a viewport y (binary search over the rows' boxes). */
  private rowAt(y: number): number {
    const rows = this.list!.children;
    let lo = 0;
    let hi = rows.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (rows[mid]!.getBoundingClientRect().top <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
