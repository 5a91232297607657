import { expect } from '@open-wc/testing';
import '../../src/index.js';
import '../../src/editor.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import type { AnnotationEditor } from '../../src/components/editor/annotation-editor.js';
import type { AnnotationSet } from '../../src/model/annotations/index.js';
import { setLocale } from '../../src/localization.js';
import { TranscriptHarness } from '../harness/transcript-harness.js';
import { collectEvents, loadVideo, longTranscript, seekVideo, sleep, waitUntil } from './helpers.js';

const VIDEO = '/data/demo/statement.webm';
const VTT = '/data/demo/statement.en.vtt';
const ARTICLE = '/data/demo/article.html';
const SCHEMA = '/data/annotations.schema.json';

// --- A small JSON Schema checker: the keywords data/annotations.schema.json uses (test-only). ---
type Schema = Record<string, unknown>;
function schemaErrors(schema: Schema, root: Schema, value: unknown, path = '$'): string[] {
  const out: string[] = [];
  const s = typeof schema.$ref === 'string' ? (schema.$ref.replace(/^#\//, '').split('/').reduce((o: any, k) => o[k], root) as Schema) : schema;
  const type = s.type as string | undefined;
  const is = (t: string) =>
    t === 'object' ? typeof value === 'object' && value !== null && !Array.isArray(value) : t === 'array' ? Array.isArray(value) : t === 'number' ? typeof value === 'number' : typeof value === t;
  if (type && !is(type)) return [`${path}: not ${type}`];
  if ('const' in s && value !== s.const) out.push(`${path}: not ${String(s.const)}`);
  if (Array.isArray(s.enum) && !s.enum.includes(value)) out.push(`${path}: not in enum`);
  if (typeof value === 'string') {
    if (typeof s.minLength === 'number' && value.length < s.minLength) out.push(`${path}: too short`);
    if (typeof s.maxLength === 'number' && value.length > s.maxLength) out.push(`${path}: too long`);
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) out.push(`${path}: does not match ${s.pattern}`);
  }
  if (typeof value === 'number' && typeof s.minimum === 'number' && value < s.minimum) out.push(`${path}: below minimum`);
  if (Array.isArray(value)) {
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) out.push(`${path}: too many items`);
    if (typeof s.minItems === 'number' && value.length < s.minItems) out.push(`${path}: too few items`);
    if (s.items) value.forEach((v, i) => out.push(...schemaErrors(s.items as Schema, root, v, `${path}[${i}]`)));
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    for (const r of (s.required as string[] | undefined) ?? []) if (!(r in o)) out.push(`${path}: missing ${r}`);
    for (const [k, sub] of Object.entries((s.properties as Record<string, Schema> | undefined) ?? {})) if (k in o) out.push(...schemaErrors(sub, root, o[k], `${path}.${k}`));
  }
  if (s.if) {
    const branch = schemaErrors(s.if as Schema, root, value, path).length === 0 ? s.then : s.else;
    if (branch) out.push(...schemaErrors(branch as Schema, root, value, path));
  }
  if (s.not && schemaErrors(s.not as Schema, root, value, path).length === 0) out.push(`${path}: matches "not"`);
  if (Array.isArray(s.anyOf) && !s.anyOf.some((sub) => schemaErrors(sub as Schema, root, value, path).length === 0)) out.push(`${path}: matches none of anyOf`);
  return out;
}

/** The text node (and offset) where `phrase` starts in `root`'s text, and where it ends. */
function rangeOf(root: Element, phrase: string, nth = 0): Range {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const text = nodes.map((n) => n.data).join('');
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`"${phrase}" is not in the article`);
  const locate = (offset: number, end: boolean): [Text, number] => {
    let pos = 0;
    for (const n of nodes) {
      if (end ? offset <= pos + n.length : offset < pos + n.length) return [n, offset - pos];
      pos += n.length;
    }
    throw new Error('offset out of range');
  };
  const range = document.createRange();
  range.setStart(...locate(at, false));
  range.setEnd(...locate(at + phrase.length, true));
  return range;
}

function select(range: Range | null): void {
  const sel = document.getSelection()!;
  sel.removeAllRanges();
  if (range) sel.addRange(range);
}

