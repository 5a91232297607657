import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { RELATIONS, type Claim, type Relation } from '../model/annotations/index.js';
import { anchorQuotesAsync, anchorProblem } from '../model/text-quote.js';
import type { Problem } from '../model/types.js';
import { firstAtOrAfter, lastAtOrBefore } from '../model/binary-search.js';
import type { AnnotationController } from './annotations.js';
import type { ProblemSink } from './problems.js';

/** How the viewer marks a claim in the article: the component layer supplies the marker element and its styles. */
export interface ClaimMarkers {
  /** A focusable marker placed after the claim's text; `activate` shows the claim's evidence. */
  create(claimId: string, relation: Relation, activate: () => void): HTMLElement;
  /** Installs the highlight styles (`::highlight(at-claim-<relation>)`) in the article's root. */
  style(root: Document | ShadowRoot): void;
}

export interface ArticleAnchorsDeps {
  annotations: AnnotationController;
  problems: ProblemSink;
  /** The article element (from `article="ID"` or `.articleElement`). */
  article(): Element | null;
  markers: ClaimMarkers;
  /** A claim's marker was activated. */
  activate(claimId: string): void;
}

interface AnchoredClaim {
  range: Range;
  marker: HTMLElement;
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'AT-CLAIM-MARKER', 'TEXTAREA']);
const HIGHLIGHT_PREFIX = 'at-claim-';

/**
 * Finds each claim's quote in the article's text (W3C TextQuoteSelector semantics: tolerant of
 * markup boundaries, whitespace, typographic quotes and small edits), marks it without rewriting
 * the author's markup — a CSS Custom Highlight per relation plus one small focusable
 * `<at-claim-marker>` after each claim — and removes all of it on change or disconnect.
 * Anchoring yields to the event loop every few milliseconds, so a 5 MB article does not freeze the page.
 */
export class ArticleAnchorsController implements ReactiveController {
  private readonly anchored = new Map<string, AnchoredClaim>();
  private article: Element | null = null;
  private claims: readonly Claim[] = [];
  private relationOf: (claimId: string) => Relation = () => 'unsupported';
  private relations = '';
  /** The last anchoring, reused when only the relations changed (re-marked, not re-reported). */
  private last: { article: Element; claims: readonly Claim[]; found: { claim: Claim; range: Range }[] } | null = null;
  private abort: AbortController | null = null;
  private connected = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly deps: ArticleAnchorsDeps,
  ) {
    host.addController(this);
    deps.annotations.changed.add(() => this.refresh());
  }

  hostConnected(): void {
    this.connected = true;
    this.run();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.clear();
  }

  /** The article or the claims may have changed: anchor again when they did. */
  refresh(): void {
    const { annotations } = this.deps;
    this.set(this.deps.article(), annotations.data.claims, (id) => annotations.claimRelation(id));
  }

  private set(article: Element | null, claims: readonly Claim[], relationOf: (claimId: string) => Relation): void {
    // The same article, claims and relations as last time: nothing to redo (and nothing to report twice).
    const relations = claims.map((c) => relationOf(c.id)).join();
    if (article === this.article && claims === this.claims && relations === this.relations) return;
    this.relations = relations;
    this.article = article;
    this.claims = claims;
    this.relationOf = relationOf;
    this.run();
  }

  /** Scrolls the page to a claim's marker and focuses it. Returns false when the claim is not anchored. */
  focus(claimId: string): boolean {
    const anchored = this.anchored.get(claimId);
    if (!anchored?.marker.isConnected) return false;
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    anchored.marker.scrollIntoView({ block: 'center', behavior: reduce ? 'instant' : 'smooth' });
    anchored.marker.focus({ preventScroll: true });
    return true;
  }

  private clear(): void {
    this.abort?.abort();
    this.abort = null;
    for (const { marker } of this.anchored.values()) marker.remove();
    this.anchored.clear();
    const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
    for (const r of RELATIONS) registry?.delete(HIGHLIGHT_PREFIX + r);
  }

  private run(): void {
    this.clear();
    const article = this.article;
    if (!this.connected || !article || !this.claims.length) return;
    const abort = new AbortController();
    this.abort = abort;
    const claims = this.claims;
    const last = this.last;
    // Ranges are live: removing the old markers left them valid, so only the marks are redone.
    if (last && last.article === article && last.claims === claims) {
      this.mark(last.found);
      return;
    }
    void collectText(article, abort.signal).then(async ({ text, nodes, starts }) => {
      const results = await anchorQuotesAsync(text, claims.map((c) => c.quote), { signal: abort.signal });
      if (abort.signal.aborted) return;
      const problems: Problem[] = [];
      const found: { claim: Claim; range: Range }[] = [];
      this.last = { article, claims, found };
      results.forEach((result, i) => {
        const claim = claims[i]!;
        if (result.found) {
          const range = toRange(nodes, starts, result.start, result.end);
          if (range) found.push({ claim, range });
        } else {
          const problem = anchorProblem(claim.id, result);
          if (problem) problems.push(problem);
        }
      });
      this.mark(found);
      this.deps.problems.set('anchors', problems);
    });
  }

  private mark(found: { claim: Claim; range: Range }[]): void {
    this.deps.markers.style(this.article!.getRootNode() as Document | ShadowRoot);
    const groups = new Map<Relation, Range[]>();
    // Insert markers from the last to the first claim, so earlier insertions never shift later ones.
    const sorted = [...found].sort((a, b) => b.range.compareBoundaryPoints(Range.START_TO_START, a.range));
    for (const { claim, range } of sorted) {
      const relation = this.relationOf(claim.id);
      if (!groups.has(relation)) groups.set(relation, []);
      groups.get(relation)!.push(range);
      const marker = this.deps.markers.create(claim.id, relation, () => this.deps.activate(claim.id));
      placeAfter(range, marker);
      this.anchored.set(claim.id, { range, marker });
    }
    if (typeof CSS !== 'undefined' && CSS.highlights && typeof Highlight === 'function') {
      for (const [relation, ranges] of groups) CSS.highlights.set(HIGHLIGHT_PREFIX + relation, new Highlight(...ranges));
    }
  }
}

