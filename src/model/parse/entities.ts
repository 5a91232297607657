/**
 * HTML character references in WebVTT/SRT cue text: numeric ones, and the named ones of a
 * common subset (the Latin-1 legacy names, usable without ";", and frequent others that need it).
 */

/** Latin-1 names for U+00A0..U+00FF, in code point order (HTML legacy: usable without ";"). */
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn ' +
  'sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave ' +
  'Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ' +
  'ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN ' +
  'szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute ' +
  'icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml ' +
  'yacute thorn yuml';
/** Common names that need the ";" (name:code point, hex). Rare HTML names are left as text. */
const WITH_SEMICOLON =
  'apos:27 lrm:200e rlm:200f zwnj:200c zwj:200d ensp:2002 emsp:2003 thinsp:2009 ndash:2013 ' +
  'mdash:2014 lsquo:2018 rsquo:2019 sbquo:201a ldquo:201c rdquo:201d bdquo:201e dagger:2020 ' +
  'Dagger:2021 bull:2022 hellip:2026 permil:2030 prime:2032 Prime:2033 lsaquo:2039 rsaquo:203a ' +
  'oline:203e frasl:2044 euro:20ac trade:2122 larr:2190 uarr:2191 rarr:2192 darr:2193 harr:2194 ' +
  'minus:2212 notin:2209 OElig:152 oelig:153 Scaron:160 scaron:161 Yuml:178 fnof:192 circ:2c6 ' +
  'tilde:2dc infin:221e ne:2260 le:2264 ge:2265 asymp:2248 check:2713 star:2606 hearts:2665 ' +
  'sung:266a';
const NAMED = new Map<string, string>();
const LEGACY = new Set<string>();
LATIN1.split(' ').forEach((name, i) => {
  NAMED.set(name, String.fromCharCode(0xa0 + i));
  LEGACY.add(name);
});
for (const [name, ch] of [['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['AMP', '&'], ['LT', '<'], ['GT', '>'], ['QUOT', '"'], ['COPY', '©'], ['REG', '®']] as const) {
  NAMED.set(name, ch);
  LEGACY.add(name);
}
for (const pair of WITH_SEMICOLON.split(' ')) {
  const [name = '', hex = ''] = pair.split(':');
  NAMED.set(name, String.fromCodePoint(parseInt(hex, 16)));
}
/** The longest legacy name: a longer prefix of a name can never be one (keeps decoding linear). */
const MAX_LEGACY = Math.max(...[...LEGACY].map((name) => name.length));

const ENTITY_RE = /&(?:#[xX]([0-9A-Fa-f]+);?|#([0-9]+);?|([A-Za-z][A-Za-z0-9]*)(;?))/g;

/** Decodes HTML character references (numeric, and the named subset above) in one pass. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  // Pieces joined once at the end: a replace() with a callback grew worse than linearly on MB inputs.
  const parts: string[] = [];
  let from = 0;
  const re = new RegExp(ENTITY_RE.source, 'g');
  for (let m = re.exec(s); m; m = re.exec(s)) {
    parts.push(s.slice(from, m.index), decodeOne(m[0], m[1], m[2], m[3], m[4]));
    from = re.lastIndex;
  }
  parts.push(s.slice(from));
  return parts.join('');
}

function decodeOne(whole: string, hex?: string, dec?: string, name?: string, semi?: string): string {
  if (hex !== undefined || dec !== undefined) {
    const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec ?? '', 10);
    const bad = !Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff);
    return bad ? '\uFFFD' : String.fromCodePoint(code);
  }
  if (name === undefined) return whole;
  const full = NAMED.get(name);
  if (full !== undefined && (semi || LEGACY.has(name))) return full;
  // HTML: the longest legacy name that is a prefix matches without ";" ("&notit;" → "¬it;").
  for (let len = Math.min(name.length - 1, MAX_LEGACY); len >= 2; len--) {
    const prefix = name.slice(0, len);
    if (LEGACY.has(prefix)) return (NAMED.get(prefix) ?? '') + whole.slice(len + 1);
  }
  return whole;
}
