/**
 * Media binding: `for` resolved in the element's own root first, then the document; binding
 * when the id appears later; re-binding when `for` changes; `.media` wins; media-like objects
 * (no seeking/seeked); seeking before the media has metadata.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import { TranscriptHarness } from '../harness/transcript-harness.js';
import { collectEvents, expectEvent, frames, sleep, waitUntil } from './helpers.js';

const VIDEO = '/test/fixtures/media/talk.webm';
const VTT = '/test/fixtures/media/talk.vtt';

function makeVideo(id: string, src: string | null = VIDEO, preload: '' | 'none' | 'metadata' | 'auto' = 'auto'): HTMLVideoElement {
  const v = document.createElement('video');
  v.id = id;
  v.muted = true;
  v.preload = preload;
  if (src) v.src = src;
  return v;
}

async function metadata(v: HTMLVideoElement): Promise<void> {
  await waitUntil(() => v.readyState >= 1, `metadata of #${v.id}`, 10000);
}

/** A media-like object: the minimum the contract asks for, events dispatched by hand, no seeking/seeked. */
class FakeMedia extends EventTarget {
  currentTime = 0;
  duration = 15.9;
  paused = true;
  play(): Promise<void> {
    this.paused = false;
    this.dispatchEvent(new Event('play'));
    return Promise.resolve();
  }
  pause(): void {
    this.paused = true;
    this.dispatchEvent(new Event('pause'));
  }
}

/** The same as an element, so that `for="id"` can name it (like <youtube-video>). */
class FakeMediaElement extends HTMLElement {
  currentTime = 0;
  duration = 15.9;
  paused = true;
  play(): Promise<void> {
    this.paused = false;
    this.dispatchEvent(new Event('play'));
    return Promise.resolve();
  }
  pause(): void {
    this.paused = true;
    this.dispatchEvent(new Event('pause'));
  }
}
if (!customElements.get('fake-media')) customElements.define('fake-media', FakeMediaElement);

