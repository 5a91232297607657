/**
 * Input families for the doubling benchmark (`npm run bench:inputs`, scripts/bench-inputs.mjs):
 * each is an entry point of the model fed a generated input of size n. The script times every
 * family at n and 2n and fails when the time more than doubles-and-a-half (a sign of quadratic
 * work); in smoke mode it runs each family once at `smoke` size and calls `check`.
 *
 * Families: ordinary inputs for every entry point, and the adversarial inputs of issue 9 (each
 * one measured at seconds of work on tens of KB before the fixes).
 */
import { parseTranscript } from '../src/model/parse/index.js';
import { validateAnnotations, linkAnnotations, parseBody, readAnnotationFile, readAnnotationInput, MAX_PROBLEMS } from '../src/model/annotations/index.js';
import { MAX_CUES_PER_ANNOTATION, MAX_LINKS } from '../src/model/annotations/link.js';
import { fromWebAnnotations } from '../src/model/web-annotation.js';
import { alignTracks } from '../src/model/align.js';
import { prepareSearchIndex, searchPrepared, wordRangesForMatch } from '../src/model/search.js';
import { toPlainText, toSRT, toWebVTT } from '../src/model/export.js';
import { anchorQuote, anchorQuotesAsync, prepareText } from '../src/model/text-quote.js';
import type { AnnotationSet } from '../src/model/annotations/index.js';
import type { Cue, ParseResult } from '../src/model/types.js';

