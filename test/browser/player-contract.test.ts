import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import { MediaTimeController } from '../../src/controllers/media-time.js';
import type { Transcript } from '../../src/model/types.js';
import type { IframeLikeMedia } from '../harness/iframe-media.js';
import '../harness/iframe-media.js';
import type { TranscriptHarness } from '../harness/transcript-harness.js';
import { viewerFor } from '../harness/media-viewer.js';
import { collectEvents, sleep, waitUntil } from './helpers.js';

// A transcript of words "w0", "w1", … each WORD seconds long, PER_LINE words a line.
const WORD = 0.2;
const PER_LINE = 5;
const LINES = 30;
const TRANSCRIPT: Transcript = {
  version: 1,
  lang: 'en',
  cues: Array.from({ length: LINES }, (_, l) => {
    const words = Array.from({ length: PER_LINE }, (_, w) => {
      const k = l * PER_LINE + w;
      return { start: k * WORD, end: (k + 1) * WORD, text: `w${k}` };
    });
    return { id: String(l + 1), start: words[0]!.start, end: words[PER_LINE - 1]!.end, text: words.map((w) => w.text).join(' '), words };
  }),
};
const wordAt = (t: number) => Math.floor(t / WORD + 1e-9);

let counter = 0;

/** A double (not yet connected) with a fresh id. */
function makeMedia(setup: Partial<IframeLikeMedia> = {}): IframeLikeMedia {
  const media = document.createElement('iframe-like-media');
  media.id = `ilm-${++counter}`;
  Object.assign(media, setup);
  return media;
}

function viewerOf(media: IframeLikeMedia | string, offset = 0): Promise<{ el: AnnotatedTranscript; h: TranscriptHarness }> {
  return viewerFor(typeof media === 'string' ? media : media.id, { transcript: TRANSCRIPT, ...(offset ? { offset } : {}) });
}

/** The index of the active word ("wK" → K), -1 when none. */
function activeWord(h: TranscriptHarness): number {
  const text = h.activeWord()?.textContent?.trim() ?? '';
  return /^w\d+$/.test(text) ? Number(text.slice(1)) : -1;
}

/** Samples every frame for `ms`: the active word and the word the media is really at. */
async function sampleFrames(h: TranscriptHarness, media: IframeLikeMedia, ms: number, offset = 0): Promise<{ shown: number; real: number; reported: number }[]> {
  const out: { shown: number; real: number; reported: number }[] = [];
  const end = performance.now() + ms;
  await new Promise<void>((resolve) => {
    const step = () => {
      out.push({ shown: activeWord(h), real: wordAt(media.trueTime() - offset), reported: wordAt(media.currentTime - offset) });
      if (performance.now() < end) requestAnimationFrame(step);
      else resolve();
    };
    requestAnimationFrame(step);
  });
  return out;
}

/** Counts requestAnimationFrame calls while `fn` runs. */
async function countFrames(fn: () => Promise<void>): Promise<number> {
  const real = window.requestAnimationFrame;
  let calls = 0;
  window.requestAnimationFrame = (cb) => {
    calls++;
    return real.call(window, cb);
  };
  try {
    await fn();
  } finally {
    window.requestAnimationFrame = real;
  }
  return calls;
}

