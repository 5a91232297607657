import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import { TranscriptHarness } from '../harness/transcript-harness.js';
import { collectEvents, inside, loadVideo, longTranscript, nextFrame, seekVideo, sleep, waitUntil } from './helpers.js';

const TALK_VTT = '/test/fixtures/media/talk.vtt';

interface Page {
  el: AnnotatedTranscript;
  h: TranscriptHarness;
  before: HTMLButtonElement;
  after: HTMLButtonElement;
}

/** A focusable button before and after the element, tall content below so the page could scroll. */
async function page(options: { src?: string; long?: boolean; height?: number }): Promise<Page> {
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <button id="before">before</button>
    <annotated-transcript for="talk" src=${options.src ?? ''} style="height: ${options.height ?? 220}px"></annotated-transcript>
    <button id="after">after</button>
    <div style="height: 3000px"></div>
  </div>`);
  const el = wrapper.querySelector('annotated-transcript')!;
  if (!options.src) el.transcript = options.long ? longTranscript(200, 15) : [];
  const h = new TranscriptHarness(el);
  await waitUntil(() => h.lines().length > 0, 'lines rendered');
  return { el, h, before: wrapper.querySelector<HTMLButtonElement>('#before')!, after: wrapper.querySelector<HTMLButtonElement>('#after')! };
}

async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
  await nextFrame();
}

/**
 * Presses Tab from `before` until focus is on a line of the list (the element may have other
 * controls before the list, e.g. a search box or a toolbar); fails after `max` presses.
 */
async function tabIntoList(h: TranscriptHarness, before: HTMLElement, max = 12): Promise<number> {
  before.focus();
  for (let n = 0; n < max; n++) {
    await press('Tab');
    if (h.focusedIndex() >= 0) return h.focusedIndex();
  }
  throw new Error(`no line reached after ${max} Tab presses`);
}

/** What has focus, as a short description: 'line N', the id of a light-DOM element, or a shadow control. */
function focusedThing(h: TranscriptHarness): string {
  const active = document.activeElement;
  if (active === h.el) {
    const i = h.focusedIndex();
    if (i >= 0) return `line ${i}`;
    const inner = h.root.activeElement as HTMLElement | null;
    return `control ${inner?.tagName.toLowerCase()}.${inner?.className}`;
  }
  return active?.id ? `#${active.id}` : String(active?.tagName.toLowerCase());
}

/** Presses Tab (or Shift+Tab) from `from` until `to` has focus; returns every stop on the way. */
async function walkTabOrder(h: TranscriptHarness, from: HTMLElement, to: HTMLElement, key = 'Tab', max = 30): Promise<string[]> {
  from.focus();
  const stops: string[] = [];
  for (let n = 0; n < max; n++) {
    await press(key);
    if (document.activeElement === to) return stops;
    stops.push(focusedThing(h));
  }
  throw new Error(`${to.id} not reached after ${max} presses; stops: ${stops.join(', ')}`);
}

