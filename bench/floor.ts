/**
 * The floor baseline of the browser benchmark: the simplest viewer that does the job, with no
 * framework. It fetches the WebVTT file, reads it with a minimal reader (only the shape the
 * benchmark generates: cue timings, `<v Speaker>`, an inline timestamp before each word), and
 * renders every word: one `<div class="line">` per line holding one `<span>` per word (the word
 * and its trailing space as its text), built with DOM APIs into a fragment and appended at once.
 * The active line and word are found by binary search over `Float64Array`s of starts; an update
 * toggles one class on the old and new line and word, and, when the line changed and left the
 * middle of the view, sets the container's `scrollTop` (a quarter from the top, as ours does).
 * A click on a line sets `currentTime` to its start (on a word: the word's start), then updates.
 *
 * It has none of what ours does besides (timestamps, speakers, focus and keyboard, screen-reader
 * names, windowing, annotations, search): it is the floor that ours is measured against.
 */
import { install, type ClockMedia } from './harness.js';
import { lastAtOrBefore } from './transcript.js';

function seconds(stamp: string): number {
  // hh:mm:ss.ttt or mm:ss.ttt
  const parts = stamp.split(':');
  let t = 0;
  for (const p of parts) t = t * 60 + Number(p);
  return t;
}

const TIMESTAMP = /<(\d+:\d\d:\d\d\.\d{3}|\d\d:\d\d\.\d{3})>/;

class FloorViewer {
  readonly container: HTMLDivElement;
  private lines: HTMLElement[] = [];
  private starts = new Float64Array(0);
  private wordStarts = new Float64Array(0);
  private firstWord = new Int32Array(1);
  private line = -1;
  private word = -1;

  constructor(private readonly media: ClockMedia) {
    this.container = document.createElement('div');
    this.container.className = 'floor';
    this.container.addEventListener('click', (e) => this.onClick(e));
    for (const type of ['timeupdate', 'seeked', 'play', 'pause']) media.addEventListener(type, () => this.update());
  }

  async load(url: string): Promise<void> {
    const text = await (await fetch(url)).text();
    this.build(text);
  }

  private build(text: string): void {
    const starts: number[] = [];
    const wordStarts: number[] = [];
    const firstWord: number[] = [];
    const frag = document.createDocumentFragment();
    const rows = text.split('\n');
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      const arrow = row.indexOf('-->');
      if (arrow < 0) continue;
      const start = seconds(row.slice(0, arrow).trim());
      const line = document.createElement('div');
      line.className = 'line';
      line.dataset.i = String(starts.length);
      starts.push(start);
      firstWord.push(wordStarts.length);
      // The cue text: every following row up to a blank one.
      for (r++; r < rows.length && rows[r] !== ''; r++) {
        const pieces = rows[r]!.replace(/<\/?v[^>]*>/g, '').split(TIMESTAMP);
        // pieces: text, stamp, text, stamp, text…
        for (let p = 0; p < pieces.length; p += 2) {
          const at = p === 0 ? start : seconds(pieces[p - 1]!);
          for (const w of pieces[p]!.split(' ')) {
            if (!w) continue;
            const span = document.createElement('span');
            span.textContent = `${w} `;
            line.append(span);
            wordStarts.push(at);
          }
        }
      }
      frag.append(line);
      this.lines.push(line);
    }
    firstWord.push(wordStarts.length);
    this.starts = Float64Array.from(starts);
    this.wordStarts = Float64Array.from(wordStarts);
    this.firstWord = Int32Array.from(firstWord);
    this.container.append(frag);
    this.update();
  }

  private update(): void {
    const t = this.media.currentTime;
    const line = lastAtOrBefore(this.starts, t);
    let word = -1;
    if (line >= 0) {
      const a = this.firstWord[line]!;
      const w = lastAtOrBefore(this.wordStarts, t, a, this.firstWord[line + 1]!);
      word = w >= a ? w - a : -1;
    }
    if (line === this.line && word === this.word) return;
    const lineChanged = line !== this.line;
    if (this.line >= 0) {
      if (lineChanged) this.lines[this.line]!.classList.remove('on');
      if (this.word >= 0) this.lines[this.line]!.children[this.word]!.classList.remove('on');
    }
    this.line = line;
    this.word = word;
    if (line < 0) return;
    const el = this.lines[line]!;
    if (lineChanged) el.classList.add('on');
    if (word >= 0) el.children[word]!.classList.add('on');
    if (lineChanged) {
      const box = this.container;
      const top = el.offsetTop - box.scrollTop;
      if (top < box.clientHeight * 0.1 || top + el.offsetHeight > box.clientHeight * 0.75) box.scrollTop = el.offsetTop - box.clientHeight / 4;
    }
  }

  private onClick(e: Event): void {
    const target = e.target as Element;
    const line = target.closest<HTMLElement>('.line');
    if (!line) return;
    const i = Number(line.dataset.i);
    const w = target === line ? -1 : Array.prototype.indexOf.call(line.children, target.closest('span'));
    this.media.currentTime = w >= 0 ? this.wordStarts[this.firstWord[i]! + w]! : this.starts[i]!;
    this.update();
  }

  lineElement(i: number): HTMLElement | null {
    return this.lines[i] ?? null;
  }

  get rowCount(): number {
    return this.lines.length;
  }
}

let viewer: FloorViewer | null = null;
const v = (): FloorViewer => {
  if (!viewer) throw new Error('floor: not mounted');
  return viewer;
};

install({
  name: 'floor',
  async mount(media: ClockMedia) {
    viewer = new FloorViewer(media);
    document.body.append(viewer.container);
  },
  start(url: string) {
    void v().load(url);
  },
  root: () => v().container,
  scroller: () => v().container,
  rows: () => v().rowCount,
  lineElement: (i) => v().lineElement(i),
  isMarked: (i) => v().lineElement(i)?.classList.contains('on') ?? false,
  marked() {
    const c = v().container;
    const lines = [...c.querySelectorAll<HTMLElement>('.line.on')].map((e) => Number(e.dataset.i));
    const words = [...c.querySelectorAll<HTMLElement>('span.on')].map((s) => ({
      line: Number((s.parentElement as HTMLElement).dataset.i),
      word: Array.prototype.indexOf.call(s.parentElement!.children, s),
    }));
    return { lines, words };
  },
  kind: () => 'div.line',
});
