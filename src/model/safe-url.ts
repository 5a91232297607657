/**
 * The one check for URLs that come from data: links and sources may be http, https or mailto,
 * pages and media http or https; anything else (javascript:, data:, relative URLs) is refused.
 */
import { isWellFormed } from './untrusted.js';

/** URL schemes accepted for `sources[].url` and body links, and for `media.src` / `article.url`. */
export const SOURCE_URL_SCHEMES = ['http', 'https', 'mailto'] as const;
export const PAGE_URL_SCHEMES = ['http', 'https'] as const;

// Control characters, every kind of space, bidi controls and backslashes: a browser's URL
// parser strips or rewrites some of these (`java\tscript:`), so a URL containing any is refused.
const UNSAFE_URL_CHARS = /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\\]/;

/**
 * The URL itself when it is a well-formed absolute URL with one of `schemes` (lower case,
 * without ":"; compared case-insensitively), else null. http(s) URLs need "//" and a host.
 */
export function safeUrl(raw: unknown, schemes: readonly string[]): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 4096 || UNSAFE_URL_CHARS.test(raw) || !isWellFormed(raw)) return null;
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(raw);
  const scheme = m?.[1]?.toLowerCase();
  if (scheme === undefined || !schemes.includes(scheme)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${scheme}:`) return null;
  if (scheme === 'http' || scheme === 'https') {
    if (!/^[a-zA-Z]+:\/\/[^/]/.test(raw) || url.hostname === '') return null;
  } else if (raw.length <= scheme.length + 1) return null;
  return raw;
}

/** The URL without its fragment ("#…"). */
export function withoutFragment(url: string): string {
  if (typeof url !== 'string') return '';
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

