/**
 * Speakers of WebVTT and SRT cues that have no `<v>` voice, read from the prefixes captioners
 * write at the start of a line. The rule (also in the README, "Transcript formats"):
 *
 * - Prefix forms: `Name:`, `>> Name:`, `[Name]:`, `- Name:` (a hyphen or en dash). A plain
 *   `Name:` is 1–4 capitalised words, abbreviations ("Dr.") or numbers ("Speaker 2"); in
 *   brackets any name of up to 40 characters. A few words that introduce text ("Note:",
 *   "Warning:", "Subtitles:"…) are never names.
 * - `>> Name:` and `[Name]:` always name a speaker. `Name:` and `- Name:` name one only when
 *   the file really uses the convention: that name starts lines of at least two cues. So a
 *   single credit line (`Subtitles: @someone`, `Director: …`) or a dialogue line
 *   (`- Look: it's late`) stays text.
 * - `>>` alone, and a hyphen + space alone (dialogue dash), mark a change to someone unnamed:
 *   they stay in the text, and the cue gets no speaker.
 * - A prefix read as a speaker leaves the text (and the words and markup that held it).
 * - Carrying: a cue with no prefix continues the speaker of the cue before it, but only in
 *   files that mark their speaker changes (`<v>` voices, at least two different names read as
 *   speakers, or `>>`), and only until a line names someone else or marks a change — also when
 *   that name is not read as a speaker (a one-off `Maria:`). A file that names one person now
 *   and then (a narrator in a film) has its other lines unattributed rather than wrongly so.
 * - `<v Name>` voices always win: a cue with a voice has that speaker, whatever its text says.
 *   In a file with voices, changes are marked by voices: `>>` and dashes there are only text.
 *
 * Linear time: each line's prefix is read from a bounded window.
 */
import type { Cue } from '../types.js';

/** What a line starts with: a name (with the length of text it takes) or a change mark. */
type Named = { name: string; marked: boolean; length: number };
type Prefix = Named | { change: '>>' | '-' };

const WORD = String.raw`(?:\p{Lu}\p{L}{0,3}\.|\p{Lu}[\p{L}\p{M}\p{N}_'’-]*)`;
/** A plain name and its colon, at the start of a window of the line. */
const NAME_RE = new RegExp(String.raw`^${WORD}(?: (?:${WORD}|\p{N}+)){0,3}(?=:)`, 'u');
/** Names are short: a prefix is looked for in this many characters, so lines cost O(1). */
const WINDOW = 100;
const MAX_BRACKET_NAME = 40;
const NOT_SPEAKERS = new Set([
  'note', 'warning', 'example', 'update', 'source', 'chapter', 'part', 'step', 'caution', 'tip',
  // credit lines of subtitle files
  'subtitles', 'subtitle', 'subs', 'captions', 'caption', 'captioning', 'translation', 'translated',
  'translator', 'transcript', 'transcription', 'sync', 'synced', 'credits', 'corrections', 'edited',
  'encoded', 'ripped', 'resync', 'director', 'music',
  // the same in the interface languages and a few others
  'субтитри', 'субтитры', 'переклад', 'перевод', 'untertitel', 'übersetzung', 'sous-titres', 'traduction',
  'subtítulos', 'traducción',
]);

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** `[Name]` at `p`: the name and the position after "]", or null. */
function bracketName(line: string, p: number): { name: string; end: number } | null {
  if (line[p] !== '[') return null;
  const inside = line.slice(p + 1, p + 2 + MAX_BRACKET_NAME);
  const close = inside.indexOf(']');
  const name = inside.slice(0, Math.max(0, close)).trim();
  return name && !name.includes('[') ? { name, end: p + close + 2 } : null;
}

