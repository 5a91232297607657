/** What the e2e suites share: the project root, the Chromium flags, and a Chrome to drive. */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const script = (name: string): string => pathToFileURL(join(ROOT, 'scripts', name)).href;
const { findChrome } = (await import(script('find-chrome.mjs'))) as { findChrome(): string | null };
export const { chromiumArgs } = (await import(script('wtr-chromium.mjs'))) as { chromiumArgs: string[] };

/**
 * A Chrome: found, else what `ensureChrome()` gives (it installs Debian's chromium when run as
 * root with apt-get). ensureChrome() exits the process when it cannot, so it runs in a child
 * (`node scripts/find-chrome.mjs` prints the path); null means skip.
 */
export function locateChrome(): string | null {
  const found = findChrome();
  if (found) return found;
  const child = spawnSync(process.execPath, [join(ROOT, 'scripts', 'find-chrome.mjs')], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const path = child.status === 0 ? child.stdout.trim().split('\n').pop()?.trim() : undefined;
  return path && existsSync(path) ? path : null;
}

const AXE = createRequire(import.meta.url).resolve('axe-core');

/** axe-core over the whole page; returns "rule (help): target" lines for each violation. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.help}): ${JSON.stringify(n.target)}`));
  });
}
