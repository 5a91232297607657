/**
 * Lifecycle (issue 9, finding 10), in a real Chromium driven over CDP, with the one-file build
 * (vite.bundle.config.ts, built here from the current sources):
 *
 * 1. 1,000 attach/detach/move cycles of a fully loaded <annotated-transcript> (a playing <video>
 *    by `for`, the transcript by `src`, annotations by URL anchored in an article by `article`, a
 *    child <track> shown side by side, an open annotation, a search) leave nothing behind:
 *    DOM counters (nodes, documents, JS event listeners) and the JS heap, after garbage
 *    collection, are flat between a warm-up and the end; the listeners on the long-lived
 *    targets (window, document, both videos, both articles) are the same; no frame loop runs
 *    while the element is out of the document; and after the element is finally removed there is
 *    no `CSS.highlights` entry, no <at-claim-marker>, no pending requestAnimationFrame callback
 *    or timer, no observing MutationObserver, and the element itself is garbage-collected.
 * 2. An element moved (removed and re-inserted, or `moveBefore`) while its transcript,
 *    annotations and translation are loading still shows all of them.
 * 3. Rapid changes of `src`/`transcript`, `annotations`, `article`/`articleElement`,
 *    `for`/`media` and `tracks`, with moves, in seeded random orders and timings (the server
 *    delays each file at random), end with the latest values shown: the right lines, annotation
 *    markers and translation, claim markers in the right article only, and a line click seeks
 *    the right video; no problem, error or unhandled rejection on the way.
 *
 * The page's timers, frames and observers are counted by wrappers installed before any script
 * (INSTRUMENT); the test waits by polling from Node, so it adds no timer or frame of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build as viteBuild } from 'vite';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

import { ROOT, chromiumArgs, locateChrome } from './support.js';

const CHROME = locateChrome();
if (!CHROME) console.warn('[e2e] SKIPPED: no Chrome/Chromium found (set CHROME_PATH), so the lifecycle tests do not run.');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json',
  '.vtt': 'text/vtt; charset=utf-8', '.webm': 'video/webm', '.map': 'application/json',
};

/** Static files with byte ranges (the videos seek); `?delay=MS` holds the answer back that long. */
function serve(routes: Record<string, string>): Promise<{ server: Server; origin: string }> {
  const server = createHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname);
    const prefix = Object.keys(routes).filter((p) => path.startsWith(p)).sort((a, b) => b.length - a.length)[0];
    const dir = prefix === undefined ? undefined : routes[prefix]!;
    const file = dir ? resolve(dir, path.slice(prefix!.length) || 'index.html') : '';
    const answer = () => {
      if (!dir || !file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
      const size = statSync(file).size;
      const headers = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-store' };
      const m = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
      if (!m || (m[1] === '' && m[2] === '')) {
        res.writeHead(200, { ...headers, 'Content-Length': size });
        return void createReadStream(file).pipe(res);
      }
      const start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1]);
      const end = m[1] !== '' && m[2] !== '' ? Math.min(Number(m[2]), size - 1) : size - 1;
      if (start > end || start >= size) return void res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
      res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': end - start + 1 });
      createReadStream(file, { start, end }).pipe(res);
    };
    const delay = Number(url.searchParams.get('delay') ?? 0);
    if (delay > 0) setTimeout(answer, delay);
    else answer();
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

/**
 * Installed before any script of the page: counts pending timers and animation frames (with
 * where they were asked for), observing MutationObservers, errors, unhandled rejections and
 * `transcript-error` events. `__orig` keeps the unwrapped functions for the test's own waits.
 */
const INSTRUMENT = `(() => {
  const orig = {
    setTimeout: globalThis.setTimeout.bind(globalThis), clearTimeout: globalThis.clearTimeout.bind(globalThis),
    raf: globalThis.requestAnimationFrame.bind(globalThis), caf: globalThis.cancelAnimationFrame.bind(globalThis),
  };
  const probe = { timers: new Map(), frames: new Map(), framesRun: 0, observers: new Set(), errors: [], problems: [] };
  globalThis.__orig = orig;
  globalThis.__probe = probe;
  const where = () => (new Error().stack || '').split('\\n').slice(2, 6).map((s) => s.trim()).join(' < ');
  globalThis.setTimeout = function (fn, ms, ...args) {
    const id = orig.setTimeout(function () { probe.timers.delete(id); if (typeof fn === 'function') fn.apply(this, args); }, ms);
    probe.timers.set(id, where());
    return id;
  };
  globalThis.clearTimeout = function (id) { probe.timers.delete(id); orig.clearTimeout(id); };
  globalThis.requestAnimationFrame = function (fn) {
    const id = orig.raf((t) => { probe.frames.delete(id); probe.framesRun++; fn(t); });
    probe.frames.set(id, where());
    return id;
  };
  globalThis.cancelAnimationFrame = function (id) { probe.frames.delete(id); orig.caf(id); };
  const MO = globalThis.MutationObserver;
  globalThis.MutationObserver = class extends MO {
    observe(...a) { probe.observers.add(this); return super.observe(...a); }
    disconnect() { probe.observers.delete(this); return super.disconnect(); }
  };
  addEventListener('error', (e) => probe.errors.push('error: ' + e.message));
  addEventListener('unhandledrejection', (e) => probe.errors.push('unhandledrejection: ' + String((e.reason && e.reason.stack) || e.reason)));
  document.addEventListener('transcript-error', (e) => probe.problems.push(e.detail.kind + ': ' + e.detail.message), true);
})();`;

