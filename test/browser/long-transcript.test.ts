/**
 * A long transcript (5,000 lines, ≈ 5.5 hours): only the rows near the viewport are built in
 * full, and every behaviour still reaches a row that was not built when the action started.
 * The media is a double of the media contract with a manual clock (the real <video> fixture
 * is 13 s long; sync and seek against a real video are tested in sync.test.ts).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import { TranscriptHarness } from '../harness/transcript-harness.js';
import { longTranscript, nextFrame, waitUntil } from './helpers.js';

const LINES = 5000;
const SECONDS = 4;

/** The media contract, with a clock the test sets. */
class ClockMedia extends EventTarget {
  currentTime = 0;
  paused = true;
  readyState = 4;
  constructor(readonly duration: number) {
    super();
  }
  play(): Promise<void> {
    this.paused = false;
    this.dispatchEvent(new Event('play'));
    return Promise.resolve();
  }
  pause(): void {
    this.paused = true;
    this.dispatchEvent(new Event('pause'));
  }
  /** Moves the clock as a seek by the reader would, and says so. */
  jump(time: number): void {
    this.currentTime = time;
    this.dispatchEvent(new Event('timeupdate'));
  }
}

/** The line the media time falls in (cues are laid end to end). */
const lineAt = (time: number) => Math.min(LINES - 1, Math.floor(time / SECONDS + 1e-9));

describe(`a long transcript (${LINES} lines)`, () => {
  let el: AnnotatedTranscript;
  let h: TranscriptHarness;
  let media: ClockMedia;
  let article: HTMLElement;

  async function mount(hash = ''): Promise<void> {
    history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
    const container = await fixture<HTMLElement>(html`<div>
      <article id="long-story"><p>The witness said the ferry will be back by the summer, the chair said.</p></article>
    </div>`);
    article = container.querySelector('article')!;
    media = new ClockMedia(LINES * SECONDS);
    el = document.createElement('annotated-transcript') as AnnotatedTranscript;
    el.style.height = '400px';
    el.media = media as unknown as HTMLMediaElement;
    el.transcript = longTranscript(LINES, LINES * SECONDS);
    el.annotations = {
      version: 1,
      claims: [{ id: 'late', quote: { exact: 'the ferry will be back by the summer' } }],
      annotations: [{ id: 'a-late', cues: [`c${LINES - 20}`, `c${LINES - 19}`], claims: ['late'], relation: 'contradicts', body: 'Near the end.' }],
    };
    el.article = 'long-story';
    container.append(el);
    h = new TranscriptHarness(el);
    await el.updateComplete;
    await waitUntil(() => h.rowCount() === LINES, 'every line has a row');
    await nextFrame();
  }

  afterEach(() => {
    el?.remove();
    history.replaceState(null, '', `${location.pathname}${location.search}`);
  });

  /** After each action the active line is the one the media time falls in. */
  function expectActiveMatchesMedia(): void {
    expect(h.activeLineIndex(), `active line at ${media.currentTime}s`).to.equal(lineAt(media.currentTime));
  }

  it('keeps a row per line but builds only the rows near the viewport: at most about three nodes per line', async () => {
    await mount();
    expect(h.rowCount()).to.equal(LINES);
    expect(h.fullRowCount()).to.be.lessThan(200);
    expect(h.nodeCount(), 'nodes under the element').to.be.lessThan(LINES * 3);
    // Every line's words are in the list (find-in-page, print, screen readers in browse mode).
    expect(h.rows()[LINES - 1]!.textContent).to.contain(`Generated line number ${LINES} of`);
  });

  it('End key: focus and the view go to the last line, which was not built', async () => {
    await mount();
    expect(h.root.querySelector(`.line[data-i="${LINES - 1}"]`), 'not built before').to.equal(null);
    h.line(0).focus();
    h.press('End');
    await nextFrame();
    expect(h.focusedLineIndex()).to.equal(LINES - 1);
    await waitUntil(() => h.inView(h.line(LINES - 1)), 'the last line in view');
    h.press('PageUp');
    expect(h.focusedLineIndex()).to.equal(LINES - 11);
    h.press('Enter');
    await nextFrame();
    expect(media.currentTime).to.equal((LINES - 11) * SECONDS);
    expectActiveMatchesMedia();
  });

  it('#t= deep link to the last line seeks there, marks it and shows it', async () => {
    const t = (LINES - 1) * SECONDS + 1;
    await mount(`#t=${t}`);
    await waitUntil(() => media.currentTime === t, 'the deep link sought');
    await waitUntil(() => h.activeLineIndex() === LINES - 1, 'the last line active');
    await waitUntil(() => h.inView(h.line(LINES - 1)), 'the last line in view');
    expectActiveMatchesMedia();
  });

  it('a seek far away marks the right line and brings it into view; the nodes stay bounded', async () => {
    await mount();
    for (const fraction of [0.9, 0.1, 0.75, 0.33, 0.999]) {
      media.jump(Math.floor(LINES * fraction) * SECONDS + 0.5);
      await nextFrame();
      expectActiveMatchesMedia();
      await waitUntil(() => h.inView(h.activeLine()!), `line at ${fraction} in view`);
    }
    await nextFrame();
    expect(h.fullRowCount(), 'rows left behind went back to plain text').to.be.lessThan(600);
  });

  it('search: the last match (on the last line) is current, highlighted and in view; play from match seeks there', async () => {
    await mount();
    h.setSearch(`line number ${LINES} of`);
    await el.updateComplete;
    expect(h.searchCount()).to.equal('1 of 1');
    await waitUntil(() => h.inView(h.line(LINES - 1)), 'the match in view');
    await waitUntil(() => h.highlightLines('at-search-current').includes(LINES - 1), 'the current match highlighted');
    h.toolbarButton('Play from match')!.click();
    await nextFrame();
    expect(media.currentTime).to.equal((LINES - 1) * SECONDS);
    expectActiveMatchesMedia();
  });

  it('claim activation from the article goes to a line near the end and opens its annotation', async () => {
    await mount();
    await waitUntil(() => !!article.querySelector('at-claim-marker'), 'the claim anchored in the article');
    article.querySelector('at-claim-marker')!.shadowRoot!.querySelector('button')!.click();
    await el.updateComplete;
    expect(media.currentTime).to.equal((LINES - 21) * SECONDS);
    await waitUntil(() => !!h.annotationPanel('a-late'), 'the annotation open');
    await waitUntil(() => h.inView(h.line(LINES - 21)), 'its first line in view');
    expectActiveMatchesMedia();
  });

  it('print: every line is in the printed list, with the annotation opened', async () => {
    await mount();
    window.dispatchEvent(new Event('beforeprint'));
    const rows = h.rows();
    expect(rows).to.have.length(LINES);
    rows.forEach((row, i) => {
      if (!row.textContent!.includes(`Generated line number ${i + 1} of`)) throw new Error(`row ${i} lacks its text`);
    });
    expect(h.annotationPanel('a-late')).to.not.equal(null);
    window.dispatchEvent(new Event('afterprint'));
  });
});
