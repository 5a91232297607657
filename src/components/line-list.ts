import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Cue, CueNode } from '../model/types.js';
import type { RowTranslation, TrackView } from '../model/tracks.js';
import { formatTimestamp } from '../model/time.js';
import { spokenTime } from './time-label.js';
import type { LineElements } from '../controllers/line-elements.js';
import type { Announcer } from '../controllers/announcer.js';
import { formatDeepLink } from '../model/deep-link.js';
import { panelId } from './annotation-view.js';

export interface LineListOptions {
  /** Decoration in the row's margin (annotation span bars). */
  gutter?: (cue: Cue, index: number) => unknown;
  /** Buttons beside the line (annotation toggles, copy link); reached with the Right arrow. */
  actions?: (cue: Cue, index: number) => unknown;
  /** The translation of each line (by line index), when a translation track is shown. */
  translations?: ReadonlyMap<number, RowTranslation>;
  /** Show the original text, the translation, or both side by side. */
  view?: TrackView;
  /** Content under the line, full width (open annotations). */
  below?: (cue: Cue, index: number) => unknown;
}

/**
 * The one seam through which the line list renders. The element only calls `render()`; the
 * controllers find lines, words and panels through the `LineElements` interface this class
 * implements, so windowing (rendering only the rows near the viewport) can replace it without
 * touching sync, seek or focus.
 */
export class LineList implements LineElements {
  version = 0;
  private list: HTMLElement | null = null;
  private shown: { cues: readonly Cue[]; view: TrackView; translations: unknown } | null = null;

  /** `root` is the shadow root the list is rendered in. */
  constructor(private readonly root: () => ShadowRoot | null) {}

  private get rows(): HTMLCollection | null {
    if (!this.list?.isConnected) this.list = this.root()?.querySelector<HTMLElement>('ol.lines') ?? null;
    return this.list?.children ?? null;
  }

  get length(): number {
    return this.rows?.length ?? 0;
  }

  lineElement(index: number): HTMLElement | null {
    const row = this.rows?.[index];
    return (row?.firstElementChild as HTMLElement | null) ?? null;
  }

  wordElement(index: number, word: number): HTMLElement | null {
    return this.lineElement(index)?.querySelector<HTMLElement>(`[data-w="${word}"]`) ?? null;
  }

  rowOf(target: EventTarget | null): number {
    const el = target as Element | null;
    if (!el?.closest || el.closest('.annotation')) return -1;
    return this.lineIndex(el.closest('.row')?.querySelector('.line'));
  }

  lineOf(target: EventTarget | null): number {
    return this.lineIndex((target as Element | null)?.closest?.('.line'));
  }

  wordOf(target: EventTarget | null): number {
    const word = (target as Element | null)?.closest?.('[data-w]');
    return word ? Number(word.getAttribute('data-w')) : -1;
  }

  textElements(index: number): HTMLElement[] {
    return [...(this.lineElement(index)?.querySelectorAll<HTMLElement>('.shown') ?? [])];
  }

  rowControls(index: number): HTMLElement[] {
    const row = this.lineElement(index)?.closest('.row');
    return row ? [...row.querySelectorAll<HTMLElement>('.line, .row-actions button')] : [];
  }

  panel(annotationId: string): HTMLElement | null {
    return this.root()?.querySelector<HTMLElement>(`[id="${CSS.escape(panelId(annotationId))}"]`) ?? null;
  }

  scroller(): HTMLElement | null {
    return this.root()?.querySelector<HTMLElement>('.scroller') ?? null;
  }

  hasFocus(): boolean {
    return !!this.root()?.activeElement?.closest('ol.lines');
  }

  private lineIndex(line: Element | null | undefined): number {
    const i = Number(line?.getAttribute('data-i'));
    return line && Number.isInteger(i) ? i : -1;
  }

  render(cues: readonly Cue[], options: LineListOptions): TemplateResult {
    const view = options.view ?? 'original';
    const shown = this.shown;
    if (!shown || shown.cues !== cues || shown.view !== view || shown.translations !== options.translations) {
      this.shown = { cues, view, translations: options.translations };
      this.version++;
    }
    // Every timestamp shows hours when any line is at or past one hour.
    const hours = cues.length > 0 && cues[cues.length - 1]!.start >= 3600;
    let previousSpeaker: string | undefined;
    return html`${cues.map((cue, i) => {
      const showSpeaker = !!cue.speaker && cue.speaker !== previousSpeaker;
      previousSpeaker = cue.speaker;
      const translation = view === 'original' ? undefined : options.translations?.get(i);
      return html`<li class="row">
        <div class="line" part="line" role="button" tabindex="-1" data-i=${i}>
          <span class="timestamp" part="timestamp" aria-hidden="true">${formatTimestamp(cue.start, { forceHours: hours })}</span>
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

/** The button of a row that copies a `#t=` link to its line. */
export function renderCopyLink(cue: Cue, announcer: Announcer) {
  return html`<button type="button" class="copy-link" tabindex="-1" aria-label=${msg(str`Copy link to ${spokenTime(cue.start)}`)}
    title=${msg('Copy link to this line')} @click=${() => announcer.copyLink(formatDeepLink({ time: cue.start }))}><span aria-hidden="true">🔗</span></button>`;
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
  // Classes from the data live in their own namespace (`<c.line>` → `cue-line`), so a file can never
  // borrow the viewer's own class names (`line`, `visually-hidden`, `problems`…) and imitate its parts.
  const cls = ifDefined(node.className ? node.className.split(' ').map((c) => `cue-${c}`).join(' ') : undefined);
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
