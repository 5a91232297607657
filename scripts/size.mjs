// `npm run size` (and the last step of `npm run build`): the sizes of what a page loads, checked
// against the budgets of issue 8. Exits 1 when a budget is exceeded.
//
// 1. The one-file module: dist/annotated-transcript.js and the chunks it imports statically
//    (Lit included), i.e. what a page with the <script type="module"> loads before anything runs.
// 2. The npm viewer: what `import 'annotated-transcript'` costs a bundler user who uses no
//    annotations, measured the way such a user builds: a one-line entry importing
//    dist/index.js, bundled by esbuild (minified, code splitting on, lit and @lit/* external),
//    counting the chunks loaded up front.
// Every chunk loaded on demand is listed too: the targets of dynamic import()s, and the chunks
// they import (with the first target that brings each along).
//
// Sizes: bytes, and gzip at zlib's default level (what `gzip` and most servers use); 1 kB = 1000 B.
//   node scripts/size.mjs [--json]     (measures dist/ of this package, as `npm run build` leaves it)
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGETS = {
  /** dist/annotated-transcript.js with its static imports, Lit included. */
  embed: 25_000,
  /** dist/index.js through a bundler, lit external: the viewer alone. */
  npm: 15_000,
};

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dist = join(ROOT, 'dist');
const asJson = process.argv.includes('--json');
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
const LIT = ['lit', 'lit/*', '@lit/*', 'approx-string-match'];

/**
 * Bundles `entry` with esbuild (nothing written) and returns the module graph it saw: for each
 * file, its name, contents and static and dynamic imports. `files: 'inputs'` gives the input
 * files as they are (the one-file module is measured as built); `'outputs'` the chunks esbuild
 * made (the npm build as a consumer bundles it).
 */
