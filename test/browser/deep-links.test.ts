import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import { TranscriptHarness } from '../harness/transcript-harness.js';
import { collectEvents, loadVideo, sleep, waitUntil } from './helpers.js';

// Demo data (committed under data/demo, served by the test server).
const VIDEO = '/data/demo/statement.webm';
const VTT = '/data/demo/statement.en.vtt';
const ANNOTATIONS = '/data/demo/annotations.json';

/** The page URL without its fragment. */
const pageUrl = () => location.href.split('#')[0]!;

describe('deep links (#t=, #claim=) and copy-link', function () {
  this.timeout(30000);

  let video: HTMLVideoElement | null = null;
  let el: AnnotatedTranscript | null = null;
  let h: TranscriptHarness;
  const originalUrl = location.pathname + location.search;

  afterEach(() => {
    video?.pause();
    video?.remove();
    el?.remove();
    video = null;
    el = null;
    history.replaceState(null, '', originalUrl);
  });

  function createViewer(): AnnotatedTranscript {
    const viewer = document.createElement('annotated-transcript') as AnnotatedTranscript;
    viewer.setAttribute('for', 'dl-video');
    viewer.setAttribute('src', VTT);
    viewer.setAttribute('annotations', ANNOTATIONS);
    viewer.style.height = '240px';
    h = new TranscriptHarness(viewer);
    return viewer;
  }

  function createVideo(): HTMLVideoElement {
    const v = document.createElement('video');
    v.id = 'dl-video';
    v.muted = true;
    v.preload = 'auto';
    v.src = VIDEO;
    return v;
  }

  const cueStart = (id: string) => el!.cues.find((c) => c.id === id)!.start;
  const lineIndex = (id: string) => el!.cues.findIndex((c) => c.id === id);

  describe('on load', () => {
    it('#t=20: the video (created after the viewer) is at 20 s once it has metadata', async () => {
      history.replaceState(null, '', `${originalUrl}#t=20`);
      el = createViewer();
      const seeks = collectEvents<CustomEvent>(el, 'transcript-seek');
      document.body.append(el);
      video = createVideo();
      document.body.append(video);
      await waitUntil(() => video!.readyState >= 1, 'metadata', 10000);
      await waitUntil(() => Math.abs(video!.currentTime - 20) < 0.01, 'video at 20 s', 10000);
      await waitUntil(() => h.lines().length === 16, 'lines');
      // 20 s lies in cue 4 (15.249–20.084): that line is the current one.
      await waitUntil(() => h.activeIndex() === lineIndex('4'), 'line of cue 4 active');
      await sleep(300);
      seeks.stop();
      expect(video.currentTime).to.be.closeTo(20, 0.01);
      expect(seeks.events.map((e) => e.detail.time)).to.deep.equal([20]);
    });

    it('#t=20: a video that already has metadata when the viewer is created is sought to 20 s', async () => {
      history.replaceState(null, '', `${originalUrl}#t=20`);
      video = await loadVideo('dl-video', VIDEO);
      expect(video.currentTime).to.equal(0);
      el = createViewer();
      document.body.append(el);
      await waitUntil(() => Math.abs(video!.currentTime - 20) < 0.01, 'video at 20 s', 10000);
    });

    it('the deep-link seek names the cue it lands in (transcript-seek cueId)', async () => {
      history.replaceState(null, '', `${originalUrl}#t=20`);
      video = await loadVideo('dl-video', VIDEO);
      el = createViewer();
      const seeks = collectEvents<CustomEvent>(el, 'transcript-seek');
      document.body.append(el);
      await waitUntil(() => seeks.events.length > 0, 'transcript-seek', 10000);
      seeks.stop();
      // The event's contract: cueId is null only for a time outside every cue; 20 s is inside cue "4".
      expect(seeks.events[0]!.detail).to.deep.equal({ time: 20, cueId: '4' });
    });

    it('#claim=c2 opens the claim’s annotation and seeks to its first line', async () => {
      history.replaceState(null, '', `${originalUrl}#claim=c2`);
      el = createViewer();
      const claims = collectEvents<CustomEvent>(el, 'claim-activate');
      const toggles = collectEvents<CustomEvent>(el, 'annotation-toggle');
      document.body.append(el);
      video = createVideo();
      document.body.append(video);
      await waitUntil(() => h.lines().length === 16 && h.marker('a2') !== null, 'lines and markers', 10000);
      const start = cueStart('2');
      await waitUntil(() => video!.readyState >= 1 && Math.abs(video!.currentTime - start) < 0.01, `video at ${start}`, 10000);
      await waitUntil(() => h.marker('a2')!.getAttribute('aria-expanded') === 'true', 'a2 open');
      expect(h.annotationPanel('a2')).to.not.equal(null);
      await waitUntil(() => h.isLineInView(lineIndex('2')), 'its first line in view');
      await sleep(200);
      claims.stop();
      toggles.stop();
      expect(claims.events.map((e) => e.detail)).to.deep.equal([{ claimId: 'c2' }]);
      expect(toggles.events.map((e) => e.detail)).to.deep.equal([{ annotationId: 'a2', open: true }]);
    });
  });

  describe('later hash changes', () => {
    it('a hashchange to #t=40 seeks again; #claim=c7 opens that claim', async () => {
      history.replaceState(null, '', `${originalUrl}#t=20`);
      video = await loadVideo('dl-video', VIDEO);
      el = createViewer();
      document.body.append(el);
      await waitUntil(() => Math.abs(video!.currentTime - 20) < 0.01, 'video at 20 s', 10000);
      await waitUntil(() => h.marker('a7') !== null, 'markers');

      location.hash = '#t=40';
      await waitUntil(() => Math.abs(video!.currentTime - 40) < 0.01, 'video at 40 s after hashchange', 8000);

      location.hash = '#claim=c7';
      const start = cueStart('12');
      await waitUntil(() => Math.abs(video!.currentTime - start) < 0.01, `video at ${start} after #claim=c7`, 8000);
      await waitUntil(() => h.marker('a7')!.getAttribute('aria-expanded') === 'true', 'a7 open');

      // The same hash again (back to #t=40) acts again.
      location.hash = '#t=40';
      await waitUntil(() => Math.abs(video!.currentTime - 40) < 0.01, 'video at 40 s again', 8000);
    });
  });

  describe('copy link', () => {
    let copied: string[];
    let fail = false;

    beforeEach(() => {
      copied = [];
      fail = false;
      Object.defineProperty(navigator.clipboard, 'writeText', {
        configurable: true,
        writable: true,
        value: async (text: string) => {
          if (fail) throw new DOMException('Write permission denied.', 'NotAllowedError');
          copied.push(text);
        },
      });
    });

    afterEach(() => {
      delete (navigator.clipboard as unknown as Record<string, unknown>).writeText;
    });

    async function ready(): Promise<void> {
      video = await loadVideo('dl-video', VIDEO);
      el = createViewer();
      document.body.append(el);
      await waitUntil(() => h.lines().length === 16 && h.markers().length === 7, 'lines and markers', 10000);
    }

    it('"Copy link" on a line writes the page URL with #t=<line start>', async () => {
      history.replaceState(null, '', `${originalUrl}#something-else`);
      await ready();
      const i = lineIndex('5');
      h.copyLinkButton(i).click();
      await waitUntil(() => copied.length === 1, 'clipboard written');
      expect(copied[0]).to.equal(`${pageUrl()}#t=${cueStart('5')}`);
      expect(new URL(copied[0]!).hash).to.equal('#t=20.534');
      await waitUntil(() => h.statusRegionText() === 'Link copied.', 'announced');
      // Copying does not seek or change the page URL.
      expect(video!.currentTime).to.equal(0);
      expect(location.hash).to.equal('#something-else');
    });

    it('"Copy link to claim" writes the page URL with #claim=<id>', async () => {
      await ready();
      h.toggleAnnotation('a2');
      await el!.updateComplete;
      const button = h.panelButton('a2', 'Copy link to claim');
      expect(button).to.not.equal(null);
      button!.click();
      await waitUntil(() => copied.length === 1, 'clipboard written');
      expect(copied[0]).to.equal(`${pageUrl()}#claim=c2`);
    });

    it('when the clipboard refuses, the link is shown to copy by hand', async () => {
      await ready();
      fail = true;
      h.copyLinkButton(lineIndex('3')).click();
      const url = `${pageUrl()}#t=${cueStart('3')}`;
      await waitUntil(() => h.statusRegionText().includes(url), 'link announced');
      expect(copied).to.have.length(0);
    });

    it('a copied line link, opened as the page URL, seeks there', async () => {
      await ready();
      h.copyLinkButton(lineIndex('9')).click();
      await waitUntil(() => copied.length === 1, 'clipboard written');
      video!.remove();
      el!.remove();
      history.replaceState(null, '', new URL(copied[0]!).href);
      video = await loadVideo('dl-video', VIDEO);
      el = createViewer();
      document.body.append(el);
      const start = el.cues.length ? cueStart('9') : 39.077;
      await waitUntil(() => Math.abs(video!.currentTime - start) < 0.01, `video at ${start}`, 10000);
      await waitUntil(() => h.activeIndex() === lineIndex('9'), 'line 9 current');
    });

    it('copy buttons fire no seek and open nothing', async () => {
      await ready();
      const seeks = collectEvents(el!, 'transcript-seek');
      h.copyLinkButton(lineIndex('6')).click();
      await waitUntil(() => copied.length === 1, 'clipboard written');
      await sleep(100);
      seeks.stop();
      expect(seeks.events).to.have.length(0);
      expect(h.openPanels()).to.have.length(0);
    });
  });

  it('#claim=c5 on load fires claim-activate once', async () => {
    history.replaceState(null, '', `${originalUrl}#claim=c5`);
    video = await loadVideo('dl-video', VIDEO);
    el = createViewer();
    const claims = collectEvents<CustomEvent>(el, 'claim-activate');
    document.body.append(el);
    await waitUntil(() => claims.events.length > 0, 'claim-activate', 10000);
    await waitUntil(() => Math.abs(video!.currentTime - cueStart('6')) < 0.01, 'video at cue 6');
    await sleep(300);
    claims.stop();
    expect(claims.events.map((e) => e.detail)).to.deep.equal([{ claimId: 'c5' }]);
  });
});