/** The prefix of one line (`more`: the cue has text after this line), or null. */
function readPrefix(line: string, more: boolean): Prefix | null {
  let p = 0;
  while (isSpace(line[p])) p++;
  let mark: 'change' | 'dash' | null = null;
  if (line.startsWith('>>', p)) {
    while (line[p] === '>') p++;
    mark = 'change';
  } else if (line[p] === '-' || line[p] === '–') {
    p++;
    mark = 'dash';
  }
  const afterMark = p;
  while (isSpace(line[p])) p++;
  const bracket = bracketName(line, p);
  const plain = bracket ? null : NAME_RE.exec(line.slice(p, p + WINDOW));
  const name = bracket?.name ?? plain?.[0];
  const colon = bracket ? bracket.end : p + (plain?.[0].length ?? 0);
  if (name !== undefined && line[colon] === ':' && !NOT_SPEAKERS.has(name.toLowerCase())) {
    let end = colon + 1;
    while (isSpace(line[end])) end++;
    // Text must follow, on this line or the next, and the colon must end the word ("A:b" is text).
    if ((end > colon + 1 || end === line.length) && (end < line.length || more)) {
      return { name, marked: mark === 'change' || bracket !== null, length: end };
    }
  }
  if (mark === 'change') return { change: '>>' };
  if (mark === 'dash' && p > afterMark) return { change: '-' };
  return null;
}

/** Removes a prefix read from the first line of the cue's text, nodes and words. */
function stripPrefix(cue: Cue, length: number): void {
  const nl = cue.text.indexOf('\n');
  const prefix = cue.text.slice(0, length);
  const rest = cue.text.slice(length);
  cue.text = nl >= 0 && nl === length ? rest.slice(1) : rest;
  const first = cue.nodes?.[0];
  if (first?.type === 'text' && first.text.trimStart().startsWith(prefix.trimEnd())) {
    first.text = first.text.trimStart().slice(prefix.trimEnd().length).trimStart();
    if (!first.text) cue.nodes?.shift();
  } else delete cue.nodes; // the prefix is split across markup: keep the plain text only
  if (cue.words) {
    const tokens = prefix.trim().split(/\s+/);
    if (cue.words.slice(0, tokens.length).map((w) => w.text).join(' ') === tokens.join(' ')) cue.words = cue.words.slice(tokens.length);
    if (!cue.words.length) delete cue.words;
  }
}

/** Sets `speaker` on cues without one, from their prefixes (see the module comment). */
export function applySpeakers(cues: Cue[]): void {
  const voices = cues.some((c) => c.speaker);
  // Per cue without a voice, the prefix of each line. With voices, `>>` and dashes are text.
  const prefixes = cues.map((c) => {
    if (c.speaker) return [];
    const lines = c.text.split('\n');
    return lines.map((l, i) => {
      const p = readPrefix(l, i + 1 < lines.length);
      return voices && p && 'change' in p ? null : p;
    });
  });
  // How many cues each name starts a line of; whether `>>` marks changes.
  const counts = new Map<string, number>();
  let changes = false;
  for (const list of prefixes) {
    const names = new Set<string>();
    for (const p of list) {
      if (p && 'name' in p) names.add(p.name);
      else if (p && p.change === '>>') changes = true;
    }
    for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  const isSpeaker = (p: Prefix | null): p is Named =>
    p !== null && 'name' in p && (p.marked || (counts.get(p.name) ?? 0) >= 2);
  const speakers = new Set<string>();
  for (const list of prefixes) for (const p of list) if (isSpeaker(p)) speakers.add(p.name);
  const carry = voices || changes || speakers.size >= 2;
  let current: string | undefined; // who speaks at the end of the previous cue
  cues.forEach((cue, i) => {
    if (cue.speaker) {
      current = cue.speaker; // a voice wins over any prefix in its text
      return;
    }
    const list = prefixes[i] as (Prefix | null)[];
    const first = list[0] ?? null;
    if (isSpeaker(first)) {
      cue.speaker = first.name;
      stripPrefix(cue, first.length);
    } else if (first === null && carry && current !== undefined) cue.speaker = current;
    for (const p of list) if (p) current = isSpeaker(p) ? p.name : undefined;
  });
}
