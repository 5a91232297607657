import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/index.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import { TranscriptHarness } from '../harness/transcript-harness.js';
import {
  blobUrl,
  inside,
  loadVideo,
  longTranscript,
  nextFrame,
  seekVideo,
  stallFetch,
  waitForStable,
  waitUntil,
} from './helpers.js';

const TALK_VTT = '/test/fixtures/media/talk.vtt';

/** Independent of the implementation: what Intl says for "N seconds" in English. */
function englishSeconds(n: number): string {
  return new Intl.NumberFormat('en', { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(n);
}

/** Alpha of the first colour in a computed box-shadow / colour string (1 when opaque, 0 when transparent or none). */
function firstColourAlpha(value: string): number {
  const m = /rgba?\(([^)]+)\)/.exec(value);
  if (!m) return 0;
  const parts = m[1]!.split(/[ ,/]+/).filter(Boolean);
  return parts.length > 3 ? Number(parts[3]) : 1;
}

describe('accessibility', () => {
  let video: HTMLVideoElement | null = null;

  afterEach(async () => {
    video?.pause();
    video?.remove();
    video = null;
    await emulateMedia({ reducedMotion: 'no-preference', colorScheme: 'light' });
  });

  describe('axe in every state', () => {
    it('empty (no src, no transcript)', async () => {
      const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript></annotated-transcript>`);
      const h = new TranscriptHarness(el);
      expect(h.lines()).to.have.length(0);
      expect(h.statusText()).to.equal('No transcript to show.');
      await expect(el).to.be.accessible();
    });

    it('loading (the fetch has not answered)', async () => {
      const stall = stallFetch(/never-answers\.vtt/);
      try {
        const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript src="/test/fixtures/media/never-answers.vtt"></annotated-transcript>`);
        const h = new TranscriptHarness(el);
        await waitUntil(() => h.listBusy(), 'list marked busy');
        expect(h.statusText()).to.equal('Loading transcript…');
        // Loading is announced in the polite live region.
        expect(h.liveRegionText()).to.equal('Loading transcript…');
        await expect(el).to.be.accessible();
      } finally {
        stall.restore();
      }
    });

    it('loaded, bound to a real video', async () => {
      video = await loadVideo('talk');
      const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript for="talk" src=${TALK_VTT} style="height: 240px"></annotated-transcript>`);
      const h = new TranscriptHarness(el);
      await waitUntil(() => h.lines().length === 6, 'six lines');
      expect(h.listBusy()).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('with an active line while playing, and after a seek', async () => {
      video = await loadVideo('talk');
      const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript for="talk" src=${TALK_VTT} style="height: 240px"></annotated-transcript>`);
      const h = new TranscriptHarness(el);
      await waitUntil(() => h.lines().length === 6, 'six lines');
      video.currentTime = inside(el.cues[1]!);
      await video.play();
      await waitUntil(() => h.activeIndex() >= 1 && h.activeWord() !== null, 'an active line and word while playing', 10000);
      await expect(el).to.be.accessible();
      video.pause();
      await seekVideo(video, inside(el.cues[4]!));
      await waitUntil(() => h.activeIndex() === 4, 'line 4 active after the seek');
      await expect(el).to.be.accessible();
    });

    it('in dark mode with an active line and word', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      video = await loadVideo('talk');
      const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript for="talk" src=${TALK_VTT} style="height: 240px"></annotated-transcript>`);
      const h = new TranscriptHarness(el);
      await waitUntil(() => h.lines().length === 6, 'six lines');
      await seekVideo(video, el.cues[2]!.words![2]!.start + 0.02);
      await waitUntil(() => h.activeIndex() === 2 && h.activeWord() !== null, 'line 2 and a word active');
      await expect(el).to.be.accessible();
    });

    it('with the "back to current line" button shown', async () => {
      video = await loadVideo('talk');
      const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript for="talk" style="height: 200px"></annotated-transcript>`);
      el.transcript = longTranscript(200, 15);
      const h = new TranscriptHarness(el);
      await waitUntil(() => h.lines().length === 200, '200 lines');
      await seekVideo(video, inside(el.cues[150]!));
      await waitUntil(() => h.activeIndex() === 150 && h.isLineInView(150), 'line 150 active and in view', 8000);
      await waitForStable(() => h.scroller().scrollTop, 'auto-scroll settled');
      h.wheel(-300, 0);
      await waitUntil(() => h.backToNow() !== null, 'back-to-now shown');
      await expect(el).to.be.accessible();
    });

    it('error: the transcript file is missing (404)', async () => {
      const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript src="/test/fixtures/media/does-not-exist.vtt"></annotated-transcript>`);
      const h = new TranscriptHarness(el);
      await waitUntil(() => h.problems().length > 0, 'problem shown');
      expect(h.problems()[0]).to.match(/404/);
      await expect(el).to.be.accessible();
    });

    it('a malformed file: the cues that parsed plus the problems box', async () => {
      const url = blobUrl(
        'WEBVTT\n\n1\n00:00:00.500 --> 00:00:02.000\nFirst good line.\n\n2\n00:00:xx.000 --> 00:00:03.000\nBroken timestamp.\n\n3\n00:00:05.000 --> 00:00:04.000\nEnds before it starts.\n\n4\n00:00:06.000 --> 00:00:07.000\nLast good line.\n',
      );
      try {
        const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript src=${url}></annotated-transcript>`);
        const h = new TranscriptHarness(el);
        await waitUntil(() => h.lines().length > 0 && h.problems().length > 0, 'lines and problems shown');
        expect(h.lineTexts()).to.include('First good line.');
        expect(h.lineTexts()).to.include('Last good line.');
        await expect(el).to.be.accessible();
        // The <details> form of the box (several problems) must be accessible opened too.
        const details = h.errorBox()!.querySelector('details') ?? (h.errorBox()!.matches('details') ? h.errorBox() : null);
        if (details) {
          (details as HTMLDetailsElement).open = true;
          await nextFrame();
          await expect(el).to.be.accessible();
        }
      } finally {
        URL.revokeObjectURL(url);
      }
    });
  });

  describe('names and states', () => {
    it("each line's accessible name contains its spoken time, speaker and text", async () => {
      const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript src=${TALK_VTT}></annotated-transcript>`);
      const h = new TranscriptHarness(el);
      await waitUntil(() => h.lines().length === 6, 'six lines');
      el.cues.forEach((cue, i) => {
        const name = h.accessibleText(i);
        expect(name, `line ${i}`).to.contain(englishSeconds(Math.floor(cue.start)));
        expect(name, `line ${i}`).to.contain(cue.speaker!);
        expect(name, `line ${i}`).to.contain(cue.text.replace(/\s+/g, ' '));
        // The role that makes the name come from the content.
        expect(h.line(i).getAttribute('role')).to.equal('button');
      });
    });

    it('times are spoken as words ("1 minute, 5 seconds"), and a repeated speaker is still named', async () => {
      const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript></annotated-transcript>`);
      el.transcript = [
        { id: 'a', start: 65.4, end: 70, text: 'First words.', speaker: 'Ada' },
        { id: 'b', start: 3725, end: 3730, text: 'Same speaker again.', speaker: 'Ada' },
        { id: 'c', start: 3731, end: 3732, text: 'Someone else.', speaker: 'Ben' },
      ];
      const h = new TranscriptHarness(el);
      await waitUntil(() => h.lines().length === 3, 'three lines');
      // README shows "1 minute, 5 seconds"; Intl's narrow unit list omits the comma in English.
      expect(h.accessibleText(0)).to.match(/\b1 minute,? 5 seconds\b/);
      expect(h.accessibleText(1)).to.match(/\b1 hour,? 2 minutes,? 5 seconds\b/);
      // The second Ada line hides the label visually (same speaker) but still names her.
      expect(h.accessibleText(1)).to.contain('Ada');
      expect(h.accessibleText(1)).to.contain('Same speaker again.');
      expect(h.accessibleText(2)).to.contain('Ben');
      // The visual "1:05" is hidden from the name (said once, as words).
      expect(h.accessibleText(0)).not.to.contain('1:05');
    });

    it('exactly one line has aria-current="true", and it moves with the video', async () => {
      video = await loadVideo('talk');
      const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript for="talk" src=${TALK_VTT}></annotated-transcript>`);
      const h = new TranscriptHarness(el);
      await waitUntil(() => h.lines().length === 6, 'six lines');
      for (const i of [3, 1, 5]) {
        await seekVideo(video, inside(el.cues[i]!));
        await waitUntil(() => h.activeIndex() === i, `line ${i} active`);
        expect(h.currentLines()).to.have.length(1);
        expect(h.currentLines()[0]!.getAttribute('aria-current')).to.equal('true');
      }
      // Playing across a boundary never leaves two current lines.
      await seekVideo(video, el.cues[1]!.end - 0.3);
      await video.play();
      const deadline = performance.now() + 2500;
      while (performance.now() < deadline && video.currentTime < el.cues[2]!.start + 0.2) {
        expect(h.currentLines().length).to.be.at.most(1);
        await nextFrame();
      }
      await waitUntil(() => h.activeIndex() === 2, 'line 2 active after playing on', 10000);
      expect(h.currentLines()).to.have.length(1);
    });

    it('the active line is not shown by colour alone: it has a bar (box-shadow)', async () => {
      video = await loadVideo('talk');
      const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript for="talk" src=${TALK_VTT}></annotated-transcript>`);
      const h = new TranscriptHarness(el);
      await waitUntil(() => h.lines().length === 6, 'six lines');
      await seekVideo(video, inside(el.cues[2]!));
      await waitUntil(() => h.activeIndex() === 2, 'line 2 active');
      await nextFrame();
      const active = getComputedStyle(h.line(2)).boxShadow;
      const inactive = getComputedStyle(h.line(0)).boxShadow;
      expect(active).not.to.equal(inactive);
      expect(active).not.to.equal('none');
      expect(firstColourAlpha(active), `active bar ${active}`).to.be.greaterThan(0);
      // The inactive line shows no bar: no shadow, or a fully transparent one.
      expect(inactive === 'none' || firstColourAlpha(inactive) === 0, `inactive ${inactive}`).to.be.true;
    });

    it('the active word is not shown by colour alone: it is underlined', async () => {
      video = await loadVideo('talk');
      const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript for="talk" src=${TALK_VTT}></annotated-transcript>`);
      const h = new TranscriptHarness(el);
      await waitUntil(() => h.lines().length === 6, 'six lines');
      await seekVideo(video, el.cues[1]!.words![3]!.start + 0.02);
      await waitUntil(() => h.activeWord() === h.word(1, 3), 'word 3 of line 1 active');
      expect(getComputedStyle(h.word(1, 3)).textDecorationLine).to.contain('underline');
      expect(getComputedStyle(h.word(1, 2)).textDecorationLine).not.to.contain('underline');
    });

    it('announces a single problem in the live region as one problem (not "1 problems")', async () => {
      const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript src="/test/fixtures/media/does-not-exist.vtt"></annotated-transcript>`);
      const h = new TranscriptHarness(el);
      await waitUntil(() => h.problems().length === 1, 'one problem shown');
      await waitUntil(() => h.liveRegionText() !== '', 'live region filled');
      expect(h.liveRegionText()).not.to.match(/\b1 problems\b/);
    });
  });

  describe('prefers-reduced-motion', () => {
    /** Seeks far down and returns scrollTop at the cue change, one frame later, and once settled. */
    async function scrollAfterSeek(): Promise<{ atChange: number; oneFrame: number; final: number; h: TranscriptHarness }> {
      video = await loadVideo('talk');
      const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript for="talk" style="height: 200px"></annotated-transcript>`);
      el.transcript = longTranscript(200, 15);
      const h = new TranscriptHarness(el);
      await waitUntil(() => h.lines().length === 200, '200 lines');
      expect(h.scroller().scrollTop).to.equal(0);
      let atChange = -1;
      const changed = new Promise<void>((resolve) => {
        el.addEventListener('transcript-cue-change', () => {
          // The cue-change event fires synchronously inside the update that also starts the scroll.
          queueMicrotask(() => {
            atChange = h.scroller().scrollTop;
            resolve();
          });
        }, { once: true });
      });
      video.currentTime = inside(el.cues[170]!);
      await changed;
      await nextFrame();
      const oneFrame = h.scroller().scrollTop;
      await waitUntil(() => h.isLineInView(170), 'line 170 in view', 8000);
      const final = await waitForStable(() => h.scroller().scrollTop, 'scroll settled');
      expect(final).to.be.greaterThan(1000);
      return { atChange, oneFrame, final, h };
    }

    it('reduce: auto-scroll jumps to its final position at once', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.be.true;
      const { oneFrame, final } = await scrollAfterSeek();
      expect(oneFrame).to.equal(final);
    });

    it('no preference: auto-scroll is smooth (not at its final position one frame later)', async () => {
      await emulateMedia({ reducedMotion: 'no-preference' });
      const { atChange, oneFrame, final } = await scrollAfterSeek();
      expect(atChange).to.be.lessThan(final);
      expect(oneFrame).to.be.lessThan(final);
    });
  });
});
