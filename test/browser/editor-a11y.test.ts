import { expect } from '@open-wc/testing';
import '../../src/index.js';
import '../../src/editor.js';
import { setLocale } from '../../src/localization.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import type { AnnotationEditor } from '../../src/components/editor/annotation-editor.js';
import { TranscriptHarness } from '../harness/transcript-harness.js';
import { collectEvents, loadVideo, sleep, waitUntil } from './helpers.js';

const VIDEO = '/data/demo/statement.webm';
const VTT = '/data/demo/statement.en.vtt';
const ARTICLE = '/data/demo/article.html';

describe('<at-annotation-editor>: keyboard, inert data, the article untouched, narrow screens, axe, languages', function () {
  this.timeout(40000);

  let articleHtml: string;
  let added: Element[] = [];
  let viewer: AnnotatedTranscript;
  let editor: AnnotationEditor;
  let article: HTMLElement;
  let video: HTMLVideoElement;
  let h: TranscriptHarness;

  before(async () => {
    articleHtml = await (await fetch(ARTICLE)).text();
  });

  afterEach(async () => {
    for (const el of added) el.remove();
    added = [];
    video?.remove();
    document.getSelection()!.removeAllRanges();
    localStorage.clear();
    await setLocale('en');
  });

  async function mount(annotations: object = { version: 1, claims: [], annotations: [] }): Promise<void> {
    video = await loadVideo('statement', VIDEO);
    viewer = document.createElement('annotated-transcript') as AnnotatedTranscript;
    viewer.id = 'viewer';
    viewer.setAttribute('for', 'statement');
    viewer.setAttribute('src', VTT);
    viewer.setAttribute('article', 'story');
    viewer.annotations = annotations;
    viewer.style.height = '300px';
    article = document.createElement('div');
    article.id = 'story';
    article.append(document.createRange().createContextualFragment(articleHtml));
    editor = document.createElement('at-annotation-editor') as AnnotationEditor;
    editor.setAttribute('for', 'viewer');
    document.body.append(viewer, article, editor);
    added.push(viewer, article, editor);
    h = new TranscriptHarness(viewer);
    await waitUntil(() => h.lines().length === 16, 'the 16 demo lines', 10000);
    await editor.updateComplete;
  }

  const root = () => editor.shadowRoot!;
  const button = (name: string): HTMLButtonElement => {
    const b = [...root().querySelectorAll('button')].find((x) => x.textContent!.replace(/\s+/g, ' ').trim() === name);
    if (!b) throw new Error(`no button "${name}"`);
    return b;
  };
  const status = () => root().querySelector('.status')!.textContent!.trim();
  async function claimFrom(phrase: string): Promise<void> {
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(phrase);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + phrase.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      break;
    }
    const before = editor.value.claims.length;
    button('New claim from selection').click();
    await waitUntil(() => editor.value.claims.length === before + 1, 'the new claim');
    await editor.updateComplete;
    await viewer.updateComplete;
  }
  const press = (line: HTMLElement, init: KeyboardEventInit) => {
    line.focus();
    line.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, composed: true, cancelable: true, ...init }));
  };

  it('Enter, Shift+Enter and Ctrl+Enter on lines choose them while an annotation is edited; otherwise lines seek as always', async () => {
    await mount();
    // No annotation being edited: activating a line seeks (the viewer's own behaviour).
    const seeks = collectEvents(viewer, 'transcript-seek');
    h.line(1).click();
    await waitUntil(() => seeks.events.length === 1, 'a seek');
    seeks.stop();

    await claimFrom('the harbour board deserves credit for that');
    const seeking = collectEvents(viewer, 'transcript-seek');
    press(h.line(2), { key: 'Enter' });
    press(h.line(5), { key: 'Enter', shiftKey: true });
    await editor.updateComplete;
    expect(status()).to.equal('4 lines chosen.');
    press(h.line(3), { key: ' ', ctrlKey: true });
    await editor.updateComplete;
    expect(status()).to.equal('3 lines chosen.');
    await sleep(100);
    expect(seeking.events, 'no seek while choosing').to.have.length(0);
    seeking.stop();
    button('Link selected lines').click();
    expect(editor.value.annotations[0]!.cues).to.deep.equal([2, 4, 5].map((i) => viewer.cues[i]!.id));
  });

  it('data renders inert: markup in quotes, notes, sources and ids stays text; only http(s) links', async () => {
    await mount();
    editor.value = {
      version: 1,
      claims: [{ id: 'c<img src=x onerror=alert(1)>', quote: { exact: '<b>bold</b> <script>alert(1)</script>' }, summary: '<i>s</i>' }],
      annotations: [{
        id: 'a1', cues: [], claims: ['c<img src=x onerror=alert(1)>'], relation: 'context',
        body: '<img src=x onerror=alert(1)> [js](javascript:alert(1)) [ok](https://example.org/)',
        sources: [{ title: '<script>alert(1)</script>', url: 'https://example.org/s' }],
      }],
    };
    await editor.updateComplete;
    button('ⓘ Context · a1 <i>s</i>').click();
    await editor.updateComplete;
    expect(root().querySelectorAll('img, script, b, i:not(.x)').length).to.equal(0);
    expect(root().textContent).to.contain('<b>bold</b>');
    expect(root().textContent).to.contain('[js](javascript:alert(1))');
    expect([...root().querySelectorAll('.preview a')].map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.org/']);
    expect(root().querySelector<HTMLInputElement>('[data-field="sources.0.title"]')!.value).to.equal('<script>alert(1)</script>');
  });

  it('never alters the article beyond the viewer\'s own marks', async () => {
    await mount();
    const shape = () => {
      const clone = article.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('at-claim-marker').forEach((m) => m.remove());
      clone.normalize(); // the viewer may split a text node where it puts a marker
      return clone.innerHTML;
    };
    const before = shape();
    await claimFrom('About four hundred islanders use the ferry every week');
    await waitUntil(() => article.querySelector('at-claim-marker') !== null, 'the claim marked');
    h.line(4).click();
    button('Link selected lines').click();
    await editor.updateComplete;
    await sleep(200);
    expect(shape()).to.equal(before);
  });

  it('stacks on a narrow screen', async () => {
    await mount();
    await claimFrom('a water taxi will run twice a day');
    const columns = () => getComputedStyle(root().querySelector('.columns')!).gridTemplateColumns.split(' ').length;
    editor.style.width = '900px';
    await sleep(50);
    expect(columns()).to.equal(2);
    editor.style.width = '360px';
    await sleep(50);
    expect(columns()).to.equal(1);
    expect(editor.scrollWidth, 'nothing wider than the editor').to.be.at.most(editor.clientWidth + 2);
  });

  it('is accessible in every state: empty, editing, with problems, a refused selection, a draft offered', async () => {
    const lone = document.createElement('at-annotation-editor') as AnnotationEditor;
    document.body.append(lone);
    added.push(lone);
    await lone.updateComplete;
    await expect(lone).to.be.accessible();

    await mount();
    await expect(editor).to.be.accessible();
    await claimFrom('order a new boat this year');
    await expect(editor).to.be.accessible();
    const url = root().querySelector<HTMLInputElement>('[data-field="sources.0.url"]')!;
    url.value = 'javascript:alert(1)';
    url.dispatchEvent(new Event('input'));
    await editor.updateComplete;
    expect(root().querySelectorAll('.problems button').length).to.be.greaterThan(0);
    await expect(editor).to.be.accessible();
    document.getSelection()!.removeAllRanges();
    button('New claim from selection').click();
    await waitUntil(() => status().includes('Nothing is selected'), 'the refusal');
    await expect(editor).to.be.accessible();
    await sleep(400); // the draft is saved
    const again = document.createElement('at-annotation-editor') as AnnotationEditor;
    again.setAttribute('for', 'viewer');
    viewer.annotations = { version: 1, claims: [], annotations: [] };
    editor.remove();
    document.body.append(again);
    added.push(again);
    editor = again;
    await waitUntil(() => !!root().textContent!.includes('Restore draft'), 'the draft offered', 8000);
    await expect(editor).to.be.accessible();
  });

  it('speaks Ukrainian and Russian', async () => {
    await mount();
    await setLocale('uk');
    await editor.updateComplete;
    expect(root().textContent).to.contain('Нове твердження з виділеного');
    expect(root().textContent).to.contain('Завантажити JSON');
    await setLocale('ru');
    await editor.updateComplete;
    expect(root().textContent).to.contain('Новое утверждение из выделенного');
    document.getSelection()!.removeAllRanges();
    [...root().querySelectorAll('button')][0]!.click();
    await waitUntil(() => status().includes('Ничего не выделено'), 'the refusal in Russian');
  });
});