describe('players that report time coarsely and late (a test double of the iframe players)', function () {
  this.timeout(30000);
  const cleanup: Element[] = [];
  const keep = <T extends Element>(e: T): T => (cleanup.push(e), e);
  const timeout = MediaTimeController.loadTimeoutMs;

  afterEach(() => {
    for (const e of cleanup.splice(0)) e.remove();
    MediaTimeController.loadTimeoutMs = timeout;
  });

  async function playing(setup: Partial<IframeLikeMedia> = {}, offset = 0) {
    const media = keep(makeMedia(setup));
    document.body.append(media);
    const { el, h } = await viewerOf(media, offset);
    keep(el);
    await waitUntil(() => media.readyState >= 1, 'metadata');
    await media.play();
    return { media, el, h };
  }

  it('while playing, the word highlight is smooth (interpolated) and never ahead of the real time by more than one word', async () => {
    const { media, h } = await playing();
    const frames = await sampleFrames(h, media, 2500);
    const live = frames.filter((f) => f.shown >= 0);
    expect(live.length, 'frames with an active word').to.be.greaterThan(20);
    const ahead = live.filter((f) => f.shown > f.real + 1);
    expect(ahead, 'frames more than one word ahead').to.deep.equal([]);
    // Smooth: on most frames the word shown is the one being spoken, although the player
    // reports its time only every 250 ms (on many frames its report is a word or more behind).
    const exact = live.filter((f) => f.shown === f.real).length / live.length;
    const reportBehind = live.filter((f) => f.reported < f.real).length / live.length;
    expect(reportBehind, 'the double is coarse').to.be.greaterThan(0.3);
    expect(exact, `share of frames showing the word being spoken (the report alone: ${(1 - reportBehind).toFixed(2)})`).to.be.greaterThan(0.85);
    expect(live.filter((f) => f.shown > f.reported).length, 'frames ahead of the last report (interpolated)').to.be.greaterThan(0);
  });

  it('a rate change keeps the sync exact (2× and 0.5×)', async () => {
    const { media, h } = await playing();
    for (const rate of [2, 0.5]) {
      media.playbackRate = rate;
      await waitUntil(() => media.playbackRate === rate, 'rate applied');
      await sleep(300);
      const live = (await sampleFrames(h, media, 1500)).filter((f) => f.shown >= 0);
      expect(live.filter((f) => f.shown > f.real + 1), `ahead at ${rate}×`).to.deep.equal([]);
      expect(live.filter((f) => Math.abs(f.shown - f.real) <= 1).length / live.length, `within one word at ${rate}×`).to.be.greaterThan(0.95);
    }
  });

  it('never runs ahead across a pause: once paused it shows where the media stopped, and its frame loop ends', async () => {
    const { media, h } = await playing();
    await sleep(700);
    media.pause();
    const frames = await sampleFrames(h, media, 600);
    expect(frames.filter((f) => f.shown > f.real + 1)).to.deep.equal([]);
    expect(media.paused).to.be.true;
    expect(activeWord(h)).to.equal(wordAt(media.trueTime()));
    const calls = await countFrames(() => sleep(300));
    expect(calls, 'no frame loop while paused').to.equal(0);
  });

  it('a stall the player does not announce is not run ahead of for long', async () => {
    const { media, h } = await playing();
    await sleep(600);
    // Frozen: the clock stops, but it still "plays" (no pause event, reports repeat the same time).
    const frozen = media.trueTime();
    (media as unknown as { rate: number }).rate = 0;
    (media as unknown as { rebase(t: number): void }).rebase(frozen);
    await sleep(800);
    const shown = activeWord(h);
    // At most twice the report interval (250 ms → 0.5 s: 2.5 words) past the last report.
    expect(shown).to.be.at.most(wordAt(frozen + 0.5) + 1);
  });

  it("a line clicked while playing: the highlight goes there at once and never back to the old place, although the player's seeked comes late", async () => {
    // The player takes 400 ms to act on a seek (reporting the old place meanwhile), and 300 ms more for seeked.
    const { media, el, h } = await playing({ latencyMs: 400 });
    await sleep(500);
    const seek = collectEvents<CustomEvent>(el, 'transcript-seek');
    h.activateLine(20); // w100, 20 s
    const frames = await sampleFrames(h, media, 1200);
    expect(seek.events.map((e) => e.detail)).to.deep.equal([{ time: 20, cueId: '21' }]);
    expect(frames.every((f) => f.shown >= 100), 'never the old place').to.be.true;
    expect(media.seeks).to.deep.equal([20]);
    expect(frames.filter((f) => f.shown > f.real + 1 && f.real >= 100)).to.deep.equal([]);
    seek.stop();
  });

  it('a seek asked for before the metadata is queued and applied once it arrives (then transcript-seek fires)', async () => {
    const media = keep(makeMedia({ metadataAfterMs: 600 }));
    document.body.append(media);
    const { el, h } = await viewerOf(media);
    keep(el);
    const seek = collectEvents<CustomEvent>(el, 'transcript-seek');
    h.activateLine(4);
    h.activateLine(6); // the last one asked for wins
    await sleep(200);
    expect(media.readyState).to.equal(0);
    expect(seek.events).to.have.length(0);
    await waitUntil(() => media.seeks.length > 0, 'applied after the metadata', 3000);
    expect(media.seeks).to.deep.equal([6]);
    expect(seek.events.map((e) => e.detail)).to.deep.equal([{ time: 6, cueId: '7' }]);
    await waitUntil(() => h.activeIndex() === 6, 'the line is active');
    seek.stop();
  });

  it('a live stream (duration Infinity) plays, highlights and seeks', async () => {
    const { media, el, h } = await playing({ live: true });
    expect(media.duration).to.equal(Infinity);
    await sleep(600);
    expect(activeWord(h)).to.be.within(wordAt(media.trueTime()) - 1, wordAt(media.trueTime()) + 1);
    h.activateLine(10);
    await waitUntil(() => media.seeks.includes(10), 'sought');
    await waitUntil(() => h.activeIndex() >= 10, 'followed');
    expect(el.problems.filter((p) => p.kind === 'media')).to.deep.equal([]);
  });

  it('ended: the frame loop stops at the end', async () => {
    const { media, h } = await playing({ length: 1.5 });
    await waitUntil(() => media.paused && media.trueTime() >= 1.5, 'ended', 4000);
    await sleep(100);
    expect(activeWord(h)).to.be.at.most(wordAt(1.5));
    expect(await countFrames(() => sleep(300))).to.equal(0);
  });

  it('emptied / a new source: the highlight goes back with the media at once, no run-ahead from the old place', async () => {
    const { media, h } = await playing();
    await sleep(1200);
    expect(activeWord(h)).to.be.greaterThan(3);
    media.reload();
    await waitUntil(() => activeWord(h) === 0, 'back at the start');
    await sleep(400);
    expect(activeWord(h)).to.equal(0);
    expect(await countFrames(() => sleep(200))).to.equal(0);
  });

  it('error: the transcript stays readable with a clear message, and seeking is off', async () => {
    const { media, el, h } = await playing();
    const errors = collectEvents<CustomEvent>(el, 'transcript-error');
    media.fail();
    await waitUntil(() => h.problems().length > 0, 'a message');
    expect(h.problems().join(' ')).to.contain('could not be played; the transcript is still readable');
    expect(errors.events.map((e) => e.detail.kind)).to.deep.equal(['media']);
    expect(h.lines()).to.have.length(LINES);
    const seek = collectEvents(el, 'transcript-seek');
    h.activateLine(12);
    await sleep(500);
    expect(seek.events).to.have.length(0);
    expect(media.seeks).to.deep.equal([]);
    expect(await countFrames(() => sleep(200))).to.equal(0);
    // A new source: the failure is over, seeking works again.
    media.reload();
    await waitUntil(() => media.readyState >= 1 && h.problems().length === 0, 'recovered');
    h.activateLine(12);
    await waitUntil(() => media.seeks.includes(12), 'seeks again');
    errors.stop();
    seek.stop();
  });

  it('an offline player (no error, play() never settles): after the load timeout a message, the transcript readable', async () => {
    MediaTimeController.loadTimeoutMs = 400;
    const media = keep(makeMedia({ offline: true }));
    document.body.append(media);
    const { el, h } = await viewerOf(media);
    keep(el);
    void media.play();
    h.activateLine(3);
    await waitUntil(() => h.problems().length > 0, 'a message after the timeout', 3000);
    expect(h.problems().join(' ')).to.contain('The player did not load');
    expect(el.problems.map((p) => p.code)).to.include('media-timeout');
    expect(h.lines()).to.have.length(LINES);
    expect(media.seeks).to.deep.equal([]);
  });

  it('a player with preload="none" is not reported for having no metadata before it plays', async () => {
    MediaTimeController.loadTimeoutMs = 300;
    const media = keep(makeMedia({ offline: true }));
    media.setAttribute('preload', 'none');
    document.body.append(media);
    const { el } = await viewerOf(media);
    keep(el);
    await sleep(700);
    expect(el.problems.filter((p) => p.kind === 'media')).to.deep.equal([]);
  });

  it('the media removed unbinds (no loop, its events do nothing); one with the same id added later binds', async () => {
    const { media, el, h } = await playing();
    await sleep(400);
    media.remove();
    await sleep(100);
    const calls = await countFrames(() => sleep(300));
    expect(calls, 'no frame loop for a removed media').to.equal(0);
    const before = h.activeIndex();
    media.currentTime = 25;
    media.dispatchEvent(new Event('timeupdate'));
    await sleep(100);
    expect(h.activeIndex()).to.equal(before);
    const next = keep(makeMedia());
    next.id = media.id;
    document.body.append(next);
    await waitUntil(() => next.readyState >= 1, 'metadata');
    h.activateLine(8);
    await waitUntil(() => next.seeks.includes(8), 'the new one is sought');
    expect(el.problems.filter((p) => p.kind === 'media')).to.deep.equal([]);
  });

  it('an id that appears later binds', async () => {
    const media = makeMedia();
    const { el, h } = await viewerOf(media.id);
    keep(el);
    await sleep(200);
    document.body.append(keep(media));
    await waitUntil(() => media.readyState >= 1, 'metadata');
    h.activateLine(5);
    await waitUntil(() => media.seeks.includes(5), 'bound and sought');
  });

  it('several viewers on one media, and several media on one page, each in sync', async () => {
    const a = keep(makeMedia());
    const b = keep(makeMedia());
    document.body.append(a, b);
    const v1 = await viewerOf(a);
    const v2 = await viewerOf(a, 1); // the same media, the transcript shifted by 1 s
    const v3 = await viewerOf(b);
    [v1, v2, v3].forEach((v) => keep(v.el));
    await waitUntil(() => a.readyState >= 1 && b.readyState >= 1, 'metadata');
    await a.play();
    b.currentTime = 10;
    await waitUntil(() => b.seeks.length === 1, 'b sought');
    await b.play();
    await sleep(1200);
    // All three at once, frame by frame (under load there may be few frames: at least three each).
    const [f1, f2, f3] = await Promise.all([sampleFrames(v1.h, a, 1200), sampleFrames(v2.h, a, 1200, 1), sampleFrames(v3.h, b, 1200)]);
    for (const frames of [f1!, f2!, f3!]) {
      const live = frames.filter((f) => f.shown >= 0);
      expect(live.length).to.be.at.least(3);
      expect(live.filter((f) => Math.abs(f.shown - f.real) > 1)).to.deep.equal([]);
    }
    expect(f3![0]!.shown).to.be.greaterThan(49); // b is past 10 s
  });

  it('ten paused viewers cost nothing: no frame loop until one plays, then only while it plays', async () => {
    const medias = Array.from({ length: 10 }, () => keep(makeMedia()));
    document.body.append(...medias);
    for (const m of medias) keep((await viewerOf(m)).el);
    await waitUntil(() => medias.every((m) => m.readyState >= 1), 'metadata');
    await sleep(100);
    expect(await countFrames(() => sleep(400)), 'paused').to.equal(0);
    await medias[3]!.play();
    const playingCalls = await countFrames(() => sleep(400));
    expect(playingCalls, 'one loop: about one call a frame').to.be.within(5, 40);
    medias[3]!.pause();
    await sleep(150);
    expect(await countFrames(() => sleep(300)), 'paused again').to.equal(0);
  });
});
