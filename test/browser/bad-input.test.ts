/**
 * Bad input (DESIGN "Bad input", README "Bad input"): failed fetches, malformed and non-transcript
 * files, hostile cue text (the shared adversarial corpus), failing or missing media. Never a
 * blank widget, never an exception escaping to the page, one `transcript-error` per problem,
 * nothing from data through innerHTML — and, last in this file, the same with Trusted Types
 * enforced.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import type { Cue } from '../../src/model/types.js';
import { TranscriptHarness } from '../harness/transcript-harness.js';
import { captureLibraryWarnings, collectEvents, corpusJson, corpusUrl, mountTranscript, sleep, waitUntil, watchUncaught } from './helpers.js';

const FIX = '/test/fixtures/browser';

interface Payload { id: string; cue_text: string }
interface PayloadFile { payloads: Payload[]; oracle_invariants: string[] }

/** The box is really there: rendered, with a size, and with text. */
function expectVisible(box: HTMLElement | null, what: string): void {
  expect(box, `${what} exists`).to.not.equal(null);
  expect(box!.checkVisibility(), `${what} is visible`).to.be.true;
  const r = box!.getBoundingClientRect();
  expect(r.width * r.height, `${what} has a size`).to.be.greaterThan(0);
  expect(box!.textContent!.trim(), `${what} has text`).to.not.equal('');
}

