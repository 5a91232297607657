/**
 * The annotation file format (version 1): what a file holds once validated, and its limits.
 * The JSON Schema in `data/annotations.schema.json` describes the same format; a unit test
 * keeps its required fields, enums and limits in step with the constants below.
 */
import type { Problem } from '../types.js';
import type { TextQuote } from '../text-quote.js';

export type { TextQuote } from '../text-quote.js';

export const RELATIONS = ['supports', 'contradicts', 'context', 'unsupported'] as const;
export type Relation = (typeof RELATIONS)[number];

/** Required fields, per object of the file. Mirrored by the JSON Schema (checked by a test). */
export const REQUIRED_FIELDS = {
  file: ['version', 'annotations'],
  claim: ['id', 'quote'],
  quote: ['exact'],
  annotation: ['id', 'relation'],
  source: ['url'],
} as const;

/** Ids longer than this are invalid (the `#claim=` deep link accepts at most 200 characters). */
export const MAX_ID_LENGTH = 200;
/** Items past this index of `claims` / `annotations` are ignored (and reported once). */
export const MAX_ITEMS = 100_000;

export interface Claim {
  id: string;
  quote: TextQuote;
  /** The editor's one-line summary of the claim. */
  summary?: string;
}

export interface Source {
  title?: string;
  url: string;
}

export interface Annotation {
  id: string;
  /** Cue ids (possibly empty); empty for `unsupported`. */
  cues: string[];
  /** A time range (seconds) attaching to every cue it overlaps. */
  time?: { start: number; end: number };
  /** Claim ids (≥ 1 for `unsupported`). */
  claims: string[];
  relation: Relation;
  /** Plain text with `[label](url)` links: render with `parseBody`. */
  body?: string;
  sources: Source[];
}

export interface AnnotationSet {
  version: 1;
  media?: { title?: string; src?: string };
  article?: { title?: string; url?: string };
  claims: Claim[];
  annotations: Annotation[];
}

export interface AnnotationResult {
  data: AnnotationSet;
  problems: Problem[];
}

export const emptyAnnotationSet = (): AnnotationSet => ({ version: 1, claims: [], annotations: [] });
