import { expect } from '@open-wc/testing';
import 'hls-video-element';
import '../../src/index.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import type { TranscriptHarness } from '../harness/transcript-harness.js';
import { viewerFor } from '../harness/media-viewer.js';
import { collectEvents, waitUntil } from './helpers.js';

// The real <hls-video> (hls-video-element, hls.js in Chromium) with a local HLS stream:
// test/fixtures/media/hls (fMP4 segments of talk.mp4, made with ffmpeg). No network.
type HlsVideo = HTMLElement & { currentTime: number; duration: number; readyState: number; muted: boolean; play(): Promise<void>; pause(): void };

describe('the real <hls-video> (hls-video-element)', function () {
  this.timeout(30000);
  let video: HlsVideo;
  let el: AnnotatedTranscript;
  let h: TranscriptHarness;

  beforeEach(async () => {
    video = document.createElement('hls-video') as HlsVideo;
    video.id = 'hls';
    video.setAttribute('muted', '');
    video.setAttribute('preload', 'auto');
    video.setAttribute('src', '/test/fixtures/media/hls/talk.m3u8');
    document.body.append(video);
    ({ el, h } = await viewerFor('hls'));
    await waitUntil(() => video.readyState >= 1, 'the stream loaded', 10000);
  });

  afterEach(() => {
    video.pause();
    video.remove();
    el.remove();
  });

  it('a line click seeks the stream; playing, the line being spoken is marked', async () => {
    const seeks = collectEvents<CustomEvent>(el, 'transcript-seek');
    h.activateLine(3);
    await waitUntil(() => Math.abs(video.currentTime - 8.024) < 0.05, 'sought', 8000);
    expect(seeks.events.map((e) => e.detail)).to.deep.equal([{ time: 8.024, cueId: '4' }]);
    await video.play();
    await waitUntil(() => video.currentTime > 8.5, 'playing', 8000);
    await waitUntil(() => h.activeIndex() === 3, 'the line is active');
    seeks.stop();
  });
});