describe('bad input', () => {
  let container: HTMLElement;
  let uncaught: ReturnType<typeof watchUncaught>;
  let warnings: ReturnType<typeof captureLibraryWarnings>;

  beforeEach(async () => {
    container = await fixture<HTMLElement>(html`<div style="width: 480px"></div>`);
    uncaught = watchUncaught();
    warnings = captureLibraryWarnings();
  });

  afterEach(() => {
    warnings.restore();
    uncaught.stop();
    expect(uncaught.errors, 'no exception escaped to the page').to.deep.equal([]);
  });

  async function load(src: string, extra: Record<string, unknown> = {}) {
    const { el, errors } = await mountTranscript<AnnotatedTranscript>({ src, style: 'height: 240px', ...extra }, container);
    const h = new TranscriptHarness(el);
    await h.loaded();
    return { el, h, errors };
  }

  describe('fetch problems', () => {
    it('404: a visible message naming HTTP 404, no blank box, one fetch error', async () => {
      const { el, h, errors } = await load(`${FIX}/does-not-exist.vtt`);
      expect(errors).to.have.length(1);
      expect(errors[0]!.detail.kind).to.equal('fetch');
      expect(errors[0]!.detail.message).to.match(/HTTP 404/);
      expect(errors[0]!.detail.line).to.equal(undefined);
      expect(errors[0]!.bubbles && errors[0]!.composed).to.be.true;
      expectVisible(h.errorBox(), 'the error part');
      expect(h.problems()).to.have.length(1);
      expect(h.problems()[0]).to.match(/HTTP 404/);
      expect(h.problems()[0]).to.equal(errors[0]!.detail.message);
      expect(h.lines()).to.have.length(0);
      expect(h.statusText()).to.not.match(/Loading/);
      expect(el.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(el.problems.map((p) => p.kind)).to.deep.equal(['fetch']);
      expect(warnings.lines).to.have.length(1);
      expect(h.statusAnnouncement()).to.not.equal('');
    });

    it('network failure (blocked host): one fetch error with a visible message', async () => {
      const { h, errors } = await load('http://nonexistent.invalid/x.vtt');
      expect(errors.map((e) => e.detail.kind)).to.deep.equal(['fetch']);
      expect(errors[0]!.detail.message).to.match(/network/i);
      expectVisible(h.errorBox(), 'the error part');
      expect(h.problems()).to.deep.equal([errors[0]!.detail.message]);
      expect(h.lines()).to.have.length(0);
    });

    it('wrong content type (a video as src): one fetch error naming the type', async () => {
      const { h, errors } = await load('/test/fixtures/media/talk.webm');
      expect(errors.map((e) => e.detail.kind)).to.deep.equal(['fetch']);
      expect(errors[0]!.detail.message).to.contain('video/webm');
      expectVisible(h.errorBox(), 'the error part');
      expect(h.lines()).to.have.length(0);
    });

    it('a failed load after a good one replaces the old lines with the message', async () => {
      const { el, h } = await load('/test/fixtures/media/talk.vtt');
      expect(h.lines()).to.have.length(6);
      const errors = collectEvents<CustomEvent>(el, 'transcript-error');
      el.src = `${FIX}/missing-too.vtt`;
      await h.loaded();
      errors.stop();
      expect(errors.events.map((e) => e.detail.kind)).to.deep.equal(['fetch']);
      expect(h.lines()).to.have.length(0);
      expectVisible(h.errorBox(), 'the error part');
    });
  });

  describe('malformed and non-transcript files', () => {
    // malformed.vtt: 5 cues; cue 3 (timing on line 12) has a bad timestamp; cue 4 (line 16)
    // ends before it starts. WebVTT keeps a cue whose end is before its start (wpt
    // timings-negative expects such cues; Chromium's <track> keeps them), so the lines shown are
    // cues 1, 2, 4 and 5; the bad timestamp drops cue 3.
    it('malformed WebVTT: the cues that parsed are shown, each problem named with its line', async () => {
      const { el, h, errors } = await load(`${FIX}/malformed.vtt`);
      expect(h.lineTexts()).to.deep.equal(['First line.', 'Second line.', 'Fourth line ends before it starts.', 'Fifth line.']);
      expect(el.cues.map((c) => c.id)).to.deep.equal(['1', '2', '4', '5']);
      expect(h.lineTexts()).to.not.include('Third line has a bad timestamp.');

      expect(errors.map((e) => [e.detail.kind, e.detail.line])).to.deep.equal([
        ['parse', 12],
        ['parse', 16],
      ]);
      const shown = h.problems();
      expect(shown).to.have.length(2);
      expect(shown[0]).to.match(/^Line 12\b/);
      expect(shown[0]).to.contain('00:00:0x.500');
      expect(shown[1]).to.match(/^Line 16\b/);
      expect(shown).to.deep.equal(errors.map((e) => e.detail.message));
      // The box is there and says how many problems there are.
      expectVisible(h.errorBox(), 'the error part');
      expect(h.errorBox()!.textContent).to.match(/2 problems/);
      expect(warnings.lines).to.have.length(2);
    });

    // The message for a cue that ends before it starts must describe what happened to it: the
    // line IS shown (see above), so it must not tell the reader it was skipped.
    it('malformed WebVTT: the message about the backwards cue matches what is shown', async () => {
      const { h } = await load(`${FIX}/malformed.vtt`);
      expect(h.lineTexts()).to.include('Fourth line ends before it starts.');
      const message = h.problems().find((m) => m.startsWith('Line 16'))!;
      expect(message, 'the line is shown, so the message must not say it was skipped').to.not.match(/skipped/i);
    });

    it('a file that is not a transcript at all (prose): one format error, visible', async () => {
      const { h, errors } = await load(`${FIX}/prose.txt`);
      expect(errors.map((e) => e.detail.kind)).to.deep.equal(['format']);
      expectVisible(h.errorBox(), 'the error part');
      expect(h.lines()).to.have.length(0);
    });

    it('JSON that is not a transcript: a format error, visible', async () => {
      const { h, errors } = await load(`${FIX}/not-a-transcript.json`);
      expect(errors.length).to.be.greaterThan(0);
      expect(errors.map((e) => e.detail.kind)).to.include('format');
      expectVisible(h.errorBox(), 'the error part');
      expect(h.lines()).to.have.length(0);
    });

    it('an HTML page without timings: a format error, visible', async () => {
      const { h, errors } = await load(`${FIX}/article.html`);
      expect(errors.map((e) => e.detail.kind)).to.include('format');
      expectVisible(h.errorBox(), 'the error part');
      expect(h.lines()).to.have.length(0);
      expect(h.root.textContent).to.not.contain('Harbour news');
    });

    for (const name of ['empty.vtt', 'empty.txt']) {
      it(`an empty file (${name}): one format error, visible, no lines`, async () => {
        const { h, errors } = await load(`${FIX}/${name}`);
        expect(errors.map((e) => e.detail.kind)).to.deep.equal(['format']);
        expectVisible(h.errorBox(), 'the error part');
        expect(h.lines()).to.have.length(0);
      });
    }

    it('bad data in the transcript property: the valid cues plus a problem with its JSON path', async () => {
      const { el, errors } = await mountTranscript<AnnotatedTranscript>({}, container);
      const h = new TranscriptHarness(el);
      el.transcript = [
        { id: 'ok', start: 0, end: 1, text: 'Fine.' },
        { id: 'bad', start: 'soon', end: 2, text: 'Broken.' } as unknown as Cue,
        { id: 'ok2', start: 2, end: 3, text: 'Also fine.' },
      ];
      await el.updateComplete;
      expect(h.lineTexts()).to.deep.equal(['Fine.', 'Also fine.']);
      expect(errors).to.have.length(1);
      expect(errors[0]!.detail.kind).to.equal('parse');
      expect(errors[0]!.detail.path).to.equal('$[1].start');
      expect(h.problems()[0]).to.contain('$[1].start');
    });
  });
});

// -----------------------------------------------------------------------------------------------
// Hostile cue text

const PAYLOAD_MARK = /alert\(1\)|Jerry|onerror|onload|onbegin|javascript:|__xss/;
/** Elements cue text may become (WebVTT cue-text elements), plus the word spans. */
const CUE_TAGS = new Set(['B', 'I', 'U', 'RUBY', 'RT', 'SPAN']);
const CUE_ATTRS = new Set(['class', 'lang', 'part', 'data-w']);
const FORBIDDEN_TAGS = ['script', 'img', 'svg', 'iframe', 'a', 'math', 'animate', 'object', 'embed', 'style', 'link', 'form', 'video', 'audio', 'base'];

/** Sinks that parse HTML. Calls whose string carries payload text are recorded and refused. */
function trapHtmlSinks(): { calls: string[]; restore(): void } {
  const calls: string[] = [];
  const restorers: (() => void)[] = [];
  const check = (sink: string, value: unknown) => {
    const s = String(value);
    if (PAYLOAD_MARK.test(s)) {
      calls.push(`${sink}: ${s.slice(0, 120)}`);
      throw new Error(`data went through ${sink}`);
    }
  };
  const patchSetter = (proto: object, prop: string, sink: string) => {
    const desc = Object.getOwnPropertyDescriptor(proto, prop);
    if (!desc?.set) return;
    Object.defineProperty(proto, prop, {
      ...desc,
      set(this: unknown, v: unknown) {
        check(sink, v);
        desc.set!.call(this, v);
      },
    });
    restorers.push(() => Object.defineProperty(proto, prop, desc));
  };
  const patchMethod = (proto: object, name: string, sink: string, arg = 0) => {
    const original = (proto as Record<string, unknown>)[name];
    if (typeof original !== 'function') return;
    (proto as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
      check(sink, args[arg]);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
    restorers.push(() => ((proto as Record<string, unknown>)[name] = original));
  };
  patchSetter(Element.prototype, 'innerHTML', 'Element.innerHTML');
  patchSetter(Element.prototype, 'outerHTML', 'Element.outerHTML');
  patchSetter(ShadowRoot.prototype, 'innerHTML', 'ShadowRoot.innerHTML');
  patchSetter(HTMLIFrameElement.prototype, 'srcdoc', 'iframe.srcdoc');
  patchMethod(Element.prototype, 'insertAdjacentHTML', 'insertAdjacentHTML', 1);
  patchMethod(Element.prototype, 'setHTMLUnsafe', 'Element.setHTMLUnsafe');
  patchMethod(ShadowRoot.prototype, 'setHTMLUnsafe', 'ShadowRoot.setHTMLUnsafe');
  patchMethod(Range.prototype, 'createContextualFragment', 'createContextualFragment');
  patchMethod(DOMParser.prototype, 'parseFromString', 'DOMParser');
  patchMethod(Document.prototype, 'write', 'document.write');
  patchMethod(Document.prototype, 'writeln', 'document.writeln');
  patchMethod(Document, 'parseHTMLUnsafe', 'Document.parseHTMLUnsafe');
  return { calls, restore: () => restorers.reverse().forEach((r) => r()) };
}

/** Counts alert/confirm/prompt/print and window.__xss bumps. */
function trapExecution(): { count(): number; restore(): void } {
  const w = window as unknown as Record<string, unknown>;
  const saved = ['alert', 'confirm', 'prompt', 'print'].map((k) => [k, w[k]] as const);
  let calls = 0;
  for (const [k] of saved) w[k] = () => void calls++;
  w['__xss'] = 0;
  return {
    count: () => calls + Number(w['__xss'] ?? 0),
    restore: () => {
      for (const [k, v] of saved) w[k] = v;
      delete w['__xss'];
    },
  };
}

/**
 * Nothing from the data is live: no event-handler attribute and no javascript: URL anywhere in
 * the shadow root; in the lines and the problem box (where data is rendered) no scriptable or
 * embedding element and no style/href/src; inside a line's text only the cue-text elements
 * (b, i, u, ruby, rt, span), carrying only a sanitised class and lang (plus the word parts).
 */
function expectInertDom(h: TranscriptHarness): void {
  for (const e of h.root.querySelectorAll('*')) {
    for (const a of e.getAttributeNames()) {
      expect(/^on/i.test(a), `<${e.localName} ${a}> in the shadow root`).to.be.false;
      expect(e.getAttribute(a)!.toLowerCase(), `<${e.localName} ${a}> value`).to.not.match(/javascript:|vbscript:|data:text\/html/);
    }
  }
  const dataAreas = [h.list(), h.errorBox()].filter((x): x is HTMLElement => !!x);
  for (const area of dataAreas) {
    for (const tag of FORBIDDEN_TAGS) expect(area.querySelectorAll(tag).length, `<${tag}> where data is rendered`).to.equal(0);
    for (const e of area.querySelectorAll('*')) {
      for (const a of ['style', 'href', 'src', 'srcdoc', 'xlink:href', 'formaction', 'action']) {
        expect(e.hasAttribute(a), `<${e.localName} ${a}> where data is rendered`).to.be.false;
      }
    }
  }
  for (const text of h.textElements()) {
    for (const e of text.querySelectorAll('*')) {
      expect(CUE_TAGS.has(e.tagName), `<${e.localName}> inside a line's text`).to.be.true;
      for (const a of e.getAttributeNames()) expect(CUE_ATTRS.has(a), `attribute ${a} on <${e.localName}> inside a line's text`).to.be.true;
      const cls = e.getAttribute('class');
      if (cls !== null && cls !== 'word') expect(cls).to.match(/^[A-Za-z0-9_-]+( [A-Za-z0-9_-]+)*$/);
      const lang = e.getAttribute('lang');
      if (lang !== null) expect(lang).to.match(/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/);
    }
  }
}

const tagsIn = (e: Element): string[] => [...e.querySelectorAll('*')].map((x) => x.localName);

describe('hostile cue text (shared adversarial corpus)', function () {
  let data: PayloadFile | null = null;
  let container: HTMLElement;
  let sinks: ReturnType<typeof trapHtmlSinks>;
  let exec: ReturnType<typeof trapExecution>;

  before(async () => {
    data = await corpusJson<PayloadFile>('adversarial/xss-payloads.json');
  });

  beforeEach(async function () {
    if (!data) this.skip(); // the corpus is absent (a message was logged)
    container = await fixture<HTMLElement>(html`<div></div>`);
    exec = trapExecution();
    sinks = trapHtmlSinks();
  });

  afterEach(() => {
    sinks?.restore();
    exec?.restore();
  });

  async function loadAndSettle(props: Record<string, unknown>) {
    const { el, errors } = await mountTranscript<AnnotatedTranscript>(props, container);
    const h = new TranscriptHarness(el);
    await h.loaded();
    await sleep(300); // give any <img onerror>/<svg onload> that slipped through the time to run
    return { el, h, errors };
  }

  it('the traps work: data through innerHTML is caught, an inline handler that runs is counted', async () => {
    const div = document.createElement('div');
    expect(() => (div.innerHTML = '<b>alert(1)</b>')).to.throw(/innerHTML/);
    expect(sinks.calls).to.have.length(1);
    sinks.calls.length = 0;
    div.innerHTML = '<b>static markup</b>'; // markup without data passes
    const img = document.createElement('img');
    img.setAttribute('onerror', 'window.__xss++; alert(1)');
    img.src = '/test/fixtures/browser/no-such-image.png';
    container.append(img);
    await waitUntil(() => exec.count() === 2, 'the inline handler ran');
    img.remove();
    (window as unknown as { __xss: number }).__xss = 0;
  });

  it('the oracle has its invariants and 8 payloads', () => {
    expect(data!.payloads).to.have.length(8);
    expect(data!.oracle_invariants.join(' ')).to.contain('on* attribute');
  });

  for (const file of ['xss-payloads.vtt', 'xss-payloads.srt']) {
    it(`${file}: renders inert, only safe cue-text elements, text kept`, async () => {
      const { h, errors } = await loadAndSettle({ src: corpusUrl(`adversarial/${file}`) });
      expect(errors, 'no problems: these files are well-formed').to.have.length(0);
      expect(h.lines()).to.have.length(data!.payloads.length);
      expect(exec.count(), 'no payload ran').to.equal(0);
      expect(sinks.calls, 'no data through an HTML sink').to.deep.equal([]);
      expectInertDom(h);

      const texts = h.lineTexts();
      const t = h.textElements();
      // Unknown tags dropped, their text kept; entities decoded to text.
      expect(texts[0]).to.equal('Tom & Jerry');
      expect(texts[1]).to.equal('');
      expect(texts[2]).to.equal('');
      expect(texts[3]).to.equal('<script>alert(1)</script>');
      expect(tagsIn(t[3]!)).to.deep.equal([]);
      expect(texts[4]).to.equal('bolditalicunderspan字zi');
      expect(tagsIn(t[4]!)).to.deep.equal(['b', 'i', 'u', 'ruby', 'rt']);
      expect(t[4]!.querySelector('b')!.attributes.length, '<b onclick> keeps no attribute').to.equal(0);
      expect(texts[5]).to.equal('linkmath');
      expect(tagsIn(t[5]!)).to.deep.equal([]);
      expect(texts[6]).to.equal('hellobad');
      const lang = t[6]!.querySelector('[lang]');
      expect(lang?.getAttribute('lang')).to.equal('en-US');
      expect(lang?.textContent).to.equal('hello');
      expect(texts[7]).to.equal('Bold');
      expect(t[7]!.querySelector('b')!.getAttributeNames()).to.deep.equal([]);
    });
  }

  it('as transcript JSON (the transcript property): every payload is plain text, exactly', async () => {
    const cues = data!.payloads.map((p, i) => ({ id: p.id, start: i * 2, end: i * 2 + 1.5, text: p.cue_text, speaker: p.cue_text }));
    const { el, h, errors } = await loadAndSettle({ transcript: { version: 1, cues } });
    expect(errors).to.have.length(0);
    expect(el.cues).to.have.length(8);
    expect(exec.count()).to.equal(0);
    expect(sinks.calls).to.deep.equal([]);
    expectInertDom(h);
    h.textElements().forEach((t, i) => {
      expect(t.textContent, data!.payloads[i]!.id).to.equal(data!.payloads[i]!.cue_text);
      expect(tagsIn(t)).to.deep.equal([]);
    });
  });

  it('as a Podcasting 2.0 JSON file: bodies and speakers are text', async () => {
    const json = JSON.stringify({
      version: '1.0.0',
      segments: data!.payloads.map((p, i) => ({ speaker: `S${i} ${p.cue_text}`, startTime: i * 2, endTime: i * 2 + 1.5, body: `${p.cue_text}.` })),
    });
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    try {
      const { h } = await loadAndSettle({ src: url });
      expect(h.lines().length).to.be.greaterThan(0);
      expect(exec.count()).to.equal(0);
      expect(sinks.calls).to.deep.equal([]);
      expectInertDom(h);
      expect(h.root.textContent).to.contain('<img src=x onerror="alert(1)">');
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('a hostile Hyperaudio HTML file: only text comes out', async () => {
    const { h, errors } = await loadAndSettle({ src: '/test/fixtures/browser/hostile-hyperaudio.html' });
    expect(errors).to.have.length(0);
    expect(exec.count()).to.equal(0);
    expect(sinks.calls).to.deep.equal([]);
    expectInertDom(h);
    expect(h.lineTexts()).to.deep.equal(['Hello world click me', '<script>alert(1)</script> end']);
    expect(h.visibleSpeakers()).to.deep.equal(['Mallory', null]);
  });
});

// -----------------------------------------------------------------------------------------------
// Media problems

describe('failing or missing media', () => {
  let container: HTMLElement;

  beforeEach(async () => {
    container = await fixture<HTMLElement>(html`<div></div>`);
  });

  function brokenVideo(id: string): HTMLVideoElement {
    const video = document.createElement('video');
    video.id = id;
    video.muted = true;
    video.preload = 'auto';
    video.src = '/test/fixtures/browser/no-such-video.webm';
    return video;
  }

  it('a media element that fires error: the transcript stays readable, plus a media problem', async () => {
    const warnings = captureLibraryWarnings();
    try {
      const { el, errors } = await mountTranscript<AnnotatedTranscript>({ for: 'broken', src: '/test/fixtures/media/talk.vtt' }, container);
      const h = new TranscriptHarness(el);
      await h.loaded();
      const video = brokenVideo('broken');
      container.append(video);
      await waitUntil(() => errors.some((e) => e.detail.kind === 'media'), 'a media transcript-error', 8000);
      expect(video.error, 'the video really failed').to.not.equal(null);
      expect(errors.filter((e) => e.detail.kind === 'media')).to.have.length(1);
      await el.updateComplete;
      expect(h.lines()).to.have.length(6);
      expect(h.lineTexts()[0]).to.equal('Welcome to the test recording.');
      expect(h.problems()).to.have.length(1);
      expect(h.problems()[0]).to.equal(errors.find((e) => e.detail.kind === 'media')!.detail.message);
      expectVisible(h.errorBox(), 'the error part');
      // Lines can still be activated without throwing.
      h.activateLine(2);
      await el.updateComplete;
    } finally {
      warnings.restore();
    }
  });

  // A page whose video failed before the transcript element bound to it (a 404 video answers
  // fast; the module script that defines the element runs late) must report the same problem.
  it('a media element that had already failed before binding: a media problem too', async () => {
    const warnings = captureLibraryWarnings();
    try {
      const video = brokenVideo('failed-early');
      const failed = new Promise((r) => video.addEventListener('error', r, { once: true }));
      container.append(video);
      await failed;
      expect(video.error).to.not.equal(null);
      const { el, errors } = await mountTranscript<AnnotatedTranscript>({ for: 'failed-early', src: '/test/fixtures/media/talk.vtt' }, container);
      const h = new TranscriptHarness(el);
      await h.loaded();
      await sleep(100);
      expect(h.lines()).to.have.length(6);
      expect(errors.map((e) => e.detail.kind), 'the failed media is reported').to.deep.equal(['media']);
    } finally {
      warnings.restore();
    }
  });

  it('`for` naming a missing id: the transcript is readable and activating a line does not throw', async () => {
    const uncaught = watchUncaught();
    try {
      const { el } = await mountTranscript<AnnotatedTranscript>({ for: 'nobody-has-this-id', src: '/test/fixtures/media/talk.vtt' }, container);
      const h = new TranscriptHarness(el);
      await h.loaded();
      expect(h.lineTexts()).to.have.length(6);
      const seeks = collectEvents(el, 'transcript-seek');
      h.activateLine(1);
      h.line(1).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      await sleep(50);
      seeks.stop();
      expect(seeks.events, 'nothing to seek').to.have.length(0);
      expect(h.line(1).getAttribute('tabindex')).to.equal('0');
      await sleep(50);
      expect(uncaught.errors).to.deep.equal([]);
    } finally {
      uncaught.stop();
    }
  });
});

// -----------------------------------------------------------------------------------------------
// Trusted Types enforced. This block must stay LAST in the file: the policy cannot be lifted
// once it is in force, and wtr runs each test file in its own page.

describe('with Trusted Types enforced (require-trusted-types-for \'script\')', () => {
  let violations: string[];
  const onViolation = (e: SecurityPolicyViolationEvent) => violations.push(`${e.violatedDirective}: ${e.sample}`);
  let data: PayloadFile | null = null;

  before(async () => {
    data = await corpusJson<PayloadFile>('adversarial/xss-payloads.json');
    if (!document.querySelector('meta[data-tt-test]')) {
      const meta = document.createElement('meta');
      meta.httpEquiv = 'Content-Security-Policy';
      meta.content = "require-trusted-types-for 'script'";
      meta.dataset['ttTest'] = '';
      document.head.append(meta);
    }
  });

  beforeEach(() => {
    violations = [];
    document.addEventListener('securitypolicyviolation', onViolation);
  });

  afterEach(() => {
    document.removeEventListener('securitypolicyviolation', onViolation);
  });

  it('the policy is in force (a plain innerHTML assignment is refused and reported)', async () => {
    const reported = new Promise((r) => document.addEventListener('securitypolicyviolation', r, { once: true }));
    expect(() => {
      document.createElement('div').innerHTML = '<b>x</b>';
    }).to.throw(TypeError);
    await reported; // the report is async: let it arrive here, not in the next test
    expect(violations).to.have.length(1);
  });

  const sources: [string, () => string][] = [
    ['WebVTT (hostile)', () => corpusUrl('adversarial/xss-payloads.vtt')],
    ['SRT (hostile)', () => corpusUrl('adversarial/xss-payloads.srt')],
    ['Hyperaudio HTML (hostile)', () => '/test/fixtures/browser/hostile-hyperaudio.html'],
    ['WebVTT with voices and words', () => '/test/fixtures/media/talk.vtt'],
    ['transcript JSON', () => '/test/fixtures/media/talk.json'],
    ['Podcasting 2.0 JSON', () => '/test/fixtures/browser/podcast-words.json'],
    ['malformed WebVTT (problem box)', () => '/test/fixtures/browser/malformed.vtt'],
    ['404 (error box)', () => '/test/fixtures/browser/nope.vtt'],
  ];
  for (const [name, url] of sources) {
    it(`renders ${name} without any Trusted Types violation`, async function () {
      if (url().startsWith('/__corpus') && !data) this.skip();
      const container = await fixture<HTMLElement>(html`<div></div>`);
      const uncaught = watchUncaught();
      const warnings = captureLibraryWarnings();
      try {
        const { el } = await mountTranscript<AnnotatedTranscript>({ src: url(), style: 'height: 200px' }, container);
        const h = new TranscriptHarness(el);
        await h.loaded();
        await sleep(50);
        expect(h.lines().length + h.problems().length, 'something is shown').to.be.greaterThan(0);
        expect(violations).to.deep.equal([]);
        expect(uncaught.errors).to.deep.equal([]);
      } finally {
        warnings.restore();
        uncaught.stop();
      }
    });
  }

  it('renders transcript data with payloads, and activates lines, without violations', async function () {
    if (!data) this.skip();
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const { el } = await mountTranscript<AnnotatedTranscript>({}, container);
    el.transcript = data!.payloads.map((p, i) => ({ id: p.id, start: i, end: i + 1, text: p.cue_text }));
    await el.updateComplete;
    const h = new TranscriptHarness(el);
    expect(h.lines()).to.have.length(8);
    h.activateLine(3);
    await el.updateComplete;
    expect(violations).to.deep.equal([]);
  });
});
