/**
 * The query string of the iframe embed (`embed.html?media=…&src=…&annotations=…&lang=…&t=…`),
 * read and checked. Pure: no DOM, runs in Node (test/unit/embed-params.test.ts).
 *
 * URLs may be relative, same-origin or absolute http/https; anything else (`javascript:`,
 * `data:`, `blob:`, `file:`…) and anything with control characters, spaces or backslashes is
 * refused. A refused parameter is not used, and is reported.
 */

export interface EmbedParams {
  /** The media URL, resolved against the page. */
  media: string | null;
  /** The transcript URL, resolved. */
  src: string | null;
  /** The annotation file URL, resolved. */
  annotations: string | null;
  /** The interface language (a BCP 47 tag as given), or null. */
  lang: string | null;
  /** Where to start, in seconds. */
  t: number | null;
  /** What was refused: the parameter's name and why. */
  refused: { param: string; reason: 'url' | 'lang' | 't' | 'repeated' }[];
}

const URL_PARAMS = ['media', 'src', 'annotations'] as const;
// Controls, spaces of every kind, bidi controls and backslashes: a URL parser strips or rewrites
// some of them (`java\tscript:`), so a URL holding any is refused before it is parsed.
const UNSAFE = /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\\]/;
const LANG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$/;
const MAX_URL = 4096;

/** `raw` resolved against `base` when it is a relative or http(s) URL, else null. */
export function embedUrl(raw: string, base: string): string | null {
  if (raw.length === 0 || raw.length > MAX_URL || UNSAFE.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // An explicit scheme must be http(s) as written (no scheme-less tricks such as "javascript%3A").
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(raw)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') return null;
  return url.href;
}

/** Seconds from `t=` (`90`, `90.5`, `1:30`, `1:02:03`), or null when it is not a time. */
export function embedTime(raw: string): number | null {
  if (!/^\d{1,6}(\.\d{1,3})?$|^\d{1,3}(:[0-5]\d){1,2}(\.\d{1,3})?$/.test(raw)) return null;
  return raw.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
}

/** Reads the embed's query string (`location.search`) against the page's URL (`base`). */
export function readEmbedParams(search: string, base: string): EmbedParams {
  const query = new URLSearchParams(search);
  const out: EmbedParams = { media: null, src: null, annotations: null, lang: null, t: null, refused: [] };
  const one = (name: string): string | null => {
    const all = query.getAll(name);
    if (all.length > 1) out.refused.push({ param: name, reason: 'repeated' });
    return all.length === 1 ? all[0]! : null;
  };
  for (const name of URL_PARAMS) {
    const raw = one(name);
    if (raw === null || raw === '') continue;
    const url = embedUrl(raw, base);
    if (url) out[name] = url;
    else out.refused.push({ param: name, reason: 'url' });
  }
  const lang = one('lang');
  if (lang) {
    if (LANG.test(lang)) out.lang = lang;
    else out.refused.push({ param: 'lang', reason: 'lang' });
  }
  const t = one('t');
  if (t) {
    const seconds = embedTime(t);
    if (seconds !== null) out.t = seconds;
    else out.refused.push({ param: 't', reason: 't' });
  }
  return out;
}
