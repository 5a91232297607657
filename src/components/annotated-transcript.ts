import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { Cue, Problem, Transcript } from '../model/types.js';
import type { AnnotationSet, EvidenceMark } from '../model/annotations/index.js';
import { isMediaLike, type MediaLike } from '../model/media.js';
import type { TrackInfo } from '../model/tracks.js';
import { toClaimReview } from '../model/claim-review.js';
import { ActiveCueController } from '../controllers/active-cue.js';
import { Announcer } from '../controllers/announcer.js';
import { AnnotationController } from '../controllers/annotations.js';
import { ArticleAnchorsController } from '../controllers/article-anchors.js';
import { AutoScrollController } from '../controllers/auto-scroll.js';
import { DeepLinkController } from '../controllers/deep-links.js';
import { IdRefController } from '../controllers/id-ref.js';
import { LineFocus } from '../controllers/line-focus.js';
import { MediaTimeController } from '../controllers/media-time.js';
import { NavigationController } from '../controllers/navigation.js';
import { Playback } from '../controllers/playback.js';
import { PrintController } from '../controllers/print.js';
import { ProblemsController } from '../controllers/problems.js';
import { SearchController } from '../controllers/search.js';
import { TracksController } from '../controllers/tracks.js';
import { TranscriptController } from '../controllers/transcript.js';
import { getLocale, initLocaleFromDocument } from '../localization.js';
import { LineList, type LineListInput } from './line-list.js';
import { renderCopyLink } from './line-row.js';
import { annotationRowParts, renderLineless } from './annotation-view.js';
import { renderProblems, renderViewerToolbar, renderBackToNow } from './transcript-chrome.js';
import { claimMarkers } from './claim-markers.js';
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
 * @fires transcript-seek - After the viewer set the media's `currentTime`. Detail: `{time, cueId}`.
 * @fires transcript-cue-change - The active cue changed. Detail: `{cueId}` (null in a gap).
 * @fires annotation-toggle - An annotation was opened or closed. Detail: `{annotationId, open}`.
 * @fires claim-activate - A claim was activated, in the article or from the transcript. Detail: `{claimId}`.
 * @fires transcript-error - One per problem found (fetch, format, parse, annotation, anchor, media). Detail: `{kind, message, line?, path?, id?, candidate?, score?}`.
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

  /** Id of the media element to sync with, resolved in this element's root first, then the document. */
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
  private readonly mediaTime = new MediaTimeController(this, this.problemReport);
  private readonly mediaRef = new IdRefController(this, {
    id: () => this.htmlFor,
    accept: (el): el is Element => isMediaLike(el),
    onChange: () => this.bindMedia(),
    onMissing: (id) => {
      if (!this.mediaTime.media) this.problemReport.set('media', [{ kind: 'media', code: 'media-missing', detail: id }]);
    },
  });
  private readonly shownTranscript = new TranscriptController(this, this.problemReport);
  private readonly activeLine = new ActiveCueController(this, { mediaTime: this.mediaTime, transcript: this.shownTranscript, lines: this.lines });
  private readonly autoScroll = new AutoScrollController(this, {
    scroller: () => this.lines.scroller(),
    targets: this.activeLine.target,
    resets: this.shownTranscript.changed,
  });
  private readonly lineFocus: LineFocus = new LineFocus(this, this.lines, {
    activate: (i) => this.navigation.activateLine(i),
    navigated: () => this.autoScroll.pause(),
  }, { transcript: this.shownTranscript, active: this.activeLine });
  private readonly playback = new Playback(this, this.mediaTime);
  private readonly annotationState = new AnnotationController(this, { transcript: this.shownTranscript, problems: this.problemReport });
  private readonly articleRef = new IdRefController(this, {
    id: () => this.article,
    onChange: () => this.claimsInArticle.refresh(),
    onMissing: (id) => {
      if (!this.articleElement) this.problemReport.set('anchors', [{ kind: 'anchor', code: 'article-missing', detail: id }]);
    },
  });
  private readonly claimsInArticle: ArticleAnchorsController = new ArticleAnchorsController(this, {
    annotations: this.annotationState,
    problems: this.problemReport,
    article: () => this.articleElement ?? this.articleRef.element,
    markers: claimMarkers,
    activate: (claimId) => this.navigation.activateClaim(claimId),
  });
  private readonly navigation = new NavigationController(this, {
    transcript: this.shownTranscript, annotations: this.annotationState, lines: this.lines, lineFocus: this.lineFocus,
    autoScroll: this.autoScroll, playback: this.playback, anchors: this.claimsInArticle, announcer: this.announcer,
  });
  private readonly deepLinks = new DeepLinkController(this, {
    transcript: this.shownTranscript, annotations: this.annotationState, mediaTime: this.mediaTime, navigation: this.navigation,
  });
  private readonly translations = new TracksController(this, { transcript: this.shownTranscript, problems: this.problemReport });
  private readonly search = new SearchController(this, this.lines, this.autoScroll);
  // The browser lays out for print right after `beforeprint`: render at once.
  private readonly print = new PrintController(this, this.annotationState, () => (this.requestUpdate(), this.performUpdate()));

  override connectedCallback(): void {
    super.connectedCallback();
    initLocaleFromDocument();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('htmlFor')) this.mediaRef.resolve();
    if (changed.has('media')) this.bindMedia();
    if (changed.has('article')) this.articleRef.resolve();
    if (changed.has('articleElement')) this.claimsInArticle.refresh();
    if (changed.has('tracks')) this.translations.setGiven(this.tracks);
  }

  protected override render() {
    const cues = this.cues;
    const loading = this.shownTranscript.loading;
    const annotationState = this.annotationState;
    return html`<div class="frame" part="frame">
      ${renderProblems(this.problemReport.box(this.debug), this.debug)}
      ${cues.length ? renderViewerToolbar({
        annotations: annotationState, translations: this.translations, search: this.search, navigation: this.navigation,
        marks: this.evidence, duration: this.mediaTime.duration, lang: this.shownTranscript.lang,
      }) : nothing}
      <div class="scroller" part="scroller">
        ${loading && !cues.length ? html`<p class="status">${msg('Loading transcript…')}</p>` : nothing}
        ${!loading && !cues.length && !this.problemReport.of('transcript').length ? html`<p class="status">${msg('No transcript to show.')}</p>` : nothing}
        <ol class="lines" role="list" aria-label=${msg('Transcript')} aria-busy=${loading ? 'true' : 'false'} lang=${this.shownTranscript.lang ?? nothing}
          @click=${this.navigation.onListClick} @keydown=${this.lineFocus.onKeyDown}></ol>
        ${renderLineless(annotationState, this.navigation)}
      </div>
      ${renderBackToNow(this.autoScroll.following || this.activeLine.lineIndex < 0 ? 'none' : this.autoScroll.direction,
        () => this.navigation.backToNow(this.activeLine.lineIndex))}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcer.text || (loading ? msg('Loading transcript…') : this.problemReport.summary())}</div>
    </div>`;
  }

  /** Seeks the media (applied once it has metadata); fires `transcript-seek`. */
  seek(time: number, cueId: string | null = null): void {
    this.navigation.seek(time, cueId);
  }

  /** Opens an annotation, scrolls to its first line and seeks there (as the evidence map does). */
  goToAnnotation(id: string, focus = true, at?: number): void {
    this.navigation.goToAnnotation(id, focus, at);
  }

  /** Shows a claim's evidence: its first linked line (scrolled to, sought to) and its annotation. */
  activateClaim(claimId: string): void {
    this.navigation.activateClaim(claimId);
  }

  /** schema.org ClaimReview JSON-LD for each claim, for the host page to publish. */
  claimReview(options: { pageUrl?: string; mediaUrl?: string; publisherName?: string } = {}): object[] {
    return toClaimReview(this.annotationState.data, this.annotationState.links, options);
  }

  /** What the line list shows (read after each render; rows are rebuilt or refreshed only when this changed). */
  private rows(): LineListInput {
    const annotations = this.annotationState;
    return {
      cues: this.cues,
      rowsKey: `${annotations.version}|${getLocale()}`,
      pinned: annotations.openLines(this.shownTranscript.index),
      view: this.translations.current ? this.translations.view : 'original',
      translations: this.translations.rows,
      ...annotationRowParts(annotations, this.navigation, (cue) => renderCopyLink(cue, this.announcer)),
    };
  }

  private bindMedia(): void {
    // `.media` wins over `for`.
    this.mediaTime.setMedia((isMediaLike(this.media) ? this.media : null) ?? (this.mediaRef.element as MediaLike | null));
  }
}

if (!customElements.get('annotated-transcript')) customElements.define('annotated-transcript', AnnotatedTranscript);

declare global {
  interface HTMLElementTagNameMap {
    'annotated-transcript': AnnotatedTranscript;
  }
}
