/**
 * Page-URL deep links: `#t=SECONDS` (W3C Media Fragments, temporal dimension) and
 * `#claim=ID`, combinable with `&` (`#t=12.5&claim=c1`). Pure; never throws.
 */
import { parseTimeString } from './time.js';

export interface DeepLink {
  /** Start time in seconds (finite, ≥ 0). */
  time?: number;
  /** A claim id, URL-decoded, at most MAX_CLAIM_LENGTH characters. */
  claim?: string;
}

/** Longer claim ids are rejected (ignored), not truncated: a truncated id could name another claim. */
export const MAX_CLAIM_LENGTH = 200;

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/**
 * Media Fragments temporal value: `12.5`, `npt:12.5`, `npt:1:02:03`, `12,20` (start 12),
 * `,20` (no start: nothing to seek to). Other time formats (smpte, clock) are not supported.
 */
function parseTemporal(value: string): number | undefined {
  let v = value.trim();
  if (v.startsWith('npt:')) v = v.slice(4);
  const comma = v.indexOf(',');
  const start = comma >= 0 ? v.slice(0, comma) : v;
  if (start === '') return undefined;
  const t = parseTimeString(start);
  return t === null ? undefined : t;
}

/**
 * Reads `#t=…` and `#claim=…` from a location hash (with or without the leading "#").
 * Unknown keys are ignored; when a key repeats, the last valid value wins (as in Media Fragments).
 */
export function parseDeepLink(hash: string): DeepLink {
  const out: DeepLink = {};
  if (typeof hash !== 'string') return out;
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body.length > 10_000) return out;
  for (const part of body.split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq);
    const value = safeDecode(part.slice(eq + 1));
    if (value === null) continue;
    if (key === 't') {
      const t = parseTemporal(value);
      if (t !== undefined) out.time = t;
    } else if (key === 'claim') {
      if (value !== '' && value.length <= MAX_CLAIM_LENGTH) out.claim = value;
    }
  }
  return out;
}

/** "#t=12.5", "#claim=c1", "#t=12.5&claim=c1"; "" when there is nothing to link. Times are rounded to ms. */
export function formatDeepLink(link: DeepLink): string {
  const parts: string[] = [];
  const { time, claim } = link;
  if (typeof time === 'number' && Number.isFinite(time) && time >= 0) {
    parts.push(`t=${String(Math.round(time * 1000) / 1000)}`);
  }
  if (typeof claim === 'string' && claim !== '' && claim.length <= MAX_CLAIM_LENGTH) {
    try {
      parts.push(`claim=${encodeURIComponent(claim)}`);
    } catch {
      // a lone surrogate cannot be URL-encoded: no claim part
    }
  }
  return parts.length > 0 ? `#${parts.join('&')}` : '';
}