/**
 * Puts a marker right after a claim's text. A claim that ends inside a text node splits it once
 * (the marker goes between the halves); one that ends at a text node's edge gets the marker
 * beside that node. So marking again (after a move, or when a relation changed) never splits
 * again: the article's text nodes do not multiply with every reconnection.
 */
function placeAfter(range: Range, marker: HTMLElement): void {
  const node = range.endContainer;
  const parent = node.parentNode;
  if (node.nodeType === Node.TEXT_NODE && parent) {
    const offset = range.endOffset;
    if (offset >= (node as Text).length) return void parent.insertBefore(marker, node.nextSibling);
    if (offset === 0) return void parent.insertBefore(marker, node);
  }
  const end = range.cloneRange();
  end.collapse(false);
  end.insertNode(marker);
}

/** Milliseconds of work between yields while walking a large article. */
const WALK_BUDGET_MS = 8;

/**
 * The article's text as one string, with the text nodes it came from and their start offsets.
 * Walks in slices that yield to the event loop, so a 5 MB article does not freeze the page.
 * The annotation editor makes its quotes from this same text, so that they anchor as the viewer sees them.
 */
export async function collectText(root: Element, signal: AbortSignal): Promise<{ text: string; nodes: Text[]; starts: number[] }> {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.ELEMENT_NODE
        ? SKIP.has((node as Element).tagName)
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_SKIP
        : NodeFilter.FILTER_ACCEPT,
  });
  let since = performance.now();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    nodes.push(node as Text);
    starts.push(length);
    parts.push(data);
    length += data.length;
    if ((nodes.length & 255) === 0 && performance.now() - since > WALK_BUDGET_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (signal.aborted) break;
      since = performance.now();
    }
  }
  return { text: parts.join(''), nodes, starts };
}

/** Maps [start, end) offsets of the collected text back to a DOM Range. */
function toRange(nodes: Text[], starts: number[], start: number, end: number): Range | null {
  // A start offset belongs to the node that begins there; an end offset to the node it ends in.
  const at = (offset: number, isEnd: boolean): [Text, number] | null => {
    const i = Math.max(0, isEnd ? firstAtOrAfter(starts, offset) - 1 : lastAtOrBefore(starts, offset));
    const node = nodes[i];
    return node ? [node, Math.min(node.data.length, offset - starts[i]!)] : null;
  };
  const a = at(start, false);
  const b = at(end, true);
  if (!a || !b || end <= start) return null;
  const range = document.createRange();
  range.setStart(a[0], a[1]);
  range.setEnd(b[0], b[1]);
  return range;
}
