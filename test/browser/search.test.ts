import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import type { Transcript } from '../../src/model/types.js';
import { TranscriptHarness } from '../harness/transcript-harness.js';
import { inside, loadVideo, seekVideo, sleep, waitForStable, waitUntil } from './helpers.js';

const EN = '/data/demo/statement.en.vtt';
const UK = '/data/demo/statement.uk.vtt';
const VIDEO = '/data/demo/statement.webm';
const YOLKA_RU = '/test/fixtures/tracks/yolka.ru.vtt';

const ALL = 'at-search';
const CURRENT = 'at-search-current';

/** Lines of statement.en.vtt (0-based) that say "ferry", "clinic". */
const FERRY_LINES = [0, 1, 4, 15];
const CLINIC_LINES = [4, 14];

const ACCENTS: Transcript = {
  version: 1,
  lang: 'fr',
  cues: [
    { id: '1', start: 0, end: 2, text: 'Nous sommes arrivés à Pâris hier soir.' },
    { id: '2', start: 2, end: 4, text: 'Le café était fermé, alors PARIS nous a paru triste.' },
    { id: '3', start: 4, end: 6, text: 'Un CAFÉ crème, s’il vous plaît.' },
    // "Café" written decomposed (e + U+0301 COMBINING ACUTE ACCENT).
    { id: '4', start: 6, end: 8, text: 'Cafe\u0301 de Flore.' },
  ],
};

