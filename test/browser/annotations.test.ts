import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import { TranscriptHarness } from '../harness/transcript-harness.js';
import { captureLibraryWarnings, collectEvents, expectEvent, holdFetch, loadVideo, nextFrame, seekVideo, sleep, waitUntil } from './helpers.js';

// Demo data (committed under data/demo, served by the test server).
const VIDEO = '/data/demo/statement.webm';
const VTT = '/data/demo/statement.en.vtt';
const ANNOTATIONS = '/data/demo/annotations.json';
const BROKEN = '/test/fixtures/annotations-browser/broken.json';

interface DemoAnnotation {
  id: string;
  cues?: string[];
  time?: { start: number; end: number };
  claims: string[];
  relation: 'supports' | 'contradicts' | 'context' | 'unsupported';
  body?: string;
}
interface DemoClaim {
  id: string;
  quote: { exact: string };
}
interface DemoFile {
  claims: DemoClaim[];
  annotations: DemoAnnotation[];
}
interface Cue {
  id: string;
  start: number;
  end: number;
}

const WORD: Record<string, string> = { supports: 'Supports', contradicts: 'Contradicts', context: 'Context' };
const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The cue ids an annotation covers, in time order: its `cues`, plus the cues its `time` overlaps (computed here, from the data). */
function coveredIds(a: DemoAnnotation, cues: readonly Cue[]): string[] {
  const ids = new Set(a.cues ?? []);
  if (a.time) for (const c of cues) if (c.start < a.time.end && c.end > a.time.start) ids.add(c.id);
  return cues.filter((c) => ids.has(c.id)).map((c) => c.id);
}

