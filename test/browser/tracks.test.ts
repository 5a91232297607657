import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { getLocale, setLocale } from '../../src/index.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import type { Transcript } from '../../src/model/types.js';
import { TranscriptHarness } from '../harness/transcript-harness.js';
import { loadVideo, seekVideo, waitUntil } from './helpers.js';

const EN = '/data/demo/statement.en.vtt';
const UK = '/data/demo/statement.uk.vtt';
const RU = '/data/demo/statement.ru.vtt';
const VIDEO = '/data/demo/statement.webm';
const ORIGINAL = '/test/fixtures/tracks/original.en.vtt';
const SPLIT_FR = '/test/fixtures/tracks/split.fr.vtt';

/**
 * Cue id → cue text of a WebVTT file, read here without the library: blocks separated by blank
 * lines, an id line, a timing line, then the text with its tags removed.
 */
async function vttTexts(url: string): Promise<Map<string, string>> {
  const text = await (await fetch(url)).text();
  const out = new Map<string, string>();
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const lines = block.split('\n');
    if (lines.length < 3 || !lines[1]!.includes('-->')) continue;
    out.set(lines[0]!.trim(), lines.slice(2).join(' ').replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim());
  }
  return out;
}

async function mountWithChildTracks(style = 'height: 320px'): Promise<{ el: AnnotatedTranscript; h: TranscriptHarness }> {
  const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript src=${EN} style=${style}>
    <track src=${UK} srclang="uk" label="Українська" />
    <track src=${RU} srclang="ru" label="Русский" />
  </annotated-transcript>`);
  const h = new TranscriptHarness(el);
  await waitUntil(() => h.lines().length === 16, '16 lines rendered', 10000);
  await waitUntil(() => h.trackSelect() !== null, 'track menu rendered');
  return { el, h };
}

const allTranslated = (h: TranscriptHarness) => () => h.translationTexts().length > 0 && h.translationTexts().every((t) => t !== null);
const noneTranslated = (h: TranscriptHarness) => () => h.translationTexts().every((t) => t === null);

describe('translation tracks', () => {
  let en: Map<string, string>;
  let uk: Map<string, string>;
  let ru: Map<string, string>;

  before(async () => {
    [en, uk, ru] = await Promise.all([vttTexts(EN), vttTexts(UK), vttTexts(RU)]);
    expect(en.size).to.equal(16);
    expect([...uk.keys()]).to.deep.equal([...en.keys()]);
  });

  beforeEach(() => localStorage.clear());
  afterEach(async () => {
    localStorage.clear();
    await setLocale('en');
  });

  it('the Translation menu lists the child <track> elements after "None"', async () => {
    const { h } = await mountWithChildTracks();
    expect(h.trackOptions()).to.deep.equal([
      { value: '', label: 'None', lang: null },
      { value: 'uk', label: 'Українська', lang: 'uk' },
      { value: 'ru', label: 'Русский', lang: 'ru' },
    ]);
    expect(h.chosenTrackLabel()).to.equal('None');
    expect(h.trackSelect()!.closest('label')!.textContent).to.contain('Translation');
    expect(h.sideBySideCheckbox() === null).to.be.true;
    expect(h.translationTexts().every((t) => t === null)).to.be.true;
    expect(h.originalTexts()).to.deep.equal([...en.values()]);
  });

  it('choosing Українська shows each line side by side with its Ukrainian translation (by cue id)', async () => {
    const { el, h } = await mountWithChildTracks();
    h.chooseTrack('Українська');
    await waitUntil(allTranslated(h), 'every line has its translation', 10000);
    expect(h.chosenTrackLabel()).to.equal('Українська');
    // Side by side is the default the first time a translation is chosen.
    expect(h.sideBySideCheckbox()!.checked).to.be.true;
    expect(h.sideBySideLabel()).to.equal('Side by side with English');
    const ids = el.cues.map((c) => c.id);
    expect(h.translationTexts()).to.deep.equal(ids.map((id) => uk.get(id)));
    expect(h.originalTexts()).to.deep.equal(ids.map((id) => en.get(id)));
    for (const t of h.translationElements()) expect(t!.getAttribute('lang')).to.equal('uk');
    // The original keeps its own language; the translation is not inside it.
    expect(h.textElements().every((t) => !t.querySelector('[part~="translation"]'))).to.be.true;
  });

  it('unchecking "side by side" shows the translation alone; "None" restores the original', async () => {
    const { el, h } = await mountWithChildTracks();
    h.chooseTrack('Українська');
    await waitUntil(allTranslated(h), 'translations shown', 10000);
    h.setSideBySide(false);
    await waitUntil(() => h.originalTexts().every((t) => t === null), 'original text hidden');
    const ids = el.cues.map((c) => c.id);
    expect(h.translationTexts()).to.deep.equal(ids.map((id) => uk.get(id)));
    expect(h.sideBySideCheckbox()!.checked).to.be.false;
    expect(h.lines()).to.have.length(16);

    h.setSideBySide(true);
    await waitUntil(() => h.originalTexts().every((t) => t !== null) && h.translationTexts().every((t) => t !== null), 'original back beside the translation', 10000);
    expect(h.translationTexts()).to.deep.equal(ids.map((id) => uk.get(id)));
    expect(h.sideBySideCheckbox()!.checked).to.be.true;

    h.chooseTrack('None');
    await waitUntil(noneTranslated(h), 'translations gone');
    expect(h.originalTexts()).to.deep.equal(ids.map((id) => en.get(id)));
    expect(h.chosenTrackLabel()).to.equal('None');
    expect(h.sideBySideCheckbox() === null).to.be.true;
  });

  // BUG (src/controllers/tracks.ts, TracksController.choose → load): changing only the view
  // (side by side ⇄ translation alone) empties `rows` and fetches the same track again, so
  // until the new response is parsed the lines show the original instead of the translation.
  it('switching between side by side and translation alone keeps the loaded translation (no refetch, no flash of the original)', async () => {
    const { el, h } = await mountWithChildTracks();
    h.chooseTrack('Українська');
    await waitUntil(allTranslated(h), 'uk shown', 10000);
    const expected = el.cues.map((c) => uk.get(c.id));
    const original = window.fetch;
    const fetched: string[] = [];
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      fetched.push(String(input instanceof Request ? input.url : input));
      return original.call(window, input, init);
    };
    try {
      h.setSideBySide(false);
      await el.updateComplete;
      expect(h.translationTexts(), 'translation alone, right after the change').to.deep.equal(expected);
      expect(h.originalTexts().every((t) => t === null)).to.be.true;
      h.setSideBySide(true);
      await el.updateComplete;
      expect(h.translationTexts(), 'side by side, right after the change').to.deep.equal(expected);
      expect(fetched.filter((u) => u.includes('statement.uk.vtt')), 'the track was fetched again').to.deep.equal([]);
    } finally {
      window.fetch = original;
    }
  });

  it('switching from one translation to another replaces the texts', async () => {
    const { el, h } = await mountWithChildTracks();
    h.chooseTrack('Українська');
    await waitUntil(allTranslated(h), 'uk shown', 10000);
    h.setSideBySide(false);
    await waitUntil(() => h.originalTexts().every((t) => t === null), 'translation alone');
    h.chooseTrack('Русский');
    const ids = el.cues.map((c) => c.id);
    await waitUntil(() => h.translationTexts()[0] === ru.get(ids[0]!), 'ru shown', 10000);
    // The view (translation alone) is kept when another language is chosen.
    expect(h.sideBySideCheckbox()!.checked).to.be.false;
    expect(h.translationTexts()).to.deep.equal(ids.map((id) => ru.get(id)));
    for (const t of h.translationElements()) expect(t!.getAttribute('lang')).to.equal('ru');
  });

  it('the tracks property works too (a file track and a data track)', async () => {
    const de: Transcript = {
      version: 1,
      lang: 'de',
      cues: [
        { id: '1', start: 0.6, end: 3.999, text: 'Hafenmeisterin, warum fährt die Fähre nicht mehr?' },
        { id: '2', start: 4.799, end: 8.812, text: 'Am neunten März haben wir die Fähre für sechs Wochen eingestellt.' },
      ],
    };
    const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript src=${EN} style="height: 320px"
      .tracks=${[{ src: UK, lang: 'uk', label: 'Українська' }, { transcript: de, lang: 'de', label: 'Deutsch' }]}></annotated-transcript>`);
    const h = new TranscriptHarness(el);
    await waitUntil(() => h.lines().length === 16 && h.trackSelect() !== null, 'lines and menu', 10000);
    expect(h.trackOptions().map((o) => o.label)).to.deep.equal(['None', 'Українська', 'Deutsch']);

    h.chooseTrack('Українська');
    await waitUntil(allTranslated(h), 'uk shown', 10000);
    expect(h.translationTexts()).to.deep.equal(el.cues.map((c) => uk.get(c.id)));

    h.chooseTrack('Deutsch');
    await waitUntil(() => h.translationTexts()[0] === de.cues[0]!.text, 'de shown');
    expect(h.translationTexts()).to.deep.equal([de.cues[0]!.text, de.cues[1]!.text, ...Array(14).fill(null)]);
    expect(h.translationElements()[0]!.getAttribute('lang')).to.equal('de');
  });

  it('changing the tracks property updates the menu; an empty list removes it', async () => {
    const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript src=${EN} style="height: 320px"
      .tracks=${[{ src: UK, lang: 'uk', label: 'Українська' }, { src: RU, lang: 'ru', label: 'Русский' }]}></annotated-transcript>`);
    const h = new TranscriptHarness(el);
    await waitUntil(() => h.lines().length === 16 && h.trackSelect() !== null, 'lines and menu', 10000);
    h.chooseTrack('Русский');
    await waitUntil(allTranslated(h), 'ru shown', 10000);

    el.tracks = [{ src: UK, lang: 'uk', label: 'Українська' }];
    await el.updateComplete;
    expect(h.trackOptions().map((o) => o.label)).to.deep.equal(['None', 'Українська']);
    // The chosen track is gone: the original is shown.
    await waitUntil(noneTranslated(h), 'ru translation gone');
    expect(h.chosenTrackLabel()).to.equal('None');

    // BUG (src/components/annotated-transcript.ts, willUpdate): `tracks` is only applied when the
    // new list is non-empty (`changed.has('tracks') && this.tracks.length`), so clearing it keeps
    // the old tracks in the menu.
    el.tracks = [];
    await el.updateComplete;
    expect(h.trackOptions().map((o) => o.label), 'no menu without tracks').to.deep.equal([]);
  });

  it('the choice persists (localStorage): a new element on the page starts with it', async () => {
    const first = await mountWithChildTracks();
    first.h.chooseTrack('Українська');
    await waitUntil(allTranslated(first.h), 'uk shown', 10000);
    first.h.setSideBySide(false);
    await waitUntil(() => first.h.originalTexts().every((t) => t === null), 'translation alone');
    expect(localStorage.length).to.be.greaterThan(0);
    first.el.remove();

    const second = await mountWithChildTracks();
    await waitUntil(allTranslated(second.h), 'the new element shows the translation', 10000);
    expect(second.h.chosenTrackLabel()).to.equal('Українська');
    expect(second.h.sideBySideCheckbox()!.checked).to.be.false;
    expect(second.h.originalTexts().every((t) => t === null)).to.be.true;
    expect(second.h.translationTexts()).to.deep.equal(second.el.cues.map((c) => uk.get(c.id)));
    second.el.remove();

    // The memory is localStorage: without it a new element shows the original.
    localStorage.clear();
    const third = await mountWithChildTracks();
    expect(third.h.chosenTrackLabel()).to.equal('None');
    expect(third.h.translationTexts().every((t) => t === null)).to.be.true;
  });

  it('aligns by time when the ids differ: two cues for one line, one cue spanning two lines', async () => {
    const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript src=${ORIGINAL} style="height: 320px">
      <track src=${SPLIT_FR} srclang="fr" label="Français" />
    </annotated-transcript>`);
    const h = new TranscriptHarness(el);
    await waitUntil(() => h.lines().length === 4 && h.trackSelect() !== null, 'lines and menu', 10000);
    h.chooseTrack('Français');
    await waitUntil(() => h.translationTexts()[0] !== null, 'translation shown', 10000);
    expect(h.rowTexts()).to.deep.equal([
      'The ferry stopped on Monday. | Le ferry s’est arrêté lundi.',
      'Engineers found rust in the hull. | Les ingénieurs ont trouvé de la rouille : six semaines de réparations.',
      'Repairs will take six weeks.',
      'A water taxi runs meanwhile. | Un bateau-taxi circule en attendant.',
    ]);
    expect(h.translationElements()[0]!.getAttribute('lang')).to.equal('fr');

    h.setSideBySide(false);
    await waitUntil(() => h.originalTexts()[0] === null, 'translation alone');
    // A line with no translation of its own keeps its original text, so no row is blank.
    expect(h.rowTexts()).to.deep.equal([
      'Le ferry s’est arrêté lundi.',
      'Les ingénieurs ont trouvé de la rouille : six semaines de réparations.',
      'Repairs will take six weeks.',
      'Un bateau-taxi circule en attendant.',
    ]);
  });

  describe('with a real video', () => {
    let video: HTMLVideoElement;
    afterEach(() => {
      video.pause();
      video.remove();
    });

    it('translation alone: sync marks the active line; clicking a line seeks to the ORIGINAL line’s start', async () => {
      video = await loadVideo('tracks-video', VIDEO);
      const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript for="tracks-video" src=${ORIGINAL} style="height: 320px">
        <track src=${SPLIT_FR} srclang="fr" label="Français" />
      </annotated-transcript>`);
      const h = new TranscriptHarness(el);
      await waitUntil(() => h.lines().length === 4 && h.trackSelect() !== null, 'lines and menu', 10000);
      h.chooseTrack('Français');
      await waitUntil(() => h.translationTexts()[1] !== null, 'translation shown', 10000);
      h.setSideBySide(false);
      await waitUntil(() => h.originalTexts()[1] === null, 'translation alone');

      await seekVideo(video, 10.5); // inside original line c (9–13), inside translation cue t3 (5.2–12)
      await waitUntil(() => h.activeIndex() === 2, 'line c active', 8000);
      expect(h.currentLines()).to.have.length(1);
      await seekVideo(video, 6);
      await waitUntil(() => h.activeIndex() === 1, 'line b active', 8000);
      expect(h.activeLine()!.querySelector('[part~="translation"]')!.textContent).to.contain('Les ingénieurs');

      // Row 1 shows t3 (starts 5.2 s) but is original line b (starts 5.0 s).
      const seeked = new Promise((r) => video.addEventListener('seeked', r, { once: true }));
      h.activateLine(1);
      await seeked;
      expect(video.currentTime).to.be.closeTo(5.0, 0.02);
      h.activateLine(3);
      await waitUntil(() => Math.abs(video.currentTime - 13) < 0.02, 'seeked to line d (13 s)');
      await waitUntil(() => h.activeIndex() === 3, 'line d active');
    });
  });

  it('is accessible (axe) side by side', async () => {
    const { h, el } = await mountWithChildTracks();
    h.chooseTrack('Українська');
    await waitUntil(allTranslated(h), 'uk shown', 10000);
    await expect(el).to.be.accessible();
  });

  it('the interface language and the translation track are independent', async () => {
    const { el, h } = await mountWithChildTracks();
    h.chooseTrack('Українська');
    await waitUntil(allTranslated(h), 'uk shown', 10000);
    const ids = el.cues.map((c) => c.id);

    // Switching the interface language keeps the chosen track and view…
    await setLocale('uk');
    await el.updateComplete;
    await waitUntil(() => h.trackOptions()[0]?.label === 'Без перекладу', 'interface in Ukrainian');
    expect(getLocale()).to.equal('uk');
    expect(h.chosenTrackLabel()).to.equal('Українська');
    expect(h.sideBySideCheckbox()!.checked).to.be.true;
    expect(h.translationTexts()).to.deep.equal(ids.map((id) => uk.get(id)));
    expect(h.originalTexts()).to.deep.equal(ids.map((id) => en.get(id)));
    // …and only its own words change (the original is named in the interface language).
    expect(h.sideBySideLabel()).to.equal(`Показувати поруч: ${new Intl.DisplayNames(['uk'], { type: 'language' }).of('en')}`);

    await setLocale('en');
    await el.updateComplete;
    await waitUntil(() => h.trackOptions()[0]?.label === 'None', 'interface in English');
    expect(h.chosenTrackLabel()).to.equal('Українська');
    expect(h.translationTexts()).to.deep.equal(ids.map((id) => uk.get(id)));

    // Choosing a track leaves the interface language alone.
    await setLocale('ru');
    await el.updateComplete;
    h.chooseTrack('Українська'); // already chosen: no change
    h.chooseTrack(''); // "None", whatever its label in Russian
    await waitUntil(noneTranslated(h), 'original only');
    expect(getLocale()).to.equal('ru');
    h.chooseTrack('Українська');
    await waitUntil(allTranslated(h), 'uk again', 10000);
    expect(getLocale()).to.equal('ru');
  });
});
