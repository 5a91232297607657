/**
 * Line picking in the viewer while an annotation is being edited: clicks (and Enter/Space) on a
 * line choose it instead of seeking. Click chooses one line, Shift+click a range from the last
 * one chosen, Ctrl/Cmd+click adds or removes one. The editor's own mechanism: capture-phase
 * listeners on the viewer's host (composedPath finds the line's `data-i`), and one `<style>` in
 * the viewer's shadow root that outlines the chosen lines (a dashed outline, not only a colour).
 */
export interface PickMode {
  /** Extend from the last line chosen (Shift). */
  range: boolean;
  /** Add or remove one line (Ctrl/Cmd). */
  toggle: boolean;
}

export class LinePicker {
  private viewer: HTMLElement | null = null;
  private chosen = new Set<number>();
  private anchor = -1;
  private enabled = false;
  private style: HTMLStyleElement | null = null;

  constructor(private readonly changed: (indices: readonly number[], last: number) => void) {}

  /** The chosen lines (display indices), in order. */
  get indices(): number[] {
    return [...this.chosen].sort((a, b) => a - b);
  }

  /** Binds to a viewer (or none); listeners follow. */
  attach(viewer: HTMLElement | null): void {
    if (viewer === this.viewer) return;
    this.detach();
    this.viewer = viewer;
    viewer?.addEventListener('click', this.onClick, true);
    viewer?.addEventListener('keydown', this.onKeyDown, true);
    this.paint();
  }

  detach(): void {
    this.viewer?.removeEventListener('click', this.onClick, true);
    this.viewer?.removeEventListener('keydown', this.onKeyDown, true);
    this.style?.remove();
    this.style = null;
    this.viewer = null;
  }

  /** Picking on (an annotation is being edited) or off (clicks seek again). */
  setEnabled(on: boolean): void {
    this.enabled = on;
    this.paint();
  }

  /** Replaces the chosen lines (e.g. with the lines an annotation already links). */
  set(indices: readonly number[]): void {
    this.chosen = new Set(indices.filter((i) => Number.isInteger(i) && i >= 0));
    this.anchor = indices[0] ?? -1;
    this.paint();
  }

  pick(i: number, mode: PickMode): void {
    if (mode.range && this.anchor >= 0) {
      const [a, b] = this.anchor < i ? [this.anchor, i] : [i, this.anchor];
      if (!mode.toggle) this.chosen.clear();
      for (let k = a; k <= b; k++) this.chosen.add(k);
    } else if (mode.toggle) {
      if (this.chosen.has(i)) this.chosen.delete(i);
      else this.chosen.add(i);
      this.anchor = i;
    } else {
      this.chosen = new Set([i]);
      this.anchor = i;
    }
    this.paint();
    this.changed(this.indices, i);
  }

  private lineIndex(e: Event): number {
    for (const node of e.composedPath()) {
      if (node === this.viewer) break;
      // A full row's line, or a light row (long transcripts: one element, its data-i on the <li>).
      const row = node instanceof HTMLElement && (node.classList.contains('line') || (node.classList.contains('row') && node.classList.contains('light')));
      if (row && node.dataset.i !== undefined) return Number(node.dataset.i);
    }
    return -1;
  }

  private readonly onClick = (e: MouseEvent): void => {
    if (!this.enabled) return;
    const i = this.lineIndex(e);
    if (i < 0) return;
    e.stopPropagation();
    e.preventDefault();
    // As the viewer does: a click that ends selecting text in the transcript chooses nothing
    // (a selection elsewhere, such as the claim just made in the article, does not count).
    const root = this.viewer?.shadowRoot as (ShadowRoot & { getSelection?: () => Selection | null }) | null | undefined;
    const selection = root?.getSelection?.() ?? document.getSelection();
    const inside = (n: Node | null | undefined) => !!n && (!!root?.contains(n) || !!this.viewer?.contains(n));
    if (selection && !selection.isCollapsed && selection.toString().trim() && inside(selection.anchorNode)) return;
    this.pick(i, { range: e.shiftKey, toggle: e.ctrlKey || e.metaKey });
  };

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    if (!this.enabled || (e.key !== 'Enter' && e.key !== ' ')) return;
    const i = this.lineIndex(e);
    if (i < 0) return;
    e.stopPropagation();
    e.preventDefault();
    this.pick(i, { range: e.shiftKey, toggle: e.ctrlKey || e.metaKey });
  };

  private paint(): void {
    const root = this.viewer?.shadowRoot;
    if (!root) return;
    if (!this.style) {
      this.style = document.createElement('style');
      this.style.dataset.atEditor = 'picked-lines';
    }
    if (!this.style.isConnected) root.append(this.style);
    const selectors = this.enabled ? this.indices.map((i) => `.line[data-i="${i}"],.row.light[data-i="${i}"]`) : [];
    this.style.textContent = selectors.length
      ? `${selectors.join(',')}{outline:2px dashed var(--_accent,#0b57d0);outline-offset:-2px;background:color-mix(in srgb,var(--_accent,#0b57d0) 14%,transparent)}`
      : '';
  }
}
