// Doubling benchmark of the model's entry points: `npm run bench:inputs`.
//
// Bundles bench/inputs.ts (the input families) with esbuild (tsconfig.json) into a temporary
// module and runs it in Node. Each family is timed at n and at 2n (median of BENCH_RUNS runs,
// default 5, at least 7 when a run at n takes under 100 ms; each on a freshly generated input
// after a GC); the table shows t(2n)/t(n), and the same ratio of the fastest runs. Linear work
// gives about 2, n log n a little more; the script exits non-zero when a ratio is above
// BENCH_RATIO (default 2.5; both ratios must be, as other jobs on a shared machine can slow one
// sample but seldom the fastest of five), when a run takes more than BENCH_SLOW_MS (default 5000: the
// family stops there), or when a family that must yield (anchorQuotesAsync) held the thread
// longer than BENCH_BLOCK_MS (default 50) at a time (the smaller of the wall-clock and CPU
// time between two 1 ms timer ticks, see timeOnce). Families whose runs take under
// BENCH_MIN_MS (default 15) at n repeat the run to measure; the ratio is still per run.
//
// Each family runs in its own worker thread (a warm-up run, then n and 2n alternately), ended
// after BENCH_TIMEOUT_MS (default 60000: the family fails), so that an input that is still
// quadratic cannot hang the run.
//
// BENCH_INPUTS_SMOKE=1: one run per family at a small size, checking the outputs (results right,
// caps held), not the times: for CI. BENCH_INPUTS_ONLY=text: only the families whose name
// contains the text.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const SMOKE = process.env.BENCH_INPUTS_SMOKE === '1';
const ONLY = process.env.BENCH_INPUTS_ONLY ?? '';
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const MAX_RATIO = Number(process.env.BENCH_RATIO ?? 2.5);
const SLOW_MS = Number(process.env.BENCH_SLOW_MS ?? 5000);
const BLOCK_MS = Number(process.env.BENCH_BLOCK_MS ?? 50);
const MIN_MS = Number(process.env.BENCH_MIN_MS ?? 15);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 60_000);
/** Families faster than this at n get at least 7 rounds. */
const QUICK_MS = 100;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const size = (input) => {
  if (typeof input === 'string') return input.length;
  try {
    return JSON.stringify(input, (_k, v) => (ArrayBuffer.isView(v) ? undefined : v))?.length ?? NaN;
  } catch {
    return NaN; // nested past JSON.stringify's depth
  }
};
const human = (chars) => (Number.isNaN(chars) ? '—' : chars >= 1e6 ? `${(chars / 1e6).toFixed(1)} M` : chars >= 1e3 ? `${Math.round(chars / 1e3)} K` : String(chars));

/**
 * Runs the family once on `input`: milliseconds, and (for families that must yield) the longest
 * stretch without a timer tick. A stretch counts the smaller of its wall-clock and CPU time, so
 * that a shared machine taking the core away does not count as the code holding it (the CPU
 * time, process-wide, includes the compiler's and the GC's threads: an upper bound otherwise).
 */
async function timeOnce(family, input) {
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let block = 0;
  let lastWall = performance.now();
  let lastCpu = cpu();
  const tick = () => {
    const wall = performance.now();
    const c = cpu();
    block = Math.max(block, Math.min(wall - lastWall, c - lastCpu));
    lastWall = wall;
    lastCpu = c;
  };
  const beat = family.yields ? setInterval(tick, 1) : null;
  const t0 = performance.now();
  lastWall = t0;
  lastCpu = cpu();
  const out = await family.run(input);
  const ms = performance.now() - t0;
  if (beat) {
    clearInterval(beat);
    tick();
  }
  return { ms, block, out };
}

/**
 * One timed sample at size n: a fresh input, a GC, then the run (`reps` times on that input
 * for runs too short to time alone — no family that caches is that short — averaged).
 */
async function sample(family, n, reps) {
  const input = family.make(n);
  const chars = family.size ? family.size(input) : size(input);
  gc();
  let total = 0;
  let block = 0;
  for (let k = 0; k < reps; k++) {
    const t = await timeOnce(family, input);
    total += t.ms;
    block = Math.max(block, t.block);
    if (t.ms > SLOW_MS) return { ms: t.ms, block, chars, slow: true };
  }
  return { ms: total / reps, block, chars, slow: false };
}

/**
 * Times the family at n and 2n: a warm-up run at n (not counted: the JIT compiles, caches
 * fill), then RUNS rounds of n and 2n alternately, so that the machine's drift (other jobs,
 * heap growth) falls on both sizes alike. Returns the medians and the minimums of each.
 */
async function measure(family, n) {
  const warm = await sample(family, n, 1);
  if (warm.slow) return { a: { ...warm }, b: null };
  const reps = warm.ms < MIN_MS ? Math.min(50, Math.ceil(MIN_MS / Math.max(0.05, warm.ms))) : 1;
  const runs = { a: [], b: [] };
  let a = warm;
  let b = null;
  let block = warm.block;
  // Short runs are the noisy ones on a shared machine, and cheap to repeat: 7 rounds at least.
  const rounds = warm.ms < QUICK_MS ? Math.max(RUNS, 7) : RUNS;
  for (let r = 0; r < rounds; r++) {
    a = await sample(family, n, reps);
    runs.a.push(a.ms);
    block = Math.max(block, a.block);
    if (a.slow) return { a, b: null };
    b = await sample(family, 2 * n, reps);
    runs.b.push(b.ms);
    block = Math.max(block, b.block);
    if (b.slow) break;
  }
  const summary = (list, last) => ({ ms: median(list), min: Math.min(...list), chars: last.chars, block, slow: last.slow });
  return { a: summary(runs.a, a), b: summary(runs.b, b) };
}