interface Probe {
  timers: Map<number, string>;
  frames: Map<number, string>;
  framesRun: number;
  observers: Set<MutationObserver>;
  errors: string[];
  problems: string[];
}
interface Orig {
  setTimeout(fn: () => void, ms: number): number;
}
type PageGlobals = typeof globalThis & { __probe: Probe; __orig: Orig; __el?: HTMLElement & Record<string, unknown>; __weak?: WeakRef<object> };

const TALK = [
  'Welcome to the test recording.',
  'This line is spoken by the second voice.',
  'The third line mentions a harbour and a ferry.',
  'Every line is followed by a short silence.',
  'Search for the word lighthouse to find this line.',
  'This is the last line of the test.',
];
const OTHER = ['Other one: the harbour is quiet.', 'Other two: the ferry is late.', 'Other three: the lamp is out.'];
const DATA = ['Data one.', 'Data two.', 'Data three.'];
const UK = [
  'Ласкаво просимо до тестового запису.',
  'Цей рядок говорить другий голос.',
  'Третій рядок згадує гавань і пором.',
  'Після кожного рядка коротка тиша.',
  'Шукайте слово «маяк», щоб знайти цей рядок.',
  'Це останній рядок тесту.',
];
const UK_DATA = ['Дані один.', 'Дані два.', 'Дані три.', 'Дані чотири.', 'Дані п’ять.', 'Дані шість.'];
const TIMES: [number, number][] = [[0.5, 2.167], [2.567, 4.832], [5.232, 7.624], [8.024, 10.243], [10.643, 13.183], [13.583, 15.185]];
const cuesOf = (texts: string[]) => texts.map((text, i) => ({ id: String(i + 1), start: TIMES[i]![0], end: TIMES[i]![1], text }));
const ANN2 = {
  version: 1,
  claims: [{ id: 'last', quote: { exact: 'the last line of the test' } }],
  annotations: [{ id: 'two-last', cues: ['2'], claims: ['last'], relation: 'context' }],
};
/** Annotation markers (annotation id, line index) and claims marked in the article, per annotation set. */
const MARKERS: Record<string, [string, number][]> = { ann1: [['one-harbour', 0], ['one-silence', 2]], ann2: [['two-last', 1]], none: [] };
const CLAIMS: Record<string, string[]> = { ann1: ['harbour', 'silence'], ann2: ['last'], none: [] };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` in the page from Node (no timer or frame in the page) until it is truthy. */
async function until<A>(page: Page, what: string, fn: (arg: A) => unknown, arg?: A, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    const last = await page.evaluate(fn as (arg: unknown) => unknown, arg as unknown);
    if (last) return;
    if (Date.now() > end) throw new Error(`Timed out: ${what}`);
    await sleep(25);
  }
}

/** Waits `ms` in the page with the unwrapped setTimeout. */
const pageSleep = (page: Page, ms: number) => page.evaluate((t) => new Promise<void>((r) => (globalThis as PageGlobals).__orig.setTimeout(r, t)), ms);

interface View {
  lines: string[];
  translations: string[];
  markers: [string, number][];
  claims: Record<string, string[]>;
  highlights: string[];
  problems: string[];
}

/** What the element shows now. */
function view(page: Page): Promise<View> {
  return page.evaluate(() => {
    const el = (globalThis as PageGlobals).__el!;
    const root = el.shadowRoot!;
    const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
    return {
      lines: [...root.querySelectorAll('[part~="line"] [part~="text"]')].map((t) => norm(t.textContent)),
      translations: [...root.querySelectorAll('[part~="line"] [part~="translation"]')].map((t) => norm(t.textContent)),
      markers: [...root.querySelectorAll<HTMLElement>('[part~="marker"][data-annotation]')].map(
        (b) => [b.dataset.annotation!, Number(b.closest('.row')!.querySelector('[part~="line"]')!.getAttribute('data-i'))] as [string, number],
      ),
      claims: Object.fromEntries(['art1', 'art2'].map((id) => [id, [...document.querySelectorAll(`#${id} at-claim-marker`)].map((m) => m.getAttribute('claim')!).sort()])),
      highlights: [...CSS.highlights].map(([name, h]) => `${name}:${h.size}`).sort(),
      problems: (el.problems as { kind: string; code: string }[]).map((p) => `${p.kind}/${p.code}`),
    };
  });
}

