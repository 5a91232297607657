/** The iframe embed's query string (demo/embed-params.ts): good values taken, hostile ones refused. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { embedTime, embedUrl, readEmbedParams } from '../../demo/embed-params.js';

const BASE = 'https://news.example/embed/embed.html?x=1';

describe('embedUrl', () => {
  it.each([
    ['talk.vtt', 'https://news.example/embed/talk.vtt'],
    ['../media/talk.mp4', 'https://news.example/media/talk.mp4'],
    ['/media/talk.mp4', 'https://news.example/media/talk.mp4'],
    ['https://cdn.example/a%20b.vtt?v=2#x', 'https://cdn.example/a%20b.vtt?v=2#x'],
    ['http://cdn.example/talk.vtt', 'http://cdn.example/talk.vtt'],
    ['HTTPS://cdn.example/T.vtt', 'https://cdn.example/T.vtt'],
    ['//cdn.example/talk.vtt', 'https://cdn.example/talk.vtt'],
  ])('takes %s', (raw, resolved) => {
    expect(embedUrl(raw, BASE)).toBe(resolved);
  });

  it.each([
    'javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:alert(1)',
    'data:text/vtt,WEBVTT', 'data:text/html;base64,PHNjcmlwdD4=', 'blob:https://news.example/1234', 'file:///etc/passwd',
    'vbscript:x', 'ftp://example.com/a', 'mailto:a@example.com', 'about:blank', 'https:\\\\evil.example', '\\\\evil.example\\x',
    'https://exa mple.com/', 'talk\u202e.vtt', 'http://', '', 'x'.repeat(5000),
  ])('refuses %j', (raw) => {
    expect(embedUrl(raw, BASE)).toBeNull();
  });

  it('never returns anything but an http(s) URL, whatever the input', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (raw) => {
      const url = embedUrl(raw, BASE);
      return url === null || /^https?:\/\//.test(url);
    }), { numRuns: 2000 });
  });
});

describe('embedTime', () => {
  it.each([['90', 90], ['90.5', 90.5], ['1:30', 90], ['1:02:03', 3723], ['0', 0]])('%s → %d s', (raw, s) => {
    expect(embedTime(raw)).toBe(s);
  });
  it.each(['-1', '1e3', 'NaN', 'Infinity', '1:60', '', ' 5', '5s', '1::2', '9999999'])('refuses %j', (raw) => {
    expect(embedTime(raw)).toBeNull();
  });
});

describe('readEmbedParams', () => {
  it('reads every parameter', () => {
    const p = readEmbedParams('?media=talk.mp4&src=https%3A%2F%2Fcdn.example%2Ft.vtt&annotations=a.json&lang=uk&t=1:05', BASE);
    expect(p).toEqual({
      media: 'https://news.example/embed/talk.mp4', src: 'https://cdn.example/t.vtt', annotations: 'https://news.example/embed/a.json',
      lang: 'uk', t: 65, refused: [],
    });
  });

  it('refuses each bad parameter by name and keeps the good ones', () => {
    const p = readEmbedParams('?media=javascript:alert(1)&src=t.vtt&annotations=data:application/json,{}&lang=<b>&t=soon', BASE);
    expect(p.src).toBe('https://news.example/embed/t.vtt');
    expect([p.media, p.annotations, p.lang, p.t]).toEqual([null, null, null, null]);
    expect(p.refused).toEqual([
      { param: 'media', reason: 'url' }, { param: 'annotations', reason: 'url' }, { param: 'lang', reason: 'lang' }, { param: 't', reason: 't' },
    ]);
  });

  it('a parameter given twice is refused (no guessing which one the author meant)', () => {
    const p = readEmbedParams('?src=a.vtt&src=javascript:x', BASE);
    expect(p.src).toBeNull();
    expect(p.refused).toEqual([{ param: 'src', reason: 'repeated' }]);
  });

  it('an empty query string gives nothing and refuses nothing', () => {
    expect(readEmbedParams('', BASE)).toEqual({ media: null, src: null, annotations: null, lang: null, t: null, refused: [] });
  });
});
