import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Subscribable } from './emitter.js';
import type { LineElements } from './line-elements.js';
import type { TranscriptController } from './transcript.js';

const NAV_KEYS: Record<string, number | 'first' | 'last'> = {
  ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10, Home: 'first', End: 'last',
};

export interface LineFocusActions {
  /** Enter or Space on a line. */
  activate(index: number): void;
  /** The reader moved through the list with the keyboard. */
  navigated(): void;
}

/**
 * Keyboard model of the line list: one tab stop (roving tabindex) that follows the line being
 * spoken unless the reader is working in the list; Up/Down/PageUp/PageDown/Home/End move between
 * lines; Right/Left move between a line and the buttons of its row; Enter/Space activate. Focus
 * never scrolls the page: the list's own container scrolls.
 */
export class LineFocus implements ReactiveController {
  /** The line that is the list's tab stop. */
  index = 0;

  constructor(
    host: ReactiveControllerHost,
    private readonly lines: LineElements,
    private readonly actions: LineFocusActions,
    sources: { transcript: TranscriptController; active: { readonly lineChanged: Subscribable<number> } },
  ) {
    host.addController(this);
    sources.transcript.changed.add(() => (this.index = 0));
    // Tab into the list lands on the current line, unless the reader is working in the list.
    sources.active.lineChanged.add((index) => {
      if (index >= 0 && !this.lines.hasFocus()) this.move(index, false);
    });
  }

  /** After a render: exactly one line is in the tab order. */
  hostUpdated(): void {
    const last = this.lines.length - 1;
    if (last < 0) return;
    this.index = Math.min(this.index, last);
    this.lines.lineElement(this.index)?.setAttribute('tabindex', '0');
  }

  /** Makes line `index` the tab stop, and focuses it when asked. */
  move(index: number, focus: boolean): void {
    const old = this.lines.renderedLine(this.index);
    const next = this.lines.lineElement(index);
    if (!next) return;
    if (old && old !== next) old.setAttribute('tabindex', '-1');
    next.setAttribute('tabindex', '0');
    this.index = index;
    if (focus) this.focusElement(next);
  }

  readonly onKeyDown = (event: KeyboardEvent): void => {
    // Keys inside an open annotation (links, buttons) are theirs, not the list's.
    const index = this.lines.rowOf(event.target);
    if (index < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const onLine = this.lines.lineElement(index) === event.target;
    if (onLine && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      this.actions.activate(index);
      return;
    }
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      const controls = this.lines.rowControls(index);
      const at = controls.indexOf(event.target as HTMLElement);
      const next = controls[at + (event.key === 'ArrowRight' ? 1 : -1)];
      if (at >= 0 && next) {
        event.preventDefault();
        this.focusElement(next);
      }
      return;
    }
    const step = NAV_KEYS[event.key];
    if (step === undefined || (!onLine && (event.key === 'Home' || event.key === 'End'))) return;
    event.preventDefault();
    const last = this.lines.length - 1;
    const next = step === 'first' ? 0 : step === 'last' ? last : Math.max(0, Math.min(last, index + step));
    this.actions.navigated();
    this.move(next, true);
  };

  private focusElement(el: HTMLElement): void {
    el.focus({ preventScroll: true });
    const scroller = this.lines.scroller();
    if (!scroller) return;
    const view = scroller.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    if (box.top < view.top) scroller.scrollTop -= view.top - box.top + 8;
    else if (box.bottom > view.bottom) scroller.scrollTop += box.bottom - view.bottom + 8;
  }
}
