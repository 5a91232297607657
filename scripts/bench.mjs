// Browser benchmark: `npm run bench`.
//
// Bundles bench/page.ts with esbuild (tsconfig.json → legacy decorators; production Lit), serves
// it from memory, and drives the system's headless Chromium with playwright-core. Synthetic
// transcripts of 1 h, 5 h and 20 h (one cue per 4 s, ~12 timed words each, a few speakers) are
// generated in the page from a fixed seed. Every figure is the median of BENCH_RUNS runs
// (default 5; each run in a fresh page), printed with min–max. Prints a markdown table and
// writes the same figures to bench/results.json. Exits non-zero on any page error.
//
// Environment: BENCH_RUNS (default 5), BENCH_FRAMES (playback frames per size, spread over the
// runs; default 600), BENCH_SIZES (hours, default 1,5,20), BENCH_BUDGET (seconds, default 285:
// later runs of a size are skipped, and marked n=, when they would not fit), BENCH_PROFILE=0 to
// skip the CPU-profile breakdown.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import os from 'node:os';
import { chromiumArgs } from './wtr-chromium.mjs';
import { ensureChrome } from './find-chrome.mjs';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
/** Samples per figure measured inside the full run's page (re-render, seeks, playback stretches, keystrokes). */
const SAMPLES = Math.max(5, RUNS);
const FRAMES = Math.max(60, Number(process.env.BENCH_FRAMES ?? 600));
const PROFILE = process.env.BENCH_PROFILE !== '0';
const BUDGET_S = Number(process.env.BENCH_BUDGET ?? 285);
/** Seconds kept for the parse runs at the end. */
const PARSE_RESERVE_S = 20;
const SIZES = (process.env.BENCH_SIZES ?? '1,5,20').split(',').map(Number).filter((h) => h > 0);
/** Sizes whose playback (per-frame) cost is measured: the smallest and the largest. */
const FRAME_SIZES = [...new Set([Math.min(...SIZES), Math.max(...SIZES)])];
const PARSE_HOURS = Math.max(...SIZES);
const SEEK_FRACTIONS = [0.95, 0.05, 0.9, 0.1, 0.8, 0.2, 0.85, 0.15, 0.75, 0.25];
/** Search: the first query of a list (builds the index), then keystrokes, then a very common word and clearing, alternately. */
const FIRST_QUERY = 'harbour';
const KEYSTROKES = ['harbour m', 'harbour ma', 'harbour mas', 'harbour mast', 'harbour master'];
const COMMON_QUERY = 'the';

const startedAt = Date.now();
const load0 = os.loadavg();
const watchdog = setTimeout(() => {
  console.error('bench: still running after 12 minutes, giving up');
  process.exit(2);
}, 12 * 60_000);
watchdog.unref();

// ---------------------------------------------------------------------------------------------
// Bundle and serve

const bundle = await build({
  entryPoints: { page: 'bench/page.ts' },
  bundle: true,
  format: 'esm',
  splitting: true,
  outdir: 'bench/.out', // not written: write=false
  write: false,
  tsconfig: 'tsconfig.json',
  target: 'es2022',
  platform: 'browser',
  logLevel: 'error',
});
const files = new Map(bundle.outputFiles.map((f) => [`/${basename(f.path)}`, f.contents]));
const indexHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>annotated-transcript bench</title>
<style>body { margin: 0; font: 16px/1.4 sans-serif; } annotated-transcript { margin: 8px; }</style></head>
<body><script type="module" src="/page.js"></script></body></html>`;
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(indexHtml);
  } else if (files.has(path)) {
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(files.get(path));
  } else res.writeHead(404).end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;

// ---------------------------------------------------------------------------------------------
// Helpers

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stat = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && !Number.isNaN(x));
  return { median: median(s), min: Math.min(...s), max: Math.max(...s), n: s.length, samples: s.map((x) => Math.round(x * 1000) / 1000) };
};
const MB = 1024 * 1024;

const errors = [];
const browser = await chromium.launch({ executablePath: ensureChrome(), args: [...chromiumArgs, '--enable-precise-memory-info'], headless: true });
const chromiumVersion = browser.version();

async function openPage(options = {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, ...options });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()} (${m.location()?.url ?? ''})`);
  });
  page.on('crash', () => errors.push('page crashed'));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.benchReady === '1', null, { timeout: 30_000 });
  return { page, cdp };
}

