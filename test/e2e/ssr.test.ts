/**
 * Server rendering (issue 12, point 3b): `<annotated-transcript>` rendered with @lit-labs/ssr.
 *
 * Node: a plain `node` process (no test transforms) runs the README's code against the built
 * package (`import 'annotated-transcript/annotated-transcript'`, `render(html\`…\`)` with the
 * transcript as data): the HTML holds a declarative shadow root with every line's time, speaker
 * and text, escaped; nothing needed `document`, `window` or `location`.
 *
 * Browser: that HTML served as a page, with JavaScript off (the lines are there) and on:
 * the client module (@lit-labs/ssr-client's lit-element-hydrate-support, then the package)
 * hydrates the element: the server's frame, scroller and (empty) live list stay the same DOM
 * nodes (nothing is rendered twice, no hydration error); the element loads its `src`, and in the
 * render that shows its live rows the server's static list goes (what the README says); and
 * the viewer syncs with a real <video>: a click on a line seeks it, the line being spoken is
 * marked as the video plays on from a time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import type { Browser } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ROOT } from './support.js';
import { CHROME, launchChrome, tearDown, lineTexts, recordingPage, serveStatic } from './package-support.js';

/** What a server does (the README's "Server rendering"), run by plain Node against the package. */
const SERVER = `import { readFileSync } from 'node:fs';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { parseTranscript } from 'annotated-transcript';
import 'annotated-transcript/annotated-transcript';
import 'annotated-transcript/ssr';

const { transcript } = await parseTranscript(readFileSync(process.argv[2], 'utf8'), { url: 'talk.vtt' });
const page = await collectResult(render(html\`<video id="talk" src="/talk.webm" muted preload="auto" width="320"></video>
  <annotated-transcript for="talk" src="/talk.vtt" .transcript=\${transcript} style="height: 300px"></annotated-transcript>\`));
const hostile = await collectResult(render(html\`<annotated-transcript .transcript=\${[
  { id: 'x', start: 1, end: 2, text: '<img src=x onerror="globalThis.pwned=1">', speaker: '<b>Eve</b>' },
  { id: 'y', start: 'soon', text: 'not a line' }, null, 42,
]}></annotated-transcript>\`));
process.stdout.write(JSON.stringify({ page, hostile, document: typeof document, window: typeof window, location: typeof location }));`;

const LINES = ['Welcome to the test recording.', 'This line is spoken by the second voice.', 'The third line mentions a harbour and a ferry.',
  'Every line is followed by a short silence.', 'Search for the word lighthouse to find this line.', 'This is the last line of the test.'];

let work = '';
let clientRoot = '';
let rendered: { page: string; hostile: string; document: string; window: string; location: string } = null!;
let site: { origin: string; close(): Promise<void> } | null = null;
let browser: Browser | null = null;

