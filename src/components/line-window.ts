import { css, nothing, render } from 'lit';
import { formatTimestamp } from '../model/time.js';
import { shownTexts, type RowOptions } from './line-row.js';
import type { Cue } from '../model/types.js';

/** Rows built in full on each side of the visible ones (a screen or two of scrolling). */
const MARGIN = 40;
/** Full rows further than this from the visible ones go back to plain text. */
const KEEP = 3 * MARGIN;
/** Rows made before the first paint of a new list (a screen and its margin); the rest follow in chunks. */
const FIRST_ROWS = 2 * MARGIN;
/** Rows made per task after the first paint (a few tens of milliseconds of work). */
const CHUNK_ROWS = 1500;

/** What the window needs of the list it windows (`LineList`). */
export interface WindowedList {
  readonly list: HTMLOListElement;
  readonly input: RowOptions & { cues: readonly Cue[] };
  /** Every timestamp shows hours. */
  readonly hours: boolean;
  /** The rows built in full. */
  readonly full: Set<number>;
  /** The rows made so far, by index (the list's children). */
  readonly rows: HTMLElement[];
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
  /** How many rows the list has so far (a new list gets its rows in chunks). */
  private made = 0;
  private chunkTimer = 0;

  constructor(private readonly rows: WindowedList) {}

  /**
   * Every row light, then the ones in view built in full. A new list read from its top gets its
   * first rows at once and the rest in chunks after the first paint, so the first lines show
   * before the last rows exist; a list rebuilt while scrolled (another view or translation)
   * gets every row now, so the reader stays where they were.
   */
  build(): void {
    const { list } = this.rows;
    const scrolled = (this.scroller?.scrollTop ?? 0) > 0;
    this.stopChunks();
    this.made = 0;
    list.replaceChildren();
    this.rows.rows.length = 0;
    this.make(scrolled ? Infinity : FIRST_ROWS);
    this.update();
    if (this.made < this.total) this.chunkTimer = window.setTimeout(this.nextChunk, 0);
  }

  /** Every row exists now (a row not made yet is asked for, the page prints, the reader searches the page). */
  complete(): void {
    if (this.made >= this.total) return;
    this.stopChunks();
    this.make(Infinity);
  }

  private get total(): number {
    return this.rows.input.cues.length;
  }

  private make(count: number): void {
    const { list } = this.rows;
    const end = Math.min(this.total, this.made + count);
    // A fragment and a loop, not spread arguments: a list may have more rows than a call has arguments.
    const fragment = document.createDocumentFragment();
    for (let i = this.made; i < end; i++) {
      const row = this.lightRow(i);
      fragment.append(row);
      this.rows.rows.push(row);
    }
    list.append(fragment);
    this.made = end;
    if (end < this.total) list.setAttribute('aria-busy', 'true');
    else list.removeAttribute('aria-busy');
  }

  private readonly nextChunk = (): void => {
    this.chunkTimer = 0;
    this.make(CHUNK_ROWS);
    if (this.made < this.total) this.chunkTimer = window.setTimeout(this.nextChunk, 0);
    else this.update();
  };

  private stopChunks(): void {
    clearTimeout(this.chunkTimer);
    this.chunkTimer = 0;
  }

  /** Follows the scroll container (once rendered). */
  bind(scroller: HTMLElement | null): void {
    if (scroller === this.scroller) return;
    this.unbind();
    this.scroller = scroller;
    if (!scroller) return;
    scroller.addEventListener('scroll', this.onScroll, { passive: true });
    window.addEventListener('beforeprint', this.onPrint);
    // (Reconnected while rows were still to come.)
    if (this.made < this.total && !this.chunkTimer) this.chunkTimer = window.setTimeout(this.nextChunk, 0);
  }

  unbind(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.scroller?.removeEventListener('scroll', this.onScroll);
    this.scroller = null;
    window.removeEventListener('beforeprint', this.onPrint);
    this.stopChunks();
  }

  private readonly onPrint = (): void => this.complete();

  private lightRow(i: number): HTMLLIElement {
    const li = document.createElement('li');
    li.dataset.i = String(i);
    li.append(this.lighten(li, i));
    return li;
  }

  /** Makes `li` (row `i`) a light row; returns its one text node, to be put first in it. */
  private lighten(li: HTMLElement, i: number): Text {
    const { input, hours } = this.rows;
    const cue = input.cues[i]!;
    const speaker = this.rows.showSpeaker(i) ? `${cue.speaker}\n` : '';
    li.className = speaker ? 'row light with-speaker' : 'row light';
    li.dataset.t = formatTimestamp(cue.start, { forceHours: hours });
    return document.createTextNode(speaker + shownTexts(cue, i, input).join('\n'));
  }

  /**
   * A light row is about to be built in full, in place: the same `<li>` stays, so the browser's
   * scroll anchoring keeps what the reader sees still while rows around it change.
   */
  unlight(li: HTMLElement): void {
    if (li.firstChild?.nodeType === Node.TEXT_NODE) li.firstChild.remove();
    li.className = 'row';
    delete li.dataset.t;
  }

  private readonly onScroll = (): void => {
    if (!this.frame) this.frame = requestAnimationFrame(() => ((this.frame = 0), this.update()));
  };

  /** Builds the rows near the viewport in full; lets rows far from it go light. O(log n + window). */
  private update(): void {
    const { rows, full } = this.rows;
    const scroller = this.scroller;
    const n = rows.length;
    if (!scroller || !n) return;
    const view = scroller.getBoundingClientRect();
    const first = this.rowAt(view.top);
    const last = this.rowAt(view.bottom);
    // Rows change height as they are built or let go (a light row's height is an estimate until
    // laid out); the scroller's scroll anchoring (see the styles) keeps what is in view still.
    // Every box is read before anything is written: one layout.
    const letGo = [...full].filter((i) => (i < first - KEEP || i > last + KEEP) && this.mayLetGo(i));
    const heights = letGo.map((i) => rows[i]!.getBoundingClientRect().height);
    letGo.forEach((i, k) => this.release(i, heights[k]!));
    for (let i = Math.max(0, first - MARGIN); i <= Math.min(n - 1, last + MARGIN); i++) this.rows.ensureFull(i);
  }

  /** A full row that nothing holds on to (not active, focused, the tab stop, nor showing an annotation) may go light. */
  private mayLetGo(index: number): boolean {
    const li = this.rows.rows[index]!;
    const line = li.firstElementChild;
    if (line?.getAttribute('aria-current') === 'true' || line?.getAttribute('tabindex') === '0') return false;
    return !li.contains(this.rows.activeElement()) && !li.querySelector('.annotation');
  }

  /** Row `index` (a full row of that height, which `mayLetGo`) goes light. */
  private release(index: number, height: number): void {
    const li = this.rows.rows[index]!;
    this.rows.full.delete(index);
    // Its height as a full row is kept as its estimate: letting it go moves nothing.
    li.style.containIntrinsicBlockSize = `auto ${height}px`;
    // In place (see `unlight`): the row's Lit content is cleared, its text put back before it.
    render(nothing, li);
    li.prepend(this.lighten(li, index));
  }

  /** The row at a viewport y (binary search over the rows' boxes). */
  private rowAt(y: number): number {
    const rows = this.rows.rows;
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
   * Light rows coming into view get their real height (until then an estimate): the browser's
   * scroll anchoring keeps what is in view still while they do.
   */
  .scroller {
    overflow-anchor: auto;
  }
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
