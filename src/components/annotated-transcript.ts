import { LitElement, html, isServer, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { Cue, Problem, Transcript } from '../model/types.js';
import type { AnnotationSet, EvidenceMark } from '../model/annotations/index.js';
import { isMediaLike, type MediaLike } from '../model/media.js';
import type { TrackInfo } from '../model/tracks.js';
import { Announcer } from '../controllers/announcer.js';
import { AnnotationSource } from '../controllers/annotation-source.js';
import { DeepLinkLoader } from '../controllers/deep-link-loader.js';
import { IdRefController } from '../controllers/id-ref.js';
import { LineFocus } from '../controllers/line-focus.js';
import { MediaRef } from '../controllers/media-ref.js';
import { MediaSync } from '../controllers/media-sync.js';
import { NavigationController } from '../controllers/navigation.js';
import { ProblemsController } from '../controllers/problems.js';
import { afterSettled } from '../controllers/lazy.js';
import { SearchLoader } from '../controllers/search-loader.js';
import { TracksLoader } from '../controllers/tracks-loader.js';
import { TranscriptController } from '../controllers/transcript.js';
import { getLocale, initLocaleFromDocument } from '../localization.js';
import { LineList, type LineListInput } from './line-list.js';
import { renderCopyLink } from './line-row.js';
import { AnnotationLayer } from './annotation-layer.js';
import { LateStyles } from './late-styles.js';
import { annotationKit, searchKit, tracksKit, type AnnotationKit } from './kits.js';
import { renderProblems, renderViewerToolbar, renderBackToNow } from './transcript-chrome.js';
import './evidence-map.js';
import { styles } from './annotated-transcript.styles.js';

/**
 * A video's timestamped transcript, synced to its player, with annotations that link its lines
 * to the claims an article makes. The line being spoken is marked and kept in view; activating
 * a line (or a timed word) seeks the media there; claims found in the article are marked and
 * lead to their evidence.
 *
 * @summary Interactive transcript synced to a media element, linking lines to an article's claims.
 *
 * @fires {CustomEvent<TranscriptSeekDetail>} transcript-seek - After the viewer set the media's `currentTime`. Detail: `{time, cueId}`.
 * @fires {CustomEvent<TranscriptCueChangeDetail>} transcript-cue-change - The active cue changed. Detail: `{cueId}` (null in a gap).
 * @fires {CustomEvent<AnnotationToggleDetail>} annotation-toggle - An annotation was opened or closed. Detail: `{annotationId, open}`.
 * @fires {CustomEvent<ClaimActivateDetail>} claim-activate - A claim was activated, in the article or from the transcript. Detail: `{claimId}`.
 * @fires {CustomEvent<TranscriptErrorDetail>} transcript-error - One per problem found (fetch, format, parse, annotation, anchor, media). Detail: `{kind, message, line?, path?, id?, candidate?, score?}`.
 *
 * @csspart line - A transcript line (focusable; activating it seeks).
 * @csspart active-line - Added beside `line` on the line being spoken.
 * @csspart timestamp - The start time of a line.
 * @csspart speaker - The speaker label (shown when the speaker changes).
 * @csspart text - The text of a line.
 * @csspart word - A timed word (clicking it seeks to the word).
 * @csspart active-word - Added beside `word` on the word being spoken.
 * @csspart back-to-now - The "back to current line" button shown while auto-scroll is paused.
 * @csspart frame - The box inside the element that lays out the toolbar and the scrolling list; it carries the border.
 * @csspart scroller - The scroll container of the list.
 * @csspart error - The message box listing problems (transcript and media; with `debug`, all).
 * @csspart annotation - An open annotation.
 * @csspart marker - The button that opens an annotation, on its first line.
 * @csspart toolbar - The bar above the lines (search, translation, downloads, annotations, evidence map).
 * @csspart search - The search field.
 * @csspart track-select - The menu of translation tracks.
 * @csspart translation - The translation of a line, when a translation track is shown.
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
 * @cssprop [--at-claim-supports-color=#137333] - Supporting annotations (marker, bar, panel).
 * @cssprop [--at-claim-contradicts-color=#b3261e] - Contradicting annotations.
 * @cssprop [--at-claim-context-color=#8a5a00] - Context annotations.
 * @cssprop [--at-claim-unsupported-color=#5f6368] - Claims nothing in the recording supports.
 */
@localized()
export class AnnotatedTranscript extends LitElement {
  static override styles = styles;

  /** Id of the media element to sync with (or of a media-chrome `<media-controller>`: its media), resolved in this element's root first, then the document. Without it, a viewer inside a `<media-controller>` uses that one's media. */
  @property({ attribute: 'for', reflect: true }) htmlFor: string | null = null;

  /** URL of a transcript file (WebVTT, SRT, Podcasting 2.0 JSON, Hyperaudio HTML or transcript JSON). */
  @property({ reflect: true })
  get src(): string | null {
    return this.shownTranscript.source.url;
  }
  set src(value: string | null) {
    this.shownTranscript.source.setUrl(value); // also when the value is the same: the last one set wins
  }

  /** Parsed transcript data: a Transcript object or a bare cue array. Whichever of `src`/`transcript` was set last wins. */
  @property({ attribute: false })
  get transcript(): Transcript | readonly Cue[] | null {
    return this.shownTranscript.source.data as Transcript | readonly Cue[] | null;
  }
  set transcript(value: Transcript | readonly Cue[] | null) {
    this.shownTranscript.source.setData(value);
  }

  /** URL of an annotation file (format v1, or W3C Web Annotation JSON-LD). */
  @property({ attribute: 'annotations', reflect: true })
  get annotationsSrc(): string | null {
    return this.annotationState.source.url;
  }
  set annotationsSrc(value: string | null) {
    this.annotationState.source.setUrl(value);
  }

  /** Parsed annotation data. Whichever of `annotationsSrc`/`annotations` was set last wins. */
  @property({ attribute: false })
  get annotations(): AnnotationSet | object | null {
    return this.annotationState.source.data as AnnotationSet | object | null;
  }
  set annotations(value: AnnotationSet | object | null) {
    this.annotationState.source.setData(value);
  }

  /** Id of the element holding the article whose claims the annotations quote; resolved like `for`. */
  @property({ reflect: true }) article: string | null = null;

  /** The article element; when set, it wins over `article`. */
  @property({ attribute: false }) articleElement: Element | null = null;

  /** The media element to sync with; when set, it wins over `for`. */
  @property({ attribute: false }) media: MediaLike | null = null;

  /** Seconds, may be negative: a line at t in the transcript file is spoken at t + offset in the media; sync, seeks, timestamps, `#t=` and time-ranged annotations are all in media time. */
  @property({ type: Number }) offset = 0;

  /**
   * Translation tracks of the same recording (`{src | transcript, lang, label}`); child
   * `<track src srclang label>` elements are read too. The reader picks one and shows it alone
   * or side by side with the original; the choice persists.
   */
  @property({ attribute: false }) tracks: TrackInfo[] = [];

  /** Shows every problem (annotation and anchoring ones too) in a visible panel, for editors. */
  @property({ type: Boolean, reflect: true }) debug = false;

  /** The transcript being shown (cues in display order). */
  get cues(): readonly Cue[] {
    return this.shownTranscript.cues;
  }

  /** Every problem found: transcript, media, annotations and anchoring. */
  get problems(): readonly Problem[] {
    return this.problemReport.all;
  }

  /** The annotated passages (one mark per run of consecutive lines), for an `<at-evidence-map>` beside a player. */
  get evidence(): EvidenceMark[] {
    return this.annotationState.evidence(this.shownTranscript.index);
  }

  // First: the rows are in place before any other controller looks at them after a render.
  private readonly lines: LineList = new LineList(this, () => this.shadowRoot, () => this.rows());
  private readonly problemReport = new ProblemsController(this);
  private readonly announcer = new Announcer(this);
  private readonly mediaRef = new MediaRef(this, {
    id: () => this.htmlFor,
    onChange: () => this.bindMedia(),
    onMissing: (id) => {
      if (!this.sync.media) this.problemReport.set('media', [{ kind: 'media', code: 'media-missing', detail: id }]);
    },
  });
  private readonly shownTranscript = new TranscriptController(this, this.problemReport);
  // The media's clock, the active line, auto-scroll and seeking: loaded when media is bound.
  private readonly sync = new MediaSync(this, { problems: this.problemReport, transcript: this.shownTranscript, lines: this.lines });
  private readonly lineFocus: LineFocus = new LineFocus(this, this.lines, {
    activate: (i) => this.navigation.activateLine(i),
    navigated: () => this.sync.pause(),
  }, { transcript: this.shownTranscript, active: this.sync });
  private readonly annotationState = new AnnotationSource<AnnotationKit>(this, { transcript: this.shownTranscript, problems: this.problemReport, kit: annotationKit });
  private readonly articleRef = new IdRefController(this, {
    id: () => this.article,
    onChange: () => this.annotationLayer.refreshArticle(),
    onMissing: (id) => {
      if (!this.articleElement) this.problemReport.set('anchors', [{ kind: 'anchor', code: 'article-missing', detail: id }]);
    },
  });
  private readonly navigation = new NavigationController(this, {
    transcript: this.shownTranscript, lines: this.lines, lineFocus: this.lineFocus, sync: this.sync,
  });
  private readonly annotationLayer: AnnotationLayer = new AnnotationLayer(this, {
    source: this.annotationState, transcript: this.shownTranscript, navigation: this.navigation, lines: this.lines, sync: this.sync,
    announcer: this.announcer, problems: this.problemReport, article: () => this.articleElement ?? this.articleRef.element,
    // The browser lays out for print right after `beforeprint`: render at once.
    renderNow: () => (this.requestUpdate(), this.performUpdate()),
  });
  private readonly deepLinks = new DeepLinkLoader(this, {
    transcript: this.shownTranscript, claims: this.annotationLayer, claimsChanged: this.annotationState.changed, mediaTime: this.sync, navigation: this.navigation,
  });
  private readonly translations = new TracksLoader(this, { transcript: this.shownTranscript, problems: this.problemReport, kit: tracksKit });
  private readonly search = new SearchLoader(this, { lines: this.lines, sync: this.sync, kit: searchKit });
  private readonly lateStyles = new LateStyles(this, () => [
    this.lines.windowStyles, this.annotationState.kit?.annotationStyles, this.translations.kit?.trackStyles, this.search.kit?.searchStyles,
  ]);

  override connectedCallback(): void {
    super.connectedCallback();
    initLocaleFromDocument();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('htmlFor')) this.mediaRef.resolve();
    if (changed.has('media')) this.bindMedia();
    if (changed.has('offset')) this.shownTranscript.setOffset(this.offset);
    if (changed.has('article')) this.articleRef.resolve();
    if (changed.has('articleElement')) this.annotationLayer.refreshArticle();
    if (changed.has('tracks')) this.translations.setGiven(this.tracks);
  }

  protected override render() {
    const cues = this.cues;
    // (On the server, given data shows as static lines (annotated-transcript/ssr) under the state the browser starts in.)
    const loading = this.shownTranscript.loading || (isServer && this.transcript != null);
    return html`<div class="frame" part="frame">
      ${renderProblems(this.problemReport.box(this.debug), this.debug)}
      ${cues.length ? renderViewerToolbar({
        annotations: this.annotationLayer, translations: this.translations, search: this.search, navigation: this.navigation,
        marks: this.evidence, duration: this.sync.duration, lang: this.shownTranscript.lang, offset: this.shownTranscript.offset,
      }) : nothing}
      <div class="scroller" part="scroller">
        ${loading && !cues.length ? html`<p class="status">${msg('Loading transcript…')}</p>` : nothing}
        ${!loading && !cues.length && !this.problemReport.of('transcript').length ? html`<p class="status">${msg('No transcript to show.')}</p>` : nothing}
        <ol class="lines" role="list" aria-label=${msg('Transcript')} aria-busy=${loading ? 'true' : 'false'} lang=${this.shownTranscript.lang ?? nothing}
          @click=${this.navigation.onListClick} @keydown=${this.lineFocus.onKeyDown}></ol>${cues.length ? nothing : html`<at-server-lines .cues=${this.transcript}></at-server-lines>`}
        ${this.annotationLayer.lineless()}
      </div>
      ${renderBackToNow(this.sync.following || this.sync.lineIndex < 0 ? 'none' : this.sync.direction,
        () => this.navigation.backToNow(this.sync.lineIndex))}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcer.text || (loading ? msg('Loading transcript…') : this.problemReport.summary())}</div>
    </div>`;
  }

  /** Seeks the media (applied once it has metadata); fires `transcript-seek`. */
  seek(time: number, cueId: string | null = null): void {
    this.navigation.seek(time, cueId);
  }

  /** Opens an annotation, scrolls to its first line and seeks there (as the evidence map does). */
  goToAnnotation(id: string, focus = true, at?: number): void {
    this.annotationLayer.goToAnnotation(id, focus, at);
  }

  /** Shows a claim's evidence: its first linked line (scrolled to, sought to) and its annotation. */
  activateClaim(claimId: string): void {
    this.annotationLayer.activateClaim(claimId);
  }

  /** schema.org ClaimReview JSON-LD for each claim, for the host page to publish. */
  claimReview(options: { pageUrl?: string; mediaUrl?: string; publisherName?: string } = {}): object[] {
    return this.annotationState.claimReview(options);
  }

  /** What the line list shows (read after each render; rows are rebuilt or refreshed only when this changed). */
  private rows(): LineListInput {
    return {
      cues: this.cues,
      rowsKey: `${this.annotationState.version}|${getLocale()}`,
      pinned: this.annotationState.openLines(this.shownTranscript.index),
      view: this.translations.current ? this.translations.view : 'original',
      translations: this.translations.rows,
      ...this.annotationLayer.rowParts((cue) => renderCopyLink(cue, this.announcer)),
    };
  }

  /** Resolves once rendered with every part the data needs loaded (the annotation module, search…). */
  protected override getUpdateComplete(): Promise<boolean> {
    return afterSettled(this, () => super.getUpdateComplete());
  }

  private bindMedia(): void {
    // `.media` wins over `for`.
    this.sync.setMedia((isMediaLike(this.media) ? this.media : null) ?? this.mediaRef.media);
  }
}

if (!customElements.get('annotated-transcript')) customElements.define('annotated-transcript', AnnotatedTranscript);

declare global {
  interface HTMLElementTagNameMap {
    'annotated-transcript': AnnotatedTranscript;
  }
}
