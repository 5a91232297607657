// Screenshots of the demo: `node scripts/screenshot.mjs [outdir]` → demo-{wide,phone}-{light,dark}.png.
// Serves the demo with Vite's dev server and drives the system's Chromium with playwright-core.
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { chromiumArgs } from './wtr-chromium.mjs';
import { ensureChrome } from './find-chrome.mjs';

const out = process.argv[2] ?? '.tmp/screens';
const hash = process.argv[3] ?? '';
mkdirSync(out, { recursive: true });
const server = await createServer({ configFile: 'vite.demo.config.ts', server: { port: 0 }, logLevel: 'error' });
await server.listen();
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({ executablePath: ensureChrome(), args: chromiumArgs });
const errors = [];
try {
  for (const [name, viewport] of [['wide', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
    for (const scheme of ['light', 'dark']) {
      const page = await browser.newPage({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
      if (process.env.TRACK) {
        const [lang, view] = process.env.TRACK.split(':');
        await page.addInitScript(([l, v]) => localStorage.setItem('annotated-transcript:track-view', JSON.stringify({ lang: l, view: v })), [lang, view]);
      }
      if (process.env.LOCALE) await page.addInitScript((l) => { document.documentElement.lang = l; }, process.env.LOCALE);
      page.on('pageerror', (e) => errors.push(`${name}/${scheme}: ${e.message}`));
      page.on('console', (m) => m.type() === 'error' && errors.push(`${name}/${scheme}: ${m.text()}`));
      await page.goto(url + hash);
      await page.waitForFunction(() => document.querySelector('annotated-transcript')?.cues.length > 0, null, { timeout: 15000 });
      await page.waitForTimeout(1500);
      if (process.env.SEEK) await page.evaluate((t) => { document.querySelector('video').currentTime = Number(t); }, process.env.SEEK);
      if (process.env.SEEK) await page.waitForTimeout(800);
      await page.screenshot({ path: `${out}/demo-${name}-${scheme}.png`, fullPage: process.env.FULL === '1' });
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
if (errors.length) console.log(`page errors:\n${errors.join('\n')}`);
console.log(`screenshots in ${out}`);
