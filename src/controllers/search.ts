import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { prepareSearchIndex, searchPrepared, type SearchIndex, type SearchMatch } from '../model/search.js';
import type { LineElements } from './line-elements.js';
import { placeInScroller, type AutoScrollController } from './auto-scroll.js';

const ALL = 'at-search';
const CURRENT = 'at-search-current';

/** One shared Highlight per name: several viewers on a page add and remove their own ranges. */
function highlight(name: string): Highlight | null {
  if (typeof CSS === 'undefined' || !CSS.highlights || typeof Highlight !== 'function') return null;
  let h = CSS.highlights.get(name);
  if (!h) {
    h = new Highlight();
    CSS.highlights.set(name, h);
  }
  return h;
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
  /** One entry per searchable text (a line's original, its translation): the line and its text nodes. */
  private entries: { line: number; nodes: Text[] }[] = [];
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

  /** Folds the shown text of every line once (per render), keeping its text nodes to map matches back. */
  private prepare(): void {
    this.entries = [];
    const cues: { id: string; start: number; end: number; text: string }[] = [];
    for (let i = 0; i < this.lines.length; i++) {
      for (const text of this.lines.textElements(i)) {
        const nodes: Text[] = [];
        const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
        this.entries.push({ line: i, nodes });
        cues.push({ id: String(cues.length), start: 0, end: 0, text: nodes.map((n) => n.data).join('') });
      }
    }
    this.index = prepareSearchIndex(cues);
  }

  private toRange(match: SearchMatch): Range | null {
    const nodes = this.entries[match.cueIndex]?.nodes;
    if (!nodes) return null;
    const range = document.createRange();
    let offset = 0;
    let started = false;
    for (const node of nodes) {
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
    const all = highlight(ALL);
    this.ranges = [];
    for (const m of this.matches) {
      const r = this.toRange(m);
      if (r) this.ranges.push(r);
    }
    for (const r of this.ranges) all?.add(r);
    const match = this.matches[this.current];
    this.currentRange = match ? this.toRange(match) : null;
    if (this.currentRange) highlight(CURRENT)?.add(this.currentRange);
  }

  private clearHighlights(): void {
    const all = highlight(ALL);
    for (const r of this.ranges) all?.delete(r);
    this.ranges = [];
    if (this.currentRange) highlight(CURRENT)?.delete(this.currentRange);
    this.currentRange = null;
  }
}