interface Snapshot {
  nodes: number;
  documents: number;
  jsEventListeners: number;
  heapUsed: number;
  /** Listener types on the long-lived targets. */
  listeners: Record<string, string[]>;
}

const TARGETS: Record<string, string> = {
  window: 'window',
  document: 'document',
  v1: 'document.getElementById("v1")',
  v2: 'document.getElementById("v2")',
  art1: 'document.getElementById("art1")',
  art2: 'document.getElementById("art2")',
};

/** DOM counters and heap after garbage collection, and the listeners on the long-lived targets. */
async function snapshot(page: Page, cdp: CDPSession): Promise<Snapshot> {
  await pageSleep(page, 50);
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const listeners: Record<string, string[]> = {};
  for (const [name, expression] of Object.entries(TARGETS)) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners: found } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    listeners[name] = found.map((l) => `${l.type}${l.useCapture ? ' (capture)' : ''}`).sort();
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId! });
  }
  return { nodes: dom.nodes, documents: dom.documents, jsEventListeners: dom.jsEventListeners, heapUsed: heap.usedSize, listeners };
}

/**
 * The shortest path from the GC roots to the removed element (marked with a `LeakMarker` object),
 * from a heap snapshot: what keeps it alive, one retainer per line.
 */
async function retainingPath(page: Page, cdp: CDPSession): Promise<string> {
  const marked = await page.evaluate(() => {
    const el = (globalThis as PageGlobals).__weak!.deref() as (Element & { __leak?: object }) | undefined;
    if (el) el.__leak = new (class LeakMarker {})();
    return !!el;
  });
  if (!marked) return '(collected meanwhile)';
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const heap = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; edge_fields: string[]; node_types: [string[]]; edge_types: [string[]] } };
    nodes: number[]; edges: number[]; strings: string[];
  };
  const { meta } = heap.snapshot;
  const NF = meta.node_fields.length;
  const EF = meta.edge_fields.length;
  const [nType, nName, nEdges] = ['type', 'name', 'edge_count'].map((f) => meta.node_fields.indexOf(f)) as [number, number, number];
  const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) => meta.edge_fields.indexOf(f)) as [number, number, number];
  const nodeTypes = meta.node_types[nType]! as unknown as string[];
  const edgeTypes = meta.edge_types[eType]! as unknown as string[];
  const { nodes, edges, strings } = heap;
  const count = nodes.length / NF;
  const firstEdge = new Int32Array(count + 1);
  for (let i = 0, e = 0; i < count; i++) {
    firstEdge[i] = e;
    e += nodes[i * NF + nEdges]! * EF;
    firstEdge[i + 1] = e;
  }
  const label = (i: number) => `${nodeTypes[nodes[i * NF + nType]!]}:${strings[nodes[i * NF + nName]!]}`.slice(0, 160);
  let target = -1;
  for (let i = 0; i < count && target < 0; i++) if (strings[nodes[i * NF + nName]!] === 'LeakMarker' && nodeTypes[nodes[i * NF + nType]!] === 'object') target = i;
  if (target < 0) return '(no marker in the snapshot)';
  const prev = new Int32Array(count).fill(-1);
  const via: string[] = [];
  prev[0] = 0;
  for (let queue = [0], q = 0; q < queue.length && prev[target] === -1; q++) {
    const i = queue[q]!;
    for (let e = firstEdge[i]!; e < firstEdge[i + 1]!; e += EF) {
      const type = edgeTypes[edges[e + eType]!];
      const to = edges[e + eTo]! / NF;
      if (type === 'weak' || type === 'shortcut' || prev[to] !== -1) continue;
      prev[to] = i;
      via[to] = type === 'element' || type === 'hidden' ? `[${edges[e + eName]}]` : String(strings[edges[e + eName]!]);
      queue.push(to);
    }
  }
  if (prev[target] === -1) return '(unreachable: garbage not yet collected)';
  const path: string[] = [];
  for (let i = target; i !== 0; i = prev[i]!) path.push(`${label(prev[i]!)} --${via[i]}--> ${label(i)}`);
  return path.reverse().join('\n');
}


