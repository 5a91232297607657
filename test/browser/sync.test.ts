import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import { TranscriptHarness } from '../harness/transcript-harness.js';
import { expectEvent, loadVideo, waitUntil, collectEvents } from './helpers.js';

describe('sync with a real <video>', () => {
  let video: HTMLVideoElement;
  let el: AnnotatedTranscript;
  let h: TranscriptHarness;

  beforeEach(async () => {
    video = await loadVideo('talk');
    el = await fixture<AnnotatedTranscript>(html`<annotated-transcript for="talk" src="/test/fixtures/media/talk.vtt" style="height: 160px"></annotated-transcript>`);
    h = new TranscriptHarness(el);
    await waitUntil(() => h.lines().length > 0, 'lines rendered');
  });

  afterEach(() => {
    video.pause();
    video.remove();
  });

  it('marks the line being spoken while the video plays', async () => {
    const cues = el.cues;
    expect(cues.length).to.be.greaterThan(2);
    await video.play();
    await waitUntil(() => video.currentTime >= cues[1]!.start + 0.1, 'playback reached the second cue', 15000);
    await waitUntil(() => h.activeIndex() === 1 || video.currentTime >= cues[2]!.start, 'second line active');
    const t = video.currentTime;
    const expected = cues.findIndex((c) => c.start <= t && t < c.end);
    expect(h.activeIndex()).to.equal(expected);
    expect(h.activeLine()!.getAttribute('aria-current')).to.equal('true');
    expect(h.activeLine()!.part.contains('active-line')).to.be.true;
    expect(h.lines().filter((l) => l.hasAttribute('aria-current'))).to.have.length(1);
  });

  it('follows a seek while paused', async () => {
    const target = el.cues[2]!;
    video.currentTime = target.start + 0.05;
    await waitUntil(() => h.activeIndex() === 2, 'third line active after seek');
    expect(h.currentLineText()).to.contain(target.text.split(/\s+/)[0]!);
  });

  it('clicking a line seeks the video to its start and fires transcript-seek', async () => {
    const target = el.cues[3]!;
    const event = await expectEvent<CustomEvent>(el, 'transcript-seek', () => h.activateLine(3));
    expect(video.currentTime).to.be.closeTo(target.start, 0.01);
    expect(event.detail).to.deep.equal({ time: target.start, cueId: target.id });
    expect(event.bubbles && event.composed).to.be.true;
    await waitUntil(() => h.activeIndex() === 3, 'clicked line active');
  });

  it('Enter and Space on a focused line seek', async () => {
    h.line(0).focus();
    h.line(0).dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    h.line(1).dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    expect(h.focusedIndex()).to.equal(2);
    h.line(2).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await waitUntil(() => Math.abs(video.currentTime - el.cues[2]!.start) < 0.01, 'Enter seeked');
    h.line(2).dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true, composed: true }));
    h.line(1).dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, composed: true }));
    await waitUntil(() => Math.abs(video.currentTime - el.cues[1]!.start) < 0.01, 'Space seeked');
  });

  it('keeps playing after a seek when it was playing', async () => {
    await video.play();
    h.activateLine(2);
    await new Promise((r) => setTimeout(r, 400));
    expect(video.paused).to.be.false;
    expect(video.currentTime).to.be.greaterThan(el.cues[2]!.start);
  });

  it('fires transcript-cue-change once per change, null in a gap', async () => {
    const seen = collectEvents<CustomEvent>(el, 'transcript-cue-change');
    video.currentTime = el.cues[1]!.start + 0.01;
    await waitUntil(() => seen.events.length >= 1, 'cue change');
    await new Promise((r) => setTimeout(r, 200));
    seen.stop();
    expect(seen.events.map((e) => e.detail.cueId)).to.deep.equal([el.cues[1]!.id]);
    const gapStart = el.cues[1]!.end;
    if (el.cues[2]!.start - gapStart > 0.1) {
      const more = collectEvents<CustomEvent>(el, 'transcript-cue-change');
      video.currentTime = gapStart + 0.05;
      await waitUntil(() => more.events.length >= 1, 'gap');
      more.stop();
      expect(more.events[0]!.detail.cueId).to.equal(null);
    }
  });
});
