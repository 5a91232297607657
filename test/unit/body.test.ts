import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseBody, type BodySegment } from '../../src/model/annotations/index.js';
import { BODY_CACHE_CHARS, BODY_CACHE_ENTRIES } from '../../src/model/annotations/body.js';
import { SOURCE_URL_SCHEMES, safeUrl } from '../../src/model/safe-url.js';

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

  it('is linear on 2 MB of "[x](" (every link attempt used to scan up to 4 096 characters for its ")")', () => {
    const body = '[x]('.repeat(500_000);
    expect(parseBody(body)).toEqual([text(body)]);
    const closed = `${'[x]('.repeat(100_000)}https://a.example)`;
    const out = parseBody(closed);
    // Only the last "(" is closed, and its URL is what follows it.
    expect(out[out.length - 1]).toEqual(link('x', 'https://a.example'));
  });

  it('caches the result per body string (frozen), least recently used out first', () => {
    const body = 'cached [one](https://a.example) body';
    const first = parseBody(body);
    expect(parseBody(body)).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first[1])).toBe(true);
    for (let i = 0; i < BODY_CACHE_ENTRIES; i++) parseBody(`filler ${i}`);
    const again = parseBody(body);
    expect(again).not.toBe(first); // evicted, parsed again
    expect(again).toEqual(first);
    const huge = 'x'.repeat(BODY_CACHE_CHARS + 1);
    expect(parseBody(huge)).not.toBe(parseBody(huge)); // too long to keep
  });

  it('property: the same segments as the old scanner (bounded label, balanced parentheses in the URL)', () => {
    const reference = (raw: string): BodySegment[] => {
      const str = raw.replace(/\r\n?/g, '\n');
      const out: BodySegment[] = [];
      let acc = '';
      let i = 0;
      while (i < str.length) {
        const open = str.indexOf('[', i);
        if (open < 0) {
          acc += str.slice(i);
          break;
        }
        acc += str.slice(i, open);
        let close = -1;
        for (let j = open + 1; j < str.length && j <= open + 501; j++) {
          if (str[j] === ']') {
            close = j;
            break;
          }
          if (str[j] === '[' || str[j] === '\n') break;
        }
        let end = -1;
        if (close >= 0 && str[close + 1] === '(') {
          let depth = 0;
          let j = close + 2;
          for (; j < str.length && j <= close + 2 + 4096; j++) {
            if (str[j] === '(') depth++;
            else if (str[j] === ')') {
              if (depth === 0) break;
              depth--;
            }
          }
          if (str[j] === ')') end = j;
        }
        const href = end >= 0 ? safeUrl(str.slice(close + 2, end), SOURCE_URL_SCHEMES) : null;
        if (href !== null) {
          if (acc !== '') out.push(text(acc));
          acc = '';
          const label = str.slice(open + 1, close);
          out.push(link(label.trim() === '' ? href : label, href));
          i = end + 1;
        } else {
          acc += '[';
          i = open + 1;
        }
      }
      if (acc !== '') out.push(text(acc));
      return out;
    };
    const piece = fc.constantFrom('[', ']', '(', ')', '\n', 'x', ' ', 'https://a.example', 'mailto:x@y.z', '[a](https://b.example/(c))', '](');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const body = pieces.join('');
        expect(parseBody(body)).toEqual(reference(body));
      }),
      { numRuns: 2000 },
    );
  });
});
