/**
 * Speakers of WebVTT and SRT cues that have no `<v>` voice, from "Name:" labels (moved here
 * unchanged from webvtt.ts, which both readers shared it through).
 *
 * A leading speaker label: 1–4 words, the first a capitalised word or an abbreviation ("Dr."),
 * the others capitalised words or numbers ("Speaker 2"), then ":" and the text. Sentence
 * punctuation before the colon does not match. Conservative on purpose: a label is only taken
 * when the same label starts at least two cues of the file (so "Note: …" once stays text), and
 * a few words that usually introduce text rather than a person are never labels.
 */
import type { Cue } from '../types.js';

const WORD = String.raw`(?:\p{Lu}\p{Ll}{0,3}\.|\p{Lu}[\p{L}\p{M}'’-]*)`;
const LABEL_RE = new RegExp(String.raw`^(${WORD}(?: (?:${WORD}|\p{N}+)){0,3}):\s+(?=\S)`, 'u');
const NOT_SPEAKERS = new Set(['note', 'warning', 'example', 'update', 'source', 'chapter', 'part', 'step', 'caution', 'tip']);

function stripLabelFromNodes(cue: Cue, label: string): void {
  const first = cue.nodes?.[0];
  const prefix = `${label}:`;
  if (first?.type === 'text' && first.text.trimStart().startsWith(prefix)) {
    first.text = first.text.trimStart().slice(prefix.length).trimStart();
    if (!first.text) cue.nodes?.shift();
  } else delete cue.nodes; // the label is split across markup: keep the plain text only
}

/**
 * Takes "Name:" labels off cue starts (see LABEL_RE), then carries each speaker forward to the
 * following cues that name none: transcripts (Podcasting 2.0 SRT/VTT, `<v>` "when the speaker
 * changes") mark a speaker at each change, so an unmarked cue continues the previous speaker.
 */
export function applySpeakers(cues: Cue[]): void {
  const found = cues.map((c) => {
    const colon = c.text.indexOf(':');
    return c.speaker || colon < 1 || colon > 80 ? null : LABEL_RE.exec(c.text);
  });
  const counts = new Map<string, number>();
  for (const m of found) if (m?.[1]) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  cues.forEach((cue, i) => {
    const m = found[i];
    const label = m?.[1];
    if (!m || !label || (counts.get(label) ?? 0) < 2 || NOT_SPEAKERS.has(label.toLowerCase())) return;
    cue.speaker = label;
    cue.text = cue.text.slice(m[0].length);
    if (cue.nodes) stripLabelFromNodes(cue, label);
    if (cue.words) {
      const n = label.split(' ').length;
      if (cue.words.slice(0, n).map((w) => w.text).join(' ') === `${label}:`) cue.words = cue.words.slice(n);
      if (!cue.words.length) delete cue.words;
    }
  });
  let current: string | undefined;
  for (const cue of cues) {
    if (cue.speaker) current = cue.speaker;
    else if (current) cue.speaker = current;
  }
}

