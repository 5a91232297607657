import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  collectTimestamp,
  decodeEntities,
  parseCueText,
  parseCueTextTree,
  sanitiseClassName,
  sanitiseLang,
} from '../../src/model/parse/cue-text.js';
import type { CueNode } from '../../src/model/types.js';
import { readTimestamp, readTimestampGeneral, timestampEnd } from '../../src/model/parse/timestamp.js';

const ALLOWED = new Set(['text', 'b', 'i', 'u', 'c', 'v', 'lang', 'ruby', 'rt']);
const ALLOWED_KEYS = new Set(['type', 'children', 'className', 'lang', 'voice', 'text']);

/** Every node has an allowed type and only allowed keys; className/lang are sanitised. */
function assertSafe(nodes: CueNode[] | undefined): void {
  for (const n of nodes ?? []) {
    expect(ALLOWED.has(n.type)).toBe(true);
    for (const k of Object.keys(n)) expect(ALLOWED_KEYS.has(k)).toBe(true);
    if (n.type === 'text') {
      expect(typeof n.text).toBe('string');
      continue;
    }
    if (n.className !== undefined) expect(n.className).toMatch(/^[A-Za-z0-9_-]+( [A-Za-z0-9_-]+)*$/);
    if (n.lang !== undefined) expect(n.lang).toMatch(/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/);
    if (n.voice !== undefined) expect(typeof n.voice).toBe('string');
    assertSafe(n.children);
  }
}

describe('collectTimestamp', () => {
  it('reads mm:ss.ttt and hh:mm:ss.ttt, with any number of hour digits', () => {
    expect(collectTimestamp('00:02.345', 0)).toEqual({ time: 2.345, end: 9 });
    expect(collectTimestamp('01:02:03.004', 0)?.time).toBe(3723.004);
    expect(collectTimestamp('100:00:00.000', 0)?.time).toBe(360000);
    expect(collectTimestamp('0:00:01.000', 0)?.time).toBe(1);
    expect(collectTimestamp('x 00:01.000', 2)).toEqual({ time: 1, end: 11 });
  });
  it('rejects what the WebVTT spec rejects', () => {
    for (const bad of ['00:00', '00:00.00', '00:00.0000', '00:60.000', '00:60:00.000', '000:00.000', '1:00.000', '00:00,000', '-00:00.000', '']) {
      const r = collectTimestamp(bad, 0);
      // "00:00.0000" collects four fraction digits and fails as a whole.
      expect(r === null || r.end !== bad.length, bad).toBe(true);
    }
  });
});

describe('decodeEntities', () => {
  it('decodes named, legacy and numeric references like HTML', () => {
    expect(decodeEntities('a &amp; b &lt;c&gt; &nbsp;&lrm;&rlm;')).toBe('a & b <c> \u00a0\u200e\u200f');
    expect(decodeEntities('&amp')).toBe('&');
    expect(decodeEntities('&AMP;')).toBe('&');
    expect(decodeEntities('&#32;&#x41;&#X42;')).toBe(' AB');
    expect(decodeEntities('&not &notit; &notin;')).toBe('¬ ¬it; ∉');
    expect(decodeEntities('&copy; &hellip; &mdash;')).toBe('© … —');
    expect(decodeEntities('&#0; &#xD800; &#x110000;')).toBe('\uFFFD \uFFFD \uFFFD');
  });
  it('decodes once (no double decoding) and leaves unknown references as text', () => {
    expect(decodeEntities('&amp;lt;')).toBe('&lt;');
    expect(decodeEntities('&& &1 &; &nbs &am; &zzz;')).toBe('&& &1 &; &nbs &am; &zzz;');
  });
});

describe('sanitisers', () => {
  it('keeps only safe class tokens', () => {
    expect(sanitiseClassName(['ok', 'bad-name', '../bad', 'a"b', ''])).toBe('ok bad-name');
    expect(sanitiseClassName(['x onclick=y'])).toBe('x');
    expect(sanitiseClassName(['<script>'])).toBeUndefined();
  });
  it('keeps only BCP 47-looking languages', () => {
    expect(sanitiseLang('en-US')).toBe('en-US');
    expect(sanitiseLang('zh-Hant-TW')).toBe('zh-Hant-TW');
    expect(sanitiseLang('javascript:alert(1)')).toBeUndefined();
    expect(sanitiseLang('en US')).toBeUndefined();
    expect(sanitiseLang('')).toBeUndefined();
  });
});

