import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Cue, CueNode } from '../model/types.js';
import type { RowTranslation, TrackView } from '../model/tracks.js';
import { formatTimestamp } from '../model/time.js';
import type { Announcer } from '../controllers/announcer.js';
import { spokenTime } from './time-label.js';

/** What the rows show besides their cue: the element's parts of a row. */
export interface RowOptions {
  /** Decoration in the row's margin (annotation span bars). */
  gutter?: (cue: Cue, index: number) => unknown;
  /** Buttons beside the line (annotation toggles, copy link); reached with the Right arrow. */
  actions?: (cue: Cue, index: number) => unknown;
  /** Content under the line, full width (open annotations). */
  below?: (cue: Cue, index: number) => unknown;
  /** The translation of each line (by line index), when a translation track is shown. */
  translations?: ReadonlyMap<number, RowTranslation>;
  /** Show the original text, the translation, or both side by side. */
  view?: TrackView;
}

/** How one row is drawn: its cue, its place, whether its speaker label shows, and the row's options. */
export interface RowContext {
  cue: Cue;
  index: number;
  showSpeaker: boolean;
  /** Every timestamp shows hours when any line is at or past one hour. */
  hours: boolean;
  options: RowOptions;
}

/** DOM id of an annotation's panel (same shadow root as its toggle, for aria-controls). */
export const panelId = (id: string) => `annotation-${id}`;

/** The inside of a full row (the `<li class="row">` is the render container). */
export function renderRow({ cue, index: i, showSpeaker, hours, options }: RowContext): TemplateResult {
  const view = options.view ?? 'original';
  const translation = view === 'original' ? undefined : options.translations?.get(i);
  return html`<div class="line" part="line" role="button" tabindex="-1" data-i=${i}>
      <span class="timestamp" part="timestamp" aria-hidden="true">${formatTimestamp(cue.start, { forceHours: hours })}</span>
      <span class="visually-hidden">${spokenTime(cue.start)}</span>
      <span class="body ${view === 'both' && translation ? 'both' : ''}">
        ${cue.speaker
          ? html`<span class=${showSpeaker ? 'speaker' : 'visually-hidden'} part=${showSpeaker ? 'speaker' : nothing}>${cue.speaker}</span>`
          : nothing}
        ${view !== 'translation' || !translation
          ? html`<span class="text shown" part="text" lang=${ifDefined(cue.lang)}>${renderContent(cue)}</span>`
          : nothing}
        ${translation ? html`<span class="translation shown" part="translation" lang=${translation.lang}>${translation.text}</span>` : nothing}
      </span>
    </div>
    ${options.gutter?.(cue, i) ?? nothing}
    <span class="row-actions">${options.actions?.(cue, i) ?? nothing}</span>
    ${options.below?.(cue, i) ?? nothing}`;
}

/**
 * The texts a row shows, in the order of its `.shown` elements (the original, the translation,
 * or both), exactly as rendered: search matches found in them map onto the row's text nodes.
 */
export function shownTexts(cue: Cue, index: number, options: RowOptions): string[] {
  const view = options.view ?? 'original';
  const translation = view === 'original' ? undefined : options.translations?.get(index);
  const texts: string[] = [];
  if (view !== 'translation' || !translation) texts.push(contentText(cue));
  if (translation) texts.push(translation.text);
  return texts;
}

/** The text of a cue as `renderContent` renders it. */
function contentText(cue: Cue): string {
  if (cue.words?.length) return cue.words.map((w) => `${w.text} `).join('');
  if (cue.nodes?.length) return cue.nodes.map(nodeText).join('');
  return cue.text;
}

function nodeText(node: CueNode): string {
  return node.type === 'text' ? node.text : node.children.map(nodeText).join('');
}

/** The button of a row that copies a `#t=` link to its line. */
export function renderCopyLink(cue: Cue, announcer: Announcer) {
  return html`<button type="button" class="copy-link" tabindex="-1" aria-label=${msg(str`Copy link to ${spokenTime(cue.start)}`)}
    title=${msg('Copy link to this line')} @click=${() => announcer.copyDeepLink({ time: cue.start })}><span aria-hidden="true">🔗</span></button>`;
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
