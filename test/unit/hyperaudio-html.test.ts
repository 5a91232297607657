import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeEntities, parseHyperaudioHTML, tokenizeHTML } from '../../src/model/parse/hyperaudio-html.js';
import { expectSaneResult } from '../fixtures/formats/invariants.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, '../shared/corpus');
const fixture = (f: string): string => readFileSync(path.resolve(repoRoot, 'test/fixtures/formats', f), 'utf8');
const rows = (html: string): unknown[] => parseHyperaudioHTML(html).transcript.cues.map((c) => [c.start, c.end, c.speaker, c.text]);

describe('tokenizeHTML', () => {
  const tokens = (src: string): string[] => {
    const out: string[] = [];
    tokenizeHTML(src, (t) => {
      if (t.type === 'text') out.push(`"${t.text}"@${t.line}`);
      else if (t.type === 'end') out.push(`</${t.name}>`);
      else out.push(`<${t.name}${[...t.attrs].map(([k, v]) => ` ${k}=${v}`).join('')}${t.selfClosing ? '/' : ''}>@${t.line}`);
    });
    return out;
  };

  it('reads quoted and bare attributes, with > inside quotes', () => {
    expect(tokens(`<span data-m="1" title='a > b' x=bare y data-m="2">w</span>`)).toEqual([
      '<span data-m=1 title=a > b x=bare y=>@1',
      '"w"@1',
      '</span>',
    ]);
  });

  it('skips comments, doctype, script/style content; keeps a lone <; counts lines', () => {
    expect(tokens('<!DOCTYPE html>\n<!-- <b>x</b> -->a < b<SCRIPT>if (a<b) "</p>"</script >\n<style>p{}</style><br/>c')).toEqual([
      '"\n"@1',
      '"a < b"@2',
      '"\n"@2',
      '<br/>@3',
      '"c"@3',
    ]);
  });

  it('survives unterminated constructs', () => {
    expect(tokens('<span data-m="1')).toEqual(['<span data-m=1>@1']);
    expect(tokens('a<!-- never closed')).toEqual(['"a"@1']);
    expect(tokens('<script>forever')).toEqual([]);
    expect(tokens('x</')).toEqual(['"x</"@1']);
  });

  it('decodes entities in text and attributes', () => {
    expect(decodeEntities('&amp;&lt;&gt;&quot;&#39;&#x2026;&hellip;&nbsp;&unknown;&amp &#0;&#xD800;&#1114112;')).toBe(
      '&<>"\'……\u00a0&unknown;&amp \ufffd\ufffd\ufffd',
    );
    expect(decodeEntities('&constructor; &__proto__;')).toBe('&constructor; &__proto__;');
    expect(tokens('<a title="&quot;hi&quot;">')).toEqual(['<a title="hi">@1']);
  });
});

describe('parseHyperaudioHTML on a Hyperaudio Lite page', () => {
  const html = fixture('hyperaudio-interview.html');
  const r = parseHyperaudioHTML(html);

  it('finds the lines, speakers, words and times', () => {
    expect(r.format).toBe('hyperaudio-html');
    expect(r.transcript.cues.map((c) => [c.id, c.start, c.end, c.speaker, c.text])).toEqual([
      ['1', 1, 2.5, 'Alexandra', 'I think that’s right.'],
      ['2', 3, 5.5, 'Alexandra', 'We met in Kyiv, um, "years" ago…'],
      ['3', 7, 7.6, 'Bohdan', 'Yes, I'],
      ['4', 8, 9, 'Bohdan', 'remember & agree.'],
    ]);
    expect(r.transcript.cues[1]?.words).toEqual([
      { start: 3, end: 3.3, text: 'We' },
      { start: 3.3, end: 3.5, text: 'met' },
      { start: 3.5, end: 3.8, text: 'in' },
      { start: 3.8, end: 4.6, text: 'Kyiv, um,' }, // no data-d: ends at the next word; the bad word's text is glued on
      { start: 4.6, end: 5, text: '"years"' },
      { start: 5, end: 5.5, text: 'ago…' },
    ]);
    expectSaneResult(r);
  });

  it('reports the bad data-m with its source line', () => {
    const line = html.split('\n').findIndex((l) => l.includes('data-m="oops"')) + 1;
    expect(r.problems).toEqual([{ kind: 'parse', code: 'bad-timestamp', line, detail: 'data-m="oops"' }]);
  });
});

