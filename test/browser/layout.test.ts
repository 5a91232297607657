import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import { TranscriptHarness } from '../harness/transcript-harness.js';
import { longTranscript, nextFrame, waitUntil } from './helpers.js';

const PAGE_Y = 60;
const LINES = 200;

/**
 * What page authors write around and on the element. `container` styles a parent (null: a
 * plain block); `host` is the element's own `style`; `height` is the box the page asks for.
 */
interface Case {
  name: string;
  container: string | null;
  host: string;
  height: number | (() => number);
}

const sizings = [
  ['height: 300px', 'height: 300px'],
  ['max-height: 300px', 'max-height: 300px'],
  ['--at-max-height: 300px', '--at-max-height: 300px'],
] as const;

const CASES: Case[] = [
  { name: 'no author CSS (default max-height 60vh)', container: null, host: '', height: () => 0.6 * window.innerHeight },
  ...sizings.map(([name, host]): Case => ({ name: `${name} alone`, container: null, host, height: 300 })),
  // inline-block is shrink-to-fit: like any such box (a float, a positioned box) it needs a width,
  // since the element is a size container in the inline axis (its lines reflow to its width).
  ...(['block', 'inline-block; width: 600px', 'flex', 'grid'] as const).flatMap((display) =>
    sizings.map(([name, size]): Case => ({ name: `display: ${display}; ${name}`, container: null, host: `display: ${display}; ${size}`, height: 300 })),
  ),
  {
    name: 'display: block, a flex child filling a column',
    container: 'display: flex; flex-direction: column; height: 400px',
    host: 'display: block; flex: 1 1 0; min-height: 0',
    height: 300,
  },
  { name: 'display: block, a flex child in a row', container: 'display: flex; height: 300px', host: 'display: block; flex: 1 1 0', height: 300 },
  { name: 'display: block, a grid cell', container: 'display: grid; grid-template-rows: 100px 300px; height: 400px', host: 'display: block', height: 300 },
];

async function mount(c: Case): Promise<{ el: AnnotatedTranscript; h: TranscriptHarness }> {
  const host = html`<annotated-transcript style=${c.host}></annotated-transcript>`;
  // In a container, a 100px header comes first (the grid's first row, the column's top).
  const inner = c.container === null ? host : html`<div style=${c.container}><div style="flex: none; height: 100px">header</div>${host}</div>`;
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <div style="height: 100px">above</div>
    ${inner}
    <div style="height: 3000px">below: the page itself can scroll</div>
  </div>`);
  const el = wrapper.querySelector('annotated-transcript')!;
  el.transcript = longTranscript(LINES, 60);
  const h = new TranscriptHarness(el);
  await waitUntil(() => h.lines().length === LINES && h.toolbar() !== null, `${LINES} lines and the toolbar`);
  window.scrollTo(0, PAGE_Y);
  await waitUntil(() => document.scrollingElement!.scrollTop === PAGE_Y, 'page scrolled a little');
  return { el, h };
}

describe('layout holds whatever display and size the page gives the element', () => {
  afterEach(() => window.scrollTo(0, 0));

  for (const c of CASES) {
    it(c.name, async () => {
      const { el, h } = await mount(c);
      const expected = typeof c.height === 'function' ? c.height() : c.height;
      const box = el.getBoundingClientRect();
      expect(box.height, 'the element is the size the page asked for').to.be.closeTo(expected, 1);

      const scroller = h.scroller();
      expect(scroller.scrollHeight, 'the transcript overflows its scroller').to.be.greaterThan(scroller.clientHeight + 100);
      scroller.scrollTop = 400;
      await nextFrame();
      expect(scroller.scrollTop, 'the scroller scrolls').to.be.closeTo(400, 1);

      const view = scroller.getBoundingClientRect();
      expect(view.top, 'scroller inside the element').to.be.at.least(box.top - 0.5);
      expect(view.bottom, 'scroller inside the element (nothing cut off at the bottom)').to.be.at.most(box.bottom + 0.5);
      const toolbar = h.toolbar()!.getBoundingClientRect();
      expect(toolbar.height, 'toolbar shown').to.be.greaterThan(10);
      expect(toolbar.top, 'toolbar inside the element').to.be.at.least(box.top - 0.5);
      expect(toolbar.bottom, 'toolbar inside the element').to.be.at.most(box.bottom + 0.5);

      // Focusing a line far down scrolls the transcript, never the page.
      const far = h.line(LINES - 20);
      far.focus();
      await nextFrame();
      expect(document.scrollingElement!.scrollTop, 'the page did not scroll').to.equal(PAGE_Y);
      const line = far.getBoundingClientRect();
      expect(line.top >= view.top - 0.5 && line.bottom <= view.bottom + 0.5, 'the focused line is shown inside the scroller').to.be.true;
    });
  }
});
