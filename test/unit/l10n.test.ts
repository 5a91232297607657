import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const units = (lang: string) => {
  const xml = readFileSync(fileURLToPath(new URL(`../../xliff/${lang}.xlf`, import.meta.url)), 'utf8');
  return [...xml.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)].map(([, id, body]) => ({
    id: id!,
    source: /<source>([\s\S]*?)<\/source>/.exec(body!)?.[1] ?? '',
    target: /<target>([\s\S]*?)<\/target>/.exec(body!)?.[1],
  }));
};
const placeholders = (s: string) => [...s.matchAll(/<x id="[^"]*" equiv-text="[^"]*"\/>/g)].map((m) => m[0]).sort();

describe.each(['uk', 'ru'])('%s translations', (lang) => {
  const list = units(lang);

  it('exist for every message', () => {
    expect(list.length).toBeGreaterThan(50);
    expect(list.filter((u) => !u.target?.trim()).map((u) => u.id)).toEqual([]);
  });

  it('keep every placeholder of the source', () => {
    for (const u of list) expect(placeholders(u.target ?? ''), u.id).toEqual(placeholders(u.source));
  });

  it('use the letters of their own language', () => {
    const wrong = lang === 'uk' ? /[ыэёъ]/i : /[іїєґ]/i;
    expect(list.filter((u) => wrong.test(u.target ?? '')).map((u) => u.id)).toEqual([]);
  });
});