describe.skipIf(!CHROME)('lifecycle', () => {
  let work: string;
  let site: { server: Server; origin: string };
  let browser: Browser;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'at-lifecycle-'));
    await viteBuild({ configFile: join(ROOT, 'vite.bundle.config.ts'), root: ROOT, logLevel: 'error', build: { outDir: join(work, 'bundle'), emptyOutDir: true } });
    site = await serve({
      '/bundle/': join(work, 'bundle'),
      '/media/': join(ROOT, 'test', 'fixtures', 'media'),
      '/csp/': join(ROOT, 'test', 'fixtures', 'csp'), // talk.uk.vtt, the translation track
      '/': join(ROOT, 'test', 'fixtures', 'lifecycle'),
    });
    browser = await chromium.launch({ executablePath: CHROME!, args: chromiumArgs });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => (site?.server ? site.server.close(r) : r(undefined)));
    if (work) rmSync(work, { recursive: true, force: true });
  }, 60_000);

  /** A fresh page with the instrumentation; `problems` collects page errors and console errors. */
  async function open(): Promise<{ page: Page; problems: string[]; requests: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(INSTRUMENT);
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
    });
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${site.origin}/index.html`, { waitUntil: 'load' });
    await until(page, 'the library loaded', () => document.documentElement.dataset.ready === 'true' && !!customElements.get('annotated-transcript'));
    await page.evaluate(() => localStorage.setItem('annotated-transcript:track-view', JSON.stringify({ lang: 'uk', view: 'both' })));
    return { page, problems, requests };
  }

  const probeErrors = (page: Page) => page.evaluate(() => ({ errors: (globalThis as PageGlobals).__probe.errors, problems: (globalThis as PageGlobals).__probe.problems }));

  describe('1,000 attach/detach/move cycles of a loaded, playing, annotated, translated, searched viewer', () => {
    let page: Page;
    let cdp: CDPSession;
    let problems: string[];
    /** What the cycles measured (filled in by beforeAll; each test below checks one part). */
    const r = {} as {
      framesWhileOut: number;
      baseline: Snapshot;
      before: Snapshot;
      half: Snapshot;
      after: Snapshot;
      gone: Snapshot;
      refetched: string[];
      still: View;
      followed: boolean;
      backToNow: boolean;
      framesRunAfterRemoval: number;
      left: { highlights: string[]; claimMarkers: number; frames: string[]; timers: string[]; observers: number };
      collected: boolean;
      retainers: string;
      errors: { errors: string[]; problems: string[] };
    };

    beforeAll(async () => {
      ({ page, problems } = await open());
      const requests: string[] = [];
      page.on('request', (q) => requests.push(new URL(q.url()).pathname));
      cdp = await page.context().newCDPSession(page);
      r.baseline = await snapshot(page, cdp);
      await page.evaluate(() => {
        const el = document.createElement('annotated-transcript');
        el.setAttribute('for', 'v1');
        el.setAttribute('src', '/media/talk.vtt');
        el.setAttribute('annotations', '/ann1.json');
        el.setAttribute('article', 'art1');
        el.style.setProperty('--at-max-height', '10em'); // short enough to scroll
        const track = document.createElement('track');
        track.setAttribute('src', '/csp/talk.uk.vtt');
        track.setAttribute('srclang', 'uk');
        track.setAttribute('label', 'Українська');
        el.append(track);
        document.getElementById('home-a')!.append(el);
        const g = globalThis as PageGlobals;
        g.__el = el as unknown as PageGlobals['__el'];
        g.__weak = new WeakRef(el);
      });
      await until(page, 'loaded: 6 translations, 2 claim markers, 2 annotation markers', () => {
        const root = (globalThis as PageGlobals).__el!.shadowRoot!;
        return root.querySelectorAll('[part~="translation"]').length === 6 && document.querySelectorAll('#art1 at-claim-marker').length === 2
          && root.querySelectorAll('[part~="marker"]').length === 2;
      });
      // State worth keeping across moves: an open annotation, a search with highlights, the video playing.
      await page.evaluate(async () => {
        const root = (globalThis as PageGlobals).__el!.shadowRoot!;
        root.querySelector<HTMLElement>('[part~="marker"][data-annotation="one-harbour"]')!.click();
        const input = root.querySelector<HTMLInputElement>('[part~="search"]')!;
        input.value = 'line';
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
        await document.querySelector<HTMLVideoElement>('#v1')!.play();
      });
      await until(page, 'search highlights', () => (CSS.highlights.get('at-search')?.size ?? 0) >= 5);

      /** Cycles in the page: remove and re-insert a task later, move to the other home, `moveBefore`, remove and re-insert at once. */
      const cycles = (n: number, seed: number) => page.evaluate(async ({ n, seed }) => {
        const el = (globalThis as PageGlobals).__el!;
        const probe = (globalThis as PageGlobals).__probe;
        const a = document.getElementById('home-a')!;
        const b = document.getElementById('home-b')!;
        let s = seed >>> 0;
        const rnd = () => {
          s = (s + 0x6d2b79f5) >>> 0;
          let t = s;
          t = Math.imul(t ^ (t >>> 15), t | 1);
          t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
          return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
        };
        const channel = new MessageChannel();
        const tick = () => new Promise<void>((done) => {
          channel.port1.onmessage = () => done();
          channel.port2.postMessage(0);
        });
        let framesWhileOut = 0;
        for (let i = 0; i < n; i++) {
          const other = (el.parentElement === a ? b : a) as HTMLElement & { moveBefore?(node: Node, child: Node | null): void };
          const kind = Math.floor(rnd() * 4);
          if (kind === 0) {
            el.remove();
            framesWhileOut += probe.frames.size;
            await tick();
            framesWhileOut += probe.frames.size;
            other.append(el);
          } else if (kind === 1) {
            other.append(el);
          } else if (kind === 2 && other.moveBefore) {
            other.moveBefore(el, null);
          } else {
            el.remove();
            framesWhileOut += probe.frames.size;
            other.append(el);
          }
          await tick();
        }
        channel.port1.close();
        return framesWhileOut;
      }, { n, seed });

      // A warm-up, then 2 × 500 cycles. The heap grows a little at first whatever the code (compiled
      // code, caches) and less and less: a leak grows as much in the second half as in the first.
      r.framesWhileOut = await cycles(200, 1);
      await pageSleep(page, 300);
      r.before = await snapshot(page, cdp);
      const requestsBefore = requests.length;
      r.framesWhileOut += await cycles(500, 2);
      await pageSleep(page, 300);
      r.half = await snapshot(page, cdp);
      r.framesWhileOut += await cycles(500, 3);
      await pageSleep(page, 300);
      r.after = await snapshot(page, cdp);
      r.refetched = requests.slice(requestsBefore).filter((path) => !path.endsWith('.webm'));
      const kb = (b: number) => (b / 1024).toFixed(0);
      console.log(`[lifecycle] 1,000 cycles: DOM nodes ${r.before.nodes} → ${r.half.nodes} → ${r.after.nodes}, JS listeners ${r.before.jsEventListeners} → ${r.half.jsEventListeners} → ${r.after.jsEventListeners}, documents ${r.before.documents} → ${r.after.documents}, JS heap ${kb(r.before.heapUsed)} → ${kb(r.half.heapUsed)} → ${kb(r.after.heapUsed)} KB, ${r.refetched.length} files fetched again`);

      // Still whole, still following the playing video.
      r.still = await view(page);
      const active = () => page.evaluate(() => (globalThis as PageGlobals).__el!.shadowRoot!.querySelector('[part~="line"][aria-current="true"]')?.getAttribute('data-i') ?? null);
      const first = await active();
      r.followed = await until(page, 'the active line follows the playing video', (was) => {
        const line = (globalThis as PageGlobals).__el!.shadowRoot!.querySelector('[part~="line"][aria-current="true"]')?.getAttribute('data-i') ?? null;
        return line !== null && line !== was;
      }, first, 5000).then(() => true, () => false);
      // Auto-scroll is paused (by the search): scrolled away from the line being spoken, "back to current
      // line" appears and points to it — below, then above (a direction stuck from before would be wrong once).
      const pointsTo = async (time: number, line: number, scrollTo: 'top' | 'bottom', direction: string) => {
        await page.evaluate((t) => {
          const video = document.querySelector<HTMLVideoElement>('#v1')!;
          video.pause();
          video.currentTime = t;
        }, time);
        await until(page, `line ${line} active`, (i) => (globalThis as PageGlobals).__el!.shadowRoot!.querySelector('[part~="line"][aria-current="true"]')?.getAttribute('data-i') === String(i), line, 5000);
        await page.evaluate((to) => {
          const scroller = (globalThis as PageGlobals).__el!.shadowRoot!.querySelector<HTMLElement>('[part~="scroller"]')!;
          scroller.scrollTop = to === 'top' ? 0 : scroller.scrollHeight;
        }, scrollTo);
        return until(page, `"back to current line (${direction})"`, (d) => !!(globalThis as PageGlobals).__el!.shadowRoot!.querySelector(`[part~="back-to-now"].${d}`), direction, 5000).then(() => true, () => false);
      };
      r.backToNow = (await pointsTo(14, 5, 'top', 'below')) && (await pointsTo(1, 0, 'bottom', 'above'));
      await page.evaluate(() => document.querySelector<HTMLVideoElement>('#v1')!.play());

      // Finally removed: nothing of it stays.
      r.framesRunAfterRemoval = await page.evaluate(async () => {
        const g = globalThis as PageGlobals;
        g.__el!.remove();
        await new Promise<void>((done) => g.__orig.setTimeout(done, 100));
        const runBefore = g.__probe.framesRun;
        await new Promise<void>((done) => g.__orig.setTimeout(done, 200));
        return g.__probe.framesRun - runBefore;
      });
      r.left = await page.evaluate(() => {
        const probe = (globalThis as PageGlobals).__probe;
        return {
          highlights: [...CSS.highlights.keys()],
          claimMarkers: document.querySelectorAll('at-claim-marker').length,
          frames: [...probe.frames.values()],
          timers: [...probe.timers.values()],
          observers: probe.observers.size,
        };
      });
      await page.evaluate(() => {
        (globalThis as PageGlobals).__el = undefined;
        document.querySelector<HTMLVideoElement>('#v1')!.pause();
      });
      r.gone = await snapshot(page, cdp);
      r.collected = await page.evaluate(() => (globalThis as PageGlobals).__weak!.deref() === undefined);
      r.retainers = r.collected ? '' : await retainingPath(page, cdp);
      console.log(`[lifecycle] removed: DOM nodes ${r.baseline.nodes} (before it was made) → ${r.gone.nodes}, JS listeners ${r.baseline.jsEventListeners} → ${r.gone.jsEventListeners}; ${r.collected ? 'garbage-collected' : `kept alive by:\n${r.retainers}`}`);
      r.errors = await probeErrors(page);
    }, 120_000);

    afterAll(async () => {
      await cdp?.detach().catch(() => undefined);
      await page?.context().close();
    });

    it('no animation frame is pending while the element is out of the document', () => {
      expect(r.framesWhileOut).toBe(0);
    });

    it('DOM nodes, documents, JS event listeners and the JS heap are flat over the 1,000 cycles; so are the listeners on window, document, the videos and the articles', () => {
      expect(r.after.listeners).toEqual(r.before.listeners);
      expect(r.after.documents).toBe(r.before.documents);
      expect(Math.abs(r.after.jsEventListeners - r.before.jsEventListeners), 'JS event listeners').toBeLessThanOrEqual(5);
      // 1,000 cycles: a node, listener or ~130 bytes kept per cycle would show.
      expect(Math.abs(r.after.nodes - r.before.nodes), 'DOM nodes (the article\'s text nodes multiplied with every re-marking before the fix)').toBeLessThanOrEqual(50);
      expect(r.after.heapUsed - r.before.heapUsed, 'JS heap growth over the 1,000 cycles (bytes)').toBeLessThan(512 * 1024);
      expect(r.after.heapUsed - r.half.heapUsed, 'JS heap growth over the second 500 cycles (bytes)').toBeLessThan(96 * 1024);
    });

    it('after the cycles it is whole: lines, translation, claims in the article, annotation markers; it follows the playing video', () => {
      expect(r.still.lines).toEqual(TALK);
      expect(r.still.translations).toEqual(UK);
      expect(r.still.claims).toEqual({ art1: ['harbour', 'silence'], art2: [] });
      expect(r.still.markers).toEqual(MARKERS.ann1);
      expect(r.still.highlights.filter((h) => h.startsWith('at-claim-'))).toEqual(['at-claim-contradicts:1', 'at-claim-supports:1']);
      expect(r.followed, 'the active line changes while the video plays').toBe(true);
    });

    // Before SearchController.hostConnected the highlights went on disconnect and came back only with a re-render.
    it('after the cycles the search highlights are still painted', () => {
      expect(r.still.highlights.filter((h) => /^at-search(-current)?:[1-9]/.test(h)), `highlights: ${r.still.highlights.join(', ')}`).toHaveLength(2);
    });

    // Before the fix, a move while a direction frame was pending left its id behind: no direction was computed again.
    it('after the cycles "back to current line" still appears, pointing the right way, when the reader scrolls away', () => {
      expect(r.backToNow).toBe(true);
    });

    it('the moves fetch no file again', () => {
      expect(r.refetched).toEqual([]);
    });

    it('finally removed: no claim marker, animation frame, timer or observer left; listeners as before it was made; garbage-collected', () => {
      expect(r.framesRunAfterRemoval, 'animation frame callbacks run after the removal').toBe(0);
      expect(r.left.frames, 'pending animation frames').toEqual([]);
      expect(r.left.timers, 'pending timers').toEqual([]);
      expect(r.left.observers, 'observing MutationObservers').toBe(0);
      expect(r.left.claimMarkers, '<at-claim-marker> elements left in the page').toBe(0);
      expect(r.left.highlights.filter((h) => h.startsWith('at-claim-')), 'claim highlights left').toEqual([]);
      expect(r.gone.listeners, 'listeners on the long-lived targets').toEqual(r.baseline.listeners);
      // Chromium's autofill keeps the last form control it saw change (here the track <select>) until
      // that control's parent changes; inside a removed shadow tree it never does. That is the only
      // retainer allowed; any other path fails.
      if (!r.collected) expect(r.retainers, 'what keeps the removed element alive').toMatch(/^[^\n]*\(GC roots\)[\s\S]*WebFormElementObserver/);
      else expect(Math.abs(r.gone.jsEventListeners - r.baseline.jsEventListeners), 'JS event listeners, as before the element was made').toBeLessThanOrEqual(5);
      expect(r.errors).toEqual({ errors: [], problems: [] });
      expect(problems).toEqual([]);
    });

    it('finally removed: no CSS.highlights entry left (at-search, at-search-current)', () => {
      expect(r.left.highlights).toEqual([]);
    });
  });

  for (const trackFrom of ['a child <track>', 'the tracks property'] as const) {
    for (const move of ['removed, re-inserted a task later', 'moveBefore', 'removed, re-inserted after the files came']) {
      it(`moved during a pending load (${move}; translation from ${trackFrom}): transcript, annotations, claims and translation all shown`, async () => {
        const { page, problems } = await open();
        try {
          await page.evaluate(({ child }) => {
            const el = document.createElement('annotated-transcript') as HTMLElement & { tracks: unknown };
            el.setAttribute('for', 'v1');
            el.setAttribute('src', '/media/talk.vtt?delay=300');
            el.setAttribute('annotations', '/ann1.json?delay=300');
            el.setAttribute('article', 'art1');
            if (child) {
              const track = document.createElement('track');
              track.setAttribute('src', '/csp/talk.uk.vtt?delay=300');
              track.setAttribute('srclang', 'uk');
              track.setAttribute('label', 'Українська');
              el.append(track);
            } else {
              el.tracks = [{ src: '/csp/talk.uk.vtt?delay=300', lang: 'uk', label: 'Українська' }];
            }
            document.getElementById('home-a')!.append(el);
            (globalThis as PageGlobals).__el = el as unknown as PageGlobals['__el'];
          }, { child: trackFrom === 'a child <track>' });
          await pageSleep(page, 100);
          await page.evaluate(async (how) => {
            const g = globalThis as PageGlobals;
            const el = g.__el!;
            const b = document.getElementById('home-b')! as HTMLElement & { moveBefore?(node: Node, child: Node | null): void };
            if (how === 'moveBefore' && b.moveBefore) return b.moveBefore(el, null);
            el.remove();
            await new Promise<void>((r) => g.__orig.setTimeout(r, how === 'moveBefore' ? 0 : how.includes('after the files') ? 600 : 0));
            b.append(el);
          }, move);
          await until(page, 'everything shown after the move', async () => {
            const root = (globalThis as PageGlobals).__el!.shadowRoot!;
            return root.querySelectorAll('[part~="translation"]').length === 6 && root.querySelectorAll('[part~="marker"]').length === 2
              && document.querySelectorAll('#art1 at-claim-marker').length === 2;
          }, undefined, 3000).catch(() => undefined);
          const shown = await view(page);
          expect({ lines: shown.lines, translations: shown.translations, markers: shown.markers, claims: shown.claims }).toEqual({
            lines: TALK, translations: UK, markers: MARKERS.ann1, claims: { art1: ['harbour', 'silence'], art2: [] },
          });
          expect(shown.problems).toEqual([]);
          expect(await probeErrors(page)).toEqual({ errors: [], problems: [] });
          expect(problems).toEqual([]);
        } finally {
          await page.context().close();
        }
      }, 30_000);
    }
  }

  // Seed 42 sets a translation track and moves the element while it loads (the tracks bug above).
  for (const seed of [7, 42, 2024]) {
    it(`rapid changes in a random order (seed ${seed}) end with the latest values shown, bound to the latest media`, async () => {
      const { page, problems } = await open();
      try {
        const { want, log } = await page.evaluate(async ({ seed, ops, data }) => {
          const g = globalThis as PageGlobals;
          let s = seed >>> 0;
          const rnd = () => {
            s = (s + 0x6d2b79f5) >>> 0;
            let t = s;
            t = Math.imul(t ^ (t >>> 15), t | 1);
            t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
            return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
          };
          const pick = <T,>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
          const $ = (id: string) => document.getElementById(id)!;
          const delay = () => Math.floor(rnd() * 120);
          const channel = new MessageChannel();
          const tick = () => new Promise<void>((r) => {
            channel.port1.onmessage = () => r();
            channel.port2.postMessage(0);
          });
          type El = HTMLElement & { src: string | null; transcript: unknown; annotationsSrc: string | null; annotations: unknown; articleElement: Element | null; media: unknown; tracks: unknown };
          const el = document.createElement('annotated-transcript') as unknown as El;
          const given = { for: 'v1', media: null as HTMLElement | null, article: 'art1', articleElement: null as Element | null };
          const want = { transcript: 'talk', annotations: 'ann1', article: 'art1', media: 'v1', tracks: 'none' };
          el.setAttribute('for', 'v1');
          el.src = '/media/talk.vtt';
          el.annotationsSrc = '/ann1.json';
          el.setAttribute('article', 'art1');
          $('home-a').append(el);
          g.__el = el as unknown as PageGlobals['__el'];
          const steps: Record<string, () => Promise<string> | string> = {
            src: () => {
              const v = pick(['talk', 'other', 'data'] as const);
              if (v === 'data') el.transcript = data.transcript;
              else el.src = v === 'talk' ? `/media/talk.vtt?delay=${delay()}` : `/other.vtt?delay=${delay()}`;
              want.transcript = v;
              return `src ${v}`;
            },
            annotations: () => {
              const v = pick(['ann1', 'ann2', 'data', 'none'] as const);
              if (v === 'data') el.annotations = data.ann2;
              else if (v === 'none') el.annotations = null;
              else el.annotationsSrc = `/${v}.json?delay=${delay()}`;
              want.annotations = v === 'data' ? 'ann2' : v;
              return `annotations ${v}`;
            },
            article: () => {
              const v = pick(['art1', 'art2', 'element art1', 'element art2', 'element none'] as const);
              if (v.startsWith('element')) {
                given.articleElement = v === 'element none' ? null : $(v.slice(8));
                el.articleElement = given.articleElement;
              } else {
                given.article = v;
                el.setAttribute('article', v);
              }
              want.article = given.articleElement?.id ?? given.article;
              return `article ${v}`;
            },
            media: () => {
              const v = pick(['v1', 'v2', 'element v1', 'element v2', 'element none'] as const);
              if (v.startsWith('element')) {
                given.media = v === 'element none' ? null : $(v.slice(8));
                el.media = given.media;
              } else {
                given.for = v;
                el.setAttribute('for', v);
              }
              want.media = given.media?.id ?? given.for;
              return `media ${v}`;
            },
            tracks: () => {
              const v = pick(['none', 'uk', 'uk data'] as const);
              el.tracks = v === 'none' ? [] : v === 'uk' ? [{ src: `/csp/talk.uk.vtt?delay=${delay()}`, lang: 'uk', label: 'Українська' }] : [{ transcript: data.uk, lang: 'uk', label: 'Українська (дані)' }];
              want.tracks = v;
              return `tracks ${v}`;
            },
            move: async () => {
              const other = (el.parentElement === $('home-a') ? $('home-b') : $('home-a')) as HTMLElement & { moveBefore?(node: Node, child: Node | null): void };
              const how = pick(['append', 'moveBefore', 'remove, a task, append'] as const);
              if (how === 'moveBefore' && other.moveBefore) other.moveBefore(el, null);
              else if (how === 'remove, a task, append') {
                el.remove();
                await tick();
                other.append(el);
              } else other.append(el);
              return `move ${how}`;
            },
          };
          const names = Object.keys(steps);
          const log: string[] = [];
          for (let i = 0; i < ops; i++) {
            log.push(await steps[pick(names)]!());
            const wait = pick(['none', 'microtask', 'task', 'timer'] as const);
            if (wait === 'microtask') await Promise.resolve();
            else if (wait === 'task') await tick();
            else if (wait === 'timer') await new Promise<void>((r) => g.__orig.setTimeout(r, Math.floor(rnd() * 40)));
          }
          channel.port1.close();
          return { want, log };
        }, {
          seed, ops: 40,
          data: { transcript: { lang: 'en', cues: cuesOf(DATA) }, ann2: ANN2, uk: { lang: 'uk', cues: cuesOf(UK_DATA) } },
        });
        const lines = want.transcript === 'talk' ? TALK : want.transcript === 'other' ? OTHER : DATA;
        const expected = {
          lines,
          translations: want.tracks === 'none' ? [] : (want.tracks === 'uk' ? UK : UK_DATA).slice(0, lines.length),
          markers: MARKERS[want.annotations],
          claims: { art1: want.article === 'art1' ? CLAIMS[want.annotations] : [], art2: want.article === 'art2' ? CLAIMS[want.annotations] : [] },
          problems: [],
        };
        const shown = () => view(page).then(({ lines, translations, markers, claims, problems }) => ({ lines, translations, markers, claims, problems }));
        const end = Date.now() + 3000;
        let last = await shown();
        while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < end) {
          await sleep(50);
          last = await shown();
        }
        expect(last, `after: ${log.join('; ')}`).toEqual(expected);

        // A click on line 2 seeks the latest media, and only it.
        const seek = await page.evaluate(async (_media) => {
          const g = globalThis as PageGlobals;
          const videos = ['v1', 'v2'].map((id) => document.getElementById(id) as HTMLVideoElement);
          for (const v of videos) if (v.readyState < 1) await new Promise((r) => v.addEventListener('loadedmetadata', r, { once: true }));
          for (const v of videos) v.currentTime = 14;
          await new Promise<void>((r) => g.__orig.setTimeout(r, 100));
          g.__el!.shadowRoot!.querySelector<HTMLElement>('[part~="line"][data-i="1"] [part~="timestamp"]')!.click();
          await new Promise<void>((r) => g.__orig.setTimeout(r, 200));
          return Object.fromEntries(videos.map((v) => [v.id, Math.round(v.currentTime * 1000) / 1000])) as Record<string, number>;
        }, want.media);
        expect(seek, `a line click seeks ${want.media} (after: ${log.join('; ')})`).toEqual({ v1: want.media === 'v1' ? 2.567 : 14, v2: want.media === 'v2' ? 2.567 : 14 });
        expect(await probeErrors(page)).toEqual({ errors: [], problems: [] });
        expect(problems).toEqual([]);
      } finally {
        await page.context().close();
      }
    }, 30_000);
  }
});
