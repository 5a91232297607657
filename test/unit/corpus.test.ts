/**
 * Conformance against the shared corpus (../shared/corpus beside the checkout; see its README).
 * Skips, with a message, where the folder is absent.
 *
 * Text comparisons: the oracles hold raw cue text; we compare our plain `cue.text` with the raw
 * text after removing tags (an unclosed "<…" runs to the end, as in the WebVTT tokenizer),
 * decoding entities and normalising each line (trimmed, blank lines dropped, space runs made one).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeEntities, normaliseText, parseCueText } from '../../src/model/parse/cue-text.js';
import { parseSRT } from '../../src/model/parse/srt.js';
import { parseWebVTT } from '../../src/model/parse/webvtt.js';
import type { Cue, CueNode, ParseResult } from '../../src/model/types.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = path.resolve(repoRoot, '../shared/corpus');
const exists = existsSync(CORPUS);
if (!exists) console.warn(`[corpus.test] ${CORPUS} not found: corpus conformance tests are skipped.`);

/** Bytes as UTF-8 like a browser; the BOM is kept here because the parsers strip one. */
const read = (rel: string): string => readFileSync(path.join(CORPUS, rel)).toString('utf8');
const json = <T>(rel: string): T => JSON.parse(read(rel)) as T;
const plain = (raw: string): string => normaliseText(decodeEntities(raw.replace(/<[^>]*(?:>|$)/g, '')));

