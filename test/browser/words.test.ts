import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import '../../src/index.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import { TranscriptHarness } from '../harness/transcript-harness.js';
import { centreOf, expectEvent, loadVideo, nextFrame, seekVideo, waitUntil } from './helpers.js';

describe('timed words', () => {
  let video: HTMLVideoElement;
  let el: AnnotatedTranscript;
  let h: TranscriptHarness;

  beforeEach(async () => {
    video = await loadVideo('talk');
    el = await fixture<AnnotatedTranscript>(html`<annotated-transcript for="talk" src="/test/fixtures/media/talk.vtt" style="height: 300px"></annotated-transcript>`);
    h = new TranscriptHarness(el);
    await waitUntil(() => h.lines().length === 6, 'six lines');
  });

  afterEach(async () => {
    video.pause();
    video.remove();
    await resetMouse();
  });

  it('the fixture has word timings for every line', () => {
    el.cues.forEach((cue, i) => {
      expect(cue.words?.length, `words of line ${i}`).to.be.greaterThan(2);
      expect(h.words(i)).to.have.length(cue.words!.length);
      expect(h.words(i).map((w) => w.textContent!.trim())).to.deep.equal(cue.words!.map((w) => w.text.trim()));
    });
  });

  it('while playing, exactly one active word, inside the active line, and it advances', async () => {
    const cues = el.cues;
    await seekVideo(video, cues[1]!.start - 0.1);
    await video.play();
    const seen: [number, number][] = [];
    let framesWithLine = 0;
    const end = cues[2]!.start + 0.6;
    const deadline = performance.now() + 12000;
    while (video.currentTime < end && performance.now() < deadline) {
      await nextFrame();
      const words = h.activeWords();
      expect(words.length, `active words at ${video.currentTime.toFixed(3)}`).to.be.at.most(1);
      const line = h.activeLine();
      if (line) {
        framesWithLine++;
        // Every line of the fixture has words, and the first starts with the line: a line is never active without its word.
        expect(words.length, `active word with line ${h.activeIndex()} at ${video.currentTime.toFixed(3)}`).to.equal(1);
        expect(line.contains(words[0]!), 'the active word sits in the active line').to.be.true;
        const pos = h.activeWordPosition()!;
        const last = seen[seen.length - 1];
        if (!last || last[0] !== pos[0] || last[1] !== pos[1]) seen.push(pos);
      }
    }
    video.pause();
    expect(video.currentTime, 'playback reached the third line').to.be.at.least(end);
    expect(framesWithLine).to.be.greaterThan(10);
    // Forward playback: positions only move forward, through many words of two lines.
    for (let k = 1; k < seen.length; k++) {
      const [a, b] = [seen[k - 1]!, seen[k]!];
      expect(b[0] > a[0] || (b[0] === a[0] && b[1] > a[1]), `advance ${a} → ${b}`).to.be.true;
    }
    expect(seen.length, `positions seen: ${JSON.stringify(seen)}`).to.be.at.least(5);
    expect(new Set(seen.map((p) => p[0]))).to.deep.equal(new Set([1, 2]));
  });

  it('after a seek, the active word is the one being spoken', async () => {
    const cue = el.cues[4]!;
    for (const j of [0, 2, cue.words!.length - 1]) {
      const word = cue.words![j]!;
      await seekVideo(video, word.start + Math.min(0.03, (word.end - word.start) / 2));
      await waitUntil(() => h.activeWord() === h.word(4, j), `word ${j} of line 4 active`);
      expect(h.activeWords()).to.have.length(1);
    }
  });

  it('clicking a word seeks the video to that word and fires transcript-seek with the cue id', async () => {
    const i = 2;
    const j = 3;
    const cue = el.cues[i]!;
    const word = cue.words![j]!;
    const event = await expectEvent<CustomEvent>(el, 'transcript-seek', () => h.clickWord(i, j));
    expect(video.currentTime).to.be.closeTo(word.start, 0.01);
    expect(event.detail.time).to.be.closeTo(word.start, 0.01);
    expect(event.detail.cueId).to.equal(cue.id);
    expect(word.start).to.be.greaterThan(cue.start + 0.1); // a word, not the line's start
    await waitUntil(() => h.activeWord() === h.word(i, j), 'clicked word active');
    expect(h.activeIndex()).to.equal(i);
  });

  it('a real mouse click on a word seeks to it', async () => {
    const i = 4;
    const j = 3;
    const word = el.cues[i]!.words![j]!;
    el.scrollIntoView({ block: 'center' });
    h.revealLine(i);
    await nextFrame();
    expect(h.isLineInView(i)).to.be.true;
    const event = await expectEvent<CustomEvent>(el, 'transcript-seek', () => sendMouse({ type: 'click', position: centreOf(h.word(i, j)) }));
    expect(event.detail).to.deep.equal({ time: word.start, cueId: el.cues[i]!.id });
    await waitUntil(() => Math.abs(video.currentTime - word.start) < 0.01, 'video at the word');
    await waitUntil(() => h.activeWord() === h.word(i, j), 'clicked word active');
  });

  it('clicking a word while playing keeps playing from the word', async () => {
    await video.play();
    const word = el.cues[3]!.words![4]!;
    h.clickWord(3, 4);
    await waitUntil(() => video.currentTime > word.start + 0.2, 'played on from the word', 10000);
    expect(video.paused).to.be.false;
    expect(video.currentTime).to.be.lessThan(word.start + 3);
  });

  it('the active word differs by colour and by an underline', async () => {
    const word = el.cues[1]!.words![3]!;
    await seekVideo(video, word.start + 0.02);
    await waitUntil(() => h.activeWord() === h.word(1, 3), 'word 3 of line 1 active');
    await nextFrame();
    const active = getComputedStyle(h.word(1, 3));
    const inactive = getComputedStyle(h.word(1, 2));
    expect(active.color).not.to.equal(inactive.color);
    expect(active.textDecorationLine).to.contain('underline');
    expect(inactive.textDecorationLine).not.to.contain('underline');
  });
});
