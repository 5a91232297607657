import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { localized, msg, str } from '@lit/localize';
import type { Cue, Problem, Transcript } from '../model/types.js';
import { CueIndex } from '../model/cue-index.js';
import { parseTranscript, normaliseTranscriptData } from '../model/parse/index.js';
import { parseDeepLink } from '../model/deep-link.js';
import { IdRefController, isMediaLike, type MediaLike } from '../controllers/media-link.js';
import { MediaTimeController } from '../controllers/media-time.js';
import { TextLoaderController } from '../controllers/loader.js';
import { AutoScrollController } from '../controllers/auto-scroll.js';
import { ActiveCueController } from '../controllers/active-cue.js';
import { TranscriptCueChangeEvent, TranscriptErrorEvent, TranscriptSeekEvent } from '../events.js';
import { initLocaleFromDocument } from '../localization.js';
import { LineList } from './line-list.js';
import { problemMessage } from './problem-messages.js';
import { styles } from './annotated-transcript.styles.js';

const NAV_KEYS: Record<string, number | 'first' | 'last'> = {
  ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10, Home: 'first', End: 'last',
};

/**
 * A video's timestamped transcript, synced to its player: the line being spoken is marked and
 * kept in view; activating a line (or a timed word) seeks the media there.
 *
 * @summary Interactive transcript synced to a `<video>`/`<audio>` (or any media-like element).
 *
 * @fires transcript-seek - After the viewer set the media's `currentTime`. Detail: `{time, cueId}`.
 * @fires transcript-cue-change - The active cue changed. Detail: `{cueId}` (null in a gap).
 * @fires transcript-error - One per problem found (fetch, format, parse, media). Detail: `{kind, message, line?, path?, id?}`.
 *
 * @csspart line - A transcript line (focusable; activating it seeks).
 * @csspart active-line - Added beside `line` on the line being spoken.
 * @csspart timestamp - The start time of a line.
 * @csspart speaker - The speaker label (shown when the speaker changes).
 * @csspart text - The text of a line.
 * @csspart word - A timed word (clicking it seeks to the word).
 * @csspart active-word - Added beside `word` on the word being spoken.
 * @csspart back-to-now - The "back to current line" button shown while auto-scroll is paused.
 * @csspart scroller - The scroll container of the list.
 * @csspart error - The message box listing problems with the transcript or media.
 *
 * @cssprop [--at-max-height=60vh] - Maximum height; the transcript scrolls inside it.
 * @cssprop [--at-font-family=inherit] - Font family.
 * @cssprop [--at-font-size=1rem] - Font size.
 * @cssprop [--at-line-height=1.55] - Line height.
 * @cssprop [--at-color=#1d1d1f] - Text colour (dark scheme: #e8eaed).
 * @cssprop [--at-background=#ffffff] - Background (dark scheme: #1f1f1f).
 * @cssprop [--at-muted-color=#5f6368] - Timestamps and status text.
 * @cssprop [--at-accent-color=#0b57d0] - Active-line bar and buttons.
 * @cssprop [--at-active-background=#e8f0fe] - Background of the active line.
 * @cssprop [--at-active-color=#0b1f4b] - Text colour of the active line.
 * @cssprop [--at-active-word-color=#0b57d0] - Colour of the active word (also underlined).
 * @cssprop [--at-speaker-color=#3c4043] - Speaker labels.
 * @cssprop [--at-error-color=#b3261e] - Problem messages.
 * @cssprop [--at-error-background=#fce8e6] - Background of the problem box.
 * @cssprop [--at-border-color=#dadce0] - Border of the element.
 * @cssprop [--at-focus-ring-color=#0b57d0] - Focus outline.
 * @cssprop [--at-radius=8px] - Corner radius of the element.
 * @cssprop [--at-timestamp-width=4.5em] - Width of the timestamp column.
 */
@localized()
export class AnnotatedTranscript extends LitElement {
  static override styles = styles;

  /** Id of the media element to sync with, resolved in this element's root first, then the document. */
  @property({ attribute: 'for', reflect: true }) htmlFor: string | null = null;

