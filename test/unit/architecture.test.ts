import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

function filesUnder(dir: string, ext = '.ts'): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, ext));
    else if (path.endsWith(ext)) out.push(path);
  }
  return out;
}

describe('layering', () => {
  const modelFiles = filesUnder(join(root, 'src/model'));

  it('finds the model files', () => {
    expect(modelFiles.length).toBeGreaterThan(5);
  });

  it.each(modelFiles.map((f) => [relative(root, f), f]))('%s imports no lit and names no document/window', (_name, file) => {
    const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(source).not.toMatch(/from\s+['"](lit|@lit\/)/);
    expect(source).not.toMatch(/\b(document|window)\s*[.[]/);
    expect(source).not.toMatch(/\b(innerHTML|DOMParser|unsafeHTML)\b/);
  });

  it('no source file renders data through innerHTML, DOMParser or unsafeHTML', () => {
    for (const file of filesUnder(join(root, 'src'))) {
      if (file.includes('/generated/')) continue;
      const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(source, relative(root, file)).not.toMatch(/\.innerHTML\s*=|\bnew DOMParser\b|\bunsafeHTML\b|insertAdjacentHTML/);
    }
  });
});

describe('layers point one way: model <- controllers <- components', () => {
  const importsOf = (file: string) =>
    [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? m[2]!);
  const controllerFiles = filesUnder(join(root, 'src/controllers'));
  const modelFiles = filesUnder(join(root, 'src/model'));
  const componentFiles = filesUnder(join(root, 'src/components'));

  it('finds the files it checks', () => {
    expect(controllerFiles.length).toBeGreaterThan(5);
    expect(componentFiles.length).toBeGreaterThan(3);
  });

  it.each(controllerFiles.map((f) => [relative(root, f), f]))('%s imports nothing from components, not even types', (_name, file) => {
    expect(importsOf(file).filter((p) => p.includes('/components/'))).toEqual([]);
  });

  it.each(modelFiles.map((f) => [relative(root, f), f]))('%s imports nothing from controllers or components', (_name, file) => {
    expect(importsOf(file).filter((p) => /\/(controllers|components)\//.test(p) || p.startsWith('../events'))).toEqual([]);
  });

  it('src/index.ts exports nothing from controllers (public types live in the model)', () => {
    expect(importsOf(join(root, 'src/index.ts')).filter((p) => p.includes('/controllers/'))).toEqual([]);
  });

  it.each(componentFiles.map((f) => [relative(root, f), f]))('%s has at most 300 lines (an element only wires and renders)', (_name, file) => {
    expect(readFileSync(file, 'utf8').split('\n').length - 1).toBeLessThanOrEqual(300);
  });
});

describe('theming tokens', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  const documented = new Set<string>();
  for (const mod of manifest.modules) for (const d of mod.declarations ?? []) for (const p of d.cssProperties ?? []) documented.add(p.name);
  const used = new Set<string>();
  for (const file of filesUnder(join(root, 'src/components'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/var\((--at-[a-z0-9-]+)/g)) used.add(m[1]!);
  }

  it('every --at-* property used in styles is documented with @cssprop', () => {
    expect([...used].filter((n) => !documented.has(n))).toEqual([]);
  });

  it('every documented --at-* property is used', () => {
    expect([...documented].filter((n) => !used.has(n))).toEqual([]);
  });
});
