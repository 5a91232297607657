import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CueIndex } from '../model/cue-index.js';
import { TranscriptCueChangeEvent } from '../events.js';
import { Emitter } from './emitter.js';
import type { LineElements } from './line-elements.js';
import type { MediaTimeController } from './media-time.js';
import type { TranscriptController } from './transcript.js';

/** Seconds: how far before a cue boundary a time still counts as past it. */
const BOUNDARY_TOLERANCE = 0.001;

/**
 * Derives the active line and word from the media's time (binary search in the prebuilt
 * CueIndex: O(log n) per frame) and marks them. It subscribes itself to the media time and to
 * the transcript; only the elements whose state changed are touched: per frame, at most two
 * lines and two words. State is set imperatively (part tokens and aria-current are never bound
 * in the template), so a frame never re-renders the list. Fires `transcript-cue-change`.
 */
export class ActiveCueController implements ReactiveController {
  /** The active line (index into the transcript's sorted cues), -1 in a gap. */
  lineIndex = -1;
  /** The active word of that line, -1 when none. */
  wordIndex = -1;
  /** The active line changed (its index, -1 in a gap). */
  readonly lineChanged: Emitter<number>;
  /** The element to keep in view changed: the active word, else the active line. */
  readonly target = new Emitter<HTMLElement | null>();
  private index: CueIndex | null = null;
  private lastTarget: HTMLElement | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly deps: { mediaTime: MediaTimeController; transcript: TranscriptController; lines: LineElements; lineChanged?: Emitter<number> },
  ) {
    this.lineChanged = deps.lineChanged ?? new Emitter<number>();
    // Made with a transcript shown already (loaded when media was bound): start from it.
    this.index = deps.transcript.index;
    host.addController(this);
    deps.mediaTime.time.add((t) => this.update(t));
    deps.transcript.changed.add((index) => {
      this.setIndex(index);
      // Show the state at the media's current time as soon as the new list is rendered.
      void host.updateComplete.then(() => deps.mediaTime.sync());
    });
  }

  /** After every render the line elements may be new: mark them again (and follow the new element). */
  hostUpdated(): void {
    this.mark(true);
    this.emitTarget();
  }

  /** A new transcript: forget the previous state (the old elements are going away). */
  private setIndex(index: CueIndex | null): void {
    this.mark(false);
    this.index = index;
    const had = this.lineIndex !== -1;
    this.lineIndex = -1;
    this.wordIndex = -1;
    if (had) this.changed();
  }

  private update(mediaTime: number): void {
    const index = this.index;
    if (!index) return;
    // Media elements truncate a seek target to whole microseconds (8.024 reads back as 8.023999),
    // so a seek to a line's start would land just before it: look up 1 ms later.
    const time = mediaTime + BOUNDARY_TOLERANCE;
    const line = index.activeAt(time);
    const word = line >= 0 ? index.wordAt(line, time) : -1;
    if (line === this.lineIndex && word === this.wordIndex) return;
    const lineChanged = line !== this.lineIndex;
    const { lines } = this.deps;
    if (lineChanged) this.mark(false);
    else if (this.wordIndex >= 0) lines.wordElement(line, this.wordIndex)?.part.remove('active-word');
    this.lineIndex = line;
    this.wordIndex = word;
    if (lineChanged) this.mark(true);
    else if (word >= 0) lines.wordElement(line, word)?.part.add('active-word');
    if (lineChanged) this.changed();
    this.emitTarget(true);
  }

  /** Tells the followers where the active line or word is, when that changed (or always, after a change of state). */
  private emitTarget(always = false): void {
    const el = this.targetElement();
    if (!always && el === this.lastTarget) return;
    this.lastTarget = el;
    this.target.emit(el);
  }

  private changed(): void {
    this.lineChanged.emit(this.lineIndex);
    const cue = this.index?.cues[this.lineIndex];
    this.host.dispatchEvent(new TranscriptCueChangeEvent({ cueId: cue?.id ?? null }));
  }

  private targetElement(): HTMLElement | null {
    if (this.lineIndex < 0) return null;
    const { lines } = this.deps;
    return (this.wordIndex >= 0 ? lines.wordElement(this.lineIndex, this.wordIndex) : null) ?? lines.lineElement(this.lineIndex);
  }

  private mark(on: boolean): void {
    if (this.lineIndex < 0) return;
    const { lines } = this.deps;
    // Un-marking never builds a row: a row that is not built in full carries no mark.
    const line = on ? lines.lineElement(this.lineIndex) : lines.renderedLine(this.lineIndex);
    if (line) {
      line.part.toggle('active-line', on);
      if (on) line.setAttribute('aria-current', 'true');
      else line.removeAttribute('aria-current');
    }
    if (this.wordIndex >= 0 && line) lines.wordElement(this.lineIndex, this.wordIndex)?.part.toggle('active-word', on);
  }
}