describe('media binding', () => {
  let container: HTMLElement;

  beforeEach(async () => {
    container = await fixture<HTMLElement>(html`<div></div>`);
  });

  async function transcript(attrs: { for?: string } = {}, parent: ParentNode = container): Promise<{ el: AnnotatedTranscript; h: TranscriptHarness }> {
    const el = document.createElement('annotated-transcript');
    if (attrs.for) el.setAttribute('for', attrs.for);
    el.setAttribute('src', VTT);
    el.style.height = '200px';
    parent.append(el);
    const h = new TranscriptHarness(el);
    await h.loaded();
    await waitUntil(() => h.lines().length === 6, 'lines rendered');
    return { el, h };
  }

  describe('`for` resolution', () => {
    it('resolves in its own shadow root first: the video beside it is bound, not the document one with the same id', async () => {
      const outside = makeVideo('v');
      container.append(outside);
      const host = document.createElement('div');
      container.append(host);
      const root = host.attachShadow({ mode: 'open' });
      const inside = makeVideo('v');
      root.append(inside);
      const { el, h } = await transcript({ for: 'v' }, root);
      await Promise.all([metadata(outside), metadata(inside)]);

      const cue = el.cues[3]!;
      const event = await expectEvent<CustomEvent>(el, 'transcript-seek', () => h.activateLine(3));
      expect(event.detail).to.deep.equal({ time: cue.start, cueId: cue.id });
      expect(inside.currentTime).to.be.closeTo(cue.start, 0.01);
      expect(outside.currentTime).to.equal(0);

      // And it follows the inner video's clock, not the outer one's.
      outside.currentTime = el.cues[1]!.start + 0.1;
      await sleep(150);
      expect(h.activeIndex()).to.equal(3);
      inside.currentTime = el.cues[5]!.start + 0.1;
      await waitUntil(() => h.activeIndex() === 5, 'the inner video drives the active line');
    });

    it('falls back to the document when its own shadow root has no such id', async () => {
      const video = makeVideo('doc-video');
      container.append(video);
      const host = document.createElement('div');
      container.append(host);
      const { el, h } = await transcript({ for: 'doc-video' }, host.attachShadow({ mode: 'open' }));
      await metadata(video);
      h.activateLine(2);
      await waitUntil(() => Math.abs(video.currentTime - el.cues[2]!.start) < 0.01, 'the document video was sought');
    });

    it('binds when a video with that id is appended later', async () => {
      const { el, h } = await transcript({ for: 'late' });
      await sleep(50);
      const video = makeVideo('late');
      container.append(video);
      await metadata(video);
      video.currentTime = el.cues[2]!.start + 0.1;
      await waitUntil(() => h.activeIndex() === 2, 'the late video drives the active line');
      const event = await expectEvent<CustomEvent>(el, 'transcript-seek', () => h.activateLine(4));
      expect(event.detail.cueId).to.equal(el.cues[4]!.id);
      expect(video.currentTime).to.be.closeTo(el.cues[4]!.start, 0.01);
    });

    it('binds when an existing element gets that id later', async () => {
      const video = makeVideo('not-yet');
      container.append(video);
      const { el, h } = await transcript({ for: 'renamed' });
      await metadata(video);
      video.id = 'renamed';
      await waitUntil(() => {
        h.activateLine(1);
        return Math.abs(video.currentTime - el.cues[1]!.start) < 0.01;
      }, 'bound after the id appeared');
    });

    it('binds when it appears later inside its own shadow root', async () => {
      const host = document.createElement('div');
      container.append(host);
      const root = host.attachShadow({ mode: 'open' });
      const { el, h } = await transcript({ for: 'inner-late' }, root);
      const video = makeVideo('inner-late');
      root.append(video);
      await metadata(video);
      h.activateLine(3);
      await waitUntil(() => Math.abs(video.currentTime - el.cues[3]!.start) < 0.01, 'the inner late video was sought');
    });

    it('re-binds when `for` changes', async () => {
      const a = makeVideo('media-a');
      const b = makeVideo('media-b');
      container.append(a, b);
      const { el, h } = await transcript({ for: 'media-a' });
      await Promise.all([metadata(a), metadata(b)]);
      h.activateLine(2);
      expect(a.currentTime).to.be.closeTo(el.cues[2]!.start, 0.01);

      el.setAttribute('for', 'media-b');
      await el.updateComplete;
      expect(el.htmlFor).to.equal('media-b');
      h.activateLine(4);
      expect(b.currentTime).to.be.closeTo(el.cues[4]!.start, 0.01);
      expect(a.currentTime, 'the old media is left alone').to.be.closeTo(el.cues[2]!.start, 0.01);

      // The old media no longer drives the list; the new one does.
      a.currentTime = el.cues[0]!.start + 0.1;
      await sleep(150);
      expect(h.activeIndex()).to.equal(4);
      b.currentTime = el.cues[1]!.start + 0.1;
      await waitUntil(() => h.activeIndex() === 1, 'the new media drives the active line');

      // Through the property too.
      el.htmlFor = 'media-a';
      await el.updateComplete;
      h.activateLine(5);
      expect(a.currentTime).to.be.closeTo(el.cues[5]!.start, 0.01);
    });

    it('`.media` wins over `for`; clearing `.media` falls back to `for`', async () => {
      const a = makeVideo('by-id');
      const b = makeVideo('by-property');
      container.append(a, b);
      const { el, h } = await transcript({ for: 'by-id' });
      el.media = b;
      await Promise.all([metadata(a), metadata(b)]);
      h.activateLine(3);
      expect(b.currentTime).to.be.closeTo(el.cues[3]!.start, 0.01);
      expect(a.currentTime).to.equal(0);

      el.media = null;
      await el.updateComplete;
      h.activateLine(1);
      expect(a.currentTime).to.be.closeTo(el.cues[1]!.start, 0.01);
      expect(b.currentTime).to.be.closeTo(el.cues[3]!.start, 0.01);
    });
  });

  describe('media-like objects', () => {
    it('a plain EventTarget with currentTime/duration/paused/play/pause works, without seeking/seeked', async () => {
      const { el, h } = await transcript();
      const media = new FakeMedia();
      const seen: string[] = [];
      const record = (e: Event) => seen.push(e.type);
      media.addEventListener('seeking', record);
      media.addEventListener('seeked', record);
      el.media = media;
      await el.updateComplete;
      expect(el.media).to.equal(media);

      media.currentTime = el.cues[2]!.start + 0.2;
      media.dispatchEvent(new Event('timeupdate'));
      await waitUntil(() => h.activeIndex() === 2, 'timeupdate marks the line');
      expect(h.currentLineText()).to.equal('The third line mentions a harbour and a ferry.');

      const event = await expectEvent<CustomEvent>(el, 'transcript-seek', () => h.activateLine(4));
      expect(media.currentTime).to.equal(el.cues[4]!.start);
      expect(event.detail).to.deep.equal({ time: el.cues[4]!.start, cueId: el.cues[4]!.id });
      await waitUntil(() => h.activeIndex() === 4, 'the sought line is marked');
      expect(seen, 'nothing needs seeking/seeked').to.deep.equal([]);
    });

    it('while it plays, its time is read every frame (no timeupdate needed); while paused, not', async () => {
      const { el, h } = await transcript();
      const media = new FakeMedia();
      el.media = media;
      await el.updateComplete;
      await media.play();
      media.currentTime = el.cues[1]!.start + 0.1;
      await waitUntil(() => h.activeIndex() === 1, 'read on a frame while playing');
      media.pause();
      await frames(2);
      media.currentTime = el.cues[3]!.start + 0.1;
      await frames(10);
      expect(h.activeIndex(), 'no frame loop while paused').to.equal(1);
      media.dispatchEvent(new Event('timeupdate'));
      await waitUntil(() => h.activeIndex() === 3, 'timeupdate while paused');
    });

    it('a media-like custom element named by `for` works', async () => {
      const fake = document.createElement('fake-media') as FakeMediaElement;
      fake.id = 'fake';
      container.append(fake);
      const { el, h } = await transcript({ for: 'fake' });
      fake.currentTime = el.cues[5]!.start + 0.05;
      fake.dispatchEvent(new Event('timeupdate'));
      await waitUntil(() => h.activeIndex() === 5, 'timeupdate from the element');
      h.activateLine(0);
      expect(fake.currentTime).to.equal(el.cues[0]!.start);
    });

    it('a custom media element whose module loads later (defined after the viewer looked for it) binds once defined', async () => {
      const name = `late-media-${Math.random().toString(36).slice(2, 8)}`;
      const late = document.createElement(name);
      late.id = 'late';
      container.append(late);
      const { el, h } = await transcript({ for: 'late' });
      await sleep(100);
      h.activateLine(2);
      customElements.define(name, class extends FakeMediaElement {});
      await waitUntil(() => (late as unknown as FakeMediaElement).currentTime === 0 && h.problems().length === 0, 'no problem');
      h.activateLine(3);
      await waitUntil(() => (late as unknown as FakeMediaElement).currentTime === el.cues[3]!.start, 'bound after the upgrade');
    });

    it('a media-like object without metadata yet: the seek is applied at loadedmetadata, then transcript-seek fires', async () => {
      const { el, h } = await transcript();
      const media = new FakeMedia();
      media.duration = NaN;
      el.media = media;
      await el.updateComplete;
      const seeks = collectEvents<CustomEvent>(el, 'transcript-seek');
      h.activateLine(2);
      await sleep(50);
      expect(seeks.events, 'no seek without metadata').to.have.length(0);
      media.duration = 15.9;
      media.dispatchEvent(new Event('loadedmetadata'));
      await waitUntil(() => seeks.events.length > 0, 'transcript-seek after metadata');
      await sleep(50);
      seeks.stop();
      expect(media.currentTime).to.equal(el.cues[2]!.start);
      expect(seeks.events.map((e) => e.detail)).to.deep.equal([{ time: el.cues[2]!.start, cueId: el.cues[2]!.id }]);
    });
  });

  describe('seek before metadata (real <video>)', () => {
    it('preload="none": a line clicked before loadedmetadata is the position once metadata loads', async () => {
      const video = makeVideo('lazy', VIDEO, 'none');
      container.append(video);
      const { el, h } = await transcript({ for: 'lazy' });
      await sleep(100);
      expect(video.readyState, 'no metadata yet').to.equal(0);
      const seeks = collectEvents<CustomEvent>(el, 'transcript-seek');
      const target = el.cues[3]!;
      h.activateLine(3);
      video.preload = 'auto';
      await metadata(video);
      await waitUntil(() => seeks.events.length > 0, 'transcript-seek after metadata', 8000);
      await waitUntil(() => Math.abs(video.currentTime - target.start) < 0.01, 'position is the line start');
      await sleep(100);
      seeks.stop();
      expect(seeks.events.map((e) => e.detail)).to.deep.equal([{ time: target.start, cueId: target.id }]);
      await waitUntil(() => h.activeIndex() === 3, 'the clicked line is active');
    });

    it('a video that gets its src only after the click', async () => {
      const video = makeVideo('no-src-yet', null);
      container.append(video);
      const { el, h } = await transcript({ for: 'no-src-yet' });
      const seeks = collectEvents<CustomEvent>(el, 'transcript-seek');
      h.activateLine(4);
      await sleep(50);
      video.src = VIDEO;
      await metadata(video);
      await waitUntil(() => seeks.events.length > 0, 'transcript-seek after metadata', 8000);
      await waitUntil(() => Math.abs(video.currentTime - el.cues[4]!.start) < 0.01, 'position is the line start');
      seeks.stop();
      expect(seeks.events).to.have.length(1);
      expect(seeks.events[0]!.detail.cueId).to.equal(el.cues[4]!.id);
    });
  });
});
