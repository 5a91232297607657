import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/index.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import { TranscriptHarness } from '../harness/transcript-harness.js';
import { centreOf, collectEvents, inside, loadVideo, longTranscript, nextFrame, seekVideo, sleep, waitForStable, waitUntil } from './helpers.js';

const PAGE_Y = 100;

/**
 * A 200-line transcript (mapped over the fixture video's 15 s) in a 200px-high element, with
 * tall content above and below so that the page itself could scroll; the page is scrolled a
 * little so any page scroll shows as a change of window.scrollY.
 */
async function setup(height = 200): Promise<{ el: AnnotatedTranscript; h: TranscriptHarness }> {
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <div style="height: 300px">above</div>
    <annotated-transcript for="talk" style="height: ${height}px"></annotated-transcript>
    <div style="height: 3000px">below</div>
  </div>`);
  const el = wrapper.querySelector('annotated-transcript')!;
  el.transcript = longTranscript(200, 15);
  const h = new TranscriptHarness(el);
  await waitUntil(() => h.lines().length === 200, '200 lines');
  window.scrollTo(0, PAGE_Y);
  await waitUntil(() => window.scrollY === PAGE_Y, 'page scrolled a little');
  return { el, h };
}

/** Seeks the video into line i and waits until that line is active. */
async function seekToLine(video: HTMLVideoElement, el: AnnotatedTranscript, h: TranscriptHarness, i: number): Promise<void> {
  await seekVideo(video, inside(el.cues[i]!));
  await waitUntil(() => h.activeIndex() === i, `line ${i} active`);
}

/** Seeks to line i and waits until auto-scroll brought it into view and settled. */
async function followTo(video: HTMLVideoElement, el: AnnotatedTranscript, h: TranscriptHarness, i: number): Promise<number> {
  await seekToLine(video, el, h, i);
  await waitUntil(() => h.isLineInView(i), `line ${i} scrolled into view`, 8000);
  return waitForStable(() => h.scroller().scrollTop, 'auto-scroll settled');
}

/** Seeks to line i and checks that the scroller does not move (auto-scroll is paused). */
async function expectNoFollow(video: HTMLVideoElement, el: AnnotatedTranscript, h: TranscriptHarness, i: number): Promise<void> {
  const top = h.scroller().scrollTop;
  await seekToLine(video, el, h, i);
  await sleep(400); // long enough for a smooth scroll to have visibly started
  expect(h.scroller().scrollTop, `scroller stayed while paused (seek to line ${i})`).to.equal(top);
  expect(h.isLineInView(i)).to.be.false;
}

function selectionText(h: TranscriptHarness): string {
  const rootSel = (h.root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.();
  return (rootSel?.toString() || document.getSelection()?.toString() || '').trim();
}

describe('auto-scroll', () => {
  let video: HTMLVideoElement;

  beforeEach(async () => {
    video = await loadVideo('talk');
  });

  afterEach(async () => {
    video.pause();
    video.remove();
    document.getSelection()?.removeAllRanges();
    await resetMouse();
    window.scrollTo(0, 0);
  });

  it('a seek far down scrolls the transcript, never the page; a seek back up scrolls back', async () => {
    const { el, h } = await setup();
    expect(h.scroller().scrollTop).to.equal(0);
    expect(h.scroller().scrollHeight).to.be.greaterThan(h.scroller().clientHeight * 10);
    const down = await followTo(video, el, h, 170);
    expect(down).to.be.greaterThan(1000);
    expect(window.scrollY).to.equal(PAGE_Y);
    expect(document.scrollingElement!.scrollTop).to.equal(PAGE_Y);
    const up = await followTo(video, el, h, 10);
    expect(up).to.be.lessThan(down);
    expect(window.scrollY).to.equal(PAGE_Y);
  });

  it('does not scroll while the active line stays comfortably in view', async () => {
    const { el, h } = await setup(420);
    await followTo(video, el, h, 100);
    const view = h.scroller().getBoundingClientRect();
    // The visible line nearest to 40% of the height: comfortably in view.
    const middle = h.visibleLines().filter((i) => i !== 100).reduce((best, i) => {
      const d = (j: number) => Math.abs(h.line(j).getBoundingClientRect().top - (view.top + view.height * 0.4));
      return d(i) < d(best) ? i : best;
    });
    expect(middle).to.not.equal(100);
    const top = h.scroller().scrollTop;
    await seekToLine(video, el, h, middle);
    await sleep(300);
    expect(h.scroller().scrollTop).to.equal(top);
  });

  it('the wheel pauses following; "back to current line" shows where now is and resumes', async () => {
    const { el, h } = await setup();
    await followTo(video, el, h, 150);
    expect(h.backToNow()).to.equal(null);

    // The reader wheels up to the top.
    h.wheel(-3000, 0);
    await expectNoFollow(video, el, h, 180);
    await waitUntil(() => h.backToNowDirection() === 'below', 'back-to-now points below');
    expect(h.backToNowText()).to.contain('↓');
    expect(h.backToNowText()).to.match(/below/i);
    expect(window.scrollY).to.equal(PAGE_Y);

    // …then to the bottom: now is above.
    h.wheel(30000, h.scroller().scrollHeight);
    await expectNoFollow(video, el, h, 20);
    await waitUntil(() => h.backToNowDirection() === 'above', 'back-to-now points above');
    expect(h.backToNow()!.classList.contains('above')).to.be.true;
    expect(h.backToNowText()).to.contain('↑');
    expect(h.backToNowText()).to.match(/above/i);

    // Back to now: scrolls the active line into view, the button goes, following resumes.
    h.clickBackToNow();
    await waitUntil(() => h.isLineInView(20), 'line 20 back in view', 8000);
    await waitUntil(() => h.backToNow() === null, 'button hidden');
    await followTo(video, el, h, 120);
    expect(window.scrollY).to.equal(PAGE_Y);
  });

  it('the button is not shown while the active line is still visible', async () => {
    const { el, h } = await setup();
    await followTo(video, el, h, 100);
    h.wheel(10, h.scroller().scrollTop + 10); // a small nudge: line 100 stays in view
    await sleep(200);
    expect(h.isLineInView(100)).to.be.true;
    expect(h.backToNow()).to.equal(null);
  });

  it('a touch pauses following', async () => {
    const { el, h } = await setup();
    await followTo(video, el, h, 5);
    h.touch(2);
    await expectNoFollow(video, el, h, 160);
    await waitUntil(() => h.backToNowDirection() === 'below', 'back-to-now points below');
  });

  it('pressing on the scrollbar (pointerdown on the scroller itself) pauses following', async () => {
    const { el, h } = await setup();
    await followTo(video, el, h, 5);
    const s = h.scroller();
    s.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, button: 0, buttons: 1, pointerType: 'mouse' }));
    await expectNoFollow(video, el, h, 160);
  });

  it('selecting text with a real mouse drag pauses following, and the click that ends it does not seek', async () => {
    const { el, h } = await setup();
    await followTo(video, el, h, 1);
    const seeks = collectEvents<CustomEvent>(el, 'transcript-seek');
    const timeBefore = video.currentTime;
    const text = h.lineTextElement(2).getBoundingClientRect();
    const y = Math.round(text.top + Math.min(10, text.height / 2));
    await sendMouse({ type: 'move', position: [Math.round(text.left + 2), y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round(text.left + 60), y] });
    await sendMouse({ type: 'move', position: [Math.round(text.left + 120), y] });
    await sendMouse({ type: 'up' });
    await nextFrame();
    expect(selectionText(h)).to.not.equal('');
    await sleep(200);
    seeks.stop();
    expect(seeks.events, 'no transcript-seek while selecting').to.have.length(0);
    expect(video.currentTime).to.equal(timeBefore);
    expect(h.activeIndex()).to.equal(1);
    await expectNoFollow(video, el, h, 160);
  });

  it('a click on a line during a (programmatic) selection does not seek, and pauses following', async () => {
    const { el, h } = await setup();
    await followTo(video, el, h, 1);
    h.selectLineText(3, 12);
    expect(selectionText(h)).to.not.equal('');
    const seeks = collectEvents<CustomEvent>(el, 'transcript-seek');
    h.pointerDownOnLine(3);
    h.activateLine(3);
    await sleep(200);
    seeks.stop();
    expect(seeks.events).to.have.length(0);
    expect(h.activeIndex()).to.equal(1);
    await expectNoFollow(video, el, h, 160);
  });

  it('moving through the lines with the keyboard pauses following', async () => {
    const { el, h } = await setup();
    await followTo(video, el, h, 5);
    h.tabStop()!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => h.focusedIndex() === 7, 'focus moved to line 7');
    await expectNoFollow(video, el, h, 160);
    await waitUntil(() => h.backToNowDirection() === 'below', 'back-to-now points below');
    expect(h.focusedIndex()).to.equal(7);
  });

  it('activating a line (real mouse click) resumes following', async () => {
    const { el, h } = await setup();
    await followTo(video, el, h, 150);
    h.wheel(-3000, 0);
    await waitUntil(() => h.backToNow() !== null, 'paused');
    await sendMouse({ type: 'click', position: centreOf(h.line(2)) });
    await waitUntil(() => Math.abs(video.currentTime - el.cues[2]!.start) < 0.01, 'click seeked to line 2');
    await waitUntil(() => h.activeIndex() === 2, 'line 2 active');
    await waitUntil(() => h.backToNow() === null, 'button hidden');
    await followTo(video, el, h, 140);
  });

  it('activating a line while paused keeps that line in view (no scroll back to the old active line)', async () => {
    const { el, h } = await setup(320);
    await followTo(video, el, h, 150);
    // The reader scrolls up and clicks the line they are reading, comfortably inside the view.
    h.wheel(-3000, 1200);
    await waitUntil(() => h.backToNowDirection() === 'below', 'paused, now is below');
    const view = h.scroller().getBoundingClientRect();
    const offset = (i: number) => Math.abs(h.line(i).getBoundingClientRect().top - (view.top + view.height * 0.25));
    const target = h.visibleLines().reduce((best, i) => (offset(i) < offset(best) ? i : best));
    await sendMouse({ type: 'click', position: centreOf(h.line(target)) });
    await waitUntil(() => h.activeIndex() === target, `line ${target} active`);
    await waitForStable(() => h.scroller().scrollTop, 'scroll settled');
    expect(h.isLineInView(target), `the line just activated (${target}) is still in view; visible: ${h.visibleLines().join(',')}`).to.be.true;
    expect(h.isLineInView(150)).to.be.false;
  });
  it('"back to current line" from the keyboard brings focus to the current line', async () => {
    const { el, h } = await setup();
    await followTo(video, el, h, 150);
    h.wheel(-3000, 0);
    await waitUntil(() => h.backToNowDirection() === 'below', 'paused, now is below');
    h.backToNow()!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => h.focusedIndex() === 150, 'focus on the current line');
    await waitUntil(() => h.isLineInView(150), 'current line in view', 8000);
    expect(h.backToNow()).to.equal(null);
    expect(h.tabStop()).to.equal(h.line(150));
    expect(window.scrollY).to.equal(PAGE_Y);
  });

  it('in a line longer than the box, the active word is kept in view', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><annotated-transcript for="talk" style="height: 160px"></annotated-transcript></div>`);
    const el = wrapper.querySelector('annotated-transcript')!;
    const count = 240;
    const step = 13 / count;
    const words = Array.from({ length: count }, (_, k) => ({ start: 1 + k * step, end: 1 + (k + 1) * step, text: `word${k}` }));
    el.transcript = [
      { id: 'short', start: 0, end: 1, text: 'A short first line.' },
      { id: 'long', start: 1, end: 14, text: words.map((w) => w.text).join(' '), words },
    ];
    const h = new TranscriptHarness(el);
    await waitUntil(() => h.lines().length === 2, 'two lines');
    expect(h.line(1).getBoundingClientRect().height).to.be.greaterThan(h.scroller().clientHeight * 3);
    for (const k of [200, 120]) {
      await seekVideo(video, words[k]!.start + step / 3);
      await waitUntil(() => h.activeWord() === h.word(1, k), `word ${k} active`);
      await waitUntil(() => h.isWordInView(1, k), `word ${k} scrolled into view`, 8000);
    }
  });
});
