import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseBody, type BodySegment } from '../../src/model/annotations/index.js';

const text = (t: string): BodySegment => ({ type: 'text', text: t });
const link = (t: string, href: string): BodySegment => ({ type: 'link', text: t, href });

describe('parseBody', () => {
  it('splits text and [label](url) links', () => {
    expect(parseBody('See [the log](https://example.org/log) and [mail us](mailto:desk@example.org).')).toEqual([
      text('See '),
      link('the log', 'https://example.org/log'),
      text(' and '),
      link('mail us', 'mailto:desk@example.org'),
      text('.'),
    ]);
  });

  it('keeps line breaks as "\\n" (CRLF and CR normalised)', () => {
    expect(parseBody('one\r\ntwo\rthree\n\nfour')).toEqual([text('one\ntwo\nthree\n\nfour')]);
  });

  it('javascript:, data: and other schemes stay literal text', () => {
    for (const body of [
      '[click](javascript:alert(1))',
      '[click](JavaScript:alert(1))',
      '[click](java\tscript:alert(1))',
      '[click](java\nscript:alert(1))',
      '[click]( javascript:alert(1))',
      '[click](data:text/html;base64,PHNjcmlwdD4=)',
      '[click](vbscript:msgbox)',
      '[click](//evil.example)',
      '[click](/relative)',
      '[click](https://a.example/\u202egpj.exe)',
      '[click](https://exa mple.org)',
    ]) {
      const out = parseBody(body);
      expect(out, body).toEqual([text(body.replace(/\r\n?/g, '\n'))]);
    }
  });

  it('markup stays literal text', () => {
    const body = '<script>alert(1)</script> <img src=x onerror=alert(1)> **bold** <a href="https://x.example">x</a> &amp;';
    expect(parseBody(body)).toEqual([text(body)]);
  });

  it('the label is text even when it looks like markup', () => {
    expect(parseBody('[<b>bold</b>](https://example.org)')).toEqual([link('<b>bold</b>', 'https://example.org')]);
  });

  it('accepts upper-case schemes and balanced parentheses in URLs', () => {
    expect(parseBody('[w](HTTPS://en.wikipedia.org/wiki/Ferry_(boat)) end')).toEqual([
      link('w', 'HTTPS://en.wikipedia.org/wiki/Ferry_(boat)'),
      text(' end'),
    ]);
  });

  it('an empty label shows the URL', () => {
    expect(parseBody('[](https://example.org)')).toEqual([link('https://example.org', 'https://example.org')]);
  });

  it('leaves brackets that are not links alone', () => {
    expect(parseBody('[a] (b) [c](d) [e]( [f](https://x.example')).toEqual([text('[a] (b) [c](d) [e]( [f](https://x.example')]);
    expect(parseBody('[[x](https://x.example)]')).toEqual([text('['), link('x', 'https://x.example'), text(']')]);
    expect(parseBody('[a\nb](https://x.example)')).toEqual([text('[a\nb](https://x.example)')]);
  });

  it('returns [] for empty or non-string input', () => {
    expect(parseBody('')).toEqual([]);
    expect(parseBody(undefined as unknown as string)).toEqual([]);
    expect(parseBody({} as unknown as string)).toEqual([]);
  });

  it('stays fast on pathological input', () => {
    parseBody('['.repeat(200_000));
    parseBody('[a]('.repeat(50_000));
    parseBody(`[x](https://x.example/${'('.repeat(100_000)}`);
  });

  it('property: the segments reproduce the text, and every href is http(s)/mailto', () => {
    const piece = fc.oneof(
      fc.string(),
      fc.constantFrom('[', ']', '(', ')', '\n', 'javascript:', 'https://a.example', 'mailto:x@y.z', '[a](https://b.example)', '[c](javascript:d)'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const body = pieces.join('');
        const out = parseBody(body);
        const rebuilt = out.map((s) => (s.type === 'text' ? s.text : `[${s.text === s.href ? '' : s.text}](${s.href})`)).join('');
        const links = out.filter((s) => s.type === 'link');
        for (const l of links) expect(l.href).toMatch(/^(https?:\/\/|mailto:)/i);
        // Blank labels are shown as the URL, so compare modulo label-equals-URL and blank labels.
        const same = (x: string): string => x.replace(/\[\s*\]\(/g, '[](').replace(/\[([^\][]*)\]\(\1\)/g, '[]($1)');
        expect(same(rebuilt)).toBe(same(body.replace(/\r\n?/g, '\n')));
        for (let i = 1; i < out.length; i++) expect(out[i]!.type === 'text' && out[i - 1]!.type === 'text').toBe(false);
      }),
    );
  });
});
