/**
 * What the package, React and embed suites share: a built site served by Vite's preview server
 * (static, answers HTTP Range, so a <video> seeks), and a Chromium page that records errors.
 */
import { preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';

import { chromiumArgs, locateChrome } from './support.js';

export const CHROME = locateChrome();

/** Serves `dir` (a built static site) on 127.0.0.1 at a free port. */
export async function serveStatic(dir: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server: PreviewServer = await preview({
    root: dir, configFile: false, logLevel: 'silent',
    build: { outDir: dir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}

export function launchChrome(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROME!, headless: true, args: chromiumArgs });
}

/** A new page recording page errors, console errors and HTTP failures (favicon aside). */
export async function recordingPage(browser: Browser): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await (await browser.newContext({ viewport: { width: 1000, height: 800 } })).newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon/i.test(`${m.text()} ${m.location().url ?? ''}`)) errors.push(`console.error: ${m.text()}`);
  });
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  page.on('response', (r) => {
    if (r.status() >= 400 && !/favicon/i.test(r.url())) errors.push(`HTTP ${r.status()} ${r.url()}`);
  });
  return { page, errors, requests };
}

/** The texts of the rendered lines of the first `<annotated-transcript>` (through its shadow root). */
export function lineTexts(page: Page, selector = 'annotated-transcript'): Promise<string[]> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    return [...(el?.shadowRoot?.querySelectorAll('ol.lines > li') ?? [])].map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim());
  }, selector);
}

/** After a suite: closes the browser and the servers, removes the temporary folders. */
export async function tearDown(browser: Browser | null, sites: Iterable<{ close(): Promise<void> } | null>, ...dirs: string[]): Promise<void> {
  await browser?.close();
  for (const site of sites) await site?.close();
  for (const dir of dirs) if (dir) rmSync(dir, { recursive: true, force: true });
}

const AXE = createRequire(import.meta.url).resolve('axe-core');

/** axe-core over a page or a frame's document: "rule (help): target" for each violation. */
export async function axeOf(target: Page | Frame): Promise<string[]> {
  await target.addScriptTag({ path: AXE });
  return target.evaluate(async () => {
    type Result = { violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] };
    const result = await (window as unknown as { axe: { run(ctx: Document): Promise<Result> } }).axe.run(document);
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.help}): ${JSON.stringify(n.target)}`));
  });
}