async function mount(src: string, style = 'height: 320px'): Promise<{ el: AnnotatedTranscript; h: TranscriptHarness }> {
  const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript src=${src} style=${style}></annotated-transcript>`);
  const h = new TranscriptHarness(el);
  await waitUntil(() => h.lines().length > 0, 'lines rendered', 10000);
  return { el, h };
}

/** Types a query with the keyboard into the (focused) search field. */
async function type(h: TranscriptHarness, text: string): Promise<void> {
  h.searchField().focus();
  await sendKeys({ type: text });
  await h.el.updateComplete;
}

/** Whether any part of line i shows in the scroller (auto-scroll may follow a word of a tall line). */
function showing(h: TranscriptHarness, i: number): boolean {
  const view = h.scroller().getBoundingClientRect();
  const box = h.line(i).getBoundingClientRect();
  return box.bottom > view.top + 4 && box.top < view.bottom - 4;
}

/**
 * Runs `fn` and returns the Lit dev-mode warnings it caused, taking them off the page's list so
 * that the global check (test/browser/lit-warnings.ts, an afterEach hook whose failure would stop
 * the whole run) does not fire: the test asserts on them itself.
 */
async function collectLitWarnings(fn: () => Promise<void>): Promise<string[]> {
  // Lit prints each warning once per page: forget the ones already printed, so this test sees its own.
  const issued = (globalThis as { litIssuedWarnings?: Set<string> }).litIssuedWarnings;
  for (const w of [...(issued ?? [])]) if (w !== 'dev-mode') issued!.delete(w);
  const list = globalThis.__litWarnings ?? [];
  const before = list.length;
  try {
    await fn();
  } finally {
    var fresh = list.splice(before); // eslint-disable-line no-var
  }
  return fresh;
}

/** Runs `fn`; its own failure comes first, then any Lit dev-mode warning it caused fails the test. */
async function reportingLitWarnings(fn: () => Promise<void>): Promise<void> {
  const warnings = await collectLitWarnings(fn);
  if (warnings.length) throw new Error(`Lit dev-mode warning(s):\n${warnings.join('\n')}`);
}

async function search(h: TranscriptHarness, query: string): Promise<void> {
  h.setSearch(query);
  await h.el.updateComplete;
}

describe('search', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => localStorage.clear());

  it('highlights every match with the CSS Custom Highlight API and counts "1 of N"', async () => {
    const { h } = await mount(EN);
    expect(h.searchCount()).to.equal('');
    await type(h, 'ferry');
    expect(h.highlightTexts(ALL)).to.deep.equal(['ferry', 'ferry', 'ferry', 'ferry']);
    expect(h.highlightLines(ALL)).to.deep.equal(FERRY_LINES);
    expect(h.highlightTexts(CURRENT)).to.deep.equal(['ferry']);
    expect(h.highlightLines(CURRENT)).to.deep.equal([0]);
    expect(h.searchCount()).to.equal('1 of 4');
    expect(h.searchField().value).to.equal('ferry');
    // A match across word elements is one range with the reader's text.
    await search(h, 'gull island');
    expect(h.highlightTexts(ALL)).to.deep.equal(['Gull Island', 'Gull Island']);
    expect(h.searchCount()).to.equal('1 of 2');
  });

  it('is case- and accent-insensitive', async () => {
    const { h } = await mount(EN);
    await type(h, 'ISLANDERS');
    expect(h.highlightTexts(ALL)).to.deep.equal(['islanders']);
    expect(h.searchCount()).to.equal('1 of 1');

    const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript .transcript=${ACCENTS}></annotated-transcript>`);
    const f = new TranscriptHarness(el);
    await waitUntil(() => f.lines().length === 4, 'fixture lines');
    await search(f, 'paris');
    expect(f.highlightTexts(ALL)).to.deep.equal(['Pâris', 'PARIS']);
    expect(f.searchCount()).to.equal('1 of 2');
    await search(f, 'cafe');
    expect(f.highlightTexts(ALL)).to.deep.equal(['café', 'CAFÉ', 'Cafe\u0301']);
    expect(f.highlightLines(ALL)).to.deep.equal([1, 2, 3]);
    await search(f, 'CAFÉ');
    expect(f.highlightTexts(ALL)).to.deep.equal(['café', 'CAFÉ', 'Cafe\u0301']);
    await search(f, "s'il");
    expect(f.highlightTexts(ALL)).to.deep.equal(['s’il']);
    await search(f, 'arrives a paris');
    expect(f.highlightTexts(ALL)).to.deep.equal(['arrivés à Pâris']);
  });

  it('Enter / Shift+Enter move to the next / previous match, wrapping around', async () => {
    const { h } = await mount(EN);
    await type(h, 'ferry');
    const current = () => [h.searchCount(), h.highlightLines(CURRENT)];
    expect(current()).to.deep.equal(['1 of 4', [0]]);
    for (const [n, line] of [[2, 1], [3, 4], [4, 15], [1, 0]] as const) {
      await sendKeys({ press: 'Enter' });
      await h.el.updateComplete;
      expect(current()).to.deep.equal([`${n} of 4`, [line]]);
    }
    await sendKeys({ press: 'Shift+Enter' });
    await h.el.updateComplete;
    expect(current()).to.deep.equal(['4 of 4', [15]]);
    await sendKeys({ press: 'Shift+Enter' });
    await h.el.updateComplete;
    expect(current()).to.deep.equal(['3 of 4', [4]]);
    // Every match stays highlighted; exactly one is current.
    expect(h.highlightTexts(ALL)).to.have.length(4);
    expect(h.highlightTexts(CURRENT)).to.deep.equal(['ferry']);
    // The buttons do the same.
    h.toolbarButton('Next match')!.click();
    await h.el.updateComplete;
    expect(current()).to.deep.equal(['4 of 4', [15]]);
    h.toolbarButton('Previous match')!.click();
    await h.el.updateComplete;
    expect(current()).to.deep.equal(['3 of 4', [4]]);
  });

  it('scrolls the current match into the element’s own scroller, never the page', async () => {
    const spacer = document.createElement('div');
    // The toolbar is in view, the rest of the element below the fold: scrollIntoView would scroll the page.
    spacer.style.height = `${Math.max(0, window.innerHeight - 140)}px`;
    const after = document.createElement('div');
    after.style.height = '2000px';
    document.body.prepend(spacer);
    document.body.append(after);
    try {
      window.scrollTo(0, 0);
      const { el, h } = await mount(EN, 'height: 300px');
      el.after(after);
      expect(window.scrollY).to.equal(0);
      await type(h, 'ferry');
      expect(window.scrollY).to.equal(0);
      const scroller = h.scroller();
      for (const line of [1, 4, 15]) {
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => h.isLineInView(line), `match in line ${line} scrolled into the scroller`);
        expect(h.highlightLines(CURRENT)).to.deep.equal([line]);
      }
      expect(scroller.scrollTop).to.be.greaterThan(0);
      await sendKeys({ press: 'Enter' }); // wraps to line 0
      await waitUntil(() => h.isLineInView(0), 'first match back in view');
      await sleep(100);
      expect(window.scrollY, 'the page did not scroll').to.equal(0);
    } finally {
      spacer.remove();
      after.remove();
      window.scrollTo(0, 0);
    }
  });

  it('no match: "No matches", nothing highlighted, no "Play from match"', async () => {
    const { h } = await mount(EN);
    await type(h, 'zebra');
    expect(h.searchCount()).to.equal('No matches');
    expect(h.highlightTexts(ALL)).to.deep.equal([]);
    expect(h.highlightTexts(CURRENT)).to.deep.equal([]);
    expect(h.toolbarButton('Play from match') === null).to.be.true;
    // Enter with no match does nothing harmful.
    await sendKeys({ press: 'Enter' });
    await h.el.updateComplete;
    expect(h.searchCount()).to.equal('No matches');
    // Clearing the query clears the count and the highlights.
    await search(h, 'ferry');
    expect(h.highlightTexts(ALL)).to.have.length(4);
    await search(h, '');
    expect(h.searchCount()).to.equal('');
    expect(h.highlightTexts(ALL)).to.deep.equal([]);
    expect(h.highlightTexts(CURRENT)).to.deep.equal([]);
  });

  // BUG (src/controllers/search.ts, SearchController.run via invalidate): when the shown text
  // changes under a query (a translation appears, the view changes), `run(false)` keeps
  // `current` at -1 if the query had no match before, so the count reads "0 of 4" and no match
  // is current.
  it('a query follows the shown text when a translation is shown or hidden', async () => {
    await reportingLitWarnings(async () => {
      const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript src=${EN} style="height: 320px">
        <track src=${UK} srclang="uk" label="Українська" />
      </annotated-transcript>`);
      const h = new TranscriptHarness(el);
      await waitUntil(() => h.lines().length === 16 && h.trackSelect() !== null, 'lines and menu', 10000);
      await search(h, 'пором');
      expect(h.searchCount()).to.equal('No matches');

      h.chooseTrack('Українська'); // side by side: both texts are searched
      await waitUntil(() => h.highlightTexts(ALL).length > 0, 'the Ukrainian text is searched once shown', 10000);
      await el.updateComplete;
      expect(h.highlightTexts(ALL)).to.deep.equal(['пором', 'пором', 'пором', 'пором']);
      expect(h.highlightLines(ALL)).to.deep.equal([0, 1, 4, 15]);
      expect(h.searchCount()).to.equal('1 of 4');
      expect(h.highlightLines(CURRENT)).to.deep.equal([0]);

      h.chooseTrack('');
      await waitUntil(() => h.searchCount() === 'No matches', 'the translation is no longer searched');
      expect(h.highlightTexts(ALL)).to.deep.equal([]);
      expect(h.highlightTexts(CURRENT)).to.deep.equal([]);
    });
  });

  // BUG (src/components/annotated-transcript.ts, updated() → this.search.invalidate() →
  // SearchController.run → host.requestUpdate()): re-running the search from `updated()`
  // schedules an update after an update completed, which Lit reports as a dev-mode warning
  // (lit.dev/msg/change-in-update) — and every browser test fails on those.
  it('a query re-run after the list changes causes no Lit warning', async () => {
    const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript src=${EN} style="height: 320px">
      <track src=${UK} srclang="uk" label="Українська" />
    </annotated-transcript>`);
    const h = new TranscriptHarness(el);
    await waitUntil(() => h.lines().length === 16 && h.trackSelect() !== null, 'lines and menu', 10000);
    await search(h, 'ferry');
    expect(h.searchCount()).to.equal('1 of 4');
    const warnings = await collectLitWarnings(async () => {
      h.chooseTrack('Українська');
      await waitUntil(() => h.translationTexts().every((t) => t !== null), 'uk shown', 10000);
      await el.updateComplete;
    });
    expect(h.searchCount()).to.equal('1 of 4');
    expect(warnings, 'Lit dev-mode warnings').to.deep.equal([]);
  });

  it('several viewers share the highlights; each one clears only its own', async () => {
    const a = await mount(EN);
    const b = await mount(EN);
    await search(a.h, 'ferry');
    await search(b.h, 'clinic');
    expect(a.h.highlightTexts(ALL)).to.have.length(4);
    expect(b.h.highlightTexts(ALL)).to.deep.equal(['clinic', 'clinic']);
    expect(CSS.highlights.get(ALL)!.size).to.equal(6);
    expect(CSS.highlights.get(CURRENT)!.size).to.equal(2);
    b.el.remove();
    expect(CSS.highlights.get(ALL)!.size).to.equal(4);
    expect(CSS.highlights.get(CURRENT)!.size).to.equal(1);
    await search(a.h, '');
    // The last viewer's ranges gone, the names go too: nothing is left in CSS.highlights.
    expect(CSS.highlights.has(ALL)).to.equal(false);
    expect(CSS.highlights.has(CURRENT)).to.equal(false);
  });

  describe('Cyrillic', () => {
    it('searches the Ukrainian track shown alone (case, ґ/г, apostrophes, й/и)', async () => {
      const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript src=${EN} style="height: 320px">
        <track src=${UK} srclang="uk" label="Українська" />
      </annotated-transcript>`);
      const h = new TranscriptHarness(el);
      await waitUntil(() => h.lines().length === 16 && h.trackSelect() !== null, 'lines and menu', 10000);
      h.chooseTrack('Українська');
      await waitUntil(() => h.translationTexts().every((t) => t !== null), 'uk shown', 10000);
      h.setSideBySide(false);
      await waitUntil(() => h.originalTexts().every((t) => t === null) && h.translationTexts().every((t) => t !== null), 'uk alone', 10000);

      await type(h, 'острів');
      expect(h.highlightTexts(ALL)).to.deep.equal(['острів']);
      expect(h.highlightLines(ALL)).to.deep.equal([0]);
      expect(h.searchCount()).to.equal('1 of 1');
      await search(h, 'ОСТРОВА');
      expect(h.highlightTexts(ALL)).to.deep.equal(['острова']);
      expect(h.highlightLines(ALL)).to.deep.equal([4]);
      await search(h, 'Остров');
      expect(h.highlightTexts(ALL)).to.deep.equal(['остров', 'остров']);
      expect(h.highlightLines(ALL)).to.deep.equal([1, 4]);
      // ґ and г fold together.
      await search(h, 'галл');
      expect(h.highlightTexts(ALL)).to.deep.equal(['Ґалл', 'Ґалл']);
      // A typed apostrophe finds the typographic one.
      await search(h, "дев'ятого");
      expect(h.highlightTexts(ALL)).to.deep.equal(['Дев’ятого']);
      // й/и fold together.
      await search(h, 'щонаименше');
      expect(h.highlightTexts(ALL)).to.deep.equal(['щонайменше']);
      // Only the shown text is searched: the English original is hidden.
      await search(h, 'ferry');
      expect(h.searchCount()).to.equal('No matches');
    });

    it('ё and е fold together (Russian fixture)', async () => {
      const { h } = await mount(YOLKA_RU);
      await waitUntil(() => h.lines().length === 3, 'three lines');
      await search(h, 'елка');
      expect(h.highlightTexts(ALL)).to.deep.equal(['Ёлка']);
      await search(h, 'ёлк');
      expect(h.highlightTexts(ALL)).to.deep.equal(['Ёлк', 'елк', 'ёлк']);
      expect(h.highlightLines(ALL)).to.deep.equal([0, 1, 2]);
      await search(h, 'ЁЛКОЙ');
      expect(h.highlightTexts(ALL)).to.deep.equal(['елкой']);
      await search(h, 'елочка');
      expect(h.highlightTexts(ALL)).to.deep.equal(['ёлочка']);
      await search(h, '"в лесу');
      expect(h.highlightTexts(ALL)).to.deep.equal(['«В лесу']);
      expect(h.searchCount()).to.equal('1 of 1');
    });
  });

  describe('with a real video', () => {
    let video: HTMLVideoElement;
    afterEach(() => {
      video.pause();
      video.remove();
    });

    async function mountWithVideo(style = 'height: 240px'): Promise<{ el: AnnotatedTranscript; h: TranscriptHarness }> {
      video = await loadVideo('search-video', VIDEO);
      const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript for="search-video" src=${EN} style=${style}></annotated-transcript>`);
      const h = new TranscriptHarness(el);
      await waitUntil(() => h.lines().length === 16, 'lines rendered', 10000);
      return { el, h };
    }

    it('"Play from match" and Alt+Enter seek the video to the matched line’s start', async () => {
      const { el, h } = await mountWithVideo();
      await type(h, 'clinic');
      expect(h.searchCount()).to.equal('1 of 2');
      h.toolbarButton('Play from match')!.click();
      await waitUntil(() => Math.abs(video.currentTime - el.cues[CLINIC_LINES[0]!]!.start) < 0.01, 'seeked to the first match’s line');
      await waitUntil(() => h.activeIndex() === CLINIC_LINES[0], 'that line active');

      h.searchField().focus();
      await sendKeys({ press: 'Enter' });
      await h.el.updateComplete;
      expect(h.searchCount()).to.equal('2 of 2');
      await sendKeys({ press: 'Alt+Enter' });
      await waitUntil(() => Math.abs(video.currentTime - el.cues[CLINIC_LINES[1]!]!.start) < 0.01, 'Alt+Enter seeked to the second match’s line');
      await waitUntil(() => h.activeIndex() === CLINIC_LINES[1], 'that line active');
      // Alt+Enter does not move to the next match.
      expect(h.searchCount()).to.equal('2 of 2');
    });

    it('a query pauses auto-scroll; Escape clears it and following comes back', async () => {
      const { el, h } = await mountWithVideo();
      const scroller = h.scroller();
      await seekVideo(video, inside(el.cues[0]!));
      await waitUntil(() => h.activeIndex() === 0, 'first line active');

      await type(h, 'clinic');
      await waitUntil(() => showing(h, CLINIC_LINES[0]!), 'first match in view');
      const during = await waitForStable(() => scroller.scrollTop, 'scroller settled on the match');

      // A seek while searching does not move the scroller.
      await seekVideo(video, inside(el.cues[12]!));
      await waitUntil(() => h.activeIndex() === 12, 'line 12 active');
      await sleep(500);
      expect(scroller.scrollTop, 'scroller moved while searching').to.equal(during);
      expect(showing(h, 12), 'line 12 is out of sight').to.be.false;

      await sendKeys({ press: 'Escape' });
      await h.el.updateComplete;
      expect(h.searchField().value).to.equal('');
      expect(h.searchCount()).to.equal('');
      expect(h.highlightTexts(ALL)).to.deep.equal([]);
      await waitUntil(() => showing(h, 12), 'clearing the query brought the current line back');

      // The next seek scrolls again.
      expect(showing(h, 2)).to.be.false;
      await seekVideo(video, inside(el.cues[2]!));
      await waitUntil(() => h.activeIndex() === 2, 'line 2 active');
      await waitUntil(() => showing(h, 2), 'followed to line 2');
      expect(h.backToNow() === null).to.be.true;
    });

    it('emptying the field (not Escape) restores following as well', async () => {
      const { el, h } = await mountWithVideo();
      const scroller = h.scroller();
      await type(h, 'april');
      await waitUntil(() => showing(h, 15), 'match in the last line in view');
      const during = await waitForStable(() => scroller.scrollTop, 'scroller settled');
      await seekVideo(video, inside(el.cues[1]!));
      await waitUntil(() => h.activeIndex() === 1, 'line 1 active');
      await sleep(400);
      expect(scroller.scrollTop).to.equal(during);
      expect(showing(h, 1)).to.be.false;
      await search(h, '');
      await waitUntil(() => showing(h, 1), 'current line back in view');
      expect(showing(h, 14)).to.be.false;
      await seekVideo(video, inside(el.cues[14]!));
      await waitUntil(() => showing(h, 14), 'followed to line 14');
    });

    it('when auto-scroll was already paused before searching, clearing the query keeps it paused', async () => {
      const { el, h } = await mountWithVideo();
      const scroller = h.scroller();
      await seekVideo(video, inside(el.cues[0]!));
      await waitUntil(() => h.activeIndex() === 0, 'first line active');
      h.wheel(400); // the reader scrolls away: auto-scroll pauses
      await waitUntil(() => h.backToNow() !== null, 'back-to-now shown');

      await type(h, 'clinic');
      await sendKeys({ press: 'Escape' });
      await h.el.updateComplete;
      expect(h.searchField().value).to.equal('');
      const after = await waitForStable(() => scroller.scrollTop, 'scroller settled');

      await seekVideo(video, inside(el.cues[12]!));
      await waitUntil(() => h.activeIndex() === 12, 'line 12 active');
      await sleep(500);
      expect(scroller.scrollTop, 'still paused: the seek did not scroll').to.equal(after);
      expect(h.backToNow() !== null).to.be.true;
    });
  });
});
