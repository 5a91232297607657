import { expect } from '@open-wc/testing';
import 'media-chrome';
import '../../src/index.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import type { TranscriptHarness } from '../harness/transcript-harness.js';
import { viewerFor } from '../harness/media-viewer.js';
import { seekVideo, sleep, waitUntil } from './helpers.js';

const WEBM = '/test/fixtures/media/talk.webm';

function video(id?: string): HTMLVideoElement {
  const v = document.createElement('video');
  if (id) v.id = id;
  v.slot = 'media';
  v.muted = true;
  v.preload = 'auto';
  v.src = WEBM;
  return v;
}

async function metadata(v: HTMLVideoElement): Promise<void> {
  await waitUntil(() => v.readyState >= 1, 'metadata', 8000);
}

async function viewer(forId: string | null, parent: Element = document.body): Promise<{ el: AnnotatedTranscript; h: TranscriptHarness }> {
  return viewerFor(forId, { parent });
}

/** A key pressed on an element inside the viewer (down and up: media-chrome acts on keyup). */
function press(target: Element, key: string): void {
  for (const type of ['keydown', 'keyup']) target.dispatchEvent(new KeyboardEvent(type, { key, bubbles: true, composed: true, cancelable: true }));
}

describe('media-chrome: beside and inside a <media-controller>', function () {
  this.timeout(30000);
  let controller: HTMLElement;
  const extra: Element[] = [];

  beforeEach(async () => {
    await customElements.whenDefined('media-controller');
    controller = document.createElement('media-controller');
    controller.id = 'mc';
    controller.append(video('mc-video'));
    const bar = document.createElement('media-control-bar');
    bar.append(document.createElement('media-play-button'), document.createElement('media-time-display'));
    controller.append(bar);
    document.body.append(controller);
    await metadata(controller.querySelector('video')!);
  });

  afterEach(() => {
    controller.querySelectorAll('video').forEach((v) => v.pause());
    controller.remove();
    for (const e of extra.splice(0)) e.remove();
  });

  it('`for` naming the controller binds its media slot: a line click seeks the video, and the controller sees it', async () => {
    const { el, h } = await viewer('mc');
    extra.push(el);
    const v = controller.querySelector('video')!;
    h.activateLine(3);
    await waitUntil(() => Math.abs(v.currentTime - 8.024) < 0.01, 'the video sought');
    // media-chrome's state follows the media (its controller listens to the same element).
    await waitUntil(() => Math.abs(Number(controller.getAttribute('mediacurrenttime')) - 8.024) < 0.05, 'media-chrome saw the seek');
    await seekVideo(v, 11);
    await waitUntil(() => h.activeIndex() === 4, 'the viewer follows the video');
  });

  it('`for` naming the media element inside the controller works the same', async () => {
    const { el, h } = await viewer('mc-video');
    extra.push(el);
    h.activateLine(2);
    await waitUntil(() => Math.abs(controller.querySelector('video')!.currentTime - 5.232) < 0.01, 'sought');
  });

  it('the media slot replaced: the viewer follows the new media, and leaves the old one', async () => {
    const { el, h } = await viewer('mc');
    extra.push(el);
    const old = controller.querySelector('video')!;
    const next = video();
    old.replaceWith(next);
    await metadata(next);
    h.activateLine(4);
    await waitUntil(() => Math.abs(next.currentTime - 10.643) < 0.01, 'the new video sought');
    expect(old.currentTime).to.equal(0);
  });

  it('inside the controller without `for`: uses its media; its keys do not also fire the controller hotkeys', async () => {
    const { el, h } = await viewer(null, controller);
    expect(el.getAttribute('keysused')).to.contain('ArrowRight');
    const v = controller.querySelector('video')!;
    h.activateLine(1);
    await waitUntil(() => Math.abs(v.currentTime - 2.567) < 0.01, 'bound to the controller media');
    await sleep(100);
    // Arrow keys move through the lines (media-chrome would seek ±10 s); "k" typed in the search field does not play.
    h.line(1).focus();
    press(h.line(1), 'ArrowDown');
    expect(h.focusedIndex(), 'ArrowDown moved to the next line').to.equal(2);
    press(h.line(2), 'ArrowRight');
    const search = h.root.querySelector<HTMLInputElement>('input[type="search"]')!;
    search.focus();
    press(search, 'k');
    await sleep(300);
    expect(v.currentTime).to.be.closeTo(2.567, 0.01);
    expect(v.paused).to.be.true;
  });

  it('(the trap it avoids) an element without keysused inside the controller: ArrowRight seeks the media', async () => {
    const other = document.createElement('button');
    controller.append(other);
    const v = controller.querySelector('video')!;
    await seekVideo(v, 2);
    other.focus();
    press(other, 'ArrowRight');
    await waitUntil(() => v.currentTime > 5, 'media-chrome sought forward');
  });
});
