/**
 * Words in the page (issue 12, point 3a): a transcript written inside <annotated-transcript> as
 * Hyperaudio-style HTML, a <pre> of WebVTT, a <script type="text/vtt"> or a <template> of
 * transcript JSON. Pages built here with Vite from the current sources, in Chromium:
 * - with JavaScript disabled, the words of the HTML and <pre> forms are in the page, readable;
 * - with JavaScript, that content becomes the source: the viewer shows its lines (the light DOM
 *   itself is no longer rendered), a click seeks the video, a malformed <pre> shows the lines that
 *   parsed and a message naming the bad line, and `src` given as well wins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import type { Browser } from 'playwright-core';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ROOT } from './support.js';
import { CHROME, launchChrome, tearDown, lineTexts, recordingPage, serveStatic } from './package-support.js';

const VTT = `WEBVTT

1
00:00:00.500 --> 00:00:02.167
&lt;v Ada>Welcome to the test recording.

2
00:00:02.567 --> 00:00:04.832
&lt;v Ben>This line is spoken by the second voice.

3
00:00:05.232 --> 00:00:07.624
&lt;v Ada>The third line mentions a harbour and a ferry.`;

const PAGES: Record<string, string> = {
  hyperaudio: `<article>
    <p><span class="speaker" data-m="0" data-d="0">[Ada]</span> <span data-m="500" data-d="440">Welcome </span><span data-m="940" data-d="144">to </span><span data-m="1084" data-d="96">the </span><span data-m="1180" data-d="347">test </span><span data-m="1527" data-d="640">recording.</span></p>
    <p><span class="speaker" data-m="2567" data-d="0">[Ben]</span> <span data-m="2567" data-d="210">This </span><span data-m="2777" data-d="171">line </span><span data-m="2948" data-d="209">is </span><span data-m="3157" data-d="518">spoken </span><span data-m="3675" data-d="1157">again.</span></p>
    <p><span data-m="5232" data-d="2392">The third line mentions a harbour and a ferry.</span></p>
  </article>`,
  pre: `<pre>${VTT}</pre>`,
  script: `<script type="text/vtt">${VTT.replaceAll('&lt;', '<')}</script>`,
  template: `<template>${JSON.stringify({ version: 1, lang: 'en', cues: [
    { id: '1', start: 0.5, end: 2.167, text: 'Welcome to the test recording.', speaker: 'Ada' },
    { id: '2', start: 2.567, end: 4.832, text: 'This line is spoken by the second voice.', speaker: 'Ben' },
    { id: '3', start: 5.232, end: 7.624, text: 'The third line mentions a harbour and a ferry.', speaker: 'Ada' },
  ] })}</template>`,
  malformed: `<pre>WEBVTT

00:00:00.500 --> soon
A broken line.

00:00:02.567 --> 00:00:04.832
A good line.

00:00:05.232 --> 00:00:07.624
The third line mentions a harbour and a ferry.</pre>`,
  'src-wins': `<pre>${VTT.replace('Welcome to the test recording.', 'Words written in the page.')}</pre>`,
  hostile: `<template><p><span data-m="500" data-d="900">&lt;img src=x onerror="globalThis.pwned=1"&gt; </span><span data-m="1400" data-d="400" onclick="globalThis.pwned=2">said</span><img src="x" onerror="globalThis.pwned=3"></p></template>`,
};

const html = (name: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>
  <script type="module" src="./main.js"></script></head><body>
  <video id="v" src="/talk.webm" muted preload="auto" width="320"></video>
  <annotated-transcript for="v"${name === 'src-wins' ? ' src="/talk.vtt"' : ''} style="height: 300px">
    <track src="/nothing-here.vtt" srclang="uk" label="not a transcript" hidden>
    ${body}
  </annotated-transcript></body></html>`;

let work = '';
let site: { origin: string; close(): Promise<void> } | null = null;
let browser: Browser | null = null;

describe.skipIf(!CHROME)('a transcript written in the element (light DOM)', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'at-light-'));
    const root = join(work, 'src');
    mkdirSync(join(root, 'public'), { recursive: true });
    writeFileSync(join(root, 'main.js'), `import 'annotated-transcript';\n`);
    for (const [name, body] of Object.entries(PAGES)) writeFileSync(join(root, `${name}.html`), html(name, body));
    for (const f of ['talk.vtt', 'talk.webm']) copyFileSync(join(ROOT, 'test/fixtures/media', f), join(root, 'public', f));
    await build({
      root, configFile: false, logLevel: 'error',
      resolve: { alias: [{ find: /^annotated-transcript$/, replacement: join(ROOT, 'src/index.ts') }] },
      build: { outDir: join(work, 'out'), emptyOutDir: true, rolldownOptions: { input: Object.fromEntries(Object.keys(PAGES).map((n) => [n, join(root, `${n}.html`)])) } },
    });
    site = await serveStatic(join(work, 'out'));
    browser = await launchChrome();
  }, 120_000);

  afterAll(() => tearDown(browser, [site], work));

  for (const name of ['hyperaudio', 'pre']) {
    it(`${name}, JavaScript disabled: the words are in the page`, async () => {
      const context = await browser!.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${site!.origin}/${name}.html`, { waitUntil: 'load' });
      const text = await page.innerText('body');
      expect(text).toContain('The third line mentions a harbour and a ferry.');
      expect(text).toMatch(/Welcome\s+to\s+the\s+test\s+recording\./);
      expect(await page.evaluate(() => !!customElements.get('annotated-transcript'))).toBe(false);
      await context.close();
    });
  }

  for (const name of ['hyperaudio', 'pre', 'script', 'template']) {
    it(`${name}, JavaScript on: the content is the source; lines shown, the light DOM hidden, a click seeks`, async () => {
      const { page, errors } = await recordingPage(browser!);
      await page.goto(`${site!.origin}/${name}.html`, { waitUntil: 'load' });
      await page.waitForFunction(() => (document.querySelector('annotated-transcript')?.shadowRoot?.querySelectorAll('ol.lines > li').length ?? 0) === 3, null, { timeout: 20_000 });
      const lines = await lineTexts(page);
      expect(lines[0]).toContain('Welcome to the test recording.');
      expect(lines[2]).toContain('The third line mentions a harbour and a ferry.');
      // What the page wrote is no longer rendered: only the viewer's lines are.
      const light = await page.evaluate(() => [...document.querySelector('annotated-transcript')!.children].filter((c) => c.localName !== 'track').map((c) => c.checkVisibility()));
      expect(light).toEqual([false]);
      expect(await page.innerText('body')).not.toContain('[Ada]');
      await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1, null, { timeout: 20_000 });
      await page.locator('annotated-transcript').locator('ol.lines > li').nth(2).locator('.line').click();
      await page.waitForFunction(() => Math.abs((document.querySelector('video')?.currentTime ?? 0) - 5.232) < 0.05, null, { timeout: 10_000 });
      expect(errors.filter((e) => !e.includes('nothing-here.vtt'))).toEqual([]);
      await page.context().close();
    });
  }

  it('a malformed <pre>: the lines that parsed show, and a message names the bad line', async () => {
    const { page } = await recordingPage(browser!);
    await page.goto(`${site!.origin}/malformed.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => (document.querySelector('annotated-transcript')?.shadowRoot?.querySelectorAll('ol.lines > li').length ?? 0) === 2, null, { timeout: 20_000 });
    expect((await lineTexts(page))[0]).toContain('A good line.');
    const problems = await page.evaluate(() => (document.querySelector('annotated-transcript') as unknown as { problems: { kind: string; line?: number }[] }).problems.filter((p) => p.kind === 'parse'));
    expect(problems.map((p) => p.line)).toContain(3);
    const box = await page.evaluate(() => document.querySelector('annotated-transcript')!.shadowRoot!.querySelector('[part~="error"]')?.textContent ?? '');
    expect(box).toMatch(/3/);
    await page.context().close();
  });

  it('hostile markup in a <template>: read as text, never run (no handler, no image)', async () => {
    const { page } = await recordingPage(browser!);
    await page.goto(`${site!.origin}/hostile.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => (document.querySelector('annotated-transcript')?.shadowRoot?.querySelectorAll('ol.lines > li').length ?? 0) === 1, null, { timeout: 20_000 });
    expect((await lineTexts(page))[0]).toContain('<img src=x onerror="globalThis.pwned=1"> said');
    await page.locator('annotated-transcript').locator('ol.lines > li').first().locator('.line').click();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => ({
      pwned: (globalThis as { pwned?: unknown }).pwned ?? null,
      images: document.querySelector('annotated-transcript')!.shadowRoot!.querySelectorAll('img, [onclick], [onerror]').length,
    }))).toEqual({ pwned: null, images: 0 });
    await page.context().close();
  });

  it('src given as well: src wins (the page\'s words are the fallback without JavaScript only)', async () => {
    const { page } = await recordingPage(browser!);
    await page.goto(`${site!.origin}/src-wins.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => (document.querySelector('annotated-transcript')?.shadowRoot?.querySelectorAll('ol.lines > li').length ?? 0) === 6, null, { timeout: 20_000 });
    const lines = await lineTexts(page);
    expect(lines.join(' ')).not.toContain('Words written in the page.');
    expect(lines[0]).toContain('Welcome to the test recording.');
    await page.context().close();
  });
});
