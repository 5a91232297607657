import { LitElement, css, html, nothing } from 'lit';
import { msg } from '@lit/localize';
import type { Cue } from '../model/types.js';
import { lineList } from './line-list.styles.js';
import { renderRow } from './line-row.js';

/**
 * @summary Server rendering only: the viewer's lines as static HTML (never defined in a browser).
 *
 * Server rendering (@lit-labs/ssr), imported on the server only (`annotated-transcript/ssr`):
 * `<at-server-lines>` draws the lines of the viewer's `transcript` data as a static list, the
 * way the browser draws rows (`renderRow`), so that the HTML holds every line's time, speaker
 * and text, in declarative shadow DOM, before any script runs.
 *
 * The viewer's template holds `<at-server-lines .cues=…>` until it shows its own lines. In the
 * browser the tag is never defined: the server's shadow root stays as it is, hydration of the
 * viewer does not look into it, and it goes in the render that shows the live rows (so the
 * lines never show twice, nor vanish). Only what is plainly a line is drawn (a string `text`, a
 * finite `start`), as text: words and cue-text markup come with the live rows.
 */
export class ServerLines extends LitElement {
  static override styles = [lineList, css`
    :host { display: block; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
  `];

  /** The viewer's `transcript` data (a Transcript object or a cue array), as given. */
  static override properties = { cues: { attribute: false } };
  declare cues: unknown;

  protected override render() {
    const given = Array.isArray(this.cues) ? this.cues : (this.cues as { cues?: unknown } | null)?.cues;
    if (!Array.isArray(given)) return nothing;
    const cues: Cue[] = [];
    for (const c of given as Partial<Record<keyof Cue, unknown>>[]) {
      if (typeof c?.text !== 'string' || typeof c.start !== 'number' || !Number.isFinite(c.start)) continue;
      cues.push({
        id: typeof c.id === 'string' ? c.id : String(cues.length + 1), start: c.start, end: typeof c.end === 'number' ? c.end : c.start, text: c.text,
        speaker: typeof c.speaker === 'string' ? c.speaker : undefined, lang: typeof c.lang === 'string' ? c.lang : undefined,
      });
    }
    const hours = cues.some((c) => c.start >= 3600);
    return html`<ol class="lines" role="list" aria-label=${msg('Transcript')}>${cues.map((cue, i) => html`<li class="row" data-i=${i}>${renderRow({
      cue, index: i, showSpeaker: !!cue.speaker && cue.speaker !== cues[i - 1]?.speaker, hours, options: {},
    })}</li>`)}</ol>`;
  }
}

if (!customElements.get('at-server-lines')) customElements.define('at-server-lines', ServerLines);
