import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import { TranscriptHarness } from '../harness/transcript-harness.js';
import { collectEvents, expectEvent, loadVideo, seekVideo, waitUntil } from './helpers.js';

// talk.vtt (file times): 1 0.5–2.167 · 2 2.567–4.832 · 3 5.232–7.624 · 4 8.024–10.243 · 5 10.643–13.183 · 6 13.583–15.185
const VTT = '/test/fixtures/media/talk.vtt';
const FILE_STARTS = [0.5, 2.567, 5.232, 8.024, 10.643, 13.583];

describe('offset: the transcript shifted against the media (a line at t in the file is spoken at t + offset)', function () {
  this.timeout(30000);
  let video: HTMLVideoElement;
  let el: AnnotatedTranscript;
  let h: TranscriptHarness;
  const originalUrl = location.pathname + location.search;

  async function mount(offset: number | null, extra: Partial<AnnotatedTranscript> = {}, before?: (el: AnnotatedTranscript) => void): Promise<void> {
    el = document.createElement('annotated-transcript');
    before?.(el);
    el.setAttribute('for', 'talk');
    if (offset !== null) el.setAttribute('offset', String(offset));
    Object.assign(el, extra);
    el.setAttribute('src', VTT);
    el.style.height = '220px';
    document.body.append(el);
    h = new TranscriptHarness(el);
    await h.loaded();
    await waitUntil(() => h.lines().length === 6, 'lines rendered');
  }

  beforeEach(async () => {
    localStorage.clear();
    video = await loadVideo('talk');
  });

  afterEach(() => {
    video.pause();
    video.remove();
    el?.remove();
    history.replaceState(null, '', originalUrl);
    localStorage.clear();
  });

  for (const offset of [2, -0.5]) {
    describe(`offset ${offset}`, () => {
      it('the cues and the shown timestamps are in media time', async () => {
        await mount(offset);
        expect(el.offset).to.equal(offset);
        el.cues.forEach((c, i) => expect(c.start).to.be.closeTo(FILE_STARTS[i]! + offset, 1e-9));
        const ts = h.timestamps();
        expect(ts[3]).to.equal(offset > 0 ? '0:10' : '0:07'); // 8.024 + offset
        // Words move with their line.
        expect(el.cues[0]!.words![1]!.start).to.be.closeTo(0.94 + offset, 1e-9);
      });

      it('sync: the line active at a media time is the one spoken then (file time = media time − offset)', async () => {
        await mount(offset);
        // 2.1 s: without an offset, line 1 (0.5–2.167); +2: line 1 (2.5–4.167); −0.5: line 2 (2.067–4.332).
        await seekVideo(video, 2.1);
        await waitUntil(() => h.activeIndex() === (offset > 0 ? -1 : 1), `active line at 2.1 s (offset ${offset})`);
        await seekVideo(video, 3);
        // 3 s media = 1 s file (+2: line 1) or 3.5 s file (−0.5: line 2).
        await waitUntil(() => h.activeIndex() === (offset > 0 ? 0 : 1), 'active line at 3 s');
        await seekVideo(video, 12.5);
        // 12.5 media = 10.5 file (+2: line 4, 8.024–10.243 ends before: gap) / 13.0 file (−0.5: line 5).
        await waitUntil(() => h.activeIndex() === (offset > 0 ? -1 : 4), 'active line at 12.5 s');
      });

      it('a line click seeks to its start in media time; transcript-seek carries media time', async () => {
        await mount(offset);
        const event = await expectEvent<CustomEvent>(el, 'transcript-seek', () => h.activateLine(3));
        expect(video.currentTime).to.be.closeTo(8.024 + offset, 0.01);
        expect(event.detail.time).to.be.closeTo(8.024 + offset, 1e-9);
        expect(event.detail.cueId).to.equal('4');
        await waitUntil(() => h.activeIndex() === 3, 'the clicked line is active');
      });

      it('a word click seeks to the word in media time, and that word is the active one', async () => {
        await mount(offset);
        h.clickWord(2, 3); // "mentions", 5.918 in the file
        await waitUntil(() => Math.abs(video.currentTime - (5.918 + offset)) < 0.01, 'sought to the word');
        await waitUntil(() => h.activeWord()?.textContent?.trim() === 'mentions', 'the word is active');
      });

      it('#t= is media time: the viewer seeks there and names the line spoken there', async () => {
        history.replaceState(null, '', `${originalUrl}#t=5`);
        const seeks: CustomEvent[] = [];
        await mount(offset, {}, (viewer) => viewer.addEventListener('transcript-seek', (e) => seeks.push(e as CustomEvent)));
        await waitUntil(() => seeks.length > 0, 'the deep link sought');
        expect(video.currentTime).to.be.closeTo(5, 0.01);
        // 5 s media: +2 → 3 s file (line "2"); −0.5 → 5.5 s file (line "3"). Without an offset: a gap.
        expect(seeks[0]!.detail).to.deep.equal({ time: 5, cueId: offset > 0 ? '2' : '3' });
      });

      it('an annotation given by `time` is in media time: it attaches to the lines spoken in that range', async () => {
        // Media 3.0–3.4: +2 → file 1.0–1.4 (line "1"); −0.5 → file 3.5–3.9 (line "2").
        // Media 5.0–5.2: +2 → file 3.0–3.2 (line "2"); −0.5 → file 5.5–5.7 (line "3"); with no offset, nothing (a gap).
        await mount(offset, {
          annotations: {
            version: 1,
            claims: [],
            annotations: [
              { id: 'a', time: { start: 3, end: 3.4 }, relation: 'context', body: 'early' },
              { id: 'b', time: { start: 5, end: 5.2 }, relation: 'context', body: 'in the gap without an offset' },
            ],
          },
        });
        await waitUntil(() => h.markers().length === 2, 'two markers');
        expect(h.markersOn(offset > 0 ? 0 : 1).map((m) => m.dataset.annotation)).to.deep.equal(['a']);
        expect(h.markersOn(offset > 0 ? 1 : 2).map((m) => m.dataset.annotation)).to.deep.equal(['b']);
        expect(el.problems.filter((p) => p.kind === 'annotation')).to.deep.equal([]);
        // The evidence map's marks are in media time too (the linked lines' times).
        const mark = el.evidence.find((m) => m.annotationId === 'a')!;
        expect(mark.start).to.be.closeTo(FILE_STARTS[offset > 0 ? 0 : 1]! + offset, 1e-9);
      });
    });
  }

  it('without an offset, the same time range falls in a gap (the annotation is reported, not attached)', async () => {
    await mount(null, { annotations: { version: 1, claims: [], annotations: [{ id: 'b', time: { start: 5, end: 5.2 }, relation: 'context', body: 'x' }] } });
    await waitUntil(() => el.problems.some((p) => p.code === 'missing-cue'), 'reported');
    expect(h.markers()).to.have.length(0);
  });

  it('changing `offset` at run time: the active line and the timestamps follow, the media is not moved', async () => {
    await mount(0);
    await seekVideo(video, 3);
    await waitUntil(() => h.activeIndex() === 1, 'line 2 at 3 s');
    const seeks = collectEvents(el, 'transcript-seek');
    el.offset = 2;
    await waitUntil(() => h.activeIndex() === 0, 'line 1 at 3 s once shifted by 2');
    expect(h.timestamps()[0]).to.equal('0:02');
    el.setAttribute('offset', '-0.5');
    await waitUntil(() => h.activeIndex() === 1 && el.cues[0]!.start === 0, 'shifted back');
    el.offset = 0;
    await waitUntil(() => h.activeIndex() === 1 && el.cues[0]!.start === 0.5, 'no offset');
    expect(video.currentTime).to.be.closeTo(3, 0.01);
    expect(seeks.events).to.have.length(0);
    seeks.stop();
  });

  it('a line spoken before the media starts (a negative offset) shows and names its time with a minus sign', async () => {
    await mount(-3);
    expect(el.cues[0]!.start).to.be.closeTo(FILE_STARTS[0]! - 3, 1e-9);
    expect(h.timestamps()[0]).to.equal('\u22120:02'); // -2.5 s
    const name = h.lines()[0]!.querySelector('.visually-hidden')!.textContent!;
    expect(name).to.match(/-2 seconds/);
  });

  it('a bad offset is 0 (and loses nothing)', async () => {
    await mount(null);
    el.setAttribute('offset', 'soon');
    await el.updateComplete;
    expect(el.cues[0]!.start).to.equal(0.5);
    el.offset = Number.POSITIVE_INFINITY;
    await el.updateComplete;
    expect(el.cues[0]!.start).to.equal(0.5);
    expect(h.lines()).to.have.length(6);
  });
});

