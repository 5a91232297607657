/**
 * Entry point of transcript parsing: detects the format and dispatches.
 * Every function here returns problems as values and never throws.
 *
 * The readers of Podcasting 2.0 JSON and Hyperaudio HTML files are loaded (dynamic `import()`)
 * when a file in that format is read; import them from their own modules to have them at once.
 * (The viewer loads this module itself on demand: see controllers/readers.ts.)
 */
import type { ParseResult, TranscriptFormat } from '../types.js';
import { detectFormat } from './detect.js';
import { parseWebVTT } from './webvtt.js';
import { parseSRT } from './srt.js';
import { normaliseTranscriptData, parseTranscriptJSON } from './transcript-json.js';

export { detectFormat, parseWebVTT, parseSRT, normaliseTranscriptData };

export interface ParseOptions {
  /** Force a format instead of detecting it. */
  format?: TranscriptFormat;
  /** File name or URL, used for detection by extension. */
  url?: string;
  /** HTTP Content-Type, used for detection. */
  contentType?: string;
}

/**
 * Parses a transcript file of any supported format.
 * Returns the cues that parsed and every problem found; never throws.
 */
export async function parseTranscript(text: string, options: ParseOptions = {}): Promise<ParseResult> {
  const format = options.format ?? detectFormat(text, options.url, options.contentType);
  let result: ParseResult;
  switch (format) {
    case 'vtt':
      result = await parseWebVTT(text);
      break;
    case 'srt':
      result = await parseSRT(text);
      break;
    case 'podcast-json':
      result = (await import('./podcast-json.js')).parsePodcastJSON(text);
      break;
    case 'hyperaudio-html':
      result = (await import('./hyperaudio-html.js')).parseHyperaudioHTML(text);
      break;
    case 'json':
      result = parseTranscriptJSON(text);
      break;
    default:
      return {
        transcript: { version: 1, cues: [] },
        problems: [{ kind: 'format', code: 'unknown-format' }],
      };
  }
  return { ...result, format };
}