describe('annotations in the transcript (demo data)', function () {
  this.timeout(30000);

  let demo: DemoFile;
  let container: HTMLElement;
  let video: HTMLVideoElement | null = null;
  let el: AnnotatedTranscript;
  let h: TranscriptHarness;
  let errors: CustomEvent[];

  before(async () => {
    demo = (await (await fetch(ANNOTATIONS)).json()) as DemoFile;
  });

  /** A fresh <video>, and an <annotated-transcript> bound to it (events listened to before it connects). */
  async function mount(options: { annotations?: string | null; debug?: boolean; height?: number; withVideo?: boolean } = {}): Promise<void> {
    container = document.createElement('div');
    document.body.append(container);
    if (options.withVideo !== false) {
      video = await loadVideo('statement', VIDEO);
    }
    el = document.createElement('annotated-transcript') as AnnotatedTranscript;
    errors = [];
    el.addEventListener('transcript-error', (e) => errors.push(e as CustomEvent));
    el.setAttribute('for', 'statement');
    el.setAttribute('src', VTT);
    if (options.annotations !== null) el.setAttribute('annotations', options.annotations ?? ANNOTATIONS);
    if (options.debug) el.setAttribute('debug', '');
    el.style.height = `${options.height ?? 420}px`;
    container.append(el);
    h = new TranscriptHarness(el);
    await waitUntil(() => h.lines().length === 16, 'the 16 demo lines rendered', 10000);
    if (options.annotations !== null) await waitUntil(() => h.markers().length > 0, 'annotation markers rendered', 10000);
    await el.updateComplete;
  }

  afterEach(() => {
    video?.pause();
    video?.remove();
    video = null;
    container?.remove();
  });

  const lineIndex = (cueId: string) => el.cues.findIndex((c) => c.id === cueId);
  const withLines = () => demo.annotations.filter((a) => coveredIds(a, el.cues).length > 0);

  describe('markers', () => {
    beforeEach(() => mount());

    it('the demo transcript has the 16 cues the annotations name', () => {
      expect(el.cues.map((c) => c.id)).to.deep.equal(Array.from({ length: 16 }, (_, i) => String(i + 1)));
    });

    it('puts one marker button on the first line of each annotation that has lines: relation word plus icon, collapsed', () => {
      const expected = withLines();
      expect(expected.map((a) => a.id)).to.deep.equal(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7']);
      expect(h.markers()).to.have.length(expected.length);
      for (const a of expected) {
        const first = lineIndex(coveredIds(a, el.cues)[0]!);
        const onLine = h.markersOn(first);
        const marker = h.marker(a.id);
        expect(marker, `marker of ${a.id}`).to.not.equal(null);
        expect(onLine, `marker of ${a.id} on line ${first}`).to.include(marker!);
        expect(marker!.tagName).to.equal('BUTTON');
        expect(marker!.part.contains('marker')).to.be.true;
        expect(marker!.getAttribute('aria-expanded')).to.equal('false');
        const text = norm(marker!.textContent);
        const word = WORD[a.relation]!;
        expect(text, `visible text of ${a.id}`).to.contain(word);
        // Never colour alone: an icon (a symbol, hidden from screen readers) beside the word.
        const icon = norm(marker!.querySelector('[aria-hidden="true"]')?.textContent);
        expect(icon, `icon of ${a.id}`).to.match(/^[^A-Za-z0-9\s]{1,3}$/);
        expect(text.startsWith(icon) || text.endsWith(icon), `icon of ${a.id} shown in "${text}"`).to.be.true;
        // Its accessible name carries the relation too (aria-label, else the content).
        expect(marker!.getAttribute('aria-label') ?? text).to.contain(word);
      }
      // Lines where no annotation starts have no marker.
      const firsts = new Set(expected.map((a) => lineIndex(coveredIds(a, el.cues)[0]!)));
      h.lines().forEach((_, i) => {
        if (!firsts.has(i)) expect(h.markersOn(i), `line ${i}`).to.have.length(0);
      });
      // Unsupported annotations have no line, hence no marker.
      expect(h.marker('a8')).to.equal(null);
      expect(h.marker('a9')).to.equal(null);
    });

    it('clicking a marker opens its panel under the line (aria-expanded, aria-controls, one annotation-toggle); again closes it', async () => {
      const a1 = demo.annotations.find((a) => a.id === 'a1')!;
      const i = lineIndex('3');
      const marker = h.marker('a1')!;
      const opened = await expectEvent<CustomEvent>(el, 'annotation-toggle', () => marker.click());
      expect(opened.detail).to.deep.equal({ annotationId: 'a1', open: true });
      expect(opened.bubbles && opened.composed).to.be.true;
      await el.updateComplete;
      expect(marker.getAttribute('aria-expanded')).to.equal('true');
      const controls = marker.getAttribute('aria-controls');
      expect(controls).to.be.a('string').and.not.equal('');
      const panel = h.root.getElementById(controls!);
      expect(panel, 'aria-controls names an element of the same shadow root').to.not.equal(null);
      expect(panel!.part.contains('annotation')).to.be.true;
      expect(h.root.querySelectorAll(`[id="${CSS.escape(controls!)}"]`)).to.have.length(1);
      // Under its line: in the line's row, below the line.
      expect(h.row(i).contains(panel)).to.be.true;
      expect(panel!.getBoundingClientRect().top).to.be.at.least(h.line(i).getBoundingClientRect().bottom - 1);
      expect(norm(panel!.textContent)).to.contain(norm(a1.body));
      expect(h.openPanels()).to.deep.equal([panel]);

      const closed = await expectEvent<CustomEvent>(el, 'annotation-toggle', () => marker.click());
      expect(closed.detail).to.deep.equal({ annotationId: 'a1', open: false });
      await el.updateComplete;
      expect(marker.getAttribute('aria-expanded')).to.equal('false');
      expect(h.root.getElementById(controls!)).to.equal(null);
      expect(h.openPanels()).to.have.length(0);
    });

    it('"Expand all annotations" opens every one (one event each); "Collapse all" closes them', async () => {
      const button = h.toggleAllButton()!;
      expect(button).to.not.equal(null);
      expect(norm(button.textContent)).to.equal('Expand all annotations');
      const opened = collectEvents<CustomEvent>(el, 'annotation-toggle');
      button.click();
      await el.updateComplete;
      await sleep(50);
      opened.stop();
      const lined = withLines().map((a) => a.id);
      const ids = opened.events.map((e) => e.detail.annotationId);
      expect(new Set(ids).size, 'one event per annotation').to.equal(ids.length);
      expect(ids).to.include.members(lined);
      expect(ids.every((id) => demo.annotations.some((a) => a.id === id))).to.be.true;
      expect(opened.events.every((e) => e.detail.open === true)).to.be.true;
      for (const id of lined) expect(h.marker(id)!.getAttribute('aria-expanded'), id).to.equal('true');
      expect(h.openPanels()).to.have.length(lined.length);
      expect(norm(h.toggleAllButton()!.textContent)).to.equal('Collapse all annotations');

      const closed = collectEvents<CustomEvent>(el, 'annotation-toggle');
      h.toggleAllButton()!.click();
      await el.updateComplete;
      await sleep(50);
      closed.stop();
      expect(closed.events.map((e) => e.detail.annotationId).sort()).to.deep.equal([...ids].sort());
      expect(closed.events.every((e) => e.detail.open === false)).to.be.true;
      for (const id of lined) expect(h.marker(id)!.getAttribute('aria-expanded'), id).to.equal('false');
      expect(h.openPanels()).to.have.length(0);
      expect(norm(h.toggleAllButton()!.textContent)).to.equal('Expand all annotations');
    });

    it('"Collapse all" with one annotation open fires exactly one event, for that one', async () => {
      await expectEvent(el, 'annotation-toggle', () => h.toggleAnnotation('a6'));
      await el.updateComplete;
      expect(norm(h.toggleAllButton()!.textContent)).to.equal('Collapse all annotations');
      const closed = await expectEvent<CustomEvent>(el, 'annotation-toggle', () => h.toggleAllButton()!.click(), 100);
      expect(closed.detail).to.deep.equal({ annotationId: 'a6', open: false });
      await el.updateComplete;
      expect(h.openPanels()).to.have.length(0);
    });

    it('shows span bars on every line an annotation covers, and only there', () => {
      const expectedBars = el.cues.map((c) => withLines().filter((a) => coveredIds(a, el.cues).includes(c.id)));
      el.cues.forEach((_, i) => {
        const bars = h.spanBars(i);
        expect(bars, `bars of line ${i}`).to.have.length(expectedBars[i]!.length);
        bars.forEach((bar, k) => expect(bar.classList.contains(`rel-${expectedBars[i]![k]!.relation}`), `bar ${k} of line ${i}`).to.be.true);
      });
      // The multi-line annotation a1 (cues 3, 4): a bar on both lines.
      expect(h.spanBars(lineIndex('3'))).to.have.length(1);
      expect(h.spanBars(lineIndex('4'))).to.have.length(1);
      // a2 names cues 2 and 16 (not contiguous): bars there, none in between.
      expect(h.spanBars(lineIndex('2'))).to.have.length(1);
      expect(h.spanBars(lineIndex('16'))).to.have.length(1);
      expect(h.spanBars(lineIndex('9'))).to.have.length(0);
    });

    it('attaches a time-based annotation to the cues its time overlaps', async () => {
      const a4 = demo.annotations.find((a) => a.time)!;
      expect(a4.id).to.equal('a4');
      expect(a4.cues).to.equal(undefined);
      const covered = coveredIds(a4, el.cues);
      expect(covered).to.deep.equal(['7', '8']);
      const first = lineIndex(covered[0]!);
      expect(h.markersOn(first)).to.include(h.marker('a4')!);
      for (const id of covered) expect(h.spanBars(lineIndex(id)), `bar on cue ${id}`).to.have.length(1);
      expect(h.spanBars(lineIndex('6'))).to.have.length(1); // a5's, not a4's
      expect(h.spanBars(lineIndex('6'))[0]!.classList.contains('rel-supports')).to.be.true;
      expect(h.spanBars(lineIndex('9'))).to.have.length(0);
      h.toggleAnnotation('a4');
      await el.updateComplete;
      expect(h.row(first).contains(h.annotationPanel('a4'))).to.be.true;
    });

    it('lists the unsupported annotations under "Claims nothing in the recording supports"', () => {
      const section = h.linelessSection();
      expect(section).to.not.equal(null);
      const heading = section!.querySelector('h1, h2, h3, h4, h5, h6, [role="heading"]');
      expect(norm(heading?.textContent)).to.equal('Claims nothing in the recording supports');
      const unsupported = demo.annotations.filter((a) => a.relation === 'unsupported');
      expect(unsupported.map((a) => a.id)).to.deep.equal(['a8', 'a9']);
      const panels = h.linelessPanels();
      expect(panels).to.have.length(unsupported.length);
      unsupported.forEach((a, k) => {
        expect(panels[k]).to.equal(h.annotationPanel(a.id));
        expect(panels[k]!.part.contains('annotation')).to.be.true;
        expect(norm(panels[k]!.textContent)).to.contain(norm(a.body));
        const claim = demo.claims.find((c) => c.id === a.claims[0])!;
        expect(norm(panels[k]!.textContent)).to.contain(norm(claim.quote.exact));
        // No passage to play: nothing in the recording.
        expect(h.panelButton(a.id, 'Play this passage')).to.equal(null);
      });
    });

    it('axe: clean with annotations closed', async () => {
      await expect(el).to.be.accessible();
    });

    it('axe: clean with every annotation open', async () => {
      h.openAnnotations();
      await el.updateComplete;
      expect(h.openPanels()).to.have.length(withLines().length);
      await expect(el).to.be.accessible();
    });
  });

  describe('evidence map', () => {
    beforeEach(() => mount());

    /** Expected marks: one per run of consecutive lines of each annotation with lines. */
    function expectedMarks(): { id: string; relation: string; start: number; end: number }[] {
      const out: { id: string; relation: string; start: number; end: number }[] = [];
      for (const a of withLines()) {
        let prev = -2;
        for (const id of coveredIds(a, el.cues)) {
          const i = lineIndex(id);
          const c = el.cues[i]!;
          if (i === prev + 1) out[out.length - 1]!.end = c.end;
          else out.push({ id: a.id, relation: a.relation, start: c.start, end: c.end });
          prev = i;
        }
      }
      return out;
    }

    const leftOf = (m: HTMLElement) => parseFloat(m.style.left);

    it('sits in the toolbar with one mark per passage, by relation', async () => {
      const map = h.evidenceMap();
      expect(map, 'at-evidence-map in the toolbar').to.not.equal(null);
      await map!.updateComplete;
      const expected = expectedMarks();
      await waitUntil(() => h.evidenceMarks().length === expected.length, `${expected.length} marks`);
      const marks = h.evidenceMarks();
      for (const relation of ['supports', 'contradicts', 'context']) {
        const want = expected.filter((m) => m.relation === relation).length;
        const got = marks.filter((m) => m.classList.contains(relation));
        expect(got, relation).to.have.length(want);
        // The relation is in the mark's name, not only in its colour or pattern.
        for (const m of got) expect(m.getAttribute('aria-label') ?? '').to.contain(WORD[relation]!);
      }
      // Placed by time: the left edges follow the passages' starts.
      const duration = video!.duration;
      const lefts = marks.map(leftOf).sort((x, y) => x - y);
      const starts = expected.map((m) => (m.start / duration) * 100).sort((x, y) => x - y);
      lefts.forEach((l, k) => expect(l).to.be.closeTo(starts[k]!, 0.5));
    });

    it('activating a mark seeks the video to the passage and opens its annotation', async () => {
      await waitUntil(() => h.evidenceMarks().length > 0, 'marks');
      // The context passage (a7: cues 12–13).
      const a7 = expectedMarks().find((m) => m.id === 'a7')!;
      const mark = h.evidenceMarks().find((m) => m.classList.contains('context'))!;
      const toggle = await expectEvent<CustomEvent>(el, 'annotation-toggle', () => mark.click());
      expect(toggle.detail).to.deep.equal({ annotationId: 'a7', open: true });
      await waitUntil(() => Math.abs(video!.currentTime - a7.start) < 0.02, `video at ${a7.start}`);
      await el.updateComplete;
      expect(h.marker('a7')!.getAttribute('aria-expanded')).to.equal('true');
      expect(h.annotationPanel('a7')).to.not.equal(null);
      await waitUntil(() => h.isLineInView(lineIndex('12')), 'first line of the passage scrolled into view');
    });

    it('activating the second passage of a split annotation seeks to that passage, not to the first', async () => {
      await waitUntil(() => h.evidenceMarks().length > 0, 'marks');
      // a2 names cues 2 and 16: two marks; the rightmost mark of the map is its second passage.
      const second = expectedMarks().filter((m) => m.id === 'a2')[1]!;
      expect(second.start).to.equal(el.cues[lineIndex('16')]!.start);
      const mark = h.evidenceMarks().reduce((a, b) => (leftOf(b) > leftOf(a) ? b : a));
      expect(mark.classList.contains('contradicts')).to.be.true;
      mark.click();
      await waitUntil(() => h.annotationPanel('a2') !== null, 'a2 opened');
      await sleep(300);
      expect(video!.currentTime, 'the passage the reader chose').to.be.closeTo(second.start, 0.05);
    });
  });

  describe('"Play this passage"', () => {
    beforeEach(() => mount());

    it('plays exactly the lines of a short annotation: starts at its first line, pauses at its last line’s end', async function () {
      this.timeout(40000);
      // a5: cue 6 alone (≈3 s).
      const cue = el.cues[lineIndex('6')]!;
      await seekVideo(video!, 2);
      h.toggleAnnotation('a5');
      await el.updateComplete;
      const play = h.panelButton('a5', 'Play this passage');
      expect(play, 'play button').to.not.equal(null);
      play!.click();
      await waitUntil(() => !video!.paused, 'playing', 8000);
      expect(video!.currentTime, 'starts at the first line').to.be.closeTo(cue.start, 0.3);
      let early = false;
      const watch = async () => {
        while (!video!.paused) {
          if (video!.currentTime < cue.start - 0.05) early = true;
          await nextFrame();
        }
      };
      await Promise.race([watch(), sleep(20000)]);
      expect(video!.paused, 'paused by the passage').to.be.true;
      expect(early).to.be.false;
      const t = video!.currentTime;
      console.log(`[play passage] end ${cue.end}, paused at ${t.toFixed(3)} (+${(t - cue.end).toFixed(3)} s)`);
      expect(t).to.be.at.least(cue.end - 0.05);
      expect(t).to.be.at.most(cue.end + 0.3);
    });

    it('plays a multi-line passage and pauses at its last line’s end (a1, cues 3–4, at 2×)', async function () {
      this.timeout(40000);
      const first = el.cues[lineIndex('3')]!;
      const last = el.cues[lineIndex('4')]!;
      video!.playbackRate = 2;
      h.toggleAnnotation('a1');
      await el.updateComplete;
      h.panelButton('a1', 'Play this passage')!.click();
      await waitUntil(() => !video!.paused, 'playing', 8000);
      expect(video!.currentTime).to.be.closeTo(first.start, 0.4);
      await waitUntil(() => video!.paused, 'paused at the end of the passage', 20000);
      const t = video!.currentTime;
      console.log(`[play passage 2x] end ${last.end}, paused at ${t.toFixed(3)} (+${(t - last.end).toFixed(3)} s)`);
      expect(t).to.be.at.least(last.end - 0.05);
      expect(t).to.be.at.most(last.end + 0.3);
    });

    it('plays only the annotation’s own lines when they are not contiguous (a2: cues 2 and 16)', async function () {
      this.timeout(40000);
      const a = el.cues[lineIndex('2')]!;
      const b = el.cues[lineIndex('16')]!;
      video!.playbackRate = 2;
      h.toggleAnnotation('a2');
      await el.updateComplete;
      h.panelButton('a2', 'Play this passage')!.click();
      await waitUntil(() => !video!.paused, 'playing', 8000);
      // Between the two lines lie 13 lines that are not part of the annotation: they must not play.
      let strayed: number | null = null;
      const start = performance.now();
      while (!video!.paused && performance.now() - start < 20000) {
        const t = video!.currentTime;
        if (t > a.end + 0.5 && t < b.start - 0.05) {
          strayed = t;
          break;
        }
        await nextFrame();
      }
      video!.pause();
      expect(strayed, `played ${strayed?.toFixed(2)} s, between line 2 (ends ${a.end}) and line 16 (starts ${b.start})`).to.equal(null);
    });
  });

  describe('hostile annotation data', () => {
    beforeEach(() => mount({ annotations: null }));

    it('renders markup in a body as text, a javascript: link as text, an https link as a link', async () => {
      const alerts: unknown[] = [];
      const originalAlert = window.alert;
      window.alert = (m?: unknown) => void alerts.push(m);
      try {
        const body = 'Look: <img src=x onerror=alert(1)> and [click](javascript:alert(1)) and [ok](https://example.org)';
        el.annotations = {
          version: 1,
          claims: [{ id: 'hc', quote: { exact: '<b>not bold</b>' } }],
          annotations: [{ id: 'h1', cues: ['1'], claims: ['hc'], relation: 'context', body }],
        };
        await waitUntil(() => h.marker('h1') !== null, 'marker of the hostile annotation');
        h.toggleAnnotation('h1');
        await el.updateComplete;
        const panel = h.annotationPanel('h1')!;
        expect(panel).to.not.equal(null);
        const note = [...panel.querySelectorAll('p')].find((p) => p.textContent!.includes('Look:'))!;
        expect(note, 'the body paragraph').to.not.equal(undefined);
        // Exact DOM: one text node with the literal markup and the refused link, then one <a>.
        const nodes = [...note.childNodes].filter((n) => n.nodeType !== Node.COMMENT_NODE);
        const texts = nodes.filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
        expect(texts).to.equal('Look: <img src=x onerror=alert(1)> and [click](javascript:alert(1)) and ');
        const elements = nodes.filter((n) => n.nodeType === Node.ELEMENT_NODE) as Element[];
        expect(elements.map((e) => e.tagName)).to.deep.equal(['A']);
        const a = elements[0] as HTMLAnchorElement;
        expect(a.textContent).to.equal('ok');
        expect(a.getAttribute('href')).to.equal('https://example.org');
        expect(a.href).to.equal('https://example.org/');
        expect(a.rel.split(/\s+/)).to.include('noopener');
        expect(panel.querySelectorAll('img')).to.have.length(0);
        expect(h.root.querySelectorAll('img')).to.have.length(0);
        const hrefs = [...h.root.querySelectorAll('a')].map((x) => x.getAttribute('href') ?? '');
        expect(hrefs.some((x) => /javascript:/i.test(x))).to.be.false;
        // The claim quote is text too.
        expect(panel.querySelector('b')).to.equal(null);
        expect(panel.textContent).to.contain('<b>not bold</b>');
        await sleep(100);
        expect(alerts).to.have.length(0);
      } finally {
        window.alert = originalAlert;
      }
    });
  });

  describe('a broken annotation file', () => {
    it('reports one transcript-error per problem (kind, id, path); the valid annotations still work; nothing shown without debug', async () => {
      const warnings = captureLibraryWarnings();
      try {
        await mount({ annotations: BROKEN });
        await waitUntil(() => errors.length >= 4, 'four problems reported', 8000);
        await sleep(200);
      } finally {
        warnings.restore();
      }
      const details = errors.map((e) => e.detail);
      expect(details, JSON.stringify(details)).to.have.length(4);
      expect(details.every((d) => d.kind === 'annotation')).to.be.true;
      expect(errors.every((e) => e.bubbles && e.composed)).to.be.true;
      const byId = (id: string) => details.filter((d) => d.id === id);
      // Missing cue "99", named by the annotation that points at it.
      expect(byId('bad-cue'), 'missing cue').to.have.length(1);
      expect(byId('bad-cue')[0].message).to.contain('99');
      // Missing claim "c404".
      expect(byId('bad-claim'), 'missing claim').to.have.length(1);
      expect(byId('bad-claim')[0].message).to.contain('c404');
      // Duplicate id: the second "ok1", at $.annotations[3].
      expect(byId('ok1'), 'duplicate id').to.have.length(1);
      expect(byId('ok1')[0].path).to.equal('$.annotations[3]');
      // Invalid relation.
      expect(byId('bad-relation'), 'invalid relation').to.have.length(1);
      expect(byId('bad-relation')[0].path).to.equal('$.annotations[4].relation');
      for (const d of details) expect(d.message, 'a localised message').to.be.a('string').and.not.equal('');
      // One console warning per problem.
      expect(warnings.lines).to.have.length(4);

      // The valid ones still work.
      expect(h.marker('ok1')).to.not.equal(null);
      expect(h.markersOn(lineIndex('3'))).to.include(h.marker('ok1')!);
      expect(h.markersOn(lineIndex('4')), 'the duplicate was dropped').to.have.length(0);
      expect(h.spanBars(lineIndex('4'))).to.have.length(0);
      expect(h.marker('bad-relation')).to.equal(null);
      expect(h.markersOn(lineIndex('7'))).to.include(h.marker('ok2')!);
      const toggle = await expectEvent<CustomEvent>(el, 'annotation-toggle', () => h.toggleAnnotation('ok2'));
      expect(toggle.detail).to.deep.equal({ annotationId: 'ok2', open: true });
      await el.updateComplete;
      expect(norm(h.annotationPanel('ok2')?.textContent)).to.contain('Valid: the second good annotation.');
      // Not shown to readers without `debug`.
      expect(h.errorBox()).to.equal(null);
      expect(h.problems()).to.deep.equal([]);
    });

    it('with `debug`, the problems panel lists them', async () => {
      const warnings = captureLibraryWarnings();
      try {
        await mount({ annotations: BROKEN, debug: true });
        await waitUntil(() => errors.length >= 4, 'four problems reported', 8000);
      } finally {
        warnings.restore();
      }
      await el.updateComplete;
      const box = h.errorBox();
      expect(box, 'problems panel').to.not.equal(null);
      expect(box!.part.contains('error')).to.be.true;
      const items = h.problems();
      expect(items, items.join('\n')).to.have.length(4);
      expect(items).to.deep.equal(errors.map((e) => norm(e.detail.message)));
      expect(items.some((t) => t.includes('bad-cue') && t.includes('99'))).to.be.true;
      expect(items.some((t) => t.includes('bad-claim') && t.includes('c404'))).to.be.true;
      expect(items.some((t) => t.includes('$.annotations[3]'))).to.be.true;
      expect(items.some((t) => t.includes('$.annotations[4].relation'))).to.be.true;
      // The panel is open for editors.
      if (box instanceof HTMLDetailsElement) expect(box.open).to.be.true;
    });

    it('describes a duplicate annotation id truthfully (the second one was dropped, not renamed)', async () => {
      const warnings = captureLibraryWarnings();
      try {
        await mount({ annotations: BROKEN });
        await waitUntil(() => errors.length >= 4, 'four problems reported', 8000);
      } finally {
        warnings.restore();
      }
      const dup = errors.map((e) => e.detail).find((d) => d.id === 'ok1')!;
      expect(dup.message).to.contain('ok1');
      expect(dup.message, dup.message).to.not.match(/renamed/i);
      expect(dup.message, dup.message).to.not.contain('id already used at');
    });

    it('does not list an annotation whose cues are all missing among the claims nothing supports', async () => {
      const warnings = captureLibraryWarnings();
      try {
        await mount({ annotations: BROKEN });
        await waitUntil(() => errors.length >= 4, 'four problems reported', 8000);
      } finally {
        warnings.restore();
      }
      await el.updateComplete;
      // "bad-cue" is a "supports" annotation whose only cue is missing: it is not an unsupported claim.
      const lineless = h.linelessPanels().map((p) => norm(p.textContent));
      expect(lineless.filter((t) => t.includes('Points at a cue the transcript does not have.')), lineless.join('\n')).to.have.length(0);
    });
  });

  describe('annotations URL and data: the last set wins', () => {
    it('data set after the URL (while the URL is still loading) wins', async () => {
      const hold = holdFetch((url) => url.includes('annotations.json'));
      try {
        await mount({ annotations: null });
        el.annotationsSrc = ANNOTATIONS;
        await el.updateComplete;
        await waitUntil(() => hold.held.length === 1, 'the annotation file requested');
        el.annotations = {
          version: 1,
          claims: [],
          annotations: [{ id: 'mine', cues: ['9'], relation: 'context', body: 'Set as data, last.' }],
        };
        await waitUntil(() => h.marker('mine') !== null, 'data annotation shown');
        hold.release();
        await hold.held[0]!.done;
        await sleep(300);
        await el.updateComplete;
        expect(h.markerIds()).to.deep.equal(['mine']);
        expect(h.marker('a1')).to.equal(null);
      } finally {
        hold.restore();
      }
    });

    it('the URL set after data wins', async () => {
      await mount({ annotations: null });
      el.annotations = {
        version: 1,
        claims: [],
        annotations: [{ id: 'mine', cues: ['9'], relation: 'context', body: 'Set as data, first.' }],
      };
      await waitUntil(() => h.marker('mine') !== null, 'data annotation shown');
      el.annotationsSrc = ANNOTATIONS;
      await waitUntil(() => h.markers().length === 7, 'the file’s seven markers', 8000);
      expect(h.marker('mine')).to.equal(null);
      expect(el.getAttribute('annotations')).to.equal(ANNOTATIONS);
    });

    it('the URL attribute set after data, in the same task, wins', async () => {
      await mount({ annotations: null });
      el.annotations = { version: 1, claims: [], annotations: [{ id: 'mine', cues: ['9'], relation: 'context' }] };
      el.setAttribute('annotations', ANNOTATIONS);
      await waitUntil(() => h.markers().length === 7, 'the file’s seven markers', 8000);
      await sleep(200);
      expect(h.marker('mine')).to.equal(null);
    });

    it('data set after the URL, in the same task, wins (the file never shows)', async () => {
      await mount({ annotations: null });
      el.annotationsSrc = ANNOTATIONS;
      el.annotations = { version: 1, claims: [], annotations: [{ id: 'mine', cues: ['9'], relation: 'context' }] };
      await waitUntil(() => h.marker('mine') !== null, 'data annotation shown');
      await sleep(500);
      await el.updateComplete;
      expect(h.markerIds()).to.deep.equal(['mine']);
    });
  });
});
