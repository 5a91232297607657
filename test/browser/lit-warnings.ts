/**
 * Fails any test during which Lit printed a dev-mode warning (STYLE: "a test fails on any Lit
 * dev-mode warning during render"). The page records them (web-test-runner.config.mjs wraps
 * console.warn before anything loads); this root-level hook checks after every test.
 */
declare global {
  // eslint-disable-next-line no-var
  var __litWarnings: string[] | undefined;
}

afterEach(() => {
  const warnings = globalThis.__litWarnings ?? [];
  if (warnings.length) throw new Error(`Lit dev-mode warning(s) during this test:\n${warnings.splice(0).join('\n')}`);
});

export {};
