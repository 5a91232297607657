import { expect, fixture, html } from '@open-wc/testing';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';
import { getLocale, setLocale } from '../../src/index.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import { templates as ukTemplates } from '../../src/generated/locales/uk.js';
import { templates as ruTemplates } from '../../src/generated/locales/ru.js';
import { TranscriptHarness } from '../harness/transcript-harness.js';
import { waitUntil } from './helpers.js';

const TEMPLATES: Record<string, Record<string, unknown>> = { uk: ukTemplates, ru: ruTemplates };

/**
 * What lit-localize renders for a plain `msg('…')` in `locale`: the generated translation when
 * the locale module has one for the message's id, else the English source (its fallback).
 */
function expectedMsg(locale: string, english: string, id = generateMsgId(english, false)): string {
  const translated = TEMPLATES[locale]?.[id];
  return typeof translated === 'string' ? translated : english;
}

/** Intl's word for N seconds in a locale (independent of the element). */
function seconds(locale: string, n: number): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(n);
}

async function switchTo(code: string): Promise<void> {
  await setLocale(code);
}

describe('interface language', () => {
  afterEach(async () => {
    await setLocale('en');
    expect(getLocale()).to.equal('en');
  });

  it('starts in English on a page without <html lang>', async () => {
    expect(document.documentElement.lang).to.equal('');
    const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript></annotated-transcript>`);
    await el.updateComplete;
    expect(getLocale()).to.equal('en');
    const h = new TranscriptHarness(el);
    expect(h.statusText()).to.equal('No transcript to show.');
    expect(h.listLabel()).to.equal('Transcript');
  });

  for (const locale of ['uk', 'ru'] as const) {
    it(`setLocale('${locale}') re-renders the UI strings and the spoken times`, async () => {
      const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript></annotated-transcript>`);
      el.transcript = [
        { id: 'a', start: 2.4, end: 4, text: 'Hello there.', speaker: 'Ada' },
        { id: 'b', start: 65, end: 70, text: 'General remarks.', speaker: 'Ben' },
      ];
      const empty = await fixture<AnnotatedTranscript>(html`<annotated-transcript></annotated-transcript>`);
      const h = new TranscriptHarness(el);
      const he = new TranscriptHarness(empty);
      await waitUntil(() => h.lines().length === 2, 'two lines');
      expect(h.accessibleText(0)).to.contain(seconds('en', 2));

      await switchTo(locale);
      expect(getLocale()).to.equal(locale);
      await waitUntil(() => h.accessibleText(0).includes('секунд'), `spoken time in ${locale}`);
      await el.updateComplete;
      await empty.updateComplete;
      // Spoken times come from Intl in the interface language, with its plural forms.
      expect(h.accessibleText(0)).to.contain(seconds(locale, 2));
      expect(h.accessibleText(1)).to.contain(seconds(locale, 5));
      expect(h.accessibleText(1)).not.to.contain('second');
      // UI strings: the translation when the generated module has one, else the English fallback.
      expect(he.statusText()).to.equal(expectedMsg(locale, 'No transcript to show.'));
      expect(h.listLabel()).to.equal(expectedMsg(locale, 'Transcript'));
      expect(he.listLabel()).to.equal(expectedMsg(locale, 'Transcript'));

      await switchTo('en');
      await waitUntil(() => h.accessibleText(0).includes(seconds('en', 2)), 'spoken time back in English');
      await empty.updateComplete;
      expect(he.statusText()).to.equal('No transcript to show.');
      expect(h.listLabel()).to.equal('Transcript');
    });
  }

  it('setLocale matches by primary subtag and falls back to English', async () => {
    await setLocale('uk-UA');
    expect(getLocale()).to.equal('uk');
    await setLocale('ru_RU');
    expect(getLocale()).to.equal('ru');
    await setLocale('de');
    expect(getLocale()).to.equal('en');
    await setLocale('not a locale');
    expect(getLocale()).to.equal('en');
  });

  it('the loading text and the "back to current line" label are localised too', async () => {
    await switchTo('uk');
    // Loading: a fetch that never answers.
    const original = window.fetch;
    window.fetch = ((_: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_r, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError'))))) as typeof fetch;
    try {
      const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript src="/never.vtt"></annotated-transcript>`);
      const h = new TranscriptHarness(el);
      await waitUntil(() => h.listBusy(), 'loading');
      expect(h.statusText()).to.equal(expectedMsg('uk', 'Loading transcript…'));
      expect(h.liveRegionText()).to.equal(expectedMsg('uk', 'Loading transcript…'));
    } finally {
      window.fetch = original;
    }
  });

  it('the content language of the transcript is kept apart from the interface language', async () => {
    const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript></annotated-transcript>`);
    el.transcript = {
      version: 1,
      lang: 'en',
      cues: [
        { id: '1', start: 1, end: 2, text: 'An English line.' },
        { id: '2', start: 3, end: 4, text: 'Рядок українською.', lang: 'uk' },
      ],
    };
    const h = new TranscriptHarness(el);
    await waitUntil(() => h.lines().length === 2, 'two lines');
    await switchTo('ru');
    await el.updateComplete;
    await waitUntil(() => h.accessibleText(0).includes('секунд'), 'interface in Russian');
    // The list keeps the transcript's language; the Ukrainian cue is marked as such.
    expect(h.list().getAttribute('lang')).to.equal('en');
    expect(h.lineTextElement(1).closest('[lang]')!.getAttribute('lang')).to.equal('uk');
    expect(document.documentElement.lang).to.equal('');
  });
});
