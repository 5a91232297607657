/**
 * The npm package as a user gets it (issue 12, point 1, and the React wrappers of point 2):
 * `npm pack` of this repository (its `dist/`, as `npm run build` left it), installed into a fresh
 * app in the system's temporary directory (offline: the tarball, with lit, @lit/localize,
 * @lit/react, approx-string-match and react linked from this repository's node_modules), type
 * checked with strict tsc against the package's declarations, built with Vite, and loaded in
 * Chromium:
 * - `import 'annotated-transcript'`: the viewer shows the lines of a WebVTT file and a click on
 *   a line seeks a real <video>;
 * - `import 'annotated-transcript/evidence-map'`: only `<at-evidence-map>` is defined (no viewer,
 *   no claim marker) and the annotation module is fetched only when the map gets marks;
 * - `annotated-transcript/react` rendered with react-dom: a click on a line calls
 *   `onTranscriptSeek` and moves the video's currentTime; `onTranscriptCueChange` follows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import type { Browser } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ROOT } from './support.js';
import { CHROME, launchChrome, tearDown, lineTexts, recordingPage, serveStatic } from './package-support.js';

if (!CHROME) console.warn('[e2e] SKIPPED: no Chrome/Chromium found (set CHROME_PATH), so the package tests do not run.');

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string; version: string; exports: Record<string, string | { types: string; import: string }>;
  sideEffects: string[]; customElements: string; files: string[];
};
const BUILT = ['dist/index.js', 'dist/entries/evidence-map.js', 'dist/react.js', 'dist/react/editor.js', 'dist/annotated-transcript.js'];
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** Linked into the app instead of fetched: the package's dependencies, and what the app itself uses. */
const LINKED = ['lit', '@lit/localize', '@lit/react', 'approx-string-match', 'react', 'react-dom', '@types/react'];

