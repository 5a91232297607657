import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import { TranscriptHarness } from '../harness/transcript-harness.js';
import { captureLibraryWarnings, collectEvents, expectEvent, loadVideo, nextFrame, seekVideo, sleep, waitForStable, waitUntil } from './helpers.js';

// Demo data (committed under data/demo, served by the test server).
const VIDEO = '/data/demo/statement.webm';
const VTT = '/data/demo/statement.en.vtt';
const ANNOTATIONS = '/data/demo/annotations.json';
const ARTICLE = '/data/demo/article.html';

type Relation = 'supports' | 'contradicts' | 'context' | 'unsupported';
interface DemoClaim {
  id: string;
  quote: { exact: string; prefix?: string; suffix?: string };
}
interface DemoAnnotation {
  id: string;
  cues?: string[];
  time?: { start: number; end: number };
  claims: string[];
  relation: Relation;
}
interface DemoFile {
  version: 1;
  claims: DemoClaim[];
  annotations: DemoAnnotation[];
}

const RELATIONS: Relation[] = ['supports', 'contradicts', 'context', 'unsupported'];
const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** What the article marker of a claim should say: the strongest relation of its annotations (computed here from the data). */
function expectedRelation(data: DemoFile, claimId: string): Relation {
  const relations = data.annotations.filter((a) => a.claims.includes(claimId)).map((a) => a.relation);
  for (const r of ['contradicts', 'context', 'supports'] as const) if (relations.includes(r)) return r;
  return 'unsupported';
}

/** Every range of the claim highlights, by highlight name. */
function highlightRanges(): Map<string, Range[]> {
  const out = new Map<string, Range[]>();
  for (const r of RELATIONS) {
    const h = CSS.highlights.get(`at-claim-${r}`);
    out.set(r, h ? ([...h] as Range[]) : []);
  }
  return out;
}

