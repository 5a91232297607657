import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';

/**
 * Speaks user actions to an <annotated-transcript>. Only the harness knows the shadow markup.
 */
export class TranscriptHarness {
  constructor(readonly el: AnnotatedTranscript) {}

  get root(): ShadowRoot {
    return this.el.shadowRoot!;
  }

  async ready(): Promise<void> {
    await this.el.updateComplete;
  }

  lines(): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>('[part~="line"]')];
  }

  line(i: number): HTMLElement {
    const line = this.lines()[i];
    if (!line) throw new Error(`no line ${i} (there are ${this.lines().length})`);
    return line;
  }

  lineTexts(): string[] {
    return this.lines().map((l) => l.querySelector('[part~="text"]')!.textContent!.replace(/\s+/g, ' ').trim());
  }

  activeLine(): HTMLElement | null {
    return this.root.querySelector<HTMLElement>('[part~="line"][aria-current="true"]');
  }

  activeIndex(): number {
    const active = this.activeLine();
    return active ? this.lines().indexOf(active) : -1;
  }

  currentLineText(): string | null {
    return this.activeLine()?.querySelector('[part~="text"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
  }

  activeWord(): HTMLElement | null {
    return this.root.querySelector<HTMLElement>('[part~="active-word"]');
  }

  words(i: number): HTMLElement[] {
    return [...this.line(i).querySelectorAll<HTMLElement>('[part~="word"]')];
  }

  /** Clicks line i (as a mouse user would). */
  activateLine(i: number): void {
    this.line(i).click();
  }

  clickWord(line: number, word: number): void {
    const w = this.words(line)[word];
    if (!w) throw new Error(`no word ${word} in line ${line}`);
    w.click();
  }

  /** The element with tabindex=0 (the one tab stop of the list). */
  tabStop(): HTMLElement | null {
    const stops = this.lines().filter((l) => l.getAttribute('tabindex') === '0');
    if (stops.length > 1) throw new Error(`${stops.length} tab stops in the list`);
    return stops[0] ?? null;
  }

  focusedIndex(): number {
    const focused = this.root.activeElement;
    return focused ? this.lines().indexOf(focused as HTMLElement) : -1;
  }

  scroller(): HTMLElement {
    return this.root.querySelector<HTMLElement>('.scroller')!;
  }

  backToNow(): HTMLButtonElement | null {
    return this.root.querySelector<HTMLButtonElement>('[part~="back-to-now"]');
  }

  /** The problem messages shown to the reader. */
  problems(): string[] {
    const box = this.root.querySelector('[part~="error"]');
    if (!box) return [];
    const items = [...box.querySelectorAll('li')];
    return (items.length ? items : [box]).map((e) => e.textContent!.replace(/\s+/g, ' ').trim());
  }

  statusText(): string {
    return this.root.querySelector('.status')?.textContent?.trim() ?? '';
  }
}
