// `npm test`: unit tests (vitest, Node) then component tests (@web/test-runner, real Chromium).
// Finds or installs a Chromium first, and ends with one line "N passed, N failed" summing both runners.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync, existsSync } from 'node:fs';
import { ensureChrome } from './find-chrome.mjs';

const chrome = ensureChrome();
mkdirSync('.tmp', { recursive: true });
rmSync('.tmp/vitest.json', { force: true });
rmSync('.tmp/wtr-summary.json', { force: true });

const npx = (args, env = {}) =>
  spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

const unitStatus = npx(['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.tmp/vitest.json']);
const browserStatus = npx(['wtr', '--static-logging'], { CHROME_PATH: chrome });

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync('.tmp/vitest.json')) {
  const v = JSON.parse(readFileSync('.tmp/vitest.json', 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  // A suite that failed to load has no tests: count it so the run cannot look green.
  failed += (v.testResults ?? []).filter((r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0).length;
} else if (unitStatus !== 0) failed++;
if (existsSync('.tmp/wtr-summary.json')) {
  const w = JSON.parse(readFileSync('.tmp/wtr-summary.json', 'utf8'));
  passed += w.passed;
  failed += w.failed;
  skipped += w.skipped;
} else if (browserStatus !== 0) failed++;
if (failed === 0 && (unitStatus !== 0 || browserStatus !== 0)) failed++;

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
