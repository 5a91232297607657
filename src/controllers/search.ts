import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { prepareSearchIndex, searchPrepared, type SearchIndex, type SearchMatch } from '../model/search.js';
import type { LineList } from '../components/line-list.js';
import type { AutoScrollController } from './auto-scroll.js';

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

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly lines: LineList,
    private readonly autoScroll: AutoScrollController,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.clearHighlights();
  }

  get active(): boolean {
    return this.query.trim() !== '';
  }

  /** The list was re-rendered: its text may have changed. */
  invalidate(): void {
    this.index = null;
    if (this.active) this.run(false);
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
  }

  /** Moves to the next (+1) or previous (-1) match; returns its line index. */
  step(delta: number): number {
    if (!this.matches.length) return -1;
    this.current = (this.current + delta + this.matches.length) % this.matches.length;
    this.paint();
    this.host.requestUpdate();
    return this.entries[this.matches[this.current]!.cueIndex]?.line ?? -1;
  }

  /** The element of the current match (for scrolling it into view). */
  currentElement(): HTMLElement | null {
    const match = this.matches[this.current];
    const line = match ? this.entries[match.cueIndex]?.line : undefined;
    return line === undefined ? null : this.lines.lineElement(line);
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
      for (const text of this.lines.lineElement(i)?.querySelectorAll('.shown') ?? []) {
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
