/**
 * The split between what a page loads up front and what loads on demand (issue 8, "a small
 * embed"), checked on the sources: the modules the entries import statically (transitively)
 * hold none of the parts that load on demand, and those load only through dynamic `import()`.
 * `npm run size` checks the bytes of the builds; this checks that a change of imports does not
 * quietly move a part back up front.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const src = join(root, 'src');

/** Import specifiers of a file: static (`import … from`, `export … from`, bare `import '…'`; not `import type`) and dynamic. */
function importsOf(file: string): { static: string[]; dynamic: string[] } {
  const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  const stat = [...code.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)]
    .filter((m) => !m[2])
    .map((m) => m[3] ?? m[4]!);
  const dynamic = [...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
  return { static: stat, dynamic };
}

/** A relative specifier as the source file it names (`.js` → `.ts`); null for packages. */
function resolveSpec(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const path = resolve(dirname(from), spec).replace(/\.js$/, '.ts');
  return existsSync(path) ? path : null;
}

/** Every source file an entry imports statically, transitively (not going into `skip`). */
function upFront(entry: string, skip: string[] = []): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file) || skip.includes(file)) continue;
    seen.add(file);
    for (const spec of importsOf(file).static) {
      const next = resolveSpec(file, spec);
      if (next) stack.push(next);
    }
  }
  return seen;
}

/** Parts that load on demand: none of them may be imported statically by an entry. */
const ON_DEMAND = [
  /^model\/annotations\/(?!types\.ts$)/, // (the types and the empty set are the viewer's)
  /^model\/(web-annotation|web-annotation-import|claim-review|text-quote|text-normalise|text-match|text-anchor|export|search|align|tracks|deep-link|cue-index|untrusted)\.ts$/,
  /^model\/parse\//,
  /^controllers\/(annotations|annotation-navigation|article-anchors|print|passage|search|tracks|sync|media-time|active-cue|auto-scroll|playback|deep-links|problem-messages|read)\.ts$/,
  /^components\/(annotation-kit|annotation-view|annotation-view\.styles|claim-marker|claim-markers|claim-highlights|claim-tokens\.styles|evidence-map-view|labels|search-kit|search-results|tracks-kit|track-chooser|line-window)\.ts$/,
  /^generated\/locales\//,
];

/** Names exported by an entry file (values and types). */
function exportedNames(file: string): string[] {
  const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  const names: string[] = [];
  for (const m of code.matchAll(/^export\s+(?:type\s+)?\{([^}]*)\}/gm)) {
    for (const part of m[1]!.split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop()!.trim();
      if (name) names.push(name);
    }
  }
  for (const m of code.matchAll(/^export\s+(?:async\s+)?(?:function|const|class)\s+(\w+)/gm)) names.push(m[1]!);
  return names.sort();
}

describe.each([
  ['src/viewer.ts (the one-file module)', join(src, 'viewer.ts')],
  // The npm build bundles the tools apart (dist/tools.js, vite.config.ts): a bundler drops them when unused.
  ['src/index.ts (the npm entry, but for its data tools)', join(src, 'index.ts')],
])('%s', (_name, entry) => {
  const files = [...upFront(entry, [join(src, 'tools.ts')])];

  it('finds what it imports', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('imports none of the parts that load on demand', () => {
    const wrong = files.map((f) => relative(src, f)).filter((f) => ON_DEMAND.some((re) => re.test(f)));
    expect(wrong).toEqual([]);
  });
});

describe('parts loaded on demand', () => {
  const viewer = upFront(join(src, 'viewer.ts'));
  const dynamic = [...viewer].flatMap((file) => importsOf(file).dynamic.map((spec) => ({ file: relative(src, file), target: resolveSpec(file, spec) })));

  it('every dynamic import names a source module', () => {
    expect(dynamic.filter((d) => !d.target)).toEqual([]);
    expect(dynamic.length).toBeGreaterThan(10);
  });

  it('controllers load controllers and the model, never components (the component layer hands them its kits)', () => {
    const wrong = dynamic.filter((d) => d.file.startsWith('controllers/') && relative(src, d.target!).startsWith('components/'));
    expect(wrong).toEqual([]);
  });
});

describe('the entries', () => {
  it('the npm entry exports everything the one-file module does (and the data tools)', () => {
    const viewer = exportedNames(join(src, 'viewer.ts'));
    const index = exportedNames(join(src, 'index.ts'));
    expect(viewer.filter((n) => !index.includes(n))).toEqual([]);
    expect(index.filter((n) => !viewer.includes(n))).toEqual(
      ['fromWebAnnotations', 'linkAnnotations', 'parseAnnotations', 'toClaimReview', 'toPlainText', 'toSRT', 'toWebAnnotations', 'toWebVTT', 'validateAnnotations'],
    );
  });
});