  /** URL of a transcript file (WebVTT, SRT, Podcasting 2.0 JSON, Hyperaudio HTML or transcript JSON). */
  @property({ reflect: true })
  get src(): string | null {
    return this._src;
  }
  set src(value: string | null) {
    const old = this._src;
    this._src = value;
    this.sourceMode = 'src';
    this.requestUpdate('src', old);
  }

  /** Parsed transcript data: a Transcript object or a bare cue array. Whichever of `src`/`transcript` was set last wins. */
  @property({ attribute: false })
  get transcript(): Transcript | readonly Cue[] | null {
    return this._transcript;
  }
  set transcript(value: Transcript | readonly Cue[] | null) {
    const old = this._transcript;
    this._transcript = value;
    this.sourceMode = 'data';
    this.requestUpdate('transcript', old);
  }

  /** The media element to sync with; when set, it wins over `for`. */
  @property({ attribute: false })
  get media(): MediaLike | null {
    return this._media;
  }
  set media(value: MediaLike | null) {
    const old = this._media;
    this._media = isMediaLike(value) ? value : null;
    this.requestUpdate('media', old);
    this.bindMedia();
  }

  /** The transcript being shown (cues in display order). */
  get cues(): readonly Cue[] {
    return this.index?.cues ?? [];
  }

  /** Problems found in the current transcript, fetch or media. */
  get problems(): readonly Problem[] {
    return [...this.transcriptProblems, ...this.mediaProblems];
  }

  @state() private index: CueIndex | null = null;
  @state() private transcriptProblems: Problem[] = [];
  @state() private mediaProblems: Problem[] = [];
  @state() private contentLang: string | undefined;

  private _src: string | null = null;
  private _transcript: Transcript | readonly Cue[] | null = null;
  private _media: MediaLike | null = null;
  private sourceMode: 'src' | 'data' | null = null;
  private generation = 0;
  private boundMedia: MediaLike | null = null;
  private pendingSeek: { time: number; cueId: string | null } | null = null;
  private focusIndex = 0;
  private deepLinkDone = false;

  private readonly lines = new LineList();
  private readonly mediaRef = new IdRefController(this, () => this.htmlFor, () => this.bindMedia(), (el): el is Element => isMediaLike(el));
  private readonly autoScroll = new AutoScrollController(this);
  private readonly active = new ActiveCueController(this, this.lines, {
    onCueChange: (i) => this.cueChanged(i),
    onTarget: (el) => this.autoScroll.follow(el),
  });
  private readonly clock = new MediaTimeController(this, {
    onTime: (t) => this.active.update(t),
    onMetadata: () => this.applyPendingSeek(),
    onError: (message) => this.setMediaProblems([{ kind: 'media', code: 'media-error', detail: message }]),
  });
  private readonly loader = new TextLoaderController(
    this,
    ({ text, url, contentType }) => parseTranscript(text, { url, contentType }),
    (result, problems) => this.showTranscript(result?.transcript ?? null, [...problems, ...(result?.problems ?? [])]),
  );

  override connectedCallback(): void {
    super.connectedCallback();
    initLocaleFromDocument();
    window.addEventListener('hashchange', this.onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('htmlFor')) this.mediaRef.resolve();
    if ((changed.has('src') || changed.has('transcript')) && this.sourceMode) this.loadSource();
  }

  protected override firstUpdated(): void {
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    if (scroller) this.autoScroll.bind(scroller);
  }

  protected override updated(): void {
    this.lines.attach(this.renderRoot.querySelector<HTMLElement>('ol.lines'));
    this.active.reapply();
    this.lines.lineElement(Math.min(this.focusIndex, this.lines.length - 1))?.setAttribute('tabindex', '0');
  }

