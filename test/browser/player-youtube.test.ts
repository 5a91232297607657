import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import type { Transcript } from '../../src/model/types.js';
import { fakeYT, installFakeYT, type FakeYTPlayer } from '../harness/fake-yt.js';
import type { TranscriptHarness } from '../harness/transcript-harness.js';
import { viewerFor } from '../harness/media-viewer.js';
import { collectEvents, sleep, waitUntil } from './helpers.js';

// The real <youtube-video>, driven by a fake window.YT installed before it loads: nothing leaves the machine.
const WORD = 0.25;
const TRANSCRIPT: Transcript = {
  version: 1,
  lang: 'en',
  cues: Array.from({ length: 20 }, (_, l) => {
    const words = Array.from({ length: 4 }, (_, w) => ({ start: (l * 4 + w) * WORD, end: (l * 4 + w + 1) * WORD, text: `w${l * 4 + w}` }));
    return { id: String(l + 1), start: words[0]!.start, end: words[3]!.end, text: words.map((w) => w.text).join(' '), words };
  }),
};

type YouTubeVideo = HTMLElement & { currentTime: number; paused: boolean; readyState: number; play(): Promise<void>; pause(): Promise<void>; api: unknown };

describe('the real <youtube-video> (youtube-video-element) with a fake window.YT', function () {
  this.timeout(30000);
  let yt: YouTubeVideo;
  let el: AnnotatedTranscript;
  let h: TranscriptHarness;
  let player: FakeYTPlayer;

  before(async () => {
    installFakeYT();
    await import('youtube-video-element');
  });

  beforeEach(async () => {
    yt = document.createElement('youtube-video') as YouTubeVideo;
    yt.id = 'yt';
    yt.setAttribute('src', 'https://www.youtube.com/watch?v=aaaaaaaaaaa');
    yt.setAttribute('muted', '');
    document.body.append(yt);
    ({ el, h } = await viewerFor('yt', { transcript: TRANSCRIPT }));
    await waitUntil(() => yt.readyState >= 1, 'the element loaded through the fake API');
    player = fakeYT.players[fakeYT.players.length - 1]!;
  });

  afterEach(() => {
    el.remove();
    yt.remove();
  });

  const activeWord = () => Number(h.activeWord()?.textContent?.trim().slice(1) ?? -1);
  const wordAt = (t: number) => Math.floor(t / WORD + 1e-9);

  it('a line click seeks through the player API (seekTo), and transcript-seek fires', async () => {
    const seeks = collectEvents<CustomEvent>(el, 'transcript-seek');
    h.activateLine(8); // 8 s
    await waitUntil(() => player.seeks.includes(8), 'seekTo(8)');
    expect(seeks.events.map((e) => e.detail)).to.deep.equal([{ time: 8, cueId: '9' }]);
    await waitUntil(() => h.activeIndex() === 8, 'the line is active');
    seeks.stop();
  });

  it('while it plays, the highlight follows the real time smoothly and never more than one word ahead', async () => {
    await yt.play();
    const frames: { shown: number; real: number }[] = [];
    const end = performance.now() + 2000;
    await new Promise<void>((resolve) => {
      const step = () => {
        frames.push({ shown: activeWord(), real: wordAt(player.trueTime()) });
        if (performance.now() < end) requestAnimationFrame(step);
        else resolve();
      };
      requestAnimationFrame(step);
    });
    const live = frames.filter((f) => f.shown >= 0);
    expect(live.length).to.be.greaterThan(15);
    expect(live.filter((f) => f.shown > f.real + 1)).to.deep.equal([]);
    expect(live.filter((f) => f.shown === f.real).length / live.length).to.be.greaterThan(0.8);
  });

  it('pause: the highlight stops where the player stopped', async () => {
    await yt.play();
    await sleep(800);
    await yt.pause();
    await waitUntil(() => yt.paused, 'paused');
    await sleep(300);
    expect(activeWord()).to.equal(wordAt(player.trueTime()));
  });

  it('a seek while playing lands on the line clicked, through the element’s synthesised seeking/seeked', async () => {
    await yt.play();
    await sleep(400);
    h.activateLine(12);
    await waitUntil(() => player.seeks.includes(12), 'seekTo(12)');
    await sleep(600);
    expect(h.activeIndex()).to.equal(Math.floor(player.trueTime() / (4 * WORD)));
    expect(h.activeIndex()).to.be.at.least(12);
  });
});