// ---------------------------------------------------------------------------------------------
// Worker: the measurement (or the smoke run) of one family.

if (!isMainThread) {
  const { bundle, index, n, smoke } = workerData;
  const { families } = await import(pathToFileURL(bundle).href);
  const family = families[index];
  if (smoke) {
    let problem;
    try {
      const input = family.make(n);
      const { out } = await timeOnce(family, input);
      problem = family.check(out, n, input);
    } catch (e) {
      problem = `threw ${e instanceof Error ? e.message : String(e)}`;
    }
    parentPort.postMessage({ problem });
  } else parentPort.postMessage(await measure(family, n));
} else await main();

/** Runs one measurement in a worker; `{ timeout: true }` when it did not finish in time. */
function inWorker(bundle, index, n, smoke) {
  return new Promise((resolve) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { bundle, index, n, smoke } });
    const timer = setTimeout(() => {
      worker.terminate();
      resolve({ timeout: true });
    }, TIMEOUT_MS);
    worker.once('message', (m) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(m);
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      resolve({ error: e instanceof Error ? e.message : String(e) });
    });
  });
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-inputs-'));
  const bundle = join(dir, 'inputs.mjs');
  try {
    await build({ entryPoints: ['bench/inputs.ts'], bundle: true, format: 'esm', platform: 'node', target: 'node20', outfile: bundle, tsconfig: 'tsconfig.json', logLevel: 'error' });
    const { families } = await import(pathToFileURL(bundle).href);
    const selected = families.map((f, index) => ({ f, index })).filter(({ f }) => f.name.includes(ONLY));
    const failures = await (SMOKE ? smokeRun(bundle, selected) : timedRun(bundle, selected));
    if (failures.length) {
      console.log(`\n${failures.length} failed:`);
      for (const f of failures) console.log(`- ${f}`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function smokeRun(bundle, selected) {
  const failures = [];
  const started = performance.now();
  for (const { f, index } of selected) {
    const r = await inWorker(bundle, index, f.smoke, true);
    const problem = r.timeout ? `no result after ${TIMEOUT_MS} ms` : (r.error ?? r.problem);
    console.log(`${problem ? 'FAIL' : 'ok  '} ${f.name} (n=${f.smoke})${problem ? `: ${problem}` : ''}`);
    if (problem) failures.push(`${f.name}: ${problem}`);
  }
  console.log(`\n${selected.length} families checked in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return failures;
}

async function timedRun(bundle, selected) {
  const failures = [];
  const started = performance.now();
  console.log(`bench:inputs — ${selected.length} families, median of ${RUNS} runs (7 under ${QUICK_MS} ms), fail when t(2n)/t(n) > ${MAX_RATIO}\n`);
  console.log('| entry point: input | n | input | t(n) ms | input 2n | t(2n) ms | ratio | fastest | longest block ms | |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const { f, index } of selected) {
    const r = await inWorker(bundle, index, f.n, false);
    const a = r.timeout || r.error ? r : r.a;
    const b = r.timeout || r.error ? null : r.b;
    const bOk = b !== null && !b.slow;
    const ratio = bOk ? b.ms / a.ms : NaN;
    // The ratio of the fastest runs too: a quadratic step shows in both, a busy machine seldom in both.
    const best = bOk ? b.min / a.min : NaN;
    const block = f.yields && !r.timeout && !r.error ? a.block : NaN;
    const why = [];
    if (r.timeout) why.push(`no result after ${TIMEOUT_MS} ms`);
    if (r.error) why.push(`error: ${r.error}`);
    if (a.slow) why.push(`t(n) > ${SLOW_MS} ms`);
    if (b?.slow) why.push(`t(2n) > ${SLOW_MS} ms`);
    if (ratio > MAX_RATIO && best > MAX_RATIO) why.push(`ratio ${ratio.toFixed(2)} (fastest runs ${best.toFixed(2)}) > ${MAX_RATIO}`);
    if (block > BLOCK_MS) why.push(`blocked ${block.toFixed(0)} ms > ${BLOCK_MS}`);
    if (why.length) failures.push(`${f.name}: ${why.join(', ')}`);
    const ms = (r) => (r && typeof r.ms === 'number' ? r.ms.toFixed(r.ms < 1 ? 2 : 1) : r?.timeout ? `> ${TIMEOUT_MS}` : '—');
    console.log(
      `| ${f.name} | ${f.n} | ${human(a.chars ?? NaN)} | ${ms(a)} | ${bOk ? human(b.chars) : '—'} | ${ms(b)} | ${Number.isNaN(ratio) ? '—' : ratio.toFixed(2)} | ${Number.isNaN(best) ? '—' : best.toFixed(2)} | ${Number.isNaN(block) ? '' : block.toFixed(1)} | ${why.length ? 'FAIL' : 'ok'} |`,
    );
  }
  console.log(`\n${selected.length} families in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return failures;
}