export interface Family {
  /** "entry point: input". */
  name: string;
  /** The size measured first (then 2n); several MB of input at 2n where the work allows. */
  n: number;
  /** The size of the smoke run. */
  smoke: number;
  make(n: number): unknown;
  /** Characters of input, when its JSON length would mislead (a prepared text holds the text twice). */
  size?(input: unknown): number;
  run(input: unknown): unknown;
  /** Smoke mode: what is wrong with the output, or null. */
  check(output: unknown, n: number, input: unknown): string | null;
  /** An async path that must yield: the longest stretch without yielding is measured and checked. */
  yields?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Generators (deterministic)

const WORDS = 'the of and to in is that it was for on are with as his they be at one have this from or had by word but what some we can out other were all there when up use your how said an each she which do their time if will way about many then them would write like'.split(' ');
function words(count: number, seed = 7): string[] {
  const out: string[] = [];
  let s = seed;
  for (let i = 0; i < count; i++) {
    s = (s * 48271) % 2147483647;
    out.push(WORDS[s % WORDS.length]!);
  }
  return out;
}
const pad = (v: number, w = 2): string => String(v).padStart(w, '0');
function stamp(t: number, sep: '.' | ','): string {
  const ms = Math.round(t * 1000);
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}${sep}${pad(ms % 1000, 3)}`;
}
const lineOf = (i: number): string => words(10, i + 1).join(' ');
const cueList = (n: number, text: (i: number) => string = lineOf): Cue[] =>
  Array.from({ length: n }, (_, i) => ({ id: String(i + 1), start: i * 2, end: i * 2 + 2, text: text(i) }));
function vtt(n: number, text: (i: number) => string = lineOf): string {
  const parts = ['WEBVTT', ''];
  for (let i = 0; i < n; i++) parts.push(`c${i}`, `${stamp(i * 2, '.')} --> ${stamp(i * 2 + 2, '.')}`, text(i), '');
  return parts.join('\n');
}
function srt(n: number, text: (i: number) => string = lineOf): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(String(i + 1), `${stamp(i * 2, ',')} --> ${stamp(i * 2 + 2, ',')}`, text(i), '');
  return parts.join('\n');
}
/** n cues of `size` characters in one long cue line (a single-cue file). */
const oneCue = (format: 'srt' | 'vtt', body: string): string =>
  format === 'srt' ? `1\n00:00:00,000 --> 00:00:05,000\n${body}\n` : `WEBVTT\n\n00:00:00.000 --> 00:00:05.000\n${body}\n`;
function rolling(n: number): string {
  const parts = ['WEBVTT', 'Kind: captions', 'Language: en', ''];
  let prev = ' ';
  for (let i = 0; i < n; i++) {
    const t = i * 2;
    const w = words(4, i + 3);
    const timed = `${w[0]}<${stamp(t + 0.4, '.')}><c> ${w[1]}</c><${stamp(t + 0.8, '.')}><c> ${w[2]}</c><${stamp(t + 1.2, '.')}><c> ${w[3]}</c>`;
    parts.push(`${stamp(t, '.')} --> ${stamp(t + 2, '.')} align:start position:0%`, prev, timed, '');
    prev = w.join(' ');
    parts.push(`${stamp(t + 2, '.')} --> ${stamp(t + 2.01, '.')} align:start position:0%`, prev, ' ', '');
  }
  return parts.join('\n');
}
const transcriptJson = (n: number, id: (i: number) => string): string =>
  JSON.stringify({ version: 1, lang: 'en', cues: cueList(n).map((c, i) => ({ ...c, id: id(i) })) });
function podcastJson(n: number): string {
  const segments = words(n).map((w, i) => ({ speaker: i % 500 < 250 ? 'Host' : 'Guest', startTime: i * 0.4, endTime: i * 0.4 + 0.35, body: i % 12 === 11 ? `${w}.` : w }));
  return JSON.stringify({ version: '1.0.0', segments });
}
function hyperaudio(n: number): string {
  const parts = ['<article><section>'];
  words(n).forEach((w, i) => {
    if (i % 12 === 0) parts.push(i ? '</p><p>' : '<p>');
    parts.push(`<span data-m="${i * 400}" data-d="350">${w} </span>`);
  });
  parts.push('</p></section></article>');
  return parts.join('');
}
/** An article of n characters: random common words, a sentence end now and then. */
const article = (n: number): string => {
  const w = words(Math.ceil(n / 4), 11);
  return w.map((x, i) => (i % 13 === 12 ? `${x}.` : x)).join(' ').slice(0, n);
};
/** A 900-character quote that is nowhere in the articles (other words). */
const ABSENT_QUOTE = (() => {
  const vocab = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima', 'mike'];
  let s = 3;
  let q = '';
  while (q.length < 900) {
    s = (s * 48271) % 2147483647;
    q += `${vocab[s % vocab.length]} `;
  }
  return q.slice(0, 900);
})();
let made = 0;
/** A different suffix for every input made. */
const unique = (): string => ` ${++made}`;
const repetitive = (n: number): string => 'The committee met again. '.repeat(Math.ceil(n / 25)).slice(0, n);

// ---------------------------------------------------------------------------------------------
// Checks

type Check = Family['check'];
const parsed = (minCues: number, maxProblems = MAX_PROBLEMS + 1): Check => (out) => {
  const r = out as ParseResult;
  if (!r || !Array.isArray(r.transcript?.cues) || !Array.isArray(r.problems)) return 'no ParseResult';
  if (r.transcript.cues.length < minCues) return `${r.transcript.cues.length} cues, expected ≥ ${minCues}`;
  if (r.problems.length > maxProblems) return `${r.problems.length} problems, more than ${maxProblems}`;
  return null;
};
const cuesAtLeast = (f: (n: number) => number, maxProblems?: number): Check => (out, n, input) => parsed(f(n), maxProblems)(out, n, input);
const problemsCapped = (out: unknown): string | null => {
  const p = (out as { problems?: unknown[] })?.problems;
  if (!Array.isArray(p)) return 'no problems array';
  return p.length <= MAX_PROBLEMS + 1 ? null : `${p.length} problems (cap ${MAX_PROBLEMS} + summary)`;
};
const stringWithin = (min: number): Check => (out) => (typeof out === 'string' && out.length >= min ? null : `output ${typeof out} too short`);

// ---------------------------------------------------------------------------------------------
// Families

const annotationSet = (annotations: unknown[], claims: unknown[] = []): AnnotationSet => validateAnnotations({ version: 1, claims, annotations }).data;
function nested(depth: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}
const linkTotal = (out: unknown): number => {
  let total = 0;
  for (const ids of (out as ReturnType<typeof linkAnnotations>).links.cuesOf.values()) total += ids.length;
  return total;
};

export const families: Family[] = [
  // Parsers (src/model/parse): ordinary files.
  { name: 'parseTranscript: WebVTT', n: 10_000, smoke: 50, make: (n) => vtt(n), run: (t) => parseTranscript(t as string), check: cuesAtLeast((n) => n, 0) },
  { name: 'parseTranscript: SRT', n: 10_000, smoke: 50, make: (n) => srt(n), run: (t) => parseTranscript(t as string), check: cuesAtLeast((n) => n, 0) },
  { name: 'parseTranscript: transcript JSON', n: 10_000, smoke: 50, make: (n) => transcriptJson(n, (i) => String(i + 1)), run: (t) => parseTranscript(t as string), check: cuesAtLeast((n) => n, 0) },
  { name: 'parseTranscript: Podcasting JSON', n: 40_000, smoke: 120, make: podcastJson, run: (t) => parseTranscript(t as string), check: cuesAtLeast((n) => Math.floor(n / 60)) },
  { name: 'parseTranscript: Hyperaudio HTML', n: 40_000, smoke: 120, make: hyperaudio, run: (t) => parseTranscript(t as string), check: cuesAtLeast((n) => Math.floor(n / 12)) },
  // Parsers: adversarial families.
  { name: 'parseTranscript: SRT, a line of spaces', n: 1_000_000, smoke: 2000, make: (n) => oneCue('srt', `a${' '.repeat(n)}b`), run: (t) => parseTranscript(t as string, { format: 'srt' }), check: cuesAtLeast(() => 1) },
  { name: 'parseTranscript: SRT, repeated {\\', n: 500_000, smoke: 2000, make: (n) => oneCue('srt', '{\\'.repeat(n / 2)), run: (t) => parseTranscript(t as string, { format: 'srt' }), check: cuesAtLeast(() => 0) },
  { name: 'parseTranscript: WebVTT, repeated & prefixes', n: 500_000, smoke: 2000, make: (n) => oneCue('vtt', '&amp&#x4&#1'.repeat(n / 11)), run: (t) => parseTranscript(t as string), check: cuesAtLeast(() => 1) },
  { name: 'parseTranscript: SRT, repeated & prefixes', n: 500_000, smoke: 2000, make: (n) => oneCue('srt', '&amp&#x4&#1'.repeat(n / 11)), run: (t) => parseTranscript(t as string, { format: 'srt' }), check: cuesAtLeast(() => 1) },
  { name: 'parseTranscript: JSON, duplicate cue ids', n: 20_000, smoke: 50, make: (n) => transcriptJson(n, () => '1'), run: (t) => parseTranscript(t as string), check: cuesAtLeast((n) => n) },
  { name: 'parseTranscript: WebVTT, rolling captions', n: 5_000, smoke: 30, make: rolling, run: (t) => parseTranscript(t as string), check: cuesAtLeast((n) => Math.floor(n / 2)) },
  { name: 'parseTranscript: WebVTT, --> lines', n: 100_000, smoke: 500, make: (n) => `WEBVTT\n\n${'-->\n'.repeat(n)}`, run: (t) => parseTranscript(t as string), check: cuesAtLeast(() => 0) },
  { name: 'parseTranscript: SRT, --> lines', n: 100_000, smoke: 500, make: (n) => '-->\n'.repeat(n), run: (t) => parseTranscript(t as string, { format: 'srt' }), check: cuesAtLeast(() => 0) },

  // Annotations.
  {
    name: 'validateAnnotations: annotations and claims', n: 20_000, smoke: 50,
    make: (n) => ({ version: 1, claims: Array.from({ length: n }, (_, i) => ({ id: `c${i}`, quote: { exact: lineOf(i) } })), annotations: Array.from({ length: n }, (_, i) => ({ id: `a${i}`, cues: [String(i + 1)], claims: [`c${i}`], relation: 'supports', body: 'see [x](https://example.org)' })) }),
    run: validateAnnotations,
    check: (out, n) => ((out as { data: AnnotationSet }).data.annotations.length === n ? problemsCapped(out) : 'annotations lost'),
  },
  { name: 'readAnnotationInput: nested arrays', n: 200_000, smoke: 100_000, make: nested, run: readAnnotationInput, check: (out) => ((out as { problems: unknown[] }).problems.length === 1 ? null : 'expected one problem') },
  {
    name: 'readAnnotationFile: nested JSON text', n: 500_000, smoke: 100_000, make: (n) => `${'['.repeat(n)}${']'.repeat(n)}`, run: (t) => readAnnotationFile(t as string),
    check: (out) => ((out as { problems: Array<{ code: string }> }).problems[0]?.code === 'bad-json' ? null : 'expected bad-json'),
  },
  {
    name: 'linkAnnotations: time ranges over every cue', n: 20_000, smoke: 20_000, // the smoke run reaches MAX_LINKS
    make: (n) => ({ data: annotationSet(Array.from({ length: n }, (_, i) => ({ id: `a${i}`, time: { start: 0, end: 1e6 }, relation: 'context' }))), cues: cueList(Math.max(1, n / 20)) }),
    run: (x) => { const { data, cues } = x as { data: AnnotationSet; cues: Cue[] }; return linkAnnotations(data, cues); },
    check: (out, n) => {
      const total = linkTotal(out);
      const want = Math.min(MAX_LINKS, n * Math.min(n / 20, MAX_CUES_PER_ANNOTATION));
      return total === want ? problemsCapped(out) : `${total} links, expected ${want}`;
    },
  },
  {
    name: 'linkAnnotations: one annotation naming n claims', n: 40_000, smoke: 500,
    make: (n) => ({ data: annotationSet([{ id: 'a', cues: ['1'], claims: Array.from({ length: n }, (_, i) => `c${i}`), relation: 'supports' }], Array.from({ length: n }, (_, i) => ({ id: `c${i}`, quote: { exact: 'x' } }))), cues: cueList(1) }),
    run: (x) => { const { data, cues } = x as { data: AnnotationSet; cues: Cue[] }; return linkAnnotations(data, cues); },
    check: (out, n) => ((out as ReturnType<typeof linkAnnotations>).links.claimsOfAnnotation.get('a')?.length === n ? null : 'claims lost'),
  },
  {
    name: 'linkAnnotations: a cue 0→1e9', n: 20_000, smoke: 200,
    make: (n) => ({ data: annotationSet(Array.from({ length: n }, (_, i) => ({ id: `a${i}`, time: { start: i * 2 + 0.5, end: i * 2 + 1 }, relation: 'context' }))), cues: [{ id: 'long', start: 0, end: 1e9, text: 'x' }, ...cueList(n)] }),
    run: (x) => { const { data, cues } = x as { data: AnnotationSet; cues: Cue[] }; return linkAnnotations(data, cues); },
    check: (out, n) => (linkTotal(out) === 2 * n ? problemsCapped(out) : `${linkTotal(out)} links, expected ${2 * n}`),
  },

  // Web Annotation import.
  {
    name: 'fromWebAnnotations: annotations', n: 5_000, smoke: 50,
    make: (n) => Array.from({ length: n }, (_, i) => ({ '@context': 'http://www.w3.org/ns/anno.jsonld', id: `https://e.org/a#annotation=a${i}`, type: 'Annotation', body: [{ type: 'TextualBody', value: 'supports', purpose: 'tagging' }], target: [{ source: 'https://e.org/v.mp4', selector: { type: 'FragmentSelector', value: `id=${i + 1}` } }, { id: `https://e.org/a#claim=c${i}`, source: 'https://e.org/a', selector: { type: 'TextQuoteSelector', exact: lineOf(i) } }] })),
    run: (x) => fromWebAnnotations(x),
    check: (out, n) => ((out as { data: AnnotationSet }).data.annotations.length === n ? problemsCapped(out) : 'annotations lost'),
  },
  {
    name: 'fromWebAnnotations: one annotation, n targets', n: 40_000, smoke: 200,
    make: (n) => ({ type: 'Annotation', id: 'a', body: { type: 'TextualBody', value: 'context', purpose: 'tagging' }, target: Array.from({ length: n }, (_, i) => ({ source: 'https://e.org/a', selector: { type: 'TextQuoteSelector', exact: `quote ${i}` } })) }),
    run: (x) => fromWebAnnotations(x),
    check: (out, n) => ((out as { data: AnnotationSet }).data.claims.length === n ? problemsCapped(out) : 'claims lost'),
  },

  // Translation alignment.
  {
    name: 'alignTracks: two tracks', n: 25_000, smoke: 100,
    make: (n) => ({ a: cueList(n), b: cueList(n).map((c) => ({ ...c, id: `t${c.id}`, start: c.start + 0.3, end: c.end + 0.3 })) }),
    run: (x) => { const { a, b } = x as { a: Cue[]; b: Cue[] }; return alignTracks(a, b); },
    check: (out, n) => (Array.isArray(out) && out.length === n ? null : 'rows lost'),
  },
  {
    name: 'alignTracks: an original ending at 1e12', n: 25_000, smoke: 100,
    // The long original comes last: on equal overlap the earlier original wins, so each line keeps its own.
    make: (n) => ({ a: [...cueList(n), { id: 'long', start: 0, end: 1e12, text: '' }], b: cueList(n).map((c) => ({ ...c, id: `t${c.id}` })) }),
    run: (x) => { const { a, b } = x as { a: Cue[]; b: Cue[] }; return alignTracks(a, b); },
    check: (out, n) => {
      const rows = out as Array<{ original: number | null; translation: number[] }>;
      const ok = rows.length === n + 1 && rows[0]!.translation.join() === '0' && rows[n - 1]!.translation.join() === String(n - 1) && rows[n]!.translation.length === 0;
      return ok ? null : 'wrong rows';
    },
  },
  {
    name: 'alignTracks: translations spanning everything', n: 20_000, smoke: 100,
    make: (n) => ({ a: cueList(n), b: cueList(n).map((c) => ({ ...c, id: `t${c.id}`, start: 0, end: 1e9 })) }),
    run: (x) => { const { a, b } = x as { a: Cue[]; b: Cue[] }; return alignTracks(a, b); },
    check: (out, n) => (Array.isArray(out) && out.length === n ? null : 'rows lost'),
  },

  // Search.
  {
    name: 'search: prepare + query, cues', n: 25_000, smoke: 100,
    make: (n) => cueList(n),
    run: (c) => searchPrepared(prepareSearchIndex(c as Cue[]), 'the'),
    check: (out) => (Array.isArray(out) && out.length > 0 ? null : 'no matches'),
  },
  {
    name: 'search: prepare + query + words, one n-word line', n: 100_000, smoke: 500,
    make: (n) => { const w = words(n); return [{ id: '1', start: 0, end: n, text: `${w.join(' ')}.`, words: w.map((text, i) => ({ start: i, end: i + 1, text: i % 2 ? `${text}!` : text })) }]; },
    run: (c) => { const cues = c as Cue[]; const matches = searchPrepared(prepareSearchIndex(cues), 'the'); return matches.reduce((k, m) => k + wordRangesForMatch(cues[0]!, m).length, 0); },
    check: (out) => (typeof out === 'number' && out > 0 ? null : 'no words'),
  },

  // Export.
  { name: 'toSRT: cues', n: 25_000, smoke: 100, make: (n) => cueList(n), run: (c) => toSRT(c as Cue[]), check: stringWithin(100) },
  { name: 'toSRT: a line of <a', n: 1_000_000, smoke: 2000, make: (n) => [{ id: '1', start: 0, end: 1, text: '<a'.repeat(n / 2) }], run: (c) => toSRT(c as Cue[]), check: stringWithin(2000) },
  { name: 'toSRT: a line of & prefixes', n: 1_000_000, smoke: 2000, make: (n) => [{ id: '1', start: 0, end: 1, text: '&amp&#x4&#1'.repeat(n / 11) }], run: (c) => toSRT(c as Cue[]), check: stringWithin(1000) },
  { name: 'toWebVTT: cues', n: 25_000, smoke: 100, make: (n) => cueList(n), run: (c) => toWebVTT(c as Cue[]), check: stringWithin(100) },
  { name: 'toWebVTT: a line of <a', n: 1_000_000, smoke: 2000, make: (n) => [{ id: '1', start: 0, end: 1, text: '<a'.repeat(n / 2) }], run: (c) => toWebVTT(c as Cue[]), check: stringWithin(2000) },
  { name: 'toPlainText: cues', n: 25_000, smoke: 100, make: (n) => cueList(n), run: (c) => toPlainText(c as Cue[]), check: stringWithin(100) },

  // Annotation bodies (each input distinct: parseBody caches per body string).
  { name: 'parseBody: links', n: 1_000_000, smoke: 2000, make: (n) => `${'see [the source](https://example.org/x) and '.repeat(n / 44)}${unique()}`, run: (b) => parseBody(b as string), check: (out) => (Array.isArray(out) && out.some((s) => s.type === 'link') ? null : 'no links') },
  { name: 'parseBody: repeated [x](', n: 1_000_000, smoke: 2000, make: (n) => `${'[x]('.repeat(n / 4)}${unique()}`, run: (b) => parseBody(b as string), check: (out) => (Array.isArray(out) && out.length === 1 ? null : 'expected one text segment') },

  // Claim anchoring.
  {
    name: 'anchorQuote: article, quote with typos', n: 1_000_000, smoke: 5000,
    make: (n) => { const text = article(n); const at = Math.floor(n * 0.6); const exact = text.slice(at, at + 140); return { p: prepareText(text), q: { exact: `${exact.slice(0, 40)}x${exact.slice(41, 90)}yz${exact.slice(92)}` }, at }; },
    size: (x) => (x as { p: { text: string } }).p.text.length,
    run: (x) => { const { p, q } = x as { p: ReturnType<typeof prepareText>; q: { exact: string } }; return anchorQuote(p, q); },
    check: (out, _n, input) => ((out as { found: boolean; start?: number }).found && (out as { start: number }).start === (input as { at: number }).at ? null : 'not found at its place'),
  },
  {
    name: 'anchorQuote: repetitive article, absent 900-char quote', n: 1_000_000, smoke: 5000,
    make: (n) => prepareText(repetitive(n)),
    size: (p) => (p as { text: string }).text.length,
    run: (p) => anchorQuote(p as ReturnType<typeof prepareText>, { exact: ABSENT_QUOTE }),
    check: (out) => ((out as { found: boolean }).found === false ? null : 'found an absent quote'),
  },
  {
    name: 'anchorQuotesAsync: repetitive article, absent 900-char quote', n: 1_000_000, smoke: 5000, yields: true,
    make: repetitive,
    run: (t) => anchorQuotesAsync(t as string, [{ exact: ABSENT_QUOTE }, { exact: 'the committee met again' }]),
    check: (out) => { const r = out as Array<{ found: boolean }>; return r[0]?.found === false && r[1]?.found === true ? null : 'wrong results'; },
  },
];
