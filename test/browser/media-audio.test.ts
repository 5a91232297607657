import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import type { TranscriptHarness } from '../harness/transcript-harness.js';
import { viewerFor } from '../harness/media-viewer.js';
import { collectEvents, waitUntil } from './helpers.js';

// A podcast-style <audio> (talk-audio.opus: the talk fixture's sound track, made with ffmpeg) works like a <video>.
describe('a real <audio> (podcast)', function () {
  this.timeout(30000);
  let audio: HTMLAudioElement;
  let el: AnnotatedTranscript;
  let h: TranscriptHarness;

  beforeEach(async () => {
    audio = document.createElement('audio');
    audio.id = 'podcast';
    audio.controls = true;
    audio.preload = 'auto';
    audio.src = '/test/fixtures/media/talk-audio.opus';
    document.body.append(audio);
    await waitUntil(() => audio.readyState >= 1, 'metadata', 8000);
    ({ el, h } = await viewerFor('podcast'));
  });

  afterEach(() => {
    audio.pause();
    audio.remove();
    el.remove();
  });

  it('a line click seeks the audio; playing, the spoken line and word are marked', async () => {
    const seeks = collectEvents<CustomEvent>(el, 'transcript-seek');
    h.activateLine(2);
    await waitUntil(() => Math.abs(audio.currentTime - 5.232) < 0.01, 'sought');
    expect(seeks.events.map((e) => e.detail)).to.deep.equal([{ time: 5.232, cueId: '3' }]);
    audio.muted = true;
    await audio.play();
    await waitUntil(() => audio.currentTime > 6, 'playing', 8000);
    const t = audio.currentTime;
    expect(h.activeIndex()).to.equal(2);
    expect(h.activeWord()).to.not.equal(null);
    const word = el.cues[2]!.words!.findIndex((w) => w.start <= t + 0.05 && t < w.end + 0.3);
    expect(word).to.be.at.least(0);
    seeks.stop();
  });

  it('with an offset too (the audio has a 1.5 s intro the transcript does not count)', async () => {
    el.offset = 1.5;
    await el.updateComplete;
    h.activateLine(1);
    await waitUntil(() => Math.abs(audio.currentTime - 4.067) < 0.01, 'sought to 2.567 + 1.5');
    await waitUntil(() => h.activeIndex() === 1, 'active');
  });

  it('is accessible beside its audio', async () => {
    await expect(el).to.be.accessible();
  });
});