  protected override render() {
    const cues = this.cues;
    const hours = cues.length > 0 && cues[cues.length - 1]!.start >= 3600;
    const loading = this.loader.state === 'loading';
    return html`
      ${this.renderProblems()}
      <div class="scroller" part="scroller">
        ${loading && !cues.length ? html`<p class="status">${msg('Loading transcript…')}</p>` : nothing}
        ${!loading && !cues.length && !this.transcriptProblems.length
          ? html`<p class="status">${msg('No transcript to show.')}</p>`
          : nothing}
        <ol
          class="lines"
          role="list"
          aria-label=${msg('Transcript')}
          aria-busy=${loading ? 'true' : 'false'}
          lang=${this.contentLang ?? nothing}
          @click=${this.onClick}
          @keydown=${this.onKeyDown}
        >
          ${keyed(this.generation, this.lines.render(cues, { lang: this.contentLang, hours }))}
        </ol>
      </div>
      ${this.renderBackToNow()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.statusText(loading)}</div>
    `;
  }

  private renderProblems() {
    const problems = this.problems;
    if (!problems.length) return nothing;
    if (problems.length === 1) return html`<p class="problems" part="error">${problemMessage(problems[0]!)}</p>`;
    return html`<details class="problems" part="error">
      <summary>${msg(str`${problems.length} problems were found.`)}</summary>
      <ul>${problems.map((p) => html`<li>${problemMessage(p)}</li>`)}</ul>
    </details>`;
  }

  private renderBackToNow() {
    const dir = this.autoScroll.direction;
    if (this.autoScroll.following || this.active.active < 0 || dir === 'visible') return nothing;
    const above = dir === 'above';
    return html`<button type="button" class="back-to-now ${above ? 'above' : ''}" part="back-to-now" @click=${this.backToNow}>
      <span aria-hidden="true">${above ? '↑' : '↓'}</span>
      ${above ? msg('Back to current line (above)') : msg('Back to current line (below)')}
    </button>`;
  }

  private statusText(loading: boolean): string {
    if (loading) return msg('Loading transcript…');
    const n = this.problems.length;
    if (n) return msg(str`${n} problems were found.`);
    return '';
  }

  private loadSource(): void {
    if (this.sourceMode === 'src') {
      if (this._src) void this.loader.load(this._src);
      else {
        this.loader.cancel();
        this.showTranscript(null, []);
      }
    } else {
      this.loader.cancel();
      const result = this._transcript == null ? null : normaliseTranscriptData(this._transcript);
      this.showTranscript(result?.transcript ?? null, result?.problems ?? []);
    }
  }

  private showTranscript(transcript: Transcript | null, problems: Problem[]): void {
    this.generation++;
    const index = transcript ? new CueIndex(transcript.cues) : null;
    this.active.setIndex(index);
    this.index = index;
    this.contentLang = transcript?.lang;
    this.focusIndex = 0;
    this.transcriptProblems = problems;
    this.autoScroll.resume();
    this.report(problems);
    // Show the state at the media's current time as soon as the new list is rendered.
    void this.updateComplete.then(() => {
      this.clock.sync();
      this.applyDeepLink();
    });
  }

  private setMediaProblems(problems: Problem[]): void {
    this.mediaProblems = problems;
    this.report(problems);
  }

  /** One `transcript-error` event and one console warning per problem. */
  private report(problems: readonly Problem[]): void {
    for (const p of problems) {
      const message = problemMessage(p);
      console.warn(`<annotated-transcript>: ${message}`);
      const { kind, line, path, id, candidate, score } = p;
      this.dispatchEvent(new TranscriptErrorEvent({ kind, message, line, path, id, candidate, score }));
    }
  }

  private bindMedia(): void {
    const media = this._media ?? (this.mediaRef.element as MediaLike | null);
    if (media === this.boundMedia) return;
    this.boundMedia = media;
    this.mediaProblems = [];
    this.clock.setMedia(media);
    this.applyDeepLink();
  }

  private cueChanged(index: number): void {
    const cue = index >= 0 ? this.cues[index] : undefined;
    // Tab into the list lands on the current line, unless the reader is working in the list.
    if (index >= 0 && !this.matches(':focus-within')) this.moveFocus(index, false);
    this.dispatchEvent(new TranscriptCueChangeEvent({ cueId: cue?.id ?? null }));
  }

