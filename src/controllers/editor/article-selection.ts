/**
 * The reader's selection in the article, as a claim's quote: the selection's boundaries mapped
 * onto the article's text exactly as the viewer collects it (`collectText`), then the shortest
 * unique context (`quoteForSelection`, checked with the viewer's anchoring).
 */
import { quoteForSelection, type QuoteFailure } from '../../model/editor/quote-context.js';
import type { TextQuote } from '../../model/text-quote.js';
import { collectText } from '../article-anchors.js';

export type SelectionFailure = QuoteFailure | 'outside' | 'no-article';
export type SelectionQuote = { ok: true; quote: TextQuote } | { ok: false; reason: SelectionFailure };

/** The selection of the article's tree (a shadow root's own selection where the browser has one). */
export function selectionFor(article: Element): Selection | null {
  const root = article.getRootNode() as (ShadowRoot & { getSelection?: () => Selection | null }) | Document;
  return ('getSelection' in root && typeof root.getSelection === 'function' ? root.getSelection() : null) ?? document.getSelection();
}

/** The quote for the current selection in `article`; never throws. */
export async function quoteFromSelection(article: Element | null, selection: Selection | null): Promise<SelectionQuote> {
  if (!article) return { ok: false, reason: 'no-article' };
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return { ok: false, reason: 'empty' };
  const range = selection.getRangeAt(0);
  if (!article.contains(range.startContainer) || !article.contains(range.endContainer)) return { ok: false, reason: 'outside' };
  try {
    const { text, nodes, starts } = await collectText(article, new AbortController().signal);
    const start = offsetOf(range.startContainer, range.startOffset, nodes, starts, text.length);
    const end = offsetOf(range.endContainer, range.endOffset, nodes, starts, text.length);
    const result = quoteForSelection(text, start, end);
    return result.ok ? { ok: true, quote: result.quote } : result;
  } catch {
    return { ok: false, reason: 'not-anchored' };
  }
}

/** The offset in the collected text of a DOM boundary point: inside a collected text node, or before the first collected node after it. */
function offsetOf(container: Node, offset: number, nodes: Text[], starts: number[], length: number): number {
  const i = nodes.indexOf(container as Text);
  if (i >= 0) return starts[i]! + Math.min(offset, nodes[i]!.length);
  const point = document.createRange();
  point.setStart(container, offset);
  // Binary search for the first text node at or after the point.
  let lo = 0;
  let hi = nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (point.comparePoint(nodes[mid]!, 0) >= 0) hi = mid;
    else lo = mid + 1;
  }
  return lo < nodes.length ? starts[lo]! : length;
}
