/**
 * End-to-end: the demo page in a real Chromium (playwright-core), served by Vite's dev server
 * (as scripts/screenshot.mjs does) and as the built static site under a sub-path.
 * Runs in Node under vitest; skipped (with a message) only when no Chrome/Chromium can be found.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer as createViteServer, type ViteDevServer } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer as createHttpServer, type Server } from 'node:http';
import { execFile } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

import { ROOT, chromiumArgs, locateChrome, axeViolations } from './support.js';


const CHROME = locateChrome();
if (!CHROME) {
  console.warn('[e2e] SKIPPED: no Chrome/Chromium found (set CHROME_PATH, or install Debian\'s chromium), so the demo e2e tests do not run.');
}

const VIEWPORTS = [
  ['wide', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
] as const;
const SCHEMES = ['light', 'dark'] as const;

const CLAIMS = 9;
const LINES = 16;

/** A new page that records page errors, console errors and failed HTTP responses. */
async function openPage(browser: Browser, viewport: { width: number; height: number }, colorScheme: 'light' | 'dark'): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (/favicon/i.test(m.text()) || /favicon/i.test(m.location().url ?? '')) return;
    errors.push(`console.error: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !/favicon/i.test(r.url())) errors.push(`HTTP ${r.status()} ${r.url()}`);
  });
  return { page, errors };
}

interface PageState {
  lines: number;
  tracks: string[];
  markers: number;
  problems: string[];
  duration: number;
  jsonLd: { type: unknown; count: number; names: string[] } | null;
}

/** Waits for the demo to settle, then reads what the reader sees. */
async function demoState(page: Page): Promise<PageState> {
  await page.waitForFunction(() => (document.querySelector('annotated-transcript') as unknown as { cues?: unknown[] } | null)?.cues?.length === 16, null, { timeout: 60_000 });
  await page.waitForFunction((n) => document.querySelectorAll('at-claim-marker').length >= n, CLAIMS, { timeout: 60_000 }).catch(() => undefined);
  await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1, null, { timeout: 60_000 });
  await page.waitForFunction(() => !!document.head.querySelector('script[type="application/ld+json"]'), null, { timeout: 60_000 }).catch(() => undefined);
  return page.evaluate(() => {
    const el = document.querySelector('annotated-transcript') as unknown as HTMLElement & { problems: { kind: string; code: string; detail?: string }[] };
    const ld = document.head.querySelector('script[type="application/ld+json"]');
    let jsonLd: PageState['jsonLd'] = null;
    if (ld) {
      const data = JSON.parse(ld.textContent ?? 'null') as unknown;
      const list = (Array.isArray(data) ? data : [data]) as Record<string, unknown>[];
      jsonLd = {
        type: [...new Set(list.map((r) => r['@type']))].join(','),
        count: list.length,
        names: list.map((r) => String(r.claimReviewed ?? '')),
      };
    }
    return {
      lines: el.shadowRoot!.querySelectorAll('[part~="line"]').length,
      tracks: [...el.shadowRoot!.querySelectorAll('[part~="track-select"] option')].map((o) => o.textContent!.trim()),
      markers: document.querySelectorAll('at-claim-marker').length,
      problems: el.problems.map((p) => `${p.kind}/${p.code}: ${p.detail ?? ''}`),
      duration: document.querySelector('video')!.duration,
      jsonLd,
    };
  });
}


function expectBasics(state: PageState, errors: string[]): void {
  expect(errors, 'page errors, console errors, failed requests').toEqual([]);
  expect(state.lines, 'transcript lines').toBe(LINES);
  expect(state.tracks, 'the Translation menu lists the demo\'s <track> children').toEqual(['None', 'Українська', 'Русский']);
  expect(state.markers, 'claim markers in the article').toBe(CLAIMS);
  expect(state.duration, 'video duration').toBeGreaterThan(75);
  expect(state.duration, 'video duration').toBeLessThan(77);
  expect(state.problems, 'problems reported by the viewer').toEqual([]);
  expect(state.jsonLd, 'ClaimReview JSON-LD in <head>').not.toBeNull();
  expect(state.jsonLd!.type).toBe('ClaimReview');
  expect(state.jsonLd!.count).toBe(CLAIMS);
  expect(state.jsonLd!.names.every((n) => n.length > 0)).toBe(true);
}

describe.skipIf(!CHROME)('demo (Vite dev server)', () => {
  let server: ViteDevServer;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    server = await createViteServer({
      configFile: join(ROOT, 'vite.demo.config.ts'),
      root: join(ROOT, 'demo'),
      server: { port: 0, host: '127.0.0.1' },
      logLevel: 'error',
    });
    await server.listen();
    url = server.resolvedUrls!.local[0]!;
    browser = await chromium.launch({ executablePath: CHROME!, args: chromiumArgs });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  }, 60_000);

  for (const [name, viewport] of VIEWPORTS) {
    for (const scheme of SCHEMES) {
      it(`${name} ${viewport.width}×${viewport.height}, ${scheme}: loads cleanly, 16 lines, 9 claims, ~76 s video, JSON-LD, no axe violations`, async () => {
        const { page, errors } = await openPage(browser, viewport, scheme);
        try {
          await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
          const state = await demoState(page);
          expectBasics(state, errors);
          expect(await axeViolations(page), 'axe violations').toEqual([]);
          expect(errors).toEqual([]);
        } finally {
          await page.context().close();
        }
      }, 120_000);
    }
  }
});

// ---------------------------------------------------------------------------------------------
// The built demo, served from a sub-path by a static server that answers HTTP Range requests.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.vtt': 'text/vtt; charset=utf-8', '.webm': 'video/webm', '.mp4': 'video/mp4',
};

/** Serves `dir` under `prefix` (e.g. "/some/sub/path/") on 127.0.0.1, with byte ranges; counts 206 answers. */
function serveStatic(dir: string, prefix: string): Promise<{ server: Server; origin: string; ranges: string[] }> {
  const ranges: string[] = [];
  const server = createHttpServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const rel = path.startsWith(prefix) ? path.slice(prefix.length) || 'index.html' : null;
    const file = rel === null ? '' : resolve(dir, rel.endsWith('/') ? `${rel}index.html` : rel);
    if (rel === null || !file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const size = statSync(file).size;
    const headers = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Accept-Ranges': 'bytes' };
    const m = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    if (!m || (m[1] === '' && m[2] === '')) {
      res.writeHead(200, { ...headers, 'Content-Length': size });
      createReadStream(file).pipe(res);
      return;
    }
    const start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1]);
    const end = m[1] !== '' && m[2] !== '' ? Math.min(Number(m[2]), size - 1) : size - 1;
    if (start > end || start >= size) {
      res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
      return;
    }
    ranges.push(`${rel} ${start}-${end}`);
    res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': end - start + 1 });
    createReadStream(file, { start, end }).pipe(res);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, ranges })));
}

function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    execFile(cmd, args, { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) fail(new Error(`${cmd} ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`));
      else done(stdout);
    });
  });
}

describe.skipIf(!CHROME)('built demo under a sub-path', () => {
  const PREFIX = '/some/sub/path/';
  let outDir: string;
  let site: { server: Server; origin: string; ranges: string[] };
  let browser: Browser;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'at-demo-'));
    await run('npx', ['vite', 'build', '--config', 'vite.demo.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error']);
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);
    site = await serveStatic(outDir, PREFIX);
    browser = await chromium.launch({ executablePath: CHROME!, args: chromiumArgs });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => (site?.server ? site.server.close(r) : r(undefined)));
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  }, 60_000);

  it('the static server answers byte ranges (what lets a <video> seek)', async () => {
    const response = await fetch(`${site.origin}${PREFIX}statement.webm`, { headers: { Range: 'bytes=100-199' } });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toMatch(/^bytes 100-199\/\d+$/);
    expect((await response.arrayBuffer()).byteLength).toBe(100);
    expect((await fetch(`${site.origin}/statement.webm`)).status).toBe(404);
  });

  for (const [name, viewport] of VIEWPORTS) {
    it(`${name}: loads cleanly from ${PREFIX}, 16 lines, 9 claims, JSON-LD, no axe violations; the video seeks to 40 s`, async () => {
      const { page, errors } = await openPage(browser, viewport, name === 'wide' ? 'light' : 'dark');
      const requested: string[] = [];
      page.on('request', (r) => requested.push(new URL(r.url()).pathname));
      try {
        await page.goto(`${site.origin}${PREFIX}`, { waitUntil: 'load', timeout: 60_000 });
        const state = await demoState(page);
        expectBasics(state, errors);
        // Everything came from under the sub-path.
        expect(requested.filter((p) => !p.startsWith(PREFIX))).toEqual([]);
        expect(await axeViolations(page), 'axe violations').toEqual([]);

        const seek = await page.evaluate(() => new Promise<{ time: number; line: string | null }>((done, fail) => {
          const video = document.querySelector('video')!;
          const timer = setTimeout(() => fail(new Error(`no "seeked" (currentTime ${video.currentTime})`)), 30_000);
          video.addEventListener('seeked', () => {
            clearTimeout(timer);
            // Give the transcript a few frames to mark the line being spoken at 40 s.
            let frames = 0;
            const read = () => {
              const line = document.querySelector('annotated-transcript')!.shadowRoot!.querySelector('[part~="line"][aria-current="true"]');
              if (line || ++frames > 120) done({ time: video.currentTime, line: line?.querySelector('[part~="text"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? null });
              else requestAnimationFrame(read);
            };
            read();
          }, { once: true });
          video.currentTime = 40;
        }));
        expect(seek.time).toBeCloseTo(40, 1);
        expect(seek.line).toBe('Some people say the board wants to close the line for good.');
        expect(site.ranges.some((r) => r.startsWith('statement.'))).toBe(true);
        expect(errors).toEqual([]);
      } finally {
        await page.context().close();
      }
    }, 120_000);
  }
});
