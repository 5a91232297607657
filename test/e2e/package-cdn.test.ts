/**
 * CDN use (issue 12, point 5): the one-file module with the SRI hashes the build printed
 * (dist/integrity.json, scripts/integrity.mjs), as a page loads it from a CDN: a <script
 * type="module" integrity> and an import map whose `integrity` covers the chunks loaded on demand.
 * With the right hashes the viewer shows its lines; a wrong hash on the module, or on the chunk
 * that reads transcripts, stops that file from running.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ROOT } from './support.js';
import { CHROME, launchChrome, tearDown, recordingPage, serveStatic } from './package-support.js';

const DIST = join(ROOT, 'dist');
const WRONG = `sha384-${createHash('sha384').update('not this file').digest('base64')}`;

let work = '';
let site: { origin: string; close(): Promise<void> } | null = null;
let browser: Browser | null = null;
let files: Record<string, string> = {};

function page(origin: string, hashes: Record<string, string>): string {
  const chunks = Object.fromEntries(Object.entries(hashes).filter(([f]) => f !== 'annotated-transcript.js').map(([f, h]) => [`${origin}/cdn/${f}`, h]));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>cdn</title>
    <script type="importmap">${JSON.stringify({ integrity: chunks })}</script>
    <script type="module" src="${origin}/cdn/annotated-transcript.js" integrity="${hashes['annotated-transcript.js']}" crossorigin="anonymous"></script>
    </head><body><annotated-transcript src="/talk.vtt" style="height: 300px"></annotated-transcript></body></html>`;
}

describe.skipIf(!CHROME)('the one-file module from a CDN, with integrity', () => {
  beforeAll(async () => {
    if (!existsSync(join(DIST, 'integrity.json'))) throw new Error('run `npm run build` first: dist/integrity.json is missing');
    files = (JSON.parse(readFileSync(join(DIST, 'integrity.json'), 'utf8')) as { files: Record<string, string> }).files;
    work = mkdtempSync(join(tmpdir(), 'at-cdn-'));
    const cdn = join(work, 'cdn');
    mkdirSync(cdn);
    for (const f of Object.keys(files)) copyFileSync(join(DIST, f), join(cdn, f));
    copyFileSync(join(ROOT, 'test/fixtures/media/talk.vtt'), join(work, 'talk.vtt'));
    site = await serveStatic(work);
    const read = Object.keys(files).find((f) => /^annotated-transcript\.read-/.test(f))!;
    writeFileSync(join(work, 'good.html'), page(site.origin, files));
    writeFileSync(join(work, 'bad-module.html'), page(site.origin, { ...files, 'annotated-transcript.js': WRONG }));
    writeFileSync(join(work, 'bad-chunk.html'), page(site.origin, { ...files, [read]: WRONG }));
    browser = await launchChrome();
  }, 60_000);

  afterAll(() => tearDown(browser, [site], work));

  it('integrity.json covers the module and every chunk beside it, with their current hashes', () => {
    const built = readdirSync(DIST).filter((f) => /^annotated-transcript(\.[\w-]+)?\.js$/.test(f)).sort();
    expect(Object.keys(files).sort()).toEqual(built);
    for (const f of built) expect(files[f], f).toBe(`sha384-${createHash('sha384').update(readFileSync(join(DIST, f))).digest('base64')}`);
  });

  it('the right hashes: the viewer runs and shows the lines (its chunks checked through the import map)', async () => {
    const { page: p, errors } = await recordingPage(browser!);
    await p.goto(`${site!.origin}/good.html`, { waitUntil: 'load' });
    await p.waitForFunction(() => (document.querySelector('annotated-transcript')?.shadowRoot?.querySelectorAll('ol.lines > li').length ?? 0) === 6, null, { timeout: 20_000 });
    expect(errors).toEqual([]);
    await p.context().close();
  });

  it('a wrong hash on the module: it does not run', async () => {
    const { page: p, errors } = await recordingPage(browser!);
    await p.goto(`${site!.origin}/bad-module.html`, { waitUntil: 'networkidle' });
    expect(await p.evaluate(() => !!customElements.get('annotated-transcript'))).toBe(false);
    expect(errors.join('\n')).toMatch(/integrity/i);
    await p.context().close();
  });

  it('a wrong hash on the transcript reader chunk: that chunk does not run, so no line shows', async () => {
    const { page: p, errors } = await recordingPage(browser!);
    await p.goto(`${site!.origin}/bad-chunk.html`, { waitUntil: 'networkidle' });
    await p.waitForTimeout(500);
    expect(await p.evaluate(() => !!customElements.get('annotated-transcript'))).toBe(true);
    expect(await p.evaluate(() => document.querySelector('annotated-transcript')?.shadowRoot?.querySelectorAll('ol.lines > li').length ?? 0)).toBe(0);
    expect(errors.join('\n')).toMatch(/integrity/i);
    await p.context().close();
  });
});
