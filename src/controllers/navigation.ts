import type { LineElements } from './line-elements.js';
import type { LineFocus } from './line-focus.js';
import type { MediaSync } from './media-sync.js';
import type { TranscriptController } from './transcript.js';

export interface NavigationDeps {
  transcript: TranscriptController;
  lines: LineElements;
  lineFocus: LineFocus;
  /** Seeking and auto-scroll. */
  sync: MediaSync;
}

/**
 * Where the reader's intents on the lines lead: activating a line or word (focus it, follow it,
 * seek), "back to current line". What annotations add (going to one, activating a claim,
 * playing a passage, opening and closing) is `AnnotationNavigation`, in the annotation module.
 */
export class NavigationController {
  constructor(
    private readonly host: HTMLElement,
    private readonly deps: NavigationDeps,
  ) {}

  /** Seeks the media (applied once it has metadata); fires `transcript-seek`. */
  seek(time: number, cueId: string | null = null): void {
    this.deps.sync.seek({ time, cueId });
  }

  /** A line (or one of its timed words) was activated: it becomes the tab stop, is followed, and the media seeks there. */
  activateLine(index: number, wordIndex = -1): void {
    const cue = this.deps.transcript.cues[index];
    if (!cue) return;
    const word = wordIndex >= 0 ? cue.words?.[wordIndex] : undefined;
    // The seek first: what the reader asked for happens before any layout is read for scrolling.
    this.seek(word ? word.start : cue.start, cue.id);
    this.deps.lineFocus.move(index, false);
    this.deps.sync.resume(this.deps.lines.lineElement(index));
  }

  /** A click in the list: on a line (or a word) it activates it, unless the reader is selecting text. */
  readonly onListClick = (event: MouseEvent): void => {
    const { lines } = this.deps;
    const index = lines.lineOf(event.target);
    if (index < 0) return;
    const root = this.host.shadowRoot as (ShadowRoot & { getSelection?: () => Selection | null }) | null;
    const selection = root?.getSelection?.() ?? document.getSelection();
    if (selection && !selection.isCollapsed && selection.toString().trim()) return;
    this.activateLine(index, lines.wordOf(event.target));
  };

  /** Moves the tab stop to line `i` and follows it (a claim's first line, a passage). */
  goToLine(i: number): void {
    this.deps.lineFocus.move(i, false);
    this.deps.sync.resume(this.deps.lines.lineElement(i));
  }

  /** "Back to current line": follow again, and bring focus along when it was in the viewer. */
  backToNow(activeLine: number): void {
    const hadFocus = this.host.matches(':focus-within');
    this.deps.sync.resume();
    if (hadFocus && activeLine >= 0) this.deps.lineFocus.move(activeLine, true);
  }
}
