import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Cue, CueNode } from '../model/types.js';
import { formatTimestamp } from '../model/time.js';
import { spokenTime } from './time-label.js';
import type { LineElements } from '../controllers/active-cue.js';

export interface LineListOptions {
  /** Content language of the transcript. */
  lang?: string;
  /** Whether any cue is at or past one hour (then every timestamp shows hours). */
  hours: boolean;
  /** Decoration in the row's margin (annotation span bars). */
  gutter?: (cue: Cue, index: number) => unknown;
  /** Buttons beside the line (annotation toggles, copy link); reached with the Right arrow. */
  actions?: (cue: Cue, index: number) => unknown;
  /** The translation of a line, when a translation track is shown. */
  translation?: (index: number) => { text: string; lang: string } | undefined;
  /** Show the original text, the translation, or both side by side. */
  view?: 'original' | 'translation' | 'both';
  /** Content under the line, full width (open annotations). */
  below?: (cue: Cue, index: number) => unknown;
}

/**
 * The one seam through which the line list renders. The element only calls `render()` and asks
 * `lineElement()`/`wordElement()`; windowing (rendering only the rows near the viewport) can
 * replace this class without touching sync or seek.
 */
export class LineList implements LineElements {
  private rows: HTMLCollection | null = null;

  /** Call after each render with the list element. */
  attach(list: HTMLElement | null): void {
    this.rows = list?.children ?? null;
  }

  lineElement(index: number): HTMLElement | null {
    const row = this.rows?.[index];
    return (row?.firstElementChild as HTMLElement | null) ?? null;
  }

  wordElement(index: number, word: number): HTMLElement | null {
    return this.lineElement(index)?.querySelector<HTMLElement>(`[data-w="${word}"]`) ?? null;
  }

  /** Index of the line element an event target sits in, or -1. */
  indexOf(target: EventTarget | null): number {
    const line = (target as Element | null)?.closest?.('.row')?.querySelector('.line');
    const i = Number(line?.getAttribute('data-i'));
    return line && Number.isInteger(i) ? i : -1;
  }

  get length(): number {
    return this.rows?.length ?? 0;
  }

  render(cues: readonly Cue[], options: LineListOptions): TemplateResult {
    let previousSpeaker: string | undefined;
    return html`${cues.map((cue, i) => {
      const showSpeaker = !!cue.speaker && cue.speaker !== previousSpeaker;
      previousSpeaker = cue.speaker;
      const view = options.view ?? 'original';
      const translation = view === 'original' ? undefined : options.translation?.(i);
      return html`<li class="row">
        <div class="line" part="line" role="button" tabindex="-1" data-i=${i}>
          <span class="timestamp" part="timestamp" aria-hidden="true">${formatTimestamp(cue.start, { forceHours: options.hours })}</span>
          <span class="visually-hidden">${spokenTime(cue.start)}</span>
          <span class="body ${view === 'both' && translation ? 'both' : ''}">
            ${cue.speaker
              ? html`<span class=${showSpeaker ? 'speaker' : 'visually-hidden'} part=${showSpeaker ? 'speaker' : nothing}>${cue.speaker}</span>`
              : nothing}
            ${view !== 'translation' || !translation
              ? html`<span class="text shown" part="text" lang=${ifDefined(cue.lang)}>${renderContent(cue)}</span>`
              : nothing}
            ${translation
              ? html`<span class="translation shown" part="translation" lang=${translation.lang}>${translation.text}</span>`
              : nothing}
          </span>
        </div>
        ${options.gutter?.(cue, i) ?? nothing}
        <span class="row-actions">${options.actions?.(cue, i) ?? nothing}</span>
        ${options.below?.(cue, i) ?? nothing}
      </li>`;
    })}`;
  }
}

function renderContent(cue: Cue): unknown {
  if (cue.words?.length) {
    return cue.words.map((w, j) => html`<span class="word" part="word" data-w=${j}>${w.text}</span> `);
  }
  if (cue.nodes?.length) return cue.nodes.map(renderNode);
  return cue.text;
}

/** Safe cue-text elements, built by Lit templates: only a sanitised class and lang from the data. */
function renderNode(node: CueNode): unknown {
  if (node.type === 'text') return node.text;
  const children = node.children.map(renderNode);
  const cls = ifDefined(node.className || undefined);
  const lang = ifDefined(node.lang || undefined);
  switch (node.type) {
    case 'b':
      return html`<b class=${cls} lang=${lang}>${children}</b>`;
    case 'i':
      return html`<i class=${cls} lang=${lang}>${children}</i>`;
    case 'u':
      return html`<u class=${cls} lang=${lang}>${children}</u>`;
    case 'ruby':
      return html`<ruby class=${cls} lang=${lang}>${children}</ruby>`;
    case 'rt':
      return html`<rt class=${cls} lang=${lang}>${children}</rt>`;
    default:
      return html`<span class=${cls} lang=${lang}>${children}</span>`;
  }
}
