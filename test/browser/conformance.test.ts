/**
 * WebVTT conformance through the ELEMENT: the 55 web-platform-tests file-parsing cases of the
 * shared corpus (../shared/corpus/wpt), each loaded with `src`. "Conformant" as the corpus
 * README defines it: every cue of the expected list is shown, with its start time and its text
 * (tags removed, entities decoded, whitespace normalised), in order; cues the list drops do not
 * appear unless LENIENT documents why; each bad-signature file raises a `transcript-error` of
 * kind `format` (it may still show what a lenient parser recovered).
 *
 * Skips with a message where the corpus is absent. The adversarial corpus is in bad-input.test.ts.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import { TranscriptHarness } from '../harness/transcript-harness.js';
import { captureLibraryWarnings, corpusJson, corpusUrl, mountTranscript } from './helpers.js';

interface WptCue { id: string; startTime: number; endTime: number; text: string }
interface WptTest { name: string; input: string; expect: 'load' | 'error'; cues: WptCue[] | null }

/**
 * Where the element shows cues the oracle drops, and why. Keep in step with LENIENT in
 * test/unit/corpus.test.ts (checked below).
 */
const LENIENT: Record<string, string> = {
  'signature-invalid/signature-missing':
    'a file that starts with a timing line is read without a header: its cue is shown, with a bad-signature problem',
};

const expected = await corpusJson<{ tests: WptTest[] }>('wpt/wpt-file-parsing-expected.json');

/** Tags removed (an unclosed "<…" runs to the end, as in the WebVTT tokenizer). */
const stripTags = (s: string): string => s.replace(/<[^>]*(?:>|$)/g, '');
/** HTML character references decoded by the browser's own HTML parser (an independent oracle). */
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return new DOMParser().parseFromString(`<!doctype html><body>${s.replace(/\0/g, '\ufffd')}`, 'text/html').body.textContent ?? '';
}
const normalise = (s: string): string => s.replace(/\s+/g, ' ').trim();
const plain = (raw: string): string => normalise(decodeEntities(stripTags(raw)));

/** The timestamp a reader sees: m:ss, or h:mm:ss when any line starts at or after one hour. */
function shownTime(seconds: number, hours: boolean): string {
  const t = Math.max(0, Math.floor(seconds));
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const s = String(t % 60).padStart(2, '0');
  return hours || h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Stable sort by start: the element lists lines in start-time order, stable on file order. */
const byStart = (cues: WptCue[]): WptCue[] => cues.map((c, i) => [c, i] as const).sort((a, b) => a[0].startTime - b[0].startTime || a[1] - b[1]).map(([c]) => c);

describe('wpt WebVTT file parsing, through <annotated-transcript>', () => {
  if (!expected) {
    it.skip('../shared/corpus is absent (GET /__corpus/wpt/wpt-file-parsing-expected.json was not 200): wpt conformance skipped', () => {});
    return;
  }
  const tests = expected.tests;

  it('has the 55 cases (44 load, 11 bad signature)', () => {
    expect(tests).to.have.length(55);
    expect(tests.filter((t) => t.expect === 'error')).to.have.length(11);
  });

  it('LENIENT here matches LENIENT in test/unit/corpus.test.ts', async () => {
    const source = await (await fetch('/test/unit/corpus.test.ts')).text();
    const block = /const LENIENT[^=]*=\s*\{([\s\S]*?)\n\};/.exec(source)?.[1];
    expect(block, 'the unit test declares LENIENT').to.be.a('string');
    const keys = [...block!.matchAll(/^\s*["']([^"']+)["']\s*:/gm)].map((m) => m[1]);
    expect(keys.sort()).to.deep.equal(Object.keys(LENIENT).sort());
    for (const k of Object.keys(LENIENT)) expect(tests.some((t) => t.name === k), `${k} is a wpt case`).to.be.true;
  });

  let container: HTMLElement;
  let warnings: ReturnType<typeof captureLibraryWarnings>;
  beforeEach(async () => {
    container = await fixture<HTMLElement>(html`<div></div>`);
    warnings = captureLibraryWarnings();
  });
  afterEach(() => warnings.restore());

  for (const t of tests) {
    it(`${t.name} (${t.expect})`, async () => {
      const { el, errors } = await mountTranscript<AnnotatedTranscript>({ src: corpusUrl(`wpt/${t.input}`), style: 'height: 300px' }, container);
      const h = new TranscriptHarness(el);
      await h.loaded();
      expect(errors.filter((e) => e.detail.kind === 'fetch'), 'the file was served').to.deep.equal([]);
      expect(errors.length, 'one transcript-error per problem').to.equal(el.problems.length);
      expect(warnings.lines.length, 'one console warning per problem').to.equal(el.problems.length);
      expect(h.problems().length, 'every problem listed in the box').to.equal(el.problems.length);
      const lines = h.lines();
      expect(lines.length, 'one line per cue').to.equal(el.cues.length);

      if (t.expect === 'error') {
        expect(errors.some((e) => e.detail.kind === 'format'), 'a format transcript-error').to.be.true;
        expect(h.errorBox()?.checkVisibility(), 'the problem is visible').to.be.true;
        if (!LENIENT[t.name]) expect(el.cues.map((c) => c.text), 'nothing recovered without a documented leniency').to.deep.equal([]);
        return;
      }

      const want = byStart(t.cues ?? []);
      const texts = h.lineTexts();
      const stamps = h.timestamps();
      const hours = want.some((w) => w.startTime >= 3600);
      expect(el.problems.filter((p) => p.code === 'bad-signature'), 'a valid signature is not reported').to.deep.equal([]);
      expect(
        el.cues.map((c, i) => ({ start: c.start, text: texts[i] })),
        'cues shown (start, rendered text)',
      ).to.deep.equal(want.map((w) => ({ start: w.startTime, text: plain(w.text) })));
      want.forEach((w, i) => {
        const cue = el.cues[i]!;
        expect(cue.end, `end of cue ${i}`).to.equal(Math.max(w.startTime, w.endTime));
        if (w.id.trim()) expect(cue.id, `id of cue ${i}`).to.equal(w.id);
        expect(stamps[i], `timestamp shown for cue ${i}`).to.equal(shownTime(w.startTime, hours));
      });
    });
  }
});