async function heap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const h = await cdp.send('Runtime.getHeapUsage');
  return { js: h.usedSize, embedder: h.embedderHeapUsedSize ?? NaN };
}

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** Self time per function (top n) of a CPU profile, each with its heaviest call path (callers). */
function topSelf(profile, n = 8) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const name = (node) => {
    const cf = node.callFrame;
    const file = cf.url ? basename(cf.url) : '';
    return `${cf.functionName || '(anonymous)'}${file ? ` ${file}:${cf.lineNumber + 1}` : ''}`;
  };
  const self = new Map();
  const paths = new Map(); // fn -> Map(path -> ms)
  const deltas = profile.timeDeltas ?? [];
  profile.samples.forEach((id, k) => {
    const node = byId.get(id);
    const key = name(node);
    const ms = (deltas[k + 1] ?? deltas[k] ?? 0) / 1000;
    self.set(key, (self.get(key) ?? 0) + ms);
    const chain = [];
    for (let p = parent.get(id); p !== undefined && chain.length < 4; p = parent.get(p)) {
      const pn = byId.get(p);
      if (pn.callFrame.functionName === '(root)') break;
      chain.push(pn.callFrame.functionName || '(anonymous)');
    }
    const m = paths.get(key) ?? new Map();
    const path = chain.join(' ← ');
    m.set(path, (m.get(path) ?? 0) + ms);
    paths.set(key, m);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return {
    totalMs: total,
    top: [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([fn, ms]) => ({
      fn,
      ms: Math.round(ms),
      share: Math.round((100 * ms) / total),
      via: [...(paths.get(fn) ?? new Map()).entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '',
    })),
  };
}

function check(cond, message) {
  if (!cond) throw new Error(message);
}

const pct = (xs, p) => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

// ---------------------------------------------------------------------------------------------
// Runs

const raw = {}; // raw[hours][metric] = one sample per run (or per seek)
const push = (h, key, value) => {
  raw[h] ??= {};
  (raw[h][key] ??= []).push(value);
};
const info = { sizes: {}, dom: {}, search: {}, mutationKinds: {}, frames: {}, truncated: [] };
const frameRows = {}; // frameRows[hours] = pooled per-frame rows of every run
const extra = { profile: null, warnings: [] };
const elapsed = () => (Date.now() - startedAt) / 1000;
const progress = (text) => process.stderr.write(`[bench ${elapsed().toFixed(0).padStart(3)} s] ${text}\n`);

const VERBOSE = process.env.BENCH_VERBOSE === '1';
let phaseT = 0;
const phase = (name) => {
  if (VERBOSE) progress(`  ${name} ${((Date.now() - phaseT) / 1000).toFixed(1)} s`);
  phaseT = Date.now();
};

/**
 * One run at `hours` in a fresh page: first render, heap, DOM and the first search query. The
 * `full` run of each size (one per size, in a page of its own) also measures, several samples
 * each: re-render, seeks, playback, search keystrokes, a common word and clearing.
 */
async function renderRun(hours, run, full) {
  phaseT = Date.now();
  // Reduced motion first (the seeks scroll instantly), switched off once before playback (smooth
  // scrolling, as most readers have it): each switch restyles every node, so only one.
  const { page, cdp } = await openPage({ reducedMotion: 'reduce' });
  phase('open page');
  try {
    const base = await heap(cdp);
    const size = await page.evaluate((h) => window.bench.generate(h), hours);
    info.sizes[hours] = size;
    const model = await page.evaluate(() => window.bench.modelCost());
    push(hours, 'modelNormaliseMs', model.normaliseMs);
    push(hours, 'modelIndexMs', model.indexMs);
    await page.evaluate(() => window.bench.mount());
    const withData = await heap(cdp);
    phase('generate, model, mount, heap');

    const m0 = await metrics(cdp);
    const fr = await page.evaluate(() => window.bench.firstRender());
    const m1 = await metrics(cdp);
    push(hours, 'renderUpdateMs', fr.updateMs);
    push(hours, 'renderFirstRafMs', fr.firstRafMs);
    push(hours, 'renderPaintedMs', fr.paintedMs);
    push(hours, 'renderStyleMs', (m1.RecalcStyleDuration - m0.RecalcStyleDuration) * 1000);
    push(hours, 'renderLayoutMs', (m1.LayoutDuration - m0.LayoutDuration) * 1000);
    phase('first render');
    const after = await heap(cdp);
    push(hours, 'dataHeapMB', (withData.js - base.js) / MB);
    push(hours, 'elementHeapMB', (after.js - withData.js) / MB);
    push(hours, 'elementDomHeapMB', (after.embedder - withData.embedder) / MB);
    push(hours, 'totalHeapMB', (after.js + (Number.isNaN(after.embedder) ? 0 : after.embedder)) / MB);
    if (!info.dom[hours]) info.dom[hours] = await page.evaluate(() => window.bench.domCount()); // deterministic: counted once
    phase('heap after render, DOM count');

    const search = async (name, q) => {
      const r = await page.evaluate((query) => window.bench.search(query), q);
      push(hours, `search_${name}_syncMs`, r.syncMs);
      push(hours, `search_${name}_countMs`, r.countMs);
      if (r.text) info.search[`${hours} h "${q}"`] = r.text;
    };

    if (full) {
      for (let k = 0; k < SAMPLES; k++) push(hours, 'rerenderMs', (await page.evaluate(() => window.bench.rerender())).ms);
      phase('re-render');

      // Seeks far across the transcript (paused; reduced motion, so the scroll is instant).
      for (let k = 0; k < SAMPLES; k++) {
        const frac = SEEK_FRACTIONS[k % SEEK_FRACTIONS.length];
        const to = Math.floor((hours * 3600 * frac) / 4) * 4 + 1;
        const r = await page.evaluate((t) => window.bench.seek(t), to);
        push(hours, 'seekSyncMs', r.syncMs);
        push(hours, 'seekVisibleMs', r.visibleMs);
      }
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      phase('seeks');

      if (FRAME_SIZES.includes(hours)) {
        // SAMPLES stretches of the middle, FRAMES frames in all.
        for (let k = 0; k < SAMPLES; k++) {
          const count = Math.ceil(FRAMES / SAMPLES);
          const start = hours * 3600 * 0.5 + 0.5 + k * 37;
          await page.evaluate((t) => window.bench.position(t), start); // also absorbs the restyle of the motion switch
          const f0 = await metrics(cdp);
          const f = await page.evaluate(([t, n, c]) => window.bench.frames(t, n, c), [start, count, k === SAMPLES - 1]); // sanity-checked once
          const f1 = await metrics(cdp);
          check(f.rows.length === count, `frames: measured ${f.rows.length} of ${count}`);
          check(f.marked && f.visible, `playback at ${hours} h: the line at the end is ${f.marked ? '' : 'not marked '}${f.visible ? '' : 'not in view'}`);
          (frameRows[hours] ??= []).push(...f.rows);
          const changing = f.rows.filter((x) => x.mutations > 0);
          push(hours, 'changeFrameMs', median(changing.map((x) => x.frame)));
          push(hours, 'changeScriptMs', median(changing.map((x) => x.script)));
          push(hours, 'idleFrameMs', median(f.rows.filter((x) => !x.mutations && !x.scrolled).map((x) => x.frame)));
          push(hours, 'scrollFrameMs', median(f.rows.filter((x) => !x.mutations && x.scrolled).map((x) => x.frame)));
          push(hours, 'framesStyleMsPerChange', ((f1.RecalcStyleDuration - f0.RecalcStyleDuration) * 1000) / Math.max(1, changing.length));
          push(hours, 'framesLayoutMsPerChange', ((f1.LayoutDuration - f0.LayoutDuration) * 1000) / Math.max(1, changing.length));
          push(hours, 'longFramesPer100', (100 * f.long.count) / count);
          push(hours, 'cueChanges', f.cueChanges);
          const kinds = (info.mutationKinds[hours] ??= {});
          for (const [key, v] of Object.entries(f.attrs)) kinds[key] = (kinds[key] ?? 0) + v;
        }
        phase('playback');
      }
    }

    await search('first', FIRST_QUERY);
    if (full) {
      for (const q of KEYSTROKES.slice(0, SAMPLES)) await search('phrase', q);
      for (let k = 0; k < SAMPLES; k++) {
        await search('clear', '');
        await search('common', COMMON_QUERY);
      }
    }
    phase('search');
    const w = await page.evaluate(() => window.bench.warnings());
    if (w.length) extra.warnings.push(...w.slice(0, 3).map((x) => `${hours} h: ${x}`));
  } finally {
    await page.close();
    phase('close');
  }
  if (errors.length) throw new Error(`page errors:\n${errors.join('\n')}`);
}

/** Parse at `hours` in a fresh page: the first parse of the page (cold code, as in real use). */
async function parseRun(hours) {
  const { page } = await openPage();
  try {
    const size = await page.evaluate((h) => window.bench.generate(h), hours);
    await page.evaluate(() => window.bench.dropData());
    const p = await page.evaluate((h) => window.bench.parse(h), hours);
    check(p.format === 'vtt' && p.cues === size.cues && p.words === size.words && p.problems === 0,
      `parse: got ${p.cues} cues / ${p.words} words / ${p.problems} problems (${p.format}), expected ${size.cues} / ${size.words} / 0`);
    push(hours, 'parseMs', p.ms);
    info.parseBytes = p.bytes;
  } finally {
    await page.close();
  }
  if (errors.length) throw new Error(`page errors:\n${errors.join('\n')}`);
}

/** One extra, profiled run: where the time of a first render, a re-render and a first search goes. */
async function profileRun(hours) {
  const { page, cdp } = await openPage();
  try {
    await page.evaluate((h) => window.bench.generate(h), hours);
    await page.evaluate(() => window.bench.mount());
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    const profiled = async (fn, arg) => {
      await cdp.send('Profiler.start');
      await page.evaluate(fn, arg);
      const { profile } = await cdp.send('Profiler.stop');
      return topSelf(profile);
    };
    extra.profile = {
      hours,
      firstRender: await profiled(() => window.bench.firstRender()),
      rerender: await profiled(() => window.bench.rerender()),
      firstSearch: await profiled((q) => window.bench.search(q), 'harbour'),
    };
  } finally {
    await page.close();
  }
  if (errors.length) throw new Error(`page errors:\n${errors.join('\n')}`);
}

try {
  // First a full run of each size (smallest first). Then more first-render runs, round robin
  // from the smallest size, each only when it still fits in the time budget (judged by the cost
  // of that size's previous first-render run), so the slow 20 h renders get what is left.
  const cost = {};
  for (const hours of SIZES) {
    progress(`${hours} h, run 1/${RUNS} (full)`);
    await renderRun(hours, 0, true);
  }
  for (let run = 1; run < RUNS; run++) {
    for (const hours of SIZES) {
      if (cost[hours] !== undefined && elapsed() + cost[hours] + PARSE_RESERVE_S > BUDGET_S) {
        if (!info.truncated.includes(hours)) info.truncated.push(hours);
        progress(`${hours} h, run ${run + 1}/${RUNS}: skipped (time budget ${BUDGET_S} s)`);
        continue;
      }
      if (cost[hours] === undefined && elapsed() + PARSE_RESERVE_S > BUDGET_S) {
        if (!info.truncated.includes(hours)) info.truncated.push(hours);
        continue;
      }
      progress(`${hours} h, run ${run + 1}/${RUNS}`);
      const t = Date.now();
      await renderRun(hours, run, false);
      cost[hours] = (Date.now() - t) / 1000;
    }
  }
  for (let run = 0; run < RUNS; run++) {
    progress(`parse ${PARSE_HOURS} h, run ${run + 1}/${RUNS}`);
    await parseRun(PARSE_HOURS);
  }
  const profileHours = Math.min(...SIZES); // the same shape as the larger sizes, at a fraction of the time
  if (PROFILE && elapsed() + 10 < BUDGET_S + 20) {
    progress(`${profileHours} h, CPU profile`);
    await profileRun(profileHours);
  }
} catch (err) {
  console.error(`bench failed: ${err instanceof Error ? err.stack ?? err.message : err}`);
  if (errors.length) console.error(errors.join('\n'));
  await browser.close();
  server.close();
  process.exit(1);
}
await browser.close();
server.close();

// ---------------------------------------------------------------------------------------------
// Report

const results = {};
for (const [h, m] of Object.entries(raw)) {
  results[h] = {};
  for (const [k, xs] of Object.entries(m)) results[h][k] = stat(xs);
}
const pooled = {};
for (const [h, rows] of Object.entries(frameRows)) {
  const script = rows.map((x) => x.script);
  const frame = rows.map((x) => x.frame);
  const changing = rows.filter((x) => x.mutations > 0);
  pooled[h] = {
    frames: rows.length,
    scriptP50: pct(script, 50), scriptP95: pct(script, 95), scriptMax: Math.max(...script),
    frameP50: pct(frame, 50), frameP95: pct(frame, 95), frameMax: Math.max(...frame),
    changingFrames: changing.length,
    changingFrameP50: pct(changing.map((x) => x.frame), 50),
    changingScriptP50: pct(changing.map((x) => x.script), 50),
    mutationsMax: Math.max(...rows.map((x) => x.mutations)),
    mutationsPerChangingFrame: mean(changing.map((x) => x.mutations)),
    scrolledFrames: rows.filter((x) => x.scrolled).length,
  };
}

const fmt = (v, digits) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '–';
  const d = digits ?? (Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2);
  return v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
};
const cell = (h, key, digits) => {
  const s = results[h]?.[key];
  if (!s || !s.n) return '';
  const n = s.n === RUNS ? '' : ` n=${s.n}`;
  return s.min === s.max ? `${fmt(s.median, digits)}${n}` : `**${fmt(s.median, digits)}** (${fmt(s.min, digits)}–${fmt(s.max, digits)})${n}`;
};

const cols = SIZES.map((h) => `${h} h`);
const lines = [];
const load1 = os.loadavg();
lines.push('## annotated-transcript browser benchmark');
lines.push('');
lines.push(`${new Date(startedAt).toISOString()} · Chromium ${chromiumVersion} headless · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'} · load average ${load0.map((x) => x.toFixed(1)).join(' ')} (start), ${load1.map((x) => x.toFixed(1)).join(' ')} (end) · ${Math.round(elapsed())} s.`);
lines.push(`Cells: **median** (min–max) of ${RUNS} samples (n= when another count). First render, heap and the first search query: one fresh page per run; when a size's next run would not fit the ${BUDGET_S} s budget it is skipped (n= shows it). Re-render, seek, playback and later search figures: ${SAMPLES} samples in the first run's page. Times in ms, heap in MB.`);
lines.push('');
lines.push(`| | ${cols.join(' | ')} |`);
lines.push(`|---|${cols.map(() => '---').join('|')}|`);
const row = (label, key, digits) => lines.push(`| ${label} | ${SIZES.map((h) => cell(h, key, digits)).join(' | ')} |`);
const text = (label, f) => lines.push(`| ${label} | ${SIZES.map((h) => f(h) ?? '').join(' | ')} |`);
const pooledCell = (h, keys, digits) => (pooled[h] ? keys.map((k) => fmt(pooled[h][k], digits)).join(' / ') : '');
text('cues / timed words', (h) => info.sizes[h] && `${info.sizes[h].cues.toLocaleString('en-US')} / ${info.sizes[h].words.toLocaleString('en-US')}`);
text('**1. parse** WebVTT + word timestamps (`parseTranscript`)', (h) => (h === PARSE_HOURS ? `${cell(h, 'parseMs')} (${(info.parseBytes / MB).toFixed(1)} MB)` : ''));
row('**2. first render**: `.transcript =` → `updateComplete`', 'renderUpdateMs');
row('… → next frame starts (the element\'s first sync forces style + layout)', 'renderFirstRafMs');
row('… → that frame painted: **lines on screen**', 'renderPaintedMs');
row('… style recalc (CDP)', 'renderStyleMs');
row('… layout (CDP)', 'renderLayoutMs');
row('… model only: normalise data', 'modelNormaliseMs');
row('… model only: build CueIndex', 'modelIndexMs');
text('DOM nodes in the shadow root (elements / Lit comments / text)', (h) => info.dom[h] && `${info.dom[h].nodes.toLocaleString('en-US')} (${info.dom[h].elements.toLocaleString('en-US')} / ${info.dom[h].comments.toLocaleString('en-US')} / ${info.dom[h].texts.toLocaleString('en-US')})`);
text('… per line', (h) => info.dom[h] && info.sizes[h] && `${fmt(info.dom[h].nodes / info.sizes[h].cues, 0)} nodes, ${fmt(info.dom[h].elements / info.sizes[h].cues, 0)} elements`);
row('JS heap after GC: transcript data', 'dataHeapMB', 1);
row('JS heap after GC: + element', 'elementHeapMB', 1);
row('DOM (Oilpan) heap after GC: + element', 'elementDomHeapMB', 1);
row('JS + DOM heap after GC: page total', 'totalHeapMB', 1);
row('re-render with nothing changed (`requestUpdate()`)', 'rerenderMs');
text(`**3. playback**: ${SAMPLES} stretches of ${Math.ceil(FRAMES / SAMPLES)} frames mid-transcript, pooled`, (h) => pooled[h] && `${pooled[h].frames} frames, ${pooled[h].changingFrames} changed the DOM`);
text('element script per frame p50 / p95 / max', (h) => pooledCell(h, ['scriptP50', 'scriptP95', 'scriptMax'], 2));
text('whole frame (rAF → after paint) p50 / p95 / max', (h) => pooledCell(h, ['frameP50', 'frameP95', 'frameMax'], 1));
row('frame where the active word/line changed: whole frame', 'changeFrameMs');
row('… element script in it', 'changeScriptMs');
row('… style recalc per such frame (CDP)', 'framesStyleMsPerChange');
row('… layout per such frame (CDP)', 'framesLayoutMsPerChange');
row('frame with only smooth-scroll motion: whole frame', 'scrollFrameMs');
row('idle frame (nothing changed): whole frame', 'idleFrameMs');
text('shadow-root mutations: max per frame / mean per changing frame', (h) => pooledCell(h, ['mutationsMax', 'mutationsPerChangingFrame'], 1));
text('… by kind (all runs)', (h) => info.mutationKinds[h] && Object.entries(info.mutationKinds[h]).map(([k, v]) => `${k} ${v}`).join(', '));
row('long animation frames (> 50 ms) per 100 frames', 'longFramesPer100', 1);
row('**4. seek** far, paused (reduced motion): handler', 'seekSyncMs');
row('… until the line is marked and in view, painted', 'seekVisibleMs');
row('**5. search** first query "harbour" (builds the index) → count shown', 'search_first_countMs');
row('… of which the synchronous input handler', 'search_first_syncMs');
row('next keystrokes "harbour m" … "harbour master" → count shown', 'search_phrase_countMs');
row('common word "the" → count shown', 'search_common_countMs');
row('clearing the query → rendered (auto-scroll resumes)', 'search_clear_countMs');
text('counts shown ("harbour" · "harbour master" · "the")', (h) => [FIRST_QUERY, KEYSTROKES.at(-1), COMMON_QUERY].map((q) => info.search[`${h} h "${q}"`]).filter(Boolean).join(' · '));
if (info.truncated.length) {
  lines.push('');
  lines.push(`Time budget: runs of ${info.truncated.map((h) => `${h} h`).join(', ')} were cut (BENCH_BUDGET=${BUDGET_S} s); see n= in the cells.`);
}
if (extra.profile) {
  lines.push('');
  lines.push(`CPU profile, one extra ${extra.profile.hours} h run, top self time ("(program)" is native work: style, layout, paint, DOM):`);
  for (const [name, p] of [['first render', extra.profile.firstRender], ['re-render', extra.profile.rerender], ['first search', extra.profile.firstSearch]]) {
    lines.push(`- ${name} (${fmt(p.totalMs, 0)} ms sampled): ${p.top.map((t) => `${t.fn} ${t.ms} ms (${t.share} %)${t.via ? ` ← ${t.via}` : ''}`).join('; ')}`);
  }
}
if (extra.warnings.length) {
  lines.push('');
  lines.push(`Console warnings from the element: ${extra.warnings.join(' | ')}`);
}
console.log(lines.join('\n'));

writeFileSync('bench/results.json', `${JSON.stringify({
  date: new Date(startedAt).toISOString(),
  durationSeconds: Math.round(elapsed()),
  chromium: chromiumVersion,
  node: process.version,
  machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGB: Math.round(os.totalmem() / 1024 ** 3), loadAverageStart: load0, loadAverageEnd: load1 },
  settings: { runs: RUNS, frames: FRAMES, budgetSeconds: BUDGET_S, sizesHours: SIZES, frameSizesHours: FRAME_SIZES, parseHours: PARSE_HOURS, seekFractions: SEEK_FRACTIONS, queries: { first: FIRST_QUERY, keystrokes: KEYSTROKES, common: COMMON_QUERY }, viewport: '1280x800', cueSeconds: 4 },
  units: 'ms for times, MB for heap',
  sizes: info.sizes,
  dom: info.dom,
  truncated: info.truncated,
  samplesInFullRun: SAMPLES,
  results,
  playbackPooled: pooled,
  mutationKinds: info.mutationKinds,
  searchCounts: info.search,
  profile: extra.profile,
  warnings: extra.warnings,
}, null, 2)}\n`);
progress('done; figures in bench/results.json');
