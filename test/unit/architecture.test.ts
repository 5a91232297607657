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
