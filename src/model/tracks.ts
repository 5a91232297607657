import type { Cue, Transcript } from './types.js';
import { sanitiseLang } from './parse/cue-text.js';
import { asArray, isRecord, readOwn } from './untrusted.js';
import { readOffset } from './offset.js';

/** A translation (or other) track of the same recording. */
export interface TrackInfo {
  /** URL of the track's file (any transcript format). */
  src?: string;
  /** Or its data (a Transcript object or a bare cue array). */
  transcript?: Transcript | readonly Cue[];
  /** Content language (BCP 47). */
  lang: string;
  /** Name shown in the track menu ("Українська"). */
  label: string;
  /** Seconds: this track's own offset against the media (see `model/offset.ts`); when absent, the viewer's `offset`. */
  offset?: number;
}

/** How a translation is shown: the original alone, the translation alone, or both side by side. */
export type TrackView = 'original' | 'translation' | 'both';

/** The translation shown beside one line of the original. */
export interface RowTranslation {
  text: string;
  lang: string;
}

/** More translation tracks than this are ignored (a menu of hundreds helps nobody). */
export const MAX_TRACKS = 100;

/**
 * The usable tracks of an untrusted `tracks` value: an array of objects with a well-formed
 * language tag and a URL or data; anything else is left out. Never throws.
 */
export function readTracks(value: unknown): TrackInfo[] {
  const tracks: TrackInfo[] = [];
  for (const item of asArray(value, MAX_TRACKS)?.items ?? []) {
    if (!isRecord(item)) continue;
    const lang = sanitiseLang(asString(readOwn(item, 'lang')));
    const src = asString(readOwn(item, 'src'));
    const transcript = readOwn(item, 'transcript');
    const hasData = typeof transcript === 'object' && transcript !== null;
    if (!lang || (!src && !hasData)) continue;
    const label = asString(readOwn(item, 'label'))?.trim().slice(0, 200) || lang;
    const offset = readOwn(item, 'offset');
    tracks.push({ lang, label, ...(hasData ? { transcript: transcript as Transcript } : { src: src! }), ...(offset != null ? { offset: readOffset(offset) } : {}) });
  }
  return tracks;
}

function asString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
