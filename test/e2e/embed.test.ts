/**
 * The iframe embed (issue 12, point 4): dist-demo/embed.html, built here from the current sources
 * into a temporary directory, in an <iframe> of a parent page, in Chromium.
 * - Good query string: the lines show in the frame's size, the interface is in the `lang` given,
 *   `t` seeks the video, a click on a line seeks it and the parent hears `transcript-seek` and
 *   `transcript-cue-change` through postMessage.
 * - Refused query strings (`javascript:`, `data:`, `blob:`, `file:`, other schemes, control
 *   characters, bad `t`/`lang`): a visible message names each refused parameter, nothing of it is
 *   fetched or run, and the rest still works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import type { Browser, Frame, Page } from 'playwright-core';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ROOT } from './support.js';
import { CHROME, axeOf, launchChrome, tearDown, recordingPage, serveStatic } from './package-support.js';

if (!CHROME) console.warn('[e2e] SKIPPED: no Chrome/Chromium found (set CHROME_PATH), so the embed tests do not run.');

const PARENT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CMS page</title></head><body>
  <p>An article.</p>
  <iframe id="embed" title="Transcript" style="width: 640px; height: 420px; border: 0"></iframe>
  <script>
    window.__messages = [];
    addEventListener('message', (e) => { if (e.data && e.data.source === 'annotated-transcript-embed') window.__messages.push(e.data); });
    document.getElementById('embed').src = 'embed.html' + location.search;
  </script></body></html>`;

let out = '';
let site: { origin: string; close(): Promise<void> } | null = null;
let browser: Browser | null = null;

async function open(query: string): Promise<{ page: Page; frame: Frame; errors: string[]; requests: string[]; dialogs: string[] }> {
  const { page, errors, requests } = await recordingPage(browser!);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${site!.origin}/parent.html${query}`, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as { __messages: { event: string }[] }).__messages.some((m) => m.event === 'embed-ready'), null, { timeout: 20_000 });
  const frame = page.frames().find((f) => f.url().includes('/embed.html'))!;
  return { page, frame, errors, requests, dialogs };
}

const messages = (page: Page) => page.evaluate(() => (window as unknown as { __messages: { event: string; detail: Record<string, unknown> }[] }).__messages);
const lineCount = (frame: Frame) => frame.evaluate(() => document.querySelector('annotated-transcript')?.shadowRoot?.querySelectorAll('ol.lines > li').length ?? 0);
const problemsText = (frame: Frame) => frame.evaluate(() => {
  const box = document.querySelector<HTMLElement>('#problems')!;
  return box.hidden || box.getBoundingClientRect().height === 0 ? null : box.textContent;
});

describe.skipIf(!CHROME)('the iframe embed (dist-demo/embed.html)', () => {
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'at-embed-'));
    await build({ configFile: join(ROOT, 'vite.demo.config.ts'), logLevel: 'error', build: { outDir: out, emptyOutDir: true } });
    writeFileSync(join(out, 'parent.html'), PARENT);
    site = await serveStatic(out);
    browser = await launchChrome();
  }, 120_000);

  afterAll(() => tearDown(browser, [site], out));

  it('good query string: lines in the frame\'s size, interface in `lang`, `t` seeks; a line click seeks and posts seek and cue change to the parent', async () => {
    const { page, frame, errors, dialogs } = await open('?media=statement.webm&src=statement.en.vtt&annotations=annotations.json&lang=uk&t=12');
    await frame.waitForFunction(() => (document.querySelector('annotated-transcript')?.shadowRoot?.querySelectorAll('ol.lines > li').length ?? 0) >= 10, null, { timeout: 20_000 });
    expect(await problemsText(frame)).toBeNull();
    const state = await frame.evaluate(() => {
      const el = document.querySelector('annotated-transcript')!;
      const box = el.getBoundingClientRect();
      return {
        lang: document.documentElement.lang,
        label: el.shadowRoot!.querySelector('ol.lines')!.getAttribute('aria-label'),
        inFrame: box.top >= 0 && box.bottom <= innerHeight + 1 && box.height > 100,
        pageScrolls: document.scrollingElement!.scrollHeight > innerHeight + 1,
        listScrolls: el.shadowRoot!.querySelector('.scroller')!.scrollHeight > el.shadowRoot!.querySelector('.scroller')!.clientHeight,
      };
    });
    expect(state).toEqual({ lang: 'uk', label: 'Розшифровка', inFrame: true, pageScrolls: false, listScrolls: true });
    await frame.waitForFunction(() => Math.abs((document.querySelector('video')?.currentTime ?? 0) - 12) < 0.1, null, { timeout: 20_000 });

    await frame.locator('annotated-transcript').locator('ol.lines > li').nth(5).locator('.line').click();
    await frame.waitForFunction(() => Math.abs((document.querySelector('video')?.currentTime ?? 0) - 26.599) < 0.05, null, { timeout: 10_000 });
    await page.waitForFunction(() => (window as unknown as { __messages: { event: string; detail: { cueId?: string } }[] }).__messages
      .some((m) => m.event === 'transcript-cue-change' && m.detail.cueId === '6'), null, { timeout: 10_000 });
    const seek = (await messages(page)).filter((m) => m.event === 'transcript-seek').pop();
    expect(seek?.detail).toEqual({ time: 26.599, cueId: '6' });
    expect((await messages(page)).find((m) => m.event === 'embed-ready')?.detail).toEqual({ refused: [], media: true, src: true });
    expect(await axeOf(frame)).toEqual([]);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  const REFUSED: [string, string, string[]][] = [
    ['javascript: transcript', `?src=${encodeURIComponent('javascript:alert(1)')}`, ['src']],
    ['data: media and transcript', `?media=${encodeURIComponent('data:video/webm;base64,AAAA')}&src=${encodeURIComponent('data:text/vtt,WEBVTT\n\n00:00.000 --> 00:01.000\nInjected')}`, ['media', 'src']],
    ['blob:, file: and mailto:', `?src=${encodeURIComponent('blob:http://127.0.0.1/x')}&media=${encodeURIComponent('file:///etc/passwd')}&annotations=${encodeURIComponent('mailto:a@b.c')}`, ['media', 'src', 'annotations']],
    ['a tab hidden in the scheme', `?src=${encodeURIComponent('java\tscript:alert(1)')}`, ['src']],
    ['a bad time and language', '?src=statement.en.vtt&t=soon&lang=%3Cimg%20src%3Dx%3E', ['lang', 't']],
  ];
  for (const [name, query, params] of REFUSED) {
    it(`refused, ${name}: a visible message names ${params.join(', ')}; nothing of it runs or loads`, async () => {
      const { page, frame, errors, requests, dialogs } = await open(query);
      const text = await problemsText(frame);
      expect(text).not.toBeNull();
      for (const p of params) expect(text).toContain(`“${p}”`);
      if (name === 'javascript: transcript') expect(await axeOf(frame)).toEqual([]);
      const ready = (await messages(page)).find((m) => m.event === 'embed-ready');
      expect(ready?.detail.refused).toEqual(params);
      expect(requests.filter((r) => /passwd|alert|Injected/.test(r))).toEqual([]);
      const texts = await frame.evaluate(() => document.querySelector('annotated-transcript')?.shadowRoot?.textContent ?? '');
      expect(texts).not.toContain('Injected');
      if (query.includes('src=statement.en.vtt')) {
        await frame.waitForFunction(() => (document.querySelector('annotated-transcript')?.shadowRoot?.querySelectorAll('ol.lines > li').length ?? 0) >= 10, null, { timeout: 20_000 });
      } else {
        expect(await lineCount(frame)).toBe(0);
        expect(text).toContain('src');
      }
      expect(await frame.evaluate(() => document.querySelector('video')?.getAttribute('src') ?? null)).toBeNull();
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});
