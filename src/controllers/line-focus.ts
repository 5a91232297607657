import type { LineList } from '../components/line-list.js';

const NAV_KEYS: Record<string, number | 'first' | 'last'> = {
  ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10, Home: 'first', End: 'last',
};

/**
 * Keyboard model of the line list: one tab stop (roving tabindex); Up/Down/PageUp/PageDown/
 * Home/End move between lines; Right/Left move between a line and the buttons of its row;
 * Enter/Space activate. Focus never scrolls the page: the list's own container scrolls.
 */
export class LineFocus {
  index = 0;

  constructor(
    private readonly lines: LineList,
    private readonly scroller: () => HTMLElement | null,
    private readonly callbacks: { onActivate(index: number): void; onNavigate(): void },
  ) {}

  /** Makes line `index` the tab stop, and focuses it when asked. */
  move(index: number, focus: boolean): void {
    const old = this.lines.lineElement(this.index);
    const next = this.lines.lineElement(index);
    if (!next) return;
    if (old && old !== next) old.setAttribute('tabindex', '-1');
    next.setAttribute('tabindex', '0');
    this.index = index;
    if (focus) this.focusElement(next);
  }

  /** After a render: exactly one line is in the tab order. */
  restore(): void {
    const last = this.lines.length - 1;
    if (last < 0) return;
    this.index = Math.min(this.index, last);
    this.lines.lineElement(this.index)?.setAttribute('tabindex', '0');
  }

  readonly onKeyDown = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement;
    // Keys inside an open annotation (links, buttons) are theirs, not the list's.
    if (target.closest('.annotation')) return;
    const index = this.lines.indexOf(target);
    if (index < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const onLine = target.classList.contains('line');
    if (onLine && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      this.callbacks.onActivate(index);
      return;
    }
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      const row = target.closest('.row');
      const controls = row ? [...row.querySelectorAll<HTMLElement>('.line, .row-actions button')] : [];
      const at = controls.indexOf(target);
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
    this.callbacks.onNavigate();
    this.move(next, true);
  };

  private focusElement(el: HTMLElement): void {
    el.focus({ preventScroll: true });
    const scroller = this.scroller();
    if (!scroller) return;
    const view = scroller.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    if (box.top < view.top) scroller.scrollTop -= view.top - box.top + 8;
    else if (box.bottom > view.bottom) scroller.scrollTop += box.bottom - view.bottom + 8;
  }
}
