/**
 * In-page half of the browser benchmark (`npm run bench`, driven by scripts/bench.mjs).
 * Bundled with esbuild (production Lit, tsconfig.json for the legacy decorators) and exposed as
 * `window.bench`. Every function measures one thing and returns plain numbers; the Node side
 * repeats runs, takes medians, reads heap/metrics through CDP and prints the table.
 */
import '../src/index.js';
import type { AnnotatedTranscript } from '../src/components/annotated-transcript.js';
import { parseTranscript, normaliseTranscriptData } from '../src/model/parse/index.js';
import { CueIndex } from '../src/model/cue-index.js';
import type { Cue, Transcript, Word } from '../src/model/types.js';

// ---------------------------------------------------------------------------------------------
// Synthetic transcripts (deterministic)

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Roughly Zipf-like: common words first, repeated so they are drawn more often.
const COMMON = 'the of and to a in that is was it for on with as he she be at by this had not are but from or have'.split(' ');
const RARE = (
  'harbour master ferry island water taxi boat board minutes notice spring summer winter months weeks line shut ' +
  'order council budget report witness evidence counsel hearing record statement question answer committee ' +
  'chair member motion vote public safety engine repair hull crew captain passenger ticket fare schedule ' +
  'morning evening weather storm wind tide dock pier crossing route mainland village school doctor market ' +
  'contract tender supplier delay cost estimate million pounds insurance inspection certificate survey ' +
  'document letter email meeting agenda decision appeal review policy plan option proposal alternative'
).split(' ');
const SPEAKERS = ['Chair', 'Witness', 'Counsel', 'Clerk', 'Member Okafor'];

export interface Sizes {
  cues: number;
  words: number;
}

const CUE_SECONDS = 4;

/** ≈ one cue per 4 s, 10–14 timed words each (≈12), a few speakers changing every few cues. */
export function generateCues(hours: number, seed = 1): Cue[] {
  const rand = prng(seed);
  const n = Math.round((hours * 3600) / CUE_SECONDS);
  const cues: Cue[] = new Array(n);
  let speaker = SPEAKERS[0]!;
  for (let i = 0; i < n; i++) {
    if (rand() < 0.25) speaker = SPEAKERS[Math.floor(rand() * SPEAKERS.length)]!;
    const start = i * CUE_SECONDS;
    const end = start + CUE_SECONDS - 0.2;
    const count = 10 + Math.floor(rand() * 5);
    const step = (end - start) / count;
    const words: Word[] = new Array(count);
    for (let w = 0; w < count; w++) {
      const pick = rand() < 0.45 ? COMMON[Math.floor(rand() * COMMON.length)]! : RARE[Math.floor(rand() * RARE.length)]!;
      const text = w === 0 ? pick[0]!.toUpperCase() + pick.slice(1) : w === count - 1 ? `${pick}.` : pick;
      const ws = Math.round((start + w * step) * 1000) / 1000;
      const we = Math.round((start + (w + 1) * step) * 1000) / 1000;
      words[w] = { start: ws, end: we, text };
    }
    cues[i] = { id: String(i + 1), start, end, text: words.map((w) => w.text).join(' '), speaker, words };
  }
  return cues;
}