describe('server rendering with @lit-labs/ssr', () => {
  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/entries/annotated-transcript.js'))) throw new Error('run `npm run build` first: dist/ is missing');
    mkdirSync(join(ROOT, '.tmp'), { recursive: true });
    // Inside the package folder, so that `annotated-transcript` resolves to itself (its exports map).
    const script = join(ROOT, '.tmp', `ssr-server-${process.pid}.mjs`);
    writeFileSync(script, SERVER);
    try {
      rendered = JSON.parse(execFileSync(process.execPath, [script, join(ROOT, 'test/fixtures/media/talk.vtt')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 })) as typeof rendered;
    } finally {
      rmSync(script, { force: true });
    }
  }, 60_000);

  it('Node renders the lines into the HTML, in a declarative shadow root, without document, window or location', () => {
    expect({ document: rendered.document, window: rendered.window, location: rendered.location }).toEqual({ document: 'undefined', window: 'undefined', location: 'undefined' });
    expect(rendered.page).toMatch(/<annotated-transcript[^>]*><template shadowroot="open" shadowrootmode="open">/);
    const text = rendered.page.replace(/<!--[\s\S]*?-->/g, '').replace(/\s+/g, ' ');
    for (const line of LINES) expect(text).toContain(line);
    expect(text).toContain('0:02'); // line 2's time
    expect(text).toMatch(/<span class="speaker" part="speaker">\s*Ben\s*<\/span>/);
    expect((rendered.page.match(/<li class="row" data-i="\d+">/g) ?? []).length).toBe(6);
  });

  it('data from elsewhere is text: markup escaped, what is not a line left out, no throw', () => {
    const text = rendered.hostile.replace(/<!--[\s\S]*?-->/g, '');
    expect(text).toContain('&lt;img src=x onerror=&quot;globalThis.pwned=1&quot;&gt;');
    expect(text).toContain('&lt;b&gt;Eve&lt;/b&gt;');
    expect(text).not.toMatch(/<img|<b>/);
    expect(text).not.toContain('not a line');
    expect((text.match(/<li class="row"/g) ?? []).length).toBe(1);
  });

  describe.skipIf(!CHROME)('in Chromium', () => {
    beforeAll(async () => {
      work = mkdtempSync(join(tmpdir(), 'at-ssr-'));
      // The client's sources inside the repository (.tmp/), so that its packages resolve as an app's
      // do (one Lit, its export conditions applying to @lit-labs/ssr-client too).
      const root = mkdtempSync(join(ROOT, '.tmp', 'ssr-client-'));
      clientRoot = root;
      mkdirSync(join(root, 'public'), { recursive: true });
      // Two modules, in this order (as the README says): the hydration support must run before Lit
      // loads, and a bundler may put Lit in a chunk that runs before the code of the entry importing it.
      writeFileSync(join(root, 'hydrate.js'), `import '@lit-labs/ssr-client/lit-element-hydrate-support.js';\n`);
      writeFileSync(join(root, 'client.js'), `import 'annotated-transcript';\n`);
      for (const f of ['talk.vtt', 'talk.webm']) copyFileSync(join(ROOT, 'test/fixtures/media', f), join(root, 'public', f));
      await build({
        root, configFile: false, logLevel: 'error',
        resolve: {
          alias: [
            { find: /^annotated-transcript$/, replacement: join(ROOT, 'src/index.ts') },
          ],
        },
        build: {
          outDir: join(work, 'out'), emptyOutDir: true,
          rolldownOptions: { input: { hydrate: join(root, 'hydrate.js'), client: join(root, 'client.js') }, output: { entryFileNames: '[name].js' } },
        },
      });
      // The server's page, without its script: the test adds it when it has looked at the server's DOM.
      writeFileSync(join(work, 'out/ssr.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ssr</title></head><body>${rendered.page}</body></html>`);
      site = await serveStatic(join(work, 'out'));
      browser = await launchChrome();
    }, 120_000);

    afterAll(() => tearDown(browser, [site], work, clientRoot));

    it('JavaScript off: the lines are in the page (declarative shadow DOM)', async () => {
      const context = await browser!.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${site!.origin}/ssr.html`, { waitUntil: 'load' });
      const texts = await page.locator('annotated-transcript').locator('ol.lines > li [part~="text"]').allTextContents();
      expect(texts.map((t) => t.trim())).toEqual(LINES);
      await context.close();
    });

    it('hydrates (the server\'s nodes kept, nothing rendered twice), then the live rows take the static list\'s place and sync with the video', { timeout: 60_000 }, async () => {
      const { page, errors } = await recordingPage(browser!);
      await page.goto(`${site!.origin}/ssr.html`, { waitUntil: 'load' });
      await page.evaluate(() => {
        const root = document.querySelector('annotated-transcript')!.shadowRoot!;
        (window as unknown as Record<string, unknown>).__server = {
          frame: root.querySelector('.frame'), scroller: root.querySelector('.scroller'), list: root.querySelector('ol.lines'),
          staticList: root.querySelector('at-server-lines'), rows: [...root.querySelector('at-server-lines')!.shadowRoot!.querySelectorAll('ol.lines > li')],
        };
      });
      await page.addScriptTag({ type: 'module', url: '/hydrate.js' });
      await page.addScriptTag({ type: 'module', url: '/client.js' });
      await page.waitForFunction(() => (document.querySelector('annotated-transcript') as unknown as { cues?: unknown[] } | null)?.cues?.length === 6, null, { timeout: 20_000 });
      await page.waitForFunction(() => !document.querySelector('annotated-transcript')!.shadowRoot!.querySelector('.status'), null, { timeout: 10_000 });
      const state = await page.evaluate(() => {
        const root = document.querySelector('annotated-transcript')!.shadowRoot!;
        const s = (window as unknown as { __server: { frame: Element; scroller: Element; list: Element; staticList: Element; rows: Element[] } }).__server;
        const rows = [...root.querySelectorAll('ol.lines > li')];
        return {
          serverRows: s.rows.length,
          frames: root.querySelectorAll('.frame').length,
          lists: root.querySelectorAll('ol').length,
          serverLinesDefined: !!customElements.get('at-server-lines'),
          sameFrame: root.querySelector('.frame') === s.frame,
          sameScroller: root.querySelector('.scroller') === s.scroller,
          sameList: root.querySelector('ol.lines') === s.list,
          staticListGone: !root.contains(s.staticList),
          rows: rows.length,
          serverRowsKept: rows.filter((r) => s.rows.includes(r)).length,
          busy: root.querySelector('ol.lines')!.getAttribute('aria-busy'),
        };
      });
      // What happens, exactly: the element's own template hydrates onto the server's DOM (the
      // same nodes); the live list, which renders each row as its own root, builds its rows, and
      // the server's static list goes in that same render.
      expect(state).toEqual({
        serverRows: 6, frames: 1, lists: 1, serverLinesDefined: false, sameFrame: true, sameScroller: true, sameList: true, staticListGone: true, rows: 6, serverRowsKept: 0, busy: 'false',
      });
      expect((await lineTexts(page)).map((l) => LINES.some((x) => l.includes(x)))).toEqual([true, true, true, true, true, true]);

      await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1, null, { timeout: 20_000 });
      await page.locator('annotated-transcript').locator('ol.lines > li').nth(2).locator('.line').click();
      await page.waitForFunction(() => Math.abs((document.querySelector('video')?.currentTime ?? 0) - 5.232) < 0.05, null, { timeout: 10_000 });
      await page.evaluate(() => { const v = document.querySelector('video')!; v.currentTime = 8.5; void v.play(); });
      await page.waitForFunction(() => document.querySelector('annotated-transcript')!.shadowRoot!.querySelector('[aria-current="true"]')?.closest('li')?.getAttribute('data-i') === '3', null, { timeout: 10_000 });
      await page.evaluate(() => document.querySelector('video')!.pause());
      expect(errors).toEqual([]);
      await page.context().close();
    });
  });
});
