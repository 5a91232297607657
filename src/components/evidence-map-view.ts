import { css, html, nothing, type ElementPart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';
import { msg, str } from '@lit/localize';
import type { EvidenceMark } from '../model/annotations/index.js';
import { formatTimestamp } from '../model/time.js';
import { RELATION_ICON, relationLabel } from './labels.js';
import { EvidenceSelectEvent } from '../events.js';
import { claimTokens } from './claim-tokens.styles.js';

/** The styles of `<at-evidence-map>` (adopted into its shadow root with the annotation module). */
export const evidenceMapStyles = [
  claimTokens,
  css`
  :host {
    display: block;
    --_bg: var(--at-map-background, #f1f3f4);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_bg: var(--at-map-background, #303134);
    }
  }
  .strip {
    position: relative;
    height: var(--at-map-height, 0.9rem);
    background: var(--_bg);
    border-radius: 3px;
  }
  button {
    position: absolute;
    top: 0;
    bottom: 0;
    min-width: 6px;
    padding: 0;
    border: 0;
    cursor: pointer;
    color: inherit;
  }
  /* Shape and pattern as well as colour: solid (supports), diagonal hatching (contradicts), dots (context). */
  .supports {
    background: var(--_supports);
  }
  .contradicts {
    background: repeating-linear-gradient(45deg, var(--_contradicts) 0 2px, transparent 2px 4px);
    box-shadow: inset 0 0 0 1.5px var(--_contradicts);
  }
  .context {
    background: radial-gradient(circle, var(--_context) 1.2px, transparent 1.6px) 0 0 / 4px 4px;
    box-shadow: inset 0 0 0 1.5px var(--_context);
    border-radius: 999px;
  }
  button:focus-visible {
    outline: 2px solid CanvasText;
    outline-offset: 1px;
  }
`,
];

/** What `<at-evidence-map>` shows: its marks and the recording's length. */
export interface EvidenceMapState extends HTMLElement {
  readonly marks: readonly EvidenceMark[];
  readonly duration: number;
}

/** The strip of `<at-evidence-map>`: one button per passage, placed by time; activating one fires `evidence-select`. */
export function renderEvidenceMap(map: EvidenceMapState) {
  const duration = map.duration > 0 ? map.duration : longest(map.marks);
  const marks = duration > 0 ? shownMarks(map.marks, duration) : [];
  if (!marks.length) return nothing;
  return html`<div class="strip" part="strip" role="group" aria-label=${msg('Where the evidence is in the recording', { id: 'map.label' })}>
    ${marks.map((m) => {
      const left = (Math.max(0, m.start) / duration) * 100;
      const width = Math.max(0, (Math.min(duration, m.end) - Math.max(0, m.start)) / duration) * 100;
      const label = relationLabel(m.relation);
      const from = formatTimestamp(m.start);
      const to = formatTimestamp(m.end);
      return html`<button
        type="button"
        part="mark"
        class=${m.relation}
        ${place(left, width)}
        aria-label=${msg(str`${RELATION_ICON[m.relation]} ${label}, ${from} to ${to}`, { id: 'map.mark' })}
        title=${`${label} ${from}–${to}`}
        @click=${() => map.dispatchEvent(new EvidenceSelectEvent({ annotationId: m.annotationId, time: m.start }))}
      ></button>`;
    })}
  </div>`;
}

/** At most this many marks are drawn: past it, nearby marks of one relation merge (a strip has few pixels). */
const MAX_MARKS = 400;

function longest(marks: readonly EvidenceMark[]): number {
  let end = 0;
  for (const m of marks) if (Number.isFinite(m.end) && m.end > end) end = m.end;
  return end;
}

/** The marks worth drawing: finite, not `unsupported`, in time order, merged per relation when there are too many. */
function shownMarks(marks: readonly EvidenceMark[], duration: number): EvidenceMark[] {
  const usable = marks.filter((m) => m.relation !== 'unsupported' && Number.isFinite(m.start) && Number.isFinite(m.end) && m.end >= m.start);
  if (usable.length <= MAX_MARKS) return usable;
  const gap = duration / MAX_MARKS;
  const merged: EvidenceMark[] = [];
  const lastOf = new Map<string, EvidenceMark>();
  for (const m of [...usable].sort((a, b) => a.start - b.start)) {
    const last = lastOf.get(m.relation);
    if (last && m.start <= last.end + gap) last.end = Math.max(last.end, m.end);
    else {
      const copy = { ...m };
      merged.push(copy);
      lastOf.set(m.relation, copy);
    }
  }
  return merged;
}

/**
 * Places a mark with CSSOM (`style.setProperty`), never a `style` attribute: a page whose CSP
 * has no `'unsafe-inline'` in `style-src` blocks style attributes, not CSSOM.
 */
class PlaceDirective extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('place() is an element directive');
  }

  render(_left: number, _width: number) {
    return nothing;
  }

  override update(part: ElementPart, [left, width]: [number, number]) {
    const style = (part.element as HTMLElement).style;
    style.setProperty('left', `${left.toFixed(3)}%`);
    style.setProperty('width', `${width.toFixed(3)}%`);
    return nothing;
  }
}
const place = directive(PlaceDirective);
