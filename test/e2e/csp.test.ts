/**
 * Strict Content Security Policy (issue 9, finding 7): every feature of the viewer on a page served
 * with
 *
 *   Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self';
 *                            require-trusted-types-for 'script'; trusted-types lit-html
 *
 * raises no `securitypolicyviolation` event, no page error and no console error. `lit-html` is
 * Lit's own Trusted Types policy; the library creates none of its own.
 *
 * Two builds, each built here from the current sources into a temporary directory:
 * - the one-file module `dist/annotated-transcript.js` (vite.bundle.config.ts: Lit's production
 *   build, locales inlined);
 * - the npm build `dist/index.js` (vite.config.ts: lit external, locale chunks), bundled the way
 *   a consumer's bundler would (esbuild, with the `development` condition, so Lit's dev build runs
 *   too), its locale chunks loaded on `setLocale('uk')`.
 *
 * The page (test/fixtures/csp/) has a real <video> (test/fixtures/media/talk.webm), the transcript
 * by `src`, annotations by URL whose claims are anchored in an article on the page, a translation
 * track, and a second <at-evidence-map> beside the player. The test drives: `#t=` deep link, line
 * click (seek), play (frame loop, active word), keyboard, opening an annotation, "Play this
 * passage", "Show in article", a claim marker in the article, both evidence maps, search with
 * highlights, the translation side by side, a download, copy link (line and claim), auto-scroll
 * pause and "back to current line", print (beforeprint/afterprint under print media, and a PDF),
 * and `setLocale('uk')`. A control at the end sets a style attribute, which the policy must report:
 * that proves the listener hears violations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

import { ROOT, chromiumArgs, locateChrome } from './support.js';

const CHROME = locateChrome();
if (!CHROME) console.warn('[e2e] SKIPPED: no Chrome/Chromium found (set CHROME_PATH), so the CSP tests do not run.');

/** The policy of the issue. A page that uses this library must allow the `lit-html` policy; nothing else. */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.vtt': 'text/vtt; charset=utf-8', '.webm': 'video/webm', '.map': 'application/json',
};