describe('parseHyperaudioHTML details', () => {
  it('reads the README example shape (speaker span with data-d=0)', () => {
    const html = `<p>
  <span data-m="52890" data-d="0" class="speaker">Alexandra: </span>
  <span data-m="52890" data-d="90">I </span>
  <span data-m="52980" data-d="240">think </span>
</p>`;
    const [cue] = parseHyperaudioHTML(html).transcript.cues;
    expect(cue).toEqual({
      id: '1', start: 52.89, end: 53.22, text: 'I think', speaker: 'Alexandra',
      words: [{ start: 52.89, end: 52.98, text: 'I' }, { start: 52.98, end: 53.22, text: 'think' }],
    });
  });

  it('tolerates mismatched closing tags (<span …>Hi </a><a …>)', () => {
    expect(rows('<p><span data-m="20">Hi </a><a data-m="400">and </a><a data-m="520">welcome</a></p>')).toEqual([[0.02, 0.52, undefined, 'Hi and welcome']]);
  });

  it('data-speaker, [Name] at a line start, labels mid-paragraph', () => {
    const html = '<p data-speaker="Ann"><span data-m="0" data-d="100">a</span> <span data-m="100" data-d="100">[laughs]</span> <span class="speaker">Bob</span> <span data-m="200" data-d="100">b</span></p>' +
      '<p><span class="ha-speaker-label">Cy</span><span data-m="300" data-d="100">c</span></p><p>[Dee] <span data-m="400" data-d="100">d</span></p>' +
      '<p><span data-m="500" data-d="100">[Eve]:</span><span data-m="600" data-d="100">e</span></p>';
    expect(rows(html)).toEqual([
      [0, 0.2, 'Ann', 'a [laughs]'],
      [0.2, 0.3, 'Bob', 'b'],
      [0.3, 0.4, 'Cy', 'c'],
      [0.4, 0.5, 'Dee', 'd'],
      [0.6, 0.7, 'Eve', 'e'],
    ]);
  });

  it('an unclosed speaker label ends at the next word or line', () => {
    expect(rows('<p><span class="speaker">Ann: <span data-m="0" data-d="100">a</span></p><p><b class="speaker">Bo<p><span data-m="100" data-d="100">b</span></p>')).toEqual([
      [0, 0.1, 'Ann', 'a'],
      [0.1, 0.2, 'Bo', 'b'],
    ]);
  });

  it('untimed text before the first word becomes its prefix; untimed-only paragraphs are dropped', () => {
    expect(rows('<h2>Title</h2><p>“<span data-m="0" data-d="500">Quote</span>” said <span data-m="1000" data-d="500">she</span></p><p>chrome</p>')).toEqual([
      [0, 1.5, undefined, '“Quote” said she'],
    ]);
  });

  it('a timed block without timed words becomes one word', () => {
    const r = parseHyperaudioHTML('<p data-m="1000" data-d="2000">A whole sentence.</p><p data-m="3000">Next.</p>');
    expect(r.transcript.cues.map((c) => [c.start, c.end, c.text])).toEqual([[1, 3, 'A whole sentence.'], [3, 3, 'Next.']]);
  });

  it('nested markup inside a word, bad data-d, out-of-order words', () => {
    const r = parseHyperaudioHTML('<p><span data-m="2000" data-d="x"><b>bold</b> word</span><span data-m="1000" data-d="100">earlier</span></p>');
    expect(r.transcript.cues[0]).toMatchObject({ start: 2, end: 2, text: 'bold word earlier' });
    expect(r.problems).toEqual([{ kind: 'parse', code: 'bad-timestamp', line: 1, detail: 'data-d="x"' }]);
    expectSaneResult(r);
  });

  it('keeps times finite when data-m + data-d overflows', () => {
    const r = parseHyperaudioHTML('<span data-m="1e308" data-d="1.7e308">x</span>');
    expect(r.transcript.cues[0]).toMatchObject({ start: 1e305, end: 1e305 });
  });

  it('reports files without timed elements', () => {
    expect(parseHyperaudioHTML('<p>nothing timed</p>').problems).toEqual([{ kind: 'format', code: 'no-cues' }]);
    expect(parseHyperaudioHTML('').problems).toEqual([{ kind: 'format', code: 'no-cues' }]);
    const bad = parseHyperaudioHTML('<p><span data-m="-5">a</span><span data-m="">b</span></p>');
    expect(bad.problems.map((p) => p.code)).toEqual(['bad-timestamp', 'bad-timestamp', 'no-cues']);
  });

  it('keeps only text from hostile markup', () => {
    const r = parseHyperaudioHTML('<p><span data-m="0" data-d="100" onclick="alert(1)"><img src=x onerror=alert(1)>hi<script>alert(1)</script></span><span data-m="100" data-d="1">&lt;b&gt;</span></p>');
    expect(r.transcript.cues[0]?.text).toBe('hi <b>');
    expect(JSON.stringify(r)).not.toContain('alert');
  });

  it('handles deep nesting and long input in reasonable time', () => {
    const deep = `${'<span>'.repeat(5000)}<p><span data-m="0" data-d="1">x</span></p>${'</span>'.repeat(5000)}`;
    expect(parseHyperaudioHTML(deep).transcript.cues).toHaveLength(1);
    const words = Array.from({ length: 50_000 }, (_, i) => `<span data-m="${i * 100}" data-d="100">w${i} </span>`).join('\n');
    const r = parseHyperaudioHTML(`<p>${words}</p>`);
    expect(r.transcript.cues[0]?.words).toHaveLength(50_000);
    const sloppy = Array.from({ length: 5000 }, (_, i) => `<span data-m="${i}">w</a>`).join('');
    expect(parseHyperaudioHTML(sloppy).transcript.cues[0]?.words).toHaveLength(5000);
    const hostile = `${'<span data-m="1">x<p>'.repeat(30_000)}${'</zzz>'.repeat(30_000)}`;
    expect(parseHyperaudioHTML(hostile).transcript.cues).toHaveLength(30_000);
  });

  it('never throws; output keeps the invariants', () => {
    const piece = fc.oneof(
      fc.constantFrom('<p>', '</p>', '<br>', '<section>', '</span>', '<!--', '-->', '<script>', '</script>', '&amp;', '&#x1F600;', '[Ann]', ' ', '"', "'", '>', '<'),
      fc.integer({ min: -10, max: 5000 }).map((m) => `<span data-m="${m}" data-d="${m % 300}">`),
      fc.constantFrom('<span class="speaker">', '<a data-m=12>', '<span data-m="1e308" data-d="1e308">', '<i data-m=0x10 data-d=-1>', '<span data-m="x">', '<p data-m="40">', '<b>', '</b>'),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        expectSaneResult(parseHyperaudioHTML(parts.join('')));
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expectSaneResult(parseHyperaudioHTML(s));
      }),
    );
  });
});

