/**
 * Issue "Nothing a page or a file does can break it": property values, files and page setups
 * that used to throw, flood the page, imitate the widget or fail silently.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import '../../src/index.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import type { EvidenceMap } from '../../src/components/evidence-map.js';
import { Announcer } from '../../src/controllers/announcer.js';
import { TranscriptHarness } from '../harness/transcript-harness.js';
import { captureLibraryWarnings, mountTranscript, sleep, waitUntil, watchUncaught } from './helpers.js';

const CUES = [
  { id: '1', start: 0, end: 2, text: 'One.' },
  { id: '2', start: 2, end: 4, text: 'Two.' },
];

const blobUrl = (text: string, type = 'text/plain') => URL.createObjectURL(new Blob([text], { type }));

describe('hostile input', () => {
  let container: HTMLElement;
  let uncaught: ReturnType<typeof watchUncaught>;
  let warnings: ReturnType<typeof captureLibraryWarnings>;

  beforeEach(async () => {
    localStorage.clear();
    container = await fixture<HTMLElement>(html`<div style="width: 560px; height: 420px"></div>`);
    uncaught = watchUncaught();
    warnings = captureLibraryWarnings();
  });

  afterEach(() => {
    warnings.restore();
    uncaught.stop();
    expect(uncaught.errors, 'no exception escaped to the page').to.deep.equal([]);
  });

  async function mount(props: Record<string, unknown>) {
    const { el, errors } = await mountTranscript<AnnotatedTranscript>(props, container);
    return { el, errors, h: new TranscriptHarness(el) };
  }

  it('tracks given as a bare cue array are shown; {cues: null}, null and junk are ignored without throwing', async () => {
    const { el, h } = await mount({ transcript: CUES, tracks: [{ lang: 'uk', label: 'Українська', transcript: [{ id: '1', start: 0, end: 2, text: 'Один.' }] }] });
    h.chooseTrack('Українська');
    await el.updateComplete;
    await waitUntil(() => h.translationTexts().includes('Один.'), 'the translation from a bare cue array');
    for (const tracks of [[{ lang: 'uk', label: 'U', transcript: { cues: null } }], null, 'tracks', [null, 7, { lang: 5 }], { length: 3 }]) {
      el.tracks = tracks as never;
      await el.updateComplete;
    }
    expect(h.lineTexts()).to.deep.equal(['One.', 'Two.']);
  });

  it("a track's own cue language is sanitised before it becomes a lang attribute", async () => {
    const evil = { version: 1, cues: [{ id: '1', start: 0, end: 2, text: 'Привіт.', lang: 'en"><b>x' }] };
    const { el, h } = await mount({ transcript: CUES, tracks: [{ lang: 'uk', label: 'Українська', transcript: evil }] });
    h.chooseTrack('Українська');
    await el.updateComplete;
    await waitUntil(() => h.translationTexts().includes('Привіт.'), 'the translation');
    const shown = h.translationElements().find((e) => e?.textContent?.includes('Привіт'));
    expect(shown!.getAttribute('lang')).to.equal('uk');
  });

  it('a flood of problems costs at most 101 events and 101 warnings; the box lists 100 and counts the rest', async () => {
    const cues = Array.from({ length: 3000 }, (_, i) => ({ id: String(i), start: 'soon', end: 1, text: 'x' }));
    const { el, errors, h } = await mount({ transcript: { version: 1, cues } });
    await el.updateComplete;
    expect(el.problems.length, 'the model keeps every problem up to its cap').to.be.greaterThan(500);
    expect(errors.length).to.equal(101);
    expect(errors[100]!.detail.message).to.match(/more problems/);
    expect(warnings.lines.length).to.equal(101);
    const listed = h.problems();
    expect(listed.length).to.equal(101);
    expect(listed[100]).to.match(new RegExp(`and ${el.problems.length - 100} more`));
  });

  it('article="ID" naming no element is reported (after a grace period for late elements)', async () => {
    const annotations = { version: 1, claims: [{ id: 'c1', quote: { exact: 'One' } }], annotations: [{ id: 'a1', cues: ['1'], claims: ['c1'], relation: 'supports' }] };
    const { errors } = await mount({ transcript: CUES, annotations, article: 'no-such-article', debug: true });
    await waitUntil(() => errors.some((e) => e.detail.kind === 'anchor'), 'the missing article reported', 6000);
    const report = errors.find((e) => e.detail.kind === 'anchor')!;
    expect(report.detail.message).to.contain('no-such-article');
  });

  it('a credit line is nobody\'s speaker; ">> NAME:" and "[NAME]:" name the speaker of their own cue only', async () => {
    const blocks = ['Subtitles: @someone', '>> DAVID: We sail at nine.', 'And not a minute later.', '>> ANNA: Then we wait.', '[SPEAKER_02]: For the tide.', 'Fine.'];
    const srt = blocks.map((text, i) => `${i + 1}\n00:00:0${i},000 --> 00:00:0${i},900\n${text}\n`).join('\n');
    const { el, h } = await mount({ src: blobUrl(srt, 'application/x-subrip') });
    await h.loaded();
    expect(el.cues.map((c) => c.speaker ?? null)).to.deep.equal([null, 'DAVID', 'DAVID', 'ANNA', 'SPEAKER_02', 'SPEAKER_02']);
    expect(h.accessibleText(0)).to.not.match(/^Subtitles\b.*Subtitles/);
    expect(h.accessibleText(3)).to.contain('ANNA').and.not.contain('DAVID');
    expect(h.lineTexts()[3]).to.equal('Then we wait.');
  });

  it('rolling captions without word timings show each spoken line once', async () => {
    const cues = [
      ['00:00.000', '00:02.000', 'we sail at nine'],
      ['00:02.000', '00:02.010', 'we sail at nine'],
      ['00:02.010', '00:04.000', 'we sail at nine\nthen we wait'],
      ['00:04.000', '00:04.010', 'then we wait'],
      ['00:04.010', '00:06.000', 'then we wait\nfor the tide'],
    ];
    const vtt = `WEBVTT\n\n${cues.map(([a, b, t]) => `${a} --> ${b}\n${t}\n`).join('\n')}`;
    const { h } = await mount({ src: blobUrl(vtt, 'text/vtt') });
    await h.loaded();
    expect(h.lineTexts()).to.deep.equal(['we sail at nine', 'then we wait', 'for the tide']);
  });

  it('WebVTT classes live in their own namespace: a file cannot hide text or pose as a line', async () => {
    const vtt = 'WEBVTT\n\n1\n00:00.000 --> 00:01.000\n<c.visually-hidden>Seen</c> and <c.line>not a line</c>\n';
    const { el, h } = await mount({ src: blobUrl(vtt, 'text/vtt') });
    await h.loaded();
    const text = h.lineTextElement(0);
    const hidden = [...text.querySelectorAll('span')].find((s) => s.textContent === 'Seen')!;
    expect(hidden.className).to.equal('cue-visually-hidden');
    expect(hidden.checkVisibility()).to.be.true;
    expect(hidden.getBoundingClientRect().width).to.be.greaterThan(1);
    expect(el.shadowRoot!.querySelectorAll('.line')).to.have.length(1);
  });

  it('annotations or a translation that cannot be loaded get a short notice readers see', async () => {
    const { el, h } = await mount({
      transcript: CUES,
      annotationsSrc: '/test/fixtures/browser/no-such-annotations.json',
      tracks: [{ lang: 'uk', label: 'Українська', src: '/test/fixtures/browser/no-such-track.vtt' }],
    });
    await waitUntil(() => h.problems().includes('The annotations could not be loaded.'), 'the annotations notice');
    h.chooseTrack('Українська');
    await el.updateComplete;
    await waitUntil(() => h.problems().includes('The translation could not be loaded.'), 'the translation notice');
    expect(h.lineTexts(), 'the transcript still reads').to.deep.equal(['One.', 'Two.']);
  });

  it('deeply nested annotation data, as a property or as a file, is reported and never throws', async () => {
    let nested: unknown = [];
    for (let i = 0; i < 100_000; i++) nested = [nested];
    const { el, errors } = await mount({ transcript: CUES, annotations: nested });
    await el.updateComplete;
    expect(errors.some((e) => e.detail.kind === 'annotation')).to.be.true;
    errors.length = 0;
    el.annotationsSrc = blobUrl(`${'['.repeat(200_000)}${']'.repeat(200_000)}`, 'application/json');
    await waitUntil(() => errors.length > 0, 'the nested file reported');
    expect(errors.map((e) => e.detail.kind)).to.not.include('fetch');
  });

  it('the evidence map draws a capped number of marks and never spreads them into an argument list', async () => {
    const marks = Array.from({ length: 200_000 }, (_, i) => ({ annotationId: `a${i}`, relation: i % 2 ? 'supports' : 'contradicts', start: i, end: i + 0.5 }));
    const map = await fixture<EvidenceMap>(html`<at-evidence-map .marks=${marks} duration="0"></at-evidence-map>`);
    await map.updateComplete;
    const buttons = map.shadowRoot!.querySelectorAll('button');
    expect(buttons.length).to.be.greaterThan(0).and.at.most(800);
    // Placed through CSSOM (a strict CSP blocks style attributes written as markup, not CSSOM).
    expect(buttons[0]!.style.left).to.equal('0%');
    // Nearby marks of one relation merged: together they still reach the end of the recording.
    const reach = Math.max(...[...buttons].map((b) => parseFloat(b.style.left) + parseFloat(b.style.width)));
    expect(reach).to.be.closeTo(100, 0.01);
  });

  it('a link that cannot be made is announced as such, never copied as the bare page URL', async () => {
    class Host extends LitElement {
      readonly announcer = new Announcer(this);
    }
    if (!customElements.get('test-announcer-host')) customElements.define('test-announcer-host', Host);
    const host = document.createElement('test-announcer-host') as Host;
    container.append(host);
    await host.announcer.copyLink('');
    expect(host.announcer.text).to.equal('No link can be made to this item.');
    await sleep(0);
  });
});