describe('parseCueText', () => {
  it('gives plain text with entities decoded, lines trimmed, spaces collapsed', () => {
    const r = parseCueText('  Tom &amp; Jerry  \n  say   &lt;hi&gt; ', 0, 1);
    expect(r.text).toBe('Tom & Jerry\nsay <hi>');
    expect(r.nodes).toBeUndefined();
    expect(r.words).toBeUndefined();
  });

  it('builds b/i/u/c/ruby nodes with sanitised classes', () => {
    const r = parseCueText('a <b>bold</b> <i.x.y>it</i> <c.loud.$bad>c</c> <ruby>字<rt>zi</rt></ruby>', 0, 1);
    expect(r.text).toBe('a bold it c 字zi');
    expect(r.nodes).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'b', children: [{ type: 'text', text: 'bold' }] },
      { type: 'text', text: ' ' },
      { type: 'i', className: 'x y', children: [{ type: 'text', text: 'it' }] },
      { type: 'text', text: ' ' },
      { type: 'c', className: 'loud', children: [{ type: 'text', text: 'c' }] },
      { type: 'text', text: ' ' },
      { type: 'ruby', children: [{ type: 'text', text: '字' }, { type: 'rt', children: [{ type: 'text', text: 'zi' }] }] },
    ]);
  });

  it('follows the spec tree rules: mismatched end tags ignored, rt only inside ruby, </ruby> closes rt', () => {
    expect(parseCueText('<i>Hee!</b> Hee!', 0, 1).nodes).toEqual([
      { type: 'i', children: [{ type: 'text', text: 'Hee! Hee!' }] },
    ]);
    const rt = parseCueText('<rt>x</rt>', 0, 1);
    expect(rt.text).toBe('x');
    expect(rt.nodes).toBeUndefined();
    expect(parseCueText('<ruby>a<rt>b</ruby>c', 0, 1).nodes).toEqual([
      { type: 'ruby', children: [{ type: 'text', text: 'a' }, { type: 'rt', children: [{ type: 'text', text: 'b' }] }] },
      { type: 'text', text: 'c' },
    ]);
  });

  it('drops unknown tags, keeps their text, and never lets attributes through', () => {
    const r = parseCueText('<b onclick="alert(1)">x</b><font color="red">y</font><script>z</script><img src=x onerror=alert(1)>', 0, 1);
    expect(r.text).toBe('xyz');
    expect(r.nodes).toEqual([{ type: 'b', children: [{ type: 'text', text: 'x' }] }, { type: 'text', text: 'yz' }]);
    assertSafe(r.nodes);
  });

  it('takes the speaker from the first voice and unwraps a voice that covers the whole cue', () => {
    const whole = parseCueText('<v Sarah>In today&#39;s episode</v>', 0, 1);
    expect(whole).toEqual({ text: "In today's episode", speaker: 'Sarah' });
    const two = parseCueText('<v.loud Joe>Hi</v> <v Mary>No <i>way</i></v>', 0, 1);
    expect(two.speaker).toBe('Joe');
    expect(two.text).toBe('Hi No way');
    expect(two.nodes?.[0]).toEqual({ type: 'v', voice: 'Joe', className: 'loud', children: [{ type: 'text', text: 'Hi' }] });
    expect(two.nodes?.[2]).toMatchObject({ type: 'v', voice: 'Mary' });
  });

  it('sets cue.lang from a lang span over the whole cue, and keeps inner lang spans as nodes', () => {
    const whole = parseCueText('<lang uk>Привіт</lang>', 0, 1);
    expect(whole).toEqual({ text: 'Привіт', lang: 'uk' });
    const part = parseCueText('Say <lang fr>bonjour</lang>', 0, 1);
    expect(part.lang).toBeUndefined();
    expect(part.nodes).toEqual([{ type: 'text', text: 'Say ' }, { type: 'lang', lang: 'fr', children: [{ type: 'text', text: 'bonjour' }] }]);
    const bad = parseCueText('<lang javascript:alert(1)>x</lang>', 0, 1);
    expect(bad).toEqual({ text: 'x' });
  });

  it('splits YouTube-style inline timestamps into timed words', () => {
    const r = parseCueText('hello<00:00:00.480><c> everyone</c><00:00:00.900><c> and you</c>', 0, 2.35);
    expect(r.text).toBe('hello everyone and you');
    expect(r.nodes).toBeUndefined(); // <c> without class carries nothing
    expect(r.words).toEqual([
      { start: 0, end: 0.48, text: 'hello' },
      { start: 0.48, end: 0.9, text: 'everyone' },
      { start: 0.9, end: 2.35, text: 'and' },
      { start: 0.9, end: 2.35, text: 'you' },
    ]);
  });

  it('clamps word times into the cue and keeps them non-decreasing', () => {
    const r = parseCueText('a<00:00:05.000> b<00:00:02.000> c<00:00:09.000> d', 3, 8);
    expect(r.words).toEqual([
      { start: 3, end: 5, text: 'a' },
      { start: 5, end: 5, text: 'b' },
      { start: 5, end: 8, text: 'c' },
      { start: 8, end: 8, text: 'd' },
    ]);
  });

  it('in SRT mode drops {\\an8} overrides and keeps a "<" that opens no tag', () => {
    const r = parseCueText('{\\an8}1 < 2 and <i>3</i> > 2 {\\i1}', 0, 1, { srt: true });
    expect(r.text).toBe('1 < 2 and 3 > 2');
    expect(r.nodes?.[1]).toEqual({ type: 'i', children: [{ type: 'text', text: '3' }] });
    // WebVTT mode follows the spec: "<" starts a tag whatever follows.
    expect(parseCueText('1 < 2 and 3', 0, 1).text).toBe('1');
  });

  it('survives deep nesting without exhausting the stack', () => {
    const deep = '<b>'.repeat(100000) + 'x' + '</b>'.repeat(100000);
    const r = parseCueText(deep, 0, 1);
    expect(r.text).toBe('x');
    assertSafe(r.nodes);
  });

  it('property: never throws, output is always safe and words stay inside the cue', () => {
    const tagish = fc.constantFrom('<b>', '</b>', '<i.x>', '<c.a.b>', '<v Joe>', '</v>', '<lang en>', '<ruby>', '<rt>', '</ruby>', '<00:00:00.500>', '<00:01.000>', '&amp;', '&lt;', '<', '>', '&', '\n', ' ', '<script>', '<img src=x onerror=alert(1)>', '{\\an8}');
    const piece = fc.oneof(fc.string({ maxLength: 8 }), tagish);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.boolean(), (parts, srt) => {
        const r = parseCueText(parts.join(''), 0.25, 1.5, { srt });
        expect(typeof r.text).toBe('string');
        assertSafe(r.nodes);
        let last = 0.25;
        for (const w of r.words ?? []) {
          expect(w.start).toBeGreaterThanOrEqual(last);
          expect(w.end).toBeGreaterThanOrEqual(w.start);
          expect(w.end).toBeLessThanOrEqual(1.5);
          expect(w.text).not.toMatch(/\s/);
          last = w.start;
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('parseCueText: the one-scan path for text, timestamps and one voice', () => {
  // Pieces that make the fast path's shape, and pieces that must send it to the general parser.
  const piece = fc.oneof(
    fc.constantFrom('word', 'Ünïcödé', 'a', '', ' ', '  ', '\t', '\n', '\n\n', '\u00a0', ' x ', '1 < 2'),
    fc.constantFrom('<00:00:01.500>', '<00:00:02.000>', '<00:01.250>', '<99:00:00.000>', '<00:00:00.999>'),
    fc.constantFrom('<00:00:1.5>', '<0:00:01.000>', '<00:00:01.000', '<1>', '<>', '< >'),
    fc.constantFrom('</v>', '<v Ann>', '<b>', '</b>', '<c>', '</c>', '<c.loud>', '&amp;', '&lt;', '<lang en>', '<ruby>', '<rt>'),
  );
  const head = fc.constantFrom('', '<v Bob>', '<v  Ann  Lee >', '<v>', '<v.loud Bob>', '<v\tBob>', '<vx Bob>', ' <v Bob>', '<v Bob', `<v ${'N'.repeat(250)}>`);
  const tail = fc.constantFrom('', '</v>', '</v> ', '</v>\n', '</v> x', '</v></v>');

  it('gives exactly what the general parser gives, for any mix of them', () => {
    fc.assert(
      fc.property(head, fc.array(piece, { maxLength: 14 }), tail, fc.double({ min: 0, max: 3, noNaN: true }), (h, parts, t, start) => {
        const raw = h + parts.join('') + t;
        const end = start + 2;
        expect(parseCueText(raw, start, end)).toEqual(parseCueTextTree(raw, start, end));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a word-timed cue with its speaker', () => {
    const r = parseCueText('<v Ann Lee>Good <00:00:01.500>morning <00:00:02.000>all</v>', 1, 3);
    expect(r).toEqual({
      text: 'Good morning all',
      speaker: 'Ann Lee',
      words: [
        { start: 1, end: 1.5, text: 'Good' },
        { start: 1.5, end: 2, text: 'morning' },
        { start: 2, end: 3, text: 'all' },
      ],
    });
  });
});

describe('readTimestamp: the fixed-shape fast path', () => {
  it('gives what the general reader gives, time and end, for any mix of digits, colons and dots', () => {
    // Runs of 1–4 digits (values around 59 and 60 included), separators and other characters.
    const digits = fc.oneof(fc.integer({ min: 0, max: 9999 }).map(String), fc.constantFrom('00', '05', '59', '60', '99', '000', '999'));
    const piece = fc.oneof(digits, digits, fc.constantFrom(':', '.', 'x', '>', ''));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 7 }), fc.nat(3), (chars, pos) => {
        const s = chars.join('');
        const fast = readTimestamp(s, pos);
        const fastEnd = timestampEnd;
        const general = readTimestampGeneral(s, pos);
        expect(Object.is(fast, general) || fast === general, s).toBe(true);
        if (!Number.isNaN(general)) expect(fastEnd).toBe(timestampEnd);
      }),
      { numRuns: 20000 },
    );
    expect(readTimestamp('<01:02:03.456>', 1)).toBe(3723.456);
    expect(readTimestamp('59:59.999', 0)).toBe(3599.999);
    expect(readTimestamp('60:00.000', 0)).toBeNaN();
  });
});