describe.skipIf(!existsSync(corpus))('parseHyperaudioHTML on the podcast-namespace HTML sample (../shared/corpus)', () => {
  it('reads <cite>/<time>/<p> monologues', () => {
    const r = parseHyperaudioHTML(readFileSync(path.join(corpus, 'podcast-namespace/example.html'), 'utf8'));
    expect(r.problems).toEqual([]);
    const cues = r.transcript.cues;
    expect(cues).toHaveLength(10);
    expect(cues.map((c) => c.start)).toEqual([0, 53, 102, 219, 263, 322, 376, 562, 617, 691]);
    expect(cues.map((c) => c.speaker)).toEqual(['Travis', 'Sarah', 'Travis', 'Gilon', 'Travis', 'Gilon', 'Travis', 'Sarah', 'Gilon', 'Travis']);
    expect(cues[0]?.end).toBe(53);
    expect(cues[0]?.text).toMatch(/^When you first get started in podcasting, it's almost guaranteed/);
    expect(cues[9]?.end).toBeGreaterThan(691);
    expect(cues.every((c) => c.words === undefined)).toBe(true);
    expectSaneResult(r);
  });
});
if (!existsSync(corpus)) console.warn(`hyperaudio-html.test: corpus not found at ${corpus}; the example.html check is skipped`);

describe('parseHyperaudioHTML: podcast-namespace HTML details', () => {
  it('spec snippet, untimed paragraphs, bad times, datetime attribute', () => {
    const html = `<cite>Kevin:</cite>
<time>0:00</time>
<p>
  We have an update planned
</p>
<p>and a second paragraph</p>
<cite>Alban :</cite>
<time>0:09</time>
<p>You&#39;re triggering Tom.</p>
<cite>Zed:</cite><time>soon</time><p>untimed goes to the previous cue</p>
<time datetime="PT">0:20</time><p>last</p>`;
    const r = parseHyperaudioHTML(html);
    expect(r.transcript.cues.map((c) => [c.id, c.start, c.end, c.speaker, c.text])).toEqual([
      ['1', 0, 9, 'Kevin', 'We have an update planned\nand a second paragraph'],
      ['2', 9, 20, 'Alban', "You're triggering Tom.\nuntimed goes to the previous cue"],
      ['3', 20, 21, 'Zed', 'last'],
    ]);
    expect(r.problems).toEqual([{ kind: 'parse', code: 'bad-timestamp', line: 10, detail: 'soon' }]);
  });
});