describe('keyboard', () => {
  let video: HTMLVideoElement;

  beforeEach(async () => {
    video = await loadVideo('talk');
  });

  afterEach(() => {
    video.pause();
    video.remove();
  });

  it('the list is one tab stop: Tab enters on a line, Tab again leaves the list', async () => {
    const { h, before, after } = await page({ src: TALK_VTT });
    expect(h.tabStop()).to.equal(h.line(0));
    // Walk the whole tab order through the element: exactly one stop is a line.
    const forward = await walkTabOrder(h, before, after);
    expect(forward.filter((s) => s.startsWith('line')), `tab order: ${forward.join(', ')}`).to.deep.equal(['line 0']);
    const backward = await walkTabOrder(h, after, before, 'Shift+Tab');
    expect(backward.filter((s) => s.startsWith('line')), `reverse tab order: ${backward.join(', ')}`).to.deep.equal(['line 0']);
    // Tab from the line leaves the list (whatever comes next, it is not another line).
    await tabIntoList(h, before);
    await press('Tab');
    expect(h.focusedIndex()).to.equal(-1);
  });

  it('Tab comes back to the line that was last focused', async () => {
    const { h, before, after } = await page({ src: TALK_VTT });
    await tabIntoList(h, before);
    await press('ArrowDown');
    await press('ArrowDown');
    expect(h.focusedIndex()).to.equal(2);
    const forward = await walkTabOrder(h, h.line(2), after);
    expect(forward.filter((s) => s.startsWith('line'))).to.deep.equal([]);
    const backward = await walkTabOrder(h, after, before, 'Shift+Tab');
    expect(backward.filter((s) => s.startsWith('line')), `reverse tab order: ${backward.join(', ')}`).to.deep.equal(['line 2']);
  });

  it('ArrowDown/ArrowUp/PageDown/PageUp/End/Home move focus and the roving tabindex', async () => {
    const { h, before } = await page({ long: true });
    expect(await tabIntoList(h, before)).to.equal(0);
    const steps: [string, number][] = [
      ['ArrowUp', 0], // stays at the first line
      ['ArrowDown', 1],
      ['ArrowDown', 2],
      ['ArrowUp', 1],
      ['PageDown', 11],
      ['PageDown', 21],
      ['PageUp', 11],
      ['End', 199],
      ['ArrowDown', 199], // stays at the last line
      ['PageUp', 189],
      ['PageDown', 199],
      ['Home', 0],
    ];
    for (const [key, expected] of steps) {
      await press(key);
      expect(h.focusedIndex(), `after ${key}`).to.equal(expected);
      expect(h.tabStop(), `tab stop after ${key}`).to.equal(h.line(expected));
      expect(h.lines().filter((l) => l.tabIndex === 0), `tab stops after ${key}`).to.have.length(1);
      expect(h.isLineInView(expected), `line ${expected} scrolled into view after ${key}`).to.be.true;
    }
  });

  it('navigation keys never scroll the page', async () => {
    const { h, before } = await page({ long: true });
    await tabIntoList(h, before);
    const pageY = window.scrollY;
    for (const key of ['PageDown', 'PageDown', 'End', 'PageUp', 'Home', 'ArrowDown', ' ']) {
      await press(key === ' ' ? 'Space' : key);
      expect(window.scrollY, `page scroll after ${key}`).to.equal(pageY);
      expect(document.scrollingElement!.scrollTop).to.equal(pageY);
    }
    expect(h.focusedIndex()).to.be.greaterThan(-1);
  });

  it('Enter and Space seek the real video to the focused line', async () => {
    const { el, h, before } = await page({ src: TALK_VTT });
    await tabIntoList(h, before);
    await press('ArrowDown');
    await press('ArrowDown');
    await press('ArrowDown');
    expect(h.focusedIndex()).to.equal(3);
    const seeks = collectEvents<CustomEvent>(el, 'transcript-seek');
    await press('Enter');
    await waitUntil(() => Math.abs(video.currentTime - el.cues[3]!.start) < 0.01, 'Enter seeked to line 3');
    await waitUntil(() => h.activeIndex() === 3, 'line 3 active');
    await press('ArrowUp');
    await press('Space');
    await waitUntil(() => Math.abs(video.currentTime - el.cues[2]!.start) < 0.01, 'Space seeked to line 2');
    await waitUntil(() => h.activeIndex() === 2, 'line 2 active');
    seeks.stop();
    expect(seeks.events.map((e) => e.detail.cueId)).to.deep.equal([el.cues[3]!.id, el.cues[2]!.id]);
    // Focus stays on the line that was activated.
    expect(h.focusedIndex()).to.equal(2);
  });

  it('focus is visible after keyboard navigation', async () => {
    const { h, before } = await page({ src: TALK_VTT });
    await tabIntoList(h, before);
    await press('ArrowDown');
    const line = h.line(1);
    expect(h.focusedIndex()).to.equal(1);
    expect(line.matches(':focus-visible')).to.be.true;
    const style = getComputedStyle(line);
    expect(style.outlineStyle).not.to.equal('none');
    expect(parseFloat(style.outlineWidth)).to.be.greaterThan(0);
    // …and the unfocused line has no ring.
    expect(getComputedStyle(h.line(0)).outlineStyle).to.equal('none');
  });

  it('while not in the list, the tab stop follows the active line (seek and playback)', async () => {
    const { el, h, before } = await page({ src: TALK_VTT });
    await seekVideo(video, inside(el.cues[3]!));
    await waitUntil(() => h.activeIndex() === 3, 'line 3 active');
    expect(h.tabStop()).to.equal(h.line(3));
    // Playback across a boundary moves it too.
    await seekVideo(video, el.cues[3]!.end - 0.15);
    await video.play();
    await waitUntil(() => h.activeIndex() === 4, 'line 4 active while playing', 10000);
    video.pause();
    expect(h.tabStop()).to.equal(h.line(4));
    expect(h.lines().filter((l) => l.tabIndex === 0)).to.have.length(1);
    expect(await tabIntoList(h, before)).to.equal(4);
    expect(document.activeElement).to.equal(el);
  });

  it('focus on another control of the element (search, toolbar) is not "in the list": the tab stop still follows', async function () {
    const { el, h } = await page({ src: TALK_VTT });
    const control = h.controlOutsideList();
    if (!control) this.skip(); // the element has no control outside the list
    control!.focus();
    expect(h.root.activeElement).to.equal(control);
    await seekVideo(video, inside(el.cues[3]!));
    await waitUntil(() => h.activeIndex() === 3, 'line 3 active');
    await nextFrame();
    expect(h.tabStop(), 'the tab stop follows the active line').to.equal(h.line(3));
  });

  it('while the reader is in the list, playback does not steal focus or the tab stop', async () => {
    const { el, h, before } = await page({ src: TALK_VTT });
    await tabIntoList(h, before);
    await press('ArrowDown');
    expect(h.focusedIndex()).to.equal(1);
    await seekVideo(video, inside(el.cues[4]!));
    await waitUntil(() => h.activeIndex() === 4, 'line 4 active');
    await sleep(100);
    expect(h.focusedIndex()).to.equal(1);
    expect(h.tabStop()).to.equal(h.line(1));
    expect(document.activeElement).to.equal(el);
  });
  it('ArrowRight moves to a button of the line\'s row, which shows when focused', async () => {
    const { h, before } = await page({ src: TALK_VTT });
    await tabIntoList(h, before);
    await press('ArrowDown');
    await press('ArrowRight');
    expect(h.focusedIndex()).to.equal(-1);
    const control = h.focusedControl();
    expect(control, 'a row control has focus').to.not.equal(null);
    expect(control!.tagName).to.equal('BUTTON');
    expect(h.focusedControlRow()).to.equal(1);
    // A control revealed by focus is actually visible, with a focus ring.
    expect(Number(getComputedStyle(control!).opacity)).to.equal(1);
    expect(getComputedStyle(control!).outlineStyle).not.to.equal('none');
    // Row buttons are not extra tab stops.
    expect(control!.tabIndex).to.equal(-1);
  });

  it('ArrowLeft from a row button comes back to its line', async () => {
    const { h, before } = await page({ src: TALK_VTT });
    await tabIntoList(h, before);
    await press('ArrowDown');
    await press('ArrowRight');
    expect(h.focusedControlRow()).to.equal(1);
    await press('ArrowLeft');
    expect(h.focusedIndex(), 'focus back on line 1').to.equal(1);
    expect(h.tabStop()).to.equal(h.line(1));
  });
});