/** Serves the page, the media and the builds, every answer with the CSP header; answers byte ranges (the video seeks). */
function serve(routes: Record<string, string>): Promise<{ server: Server; origin: string }> {
  const server = createHttpServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const headers: Record<string, string | number> = { 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store' };
    if (path === '/favicon.ico') return void res.writeHead(204, headers).end();
    const prefix = Object.keys(routes).filter((p) => path.startsWith(p)).sort((a, b) => b.length - a.length)[0];
    const dir = prefix === undefined ? undefined : routes[prefix]!;
    const rel = prefix === undefined ? '' : path.slice(prefix.length) || 'index.html';
    const file = dir ? resolve(dir, rel) : '';
    if (!dir || !file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404, headers).end();
    const size = statSync(file).size;
    Object.assign(headers, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Accept-Ranges': 'bytes' });
    const m = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    if (!m || (m[1] === '' && m[2] === '')) {
      res.writeHead(200, { ...headers, 'Content-Length': size });
      return void createReadStream(file).pipe(res);
    }
    const start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1]);
    const end = m[1] !== '' && m[2] !== '' ? Math.min(Number(m[2]), size - 1) : size - 1;
    if (start > end || start >= size) return void res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` }).end();
    res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': end - start + 1 });
    createReadStream(file, { start, end }).pipe(res);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

/** Recorded from before the first script of every document: violations, uncaught errors, unhandled rejections. */
const RECORDER = `(() => {
  const seen = (globalThis.__seen = { violations: [], errors: [] });
  document.addEventListener('securitypolicyviolation', (e) => {
    seen.violations.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' at ' + e.sourceFile + ':' + e.lineNumber + ' sample ' + JSON.stringify(e.sample));
  }, true);
  addEventListener('error', (e) => seen.errors.push('error: ' + (e.message || e.type)), true);
  addEventListener('unhandledrejection', (e) => seen.errors.push('unhandledrejection: ' + String(e.reason && (e.reason.stack || e.reason.message) || e.reason)));
})();`;

interface Seen {
  violations: string[];
  errors: string[];
}

type Lib = 'bundle' | 'npm';

describe.skipIf(!CHROME)('strict CSP: every feature, no violation', () => {
  let work: string;
  let site: { server: Server; origin: string };
  let browser: Browser;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'at-csp-'));
    // dist/annotated-transcript.js, as `npm run build` makes it.
    await viteBuild({ configFile: join(ROOT, 'vite.bundle.config.ts'), root: ROOT, logLevel: 'error', build: { outDir: join(work, 'bundle'), emptyOutDir: true } });
    // dist/index.js (+ locale chunks), as `npm run build` makes it…
    await viteBuild({ configFile: join(ROOT, 'vite.config.ts'), root: ROOT, logLevel: 'error', build: { outDir: join(work, 'lib'), emptyOutDir: true } });
    // …and as a consumer's bundler takes it (lit resolved from node_modules, the locale chunks kept apart).
    writeFileSync(join(work, 'entry.js'), `export * from ${JSON.stringify(join(work, 'lib', 'index.js'))};\n`);
    await esbuild({
      entryPoints: { entry: join(work, 'entry.js') }, bundle: true, splitting: true, format: 'esm', target: 'es2022',
      outdir: join(work, 'npm'), nodePaths: [join(ROOT, 'node_modules')], conditions: ['development'], logLevel: 'error',
    });
    expect(existsSync(join(work, 'bundle', 'annotated-transcript.js'))).toBe(true);
    expect(existsSync(join(work, 'npm', 'entry.js'))).toBe(true);
    site = await serve({
      '/bundle/': join(work, 'bundle'),
      '/npm/': join(work, 'npm'),
      '/media/': join(ROOT, 'test', 'fixtures', 'media'),
      '/': join(ROOT, 'test', 'fixtures', 'csp'),
    });
    browser = await chromium.launch({ executablePath: CHROME!, args: chromiumArgs });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => (site?.server ? site.server.close(r) : r(undefined)));
    if (work) rmSync(work, { recursive: true, force: true });
  }, 60_000);

  it('the server sends the policy with every answer', async () => {
    for (const path of ['/index.html', '/page.js', '/bundle/annotated-transcript.js', '/npm/entry.js', '/media/talk.vtt']) {
      const response = await fetch(`${site.origin}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-security-policy'), path).toBe(CSP);
    }
  });

  it('the builds create no Trusted Types policy of their own and evaluate no strings (Lit creates "lit-html")', () => {
    // Each build as a whole: the one file; the consumer's bundle with all its chunks (locales, and any loaded on demand).
    for (const files of [[join(work, 'bundle', 'annotated-transcript.js')], readdirSync(join(work, 'npm')).filter((f) => f.endsWith('.js')).map((f) => join(work, 'npm', f))]) {
      const code = files.map((file) => readFileSync(file, 'utf8')).join('\n');
      expect([...code.matchAll(/createPolicy\(\s*(["'`])([^"'`]*)\1/g)].map((m) => m[2]), files.join(', ')).toEqual(['lit-html']);
      expect(code, files.join(', ')).not.toMatch(/\beval\(|new Function\(|\.insertAdjacentHTML\(|document\.write\(/);
    }
  });

  for (const lib of ['bundle', 'npm'] as const) {
    it(`${lib === 'bundle' ? 'dist/annotated-transcript.js' : 'dist/index.js (through a bundler, Lit dev build)'}: every feature, zero violations`, async () => {
      await everyFeature(browser, site.origin, lib);
    }, 90_000);
  }
});

async function everyFeature(browser: Browser, origin: string, lib: Lib): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  await page.addInitScript(RECORDER);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  });
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
  });
  page.setDefaultTimeout(10_000);
  const seen = () => page.evaluate(() => (globalThis as unknown as { __seen: Seen }).__seen);
  /** Waits for `predicate` in the page; a timeout says what was recorded until then (violations first). */
  const until = async <A,>(what: string, predicate: (arg: A) => unknown, arg?: A): Promise<void> => {
    await page.waitForFunction(predicate as (arg: unknown) => unknown, arg as unknown).catch(async (error: Error) => {
      const recorded = await seen().catch(() => null);
      throw new Error(`${what}: ${error.message.split('\n')[0]}\nrecorded: ${JSON.stringify(recorded)}\nproblems: ${problems.join('; ')}`);
    });
  };
  /** Waits until the video's clock reads `t` (a seek landed). */
  const videoAt = async (t: number, what: string) => {
    await until(`${what} (video at ${t} s)`, (want) => Math.abs(document.querySelector('video')!.currentTime - want) < 0.01, t);
  };
  try {
    // The `#t=` deep link: the media seeks to 6 s (line 3) once the transcript is there.
    await page.goto(`${origin}/index.html?lib=${lib}#t=6`, { waitUntil: 'load' });
    await until('the transcript (6 lines)', () => (document.querySelector('annotated-transcript') as unknown as { cues?: unknown[] } | null)?.cues?.length === 6);
    await until('4 claim markers in the article', () => document.querySelectorAll('#article at-claim-marker').length === 4);
    await videoAt(6, 'the #t=6 deep link');
    await until('an active line', () => document.querySelector('annotated-transcript')!.shadowRoot!.querySelector('[part~="line"][aria-current="true"]'));
    const state = await page.evaluate(() => {
      const root = document.querySelector('annotated-transcript')!.shadowRoot!;
      const inner = root.querySelector('at-evidence-map')!.shadowRoot!;
      const outside = document.querySelector<HTMLElement & { marks: unknown[] }>('#outside-map')!;
      const sheets = document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText));
      return {
        active: root.querySelector('[part~="line"][aria-current="true"]')?.getAttribute('data-i') ?? null,
        highlights: [...CSS.highlights.keys()].filter((k) => k.startsWith('at-claim-')).sort(),
        highlightRules: sheets.filter((t) => t.includes('::highlight(at-claim-')).length,
        innerMarks: [...inner.querySelectorAll('[part~="mark"]')].map((b) => (b as HTMLElement).style.left),
        outsideMarks: outside.shadowRoot!.querySelectorAll('[part~="mark"]').length,
        lineless: root.querySelectorAll('.lineless [part~="annotation"]').length,
      };
    });
    expect(state.active, 'the deep link #t=6 made line 3 the active one').toBe('2');
    expect(state.highlights).toEqual(['at-claim-context', 'at-claim-contradicts', 'at-claim-supports', 'at-claim-unsupported']);
    expect(state.highlightRules, '::highlight rules adopted into the document').toBeGreaterThan(0);
    expect(state.innerMarks.length, 'marks of the evidence map in the toolbar').toBe(3);
    expect(state.innerMarks.every((left) => /%$/.test(left)), 'marks placed by CSSOM').toBe(true);
    expect(state.outsideMarks, 'marks of the evidence map beside the player').toBe(3);
    expect(state.lineless, 'the unsupported claim in its own list').toBe(1);

    const host = page.locator('annotated-transcript');

    // A line click seeks; playing runs the frame loop and marks words.
    await host.locator('[part~="line"][data-i="0"] [part~="timestamp"]').click(); // (a click on a word seeks to the word)
    await videoAt(0.5, 'a click on line 1');
    await page.evaluate(() => document.querySelector('video')!.play());
    await until('an active word while playing', () => !!document.querySelector('annotated-transcript')!.shadowRoot!.querySelector('[part~="active-word"]'));
    await page.evaluate(() => document.querySelector('video')!.pause());

    // Keyboard: down a line, Enter seeks there.
    await host.locator('[part~="line"][data-i="0"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await videoAt(2.567, 'Enter on line 2');

    // Open an annotation; its links, "Play this passage", "Show in article", "Copy link to claim".
    await host.locator('[part~="marker"][data-annotation="a-harbour"]').click();
    const panel = host.locator('[part~="annotation"]#annotation-a-harbour');
    await panel.waitFor();
    expect(await panel.locator('a[href="https://example.org/notes"]').count()).toBe(2);
    await panel.locator('button.play').click();
    await until('"Play this passage" plays', () => !document.querySelector('video')!.paused);
    await page.evaluate(() => document.querySelector('video')!.pause());
    await panel.getByRole('button', { name: 'Show in article' }).click();
    await until('"Show in article" focuses the marker', () => document.activeElement?.tagName === 'AT-CLAIM-MARKER');
    await panel.getByRole('button', { name: 'Copy link to claim' }).click();
    await until('"Link copied." announced', () => document.querySelector('annotated-transcript')!.shadowRoot!.querySelector('[role="status"]')!.textContent!.includes('Link copied.'));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/#claim=harbour$/);

    // A claim marker in the article shows its evidence.
    await page.locator('#article at-claim-marker[claim="pauses"]').click();
    await host.locator('[part~="annotation"]#annotation-a-pauses').waitFor();
    await videoAt(8.024, 'the claim marker of "pauses"');

    // Both evidence maps.
    await host.locator('at-evidence-map [part~="mark"].context').click();
    await host.locator('[part~="annotation"]#annotation-a-lighthouse').waitFor();
    await page.locator('#outside-map [part~="mark"].supports').click();
    await videoAt(5.232, 'the supports mark of the map beside the player');

    // Copy a line's link.
    await host.locator('.row').nth(1).locator('.copy-link').click();
    await until('the line link in the clipboard', () => navigator.clipboard.readText().then((t) => /#t=2\.567$/.test(t)).catch(() => false));

    // Search: highlights, the count, Enter to the next match.
    await host.locator('[part~="search"]').fill('line');
    await until('search highlights', () => (CSS.highlights.get('at-search')?.size ?? 0) >= 5);
    await host.locator('[part~="search"]').press('Enter');
    expect(await host.locator('.search-count').textContent()).toMatch(/^2 of \d+$/);
    await host.locator('[part~="search"]').fill('');

    // Translation side by side.
    await host.locator('[part~="track-select"]').selectOption('uk');
    await until('6 translated lines', () => document.querySelector('annotated-transcript')!.shadowRoot!.querySelectorAll('[part~="translation"]').length === 6);
    expect(await host.locator('[part~="text"]').count(), 'the original beside the translation').toBe(6);

    // A download.
    await host.locator('details.downloads summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), host.getByRole('button', { name: 'WebVTT' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^transcript\.[a-z]+\.vtt$/);
    await host.locator('details.downloads summary').click(); // closes the menu

    // The reader scrolls: auto-scroll pauses; "back to current line" comes back.
    await host.locator('[part~="scroller"]').hover();
    await page.mouse.wheel(0, 400);
    await host.locator('[part~="back-to-now"]').click();
    await host.locator('[part~="back-to-now"]').waitFor({ state: 'detached' });

    // Print: under print media, beforeprint opens every annotation, afterprint restores; and a real print (PDF).
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    expect(await host.locator('.lines [part~="annotation"]').count(), 'every annotation open for print').toBe(3);
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    await page.pdf({ format: 'A4' });
    await page.emulateMedia({ media: 'screen' });

    // The interface language: the locale loads (for the npm build, its chunk).
    const placeholder = () => host.locator('[part~="search"]').getAttribute('placeholder');
    const english = await placeholder();
    await page.evaluate(() => (globalThis as unknown as { annotatedTranscript: { setLocale(l: string): Promise<void> } }).annotatedTranscript.setLocale('uk'));
    await until('Ukrainian strings', (en) => document.querySelector('annotated-transcript')!.shadowRoot!.querySelector('[part~="search"]')!.getAttribute('placeholder') !== en, english);
    expect(await page.evaluate(() => (globalThis as unknown as { annotatedTranscript: { getLocale(): string } }).annotatedTranscript.getLocale())).toBe('uk');
    expect(await page.locator('#article at-claim-marker[claim="harbour"]').locator('button').getAttribute('aria-label')).not.toMatch(/show the evidence/);

    const result = await seen();
    expect(result.violations, 'securitypolicyviolation events').toEqual([]);
    expect(result.errors, 'uncaught errors and unhandled rejections').toEqual([]);
    expect(problems, 'page errors, console errors, failed requests').toEqual([]);

    if (lib === 'npm') expect(requested.filter((p) => /^\/npm\/uk-.*\.js$/.test(p)), 'the uk locale chunk was loaded').toHaveLength(1);

    // Controls: what the policy forbids is heard, in the document and inside a shadow root: a style
    // attribute, and a string assigned to innerHTML (a Trusted Types sink).
    const thrown = await page.evaluate(() => {
      document.body.setAttribute('style', 'outline: 1px solid red');
      document.querySelector('annotated-transcript')!.shadowRoot!.querySelector('.frame')!.setAttribute('style', 'outline: 1px solid red');
      try {
        document.createElement('div').innerHTML = '<b>x</b>';
        return 'nothing thrown';
      } catch (e) {
        return (e as Error).name;
      }
    });
    expect(thrown).toBe('TypeError');
    await until('the control violations heard', () => (globalThis as unknown as { __seen: Seen }).__seen.violations.length >= 3);
    const control = (await seen()).violations.map((v) => v.split(' ')[0]);
    expect(control).toEqual(['style-src-attr', 'style-src-attr', 'require-trusted-types-for']);
  } finally {
    await context.close();
  }
}
