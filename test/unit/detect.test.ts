import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectFormat } from '../../src/model/parse/detect.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, '../shared/corpus');
const fixtures = path.resolve(repoRoot, 'test/fixtures/formats');

const SRT = '1\n00:00:01,000 --> 00:00:02,500\nHello\n\n2\n00:00:03,000 --> 00:00:04,000\nWorld\n';
const VTT = 'WEBVTT\n\n00:01.000 --> 00:02.000\nHello\n';

describe('detectFormat by content', () => {
  it.each([
    [VTT, 'vtt'],
    ['\uFEFFWEBVTT - a title\n\n00:01.000 --> 00:02.000\nx', 'vtt'],
    ['WEBVTT', 'vtt'],
    ['{"version":1,"cues":[]}', 'json'],
    ['  \n[{"start":0,"end":1,"text":"x"}]', 'json'],
    ['{"version":"1.0.0","segments":[]}', 'podcast-json'],
    ['<p><span data-m="100" data-d="200">Hi</span></p>', 'hyperaudio-html'],
    ['<!DOCTYPE html><html><body><a data-m=20>x</a></body></html>', 'hyperaudio-html'],
    [SRT, 'srt'],
    ['\uFEFF1\r\n00:00:01,000 --> 00:00:02,000\r\nx\r\n', 'srt'],
    ['00:00:01,000 --> 00:00:02,000\nno index line\n', 'srt'],
    ['1\n00:00:01.000 --> 00:00:02.000\nx\n', 'vtt'], // no header + dot ms: the VTT parser reports it
    ['00:01.000 --> 00:02.000\nx', 'vtt'],
    ['1\n00:00:02 --> 00:00:03\nno milliseconds\n', 'srt'],
    ['{"version": 1, "cues": [', 'json'], // broken JSON still goes to a JSON parser (bad-json)
    ['{"segments": [ {', 'podcast-json'],
    ['{"hello": 1}', 'json'],
    ['<cite>Kevin:</cite>\n<time>0:00</time>\n<p>Hi</p>', 'hyperaudio-html'],
    ['WEBVTTX\n\n00:01.000 --> 00:02.000\nx', 'vtt'],
  ])('%j → %s', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });

  it.each(['', 'hello world', 'just some text\nwith lines', '42', 'null', '<<<'])('%j → null', (text) => {
    expect(detectFormat(text)).toBeNull();
  });

  it('content wins over a wrong content type or extension', () => {
    expect(detectFormat(VTT, 'captions.srt', 'text/plain')).toBe('vtt');
    expect(detectFormat(SRT, 'x.vtt', 'text/vtt')).toBe('srt');
    expect(detectFormat('{"segments":[]}', 'x.html', 'text/html')).toBe('podcast-json');
  });
});

describe('detectFormat by content type, then extension', () => {
  const vague = 'some words without any timing';
  it.each([
    ['text/vtt', 'vtt'],
    ['text/vtt; charset=utf-8', 'vtt'],
    ['application/x-subrip', 'srt'],
    ['application/srt', 'srt'],
    ['TEXT/HTML; charset=UTF-8', 'hyperaudio-html'],
    ['application/json', 'json'],
    ['text/plain', null],
    ['', null],
  ])('%s', (type, format) => {
    expect(detectFormat(vague, undefined, type)).toBe(format);
  });

  it('application/json looks at the shape', () => {
    expect(detectFormat('{"segments":[]}', undefined, 'application/json')).toBe('podcast-json');
    expect(detectFormat('{"x":1}', undefined, 'application/json')).toBe('json');
  });

  it.each([
    ['https://example.com/a/b.vtt', 'vtt'],
    ['https://example.com/a/b.VTT?x=1.json#t=3', 'vtt'],
    ['/files/episode.srt', 'srt'],
    ['transcript.html', 'hyperaudio-html'],
    ['transcript.htm#frag', 'hyperaudio-html'],
    ['transcript.json', 'json'],
    ['https://example.com/a.srt/file', null],
    ['https://example.com/?file=a.vtt', null],
    ['noextension', null],
  ])('%s', (url, format) => {
    expect(detectFormat(vague, url)).toBe(format);
  });

  it('content type comes before the extension', () => {
    expect(detectFormat(vague, 'x.srt', 'text/vtt')).toBe('vtt');
    expect(detectFormat(vague, 'x.srt', 'text/plain')).toBe('srt');
  });
});

describe('detectFormat never throws', () => {
  it('on arbitrary strings and arguments', () => {
    const formats = [null, 'vtt', 'srt', 'podcast-json', 'hyperaudio-html', 'json'];
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.option(fc.string()), fc.option(fc.string()), (t, u, c) => {
        expect(formats).toContain(detectFormat(t, u ?? undefined, c ?? undefined));
      }),
    );
    expect(detectFormat(undefined as unknown as string)).toBeNull();
  });

  // No wall-clock assertion (no timed unit test): the default test timeout is the hang guard.
  it('stays fast on large pathological input', () => {
    const big = `${'<a '.repeat(100_000)}${'1'.repeat(100_000)}\n${'9'.repeat(100_000)}`;
    expect(detectFormat(big)).toBeNull();
    expect(detectFormat(`${' '.repeat(200_000)}x\n${'1'.repeat(200_000)}\n00:00:01,000 -->`)).toBe('srt');
  });
});

describe.skipIf(!existsSync(corpus))('detectFormat on the conformance corpus (../shared/corpus)', () => {
  const read = (f: string): string => readFileSync(path.join(corpus, f), 'utf8');
  it('podcast-namespace samples', () => {
    expect(detectFormat(read('podcast-namespace/example.json'))).toBe('podcast-json');
    expect(detectFormat(read('podcast-namespace/example.srt'))).toBe('srt');
    expect(detectFormat(read('podcast-namespace/example.vtt'))).toBe('vtt');
    expect(detectFormat(read('podcast-namespace/example.html'))).toBe('hyperaudio-html');
    expect(detectFormat(read('podcast-namespace/example.html'), 'example.html', 'text/html')).toBe('hyperaudio-html');
  });
});
if (!existsSync(corpus)) console.warn(`detect.test: corpus not found at ${corpus}; corpus checks skipped`);

describe('detectFormat on the project fixtures', () => {
  it.each([
    ['hyperaudio-interview.html', 'hyperaudio-html'],
    ['podcast-sentences.json', 'podcast-json'],
    ['podcast-words-bad.json', 'podcast-json'],
    ['transcript-valid.json', 'json'],
  ])('%s', (file, format) => {
    expect(detectFormat(readFileSync(path.join(fixtures, file), 'utf8'))).toBe(format);
  });
});