describe('offset: downloads and translation tracks', function () {
  this.timeout(20000);
  const realCreate = URL.createObjectURL;
  const realClick = HTMLAnchorElement.prototype.click;
  let blobs: Blob[];

  beforeEach(() => {
    localStorage.clear();
    blobs = [];
    URL.createObjectURL = (obj: Blob | MediaSource) => {
      blobs.push(obj as Blob);
      return `blob:${location.origin}/captured-${blobs.length}`;
    };
    HTMLAnchorElement.prototype.click = function () {};
  });

  afterEach(() => {
    URL.createObjectURL = realCreate;
    HTMLAnchorElement.prototype.click = realClick;
    localStorage.clear();
  });

  const CUES = [
    { id: 'a', start: 10, end: 12, text: 'First line.' },
    { id: 'b', start: 12.5, end: 14, text: 'Second line.' },
  ];

  async function downloadVtt(h: TranscriptHarness, mediaTimes: boolean): Promise<string> {
    const menu = h.downloadsMenu();
    menu.open = true;
    const box = menu.querySelector<HTMLInputElement>('input.media-times');
    expect(box, 'the "times as in the recording" choice is offered when there is an offset').to.exist;
    if (box!.checked !== mediaTimes) box!.click();
    const before = blobs.length;
    [...menu.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'WebVTT')!.click();
    await waitUntil(() => blobs.length > before, 'a file was made');
    return blobs[blobs.length - 1]!.text();
  }

  it("a download writes the file's own times, or the media times when the reader asks", async () => {
    const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript offset="-9.5" .transcript=${{ version: 1, lang: 'en', cues: CUES }}></annotated-transcript>`);
    const h = new TranscriptHarness(el);
    await waitUntil(() => h.lines().length === 2, 'lines');
    expect(h.timestamps()[0]).to.equal('0:00');
    const own = await downloadVtt(h, false);
    expect(own).to.contain('00:00:10.000 --> 00:00:12.000');
    await expect(el).to.be.accessible(); // the menu open, with its "times as in the recording" choice
    const shifted = await downloadVtt(h, true);
    expect(shifted).to.contain('00:00:00.500 --> 00:00:02.500');
    expect(shifted).to.contain('00:00:03.000 --> 00:00:04.500');
  });

  it('with no offset, no such choice is offered', async () => {
    const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript .transcript=${{ version: 1, lang: 'en', cues: CUES }}></annotated-transcript>`);
    const h = new TranscriptHarness(el);
    await waitUntil(() => h.lines().length === 2, 'lines');
    expect(h.downloadsMenu().querySelector('input.media-times')).to.equal(null);
  });

  it("a translation track aligns by its own offset (or the viewer's when it has none)", async () => {
    localStorage.setItem('annotated-transcript:track-view', JSON.stringify({ lang: 'uk', view: 'both' }));
    // Translation cue ids differ from the original's, so alignment is by time (media time on both sides).
    const translation = (start: number) => ({ version: 1 as const, lang: 'uk', cues: [{ id: 't1', start, end: start + 1.5, text: 'Другий рядок.' }] });
    const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript offset="2"
      .transcript=${{ version: 1, lang: 'en', cues: CUES }}
      .tracks=${[{ lang: 'uk', label: 'Українська', transcript: translation(2.5), offset: 12 }]}></annotated-transcript>`);
    const h = new TranscriptHarness(el);
    // Original in media time: a 12–14, b 14.5–16. The translation at 2.5 + 12 = 14.5: line b.
    await waitUntil(() => h.translationTexts()[1] === 'Другий рядок.', 'the translation is on the second line');
    expect(h.translationTexts()[0]).to.equal(null);
    // No own offset: the viewer's (2) → 12.5 + 2 = 14.5, line b again; the same file times as the original.
    el.tracks = [{ lang: 'uk', label: 'Українська', transcript: translation(12.5) }];
    await waitUntil(() => h.translationTexts()[1] === 'Другий рядок.' && h.translationTexts()[0] === null, 'aligned with the viewer offset');
    // The viewer's offset changes: the track without its own offset moves with it.
    el.offset = 0;
    await waitUntil(() => h.translationTexts()[1] === 'Другий рядок.', 'still aligned');
  });
});