describe('claims anchored in the article (demo data)', function () {
  this.timeout(30000);

  let demo: DemoFile;
  let articleHtml: string;
  let host: HTMLElement | null = null;
  let video: HTMLVideoElement | null = null;
  let el: AnnotatedTranscript | null = null;
  let h: TranscriptHarness;
  let errors: CustomEvent[];

  before(async () => {
    demo = (await (await fetch(ANNOTATIONS)).json()) as DemoFile;
    articleHtml = await (await fetch(ARTICLE)).text();
  });

  afterEach(() => {
    video?.pause();
    video?.remove();
    el?.remove();
    host?.remove();
    video = null;
    el = null;
    host = null;
    window.scrollTo(0, 0);
  });

  /** The demo article in the page (test-only parsing of the committed fixture), inside `<div id=…>`. */
  function insertArticle(id = 'story', before = '', after = ''): HTMLElement {
    const div = document.createElement('div');
    div.id = id;
    div.append(document.createRange().createContextualFragment(before + articleHtml + after));
    document.body.append(div);
    return div;
  }

  async function mount(options: { annotations?: object; height?: number; spacer?: number } = {}): Promise<void> {
    video = await loadVideo('statement', VIDEO);
    el = document.createElement('annotated-transcript') as AnnotatedTranscript;
    errors = [];
    el.addEventListener('transcript-error', (e) => errors.push(e as CustomEvent));
    el.setAttribute('for', 'statement');
    el.setAttribute('src', VTT);
    if (options.annotations) el.annotations = options.annotations;
    else el.setAttribute('annotations', ANNOTATIONS);
    el.setAttribute('article', 'story');
    el.style.height = `${options.height ?? 200}px`;
    // The viewer first, then the article (after an optional spacer), as on a page that embeds it at the top.
    document.body.prepend(el);
    if (options.spacer) host!.style.marginTop = `${options.spacer}px`;
    h = new TranscriptHarness(el);
    await waitUntil(() => h.lines().length === 16, 'the 16 demo lines', 10000);
    await waitUntil(() => h.markers().length > 0, 'annotation markers', 10000);
  }

  const markers = () => [...host!.querySelectorAll('at-claim-marker')] as (HTMLElement & { claim: string; relation: string; updateComplete: Promise<unknown> })[];
  const markerOf = (claimId: string) => markers().find((m) => m.getAttribute('claim') === claimId) ?? null;
  const innerButton = (m: Element) => m.shadowRoot!.querySelector('button')!;
  const lineIndex = (cueId: string) => el!.cues.findIndex((c) => c.id === cueId);
  async function allAnchored(count = demo.claims.length): Promise<void> {
    await waitUntil(() => markers().length === count, `${count} claim markers in the article`, 15000);
    await Promise.all(markers().map((m) => m.updateComplete));
  }

  it('anchors every claim: a marker right after its text, and a highlight range by relation', async () => {
    host = insertArticle();
    await mount();
    await allAnchored();
    const ranges = highlightRanges();
    const total = [...ranges.values()].reduce((n, r) => n + r.length, 0);
    expect(total, 'one highlight range per claim').to.equal(demo.claims.length);
    for (const claim of demo.claims) {
      const relation = expectedRelation(demo, claim.id);
      const marker = markerOf(claim.id);
      expect(marker, `marker of ${claim.id}`).to.not.equal(null);
      expect(marker!.getAttribute('relation'), `relation of ${claim.id}`).to.equal(relation);
      // The highlight of its relation holds a range with exactly the quote (modulo whitespace).
      const range = ranges.get(relation)!.find((r) => norm(r.toString()) === norm(claim.quote.exact));
      expect(range, `highlight range of ${claim.id} in at-claim-${relation}`).to.not.equal(undefined);
      // The marker follows the claim's text: nothing between the range's end and the marker.
      const gap = document.createRange();
      gap.setStart(range!.endContainer, range!.endOffset);
      gap.setEndBefore(marker!);
      expect(gap.collapsed || gap.toString() === '', `text between ${claim.id} and its marker: "${gap.toString()}"`).to.be.true;
      // And the text before the marker ends with the quote.
      const before = document.createRange();
      before.setStart(host, 0);
      before.setEndBefore(marker!);
      expect(norm(before.toString()).endsWith(norm(claim.quote.exact)), `text before the marker of ${claim.id}`).to.be.true;
      // The marker is a focusable button with a name.
      const button = innerButton(marker!);
      expect(button.getAttribute('aria-label') ?? button.textContent).to.match(/\S/);
    }
  });

  it('finds claims that cross inline markup (<em>, <a>, <strong>)', async () => {
    host = insertArticle();
    await mount();
    await allAnchored();
    const all = [...highlightRanges().values()].flat();
    const rangeOf = (id: string) => all.find((r) => norm(r.toString()) === norm(demo.claims.find((c) => c.id === id)!.quote.exact))!;
    const em = [...host.querySelectorAll('em')].find((e) => e.textContent === 'six months')!;
    const a = host.querySelector('a')!;
    const strong = [...host.querySelectorAll('strong')].find((e) => e.textContent!.includes('order a new boat'))!;
    expect(rangeOf('c2').intersectsNode(em), 'c2 reaches into <em>six months</em>').to.be.true;
    expect(norm(rangeOf('c2').toString()).endsWith('six months')).to.be.true;
    expect(rangeOf('c4').intersectsNode(a), 'c4 starts inside the <a>').to.be.true;
    expect(rangeOf('c4').intersectsNode(a.nextSibling!), 'and goes on after it').to.be.true;
    expect(rangeOf('c9').intersectsNode(strong), 'c9 reaches into <strong>').to.be.true;
    expect(markerOf('c2')).to.not.equal(null);
    expect(markerOf('c4')).to.not.equal(null);
  });

  it('activating a claim marker scrolls the transcript to its first line, seeks the video there, opens the annotation, fires claim-activate', async () => {
    host = insertArticle();
    await mount({ height: 200 });
    await allAnchored();
    // c7 → a7 → cues 12, 13: far down a 200 px transcript.
    const i = lineIndex('12');
    const cue = el!.cues[i]!;
    expect(h.isLineInView(i), 'not in view before').to.be.false;
    const pageY = window.scrollY;
    const toggles = collectEvents<CustomEvent>(el!, 'annotation-toggle');
    const event = await expectEvent<CustomEvent>(el!, 'claim-activate', () => innerButton(markerOf('c7')!).click());
    toggles.stop();
    expect(toggles.events.map((e) => e.detail)).to.deep.equal([{ annotationId: 'a7', open: true }]);
    expect(event.detail).to.deep.equal({ claimId: 'c7' });
    expect(event.bubbles && event.composed).to.be.true;
    await waitUntil(() => Math.abs(video!.currentTime - cue.start) < 0.02, `video at ${cue.start}`, 8000);
    await el!.updateComplete;
    expect(h.marker('a7')!.getAttribute('aria-expanded')).to.equal('true');
    expect(h.annotationPanel('a7')).to.not.equal(null);
    await waitUntil(() => h.isLineInView(i), 'first linked line visible in the transcript', 8000);
    expect(h.scroller().scrollTop, 'the transcript’s own scroller moved').to.be.greaterThan(0);
    expect(window.scrollY, 'the page did not scroll').to.equal(pageY);
  });

  it('a claim whose annotation has split lines goes to its first line (c2 → cue 2)', async () => {
    host = insertArticle();
    await mount({ height: 200 });
    await allAnchored();
    h.scroller().scrollTop = h.scroller().scrollHeight;
    await seekVideo(video!, 70);
    const cue = el!.cues[lineIndex('2')]!;
    await expectEvent(el!, 'claim-activate', () => innerButton(markerOf('c2')!).click());
    await waitUntil(() => Math.abs(video!.currentTime - cue.start) < 0.02, `video at ${cue.start}`, 8000);
    await waitUntil(() => h.isLineInView(lineIndex('2')), 'line 2 visible', 8000);
    expect(h.marker('a2')!.getAttribute('aria-expanded')).to.equal('true');
  });

  it('"Show in article" focuses the claim’s marker (scrolled into view) and fires claim-activate', async () => {
    host = insertArticle();
    await mount({ height: 200, spacer: 2000 });
    await allAnchored();
    const marker = markerOf('c1')!;
    expect(marker.getBoundingClientRect().top, 'marker below the fold').to.be.greaterThan(window.innerHeight);
    h.toggleAnnotation('a1');
    await el!.updateComplete;
    const show = h.panelButton('a1', 'Show in article');
    expect(show, 'Show in article button').to.not.equal(null);
    const event = await expectEvent<CustomEvent>(el!, 'claim-activate', () => show!.click());
    expect(event.detail).to.deep.equal({ claimId: 'c1' });
    await waitUntil(() => document.activeElement === marker, 'marker focused');
    expect(marker.shadowRoot!.activeElement).to.equal(innerButton(marker));
    await waitUntil(() => {
      const r = marker.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    }, 'marker scrolled into the viewport', 8000);
  });

  it('a claim whose quote is not in the article: one transcript-error {kind: anchor, id, score} and a warning; the others still anchor', async () => {
    const data: DemoFile = structuredClone(demo);
    data.claims.push({ id: 'cx', quote: { exact: 'purple elephants dance on the quay every midnight in winter' } });
    data.annotations.push({ id: 'ax', cues: ['14'], claims: ['cx'], relation: 'supports' });
    host = insertArticle();
    const warnings = captureLibraryWarnings();
    try {
      await mount({ annotations: data });
      await allAnchored(demo.claims.length);
      await waitUntil(() => errors.some((e) => e.detail.kind === 'anchor'), 'anchor problem reported', 8000);
      await sleep(500); // settle: no second report
    } finally {
      warnings.restore();
    }
    const anchorErrors = errors.filter((e) => e.detail.kind === 'anchor').map((e) => e.detail);
    expect(anchorErrors, JSON.stringify(anchorErrors)).to.have.length(1);
    const p = anchorErrors[0]!;
    expect(p.id).to.equal('cx');
    expect(p.score).to.be.a('number').within(0, 1);
    if (p.candidate !== undefined) expect(p.candidate).to.be.a('string');
    expect(p.message).to.contain('cx');
    expect(errors.filter((e) => e.detail.kind !== 'anchor'), 'no other problem').to.have.length(0);
    expect(warnings.lines.filter((l) => l.includes('cx')), warnings.lines.join('\n')).to.have.length(1);
    expect(markerOf('cx')).to.equal(null);
    for (const c of demo.claims) expect(markerOf(c.id), c.id).to.not.equal(null);
  });

  it('anchoring a ~5 MB article keeps the main thread responsive', async function () {
    this.timeout(120000);
    // ~5 MB of filler paragraphs, then the demo article with its claims at the end.
    const words = 'harbour board ferry island clinic school water taxi repairs budget meeting town hall quay boat hull engineers spring summer weeks months islanders'.split(' ');
    const paragraphs: string[] = [];
    let size = 0;
    for (let i = 0; size < 5_000_000; i++) {
      let p = `Filler paragraph ${i}:`;
      for (let k = 0; k < 150; k++) p += ` ${words[(i * 7 + k * 13) % words.length]}`;
      p += '.';
      paragraphs.push(`<p>${p}</p>`);
      size += p.length;
    }
    host = insertArticle('story', paragraphs.join('\n'));
    const total = host.textContent!.length;
    expect(total).to.be.greaterThan(5_000_000);
    // The viewer first, without the article; then point it at the article and watch the frames.
    video = await loadVideo('statement', VIDEO);
    el = document.createElement('annotated-transcript') as AnnotatedTranscript;
    errors = [];
    el.addEventListener('transcript-error', (e) => errors.push(e as CustomEvent));
    el.setAttribute('for', 'statement');
    el.setAttribute('src', VTT);
    el.setAttribute('annotations', ANNOTATIONS);
    el.style.height = '200px';
    document.body.prepend(el);
    h = new TranscriptHarness(el);
    await waitUntil(() => h.lines().length === 16 && h.markers().length === 7, 'viewer ready', 10000);
    for (let k = 0; k < 10; k++) await nextFrame();

    let longestTask = 0;
    let observer: PerformanceObserver | null = null;
    try {
      observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) longestTask = Math.max(longestTask, e.duration);
      });
      observer.observe({ type: 'longtask', buffered: false });
    } catch {
      observer = null;
    }
    // Where the time goes (Chromium's Long Animation Frames API, when present): logged, not asserted.
    const frames: { duration: number; layout: number; scripts: string }[] = [];
    let loaf: PerformanceObserver | null = null;
    try {
      loaf = new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { styleAndLayoutStart?: number; scripts?: { duration: number; invoker?: string; sourceFunctionName?: string; sourceURL?: string; sourceCharPosition?: number }[] })[]) {
          const layout = e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0;
          const scripts = (e.scripts ?? []).map((x) => `${x.invoker || '?'} ${x.sourceFunctionName || ''}@${(x.sourceURL ?? '').split('/').pop()}:${x.sourceCharPosition ?? ''} ${x.duration.toFixed(0)}ms`).join(', ');
          frames.push({ duration: e.duration, layout, scripts });
        }
      });
      loaf.observe({ type: 'long-animation-frame', buffered: false });
    } catch {
      loaf = null;
    }
    let longestGap = 0;
    let running = true;
    let last = performance.now();
    const tick = (now: number) => {
      longestGap = Math.max(longestGap, now - last);
      last = now;
      if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
    await nextFrame();
    const started = performance.now();
    el.setAttribute('article', 'story');
    await waitUntil(() => markers().length === demo.claims.length, 'all claims anchored in the big article', 100000);
    const took = performance.now() - started;
    running = false;
    await nextFrame();
    observer?.disconnect();
    loaf?.disconnect();
    for (const f of frames.sort((a, b) => b.duration - a.duration).slice(0, 3)) {
      console.log(`[anchoring] long frame ${f.duration.toFixed(0)} ms (style+layout ${f.layout.toFixed(0)} ms): ${f.scripts}`);
    }
    console.log(`[anchoring ${(total / 1e6).toFixed(1)} MB] took ${took.toFixed(0)} ms; longest gap between frames ${longestGap.toFixed(0)} ms; longest task ${observer ? longestTask.toFixed(0) : 'n/a'} ms`);
    expect(errors.filter((e) => e.detail.kind === 'anchor'), 'every claim found').to.have.length(0);
    expect(longestGap, 'longest gap between animation frames while anchoring (ms)').to.be.below(250);
  });

  it('leaves the article’s own markup unchanged apart from the inserted markers', async () => {
    host = insertArticle();
    const originalHtml = host.innerHTML;
    const originalText = host.textContent;
    const originalElements = host.querySelectorAll('*').length;
    await mount();
    await allAnchored();
    const clone = host.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('at-claim-marker').forEach((m) => m.remove());
    clone.normalize();
    expect(clone.textContent).to.equal(originalText);
    expect(clone.innerHTML).to.equal(originalHtml);
    expect(host.textContent, 'markers add no text to the article').to.equal(originalText);
    expect(host.querySelectorAll('*').length - markers().length, 'no other element added').to.equal(originalElements);
    // Removing the viewer removes its markers and highlights.
    el!.remove();
    await waitUntil(() => markers().length === 0, 'markers removed with the viewer');
    expect([...highlightRanges().values()].flat()).to.have.length(0);
    host.normalize();
    expect(host.innerHTML).to.equal(originalHtml);
  });

  it('unsupported claims: a marker with relation "unsupported"; activating it opens the annotation in the lineless list without seeking', async () => {
    host = insertArticle();
    await mount({ height: 260 });
    await allAnchored();
    for (const id of ['c8', 'c9']) expect(markerOf(id)!.getAttribute('relation'), id).to.equal('unsupported');
    await seekVideo(video!, 10);
    await waitForStable(() => h.scroller().scrollTop, 'auto-scroll to the current line settled');
    const seeks = collectEvents<CustomEvent>(el!, 'transcript-seek');
    const toggles = collectEvents<CustomEvent>(el!, 'annotation-toggle');
    const event = await expectEvent<CustomEvent>(el!, 'claim-activate', () => innerButton(markerOf('c8')!).click());
    expect(event.detail).to.deep.equal({ claimId: 'c8' });
    await el!.updateComplete;
    const panel = h.annotationPanel('a8')!;
    expect(panel, 'a8 panel').to.not.equal(null);
    expect(h.linelessSection()!.contains(panel), 'in the lineless list').to.be.true;
    await waitUntil(() => {
      const view = h.scroller().getBoundingClientRect();
      const box = panel.getBoundingClientRect();
      return box.top >= view.top - 1 && box.top < view.bottom;
    }, `the lineless annotation scrolled into the transcript’s view (${JSON.stringify({ view: h.scroller().getBoundingClientRect(), panel: panel.getBoundingClientRect(), scrollTop: h.scroller().scrollTop, scrollHeight: h.scroller().scrollHeight })})`, 8000);
    await sleep(300);
    seeks.stop();
    toggles.stop();
    expect(seeks.events, 'no seek').to.have.length(0);
    expect(video!.currentTime).to.be.closeTo(10, 0.01);
    expect(toggles.events.map((e) => e.detail)).to.deep.equal([{ annotationId: 'a8', open: true }]);
  });

  it('an unsupported claim activated while the video plays stays in view (auto-scroll does not pull the transcript away)', async function () {
    this.timeout(40000);
    host = insertArticle();
    await mount({ height: 260 });
    await allAnchored();
    const cue2 = el!.cues[lineIndex('2')]!;
    await seekVideo(video!, cue2.start + 0.05);
    await video!.play();
    await waitForStable(() => h.scroller().scrollTop, 'auto-scroll settled', 4, 8000).catch(() => undefined);
    innerButton(markerOf('c8')!).click();
    await el!.updateComplete;
    const panel = h.annotationPanel('a8')!;
    const inView = () => {
      const view = h.scroller().getBoundingClientRect();
      const box = panel.getBoundingClientRect();
      return box.top >= view.top - 1 && box.top < view.bottom;
    };
    await waitUntil(inView, 'the lineless annotation scrolled into view', 8000);
    // The video plays on: new words and a new line become current. The reader is reading the annotation.
    const t0 = video!.currentTime;
    await waitUntil(() => video!.currentTime > Math.max(t0 + 1.5, cue2.end + 0.3), 'playback moved on', 15000);
    await sleep(600); // a smooth scroll would be under way
    video!.pause();
    expect(inView(), `a8 still in view (scrollTop ${h.scroller().scrollTop})`).to.be.true;
  });

  it('axe: the article with its claim markers is clean', async () => {
    host = insertArticle();
    await mount();
    await allAnchored();
    await expect(host).to.be.accessible();
  });
});