describe('<at-annotation-editor>', function () {
  this.timeout(40000);

  let articleHtml: string;
  let schema: Schema;
  let added: Element[] = [];
  let video: HTMLVideoElement;
  let viewer: AnnotatedTranscript;
  let editor: AnnotationEditor;
  let article: HTMLElement;
  let h: TranscriptHarness;

  before(async () => {
    articleHtml = await (await fetch(ARTICLE)).text();
    schema = (await (await fetch(SCHEMA)).json()) as Schema;
  });

  beforeEach(() => localStorage.clear());

  afterEach(async () => {
    for (const el of added) el.remove();
    added = [];
    video?.remove();
    select(null);
    localStorage.clear();
    await setLocale('en');
  });

  function addArticle(id: string): HTMLElement {
    const div = document.createElement('div');
    div.id = id;
    div.append(document.createRange().createContextualFragment(articleHtml));
    document.body.append(div);
    added.push(div);
    return div;
  }

  async function mount(annotations: object = { version: 1, claims: [], annotations: [] }): Promise<void> {
    video = await loadVideo('statement', VIDEO);
    viewer = document.createElement('annotated-transcript') as AnnotatedTranscript;
    viewer.id = 'viewer';
    viewer.setAttribute('for', 'statement');
    viewer.setAttribute('src', VTT);
    viewer.setAttribute('article', 'story');
    viewer.annotations = annotations;
    viewer.style.height = '300px';
    document.body.append(viewer);
    added.push(viewer);
    article = addArticle('story');
    editor = document.createElement('at-annotation-editor') as AnnotationEditor;
    editor.setAttribute('for', 'viewer');
    document.body.append(editor);
    added.push(editor);
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
  const field = <T extends HTMLElement>(name: string) => root().querySelector<T>(`[data-field="${name}"]`)!;
  async function type(el: HTMLInputElement | HTMLTextAreaElement, text: string): Promise<void> {
    el.focus();
    el.value = text;
    el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    el.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await editor.updateComplete;
  }
  async function newClaim(): Promise<void> {
    button('New claim from selection').click();
    await waitUntil(() => status() !== '', 'a status message');
    await editor.updateComplete;
  }
  const highlighted = (relation: string): string[] => {
    const hl = CSS.highlights.get(`at-claim-${relation}`);
    return hl ? [...(hl as unknown as Iterable<Range>)].map((r) => r.toString().replace(/\s+/g, ' ')) : [];
  };
  const markerOf = (claimId: string, where: Element = article) => where.querySelector(`at-claim-marker[claim="${claimId}"]`);

  async function claimFrom(phrase: string): Promise<void> {
    select(rangeOf(article, phrase));
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

  it('selection → claim → lines, time, relation, body, source; live in the viewer; the download validates and loads the same', async () => {
    await mount();
    const changes = collectEvents<CustomEvent<{ value: AnnotationSet }>>(editor, 'annotations-change');
    const phrase = 'the harbour board deserves credit for that';
    select(rangeOf(article, phrase));
    await newClaim();

    const claim = editor.value.claims[0]!;
    expect(claim.quote.exact).to.equal(phrase);
    expect(editor.value.annotations[0]).to.deep.include({ relation: 'context', claims: [claim.id] });
    expect(changes.events.length, 'annotations-change after the edit').to.equal(1);
    expect(changes.events[0]!.detail.value).to.equal(editor.value);
    expect(changes.events[0]!.bubbles && changes.events[0]!.composed).to.equal(true);
    // Live: the viewer anchors the new claim back onto exactly the selected phrase.
    await waitUntil(() => highlighted('context').includes(phrase), 'the claim highlighted in the article', 8000);
    await waitUntil(() => markerOf(claim.id) !== null, 'its marker in the article', 8000);

    // Line picking: a click chooses a line instead of seeking; Ctrl+click adds one.
    const before = video.currentTime;
    h.line(2).click();
    h.line(4).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, ctrlKey: true }));
    await editor.updateComplete;
    await sleep(100);
    expect(video.currentTime, 'no seek while picking').to.equal(before);
    expect(root().textContent).to.contain('2 lines chosen.');
    expect(getComputedStyle(h.line(2)).outlineStyle, 'a chosen line is outlined (not only coloured)').to.equal('dashed');
    expect(getComputedStyle(h.line(3)).outlineStyle).to.not.equal('dashed');
    button('Link selected lines').click();
    await editor.updateComplete;
    const cueIds = [viewer.cues[2]!.id, viewer.cues[4]!.id];
    expect(editor.value.annotations[0]!.cues).to.deep.equal(cueIds);

    // Mark start / Mark end at the playhead: a time range.
    await seekVideo(video, 5);
    button('Mark start').click();
    await seekVideo(video, 8.5);
    button('Mark end').click();
    await editor.updateComplete;
    expect(editor.value.annotations[0]!.time).to.deep.equal({ start: 5, end: 8.5 });

    // Relation, body (with a rendered link), a source, a summary.
    const supports = [...root().querySelectorAll<HTMLInputElement>('input[name="relation"]')][0]!;
    supports.click();
    await editor.updateComplete;
    expect(editor.value.annotations[0]!.relation).to.equal('supports');
    await type(field<HTMLTextAreaElement>('body'), 'She says so. See [the minutes](https://example.org/minutes) and [bad](javascript:alert(1)).');
    const preview = root().querySelector('.preview')!;
    expect([...preview.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.org/minutes']);
    expect(preview.textContent).to.contain('[bad](javascript:alert(1))');
    await type(field<HTMLInputElement>('sources.0.url'), 'https://example.org/board');
    await type(field<HTMLInputElement>('sources.0.title'), 'Harbour Board');
    await type(field<HTMLInputElement>(`claim.${claim.id}`), 'The board deserves credit.');
    const a = editor.value.annotations[0]!;
    expect(a.sources).to.deep.equal([{ title: 'Harbour Board', url: 'https://example.org/board' }]);
    expect(editor.value.claims[0]!.summary).to.equal('The board deserves credit.');

    // The viewer shows it live: the claim is now marked as supported, the lines carry its marker.
    await waitUntil(() => highlighted('supports').includes(phrase), 'the claim re-marked as supported', 8000);
    await waitUntil(() => viewer.evidence.some((m) => m.annotationId === a.id && m.relation === 'supports'), 'the evidence in the viewer', 8000);
    const evidence = viewer.evidence;

    // Download JSON: a plain link to a file that validates against the schema, with absolute URLs.
    const link = root().querySelector<HTMLAnchorElement>('a[data-kind="json"]')!;
    link.addEventListener('click', (e) => e.preventDefault(), { once: true }); // no download dialog in the test
    link.click();
    expect(link.href).to.match(/^blob:/);
    expect(link.getAttribute('download')).to.equal('annotations.json');
    const file = (await (await fetch(link.href)).json()) as AnnotationSet;
    expect(schemaErrors(schema, schema, file)).to.deep.equal([]);
    expect(file.media!.src).to.equal(new URL(VIDEO, location.href).href);
    expect(file.article!.url).to.equal(location.href.split('#')[0]);

    // Loaded into a fresh viewer (with its own copy of the article): the same claims, links and relations.
    const copy = addArticle('story-copy');
    const fresh = document.createElement('annotated-transcript') as AnnotatedTranscript;
    fresh.setAttribute('src', VTT);
    fresh.setAttribute('article', 'story-copy');
    fresh.annotations = file;
    document.body.append(fresh);
    added.push(fresh);
    await waitUntil(() => fresh.cues.length === 16 && fresh.evidence.length > 0, 'the fresh viewer linked', 10000);
    expect(fresh.evidence).to.deep.equal(evidence);
    await waitUntil(() => markerOf(claim.id, copy) !== null, 'the claim anchored in the copy', 8000);
    expect(markerOf(claim.id, copy)!.getAttribute('relation')).to.equal('supports');
    expect(fresh.problems.filter((p) => p.kind === 'annotation' || p.kind === 'anchor')).to.deep.equal([]);
    changes.stop();
  });

  it('refuses an empty selection, one outside the article, and one that is not unique even with context', async () => {
    await mount();
    select(null);
    await newClaim();
    expect(status()).to.contain('Nothing is selected');
    expect(editor.value.claims).to.have.length(0);

    const outside = document.createElement('p');
    outside.textContent = 'Words outside the article.';
    document.body.append(outside);
    added.push(outside);
    select(rangeOf(outside, 'outside the'));
    await newClaim();
    expect(status()).to.contain('inside the article');
    expect(root().querySelector('.status')!.classList.contains('warn')).to.equal(true);

    // A passage that occurs twice with the same text around it.
    const p = document.createElement('p');
    const twice = 'Repeat after me: the same words here. '.repeat(8);
    p.textContent = twice + twice;
    article.append(p);
    select(rangeOf(article, 'the same words', 3));
    await newClaim();
    expect(status()).to.contain('more than once');
    expect(editor.value.claims).to.have.length(0);

    // A phrase that occurs twice, but with different text around it: context makes it unique.
    select(rangeOf(article, 'the ferry', 1));
    await newClaim();
    expect(editor.value.claims).to.have.length(1);
    const quote = editor.value.claims[0]!.quote;
    expect(quote.exact).to.equal('the ferry');
    expect((quote.prefix ?? '') + (quote.suffix ?? '')).to.not.equal('');
    await waitUntil(() => highlighted('context').length === 1, 'the claim anchored', 8000);
    const marked = CSS.highlights.get('at-claim-context')!;
    const range = [...(marked as unknown as Iterable<Range>)][0]!;
    expect(range.compareBoundaryPoints(Range.START_TO_START, rangeOf(article, 'the ferry', 1))).to.equal(0);
  });

  it('undo and redo (buttons and Ctrl+Z / Shift+Ctrl+Z, inside a text field too); delete with undo', async () => {
    await mount();
    select(rangeOf(article, 'a water taxi will run twice a day'));
    await newClaim();
    const body = field<HTMLTextAreaElement>('body');
    await type(body, 'First');
    await type(body, 'Second');
    expect(editor.value.annotations[0]!.body).to.equal('Second');
    body.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, composed: true, cancelable: true }));
    await editor.updateComplete;
    expect(editor.value.annotations[0]!.body).to.equal('First');
    expect(body.value, 'the field shows the undone text').to.equal('First');
    field<HTMLTextAreaElement>('body').dispatchEvent(new KeyboardEvent('keydown', { key: 'Z', ctrlKey: true, shiftKey: true, bubbles: true, composed: true, cancelable: true }));
    await editor.updateComplete;
    expect(editor.value.annotations[0]!.body).to.equal('Second');
    // Moved in the page: nothing lost, lines are still chosen in the viewer.
    const parent = document.createElement('div');
    document.body.append(parent);
    added.push(parent);
    parent.append(editor);
    await editor.updateComplete;
    await sleep(100);
    expect(editor.value.annotations[0]!.body).to.equal('Second');
    await viewer.updateComplete;
    h.line(6).click();
    await editor.updateComplete;
    expect(status()).to.equal('One line chosen.');
    button('Delete annotation').click();
    await editor.updateComplete;
    expect(editor.value.annotations).to.have.length(0);
    button('Undo').click();
    await editor.updateComplete;
    expect(editor.value.annotations).to.have.length(1);
    expect(editor.value.annotations[0]!.body).to.equal('Second');
    button('Redo').click();
    await editor.updateComplete;
    expect(editor.value.annotations).to.have.length(0);
  });

  it('problems from the validator, live; activating one goes to its field', async () => {
    await mount();
    select(rangeOf(article, 'order a new boat this year'));
    await newClaim();
    await type(field<HTMLInputElement>('sources.0.url'), 'ftp://example.org/file');
    const problems = () => [...root().querySelectorAll<HTMLButtonElement>('.problems button')];
    expect(problems().length).to.equal(1);
    expect(problems()[0]!.textContent).to.contain('$.annotations[0].sources[0].url');
    // Unsupported with lines linked: a second problem, on the lines.
    await viewer.updateComplete;
    h.line(1).click();
    await editor.updateComplete;
    expect(status()).to.equal('One line chosen.');
    button('Link selected lines').click();
    [...root().querySelectorAll<HTMLInputElement>('input[name="relation"]')][3]!.click();
    await editor.updateComplete;
    expect(problems().length, `${JSON.stringify(editor.value.annotations)} ${problems().map((b) => b.textContent).join('|')}`).to.equal(2);
    // Choose another annotation, then go to the problem: back to the annotation, focus in the field.
    select(rangeOf(article, 'the board has treated Gull Island as an afterthought'));
    await newClaim();
    expect(editor.shadowRoot!.querySelector('#detail-heading')!.textContent).to.contain('a2');
    problems().find((b) => b.textContent!.includes('sources[0].url'))!.click();
    await waitUntil(() => editor.shadowRoot!.activeElement === field('sources.0.url'), 'focus on the source URL');
    expect(editor.shadowRoot!.querySelector('#detail-heading')!.textContent).to.contain('a1');
    problems().find((b) => b.textContent!.includes('.cues'))!.click();
    await waitUntil(() => editor.shadowRoot!.activeElement === field('cues'), 'focus on the evidence');
    // Fixing it removes the problem.
    await type(field<HTMLInputElement>('sources.0.url'), 'https://example.org/file');
    expect(problems().length).to.equal(1);
  });

  it('starts from the viewer\'s own annotations; the first is edited, its linked lines chosen once the transcript is there', async () => {
    await mount({ version: 1, claims: [{ id: 'c1', quote: { exact: 'the harbour board deserves credit' } }], annotations: [{ id: 'a1', cues: ['3', '4'], claims: ['c1'], relation: 'supports' }] });
    await waitUntil(() => editor.value.annotations.length === 1, 'the viewer\'s set in the editor', 8000);
    await waitUntil(() => { editor.requestUpdate(); return root().textContent!.includes('2 lines chosen.'); }, 'its two lines chosen', 8000);
    expect(getComputedStyle(h.line(viewer.cues.findIndex((c) => c.id === '3'))).outlineStyle).to.equal('dashed');
  });

  it('long transcripts: light rows are chosen too; a click that selects transcript text chooses nothing', async () => {
    const cues = longTranscript(700);
    const long = document.createElement('annotated-transcript') as AnnotatedTranscript;
    long.id = 'long';
    long.transcript = cues;
    long.style.height = '300px';
    const ed = document.createElement('at-annotation-editor') as AnnotationEditor;
    ed.setAttribute('for', 'long');
    document.body.append(long, ed);
    added.push(long, ed);
    await waitUntil(() => long.cues.length === 700, 'the long transcript');
    ed.value = { version: 1, claims: [], annotations: [{ id: 'a1', cues: [], claims: [], relation: 'context', sources: [] }] };
    await ed.updateComplete;
    const light = () => long.shadowRoot!.querySelector<HTMLElement>('li.row.light');
    await waitUntil(() => light() !== null, 'a light row');
    const row = light()!;
    const i = Number(row.dataset.i);
    row.click();
    await ed.updateComplete;
    expect(ed.shadowRoot!.textContent).to.contain('One line chosen.');
    expect(getComputedStyle(row).outlineStyle).to.equal('dashed');
    [...ed.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Link selected lines')!.click();
    expect(ed.value.annotations[0]!.cues).to.deep.equal([cues[i]!.id]);
    // Text selected inside the transcript: the click that ends it chooses nothing.
    const first = long.shadowRoot!.querySelector('.line .text')!;
    const range = document.createRange();
    range.selectNodeContents(first);
    select(range);
    const second = long.shadowRoot!.querySelectorAll<HTMLElement>('.line')[1]!;
    second.click();
    await ed.updateComplete;
    expect(getComputedStyle(second).outlineStyle, 'not chosen').to.not.equal('dashed');
    expect(getComputedStyle(row).outlineStyle, 'still chosen').to.equal('dashed');
    // Once the selection is gone, the same click chooses it.
    select(null);
    second.click();
    await ed.updateComplete;
    expect(getComputedStyle(second).outlineStyle).to.equal('dashed');
  });

  it('a claim the viewer cannot anchor is listed as a problem and goes to the claim', async () => {
    await mount({ version: 1, claims: [{ id: 'c1', quote: { exact: 'words that appear nowhere in this article at all' } }], annotations: [{ id: 'a1', cues: ['1'], claims: ['c1'], relation: 'supports' }] });
    await waitUntil(() => editor.value.annotations.length === 1, 'the viewer’s set loaded into the editor', 8000);
    const problems = () => [...root().querySelectorAll<HTMLButtonElement>('.problems button')];
    await waitUntil(() => { editor.requestUpdate(); return problems().some((b) => b.textContent!.includes('c1')); }, 'the anchoring problem', 8000);
    problems()[0]!.click();
    await waitUntil(() => editor.shadowRoot!.activeElement === field('claim.c1'), 'focus on the claim summary');
  });

  it('autosaves a draft, offers it after a reload, and guards leaving with changes not downloaded', async () => {
    await mount();
    select(rangeOf(article, 'a water taxi will run twice a day'));
    await newClaim();
    await type(field<HTMLTextAreaElement>('body'), 'Draft text');
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    expect(event.defaultPrevented, 'leaving asks first').to.equal(true);
    await sleep(400);
    expect(Object.keys(localStorage).some((k) => k.startsWith('annotated-transcript:editor-draft:'))).to.equal(true);
    const saved = editor.value;

    // "Reload": a new editor on the same viewer, media and article.
    editor.remove();
    viewer.annotations = { version: 1, claims: [], annotations: [] };
    const again = document.createElement('at-annotation-editor') as AnnotationEditor;
    again.setAttribute('for', 'viewer');
    document.body.append(again);
    added.push(again);
    editor = again;
    await waitUntil(() => [...root().querySelectorAll('button')].some((b) => b.textContent!.trim() === 'Restore draft'), 'the Restore draft button', 8000);
    expect(editor.value.annotations).to.have.length(0);
    button('Restore draft').click();
    await editor.updateComplete;
    expect(editor.value).to.deep.equal(saved);
    await waitUntil(() => highlighted('context').length === 1, 'the restored claim shown in the viewer', 8000);

    // A focused download link points at the file already (copy link, save as), but only following it counts as saved.
    const link = root().querySelector<HTMLAnchorElement>('a[data-kind="json"]')!;
    link.focus();
    expect(link.href).to.match(/^blob:/);
    const focused = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(focused);
    expect(focused.defaultPrevented).to.equal(true);
    // After a download, leaving does not ask.
    link.addEventListener('click', (e) => e.preventDefault(), { once: true });
    link.click();
    const after = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(after);
    expect(after.defaultPrevented).to.equal(false);
  });

  it('opens a Web Annotation file (dropped), and the other downloads are valid JSON-LD', async () => {
    await mount();
    const { toWebAnnotations } = await import('../../src/model/web-annotation.js');
    const set: AnnotationSet = {
      version: 1,
      claims: [{ id: 'c1', quote: { exact: 'the line will be shut for six months', prefix: 'Olenne has confirmed that ' } }],
      annotations: [{ id: 'a1', cues: ['2'], claims: ['c1'], relation: 'contradicts', sources: [], body: 'Six weeks.' }],
    };
    const jsonld = toWebAnnotations(set, { mediaUrl: 'https://example.org/statement.webm', articleUrl: 'https://example.org/story', cues: viewer.cues });
    const transfer = new DataTransfer();
    transfer.items.add(new File([JSON.stringify(jsonld)], 'annotations.jsonld', { type: 'application/ld+json' }));
    editor.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    editor.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await waitUntil(() => editor.value.annotations.length === 1, 'the dropped file opened', 8000);
    expect(editor.value.annotations[0]).to.deep.include({ relation: 'contradicts', cues: ['2'] });
    expect(editor.value.claims[0]!.quote.exact).to.equal('the line will be shut for six months');
    await waitUntil(() => highlighted('contradicts').length === 1, 'shown in the viewer', 8000);

    for (const kind of ['web-annotation', 'claim-review']) {
      const link = root().querySelector<HTMLAnchorElement>(`a[data-kind="${kind}"]`)!;
      link.addEventListener('click', (e) => e.preventDefault(), { once: true });
      link.click();
      const data = (await (await fetch(link.href)).json()) as Record<string, unknown>[];
      expect(data, kind).to.have.length(1);
      expect(JSON.stringify(data[0])).to.contain(kind === 'web-annotation' ? 'Annotation' : 'ClaimReview');
    }
  });

  it('`.value` loads a set (the viewer shows it); `.viewer` wins over `for`; axe clean', async () => {
    await mount();
    editor.value = { version: 1, claims: [{ id: 'c9', quote: { exact: 'order a new boat this year' } }], annotations: [{ id: 'a9', cues: [], claims: ['c9'], relation: 'unsupported', sources: [] }] };
    await editor.updateComplete;
    await waitUntil(() => highlighted('unsupported').length === 1, 'the set shown in the viewer', 8000);
    expect(root().querySelector('[data-annotation="a9"]')).to.not.equal(null);
    await expect(editor).to.be.accessible();
    button(`? ${'Not supported by the recording'} · a9 order a new boat this year`.replace(/ +/g, ' ')).click();
    await editor.updateComplete;
    await expect(editor).to.be.accessible();

    const other = document.createElement('annotated-transcript') as AnnotatedTranscript;
    document.body.append(other);
    added.push(other);
    editor.viewer = other;
    await editor.updateComplete;
    editor.value = { version: 1, claims: [], annotations: [{ id: 'x1', cues: [], claims: [], relation: 'context', sources: [] }] };
    await sleep(50);
    expect((other.annotations as AnnotationSet).annotations[0]!.id).to.equal('x1');
  });

  // Keyboard, inert data, the article untouched, narrow screens, axe in every state, languages.
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