  /** Seeks the media; applied once metadata is there when it is not yet. */
  seek(time: number, cueId: string | null = null): void {
    const media = this.boundMedia;
    if (!media || !Number.isFinite(time)) return;
    this.pendingSeek = { time, cueId };
    const ready = typeof media.readyState === 'number' ? media.readyState >= 1 : Number.isFinite(media.duration);
    if (ready) this.applyPendingSeek();
    else if (media instanceof HTMLMediaElement) media.currentTime = time; // kept as the default start position
  }

  private applyPendingSeek(): void {
    const seek = this.pendingSeek;
    const media = this.boundMedia;
    if (!seek || !media) return;
    this.pendingSeek = null;
    try {
      media.currentTime = seek.time;
    } catch {
      return;
    }
    this.clock.sync();
    this.dispatchEvent(new TranscriptSeekEvent(seek));
  }

  private activate(index: number, wordIndex = -1): void {
    const cue = this.cues[index];
    if (!cue) return;
    const word = wordIndex >= 0 ? cue.words?.[wordIndex] : undefined;
    this.moveFocus(index, false);
    this.autoScroll.resume();
    this.seek(word ? word.start : cue.start, cue.id);
  }

  private readonly onClick = (event: MouseEvent): void => {
    const index = this.lines.indexOf(event.target);
    if (index < 0) return;
    const selection = (this.renderRoot as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.() ?? document.getSelection();
    if (selection && !selection.isCollapsed && selection.toString().trim()) return; // the reader is selecting text
    const word = (event.target as Element).closest?.('[data-w]');
    this.activate(index, word ? Number(word.getAttribute('data-w')) : -1);
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const index = this.lines.indexOf(event.target);
    if (index < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    if ((event.key === 'Enter' || event.key === ' ') && (event.target as Element).classList.contains('line')) {
      event.preventDefault();
      this.activate(index);
      return;
    }
    const step = NAV_KEYS[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const last = this.lines.length - 1;
    const next = step === 'first' ? 0 : step === 'last' ? last : Math.max(0, Math.min(last, index + step));
    this.autoScroll.pause();
    this.moveFocus(next, true);
  };

  /** Roving tabindex: exactly one line is in the tab order. */
  private moveFocus(index: number, focus: boolean): void {
    const old = this.lines.lineElement(this.focusIndex);
    const next = this.lines.lineElement(index);
    if (!next) return;
    if (old && old !== next) old.setAttribute('tabindex', '-1');
    next.setAttribute('tabindex', '0');
    this.focusIndex = index;
    if (focus) {
      next.focus({ preventScroll: true });
      this.scrollIntoScroller(next);
    }
  }

  /** Minimal scroll of the transcript's own container (never the page) to show an element. */
  private scrollIntoScroller(el: HTMLElement): void {
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    if (!scroller) return;
    const view = scroller.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    if (box.top < view.top) scroller.scrollTop -= view.top - box.top + 8;
    else if (box.bottom > view.bottom) scroller.scrollTop += box.bottom - view.bottom + 8;
  }

  private readonly backToNow = (): void => {
    const hadFocus = this.matches(':focus-within');
    this.autoScroll.resume();
    if (hadFocus && this.active.active >= 0) this.moveFocus(this.active.active, true);
  };

  private readonly onHashChange = (): void => {
    this.deepLinkDone = false;
    this.applyDeepLink();
  };

  /** `#t=SECONDS` in the page URL seeks once, when both media and transcript are there. */
  private applyDeepLink(): void {
    if (this.deepLinkDone || !this.boundMedia || !this.index) return;
    this.deepLinkDone = true;
    const { time } = parseDeepLink(location.hash);
    if (time === undefined) return;
    const i = this.index.activeAt(time);
    this.seek(time, i >= 0 ? this.cues[i]!.id : null);
  }
}

if (!customElements.get('annotated-transcript')) customElements.define('annotated-transcript', AnnotatedTranscript);

declare global {
  interface HTMLElementTagNameMap {
    'annotated-transcript': AnnotatedTranscript;
  }
}
