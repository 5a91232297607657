import './lit-warnings.js';
/**
 * Every transcript format, loaded through the element with `src`: the rendered line texts,
 * speakers, timestamps and words; detection by content when the extension or type lies.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import { TranscriptHarness } from '../harness/transcript-harness.js';
import { corpusUrl, mountTranscript, withoutLitWarnings } from './helpers.js';

const FIX = '/test/fixtures/browser';

describe('formats through the element', () => {
  let container: HTMLElement;

  beforeEach(async () => {
    container = await fixture<HTMLElement>(html`<div style="width: 520px"></div>`);
  });

  /** Loads `src` into a new element; fails on any Lit dev-mode warning while it loads and renders. */
  async function load(src: string) {
    return withoutLitWarnings(async () => {
      const { el, errors } = await mountTranscript<AnnotatedTranscript>({ src, style: 'height: 300px' }, container);
      const h = new TranscriptHarness(el);
      await h.loaded();
      return { el, h, errors };
    });
  }

  const wordTexts = (h: TranscriptHarness, i: number): string[] => h.words(i).map((w) => w.textContent!.trim());

  describe('SubRip', () => {
    it('BOM, CRLF and <i>/<b>: texts, ids, times and safe elements', async () => {
      const { el, h, errors } = await load(`${FIX}/bom-crlf.srt`);
      expect(errors).to.have.length(0);
      expect(h.lineTexts()).to.deep.equal(['Hello from SubRip.', 'Second subtitle with two lines.', 'Third & last.']);
      expect(el.cues.map((c) => c.id)).to.deep.equal(['1', '2', '3']);
      expect(el.cues.map((c) => [c.start, c.end])).to.deep.equal([[1, 3.25], [4.5, 6], [65.125, 67]]);
      expect(el.cues[1]!.text).to.equal('Second subtitle\nwith two lines.');
      expect(h.timestamps()).to.deep.equal(['0:01', '0:04', '1:05']);
      const [first, second] = h.textElements();
      expect(first!.textContent!.charCodeAt(0), 'no BOM in the text').to.not.equal(0xfeff);
      expect(first!.querySelector('i')?.textContent).to.equal('SubRip');
      expect(second!.querySelector('b')?.textContent).to.equal('subtitle');
      expect(h.root.textContent).to.not.contain('\r');
      expect(h.root.textContent).to.not.contain('<i>');
    });

    it('podcast-namespace example.srt: 222 lines, "Name:" labels become speakers', async function () {
      const { el, h, errors } = await load(corpusUrl('podcast-namespace/example.srt'));
      if (errors.some((e) => e.detail.kind === 'fetch')) this.skip(); // ../shared/corpus absent
      expect(errors).to.have.length(0);
      expect(h.lines()).to.have.length(222);
      const texts = h.lineTexts();
      expect(texts[0]).to.equal("When you first get started in podcasting, it's");
      expect(texts[1]).to.equal("almost guaranteed that you're going to make a handful of rookie");
      expect(texts[221]).to.equal('best thing to do is to batch your episodes.');
      expect(texts.filter((t) => /^(Travis|Sarah|Gilon):/.test(t))).to.deep.equal([]);
      const speakers = h.visibleSpeakers();
      expect(speakers[0]).to.equal('Travis');
      expect(speakers[1], 'same speaker: label not repeated').to.equal(null);
      expect(speakers.filter((s) => s !== null)).to.deep.equal(['Travis', 'Sarah', 'Travis', 'Gilon', 'Travis', 'Gilon', 'Travis', 'Sarah', 'Gilon', 'Travis']);
      const i18 = el.cues.findIndex((c) => c.id === '18');
      expect(el.cues[i18]!.start).to.equal(53.03);
      expect(speakers[i18]).to.equal('Sarah');
      expect(texts[i18]).to.equal('Creating good audio is really key to keeping your');
      expect(h.timestamps()[i18]).to.equal('0:53');
      expect(h.timestamps()[0]).to.equal('0:00');
      expect(h.timestamps()[221]).to.equal('12:32');
      // Every line carries its speaker for screen readers, shown or not.
      expect(new Set(el.cues.map((c) => c.speaker))).to.deep.equal(new Set(['Travis', 'Sarah', 'Gilon']));
    });
  });

  describe('Podcasting 2.0 JSON', () => {
    it('word segments become lines at sentence ends, pauses over 1 s and speaker changes', async () => {
      const { el, h, errors } = await load(`${FIX}/podcast-words.json`);
      expect(errors).to.have.length(0);
      expect(h.lineTexts()).to.deep.equal(['Good morning, everyone.', 'Today we talk', 'about ferries', 'Thanks for having me!', 'Sure thing.']);
      expect(h.visibleSpeakers()).to.deep.equal(['Host', null, null, 'Guest', null]);
      expect(el.cues.map((c) => c.speaker)).to.deep.equal(['Host', 'Host', 'Host', 'Guest', 'Guest']);
      expect(h.timestamps()).to.deep.equal(['0:00', '0:01', '0:04', '0:05', '0:06']);
      expect(el.cues.map((c) => [c.start, c.end])).to.deep.equal([[0, 1.2], [1.4, 2.3], [4, 4.9], [5, 6.1], [6.3, 6.9]]);
      expect(el.cues.map((c) => c.id)).to.deep.equal(['1', '2', '3', '4', '5']);
      expect(wordTexts(h, 0)).to.deep.equal(['Good', 'morning,', 'everyone.']);
      expect(wordTexts(h, 3)).to.deep.equal(['Thanks', 'for', 'having', 'me!']);
      expect(el.cues[0]!.words!.map((w) => w.start)).to.deep.equal([0, 0.3, 0.7]);
    });

    it('podcast-namespace example.json: "I am your father." then Luke', async function () {
      const { el, h, errors } = await load(corpusUrl('podcast-namespace/example.json'));
      if (errors.some((e) => e.detail.kind === 'fetch')) this.skip();
      expect(errors).to.have.length(0);
      expect(h.lineTexts()).to.deep.equal(['I am your father.', 'Nooooo']);
      expect(h.visibleSpeakers()).to.deep.equal(['Darth Vader', 'Luke']);
      expect(h.timestamps()).to.deep.equal(['0:00', '0:02']);
      expect(el.cues.map((c) => c.start)).to.deep.equal([0.5, 2.75]);
      expect(wordTexts(h, 0)).to.deep.equal(['I', 'am', 'your', 'father.']);
      expect(el.cues[0]!.words!.map((w) => [w.start, w.end])).to.deep.equal([[0.5, 0.75], [1, 1.25], [1.5, 2], [2.25, 2.5]]);
    });
  });

  describe('Hyperaudio HTML', () => {
    it('data-m/data-d words, one line per <p>, speaker labels', async () => {
      const { el, h, errors } = await load(`${FIX}/hyperaudio.html`);
      expect(errors).to.have.length(0);
      expect(h.lineTexts()).to.deep.equal(['The harbour opens early.', 'Boats leave at dawn.', 'Not always.']);
      expect(h.visibleSpeakers()).to.deep.equal(['Nora', null, 'Omar']);
      expect(el.cues.map((c) => c.speaker)).to.deep.equal(['Nora', 'Nora', 'Omar']);
      expect(h.timestamps()).to.deep.equal(['0:00', '0:03', '1:05']);
      expect(el.cues.map((c) => c.start)).to.deep.equal([0.5, 3, 65]);
      expect(el.cues[2]!.end).to.equal(66.1);
      expect(wordTexts(h, 0)).to.deep.equal(['The', 'harbour', 'opens', 'early.']);
      expect(el.cues[0]!.words!.map((w) => [w.start, w.end])).to.deep.equal([[0.5, 0.8], [0.8, 1.2], [1.2, 1.7], [1.7, 2.3]]);
      expect(h.words(1)).to.have.length(3);
      expect(h.root.textContent, 'page chrome is not a line').to.not.contain('Harbour interview');
    });
  });

  describe('WebVTT and transcript JSON', () => {
    const TALK = [
      'Welcome to the test recording.',
      'This line is spoken by the second voice.',
      'The third line mentions a harbour and a ferry.',
      'Every line is followed by a short silence.',
      'Search for the word lighthouse to find this line.',
      'This is the last line of the test.',
    ];

    it('the project JSON (talk.json): texts, speakers, times, words', async () => {
      const { el, h, errors } = await load('/test/fixtures/media/talk.json');
      expect(errors).to.have.length(0);
      expect(h.lineTexts()).to.deep.equal(TALK);
      expect(h.visibleSpeakers()).to.deep.equal(['Ada', 'Ben', 'Ada', 'Ben', 'Ada', 'Ben']);
      expect(h.timestamps()).to.deep.equal(['0:00', '0:02', '0:05', '0:08', '0:10', '0:13']);
      expect(el.cues.map((c) => c.id)).to.deep.equal(['1', '2', '3', '4', '5', '6']);
      expect(el.cues[0]!.start).to.equal(0.5);
      expect(el.cues[0]!.end).to.equal(2.167);
      expect(wordTexts(h, 0)).to.deep.equal(['Welcome', 'to', 'the', 'test', 'recording.']);
      expect(h.list().getAttribute('lang')).to.equal('en');
    });

    it('the same talk as WebVTT (talk.vtt) renders the same lines, voices as speakers, inline timestamps as words', async () => {
      const { el, h, errors } = await load('/test/fixtures/media/talk.vtt');
      expect(errors).to.have.length(0);
      expect(h.lineTexts()).to.deep.equal(TALK);
      expect(h.visibleSpeakers()).to.deep.equal(['Ada', 'Ben', 'Ada', 'Ben', 'Ada', 'Ben']);
      expect(h.timestamps()).to.deep.equal(['0:00', '0:02', '0:05', '0:08', '0:10', '0:13']);
      expect(el.cues[3]!.start).to.equal(8.024);
      expect(wordTexts(h, 0)).to.deep.equal(['Welcome', 'to', 'the', 'test', 'recording.']);
      expect(el.cues[0]!.words![1]!.start).to.equal(0.94);
      expect(h.list().getAttribute('lang'), 'the "Language: en" header').to.equal('en');
    });

    it('podcast-namespace example.vtt: <v> voices, entities decoded', async function () {
      const { el, h, errors } = await load(corpusUrl('podcast-namespace/example.vtt'));
      if (errors.some((e) => e.detail.kind === 'fetch')) this.skip();
      expect(errors).to.have.length(0);
      expect(h.lines()).to.have.length(7);
      expect(h.lineTexts()[0]).to.equal("In today's episode, you'll learn whether or not you");
      expect(h.lineTexts()[2]).to.equal('include in one? Welcome to Podcasting Q&A, where you learn');
      expect(h.lineTexts()[6]).to.equal('careers podcast. My question is, do we need a podcast trailer?');
      expect(h.visibleSpeakers()).to.deep.equal(['Sarah', null, null, null, null, 'Gillian', null]);
      expect(h.timestamps()).to.deep.equal(['0:00', '0:02', '0:06', '0:11', '0:15', '0:19', '0:21']);
      expect(el.cues.map((c) => c.start)).to.deep.equal([0, 2.76, 6.09, 11.61, 15.75, 19.08, 21.45]);
    });
  });

  describe('detection by content', () => {
    it('a WebVTT file served as .txt (text/plain) is read as WebVTT', async () => {
      const { el, h, errors } = await load(`${FIX}/lying-vtt.txt`);
      expect(errors).to.have.length(0);
      expect(h.lineTexts()).to.deep.equal(['Plain text served as txt.', 'Detected by its signature.']);
      expect(h.visibleSpeakers()).to.deep.equal(['Mia', 'Leo']);
      expect(el.cues.map((c) => c.id)).to.deep.equal(['intro', '2']);
      expect(h.timestamps()).to.deep.equal(['0:00', '0:02']);
    });

    it('an SRT file named .vtt (served as text/vtt) is read as SRT, without a signature problem', async () => {
      const { el, h, errors } = await load(`${FIX}/lying-srt.vtt`);
      expect(errors.map((e) => e.detail.message)).to.deep.equal([]);
      expect(h.lineTexts()).to.deep.equal(['An SRT file named .vtt.', 'Its content decides.']);
      expect(el.cues.map((c) => [c.id, c.start])).to.deep.equal([['1', 0], ['2', 1.5]]);
    });

    // application/octet-stream is what servers and object stores send for an extension they do
    // not know (.srt often is one; the corpus middleware does the same for extension-less
    // files), so it says nothing about the content and must not block a transcript.
    for (const [name, file, first] of [
      ['SRT', `${FIX}/bom-crlf.srt`, 'Hello from SubRip.'],
      ['WebVTT', '/test/fixtures/media/talk.vtt', 'Welcome to the test recording.'],
    ] as const) {
      it(`${name} served as application/octet-stream is read by its content`, async () => {
        const bytes = await (await fetch(file)).arrayBuffer();
        const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
        try {
          const { h, errors } = await load(url);
          expect(errors.map((e) => e.detail.message), 'no problem').to.deep.equal([]);
          expect(h.lineTexts()[0]).to.equal(first);
        } finally {
          URL.revokeObjectURL(url);
        }
      });
    }

    // blob: URLs have no extension; text/plain says nothing: only the content can decide.
    const cases: [string, string, string[]][] = [
      ['WebVTT', '/test/fixtures/media/talk.vtt', ['Welcome to the test recording.']],
      ['SRT', `${FIX}/bom-crlf.srt`, ['Hello from SubRip.']],
      ['Podcasting 2.0 JSON', `${FIX}/podcast-words.json`, ['Good morning, everyone.']],
      ['Hyperaudio HTML', `${FIX}/hyperaudio.html`, ['The harbour opens early.']],
      ['transcript JSON', '/test/fixtures/media/talk.json', ['Welcome to the test recording.']],
    ];
    for (const [name, file, first] of cases) {
      it(`${name} with no extension and type text/plain`, async () => {
        const bytes = await (await fetch(file)).arrayBuffer();
        const url = URL.createObjectURL(new Blob([bytes], { type: 'text/plain' }));
        try {
          const { h, errors } = await load(url);
          expect(errors.map((e) => e.detail.message)).to.deep.equal([]);
          expect(h.lineTexts().slice(0, 1)).to.deep.equal(first);
        } finally {
          URL.revokeObjectURL(url);
        }
      });
    }
  });
});
