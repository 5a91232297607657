import './lit-warnings.js';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import { TranscriptHarness } from '../harness/transcript-harness.js';

describe('smoke', () => {
  it('renders cues given as a property', async () => {
    const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript></annotated-transcript>`);
    el.transcript = [
      { id: 'a', start: 0, end: 1, text: 'Hello there' },
      { id: 'b', start: 1, end: 2, text: 'General Kenobi', speaker: 'Grievous' },
    ];
    await el.updateComplete;
    const h = new TranscriptHarness(el);
    expect(h.lineTexts()).to.deep.equal(['Hello there', 'General Kenobi']);
  });
});
