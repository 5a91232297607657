/**
 * Loading: the `src` attribute/property, the `transcript` property, "whichever was set last
 * wins", quick `src` changes (stale loads never show), clearing, and the loading state.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import type { Cue, Transcript } from '../../src/model/types.js';
import { TranscriptHarness } from '../harness/transcript-harness.js';
import { collectEvents, holdFetch, sleep, waitUntil } from './helpers.js';

const TALK_VTT = '/test/fixtures/media/talk.vtt';
const TALK_JSON = '/test/fixtures/media/talk.json';
const OTHER_VTT = '/test/fixtures/browser/other.vtt';

const TALK_TEXTS = [
  'Welcome to the test recording.',
  'This line is spoken by the second voice.',
  'The third line mentions a harbour and a ferry.',
  'Every line is followed by a short silence.',
  'Search for the word lighthouse to find this line.',
  'This is the last line of the test.',
];
const OTHER_TEXTS = ['Other file, first line.', 'Other file, second line.'];

const DATA: Transcript = {
  version: 1,
  lang: 'de',
  cues: [
    { id: 'd1', start: 0, end: 2, text: 'Guten Morgen.', speaker: 'Anna' },
    { id: 'd2', start: 2, end: 4, text: 'Wie geht es?', speaker: 'Bernd' },
    { id: 'd3', start: 4, end: 6, text: 'Gut, danke.', speaker: 'Anna' },
  ],
};
const DATA_TEXTS = ['Guten Morgen.', 'Wie geht es?', 'Gut, danke.'];

const BARE: Cue[] = [
  { id: 'x', start: 1.25, end: 2, text: 'A bare cue array' },
  { id: 'y', start: 0, end: 1, text: 'works too' },
];

describe('loading', () => {
  let el: AnnotatedTranscript;
  let h: TranscriptHarness;
  let restoreFetch: (() => void) | null = null;

  beforeEach(async () => {
    el = await fixture<AnnotatedTranscript>(html`<annotated-transcript style="height: 200px"></annotated-transcript>`);
    h = new TranscriptHarness(el);
  });

  afterEach(() => {
    restoreFetch?.();
    restoreFetch = null;
  });

  /** Holds fetches of `url` until released; restored after the test. */
  const hold = (url: string) => {
    const held = holdFetch((u) => u.includes(url));
    restoreFetch = held.restore;
    return held;
  };

  describe('src', () => {
    it('loads the file named by the src attribute', async () => {
      const withAttr = await fixture<AnnotatedTranscript>(html`<annotated-transcript src=${TALK_VTT}></annotated-transcript>`);
      const hh = new TranscriptHarness(withAttr);
      await hh.loaded();
      expect(hh.lineTexts()).to.deep.equal(TALK_TEXTS);
      expect(withAttr.src).to.equal(TALK_VTT);
      expect(withAttr.cues.map((c) => c.id)).to.deep.equal(['1', '2', '3', '4', '5', '6']);
      expect(withAttr.cues[0]!.start).to.equal(0.5);
      expect(hh.problems()).to.deep.equal([]);
    });

    it('loads the file set through the src property, and reflects it to the attribute', async () => {
      el.src = TALK_JSON;
      await h.loaded();
      expect(h.lineTexts()).to.deep.equal(TALK_TEXTS);
      expect(el.getAttribute('src')).to.equal(TALK_JSON);
      expect(el.cues.map((c) => c.speaker)).to.deep.equal(['Ada', 'Ben', 'Ada', 'Ben', 'Ada', 'Ben']);
    });

    it('changing the src attribute loads the new file', async () => {
      el.setAttribute('src', TALK_VTT);
      await h.loaded();
      expect(h.lines()).to.have.length(6);
      el.setAttribute('src', OTHER_VTT);
      await h.loaded();
      expect(h.lineTexts()).to.deep.equal(OTHER_TEXTS);
      expect(el.cues.map((c) => c.id)).to.deep.equal(['b1', 'b2']);
    });
  });

  describe('transcript property', () => {
    it('shows a Transcript object, with its content language', async () => {
      el.transcript = DATA;
      await el.updateComplete;
      expect(h.lineTexts()).to.deep.equal(DATA_TEXTS);
      expect(el.cues.map((c) => c.id)).to.deep.equal(['d1', 'd2', 'd3']);
      expect(h.list().getAttribute('lang')).to.equal('de');
      expect(h.visibleSpeakers()).to.deep.equal(['Anna', 'Bernd', 'Anna']);
      expect(h.problems()).to.deep.equal([]);
    });

    it('shows a bare cue array, in start-time order', async () => {
      el.transcript = BARE;
      await el.updateComplete;
      expect(h.lineTexts()).to.deep.equal(['works too', 'A bare cue array']);
      expect(h.timestamps()).to.deep.equal(['0:00', '0:01']);
      expect(el.cues.map((c) => c.id)).to.deep.equal(['y', 'x']);
    });

    it('transcript = null clears the list', async () => {
      el.transcript = DATA;
      await el.updateComplete;
      expect(h.lines()).to.have.length(3);
      el.transcript = null;
      await el.updateComplete;
      expect(h.lines()).to.have.length(0);
      expect(h.statusText()).to.equal('No transcript to show.');
    });
  });

  describe('whichever was set last wins', () => {
    it('src, then transcript before the file arrived: the data wins, also after the file arrives', async () => {
      const held = hold(TALK_VTT);
      const errors = collectEvents<CustomEvent>(el, 'transcript-error');
      el.src = TALK_VTT;
      await el.updateComplete;
      await waitUntil(() => held.held.length === 1, 'the src fetch started');
      el.transcript = DATA;
      await el.updateComplete;
      expect(h.lineTexts()).to.deep.equal(DATA_TEXTS);
      held.release();
      await held.held[0]!.done;
      await sleep(150);
      await el.updateComplete;
      errors.stop();
      expect(h.lineTexts()).to.deep.equal(DATA_TEXTS);
      expect(el.cues.map((c) => c.id)).to.deep.equal(['d1', 'd2', 'd3']);
      expect(h.listBusy()).to.be.false;
      expect(errors.events).to.have.length(0);
    });

    it('src loaded, then transcript: the data replaces the file', async () => {
      el.src = TALK_VTT;
      await h.loaded();
      expect(h.lines()).to.have.length(6);
      el.transcript = DATA;
      await el.updateComplete;
      expect(h.lineTexts()).to.deep.equal(DATA_TEXTS);
    });

    it('transcript, then src: the file replaces the data', async () => {
      el.transcript = DATA;
      await el.updateComplete;
      el.src = OTHER_VTT;
      await h.loaded();
      expect(h.lineTexts()).to.deep.equal(OTHER_TEXTS);
      expect(h.list().getAttribute('lang')).to.equal(null);
    });

    it('transcript and src set in the same task: the one set last wins', async () => {
      el.transcript = DATA;
      el.src = OTHER_VTT;
      await h.loaded();
      expect(h.lineTexts()).to.deep.equal(OTHER_TEXTS);

      const other = await fixture<AnnotatedTranscript>(html`<annotated-transcript></annotated-transcript>`);
      const oh = new TranscriptHarness(other);
      other.src = OTHER_VTT;
      other.transcript = DATA;
      await oh.loaded();
      await sleep(150); // the file would have arrived by now
      await other.updateComplete;
      expect(oh.lineTexts()).to.deep.equal(DATA_TEXTS);
    });

    // Setting `src` to the URL it already had is still "setting src last".
    it('src → transcript → the same src again: the file is shown again', async () => {
      el.src = OTHER_VTT;
      await h.loaded();
      el.transcript = DATA;
      await el.updateComplete;
      expect(h.lineTexts()).to.deep.equal(DATA_TEXTS);
      el.src = OTHER_VTT;
      await h.loaded();
      // Give a reload time to happen; the assertion below reports what is shown either way.
      await waitUntil(() => h.lineTexts()[0] === OTHER_TEXTS[0], 'the file shown again', 3000).catch(() => undefined);
      expect(h.lineTexts(), 'src set last (same URL as before) must win over the transcript data').to.deep.equal(OTHER_TEXTS);
    });

    it('transcript → src → the same transcript object again: the data is shown again', async () => {
      el.transcript = DATA;
      await el.updateComplete;
      el.src = OTHER_VTT;
      await h.loaded();
      expect(h.lineTexts()).to.deep.equal(OTHER_TEXTS);
      el.transcript = DATA;
      await el.updateComplete;
      await h.loaded();
      expect(h.lineTexts(), 'transcript set last (same object as before) must win over src').to.deep.equal(DATA_TEXTS);
    });
  });

  describe('quick src changes', () => {
    it('A (slow) then B at once: only B is ever shown, even after A resolves; A was aborted', async () => {
      const held = hold(TALK_VTT);
      const errors = collectEvents<CustomEvent>(el, 'transcript-error');
      const seenA: string[] = [];
      // Watch every render for any of A's lines.
      const observer = new MutationObserver(() => {
        for (const t of h.lineTexts()) if (TALK_TEXTS.includes(t)) seenA.push(t);
      });
      observer.observe(h.root, { childList: true, subtree: true, characterData: true });
      try {
        el.src = TALK_VTT;
        await el.updateComplete;
        await waitUntil(() => held.held.length === 1, 'A requested');
        el.src = OTHER_VTT;
        await h.loaded();
        expect(h.lineTexts()).to.deep.equal(OTHER_TEXTS);
        expect(held.held[0]!.signal?.aborted, 'the load of A was aborted').to.equal(true);

        held.release();
        await held.held[0]!.done;
        await sleep(200);
        await el.updateComplete;
        expect(h.lineTexts()).to.deep.equal(OTHER_TEXTS);
        expect(el.cues.map((c) => c.id)).to.deep.equal(['b1', 'b2']);
        expect(el.src).to.equal(OTHER_VTT);
      } finally {
        observer.disconnect();
        errors.stop();
      }
      expect(seenA).to.deep.equal([]);
      expect(errors.events).to.have.length(0);
    });

    it('A, B, A again quickly: the last one (A) is shown once', async () => {
      el.src = TALK_VTT;
      el.src = OTHER_VTT;
      await el.updateComplete;
      el.src = TALK_VTT;
      await h.loaded();
      await sleep(150);
      await el.updateComplete;
      expect(h.lineTexts()).to.deep.equal(TALK_TEXTS);
    });

    it('after A loaded, switching to a slow B marks the list busy and then shows only B', async () => {
      el.src = OTHER_VTT;
      await h.loaded();
      const held = hold(TALK_VTT);
      el.src = TALK_VTT;
      await el.updateComplete;
      await waitUntil(() => held.held.length === 1, 'B requested');
      expect(h.listBusy()).to.be.true;
      expect(h.statusAnnouncement()).to.equal('Loading transcript…');
      held.release();
      await h.loaded();
      expect(h.lineTexts()).to.deep.equal(TALK_TEXTS);
      expect(h.statusAnnouncement()).to.equal('');
    });
  });

  describe('clearing', () => {
    it('removing the src attribute clears the list', async () => {
      el.setAttribute('src', OTHER_VTT);
      await h.loaded();
      expect(h.lines()).to.have.length(2);
      el.removeAttribute('src');
      await el.updateComplete;
      expect(h.lines()).to.have.length(0);
      expect(el.cues).to.have.length(0);
      expect(h.problems()).to.deep.equal([]);
      expect(h.statusText()).to.equal('No transcript to show.');
    });

    it('removing src while a load is pending: the file never shows up', async () => {
      const held = hold(TALK_VTT);
      el.src = TALK_VTT;
      await el.updateComplete;
      await waitUntil(() => held.held.length === 1, 'requested');
      el.removeAttribute('src');
      await el.updateComplete;
      expect(h.listBusy()).to.be.false;
      held.release();
      await held.held[0]!.done;
      await sleep(200);
      await el.updateComplete;
      expect(h.lines()).to.have.length(0);
      expect(h.statusText()).to.equal('No transcript to show.');
    });
  });

  describe('loading state', () => {
    it('shows "Loading transcript…" while the file loads, then the lines', async () => {
      const held = hold(TALK_VTT);
      el.src = TALK_VTT;
      await el.updateComplete;
      await waitUntil(() => held.held.length === 1, 'requested');
      const status = h.root.querySelector<HTMLElement>('.status');
      expect(h.statusText()).to.equal('Loading transcript…');
      expect(status!.checkVisibility(), 'the loading text is visible').to.be.true;
      expect(status!.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(h.listBusy()).to.be.true;
      expect(h.statusAnnouncement()).to.equal('Loading transcript…');
      expect(h.lines()).to.have.length(0);
      // Still loading a while later (nothing resolved it).
      await sleep(100);
      expect(h.statusText()).to.equal('Loading transcript…');

      held.release();
      await h.loaded();
      expect(h.statusText()).to.equal('');
      expect(h.lines()).to.have.length(6);
      expect(h.listBusy()).to.be.false;
    });
  });
});
