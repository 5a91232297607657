import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CueIndex } from '../model/cue-index.js';

/** Seconds: how far before a cue boundary a time still counts as past it. */
export const BOUNDARY_TOLERANCE = 0.001;

/** Where the line list's elements are: the seam that windowing can replace. */
export interface LineElements {
  /** The element of line `index`, or null when it is not rendered (windowing). */
  lineElement(index: number): HTMLElement | null;
  /** The element of word `word` of line `index`, or null. */
  wordElement(index: number, word: number): HTMLElement | null;
}

export interface ActiveCueCallbacks {
  /** The active line changed (index into the index's sorted cues, -1 in a gap). */
  onCueChange(index: number): void;
  /** The active line or word element to keep in view changed. */
  onTarget(element: HTMLElement | null): void;
}

/**
 * Derives the active line and word from the media's time (binary search in the prebuilt
 * CueIndex: O(log n) per frame) and marks them. Only the elements whose state changed are
 * touched: per frame, at most two lines and two words. State is set imperatively (part tokens
 * and aria-current are never bound in the template), so a frame never re-renders the list.
 */
export class ActiveCueController implements ReactiveController {
  index: CueIndex | null = null;
  active = -1;
  word = -1;

  constructor(
    host: ReactiveControllerHost,
    private readonly elements: LineElements,
    private readonly callbacks: ActiveCueCallbacks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** A new transcript: forget the previous state (the old elements are going away). */
  setIndex(index: CueIndex | null): void {
    this.mark(false);
    this.index = index;
    const had = this.active !== -1;
    this.active = -1;
    this.word = -1;
    if (had) this.callbacks.onCueChange(-1);
  }

  /** Called with the media time, every frame while playing. */
  update(mediaTime: number): void {
    const index = this.index;
    if (!index) return;
    // Media elements truncate a seek target to whole microseconds (8.024 reads back as 8.023999),
    // so a seek to a line's start would land just before it: look up 1 ms later.
    const time = mediaTime + BOUNDARY_TOLERANCE;
    const active = index.activeAt(time);
    const word = active >= 0 ? index.wordAt(active, time) : -1;
    if (active === this.active && word === this.word) return;
    const lineChanged = active !== this.active;
    if (lineChanged) this.mark(false);
    else if (this.word >= 0) this.elements.wordElement(active, this.word)?.part.remove('active-word');
    this.active = active;
    this.word = word;
    if (lineChanged) this.mark(true);
    else if (word >= 0) this.elements.wordElement(active, word)?.part.add('active-word');
    if (lineChanged) this.callbacks.onCueChange(active);
    this.callbacks.onTarget(this.target());
  }

  /** Re-applies the marks after the list was (re)rendered. */
  reapply(): void {
    this.mark(true);
  }

  private target(): HTMLElement | null {
    if (this.active < 0) return null;
    return (this.word >= 0 ? this.elements.wordElement(this.active, this.word) : null) ?? this.elements.lineElement(this.active);
  }

  private mark(on: boolean): void {
    if (this.active < 0) return;
    const line = this.elements.lineElement(this.active);
    if (line) {
      line.part.toggle('active-line', on);
      if (on) line.setAttribute('aria-current', 'true');
      else line.removeAttribute('aria-current');
    }
    if (this.word >= 0) this.elements.wordElement(this.active, this.word)?.part.toggle('active-word', on);
  }
}