async function graph(entry, { files, external = [], alias }) {
  const work = mkdtempSync(join(tmpdir(), 'at-size-'));
  try {
    const result = await build({
      entryPoints: [entry], bundle: true, splitting: true, format: 'esm', target: 'es2022', write: false, metafile: true,
      minify: files === 'outputs', legalComments: 'none', outdir: join(work, 'out'), absWorkingDir: work, external, alias, logLevel: 'error',
    });
    const at = (p) => resolve(work, p);
    const edges = (imports) => ({
      static: imports.filter((i) => i.kind === 'import-statement' && !i.external).map((i) => at(i.path)),
      dynamic: imports.filter((i) => i.kind === 'dynamic-import' && !i.external).map((i) => at(i.path)),
    });
    const nodes = new Map();
    if (files === 'inputs') {
      for (const [p, info] of Object.entries(result.metafile.inputs)) {
        nodes.set(at(p), { name: relative(dist, at(p)), contents: readFileSync(at(p)), ...edges(info.imports) });
      }
      return { nodes, entry: resolve(entry) };
    }
    const contents = new Map(result.outputFiles.map((f) => [f.path, f.contents]));
    let main = '';
    for (const [p, info] of Object.entries(result.metafile.outputs)) {
      if (p.endsWith('.map')) continue;
      const from = info.entryPoint ? at(info.entryPoint) : null;
      if (from === resolve(entry)) main = at(p);
      // A chunk is named by the dist file it starts from (a dynamic import's target), else by the dist files it holds.
      const held = Object.keys(info.inputs).map((i) => relative(dist, at(i))).filter((i) => !i.startsWith('..'));
      const name = from === resolve(entry) ? `the entry${held.length ? ` (${held.join(', ')})` : ''}` : from ? relative(dist, from) : `chunk of ${held.join(', ')}`;
      nodes.set(at(p), { name, contents: contents.get(at(p)), ...edges(info.imports) });
    }
    return { nodes, entry: main };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The files loaded up front (static imports from the entry, transitively) and the ones loaded on demand. */
function split({ nodes, entry }) {
  const closure = (start) => {
    const seen = new Set();
    for (const stack = [start]; stack.length; ) {
      const p = stack.pop();
      if (seen.has(p) || !nodes.has(p)) continue;
      seen.add(p);
      stack.push(...nodes.get(p).static);
    }
    return seen;
  };
  const upfront = closure(entry);
  // Files loaded on demand: each dynamic import's target, and what it imports statically (for
  // those, the first target that brings them along).
  const lazy = new Map(); // file → the target it comes with, or null when it is one
  const targets = new Set([...nodes.values()].flatMap((n) => n.dynamic));
  for (const queue = [...upfront]; queue.length; ) {
    for (const target of nodes.get(queue.shift())?.dynamic ?? []) {
      for (const p of closure(target)) {
        if (upfront.has(p) || lazy.has(p)) continue;
        lazy.set(p, targets.has(p) ? null : nodes.get(target).name);
        queue.push(p);
      }
    }
  }
  const row = (p, via) => {
    const { name, contents } = nodes.get(p);
    return { file: name, bytes: contents.length, gzip: gzipSync(contents).length, ...(via ? { with: via } : {}) };
  };
  const up = [...upfront].map((p) => row(p)).sort((a, b) => b.gzip - a.gzip);
  // What is measured must still be the viewer: the element is registered up front.
  const registers = [...upfront].some((p) => /customElements\.define\(\s*["'`]annotated-transcript["'`]/.test(Buffer.from(nodes.get(p).contents).toString()));
  const editorUpFront = [...upfront].some((p) => /customElements\.define\(\s*["'`]at-annotation-editor["'`]/.test(Buffer.from(nodes.get(p).contents).toString()));
  return {
    editorUpFront,
    registers,
    upfront: up,
    lazy: [...lazy].map(([p, via]) => row(p, via)).sort((a, b) => b.gzip - a.gzip),
    total: { bytes: up.reduce((s, f) => s + f.bytes, 0), gzip: up.reduce((s, f) => s + f.gzip, 0) },
  };
}

const embedEntry = join(dist, 'annotated-transcript.js');
const npmEntry = join(dist, 'index.js');
for (const f of [embedEntry, npmEntry]) {
  if (!existsSync(f)) {
    console.error(`size: ${f} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
}

// The consumer's one-line entry, resolving the package to this folder (its package.json, with
// `sideEffects`, applies as it would from node_modules).
const consumer = mkdtempSync(join(tmpdir(), 'at-size-entry-'));
writeFileSync(join(consumer, 'entry.js'), `import 'annotated-transcript/dist/index.js';\n`);
const report = [
  { name: 'one-file module: dist/annotated-transcript.js + its static imports, Lit included', budget: BUDGETS.embed, ...split(await graph(embedEntry, { files: 'inputs' })) },
  { name: "npm viewer: import 'annotated-transcript/dist/index.js' through esbuild, lit external", budget: BUDGETS.npm, ...split(await graph(join(consumer, 'entry.js'), { files: 'outputs', external: LIT, alias: { 'annotated-transcript': ROOT } })) },
];
rmSync(consumer, { recursive: true, force: true });

if (asJson) {
  console.log(JSON.stringify(report, null, 2));
} else {
  for (const r of report) {
    console.log(`${r.name}\n  up front: ${kB(r.total.bytes)}, gzip ${kB(r.total.gzip)} (budget ${kB(r.budget)}): ${r.total.gzip <= r.budget ? 'ok' : 'OVER BUDGET'}`);
    for (const f of r.upfront) console.log(`    ${kB(f.gzip).padStart(8)} gzip ${kB(f.bytes).padStart(9)}  ${f.file}`);
    console.log('  on demand:');
    for (const f of r.lazy) console.log(`    ${kB(f.gzip).padStart(8)} gzip ${kB(f.bytes).padStart(9)}  ${f.file}${f.with ? `  (with ${f.with})` : ''}`);
  }
}
// The annotation editor (issue 11): never loaded by the reader; its one-file module is reported
// with a sanity cap only, and nothing the reader loads up front may define it.
const EDITOR_SANITY = 80_000;
const editorFile = join(dist, 'annotation-editor.js');
const editorProblems = [];
if (existsSync(editorFile)) {
  const bytes = readFileSync(editorFile);
  const gzip = gzipSync(bytes).length;
  if (!asJson) console.log(`annotation editor: dist/annotation-editor.js (Lit included; not loaded by the reader): ${kB(bytes.length)}, gzip ${kB(gzip)} (sanity cap ${kB(EDITOR_SANITY)})`);
  if (gzip > EDITOR_SANITY) editorProblems.push(`size: dist/annotation-editor.js is ${kB(gzip)} gzip, over the sanity cap of ${kB(EDITOR_SANITY)}`);
}
for (const r of report) {
  if (r.editorUpFront) editorProblems.push(`size: ${r.name}: <at-annotation-editor> is loaded up front (the reader must not include the editor)`);
}
for (const p of editorProblems) console.error(p);
const over = report.filter((r) => r.total.gzip > r.budget);
for (const r of over) console.error(`size: over budget: ${r.name}: gzip ${kB(r.total.gzip)} > ${kB(r.budget)}`);
const broken = report.filter((r) => !r.registers);
for (const r of broken) console.error(`size: ${r.name}: nothing loaded up front registers <annotated-transcript> (was the viewer dropped as side-effect free?)`);
if (over.length || broken.length || editorProblems.length) process.exit(1);
