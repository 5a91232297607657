import { defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { writeFileSync, mkdirSync } from 'node:fs';
import { chromiumArgs } from './scripts/wtr-chromium.mjs';
import { mediaRange } from './scripts/media-range.mjs';
import { findChrome } from './scripts/find-chrome.mjs';

/** Writes the summed pass/fail counts to .tmp/wtr-summary.json, for scripts/test.mjs. */
function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        if (!suite) return;
        for (const t of suite.tests ?? []) {
          if (t.skipped) skipped++;
          else if (t.passed) passed++;
          else failed++;
        }
        for (const s of suite.suites ?? []) walk(s);
      };
      for (const s of sessions) {
        walk(s.testResults);
        // A file that failed to load (syntax error, import error) has no tests: count it as one failure.
        if (!s.passed && (s.errors?.length ?? 0) > 0) failed++;
      }
      mkdirSync('.tmp', { recursive: true });
      writeFileSync('.tmp/wtr-summary.json', JSON.stringify({ passed, failed, skipped }));
    },
  };
}

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development', 'browser'] },
  rootDir: '.',
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 180000,
  // Silence only Lit's one-time "dev mode" notice; every other Lit warning still shows (and fails tests that check).
  testRunnerHtml: (testFramework) => `<!doctype html><html><head>
    <script>
      globalThis.litIssuedWarnings = new Set(['dev-mode']);
      // Record Lit's dev-mode warnings (they link to lit.dev/msg/…); test/browser/lit-warnings.ts fails the test.
      globalThis.__litWarnings = [];
      const warn = console.warn;
      console.warn = (...args) => {
        const text = args.map(String).join(' ');
        if (text.includes('lit.dev/msg/')) globalThis.__litWarnings.push(text);
        warn.apply(console, args);
      };
    </script>
    </head><body><script type="module" src="${testFramework}"></script></body></html>`,
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' })],
  middleware: [mediaRange({ rootDir: '.', corpusDir: '../shared/corpus' })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: process.env.CHROME_PATH || findChrome() || undefined, headless: true, args: chromiumArgs },
    }),
  ],
  reporters: [defaultReporter({ reportTestResults: true, reportTestProgress: false }), countingReporter()],
};
