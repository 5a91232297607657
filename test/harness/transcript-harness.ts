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

  /** Line i, built in full (in a long transcript only the rows near the viewport are). */
  line(i: number): HTMLElement {
    const line = this.root.querySelector<HTMLElement>(`.line[data-i="${i}"]`);
    if (!line) throw new Error(`no line ${i} built (${this.lines().length} lines built of ${this.rowCount()})`);
    return line;
  }

  /** Every row of the list, built in full or light (one per line). */
  rows(): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>('ol.lines > li')];
  }

  rowCount(): number {
    return this.root.querySelector('ol.lines')?.children.length ?? 0;
  }

  /** Rows built in full (with their line element, words and buttons). */
  fullRowCount(): number {
    return this.root.querySelectorAll('ol.lines > li:not(.light)').length;
  }

  /** Elements and text nodes under the element's shadow root. */
  nodeCount(): number {
    const walker = document.createTreeWalker(this.root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT | NodeFilter.SHOW_COMMENT);
    let n = 0;
    while (walker.nextNode()) n++;
    return n;
  }

  /** The index (data-i) of the line with aria-current, or -1. */
  activeLineIndex(): number {
    return Number(this.activeLine()?.getAttribute('data-i') ?? -1);
  }

  /** The index (data-i) of the focused line, or -1. */
  focusedLineIndex(): number {
    const focused = this.root.activeElement as HTMLElement | null;
    return focused?.classList.contains('line') ? Number(focused.getAttribute('data-i')) : -1;
  }

  /** Presses a key on the focused element of the list (as the keyboard would). */
  press(key: string, init: KeyboardEventInit = {}): void {
    const target = (this.root.activeElement as HTMLElement | null) ?? this.list();
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init }));
  }

  /** Whether an element is (at least partly) inside the scroller's visible box. */
  inView(el: Element): boolean {
    const view = this.scroller().getBoundingClientRect();
    const box = el.getBoundingClientRect();
    return box.bottom > view.top && box.top < view.bottom && box.height > 0;
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

  // --- loading, formats, bad input (added by the loading/bad-input/formats suites) ---

  /** Waits until the current load finished (the list is no longer busy) and the element rendered. */
  async loaded(timeout = 8000): Promise<void> {
    await this.el.updateComplete;
    const start = performance.now();
    while (this.listBusy()) {
      if (performance.now() - start > timeout) throw new Error('Timed out: transcript still loading');
      await new Promise((r) => setTimeout(r, 10));
    }
    await this.el.updateComplete;
  }

  /** The visible start time of each line ("0:05", "1:02:03"). */
  timestamps(): string[] {
    return this.lines().map((l) => l.querySelector('[part~="timestamp"]')?.textContent?.trim() ?? '');
  }

  /** The speaker label shown on each line, or null where none is shown (same speaker as before). */
  visibleSpeakers(): (string | null)[] {
    return this.lines().map((l) => l.querySelector('[part~="speaker"]')?.textContent?.trim() ?? null);
  }

  /** The text elements of the lines (where cue text is rendered). */
  textElements(): HTMLElement[] {
    return this.lines().map((l) => l.querySelector<HTMLElement>('[part~="text"]')!);
  }

  /** The text of the element's status region (role=status: loading and problem announcements). */
  statusAnnouncement(): string {
    return this.root.querySelector('[role="status"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  // ---- added for the accessibility, keyboard, auto-scroll, locale and word suites ----

  /** The list element holding the lines. */
  list(): HTMLElement {
    return this.root.querySelector<HTMLElement>('[part~="line"]')?.closest('ol, ul, [role="list"]') as HTMLElement
      ?? this.root.querySelector<HTMLElement>('[role="list"], ol, ul')!;
  }

  /** The list's accessible label (aria-label). */
  listLabel(): string | null {
    return this.list().getAttribute('aria-label');
  }

  /** Whether the list says it is busy loading. */
  listBusy(): boolean {
    return this.list().getAttribute('aria-busy') === 'true';
  }

  /**
   * The text a line's accessible name is computed from (role=button takes its name from its
   * content): all descendant text, visually hidden text included, `aria-hidden` subtrees and
   * `hidden`/`display:none` content excluded. Whitespace normalised.
   */
  accessibleText(i: number): string {
    const line = this.line(i);
    if (line.hasAttribute('aria-label')) return line.getAttribute('aria-label')!.replace(/\s+/g, ' ').trim();
    const parts: string[] = [];
    const walk = (node: Node): void => {
      if (node.nodeType === Node.TEXT_NODE) {
        parts.push(node.textContent ?? '');
        return;
      }
      if (!(node instanceof Element)) return;
      if (node.getAttribute('aria-hidden') === 'true' || node.hasAttribute('hidden')) return;
      if (getComputedStyle(node).display === 'none') return;
      const block = getComputedStyle(node).display !== 'inline';
      if (block) parts.push(' ');
      for (const child of node.childNodes) walk(child);
      if (block) parts.push(' ');
    };
    for (const child of line.childNodes) walk(child);
    return parts.join('').replace(/\s+/g, ' ').trim();
  }

  /** The visible timestamp of line i ("0:05"). */
  timestampText(i: number): string {
    return this.line(i).querySelector('[part~="timestamp"]')?.textContent?.trim() ?? '';
  }

  /** Every line carrying aria-current (there must be at most one). */
  currentLines(): HTMLElement[] {
    return this.lines().filter((l) => l.hasAttribute('aria-current'));
  }

  /** Every word carrying the active-word part (there must be at most one). */
  activeWords(): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>('[part~="active-word"]')];
  }

  /** [line, word] of the active word, or null. */
  activeWordPosition(): [number, number] | null {
    const w = this.activeWord();
    if (!w) return null;
    const line = w.closest<HTMLElement>('[part~="line"]');
    if (!line) return null;
    const li = this.lines().indexOf(line);
    return [li, this.words(li).indexOf(w)];
  }

  /** The element of word j of line i. */
  word(i: number, j: number): HTMLElement {
    const w = this.words(i)[j];
    if (!w) throw new Error(`no word ${j} in line ${i}`);
    return w;
  }

  /** The text element of line i (for mouse drags that select text). */
  lineTextElement(i: number): HTMLElement {
    return this.line(i).querySelector<HTMLElement>('[part~="text"]')!;
  }

  /** Where "now" is according to the back-to-now button: 'above', 'below', or null when it is not shown. */
  backToNowDirection(): 'above' | 'below' | null {
    const b = this.backToNow();
    if (!b) return null;
    return b.classList.contains('above') ? 'above' : 'below';
  }

  backToNowText(): string {
    return this.backToNow()?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  clickBackToNow(): void {
    const b = this.backToNow();
    if (!b) throw new Error('no back-to-now button');
    b.click();
  }

  /** Whether line i lies entirely inside the scroller's visible box. */
  isLineInView(i: number, slack = 1): boolean {
    const view = this.scroller().getBoundingClientRect();
    const box = this.line(i).getBoundingClientRect();
    return box.top >= view.top - slack && box.bottom <= view.bottom + slack;
  }

  /** Indices of the lines entirely visible in the scroller. */
  visibleLines(): number[] {
    return this.lines().map((_, i) => i).filter((i) => this.isLineInView(i));
  }

  /** The reader scrolls with the mouse wheel: a wheel event on the scroller, then the scroll itself. */
  wheel(deltaY: number, scrollTop?: number): void {
    const s = this.scroller();
    s.dispatchEvent(new WheelEvent('wheel', { deltaY, bubbles: true, composed: true, cancelable: true }));
    s.scrollTop = scrollTop ?? s.scrollTop + deltaY;
  }

  /** The reader touches the transcript (start of a touch scroll). */
  touch(i = 0): void {
    const target = this.lines()[i] ?? this.scroller();
    let event: Event;
    try {
      const t = new Touch({ identifier: 1, target, clientX: 10, clientY: 10 });
      event = new TouchEvent('touchstart', { bubbles: true, composed: true, cancelable: true, touches: [t], targetTouches: [t], changedTouches: [t] });
    } catch {
      event = new Event('touchstart', { bubbles: true, composed: true });
    }
    target.dispatchEvent(event);
  }

  /** Selects the first `length` characters of line i's text (programmatically) and presses the mouse there. */
  selectLineText(i: number, length = 8): Selection {
    const text = this.lineTextElement(i);
    const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    const first = walker.nextNode() as Text | null;
    if (!first) throw new Error(`line ${i} has no text`);
    const selection = document.getSelection()!;
    selection.setBaseAndExtent(first, 0, first, Math.min(length, first.length));
    return selection;
  }

  /** A primary-button pointerdown on line i (what starts a drag or a selection). */
  pointerDownOnLine(i: number): void {
    const [x, y] = [this.line(i).getBoundingClientRect().left + 5, this.line(i).getBoundingClientRect().top + 5];
    this.line(i).dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, button: 0, buttons: 1, clientX: x, clientY: y, pointerType: 'mouse', isPrimary: true }));
  }

  /** The problem box element, or null. */
  errorBox(): HTMLElement | null {
    return this.root.querySelector<HTMLElement>('[part~="error"]');
  }

  /** Text of the polite live region. */
  liveRegionText(): string {
    return this.root.querySelector('[aria-live="polite"], [role="status"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  // ---- added for the annotations, article and deep-link suites ----

  /** The row of line i: the line, its span bars, its buttons and the annotations opened under it. */
  row(i: number): HTMLElement {
    return this.line(i).parentElement!;
  }

  /** Every annotation toggle (part `marker`) in the list, in line order. */
  markers(): HTMLButtonElement[] {
    return [...this.root.querySelectorAll<HTMLButtonElement>('[part~="marker"]')];
  }

  /** The annotation toggles on line i. */
  markersOn(i: number): HTMLButtonElement[] {
    return [...this.row(i).querySelectorAll<HTMLButtonElement>('[part~="marker"]')];
  }

  /** The toggle of annotation `id`, or null when it has none (no lines). */
  marker(id: string): HTMLButtonElement | null {
    return this.markers().find((m) => m.dataset.annotation === id) ?? null;
  }

  /** The annotation ids of the markers, in line order. */
  markerIds(): string[] {
    return this.markers().map((m) => m.dataset.annotation ?? '');
  }

  /** Clicks the toggle of annotation `id`. */
  toggleAnnotation(id: string): void {
    const m = this.marker(id);
    if (!m) throw new Error(`no marker for annotation ${id}`);
    m.click();
  }

  /** The panel (part `annotation`) of annotation `id` when it is shown, else null. */
  annotationPanel(id: string): HTMLElement | null {
    return this.root.getElementById(`annotation-${id}`);
  }

  /** The panels shown under lines (not the lineless list). */
  openPanels(): HTMLElement[] {
    return [...this.list().querySelectorAll<HTMLElement>('[part~="annotation"]')];
  }

  /** The list of claims nothing in the recording supports, or null when there is none. */
  linelessSection(): HTMLElement | null {
    return this.root.querySelector<HTMLElement>('.lineless');
  }

  /** The panels of the lineless list. */
  linelessPanels(): HTMLElement[] {
    return [...(this.linelessSection()?.querySelectorAll<HTMLElement>('[part~="annotation"]') ?? [])];
  }

  /** The "Expand all annotations" / "Collapse all annotations" button, or null. */
  toggleAllButton(): HTMLButtonElement | null {
    return this.root.querySelector<HTMLButtonElement>('[part~="toolbar"] button.toggle-all');
  }

  /** Opens every annotation (with the toolbar button); no-op when the button offers to collapse. */
  openAnnotations(): void {
    const b = this.toggleAllButton();
    if (!b) throw new Error('no expand/collapse-all button');
    if (/expand/i.test(b.textContent ?? '')) b.click();
  }

  /** The span bars in the margin of line i. */
  spanBars(i: number): HTMLElement[] {
    return [...this.row(i).querySelectorAll<HTMLElement>('.gutter .bar')];
  }

  /** A button of an annotation's panel, by (part of) its text. */
  panelButton(id: string, text: string | RegExp): HTMLButtonElement | null {
    const buttons = [...(this.annotationPanel(id)?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    return buttons.find((b) => (typeof text === 'string' ? (b.textContent ?? '').includes(text) : text.test(b.textContent ?? ''))) ?? null;
  }

  /** The evidence map in the toolbar, or null. */
  evidenceMap(): (HTMLElement & { updateComplete: Promise<unknown> }) | null {
    return this.root.querySelector('[part~="toolbar"] at-evidence-map');
  }

  /** The marks (part `mark`) of the evidence map in the toolbar. */
  evidenceMarks(): HTMLButtonElement[] {
    return [...(this.evidenceMap()?.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part~="mark"]') ?? [])];
  }

  /** Text of the element's status region (role=status): announcements such as "Link copied.". */
  statusRegionText(): string {
    return this.root.querySelector('[role="status"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  /** The "copy link" button of line i. */
  copyLinkButton(i: number): HTMLButtonElement {
    const b = this.row(i).querySelector<HTMLButtonElement>('button.copy-link');
    if (!b) throw new Error(`no copy-link button on line ${i}`);
    return b;
  }

  /** Scrolls the transcript's own box so line i is in the middle (as a reader scrolling would, without a wheel event). */
  revealLine(i: number): void {
    const s = this.scroller();
    const view = s.getBoundingClientRect();
    const box = this.line(i).getBoundingClientRect();
    s.scrollTop += box.top - view.top - (view.height - box.height) / 2;
  }

  /** Whether word j of line i is entirely inside the scroller's visible box. */
  isWordInView(i: number, j: number, slack = 1): boolean {
    const view = this.scroller().getBoundingClientRect();
    const box = this.word(i, j).getBoundingClientRect();
    return box.top >= view.top - slack && box.bottom <= view.bottom + slack;
  }

  /** The focused element inside the shadow root, when it is not a line (a row button, a toolbar control…). */
  focusedControl(): HTMLElement | null {
    const focused = this.root.activeElement as HTMLElement | null;
    return focused && this.focusedIndex() < 0 ? focused : null;
  }

  /** The first focusable control of the element outside the line list (search field, toolbar button…), or null. */
  controlOutsideList(): HTMLElement | null {
    const list = this.list();
    const candidates = [...this.root.querySelectorAll<HTMLElement>('input, button, select, textarea, summary, a[href], [tabindex]')];
    return candidates.find((c) => !list.contains(c) && !(c as HTMLButtonElement).disabled && c.tabIndex >= 0 && c.getClientRects().length > 0) ?? null;
  }

  /** Index of the row (line) a focused row control sits in, or -1. */
  focusedControlRow(): number {
    const control = this.focusedControl();
    const row = control?.closest('li');
    const line = row?.querySelector<HTMLElement>('[part~="line"]');
    return line ? this.lines().indexOf(line) : -1;
  }

  // ---- added for the tracks, search, downloads and print suites ----

  /** The toolbar (part `toolbar`), or null when there are no lines. */
  toolbar(): HTMLElement | null {
    return this.root.querySelector<HTMLElement>('[part~="toolbar"]');
  }

  /** The "Translation" menu (part `track-select`), or null when there are no tracks. */
  trackSelect(): HTMLSelectElement | null {
    return this.root.querySelector<HTMLSelectElement>('[part~="track-select"]');
  }

  /** The options of the translation menu: value and visible label. */
  trackOptions(): { value: string; label: string; lang: string | null }[] {
    return [...(this.trackSelect()?.options ?? [])].map((o) => ({ value: o.value, label: o.textContent!.trim(), lang: o.getAttribute('lang') }));
  }

  /** The label of the option the translation menu shows as chosen. */
  chosenTrackLabel(): string | null {
    const s = this.trackSelect();
    return s ? (s.selectedOptions[0]?.textContent?.trim() ?? null) : null;
  }

  /** Chooses a track in the menu by its visible label, else by its value ('' is "None"), as a reader would: value, then `change`. */
  chooseTrack(label: string): void {
    const select = this.trackSelect();
    if (!select) throw new Error('no track menu');
    const option = [...select.options].find((o) => o.textContent!.trim() === label) ?? [...select.options].find((o) => o.value === label);
    if (!option) throw new Error(`no track option "${label}" (have: ${this.trackOptions().map((o) => o.label).join(', ')})`);
    select.value = option.value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /** The "side by side" checkbox (shown while a translation is chosen), or null. */
  sideBySideCheckbox(): HTMLInputElement | null {
    return this.toolbar()?.querySelector<HTMLInputElement>('label.track input[type="checkbox"]') ?? null;
  }

  /** The visible label text of the "side by side" checkbox. */
  sideBySideLabel(): string {
    return this.sideBySideCheckbox()?.closest('label')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  /** Clicks the "side by side" checkbox when its state differs from `checked`. */
  setSideBySide(checked: boolean): void {
    const box = this.sideBySideCheckbox();
    if (!box) throw new Error('no side-by-side checkbox');
    if (box.checked !== checked) box.click();
  }

  /** The translation shown on each line (part `translation`), or null where none is shown. */
  translationTexts(): (string | null)[] {
    return this.lines().map((l) => l.querySelector('[part~="translation"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? null);
  }

  /** The translation elements of the lines (null where none). */
  translationElements(): (HTMLElement | null)[] {
    return this.lines().map((l) => l.querySelector<HTMLElement>('[part~="translation"]'));
  }

  /** The original text shown on each line (part `text`), or null where it is not shown. */
  originalTexts(): (string | null)[] {
    return this.lines().map((l) => l.querySelector('[part~="text"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? null);
  }

  /** What each line shows as its text: the original and/or the translation, joined by " | ". */
  rowTexts(): string[] {
    const o = this.originalTexts();
    const t = this.translationTexts();
    return o.map((text, i) => [text, t[i]].filter((x) => x !== null).join(' | '));
  }

  /** The search field (part `search`). */
  searchField(): HTMLInputElement {
    const f = this.root.querySelector<HTMLInputElement>('[part~="search"]');
    if (!f) throw new Error('no search field');
    return f;
  }

  /** Types a whole query into the search field at once (value, then an `input` event). */
  setSearch(query: string): void {
    const f = this.searchField();
    f.value = query;
    f.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: query }));
  }

  /** The match count beside the search field ("2 of 5", "No matches", or ""). */
  searchCount(): string {
    return this.root.querySelector('#search-count')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  /** A toolbar button by its visible text or its accessible name. */
  toolbarButton(name: string): HTMLButtonElement | null {
    const buttons = [...(this.toolbar()?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    return buttons.find((b) => b.textContent!.replace(/\s+/g, ' ').trim() === name || b.getAttribute('aria-label') === name) ?? null;
  }

  /** The texts of the ranges of a CSS Custom Highlight that lie inside this element's shadow root, in document order. */
  highlightTexts(name: string): string[] {
    const h = CSS.highlights.get(name);
    if (!h) return [];
    const mine = [...h].filter((r): r is Range => r instanceof Range && this.root.contains(r.startContainer));
    mine.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return mine.map((r) => r.toString());
  }

  /** The line (index) that holds the range of a CSS Custom Highlight, for each range of this element. */
  highlightLines(name: string): number[] {
    const h = CSS.highlights.get(name);
    if (!h) return [];
    const lines = this.lines();
    const mine = [...h].filter((r): r is Range => r instanceof Range && this.root.contains(r.startContainer));
    mine.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return mine.map((r) => {
      const line = lines.find((l) => l.contains(r.startContainer));
      return line ? Number(line.getAttribute('data-i')) : -1;
    });
  }

  /** The downloads menu (a `<details>`) in the toolbar. */
  downloadsMenu(): HTMLDetailsElement {
    const d = this.toolbar()?.querySelector<HTMLDetailsElement>('details.downloads');
    if (!d) throw new Error('no downloads menu');
    return d;
  }
}
