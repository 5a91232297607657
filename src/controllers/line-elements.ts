import type { Subscribable } from './emitter.js';

/**
 * Where the line list's elements are: the seam between the controllers and the rendered list.
 * The list component implements it; windowing can replace the list without touching sync,
 * seek or focus, which only ever ask through this interface.
 */
export interface LineElements {
  /** How many lines the list has (rendered or not). */
  readonly length: number;
  /** Changes whenever the shown text changed (another transcript, view or translation). */
  readonly version: number;
  /** The element of line `index` (built in full when it was not), or null when there is no such line. */
  lineElement(index: number): HTMLElement | null;
  /** The element of line `index` when it is built in full already, else null (never builds it). */
  renderedLine(index: number): HTMLElement | null;
  /** The element of word `word` of line `index`, or null. */
  wordElement(index: number, word: number): HTMLElement | null;
  /** Index of the row an event target sits in (the line or its buttons; not an open annotation), or -1. */
  rowOf(target: EventTarget | null): number;
  /** Index of the line whose own element (time, speaker, text) holds the target, or -1. */
  lineOf(target: EventTarget | null): number;
  /** The timed word (its index in the line) an event target sits in, or -1. */
  wordOf(target: EventTarget | null): number;
  /** The texts shown for a line (the original, its translation, or both), as rendered, in the order of `textElements`. */
  shownTexts(index: number): string[];
  /** The elements holding those texts, when the line is built in full (else none). */
  textElements(index: number): HTMLElement[];
  /** A line was built in full (what is drawn on lines, such as search highlights, can be added to it). */
  readonly rowRendered: Subscribable<number>;
  /** The controls of a line's row, in reading order: the line, then its buttons. */
  rowControls(index: number): HTMLElement[];
  /** The open panel of an annotation, or null. */
  panel(annotationId: string): HTMLElement | null;
  /** The list's scroll container. */
  scroller(): HTMLElement | null;
  /** Whether focus is inside the list. */
  hasFocus(): boolean;
}
