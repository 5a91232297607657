import { css } from 'lit';
import { formatTimestamp } from '../model/time.js';
import { shownTexts, type RowOptions } from './line-row.js';
import type { Cue } from '../model/types.js';

/** Rows built in full on each side of the visible ones (a screen or two of scrolling). */
const MARGIN = 40;
/** Full rows further than this from the visible ones go back to plain text. */
const KEEP = 3 * MARGIN;

/** What the window needs of the list it windows (`LineList`). */
export interface WindowedList {
  readonly list: HTMLOListElement;
  readonly input: RowOptions & { cues: readonly Cue[] };
  /** Every timestamp shows hours. */
  readonly hours: boolean;
  /** The rows built in full. */
  readonly full: Set<number>;
  showSpeaker(i: number): boolean;
  ensureFull(i: number): boolean;
  /** The focused element in the list's shadow root. */
  activeElement(): Element | null;
}

/**
 * The windowing of a long line list (loaded with the first list of more than `FULL_ROWS_MAX`
 * lines): every line has a row, but a row far from the viewport is a "light" row — one element
 * and one text node, its timestamp drawn by CSS, laid out cheaply (`content-visibility: auto`).
 * The rows near the viewport are built in full as the reader scrolls; full rows far from it
 * that nothing holds on to go light again.
 */
export class LineWindow {
  private frame = 0;
  private scroller: HTMLElement | null = null;

  constructor(private readonly rows: WindowedList) {}

  /** Every row light, then the ones in view built in full. */
  build(): void {
    const { list, input } = this.rows;
    const rows = new Array<HTMLLIElement>(input.cues.length);
    for (let i = 0; i < rows.length; i++) rows[i] = this.lightRow(i);
    list.replaceChildren(...rows);
    this.update();
  }

  /** Follows the scroll container (once rendered). */
  bind(scroller: HTMLElement | null): void {
    if (scroller === this.scroller) return;
    this.unbind();
    this.scroller = scroller;
    scroller?.addEventListener('scroll', this.onScroll, { passive: true });
  }

  unbind(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.scroller?.removeEventListener('scroll', this.onScroll);
    this.scroller = null;
  }

  private lightRow(i: number): HTMLLIElement {
    const { input, hours } = this.rows;
    const cue = input.cues[i]!;
    const li = document.createElement('li');
    li.className = 'row light';
    li.dataset.i = String(i);
    li.dataset.t = formatTimestamp(cue.start, { forceHours: hours });
    const speaker = this.rows.showSpeaker(i) ? `${cue.speaker}\n` : '';
    if (speaker) li.classList.add('with-speaker');
    li.textContent = speaker + shownTexts(cue, i, input).join('\n');
    return li;
  }

  private readonly onScroll = (): void => {
    if (!this.frame) this.frame = requestAnimationFrame(() => ((this.frame = 0), this.update()));
  };

  /** Builds the rows near the viewport in full; lets rows far from it go light. O(log n + window). */
  private update(): void {
    const { list, full } = this.rows;
    const scroller = this.scroller;
    const n = list.children.length;
    if (!scroller || !n) return;
    const view = scroller.getBoundingClientRect();
    const first = this.rowAt(view.top);
    const last = this.rowAt(view.bottom);
    for (let i = Math.max(0, first - MARGIN); i <= Math.min(n - 1, last + MARGIN); i++) this.rows.ensureFull(i);
    for (const i of [...full]) if (i < first - KEEP || i > last + KEEP) this.release(i);
  }

  /** A full row that nothing holds on to (not active, focused, the tab stop, nor showing an annotation) may go light. */
  private release(index: number): void {
    const li = this.rows.list.children[index] as HTMLElement;
    const line = li.firstElementChild;
    if (line?.getAttribute('aria-current') === 'true' || line?.getAttribute('tabindex') === '0') return;
    if (li.contains(this.rows.activeElement()) || li.querySelector('.annotation')) return;
    this.rows.full.delete(index);
    li.replaceWith(this.lightRow(index));
  }

  /** The row at a viewport y (binary search over the rows' boxes). */
  private rowAt(y: number): number {
    const rows = this.rows.list.children;
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

/** Light rows, placed like a full row's text. */
export const windowStyles = [css`
  /*
   * A light row (far from the viewport in a long transcript): one element and one text node,
   * placed like a full row's text so that building it in full does not move what follows;
   * its layout is skipped while off screen. Its timestamp is generated content.
   */
  .row.light {
    display: block;
    content-visibility: auto;
    contain-intrinsic-size: auto 2.6em;
    padding-block: 0.3rem;
    padding-inline: calc(1.25rem + var(--at-timestamp-width, 4.5em) + 0.5rem) 2.6rem;
    white-space: pre-line;
    overflow-wrap: anywhere;
    cursor: pointer;
  }
  .row.light::before {
    content: attr(data-t);
    position: absolute;
    inset-inline-start: 1.25rem;
    width: var(--at-timestamp-width, 4.5em);
    padding-top: 0.1em;
    text-align: end;
    color: var(--_muted);
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }
  .row.light.with-speaker::first-line {
    font-weight: 600;
    font-size: 0.875em;
    color: var(--_speaker);
  }
  @container at-transcript (max-width: 30rem) {
    .row.light {
      padding-inline: calc(1rem + var(--at-timestamp-width, 3.2em) + 0.5rem) 0.5rem;
    }
    .row.light::before {
      inset-inline-start: 1rem;
      width: var(--at-timestamp-width, 3.2em);
    }
  }
`];
