/**
 * Downloads of the current track: plain text, WebVTT and SubRip. Pure; never throws.
 *
 * Shared rules:
 * - Times are written to the millisecond (rounded). A start that is negative or not finite is
 *   written as 0; an end that is not finite or before the start is written as the start.
 * - Cue text keeps its line breaks but never a blank line (a blank line ends a cue in both
 *   formats): blank and whitespace-only lines are dropped, CR/CRLF become "\n".
 * - Only the plain text of a cue is written: `nodes` markup (b/i/u/ruby…) is not exported.
 * - Files end with "\n" and use "\n" line ends (also SRT: every current player accepts LF, and a
 *   download should not differ by platform).
 */
import type { Cue, Word } from './types.js';
import { formatTimestamp } from './time.js';
import { decodeEntities, sanitiseLang } from './parse/cue-text.js';

export interface PlainTextOptions {
  /** "[0:05] " before each line (default true). */
  timestamps?: boolean;
  /** "Speaker: " at each change of speaker, with a blank line between turns (default true). */
  speakers?: boolean;
  /** A first line, followed by a blank line. */
  title?: string;
}

export interface WebVTTOptions {
  /** Written as the "Language: xx" header when it looks like a BCP 47 tag. */
  lang?: string;
  /** Written after "WEBVTT" on the signature line. */
  title?: string;
}

