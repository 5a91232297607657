/**
 * The interface language comes from `<html lang>` when the first element connects. That happens
 * once per page (as @lit/localize works), so this runs in its own test file: web-test-runner
 * gives every file a fresh page, and nothing else here may connect an element first.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';
import { getLocale, setLocale } from '../../src/index.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import { templates as ruTemplates } from '../../src/generated/locales/ru.js';
import { TranscriptHarness } from '../harness/transcript-harness.js';
import { waitUntil } from './helpers.js';

// Before any <annotated-transcript> connects (importing the module does not read it).
document.documentElement.lang = 'ru-RU';

function expectedRu(english: string): string {
  const translated = (ruTemplates as Record<string, unknown>)[generateMsgId(english, false)];
  return typeof translated === 'string' ? translated : english;
}

describe('<html lang> picks the interface language', () => {
  after(async () => {
    await setLocale('en');
    document.documentElement.lang = '';
  });

  it('<html lang="ru-RU"> before the first element connects gives Russian', async () => {
    expect(getLocale()).to.equal('en'); // nothing connected yet
    const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript></annotated-transcript>`);
    el.transcript = [{ id: 'a', start: 7.5, end: 9, text: 'Line.' }];
    const h = new TranscriptHarness(el);
    await waitUntil(() => getLocale() === 'ru', 'locale switched to ru');
    await waitUntil(() => h.lines().length === 1 && h.accessibleText(0).includes('секунд'), 'spoken time in Russian');
    expect(h.accessibleText(0)).to.contain(new Intl.NumberFormat('ru', { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(7));
    expect(h.listLabel()).to.equal(expectedRu('Transcript'));
  });

  it('changing <html lang> later does not switch again (one language per page, set at first connect)', async () => {
    document.documentElement.lang = 'uk';
    await fixture<AnnotatedTranscript>(html`<annotated-transcript></annotated-transcript>`);
    await new Promise((r) => setTimeout(r, 100));
    expect(getLocale()).to.equal('ru');
  });
});
