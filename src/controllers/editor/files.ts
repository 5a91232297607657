/**
 * The editor's files: the three downloads (the annotation file, W3C Web Annotation JSON-LD,
 * schema.org ClaimReview JSON-LD) as plain download links to object URLs, made when a link is
 * activated so they always hold the current set; and reading a file the user opens or drops.
 */
import { linkAnnotations, type AnnotationSet } from '../../model/annotations/index.js';
import { toClaimReview } from '../../model/claim-review.js';
import { withAbsoluteUrls } from '../../model/editor/edits.js';
import type { Cue } from '../../model/types.js';
import { parseJson } from '../../model/untrusted.js';
import { toWebAnnotations } from '../../model/web-annotation.js';

export type DownloadKind = 'json' | 'web-annotation' | 'claim-review';

export const DOWNLOAD_NAMES: Record<DownloadKind, string> = {
  json: 'annotations.json',
  'web-annotation': 'annotations.jsonld',
  'claim-review': 'claim-review.jsonld',
};

export interface FileContext {
  cues: readonly Cue[];
  /** The page's URL: relative `media.src` / `article.url` resolve against it. */
  base: string;
  /** Used when the set names no media / article URL (the viewer's media, this page). */
  mediaUrl: string;
  articleUrl: string;
}

/** The set as published: media and article URLs filled in when missing, and absolute. */
export function publishedSet(value: AnnotationSet, ctx: FileContext): AnnotationSet {
  const set: AnnotationSet = {
    ...value,
    media: { ...value.media, src: value.media?.src || ctx.mediaUrl },
    article: { ...value.article, url: value.article?.url || ctx.articleUrl },
  };
  if (!set.media!.src) delete set.media!.src;
  if (!set.article!.url) delete set.article!.url;
  return withAbsoluteUrls(set, ctx.base);
}

/** The text of a download. */
export function downloadText(kind: DownloadKind, value: AnnotationSet, ctx: FileContext): string {
  const set = publishedSet(value, ctx);
  if (kind === 'json') return `${JSON.stringify(set, null, 2)}\n`;
  const mediaUrl = set.media?.src ?? '';
  const articleUrl = set.article?.url ?? '';
  if (kind === 'web-annotation') return `${JSON.stringify(toWebAnnotations(set, { mediaUrl, articleUrl, cues: ctx.cues }), null, 2)}\n`;
  const { links } = linkAnnotations(set, ctx.cues);
  return `${JSON.stringify(toClaimReview(set, links, { pageUrl: articleUrl, mediaUrl }), null, 2)}\n`;
}

/** One object URL per kind of download, replaced (and the old one revoked) each time it is made. */
export class DownloadUrls {
  private urls = new Map<DownloadKind, string>();

  make(kind: DownloadKind, text: string): string {
    const old = this.urls.get(kind);
    if (old) URL.revokeObjectURL(old);
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json;charset=utf-8' }));
    this.urls.set(kind, url);
    return url;
  }

  dispose(): void {
    for (const url of this.urls.values()) URL.revokeObjectURL(url);
    this.urls.clear();
  }
}

/** Most bytes read from an opened file (an annotation file of 100,000 items is far below). */
export const MAX_FILE_BYTES = 50_000_000;

/** The JSON of a file the user opened or dropped, or why it could not be read. */
export async function readJsonFile(file: Blob): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  if (file.size > MAX_FILE_BYTES) return { ok: false, message: `larger than ${MAX_FILE_BYTES / 1e6} MB` };
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  const json = parseJson(text);
  return json.ok ? { ok: true, value: json.value } : { ok: false, message: json.message };
}
