/**
 * The framework examples (issue 12, points 2 and 6): examples/html, react, vue and svelte, each
 * built with Vite and its own config (the Vue and Svelte plugins), `annotated-transcript`
 * resolved to this repository's sources, then run in Chromium: the lines show, a click on a line
 * seeks the video, and the page's own `transcript-seek` handler (addEventListener, React's
 * onTranscriptSeek, Vue's @transcript-seek, Svelte's ontranscript-seek) logs it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import type { Browser } from 'playwright-core';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ROOT } from './support.js';
import { CHROME, launchChrome, tearDown, lineTexts, recordingPage, serveStatic } from './package-support.js';

const EXAMPLES = ['html', 'react', 'vue', 'svelte'] as const;

let work = '';
let browser: Browser | null = null;
const sites = new Map<string, { origin: string; close(): Promise<void> }>();

describe.skipIf(!CHROME)('the examples, built and run', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'at-examples-'));
    for (const name of EXAMPLES) {
      const root = join(ROOT, 'examples', name);
      const config = join(root, 'vite.config.js');
      await build({
        root, configFile: existsSync(config) ? config : false, logLevel: 'error',
        publicDir: join(ROOT, 'test/fixtures/media'),
        resolve: {
          alias: [
            { find: /^annotated-transcript$/, replacement: join(ROOT, 'src/index.ts') },
            { find: /^annotated-transcript\/react$/, replacement: join(ROOT, 'src/react.ts') },
          ],
        },
        build: { outDir: join(work, name), emptyOutDir: true },
      });
      sites.set(name, await serveStatic(join(work, name)));
    }
    browser = await launchChrome();
  }, 180_000);

  afterAll(() => tearDown(browser, sites.values(), work));

  for (const name of EXAMPLES) {
    it(`${name}: lines show; a click on a line seeks the video and reaches the page's transcript-seek handler`, async () => {
      const { page, errors } = await recordingPage(browser!);
      await page.goto(`${sites.get(name)!.origin}/index.html`, { waitUntil: 'load' });
      await page.waitForFunction(() => (document.querySelector('annotated-transcript')?.shadowRoot?.querySelectorAll('ol.lines > li').length ?? 0) === 6, null, { timeout: 20_000 });
      expect((await lineTexts(page))[1]).toContain('This line is spoken by the second voice.');
      await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1, null, { timeout: 20_000 });
      await page.locator('annotated-transcript').locator('ol.lines > li').nth(1).locator('.line').click();
      await page.waitForFunction(() => Math.abs((document.querySelector('video')?.currentTime ?? 0) - 2.567) < 0.05, null, { timeout: 10_000 });
      await page.waitForFunction(() => document.querySelector('#log')?.textContent === 'seek 2.567 2', null, { timeout: 10_000 });
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});
