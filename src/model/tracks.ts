import type { Transcript } from './types.js';

/** A translation (or other) track of the same recording. */
export interface TrackInfo {
  /** URL of the track's file (any transcript format). */
  src?: string;
  /** Or its data. */
  transcript?: Transcript;
  /** Content language (BCP 47). */
  lang: string;
  /** Name shown in the track menu ("Українська"). */
  label: string;
}

/** How a translation is shown: the original alone, the translation alone, or both side by side. */
export type TrackView = 'original' | 'translation' | 'both';

/** The translation shown beside one line of the original. */
export interface RowTranslation {
  text: string;
  lang: string;
}
