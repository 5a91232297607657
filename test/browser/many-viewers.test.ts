/**
 * Ten one-hour viewers on one page, each with its own media (issue 8, point 5): while every
 * media is paused none of them runs a frame loop or any timer work, and while one plays only
 * that one does. Frame work is counted by wrapping `requestAnimationFrame` before the viewers
 * exist (every frame loop of the viewer goes through it).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import { longTranscript, nextFrame, waitUntil } from './helpers.js';

const VIEWERS = 10;
const LINES = 900; // one hour at 4 s a line
const SECONDS = 4;

/** The media contract with a clock that runs while playing (as a real element's does). */
class RunningMedia extends EventTarget {
  paused = true;
  readyState = 4;
  playbackRate = 1;
  private base = 0;
  private since = 0;
  constructor(readonly duration: number) {
    super();
  }
  get currentTime(): number {
    return this.paused ? this.base : this.base + ((performance.now() - this.since) / 1000) * this.playbackRate;
  }
  set currentTime(t: number) {
    this.base = t;
    this.since = performance.now();
    this.dispatchEvent(new Event('seeking'));
    this.dispatchEvent(new Event('timeupdate'));
    this.dispatchEvent(new Event('seeked'));
  }
  play(): Promise<void> {
    if (this.paused) {
      this.since = performance.now();
      this.paused = false;
      this.dispatchEvent(new Event('play'));
      this.dispatchEvent(new Event('playing'));
    }
    return Promise.resolve();
  }
  pause(): void {
    if (this.paused) return;
    this.base = this.currentTime;
    this.paused = true;
    this.dispatchEvent(new Event('pause'));
  }
}

/** Every `requestAnimationFrame` call on the page is counted (the test resets the count around each phase). */
const realRaf = window.requestAnimationFrame.bind(window);
let frameCalls = 0;

describe(`${VIEWERS} one-hour viewers on one page`, () => {
  before(() => {
    window.requestAnimationFrame = (cb: FrameRequestCallback) => {
      frameCalls++;
      return realRaf(cb);
    };
  });
  after(() => {
    window.requestAnimationFrame = realRaf;
  });

  it('cost no frames while paused; only the playing one runs a frame loop, and it stops on pause', async function () {
    this.timeout(60_000);
    const media = Array.from({ length: VIEWERS }, () => new RunningMedia(LINES * SECONDS));
    const container = await fixture<HTMLElement>(html`<div style="display:grid;grid-template-columns:repeat(2,1fr);gap:8px"></div>`);
    const viewers = media.map((m) => {
      const el = document.createElement('annotated-transcript') as AnnotatedTranscript;
      el.style.height = '240px';
      el.media = m as unknown as HTMLMediaElement;
      el.transcript = longTranscript(LINES, LINES * SECONDS);
      container.append(el);
      return el;
    });
    for (const el of viewers) await el.updateComplete;
    await waitUntil(() => viewers.every((el) => el.shadowRoot!.querySelectorAll('ol.lines > li').length === LINES), 'every viewer has all its rows');
    // Let the first renders settle (rows built in chunks, first placements).
    for (let i = 0; i < 30; i++) await nextFrame();
    await new Promise((r) => setTimeout(r, 300));

    // Paused: over a second, no viewer asks for a frame.
    frameCalls = 0;
    await new Promise((r) => setTimeout(r, 1000));
    expect(frameCalls, 'frames asked for by ten paused viewers in 1 s').to.equal(0);

    // One plays: its line follows the clock, and only one frame loop runs (about one request a
    // frame, not ten).
    await media[3]!.play();
    frameCalls = 0;
    let frames = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 1000) {
      await new Promise((r) => realRaf(r));
      frames++;
    }
    const playingCalls = frameCalls;
    expect(playingCalls, 'a frame loop runs while one plays').to.be.greaterThan(frames / 2);
    expect(playingCalls, 'only one frame loop runs').to.be.lessThan(frames * 2 + 5);
    const active = (el: AnnotatedTranscript) => el.shadowRoot!.querySelector('[part~="active-line"]');
    expect(active(viewers[3]!), 'the playing viewer marks its line').to.exist;

    // Paused again: the loop stops.
    media[3]!.pause();
    await nextFrame();
    await nextFrame();
    await new Promise((r) => setTimeout(r, 200));
    frameCalls = 0;
    await new Promise((r) => setTimeout(r, 1000));
    expect(frameCalls, 'frames asked for after the pause, in 1 s').to.equal(0);
  });
});
