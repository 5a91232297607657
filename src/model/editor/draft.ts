/**
 * Drafts of the annotation editor: what is kept in localStorage, under a key made of the media
 * and the article being annotated, so that each recording and article has its own draft.
 */
import { isRecord, parseJson } from '../untrusted.js';

export const DRAFT_PREFIX = 'annotated-transcript:editor-draft:';

/** The storage key of the draft for this media and article (URLs or ids; either may be empty). */
export function draftKey(media: string, article: string): string {
  return `${DRAFT_PREFIX}${JSON.stringify([media, article])}`;
}

export interface Draft {
  /** When it was saved (ms since the epoch). */
  savedAt: number;
  /** The annotation set, as the editor held it (read it again with the validator). */
  value: unknown;
}

export function encodeDraft(value: unknown, savedAt: number): string {
  return JSON.stringify({ savedAt, value });
}

/** The draft stored as `text`, or null when there is none or it is not one. Never throws. */
export function decodeDraft(text: string | null | undefined): Draft | null {
  if (typeof text !== 'string') return null;
  const json = parseJson(text);
  if (!json.ok || !isRecord(json.value)) return null;
  const { savedAt, value } = json.value as { savedAt?: unknown; value?: unknown };
  if (typeof savedAt !== 'number' || !Number.isFinite(savedAt) || !isRecord(value)) return null;
  return { savedAt, value };
}
