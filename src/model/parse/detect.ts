/**
 * Format detection: content first when it is unambiguous, then the HTTP content type,
 * then the URL's extension, then weaker content hints. Never throws.
 *
 * Order (first match wins):
 *  1. content signatures: "WEBVTT" (after an optional BOM) → vtt; JSON with `segments` →
 *     podcast-json; other JSON objects/arrays → json; a tag carrying `data-m=` →
 *     hyperaudio-html; a digits line followed by a `-->` line with comma milliseconds → srt;
 *  2. content type (text/vtt, application/x-subrip…, application/json + shape, text/html);
 *  3. URL extension, query and hash ignored (.vtt .srt .json .html .htm);
 *  4. weak hints: `-->` lines with comma ms → srt; with dot ms (no WEBVTT header) → vtt, so
 *     that the VTT parser reports the bad signature; a digits line then any `-->` line → srt; JSON-looking text that does not parse
 *     → json/podcast-json (the parser reports bad-json); HTML with <p>/<time>/<cite> → hyperaudio-html.
 */
import type { TranscriptFormat } from '../types.js';
import { parseJson } from '../untrusted.js';

const VTT_SIGNATURE = /^WEBVTT(?:[ \t\r\n]|$)/;
// A sequence-number line, then a timing line with comma milliseconds.
const SRT_SHAPE = /^[ \t]*\d+[ \t]*\r?\n[ \t]*(?:\d+:)?\d{1,2}:\d{2},\d{1,3}[ \t]*-->/m;
const ARROW_COMMA = /^[ \t]*(?:\d+:)?\d{1,2}:\d{2},\d{1,3}[ \t]*-->/m;
const ARROW_DOT = /^[ \t]*(?:\d+:)?\d{1,2}:\d{2}\.\d{1,3}[ \t]*-->/m;
// A sequence-number line, then any line with an arrow ("00:00:02 --> 00:00:03", no ms).
const SRT_LOOSE = /^[ \t]*\d+[ \t]*\r?\n[^\r\n]*-->/m;
const HYPERAUDIO_ATTR = /<[A-Za-z][^<>]*?\sdata-m\s*=/;
const HTML_HINT = /<(?:p|time|cite|span|article|section|html|body|div)\b/i;

type JsonShape = 'json' | 'podcast-json' | 'unknown' | 'invalid';

/** Shape of JSON text: `segments` array → podcast-json; `cues` or a bare array → json. */
function jsonShape(text: string): JsonShape {
  // parseJson, not JSON.parse: it refuses hostile nesting, which engines parse in superlinear time.
  const parsed = parseJson(text);
  if (!parsed.ok) return 'invalid';
  const data = parsed.value;
  if (Array.isArray(data)) return 'json';
  if (data === null || typeof data !== 'object') return 'unknown';
  const obj = data as Record<string, unknown>;
  if (Array.isArray(obj['segments'])) return 'podcast-json';
  if ('cues' in obj || 'version' in obj) return 'json';
  return 'unknown';
}

/** For JSON that did not parse or has no known shape: guess from its keys. */
function guessJson(text: string): 'json' | 'podcast-json' {
  return /"segments"\s*:/.test(text) && !/"cues"\s*:/.test(text) ? 'podcast-json' : 'json';
}

function fromContentType(contentType: string | undefined, shape: () => JsonShape, text: string): TranscriptFormat | null {
  if (typeof contentType !== 'string') return null;
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  switch (type) {
    case 'text/vtt':
      return 'vtt';
    case 'application/x-subrip':
    case 'application/srt':
    case 'text/srt':
    case 'text/x-srt':
      return 'srt';
    case 'text/html':
    case 'application/xhtml+xml':
      return 'hyperaudio-html';
  }
  if (type === 'application/json' || type === 'text/json' || type.endsWith('+json')) {
    const s = shape();
    return s === 'podcast-json' || s === 'json' ? s : guessJson(text);
  }
  return null;
}

function extensionOf(url: string | undefined): string {
  if (typeof url !== 'string') return '';
  const path = url.split(/[?#]/, 1)[0] ?? '';
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? name.slice(dot + 1).toLowerCase() : '';
}

function fromExtension(url: string | undefined, shape: () => JsonShape, text: string): TranscriptFormat | null {
  switch (extensionOf(url)) {
    case 'vtt':
      return 'vtt';
    case 'srt':
      return 'srt';
    case 'html':
    case 'htm':
      return 'hyperaudio-html';
    case 'json': {
      const s = shape();
      return s === 'podcast-json' || s === 'json' ? s : guessJson(text);
    }
  }
  return null;
}

/** Detects the transcript format of `text`; null when nothing fits. */
export function detectFormat(text: string, url?: string, contentType?: string): TranscriptFormat | null {
  if (typeof text !== 'string') return null;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (VTT_SIGNATURE.test(body)) return 'vtt';

  const trimmed = body.trimStart();
  const first = trimmed.charAt(0);
  const looksJson = first === '{' || first === '[';
  let cachedShape: JsonShape | undefined;
  const shape = (): JsonShape => (cachedShape ??= looksJson ? jsonShape(body) : 'invalid');

  if (looksJson) {
    const s = shape();
    if (s === 'podcast-json' || s === 'json') return s;
  }
  if (first === '<' || !looksJson) {
    if (HYPERAUDIO_ATTR.test(body)) return 'hyperaudio-html';
  }
  if (!looksJson && SRT_SHAPE.test(body)) return 'srt';

  const declared = fromContentType(contentType, shape, body) ?? fromExtension(url, shape, body);
  if (declared) return declared;

  if (looksJson) return shape() === 'unknown' ? 'json' : guessJson(body);
  if (ARROW_COMMA.test(body)) return 'srt';
  if (ARROW_DOT.test(body)) return 'vtt';
  if (SRT_LOOSE.test(body)) return 'srt';
  if (first === '<' && HTML_HINT.test(body)) return 'hyperaudio-html';
  return null;
}