function vttTime(t: number): string {
  const ms = Math.round(t * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const f = ms % 1000;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(f).padStart(3, '0')}`;
}

/** The same cues as WebVTT: `<v Speaker>` and an inline `<hh:mm:ss.ttt>` before every word but the first. */
export function toVTT(cues: readonly Cue[]): string {
  const out: string[] = ['WEBVTT', ''];
  for (const c of cues) {
    const words = c.words ?? [];
    let text = `<v ${c.speaker}>`;
    words.forEach((w, k) => {
      text += k === 0 ? w.text : ` <${vttTime(w.start)}>${w.text}`;
    });
    out.push(c.id, `${vttTime(c.start)} --> ${vttTime(c.end)}`, text, '');
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// A fake media element: the clock is whatever the benchmark sets.

export class FakeMedia extends EventTarget {
  currentTime = 0;
  duration = NaN;
  paused = true;
  readyState = 4;
  play(): Promise<void> {
    if (this.paused) {
      this.paused = false;
      this.dispatchEvent(new Event('play'));
    }
    return Promise.resolve();
  }
  pause(): void {
    if (!this.paused) {
      this.paused = true;
      this.dispatchEvent(new Event('pause'));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

const now = () => performance.now();
const raf = () => new Promise<number>((r) => requestAnimationFrame(() => r(now())));
/** Resolves after the current frame was rendered: a message posted from rAF runs after paint. */
function afterPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(now());
      ch.port2.postMessage(0);
    });
  });
}

interface State {
  cues: Cue[] | null;
  transcript: Transcript | null;
  el: AnnotatedTranscript | null;
  media: FakeMedia | null;
  hours: number;
  warnings: string[];
}
const state: State = { cues: null, transcript: null, el: null, media: null, hours: 0, warnings: [] };

const originalWarn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  state.warnings.push(args.map(String).join(' '));
  originalWarn(...args);
};

function countWords(cues: readonly Cue[]): number {
  let n = 0;
  for (const c of cues) n += c.words?.length ?? 0;
  return n;
}

function root(): ShadowRoot {
  const r = state.el?.shadowRoot;
  if (!r) throw new Error('no element');
  return r;
}

function scroller(): HTMLElement {
  const s = root().querySelector<HTMLElement>('.scroller');
  if (!s) throw new Error('no .scroller');
  return s;
}

function lineEl(i: number): HTMLElement | null {
  return root().querySelector<HTMLElement>(`.line[data-i="${i}"]`);
}

function inView(el: Element, box: HTMLElement): boolean {
  const a = el.getBoundingClientRect();
  const b = box.getBoundingClientRect();
  return a.bottom > b.top && a.top < b.bottom && b.height > 0;
}

// ---------------------------------------------------------------------------------------------
// Benchmarks

/** Generates (and keeps) the transcript data of `hours`; returns its size. */
function generate(hours: number): Sizes & { generateMs: number } {
  const t0 = now();
  const cues = generateCues(hours);
  state.cues = cues;
  state.transcript = { version: 1, lang: 'en', cues };
  state.hours = hours;
  return { cues: cues.length, words: countWords(cues), generateMs: now() - t0 };
}

let vttCache: { hours: number; text: string } | null = null;

/** 1. parseTranscript on the WebVTT text (with inline word timestamps) of `hours`. */
async function parse(hours: number) {
  if (vttCache?.hours !== hours) vttCache = { hours, text: toVTT(generateCues(hours)) };
  const text = vttCache.text;
  const t0 = now();
  const result = await parseTranscript(text, { url: 'bench.vtt' });
  const ms = now() - t0;
  const cues = result.transcript.cues;
  return { ms, bytes: text.length, cues: cues.length, words: countWords(cues), problems: result.problems.length, format: result.format };
}

/** The model part of setting `.transcript`: validation/normalisation and the cue index (no DOM). */
function modelCost() {
  const t0 = now();
  const r = normaliseTranscriptData(state.transcript!);
  const t1 = now();
  new CueIndex(r.transcript.cues);
  const t2 = now();
  return { normaliseMs: t1 - t0, indexMs: t2 - t1 };
}

/** Creates the element bound to a fake media (paused at 0), with no transcript yet. */
async function mount() {
  const media = new FakeMedia();
  media.duration = (state.cues?.at(-1)?.end ?? 0) + 1;
  const el = document.createElement('annotated-transcript') as AnnotatedTranscript;
  el.media = media;
  document.body.append(el);
  await el.updateComplete;
  state.el = el;
  state.media = media;
}

/**
 * 2. First render: `el.transcript = data` until `updateComplete` (Lit has built the DOM), until
 * the next frame starts (the element's first sync runs in between: its auto-scroll measures the
 * list, forcing style and layout of every line), and until that frame is painted.
 */
async function firstRender() {
  const el = state.el!;
  const t0 = now();
  el.transcript = state.transcript;
  await el.updateComplete;
  const tUpdate = now();
  const tRaf = await raf();
  const tPaint = await afterPaint();
  // Every line has a row (built in full near the viewport, light elsewhere).
  const lines = root().querySelectorAll('ol.lines > li').length;
  if (lines !== state.cues!.length) throw new Error(`first render: ${lines} rows in the DOM, expected ${state.cues!.length}`);
  return { updateMs: tUpdate - t0, firstRafMs: tRaf - t0, paintedMs: tPaint - t0, lines };
}

type Loaf = PerformanceEntry & {
  renderStart: number;
  styleAndLayoutStart: number;
  blockingDuration: number;
  scripts: (PerformanceEntry & { invoker: string; sourceFunctionName: string; forcedStyleAndLayoutDuration: number; invokerType: string })[];
};

/** Collects long-animation-frame entries (frames over 50 ms, with their scripts' forced style and layout). */
function observeLoaf(): { entries: Loaf[]; stop(): Loaf[] } {
  const entries: Loaf[] = [];
  let po: PerformanceObserver | null = null;
  try {
    po = new PerformanceObserver((list) => entries.push(...(list.getEntries() as Loaf[])));
    po.observe({ type: 'long-animation-frame', buffered: false });
  } catch {
    po = null;
  }
  return {
    entries,
    stop() {
      if (po) entries.push(...(po.takeRecords() as Loaf[]));
      po?.disconnect();
      return entries;
    },
  };
}

/** Totals over long animation frames: script, style+layout forced inside scripts, and the rendering step (style, layout, paint). */
function summariseLoaf(entries: Loaf[]) {
  let total = 0;
  let script = 0;
  let forced = 0;
  let render = 0;
  let styleLayout = 0;
  for (const e of entries) {
    total += e.duration;
    for (const s of e.scripts ?? []) {
      script += s.duration;
      forced += s.forcedStyleAndLayoutDuration ?? 0;
    }
    const end = e.startTime + e.duration;
    if (e.renderStart) render += end - e.renderStart;
    if (e.styleAndLayoutStart) styleLayout += end - e.styleAndLayoutStart;
  }
  return { count: entries.length, total, script, forced, render, styleLayout };
}

/** DOM size of the element's shadow root (and of the whole document). */
function domCount() {
  let nodes = 0;
  let elements = 0;
  let comments = 0;
  let texts = 0;
  const walker = document.createTreeWalker(root(), NodeFilter.SHOW_ALL);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes++;
    if (n.nodeType === 1) elements++;
    else if (n.nodeType === 8) comments++;
    else if (n.nodeType === 3) texts++;
  }
  const wordSpans = root().querySelectorAll('.word').length;
  return { nodes, elements, comments, texts, wordSpans, documentElements: document.getElementsByTagName('*').length };
}

/** Cost of one host re-render with nothing changed (what any state change — a search keystroke, pausing auto-scroll, an announcement — pays). */
async function rerender() {
  const el = state.el!;
  const t0 = now();
  el.requestUpdate();
  await el.updateComplete;
  return { ms: now() - t0 };
}

/** Moves the paused media to `time` and waits until the (smooth) scroll there has settled. */
async function position(time: number) {
  const media = state.media!;
  media.currentTime = time;
  media.dispatchEvent(new Event('timeupdate'));
  await afterPaint();
  await new Promise((r) => setTimeout(r, 600));
  await afterPaint();
}

/**
 * 3. Per-frame sync: plays the fake media from `startAt` for `count` frames, advancing
 * currentTime by 1/60 s per frame (and a `timeupdate` every 15 frames, as a real element does
 * at ~4 Hz). For each frame: the time spent in the element's rAF callbacks and media-event
 * handlers (`script`, includes any style/layout they force), the whole frame from our rAF to
 * after paint (`frame`: scripts + style + layout + paint), the shadow-root mutations, and
 * whether the scroller moved. Returns the per-frame rows; the driver pools and classifies them.
 */
async function frames(startAt: number, count: number, check = true) {
  const el = state.el!;
  const media = state.media!;
  const r = root();
  const box = scroller();
  let scriptMs = 0;
  const origRAF = window.requestAnimationFrame;
  let driver: FrameRequestCallback | null = null;
  window.requestAnimationFrame = (cb: FrameRequestCallback): number =>
    origRAF.call(window, (ts) => {
      if (cb === driver) return cb(ts);
      const t = now();
      try {
        cb(ts);
      } finally {
        scriptMs += now() - t;
      }
    });
  const mutations: MutationRecord[] = [];
  const mo = new MutationObserver((records) => mutations.push(...records));
  mo.observe(r, { attributes: true, childList: true, characterData: true, subtree: true });
  let cueChanges = 0;
  const onCue = () => cueChanges++;
  el.addEventListener('transcript-cue-change', onCue);

  await position(startAt);
  mo.takeRecords();
  mutations.length = 0;
  const loaf = observeLoaf();

  const rows: { script: number; frame: number; mutations: number; scrolled: boolean }[] = [];
  const attrs: Record<string, number> = {};
  const ch = new MessageChannel();
  let frameStart = 0;
  let lastTop = box.scrollTop;
  let done: () => void;
  const finished = new Promise<void>((r2) => (done = r2));
  ch.port1.onmessage = (e: MessageEvent<number>) => {
    const frame = now() - frameStart;
    mutations.push(...mo.takeRecords());
    for (const m of mutations) {
      const key = m.type === 'attributes' ? m.attributeName ?? '?' : m.type;
      attrs[key] = (attrs[key] ?? 0) + 1;
    }
    const top = box.scrollTop; // layout is clean after paint: no forced work
    rows.push({ script: scriptMs, frame, mutations: mutations.length, scrolled: top !== lastTop });
    lastTop = top;
    mutations.length = 0;
    if (e.data >= count - 1) done();
  };
  let i = 0;
  driver = () => {
    if (i >= count) return;
    origRAF.call(window, driver!);
    // The element's callbacks of the previous frame are done: start this frame's account.
    frameStart = now();
    scriptMs = 0;
    media.currentTime += 1 / 60;
    if (i % 15 === 14) {
      const t = now();
      media.dispatchEvent(new Event('timeupdate'));
      scriptMs += now() - t;
    }
    ch.port2.postMessage(i++);
  };
  origRAF.call(window, driver);
  // The element starts its own frame loop on `play`, after ours: each frame runs ours first.
  media.paused = false;
  media.dispatchEvent(new Event('play'));
  await finished;
  media.paused = true;
  media.dispatchEvent(new Event('pause'));
  window.requestAnimationFrame = origRAF;
  mo.disconnect();
  const long = summariseLoaf(loaf.stop());
  el.removeEventListener('transcript-cue-change', onCue);

  // Sanity: the line at the final time is marked and (once a smooth scroll ends) in view.
  // (Same rule as the element: 1 ms of tolerance; in the 0.2 s gap between cues nothing is active.)
  const t = media.currentTime + 0.001;
  const expected = Math.floor(t / CUE_SECONDS);
  const inGap = t - expected * CUE_SECONDS >= CUE_SECONDS - 0.2;
  await afterPaint();
  const line = lineEl(expected);
  const marked = !check || inGap || line?.getAttribute('aria-current') === 'true';
  if (check) await new Promise((r2) => setTimeout(r2, 800));
  const visible = !check || inGap || (!!line && inView(line, box));
  return { rows, attrs, cueChanges, long, marked, visible };
}

/**
 * 4. Seek while paused: `currentTime = far` + `timeupdate`, until the right line has
 * aria-current and is inside the scroller (reduced motion is emulated by the driver, so the
 * scroll is instant). `syncMs`: the element's synchronous handler (lookup, marks, scroll with
 * its forced layout); `visibleMs`: until a painted frame shows the line in view.
 */
async function seek(to: number) {
  const media = state.media!;
  const expected = Math.floor(to / CUE_SECONDS);
  const t0 = now();
  media.currentTime = to;
  media.dispatchEvent(new Event('timeupdate'));
  const syncMs = now() - t0;
  const deadline = t0 + 10_000;
  let line: HTMLElement | null = null;
  for (;;) {
    await raf();
    line = line ?? lineEl(expected);
    if (line?.getAttribute('aria-current') === 'true' && inView(line, scroller())) break;
    if (now() > deadline) throw new Error(`seek to ${to}: line ${expected} not marked and in view after 10 s`);
  }
  const tPaint = await new Promise<number>((r) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => r(now());
    ch.port2.postMessage(0);
  });
  return { syncMs, visibleMs: tPaint - t0 };
}

/**
 * 5. Search: set the search field's value and fire `input`, until "N of M" (or "No matches")
 * renders, then until painted. The first query of a list also builds the search index.
 */
async function search(query: string) {
  const el = state.el!;
  const input = root().querySelector<HTMLInputElement>('input[type="search"]');
  const count = root().querySelector<HTMLElement>('.search-count');
  if (!input || !count) throw new Error('no search field');
  const t0 = now();
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  const syncMs = now() - t0;
  const deadline = t0 + 20_000;
  let text = '';
  for (;;) {
    await el.updateComplete;
    text = root().querySelector('.search-count')?.textContent?.trim() ?? '';
    if (query.trim() === '' ? text === '' : /\d+\D+\d+|no match/i.test(text)) break;
    if (now() > deadline) throw new Error(`search "${query}": no count after 20 s (shows "${text}")`);
    await raf();
  }
  const tCount = now();
  const tPaint = await afterPaint();
  return { syncMs, countMs: tCount - t0, paintedMs: tPaint - t0, text };
}

/** Removes the element; the data stays. */
async function unmount() {
  state.el?.remove();
  state.el = null;
  state.media = null;
  await raf();
}

function dropData() {
  state.cues = null;
  state.transcript = null;
  vttCache = null;
}

function warnings() {
  const w = state.warnings.slice();
  state.warnings.length = 0;
  return w;
}

const bench = { generate, parse, modelCost, mount, firstRender, domCount, rerender, position, frames, seek, search, unmount, dropData, warnings };
(window as unknown as { bench: typeof bench }).bench = bench;
document.documentElement.dataset.benchReady = '1';
