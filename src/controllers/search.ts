import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { prepareSearchIndex, searchPrepared, type SearchIndex, type SearchMatch } from '../model/search.js';
import type { LineElements } from './line-elements.js';
import { placeInScroller, type AutoScrollController } from './auto-scroll.js';

const ALL = 'at-search';
const CURRENT = 'at-search-current';

/** One shared Highlight per name: several viewers on a page add their own ranges to it. */
function highlight(name: string): Highlight | null {
  if (typeof CSS === 'undefined' || !CSS.highlights || typeof Highlight !== 'function') return null;
  let h = CSS.highlights.get(name);
  if (!h) {
    h = new Highlight();
    CSS.highlights.set(name, h);
  }
  return h;
}

/** Takes a viewer's ranges out of a shared Highlight (never creating it); the last viewer to leave removes the name. */
function release(name: string, ranges: readonly Range[]): void {
  const h = typeof CSS !== 'undefined' ? CSS.highlights?.get(name) : undefined;
  if (!h) return;
  for (const r of ranges) h.delete(r);
  if (h.size === 0) CSS.highlights.delete(name);
}

/**
 * Search in the shown text of the transcript: accent- and case-insensitive (Cyrillic too; see
 * `foldForSearch`), matches marked with the CSS Custom Highlight API (no re-render of the list),
 * Enter / Shift+Enter to the next / previous match, "3 of 12".
 */
export class SearchController implements ReactiveController {
  query = '';
  matches: SearchMatch[] = [];
  current = -1;
  private index: SearchIndex | null = null;
  /** One entry per searchable text (a line's original, its translation): its line and its place among the line's texts. */
  private entries: { line: number; slot: number }[] = [];
  private ranges: Range[] = [];
  private currentRange: Range | null = null;
  private followingBefore: boolean | null = null;
  /** The list version the index was prepared from. */
  private preparedVersion = -1;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly lines: LineElements,
    private readonly autoScroll: AutoScrollController,
  ) {
    host.addController(this);
    // Only rows built in full have text nodes to highlight: a row built later gets its marks then.
    lines.rowRendered.add((line) => this.paintLine(line));
  }

  /** Back in the document (a move): the rows are the same, so mark the matches again. */
  hostConnected(): void {
    if (this.active && this.matches.length) this.paint();
  }

  hostDisconnected(): void {
    this.clearHighlights();
  }

  get active(): boolean {
    return this.query.trim() !== '';
  }

  /** After a render that changed the shown text, search it again (once the render is done). */
  hostUpdated(): void {
    if (this.lines.version === this.preparedVersion) return;
    this.preparedVersion = this.lines.version;
    void this.host.updateComplete.then(() => {
      this.index = null;
      if (this.active) this.run(false);
    });
  }

  /** Searching pauses auto-scroll only while there is a query; clearing it restores what was. */
  setQuery(query: string): void {
    const was = this.active;
    this.query = query;
    if (!was && this.active) {
      this.followingBefore = this.autoScroll.following;
      this.autoScroll.pause();
    } else if (was && !this.active) {
      if (this.followingBefore) this.autoScroll.resume();
      this.followingBefore = null;
    }
    this.run(true);
    this.reveal();
  }

  /** Moves to the next (+1) or previous (-1) match and scrolls it into view. */
  step(delta: number): void {
    if (!this.matches.length) return;
    this.current = (this.current + delta + this.matches.length) % this.matches.length;
    this.paint();
    this.host.requestUpdate();
    this.reveal();
  }

  /** The line of the current match, or -1. */
  currentLine(): number {
    const match = this.matches[this.current];
    return (match ? this.entries[match.cueIndex]?.line : undefined) ?? -1;
  }

  private reveal(): void {
    const line = this.lines.lineElement(this.currentLine());
    if (line) placeInScroller(this.lines.scroller(), line);
  }

  private run(resetCurrent: boolean): void {
    if (!this.active) {
      this.matches = [];
      this.current = -1;
      this.clearHighlights();
      this.host.requestUpdate();
      return;
    }
    if (!this.index) this.prepare();
    this.matches = searchPrepared(this.index!, this.query);
    if (resetCurrent || this.current < 0 || this.current >= this.matches.length) this.current = this.matches.length ? 0 : -1;
    this.paint();
    this.host.requestUpdate();
  }

  /** Folds the shown text of every line once (per change of the list), from the model: no row is built for it. */
  private prepare(): void {
    this.entries = [];
    const texts: { id: string; start: number; end: number; text: string }[] = [];
    for (let line = 0; line < this.lines.length; line++) {
      this.lines.shownTexts(line).forEach((text, slot) => {
        this.entries.push({ line, slot });
        texts.push({ id: String(texts.length), start: 0, end: 0, text });
      });
    }
    this.index = prepareSearchIndex(texts);
  }

  /** The range of a match in its row's text nodes, when the row is built in full. */
  private toRange(match: SearchMatch): Range | null {
    const entry = this.entries[match.cueIndex];
    const element = entry && this.lines.renderedLine(entry.line) ? this.lines.textElements(entry.line)[entry.slot] : undefined;
    if (!element) return null;
    const range = document.createRange();
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let offset = 0;
    let started = false;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const end = offset + node.data.length;
      if (!started && match.start < end) {
        range.setStart(node, match.start - offset);
        started = true;
      }
      if (started && match.end <= end) {
        range.setEnd(node, match.end - offset);
        return range;
      }
      offset = end;
    }
    return null;
  }

  private paint(): void {
    this.clearHighlights();
    this.matches.forEach((m, k) => this.mark(m, k));
  }

  /** Marks the matches of one line that was just built in full. */
  private paintLine(line: number): void {
    if (!this.active || !this.matches.length) return;
    // Matches are in entry order and entries in line order: find the line's first match.
    let lo = 0;
    let hi = this.matches.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.entries[this.matches[mid]!.cueIndex]!.line < line) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < this.matches.length && this.entries[this.matches[k]!.cueIndex]!.line === line; k++) this.mark(this.matches[k]!, k);
    // Rows that went back to plain text leave ranges on removed nodes: drop those now and then.
    if (this.ranges.length > 4000) this.ranges = this.ranges.filter((r) => r.startContainer.isConnected || (highlight(ALL)?.delete(r), false));
  }

  private mark(match: SearchMatch, k: number): void {
    const range = this.toRange(match);
    if (!range) return;
    this.ranges.push(range);
    highlight(ALL)?.add(range);
    if (k === this.current) {
      if (this.currentRange) highlight(CURRENT)?.delete(this.currentRange);
      this.currentRange = range;
      highlight(CURRENT)?.add(range);
    }
  }

  private clearHighlights(): void {
    release(ALL, this.ranges);
    this.ranges = [];
    if (this.currentRange) release(CURRENT, [this.currentRange]);
    this.currentRange = null;
  }
}