const APP_FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'at-pack-test-app', private: true, type: 'module' }),
  'index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>root entry</title></head><body>
    <video id="v" src="/talk.webm" muted controls preload="auto" width="320"></video>
    <annotated-transcript for="v" src="/talk.vtt" style="height: 300px"></annotated-transcript>
    <script type="module" src="./main.js"></script></body></html>`,
  'main.js': `import { AnnotatedTranscript, parseTranscript, toWebVTT } from 'annotated-transcript';
    window.__root = { same: customElements.get('annotated-transcript') === AnnotatedTranscript, tools: typeof toWebVTT, parse: typeof parseTranscript };`,
  'map.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>one element</title></head><body>
    <at-evidence-map duration="20"></at-evidence-map><script type="module" src="./map.js"></script></body></html>`,
  'map.js': `import { EvidenceMap } from 'annotated-transcript/evidence-map';
    window.__defined = {
      map: customElements.get('at-evidence-map') === EvidenceMap,
      viewer: !!customElements.get('annotated-transcript'),
      marker: !!customElements.get('at-claim-marker'),
    };`,
  'react.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>react</title></head><body>
    <div id="root"></div><script type="module" src="./react.js"></script></body></html>`,
  'react.js': `import { createElement as h } from 'react';
    import { createRoot } from 'react-dom/client';
    import { AnnotatedTranscript } from 'annotated-transcript/react';
    import { AnnotationEditor } from 'annotated-transcript/react/editor';
    window.__events = [];
    const push = (...e) => window.__events.push(e);
    function App() {
      return h('main', null,
        h('video', { id: 'rv', src: '/talk.webm', muted: true, controls: true, preload: 'auto', width: 320 }),
        h(AnnotatedTranscript, {
          htmlFor: 'rv', src: '/talk.vtt', style: { height: '300px' },
          onTranscriptSeek: (e) => push('seek', e.detail.time, e.detail.cueId),
          onTranscriptCueChange: (e) => push('cue', e.detail.cueId),
          onTranscriptError: (e) => push('error', e.detail.message), id: 'viewer',
        }),
        h(AnnotationEditor, { htmlFor: 'viewer', onAnnotationsChange: (e) => push('edit', e.detail.value.annotations.length) }));
    }
    createRoot(document.getElementById('root')).render(h(App));`,
  // Strict type check of a consumer's code against the package's declarations and exports map.
  'tsconfig.json': JSON.stringify({
    compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'], noEmit: true, skipLibCheck: true, types: [] },
    files: ['check.ts'],
  }),
  'check.ts': `import { AnnotatedTranscript, TranscriptSeekEvent, type TranscriptSeekDetail } from 'annotated-transcript';
    import { EvidenceMap, type EvidenceMark } from 'annotated-transcript/evidence-map';
    import { ClaimMarker } from 'annotated-transcript/claim-marker';
    import { AnnotatedTranscript as ReactTranscript, type AnnotatedTranscriptProps } from 'annotated-transcript/react';
    import { AnnotationEditor as ReactEditor, type AnnotationEditorProps } from 'annotated-transcript/react/editor';
    const viewer: AnnotatedTranscript = document.createElement('annotated-transcript');
    viewer.htmlFor = 'v';
    viewer.addEventListener('transcript-seek', (e: TranscriptSeekEvent) => { const d: TranscriptSeekDetail = e.detail; d.time.toFixed(1); });
    const map: EvidenceMap = document.createElement('at-evidence-map');
    const marks: EvidenceMark[] = [{ annotationId: 'a', relation: 'supports', start: 1, end: 2 }];
    map.marks = marks;
    const marker: ClaimMarker = document.createElement('at-claim-marker');
    marker.relation = 'contradicts';
    const props: AnnotatedTranscriptProps = { htmlFor: 'v', src: 't.vtt', onTranscriptSeek: (e) => e.detail.time.toFixed(1), onClaimActivate: (e) => e.detail.claimId.trim() };
    // @ts-expect-error: htmlFor is a string
    const wrong: AnnotatedTranscriptProps = { htmlFor: 3 };
    const editorProps: AnnotationEditorProps = { htmlFor: 'viewer', onAnnotationsChange: (e) => e.detail.value.annotations.length };
    export { ReactTranscript, ReactEditor, props, wrong, editorProps };`,
};

let work = '';
let app = '';
let packed: { filename: string; files: { path: string; size: number }[]; unpackedSize: number } | null = null;
let site: { origin: string; close(): Promise<void> } | null = null;
let browser: Browser | null = null;

describe.skipIf(!CHROME)('the packed npm package in a fresh app', () => {
  beforeAll(async () => {
    const missing = BUILT.filter((f) => !existsSync(join(ROOT, f)));
    if (missing.length) throw new Error(`run \`npm run build\` first: ${missing.join(', ')} missing`);
    work = mkdtempSync(join(tmpdir(), 'at-pack-'));
    const out = execFileSync(NPM, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    packed = (JSON.parse(out) as typeof packed[])[0]!;
    app = join(work, 'app');
    mkdirSync(join(app, 'public'), { recursive: true });
    for (const [name, text] of Object.entries(APP_FILES)) writeFileSync(join(app, name), text);
    for (const f of ['talk.vtt', 'talk.webm']) copyFileSync(join(ROOT, 'test/fixtures/media', f), join(app, 'public', f));
    execFileSync(NPM, ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--install-links=false',
      ...LINKED.map((p) => join(ROOT, 'node_modules', p)), join(work, packed.filename)], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] });
    await build({
      root: app, configFile: false, logLevel: 'warn',
      build: { outDir: join(app, 'dist'), emptyOutDir: true, rolldownOptions: { input: { index: join(app, 'index.html'), map: join(app, 'map.html'), react: join(app, 'react.html') } } },
    });
    site = await serveStatic(join(app, 'dist'));
    browser = await launchChrome();
  }, 180_000);

  afterAll(() => tearDown(browser, [site], work));

  it('the tarball holds ESM, declarations, source maps and the manifest; no tests, demo or benchmarks', () => {
    const files = packed!.files.map((f) => f.path);
    for (const f of ['dist/index.js', 'dist/index.d.ts', 'dist/index.d.ts.map', 'dist/react.js', 'dist/react.js.map', 'dist/react.d.ts', 'dist/entries/evidence-map.d.ts',
      'dist/annotated-transcript.js', 'dist/annotated-transcript.js.map', 'custom-elements.json', 'package.json', 'README.md']) {
      expect(files, f).toContain(f);
    }
    expect(files.filter((f) => /^(test|demo|bench|dist-demo|\.ci|scripts|xliff)\//.test(f) || /\.test\.|(^|\/)fixtures\//.test(f))).toEqual([]);
    // Source maps beside every chunk with code of its own (vite writes none for a file of re-exports only).
    const sizes = new Map(packed!.files.map((f) => [f.path, f.size]));
    const chunks = files.filter((f) => /^dist\/[\w-]+\.js$/.test(f) && (sizes.get(f) ?? 0) > 2000);
    expect(chunks.length).toBeGreaterThanOrEqual(10);
    expect(chunks.filter((f) => !files.includes(`${f}.map`))).toEqual([]);
  });

  it('package.json: every export resolves to a file in the tarball; sideEffects and customElements are set', () => {
    const files = new Set(packed!.files.map((f) => f.path));
    const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : [t.types, t.import]));
    expect(targets.map((t) => t.replace(/^\.\//, '')).filter((t) => !files.has(t))).toEqual([]);
    for (const sub of ['.', './annotated-transcript', './evidence-map', './claim-marker', './react', './react/editor', './ssr']) expect(pkg.exports, sub).toHaveProperty([sub]);
    expect(pkg.customElements).toBe('custom-elements.json');
    expect(Array.isArray(pkg.sideEffects) && pkg.sideEffects.includes('./dist/entries/*.js')).toBe(true);
    const manifest = JSON.parse(readFileSync(join(app, 'node_modules/annotated-transcript/custom-elements.json'), 'utf8')) as { modules: { declarations?: { tagName?: string }[] }[] };
    const tags = manifest.modules.flatMap((m) => m.declarations ?? []).map((d) => d.tagName).filter(Boolean);
    expect(tags).toEqual(expect.arrayContaining(['annotated-transcript', 'at-evidence-map', 'at-claim-marker']));
  });

  it('a consumer\'s TypeScript type-checks (strict) against the exports map and declarations', { timeout: 60_000 }, () => {
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', app], { cwd: app, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(output).toBe('');
  });

  it('import "annotated-transcript": the viewer shows the lines; a click on a line seeks the video', async () => {
    const { page, errors } = await recordingPage(browser!);
    await page.goto(`${site!.origin}/index.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => (document.querySelector('annotated-transcript')?.shadowRoot?.querySelectorAll('ol.lines > li').length ?? 0) >= 5, null, { timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { __root: unknown }).__root)).toEqual({ same: true, tools: 'function', parse: 'function' });
    const lines = await lineTexts(page);
    expect(lines.some((l) => l.includes('The third line mentions a harbour and a ferry.'))).toBe(true);
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1, null, { timeout: 30_000 });
    await page.locator('annotated-transcript').locator('ol.lines > li').nth(2).locator('.line').click();
    await page.waitForFunction(() => Math.abs((document.querySelector('video')?.currentTime ?? 0) - 5.232) < 0.05, null, { timeout: 10_000 });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('import "annotated-transcript/evidence-map": that element alone; the annotation module loads with the first marks', async () => {
    const { page, errors, requests } = await recordingPage(browser!);
    await page.goto(`${site!.origin}/map.html`, { waitUntil: 'networkidle' });
    expect(await page.evaluate(() => (window as unknown as { __defined: unknown }).__defined)).toEqual({ map: true, viewer: false, marker: false });
    const upFront = requests.filter((r) => r.endsWith('.js'));
    expect(upFront.filter((r) => /annotation-kit|read-|sync-/.test(r))).toEqual([]);
    await page.evaluate(() => {
      (document.querySelector('at-evidence-map') as unknown as { marks: unknown }).marks = [{ annotationId: 'a1', relation: 'supports', start: 2, end: 6 }, { annotationId: 'a2', relation: 'contradicts', start: 10, end: 12 }];
    });
    await page.waitForFunction(() => (document.querySelector('at-evidence-map')?.shadowRoot?.querySelectorAll('[part~="mark"]').length ?? 0) === 2, null, { timeout: 15_000 });
    expect(requests.some((r) => /annotation-kit/.test(r))).toBe(true);
    expect(await page.evaluate(() => !!customElements.get('annotated-transcript'))).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('annotated-transcript/react with react-dom: a click on a line calls onTranscriptSeek and moves currentTime; cue changes reach onTranscriptCueChange', async () => {
    const { page, errors } = await recordingPage(browser!);
    await page.goto(`${site!.origin}/react.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => (document.querySelector('annotated-transcript')?.shadowRoot?.querySelectorAll('ol.lines > li').length ?? 0) >= 5, null, { timeout: 30_000 });
    expect(await page.evaluate(() => (document.querySelector('annotated-transcript') as unknown as { htmlFor: string }).htmlFor)).toBe('rv');
    // The editor wrapper (annotated-transcript/react/editor): defined, bound to the viewer by htmlFor.
    expect(await page.evaluate(() => ({ defined: !!customElements.get('at-annotation-editor'), for: document.querySelector('at-annotation-editor')?.getAttribute('for') })))
      .toEqual({ defined: true, for: 'viewer' });
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1, null, { timeout: 30_000 });
    await page.locator('annotated-transcript').locator('ol.lines > li').nth(3).locator('.line').click();
    await page.waitForFunction(() => (window as unknown as { __events: unknown[][] }).__events.some((e) => e[0] === 'seek'), null, { timeout: 10_000 });
    const seek = await page.evaluate(() => (window as unknown as { __events: unknown[][] }).__events.find((e) => e[0] === 'seek'));
    expect(seek![1]).toBeCloseTo(8.024, 2);
    expect(seek![2]).toBe('4');
    await page.waitForFunction(() => Math.abs((document.querySelector('video')?.currentTime ?? 0) - 8.024) < 0.05, null, { timeout: 10_000 });
    await page.waitForFunction(() => (window as unknown as { __events: unknown[][] }).__events.some((e) => e[0] === 'cue' && e[1] === '4'), null, { timeout: 10_000 });
    expect(await page.evaluate(() => (window as unknown as { __events: unknown[][] }).__events.filter((e) => e[0] === 'error'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the tarball is reasonably small', () => {
    expect(statSync(join(work, packed!.filename)).size).toBeLessThan(2_000_000);
  });
});