const ALLOWED = new Set(['text', 'b', 'i', 'u', 'c', 'v', 'lang', 'ruby', 'rt']);
const ALLOWED_KEYS = new Set(['type', 'children', 'className', 'lang', 'voice', 'text']);
function walk(nodes: CueNode[] | undefined, visit: (n: CueNode) => void): void {
  for (const n of nodes ?? []) {
    visit(n);
    if (n.type !== 'text') walk(n.children, visit);
  }
}
/** Only allowed node types and keys; className and lang sanitised. */
function expectSafe(cues: Cue[]): void {
  for (const c of cues) {
    walk(c.nodes, (n) => {
      expect(ALLOWED.has(n.type)).toBe(true);
      for (const k of Object.keys(n)) expect(ALLOWED_KEYS.has(k)).toBe(true);
      if (n.type === 'text') return;
      if (n.className !== undefined) expect(n.className).toMatch(/^[A-Za-z0-9_-]+( [A-Za-z0-9_-]+)*$/);
      if (n.lang !== undefined) expect(n.lang).toMatch(/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// wpt

interface WptCue { id: string; startTime: number; endTime: number; text: string }
interface WptTest { name: string; input: string; expect: 'load' | 'error'; cues: WptCue[] | null }

/**
 * Where we show cues the oracle drops, and why. (None of the 44 "load" files needs one: the
 * parser follows the spec's block and timestamp rules, so they match cue for cue.)
 */
const LENIENT: Record<string, string> = {
  'signature-invalid/signature-missing':
    'a file that starts with a timing line is read without a header: its cue is shown, with a bad-signature problem',
};

describe.skipIf(!exists)('wpt webvtt/parsing/file-parsing', () => {
  const tests = exists ? json<{ tests: WptTest[] }>('wpt/wpt-file-parsing-expected.json').tests : [];

  it('has the 55 cases (44 load, 11 bad signature)', () => {
    expect(tests).toHaveLength(55);
    expect(tests.filter((t) => t.expect === 'error')).toHaveLength(11);
  });

  it.each(tests.map((t) => [t.name, t] as const))('%s', async (_name, t) => {
    const r = await parseWebVTT(read(`wpt/${t.input}`));
    const got = r.transcript.cues;
    if (t.expect === 'error') {
      expect(r.problems.some((p) => p.kind === 'format')).toBe(true);
      if (!LENIENT[t.name]) expect(got).toEqual([]);
      return;
    }
    const want = t.cues ?? [];
    expect(got).toHaveLength(want.length);
    want.forEach((w, i) => {
      const g = got[i] as Cue;
      expect(g.start).toBe(w.startTime);
      expect(g.end).toBe(Math.max(w.startTime, w.endTime)); // end < start is kept as end = start
      expect(g.text).toBe(plain(w.text));
      if (w.id.trim()) expect(g.id).toBe(w.id);
    });
    // An end before the start is kept, and reported.
    const backwards = want.filter((w) => w.endTime < w.startTime).length;
    expect(r.problems.filter((p) => p.code === 'bad-range')).toHaveLength(backwards);
  });
});

interface CueTextTest { cue_text: string; vtt: string; expected_getCueAsHTML_tree: string }

/** Named references outside our table (we carry ~130 common ones, not HTML's 2,231). */
const ENTITY_SKIPS: Record<string, string> = {
  '&ClockwiseContourIntegral;': 'rare named reference, left as text',
  '&nsubE;': 'rare named reference, left as text',
};

describe.skipIf(!exists)('wpt webvtt/parsing/cue-text-parsing', () => {
  const tests = exists ? json<{ tests: CueTextTest[] }>('wpt/wpt-cue-text-expected.json').tests : [];
  const runnable = tests.filter((t) => !ENTITY_SKIPS[t.cue_text]);

  it('has 77 cases, 2 skipped', () => {
    expect(tests).toHaveLength(77);
    expect(runnable).toHaveLength(75);
  });

  it.each(runnable.map((t, i) => [i, JSON.stringify(t.cue_text), t] as const))('#%i %s', async (_i, _label, t) => {
    const r = await parseWebVTT(t.vtt);
    const cue = r.transcript.cues[0] as Cue;
    const tree = t.expected_getCueAsHTML_tree;
    const texts = [...tree.matchAll(/^\|\s*"([\s\S]*?)"$/gm)].map((m) => m[1]).join('');
    expect(cue.text).toBe(normaliseText(texts));
    // Voice: the first <v> with a name is the speaker.
    const title = /title="([^"]+)"/.exec(tree)?.[1];
    expect(cue.speaker).toBe(title);
    // Elements rendered as themselves must be present, and no others.
    const tags = new Set([...tree.matchAll(/^\|\s*<(b|i|u|ruby|rt)>$/gm)].map((m) => m[1]));
    const ours = new Set<string>();
    const classes: string[] = [];
    const langs: string[] = cue.lang ? [cue.lang] : [];
    walk(cue.nodes, (n) => {
      if (['b', 'i', 'u', 'ruby', 'rt'].includes(n.type)) ours.add(n.type);
      if (n.type !== 'text' && n.className) classes.push(n.className);
      if (n.type !== 'text' && n.lang) langs.push(n.lang);
    });
    expect(ours).toEqual(tags);
    for (const m of tree.matchAll(/class="([^"]+)"/g)) expect(classes).toContain(m[1]);
    for (const m of tree.matchAll(/lang="([^"]+)"/g)) expect(langs).toContain(m[1]);
    // Inline timestamps around text give timed words.
    if (tree.includes('<?timestamp') && cue.text) expect(cue.words?.length).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------
// androidx-media

type Expect = { count: number; cues?: [number, number, string][]; ids?: string[]; problems?: string[] };
const codes = (r: ParseResult): string[] => r.problems.map((p) => `${p.code}@${p.line ?? '-'}`);
const TYPICAL_SRT: [number, number, string][] = [
  [0, 1.234, 'This is the first subtitle.'],
  [2.345, 3.456, 'This is the second subtitle.\nSecond subtitle with second line.'],
  [7204.567, 7208.901, 'This is the third subtitle.'],
];
const TWO_VTT: [number, number, string][] = [
  [0, 1.234, 'This is the first subtitle.'],
  [2.345, 3.456, 'This is the second subtitle.'],
];

const SUBRIP: Record<string, Expect> = {
  empty: { count: 0, problems: ['no-cues@-'] },
  typical: { count: 3, cues: TYPICAL_SRT, ids: ['1', '2', '3'], problems: [] },
  typical_bad_timestamps: { count: 1, cues: TYPICAL_SRT.slice(0, 1), problems: ['bad-timestamp@6', 'bad-timestamp@10'] },
  typical_extra_blank_line: { count: 3, cues: TYPICAL_SRT, problems: [] },
  typical_missing_sequence: { count: 3, cues: TYPICAL_SRT, ids: ['1', '2', '3'], problems: [] },
  typical_missing_timecode: {
    count: 2,
    cues: [TYPICAL_SRT[0]!, TYPICAL_SRT[2]!],
    ids: ['1', '3'],
    problems: ['missing-timing@5', 'bad-timestamp@14', 'bad-timestamp@18'],
  },
  typical_negative_timestamps: { count: 1, cues: [TYPICAL_SRT[2]!], ids: ['3'], problems: ['bad-timestamp@2', 'bad-timestamp@6'] },
  typical_no_hours_and_millis: {
    count: 3,
    cues: [[0, 1.234, 'This is the first subtitle.'], [2, 3, 'This is the second subtitle.\nSecond subtitle with second line.'], TYPICAL_SRT[2]!],
    problems: [],
  },
  typical_unexpected_end: { count: 2, cues: TYPICAL_SRT.slice(0, 2), problems: ['missing-timing@10'] },
  typical_utf16be: { count: 3, cues: TYPICAL_SRT, problems: [] },
  typical_utf16le: { count: 3, cues: TYPICAL_SRT, problems: [] },
  typical_with_byte_order_mark: { count: 3, cues: TYPICAL_SRT, ids: ['1', '2', '3'], problems: [] },
  typical_with_tags: {
    count: 14,
    cues: [
      [0, 1.234, 'This is the first subtitle.'],
      [2.345, 3.456, 'This is the second subtitle.\nSecond subtitle with second line.'],
      [4.567, 8.901, 'This is the third subtitle.'],
      [9.567, 12.901, 'This { \\an2} is not a valid tag due to the space after the opening bracket.'],
      [13.567, 14.901, 'This is the fifth subtitle with multiple valid tags.'], // "00:00:013,567": seconds as digits
    ],
    problems: [],
  },
};

/**
 * WebVTT: where androidx is more lenient than the spec, Chromium (the spec) decides, per the
 * corpus README: typical_with_bad_timestamps keeps 0 cues (androidx keeps "00:00 --> …" and
 * "02.345 --> …"; the spec requires mm:ss.ttt). X-TIMESTAMP-MAP (HLS offsets) is not applied.
 */
const WEBVTT: Record<string, Expect> = {
  empty: { count: 0, problems: ['no-cues@-'] },
  typical: { count: 2, cues: TWO_VTT, problems: [] },
  typical_with_bad_timestamps: {
    count: 0,
    problems: ['bad-timestamp@4', 'bad-timestamp@7', 'bad-timestamp@10', 'bad-timestamp@13', 'bad-timestamp@16', 'bad-timestamp@19', 'no-cues@-'],
  },
  typical_with_comments: { count: 2, cues: TWO_VTT, ids: ['1', '2'], problems: [] },
  typical_with_identifiers: { count: 2, cues: TWO_VTT, ids: ['1', '2'], problems: [] },
  with_bad_cue_header: { count: 2, cues: [TWO_VTT[0]!, [4, 5, 'This is the third subtitle.']], problems: ['bad-timestamp@6'] },
  with_bom: { count: 2, cues: TWO_VTT, problems: [] },
  with_consecutive_cues: { count: 2, cues: [TWO_VTT[0]!, [1.234, 3.456, 'This is the second subtitle.']], problems: [] },
  with_css_complex_selectors: { count: 5, ids: ['id', 'íd', '_id', '4', 'anId'], problems: [] },
  with_css_styles: { count: 4, ids: ['id1', 'id2', '3', '4'], problems: [] },
  with_css_text_combine_upright: { count: 2, cues: [[0, 1, 'Combine all test'], [3, 4, 'Combine 0004 digits']], problems: [] },
  with_font_size: { count: 6, problems: [] },
  with_overlapping_timestamps: {
    count: 4,
    cues: [
      [0, 3, 'Displayed at the bottom for 3 seconds.'],
      [1, 2, 'Appears directly above for 1 second.'],
      [4, 6, 'Displayed at the bottom for 2 seconds.'],
      [5, 7, 'Appears directly above the previous cue, then replaces it after 1 second.'],
    ],
    problems: [],
  },
  with_positioning: { count: 8, problems: [] },
  with_rubies: { count: 4, problems: [] },
  with_tags: {
    count: 4,
    cues: [
      [0, 1.234, 'This is the first subtitle.'],
      [2.345, 3.456, 'This is the second subtitle.'],
      [4, 5, 'This is the third subtitle.'],
      [6, 7, 'This is the <fourth> &subtitle.'],
    ],
    problems: [],
  },
  with_vertical: { count: 3, problems: [] },
  with_wide_unicode_chars_and_cr_endings: { count: 1, cues: [[0, 1.234, '\u{1F61B}\n\u{1F61B}']], problems: [] },
  'with_x-timestamp-map_header': { count: 2, cues: [[958715.679, 958717.305, 'Cue text one'], [958717.433, 958718.276, 'Cue text two']], problems: [] },
};

function readAndroidx(folder: string, file: string): string {
  const bytes = readFileSync(path.join(CORPUS, 'androidx-media', folder, file));
  if (file.endsWith('utf16le')) return new TextDecoder('utf-16le').decode(bytes);
  if (file.endsWith('utf16be')) return new TextDecoder('utf-16be').decode(bytes);
  return bytes.toString('utf8');
}

describe.skipIf(!exists)('androidx-media test assets', () => {
  for (const [folder, table, parse] of [
    ['subrip', SUBRIP, parseSRT],
    ['webvtt', WEBVTT, parseWebVTT],
  ] as const) {
    it(`covers every ${folder} file`, () => {
      expect(readdirSync(path.join(CORPUS, 'androidx-media', folder)).sort()).toEqual(Object.keys(table).sort());
    });
    it.each(Object.entries(table))(`${folder}/%s`, async (file, want) => {
      const r = await parse(readAndroidx(folder, file));
      const cues = r.transcript.cues;
      expect(cues).toHaveLength(want.count);
      want.cues?.forEach(([start, end, text], i) => expect([cues[i]?.start, cues[i]?.end, cues[i]?.text]).toEqual([start, end, text]));
      if (want.ids) expect(cues.map((c) => c.id)).toEqual(want.ids);
      if (want.problems) expect(codes(r)).toEqual(want.problems);
      for (const p of r.problems) if (p.kind === 'parse') expect(p.line).toBeGreaterThanOrEqual(1);
      expectSafe(cues);
    });
  }

  it('reads voices, classes and rubies from the styled WebVTT files', async () => {
    const selectors = (await parseWebVTT(readAndroidx('webvtt', 'with_css_complex_selectors'))).transcript.cues;
    expect(selectors[3]?.speaker).toBe('Strider Trancos');
    expect(selectors[4]?.nodes?.at(-1)).toMatchObject({ type: 'v', voice: 'Robert', className: 'class1 class3 class2' });
    const styles = (await parseWebVTT(readAndroidx('webvtt', 'with_css_styles'))).transcript.cues;
    expect(styles.map((c) => c.speaker)).toEqual([undefined, undefined, 'Mary', 'LaGord']);
    const rubies = (await parseWebVTT(readAndroidx('webvtt', 'with_rubies'))).transcript.cues;
    expect(rubies[0]?.nodes?.[1]).toEqual({
      type: 'ruby',
      className: 'over',
      children: [{ type: 'text', text: 'text with over-ruby' }, { type: 'rt', children: [{ type: 'text', text: 'over' }] }],
    });
    const tags = (await parseSRT(readAndroidx('subrip', 'typical_with_tags'))).transcript.cues;
    expect(tags.filter((c) => c.text.includes('{\\'))).toHaveLength(0);
  });
});

// ---------------------------------------------------------------------------------------------
// vtt.js

interface VttjsCue { startTime: number; endTime: number; text: string; id: string }
/**
 * vtt.js follows an older draft; where it disagrees with Chromium/the spec, the spec decides, and
 * the spec's result is asserted in "where vtt.js and the spec disagree" below:
 * - cue-times/min-top-digits ("000:00.000") and minimum-spots-over-sixty ("120:00.000"): a first
 *   field that is not two digits ≤ 59 means hours, so "hh:mm" then needs ":ss" — both rejected.
 * - cuetext/escape-characters/incorrect: "&nbsp", "&lt", "&gt" without ";" are HTML legacy
 *   references and decode (wpt entities.dat: "&amp" → "&"); vtt.js keeps them literally.
 * - file-layout/header-no-new-line: a timing line right under "WEBVTT" ends the header and starts
 *   a cue (wpt header-timings); vtt.js drops the cue.
 * - integration/id: a block "-->" then a timing line: the timing line starts a new cue (wpt
 *   arrows); vtt.js drops it.
 */
const VTTJS_SPEC_WINS: Record<string, string> = {
  'cue-times/min-top-digits': 'spec/Chromium reject "000:00.000"',
  'cue-times/minimum-spots-over-sixty': 'spec/Chromium reject "120:00.000"',
  'cuetext/escape-characters/incorrect': 'legacy references without ";" decode in HTML/wpt',
  'file-layout/header-no-new-line': 'a timing line ends the header (wpt header-timings)',
  'integration/id': 'a timing line after a "-->" line starts a cue (wpt arrows)',
};

/**
 * Our leniency: a file with a bad signature is still read, with a `bad-signature` problem (the
 * component shows the error and the cues recovered). vtt.js shows nothing for these.
 */
const VTTJS_LENIENT: Record<string, string> = {
  'file-layout/bom-garbage-data': '"garbage" instead of WEBVTT: cue recovered, bad-signature reported',
  'file-layout/bom-tab-webvtt': '"\\tWEBVTT": cue recovered, bad-signature reported',
  'file-layout/newline-before-webvtt': 'blank line before WEBVTT: cue recovered, bad-signature reported',
  'file-layout/tab-after-bom-before-header': 'BOM + tab before WEBVTT: cue recovered, bad-signature reported',
};

function vttjsCases(folder: string): [string, string][] {
  const dir = path.join(CORPUS, 'vttjs/tests', folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.vtt'))
    .map((f) => `${folder}/${f.slice(0, -4)}`)
    .sort()
    .map((name) => [name, name]);
}

/** Expected cues: the .json when there is one, else the rendered -proc.json (count and text). */
function vttjsExpected(name: string): { start?: number; end?: number; text: string }[] {
  const base = path.join(CORPUS, 'vttjs/tests', name);
  if (existsSync(`${base}.json`)) {
    const cues = (JSON.parse(readFileSync(`${base}.json`, 'utf8')) as { cues: VttjsCue[] }).cues;
    return cues.map((c) => ({ start: c.startTime, end: c.endTime, text: plain(c.text) }));
  }
  const proc = JSON.parse(readFileSync(`${base}-proc.json`, 'utf8')) as { textContent: string }[];
  return proc.map((p) => ({ text: normaliseText(p.textContent) }));
}

describe.skipIf(!exists)('vtt.js tests', () => {
  const cases = ['cue-times', 'cuetext', 'file-layout', 'integration'].flatMap(vttjsCases);
  const run = cases.filter(([name]) => !VTTJS_SPEC_WINS[name]);

  it('finds the cases', () => {
    expect(vttjsCases('cue-times')).toHaveLength(20);
    expect(run.length).toBeGreaterThan(90);
  });

  it.each(run)('%s', async (name) => {
    const r = await parseWebVTT(read(`vttjs/tests/${name}.vtt`));
    const want = vttjsExpected(name);
    const got = r.transcript.cues;
    if (VTTJS_LENIENT[name]) {
      expect(want).toEqual([]);
      expect(r.problems.filter((p) => p.kind === 'format').map((p) => [p.code, p.line])).toEqual([['bad-signature', 1]]);
      expect(got.map((c) => [c.start, c.text])).toEqual([[0, 'text']]);
      return;
    }
    expect(got).toHaveLength(want.length);
    want.forEach((w, i) => {
      if (w.start !== undefined) expect(got[i]?.start).toBe(w.start);
      if (w.end !== undefined) expect(got[i]?.end).toBe(w.end);
      expect(got[i]?.text).toBe(w.text);
    });
    expectSafe(got);
    // Voice names match the rendered title attribute.
    if (name.startsWith('cuetext/voice/')) {
      const proc = JSON.parse(read(`vttjs/tests/${name}-proc.json`)) as { childNodes: { childNodes: { title?: string }[] }[] }[];
      const title = proc[0]?.childNodes[0]?.childNodes[0]?.title;
      expect(got[0]?.speaker).toBe(title || undefined);
    }
  });
});

describe.skipIf(!exists)('vtt.js: where vtt.js and the spec disagree, the spec result holds', () => {
  const parse = async (name: string): Promise<ParseResult> => parseWebVTT(read(`vttjs/tests/${name}.vtt`));
  it('has a reason for each', () => expect(Object.keys(VTTJS_SPEC_WINS)).toHaveLength(5));
  it('rejects "000:00.000" and "120:00.000"', async () => {
    for (const name of ['cue-times/min-top-digits', 'cue-times/minimum-spots-over-sixty']) {
      expect(codes(await parse(name))).toEqual(['bad-timestamp@3', 'no-cues@-']);
    }
  });
  it('decodes legacy references without ";"', async () => {
    const cue = (await parse('cuetext/escape-characters/incorrect')).transcript.cues[0];
    expect(cue?.text).toBe('&l &g; \u00a0 &am; < > &nbs &nbs; &g; &lr;');
  });
  it('reads the cue under a header with no blank line', async () => {
    const r = await parse('file-layout/header-no-new-line');
    expect(r.transcript.cues.map((c) => [c.start, c.end, c.text])).toEqual([[11, 13, 'Test']]);
  });
  it('reads the timing line that follows a "-->" line as a cue', async () => {
    const r = await parse('integration/id');
    expect(r.transcript.cues.map((c) => [c.id, c.start, c.text])).toEqual([
      ['1', 1, 'This'],
      ['Random', 2, 'Is'],
      ['12*AS& Over ...', 3, 'A'],
      ['4', 4, 'Test'],
      ['ja88120 aa', 6, 'And stuff?'],
    ]);
    expect(codes(r)).toEqual(['bad-timestamp@15']);
  });
});

// ---------------------------------------------------------------------------------------------
// podcast-namespace

describe.skipIf(!exists)('podcast-namespace examples', () => {
  it('example.vtt: voices become speakers', async () => {
    const r = await parseWebVTT(read('podcast-namespace/example.vtt'));
    expect(r.problems).toEqual([]);
    const cues = r.transcript.cues;
    expect(cues).toHaveLength(7);
    expect(cues.map((c) => c.speaker)).toEqual(['Sarah', 'Sarah', 'Sarah', 'Sarah', 'Sarah', 'Gillian', 'Gillian']);
    expect(cues[2]).toEqual({
      id: '3',
      start: 6.09,
      end: 11.61,
      text: 'include in one? Welcome to Podcasting Q&A, where you learn',
      speaker: 'Sarah',
    });
    expect(cues[5]?.start).toBe(19.08);
  });

  it('example.srt: "Name:" labels become speakers and leave the text', async () => {
    const r = await parseSRT(read('podcast-namespace/example.srt'));
    expect(r.problems).toEqual([]);
    const cues = r.transcript.cues;
    expect(cues).toHaveLength(222);
    expect(cues.map((c) => c.id)).toEqual(cues.map((_, i) => String(i + 1)));
    expect(cues[0]).toEqual({ id: '1', start: 0.179, end: 2.399, text: "When you first get\nstarted in podcasting, it's", speaker: 'Travis' });
    expect(cues[1]?.speaker).toBe('Travis'); // carried forward
    expect(cues.find((c) => c.id === '18')).toMatchObject({ start: 53.03, speaker: 'Sarah', text: 'Creating good audio is\nreally key to keeping your' });
    expect(cues.find((c) => c.id === '65')).toMatchObject({ speaker: 'Gilon', text: 'So is there an ideal\npodcast length, short answer?' });
    expect(new Set(cues.map((c) => c.speaker))).toEqual(new Set(['Travis', 'Sarah', 'Gilon']));
    expect(cues.filter((c) => /^(Travis|Sarah|Gilon):/.test(c.text))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// adversarial

interface Payloads { payloads: { id: string; cue_text: string }[] }

describe.skipIf(!exists)('adversarial payloads (xgplayer XSS tests)', () => {
  const payloads = exists ? json<Payloads>('adversarial/xss-payloads.json').payloads : [];

  it.each([
    ['xss-payloads.vtt', parseWebVTT],
    ['xss-payloads.srt', parseSRT],
  ] as const)('%s: only safe nodes, no attributes from the data', async (file, parse) => {
    const r = await parse(read(`adversarial/${file}`));
    const cues = r.transcript.cues;
    expect(cues).toHaveLength(payloads.length);
    expectSafe(cues);
    const serialised = JSON.stringify(cues.map((c) => c.nodes ?? null));
    for (const bad of ['onerror', 'onclick', 'onload', 'onbegin', 'javascript:', 'href', 'src', 'style', 'script', 'svg', 'img', 'math']) {
      expect(serialised).not.toContain(bad);
    }
    const [img, svg, raw, encoded, allow, uri, lang, bClass] = cues;
    expect(img?.text).toBe('Tom & Jerry');
    expect(svg?.text).toBe('');
    expect(raw?.text).toBe('');
    expect(encoded).toMatchObject({ text: '<script>alert(1)</script>' });
    expect(encoded?.nodes).toBeUndefined(); // escaped markup is text, never nodes
    expect(allow?.text).toBe('bolditalicunderspan字zi');
    expect(allow?.nodes?.map((n) => n.type)).toEqual(['b', 'i', 'u', 'text', 'ruby']);
    expect(uri?.text).toBe('linkmath');
    expect(uri?.nodes).toBeUndefined();
    expect(lang?.nodes).toEqual([{ type: 'lang', lang: 'en-US', children: [{ type: 'text', text: 'hello' }] }, { type: 'text', text: 'bad' }]);
    expect(bClass?.nodes).toEqual([{ type: 'b', children: [{ type: 'text', text: 'Bold' }] }]);
  });

  it('each payload alone, in both modes, yields only safe nodes', () => {
    for (const p of payloads) {
      for (const srt of [false, true]) {
        const r = parseCueText(p.cue_text, 0, 1, { srt });
        expectSafe([{ id: p.id, start: 0, end: 1, ...r }]);
        expect(JSON.stringify(r.nodes ?? [])).not.toMatch(/on\w+=|javascript:|href|src=|style=/);
      }
    }
  });
});
