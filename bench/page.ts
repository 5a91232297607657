/**
 * Contender "ours" of the browser benchmark (`npm run bench`, scripts/bench.mjs): the real
 * `<annotated-transcript>`, bundled with esbuild (production Lit, tsconfig.json for the legacy
 * decorators), given the WebVTT file by `src` and the media double by `.media`. The measures are
 * bench/harness.ts, the same code for the floor baseline (bench/floor.ts).
 *
 * Lines are reached as a reader (or a test) would: the list `ol.lines` has one `<li>` row per
 * line; a row built in full holds the line's `[part~="line"]` element (which carries
 * `aria-current="true"` when active, and its words `[part~="word"]`, the active one with
 * `active-word`); a row that is not built in full is itself the line's element.
 */
import '../src/index.js';
import type { AnnotatedTranscript } from '../src/components/annotated-transcript.js';
import { parseTranscript } from '../src/model/parse/index.js';
import { install, type ClockMedia } from './harness.js';

let el: AnnotatedTranscript | null = null;
let list: HTMLOListElement | null = null;

const shadow = (): ShadowRoot => {
  const r = el?.shadowRoot;
  if (!r) throw new Error('ours: no element');
  return r;
};

function rows(): HTMLCollection {
  list ??= shadow().querySelector<HTMLOListElement>('ol.lines');
  if (!list) throw new Error('ours: no ol.lines in the shadow root');
  return list.children;
}

function lineElement(i: number): HTMLElement | null {
  const row = rows()[i] as HTMLElement | undefined;
  if (!row) return null;
  return row.querySelector<HTMLElement>(':scope > [part~="line"]') ?? row;
}

install({
  name: 'ours',
  /** The element's own reader (what it runs on the file it fetched), alone. */
  async read(text: string) {
    return (await parseTranscript(text, { url: 'bench.vtt' })).transcript.cues.length;
  },
  async mount(media: ClockMedia) {
    el = document.createElement('annotated-transcript');
    el.media = media;
    document.body.append(el);
    await el.updateComplete;
  },
  start(url: string) {
    el!.src = url;
  },
  root: shadow,
  scroller() {
    const s = shadow().querySelector<HTMLElement>('.scroller');
    if (!s) throw new Error('ours: no .scroller');
    return s;
  },
  rows: () => rows().length,
  lineElement,
  isMarked(i: number) {
    return lineElement(i)?.getAttribute('aria-current') === 'true';
  },
  marked() {
    const r = shadow();
    const lines = [...r.querySelectorAll<HTMLElement>('ol.lines [aria-current="true"]')].map((e) => Number(e.closest('li')?.dataset.i ?? e.dataset.i ?? -1));
    const words = [...r.querySelectorAll<HTMLElement>('[part~="active-word"]')].map((w) => ({
      line: Number(w.closest('li')?.dataset.i ?? -1),
      word: Number(w.dataset.w ?? -1),
    }));
    return { lines, words };
  },
  kind(e: HTMLElement) {
    return e.matches('[part~="line"]') ? '[part~="line"] of a full row' : `light row ${e.localName}.${[...e.classList].join('.')}`;
  },
});