const list = (cues: readonly Cue[]): Cue[] => (Array.isArray(cues) ? cues.filter((c) => c !== null && typeof c === 'object') : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
/** Whitespace runs (line breaks included) → one space, trimmed. */
const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();
/** The text's lines, without blank or whitespace-only ones. */
const textLines = (s: string): string[] => s.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');

function times(cue: Cue): { start: number; end: number } {
  const ms = (t: unknown): number | null => (typeof t === 'number' && Number.isFinite(t) ? Math.round(t * 1000) : null);
  const start = Math.max(0, ms(cue.start) ?? 0);
  const end = ms(cue.end);
  return { start, end: end === null || end < start ? start : end };
}

/** "HH:MM:SS.mmm" (hours grow past two digits when needed) from milliseconds. */
function clock(ms: number, sep: '.' | ','): string {
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}${sep}${pad(ms % 1000, 3)}`;
}

// ---------------------------------------------------------------------------------------------
// Plain text

/**
 * One line per cue ("[0:05] Speaker: text"), the cue's own line breaks made spaces; cues with no
 * text are left out. With `speakers`, the name is written when it changes (a cue without a speaker
 * after one with a speaker is a change too) and a blank line separates the turns. Timestamps use
 * `formatTimestamp`, with the hours shown on every line when the track reaches an hour.
 */
export function toPlainText(cues: readonly Cue[], options: PlainTextOptions = {}): string {
  try {
    const withTimes = options.timestamps !== false;
    const withSpeakers = options.speakers !== false;
    const all = list(cues);
    const forceHours = all.some((c) => times(c).start >= 3_600_000);
    const out: string[] = [];
    const title = oneLine(str(options.title));
    let previous: string | undefined;
    let first = true;
    for (const cue of all) {
      const text = oneLine(str(cue.text));
      if (!text) continue;
      let line = withTimes ? `[${formatTimestamp(times(cue).start / 1000, { forceHours })}] ` : '';
      if (withSpeakers) {
        const speaker = oneLine(str(cue.speaker)) || undefined;
        if (first || speaker !== previous) {
          if (!first) out.push('');
          if (speaker) line += `${speaker}: `;
        }
        previous = speaker;
      }
      out.push(line + text);
      first = false;
    }
    if (title) out.unshift(title, ...(out.length ? [''] : []));
    return out.length ? `${out.join('\n')}\n` : '';
  } catch {
    return ''; // a throwing getter or Proxy in the input
  }
}

// ---------------------------------------------------------------------------------------------
// WebVTT

/** & < > as references. (split/join: about 4× faster than global replaces on a MB, and linear where they are not quite.) */
const escapeVTT = (s: string): string => s.split('&').join('&amp;').split('<').join('&lt;').split('>').join('&gt;');

/** Cue text with inline word timestamps: a `<t>` marker before each word that starts later. */
function timedWordsText(words: Word[], startMs: number, endMs: number): string {
  let prev = startMs;
  const parts: string[] = [];
  for (const w of words) {
    const text = escapeVTT(oneLine(str(w?.text)));
    if (!text) continue;
    const t = typeof w.start === 'number' && Number.isFinite(w.start) ? Math.round(w.start * 1000) : prev;
    // WebVTT wants each timestamp after the previous one and inside the cue; a word that does
    // not qualify shares the previous word's timestamp.
    if (t > prev && t < endMs) {
      parts.push(`<${clock(t, '.')}>${text}`);
      prev = t;
    } else parts.push(text);
  }
  // Without any timestamp a reader would not know the cue has words: mark the first one even
  // when it starts with the cue.
  if (prev === startMs && parts.length) parts[0] = `<${clock(startMs, '.')}>${parts[0] as string}`;
  return parts.join(' ');
}

/**
 * WebVTT: the signature (with the title), "Language: xx" when given, then each cue with its id,
 * its timings, `<v Speaker>` when it has a speaker, `<lang xx>` around the text when the cue has
 * its own language, and the text escaped (& < >). When a cue has `words`, the text is written
 * from the words (one line), with an inline timestamp before each word that starts after the
 * previous one, and before the first word when no other word has one. WebVTT carries word
 * starts only: on reading back, a word ends where the next later start is (or the cue ends).
 * An id that is empty or holds "-->" or a line break is replaced by the cue's 1-based position.
 */
export function toWebVTT(cues: readonly Cue[], options: WebVTTOptions = {}): string {
  try {
    const title = oneLine(str(options.title)).replace(/-->/g, '->');
    const out: string[] = [title ? `WEBVTT ${title}` : 'WEBVTT'];
    const lang = sanitiseLang(str(options.lang));
    if (lang) out.push(`Language: ${lang}`);
    list(cues).forEach((cue, k) => {
      const id = str(cue.id);
      const { start, end } = times(cue);
      out.push('', id.trim() === '' || /-->|[\r\n]/.test(id) ? String(k + 1) : id);
      out.push(`${clock(start, '.')} --> ${clock(end, '.')}`);
      const words = Array.isArray(cue.words) && cue.words.length ? cue.words : null;
      const lines = words ? [timedWordsText(words, start, end)] : textLines(str(cue.text)).map(escapeVTT);
      const speaker = escapeVTT(oneLine(str(cue.speaker)));
      const cueLang = sanitiseLang(str(cue.lang));
      let prefix = speaker ? `<v ${speaker}>` : '';
      if (cueLang) {
        prefix += `<lang ${cueLang}>`;
        if (lines.length) lines[lines.length - 1] += '</lang>';
      }
      if (lines.length && lines[0] !== '') lines[0] = prefix + lines[0];
      else if (prefix) lines.splice(0, lines.length, prefix);
      out.push(...lines.filter((l) => l !== ''));
    });
    return `${out.join('\n')}\n`;
  } catch {
    return ''; // a throwing getter or Proxy in the input
  }
}

// ---------------------------------------------------------------------------------------------
// SRT

/**
 * SRT has no escaping, and players show entities literally, so text is written as it is except
 * where our own reader (and lenient players) would read it as something else: an "&" that would
 * decode as a character reference becomes "&amp;", a "<" that could open a tag becomes "&lt;",
 * "{\" (an ASS override) becomes "&#123;\", and "-->" (a timing line) becomes "--&gt;".
 */
function escapeSRT(line: string): string {
  // Each "&" with the text up to the next "&": "&amp;" when that would decode as a reference.
  const amps = line.split('&');
  for (let i = 1; i < amps.length; i++) {
    const seg = `&${amps[i]}`;
    if (decodeEntities(seg) !== seg) amps[i] = `amp;${amps[i]}`;
  }
  const amp = amps.join('&');
  // Any "<" that could open a tag once the others are escaped: a letter, "/" + letter or a
  // digit after it, and a ">" later on the line. (The line's last ">" decides, so each "<"
  // costs O(1): a lookahead to the end of the line made a line of "<a" quadratic.)
  const lastGt = amp.lastIndexOf('>');
  const parts = lastGt < 0 ? [amp] : amp.split('<');
  let at = (parts[0] as string).length; // offset of the "<" before parts[i]
  for (let i = 1; i < parts.length; i++) {
    const p = parts[i] as string;
    const slash = p.charCodeAt(0) === 47;
    const opens = (slash ? isLetter(p.charCodeAt(1)) : isLetter(p.charCodeAt(0)) || isDigit(p.charCodeAt(0))) && lastGt > at + (slash ? 2 : 1);
    parts[i] = opens ? `&lt;${p}` : `<${p}`;
    at += 1 + p.length;
  }
  return parts.join('').split('{\\').join('&#123;\\').split('-->').join('--&gt;');
}

const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * SubRip: sequence numbers 1, 2, … (not the cue ids), "HH:MM:SS,mmm --> HH:MM:SS,mmm", the
 * text (plain, no tags; words are not written) with "Speaker: " before its first line when the
 * cue has a speaker, and a blank line between cues. Readers, ours included, only take such a
 * prefix back as the speaker when it looks like a name (capitalised words) and starts two cues.
 */
export function toSRT(cues: readonly Cue[]): string {
  try {
    const blocks = list(cues).map((cue, k) => {
      const { start, end } = times(cue);
      const lines = textLines(str(cue.text)).map(escapeSRT);
      const speaker = escapeSRT(oneLine(str(cue.speaker)));
      if (speaker) lines[0] = lines.length ? `${speaker}: ${lines[0]}` : `${speaker}:`;
      return [String(k + 1), `${clock(start, ',')} --> ${clock(end, ',')}`, ...lines].join('\n');
    });
    return blocks.length ? `${blocks.join('\n\n')}\n` : '';
  } catch {
    return ''; // a throwing getter or Proxy in the input
  }
}
