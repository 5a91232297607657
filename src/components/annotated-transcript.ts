import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { localized, msg, str } from '@lit/localize';
import type { Cue, Problem, Transcript } from '../model/types.js';
import type { AnnotationSet } from '../model/annotations.js';
import { CueIndex } from '../model/cue-index.js';
import { parseTranscript, normaliseTranscriptData } from '../model/parse/index.js';
import { formatDeepLink, parseDeepLink } from '../model/deep-link.js';
import { toClaimReview } from '../model/claim-review.js';
import { IdRefController, isMediaLike, type MediaLike } from '../controllers/media-link.js';
import { MediaTimeController } from '../controllers/media-time.js';
import { TextLoaderController } from '../controllers/loader.js';
import { AutoScrollController } from '../controllers/auto-scroll.js';
import { ActiveCueController } from '../controllers/active-cue.js';
import { AnnotationController } from '../controllers/annotations.js';
import { ArticleAnchorsController } from '../controllers/article-anchors.js';
import { LineFocus } from '../controllers/line-focus.js';
import { Playback } from '../controllers/playback.js';
import { AnnotationToggleEvent, ClaimActivateEvent, TranscriptCueChangeEvent, TranscriptErrorEvent, TranscriptSeekEvent } from '../events.js';
import { getLocale, initLocaleFromDocument } from '../localization.js';
import { languageName } from './labels.js';
import { LineList } from './line-list.js';
import { problemMessage } from './problem-messages.js';
import { renderGutter, renderLineless, renderMarkers, renderOpenPanels, panelId, type AnnotationActions } from './annotation-view.js';
import { renderProblems, renderToolbar, renderBackToNow } from './transcript-chrome.js';
import { TracksController, tracksFromChildren, type TrackInfo, type TrackView } from '../controllers/tracks.js';
import { SearchController } from '../controllers/search.js';
import { PrintController } from '../controllers/print.js';
import { copyText, downloadCues, type DownloadFormat } from '../controllers/files.js';
import { spokenTime } from './time-label.js';
import type { EvidenceMark } from './evidence-map.js';
import './evidence-map.js';
import { styles } from './annotated-transcript.styles.js';

/** How long `for="ID"` may name no element before it is reported (the element may come later). */
const MISSING_MEDIA_GRACE_MS = 3000;

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
    return this._src;
  }
  set src(value: string | null) {
    this._src = value;
    this.transcriptMode = 'src';
    this.transcriptDirty = true;
    this.requestUpdate(); // also when the value is the same: the last one set wins
  }

  /** Parsed transcript data: a Transcript object or a bare cue array. Whichever of `src`/`transcript` was set last wins. */
  @property({ attribute: false })
  get transcript(): Transcript | readonly Cue[] | null {
    return this._transcript;
  }
  set transcript(value: Transcript | readonly Cue[] | null) {
    this._transcript = value;
    this.transcriptMode = 'data';
    this.transcriptDirty = true;
    this.requestUpdate();
  }

  /** URL of an annotation file (format v1, or W3C Web Annotation JSON-LD). */
  @property({ attribute: 'annotations', reflect: true })
  get annotationsSrc(): string | null {
    return this._annotationsSrc;
  }
  set annotationsSrc(value: string | null) {
    this._annotationsSrc = value;
    this.annotationMode = 'src';
    this.annotationsDirty = true;
    this.requestUpdate();
  }

  /** Parsed annotation data. Whichever of `annotationsSrc`/`annotations` was set last wins. */
  @property({ attribute: false })
  get annotations(): AnnotationSet | object | null {
    return this._annotations;
  }
  set annotations(value: AnnotationSet | object | null) {
    this._annotations = value;
    this.annotationMode = 'data';
    this.annotationsDirty = true;
    this.requestUpdate();
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
    return this.index?.cues ?? [];
  }

  /** Every problem found: transcript, media, annotations and anchoring. */
  get problems(): readonly Problem[] {
    return [...this.transcriptProblems, ...this.mediaProblems, ...this.trackProblems, ...this.annotationProblems, ...this.anchorProblems];
  }

  /** The annotated passages (one mark per run of consecutive lines), for an `<at-evidence-map>` beside a player. */
  get evidence(): EvidenceMark[] {
    return this.notes.evidence(this.index);
  }

  @state() private index: CueIndex | null = null;
  @state() private transcriptProblems: Problem[] = [];
  @state() private mediaProblems: Problem[] = [];
  @state() private annotationProblems: Problem[] = [];
  @state() private anchorProblems: Problem[] = [];
  @state() private trackProblems: Problem[] = [];
  @state() private contentLang: string | undefined;
  @state() private announcement = '';

  private _src: string | null = null;
  private _transcript: Transcript | readonly Cue[] | null = null;
  private _annotationsSrc: string | null = null;
  private _annotations: AnnotationSet | object | null = null;
  private transcriptMode: 'src' | 'data' | null = null;
  private annotationMode: 'src' | 'data' | null = null;
  private transcriptDirty = false;
  private annotationsDirty = false;
  private generation = 0;
  private boundMedia: MediaLike | null = null;
  private deepLinkDone = false;
  private listKey = '';
  private missingTimer = 0;

  private readonly lines = new LineList();
  private readonly scroller = () => this.renderRoot.querySelector<HTMLElement>('.scroller');
  private readonly lineFocus = new LineFocus(this.lines, this.scroller, {
    onActivate: (i) => this.activate(i),
    onNavigate: () => this.autoScroll.pause(),
  });
  private readonly playback = new Playback((request) => {
    this.clock.sync();
    this.dispatchEvent(new TranscriptSeekEvent(request));
  });
  private readonly mediaRef = new IdRefController(this, () => this.htmlFor, () => this.bindMedia(), (el): el is Element => isMediaLike(el));
  private readonly articleRef = new IdRefController(this, () => this.article, () => this.anchorClaims());
  private readonly autoScroll = new AutoScrollController(this);
  private readonly active = new ActiveCueController(this, this.lines, {
    onCueChange: (i) => this.cueChanged(i),
    onTarget: (el) => this.autoScroll.follow(el),
  });
  private readonly clock = new MediaTimeController(this, {
    onTime: (t) => {
      this.active.update(t);
      this.playback.onTime(t);
    },
    onMetadata: () => this.playback.applyPending(),
    onError: (message) => {
      this.mediaProblems = [{ kind: 'media', code: 'media-error', detail: message }];
      this.report(this.mediaProblems);
    },
  });
  private readonly loader = new TextLoaderController(
    this,
    ({ text, url, contentType }) => parseTranscript(text, { url, contentType }),
    (result, problems) => this.showTranscript(result?.transcript ?? null, [...problems, ...(result?.problems ?? [])]),
  );
  private readonly notes = new AnnotationController(this, {
    onChange: () => {
      this.requestUpdate();
      this.anchorClaims();
      this.applyDeepLink();
    },
    onProblems: (problems) => {
      this.annotationProblems = problems;
      this.report(problems);
    },
  });
  private readonly anchors = new ArticleAnchorsController(this, {
    onActivate: (claimId) => this.activateClaim(claimId),
    onProblems: (problems) => {
      this.anchorProblems = problems;
      this.report(problems);
    },
  });
  private readonly trackCtl = new TracksController(this, (problems) => {
    this.trackProblems = problems;
    this.report(problems);
  });
  private readonly search = new SearchController(this, this.lines, this.autoScroll);
  private readonly print = new PrintController(this, this.notes, () => {
    this.requestUpdate();
    this.performUpdate(); // the browser lays out for print right after beforeprint
  });
  private readonly actions: AnnotationActions = {
    toggle: (id) => this.toggleAnnotation(id),
    showClaim: (claimId) => {
      this.dispatchEvent(new ClaimActivateEvent({ claimId }));
      this.anchors.focus(claimId);
    },
    copyClaimLink: (claimId) => void this.copyLink(formatDeepLink({ claim: claimId })),
    playPassage: (id) => {
      const runs = this.notes.evidence(this.index).filter((m) => m.annotationId === id);
      const span = this.notes.links.span.get(id);
      this.playback.playPassage(runs.length ? runs : span ? [span] : [], this.notes.links.cuesOf.get(id)?.[0] ?? null);
    },
  };

  override connectedCallback(): void {
    super.connectedCallback();
    initLocaleFromDocument();
    window.addEventListener('hashchange', this.onHashChange);
    if (!this.tracks.length) this.trackCtl.setTracks(tracksFromChildren(this));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.missingTimer);
    window.removeEventListener('hashchange', this.onHashChange);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('htmlFor')) this.mediaRef.resolve();
    if (changed.has('media')) this.bindMedia();
    if (changed.has('article')) this.articleRef.resolve();
    if (changed.has('articleElement')) this.anchorClaims();
    if (changed.has('tracks')) this.trackCtl.setTracks(this.tracks.length ? this.tracks : tracksFromChildren(this));
    if (this.transcriptDirty) {
      this.transcriptDirty = false;
      this.loadTranscript();
    }
    if (this.annotationsDirty) {
      this.annotationsDirty = false;
      if (this.annotationMode === 'src') this.notes.load(this._annotationsSrc);
      else this.notes.setData(this._annotations);
    }
  }

  protected override firstUpdated(): void {
    this.autoScroll.bind(this.scroller()!);
  }

  protected override updated(): void {
    this.lines.attach(this.renderRoot.querySelector<HTMLElement>('ol.lines'));
    this.active.reapply();
    this.lineFocus.restore();
    // Re-read the shown text for search only when the list itself changed.
    const key = `${this.generation}|${this.trackCtl.view}|${this.trackCtl.rows.size}|${this.trackCtl.lang}`;
    if (key !== this.listKey) {
      this.listKey = key;
      void this.updateComplete.then(() => this.search.invalidate());
    }
  }

  protected override render() {
    const cues = this.cues;
    const loading = this.loader.state === 'loading';
    const ctrl = this.notes;
    const annotated = ctrl.data.annotations.length > 0;
    return html`
      ${renderProblems(this.debug ? this.problems : [...this.transcriptProblems, ...this.mediaProblems], this.debug)}
      ${cues.length ? renderToolbar({
        annotated,
        anyOpen: ctrl.open.size > 0,
        marks: this.evidence,
        duration: Number.isFinite(this.boundMedia?.duration) ? this.boundMedia!.duration : 0,
        tracks: this.trackCtl.tracks,
        trackLang: this.trackCtl.lang,
        trackView: this.trackCtl.current ? this.trackCtl.view : 'original',
        originalLabel: this.contentLang ? languageName(this.contentLang, getLocale()) : msg('the original'),
        query: this.search.query,
        matchCount: this.search.matches.length,
        currentMatch: this.search.current,
      }, this.toolbarActions) : nothing}
      <div class="scroller" part="scroller">
        ${loading && !cues.length ? html`<p class="status">${msg('Loading transcript…')}</p>` : nothing}
        ${!loading && !cues.length && !this.transcriptProblems.length ? html`<p class="status">${msg('No transcript to show.')}</p>` : nothing}
        <ol class="lines" role="list" aria-label=${msg('Transcript')} aria-busy=${loading ? 'true' : 'false'} lang=${this.contentLang ?? nothing}
          @click=${this.onClick} @keydown=${this.lineFocus.onKeyDown}>
          ${keyed(this.generation, this.lines.render(cues, {
            hours: cues.length > 0 && cues[cues.length - 1]!.start >= 3600,
            gutter: annotated ? (cue) => renderGutter(cue, ctrl) : undefined,
            actions: (cue) => html`${annotated ? renderMarkers(cue, ctrl, this.actions) : nothing}<button type="button" class="copy-link" tabindex="-1"
              aria-label=${msg(str`Copy link to ${spokenTime(cue.start)}`)} title=${msg('Copy link to this line')}
              @click=${() => this.copyLink(formatDeepLink({ time: cue.start }))}><span aria-hidden="true">🔗</span></button>`,
            below: annotated ? (cue) => renderOpenPanels(cue, ctrl, this.actions) : undefined,
            view: this.trackCtl.current ? this.trackCtl.view : 'original',
            translation: (i) => this.trackCtl.rows.get(i),
          }))}
        </ol>
        ${renderLineless(ctrl, this.actions)}
      </div>
      ${renderBackToNow(this.autoScroll.following || this.active.active < 0 ? 'none' : this.autoScroll.direction, this.backToNow)}
      <div class="visually-hidden" role="status" aria-live="polite">${this.statusText(loading)}</div>
    `;
  }

  private statusText(loading: boolean): string {
    if (this.announcement) return this.announcement;
    if (loading) return msg('Loading transcript…');
    const n = this.transcriptProblems.length + this.mediaProblems.length;
    return n === 1 ? msg('One problem was found.', { id: 'problem.one' }) : n ? msg(str`${n} problems were found.`) : '';
  }

  /** Seeks the media (applied once it has metadata); fires `transcript-seek`. */
  seek(time: number, cueId: string | null = null): void {
    this.playback.seek({ time, cueId });
  }

  /** Opens an annotation, scrolls to its first line and seeks there (as the evidence map does). */
  goToAnnotation(id: string, focus = true, at?: number): void {
    const cues = this.notes.links.cuesOf.get(id) ?? [];
    // A passage chosen by time (a mark of the evidence map) starts at the line there.
    const cueId = at === undefined ? cues[0] : (cues.find((c) => this.cues[this.index?.indexOfId(c) ?? -1]?.start === at) ?? cues[0]);
    const i = cueId === undefined ? -1 : (this.index?.indexOfId(cueId) ?? -1);
    if (this.notes.toggle(id, true) !== null) this.dispatchEvent(new AnnotationToggleEvent({ annotationId: id, open: true }));
    this.requestUpdate();
    if (i >= 0) {
      this.lineFocus.move(i, false);
      this.autoScroll.resume(this.lines.lineElement(i));
      this.seek(at ?? this.cues[i]!.start, cueId!);
    } else {
      this.autoScroll.pause(); // a claim with no lines: keep its panel in view while the media plays
    }
    void this.updateComplete.then(() => {
      const panel = this.renderRoot.querySelector<HTMLElement>(`[id="${CSS.escape(panelId(id))}"]`);
      if (!panel) return;
      if (i < 0) this.scrollIntoScroller(panel);
      if (focus) panel.focus({ preventScroll: true });
    });
  }

  /** Shows a claim's evidence: its first linked line (scrolled to, sought to) and its annotation. */
  activateClaim(claimId: string): void {
    const ids = this.notes.links.annotationsOfClaim.get(claimId) ?? [];
    const withLines = ids.find((id) => this.notes.links.cuesOf.get(id)?.length);
    const target = withLines ?? ids[0];
    if (target) this.goToAnnotation(target);
    this.dispatchEvent(new ClaimActivateEvent({ claimId }));
  }

  /** schema.org ClaimReview JSON-LD for each claim, for the host page to publish. */
  claimReview(options: { pageUrl?: string; mediaUrl?: string; publisherName?: string } = {}): object[] {
    return toClaimReview(this.notes.data, this.notes.links, options);
  }

  private setAllOpen(open: boolean): void {
    for (const a of this.notes.data.annotations) {
      if (this.notes.toggle(a.id, open) !== null) this.dispatchEvent(new AnnotationToggleEvent({ annotationId: a.id, open }));
    }
    this.requestUpdate();
  }

  private toggleAnnotation(id: string): void {
    const open = this.notes.toggle(id);
    if (open === null) return;
    this.autoScroll.pause();
    this.requestUpdate();
    this.dispatchEvent(new AnnotationToggleEvent({ annotationId: id, open }));
  }

  private loadTranscript(): void {
    if (this.transcriptMode === 'src') {
      // The previous file's lines go at once: they are not the transcript being asked for.
      if (this.index || this.transcriptProblems.length) this.showTranscript(null, []);
      if (this._src) void this.loader.load(this._src);
      else this.loader.cancel();
    } else if (this.transcriptMode === 'data') {
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
    this.lineFocus.index = 0;
    this.transcriptProblems = problems;
    this.autoScroll.resume();
    this.report(problems);
    this.notes.setCues(index ? index.cues : null);
    this.trackCtl.setOriginal(index ? index.cues : []);
    // Show the state at the media's current time as soon as the new list is rendered.
    void this.updateComplete.then(() => {
      this.clock.sync();
      this.applyDeepLink();
    });
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
    const media = (isMediaLike(this.media) ? this.media : null) ?? (this.mediaRef.element as MediaLike | null);
    clearTimeout(this.missingTimer);
    // `for` may name an element that appears later: report it missing only after a while.
    if (!media && this.htmlFor) {
      const id = this.htmlFor;
      this.missingTimer = window.setTimeout(() => {
        if (this.boundMedia || this.htmlFor !== id || !this.isConnected) return;
        this.mediaProblems = [{ kind: 'media', code: 'media-missing', detail: id }];
        this.report(this.mediaProblems);
      }, MISSING_MEDIA_GRACE_MS);
    }
    if (media === this.boundMedia) return;
    this.boundMedia = media;
    this.playback.media = media;
    this.mediaProblems = [];
    this.clock.setMedia(media);
    this.applyDeepLink();
  }

  private anchorClaims(): void {
    const article = this.articleElement ?? this.articleRef.element;
    this.anchors.set(article, this.notes.data.claims, (id) => this.notes.claimRelation(id));
  }

  private cueChanged(index: number): void {
    const cue = index >= 0 ? this.cues[index] : undefined;
    // Tab into the list lands on the current line, unless the reader is working in the list.
    const inList = !!(this.renderRoot as ShadowRoot).activeElement?.closest('ol.lines');
    if (index >= 0 && !inList) this.lineFocus.move(index, false);
    this.dispatchEvent(new TranscriptCueChangeEvent({ cueId: cue?.id ?? null }));
  }

  private activate(index: number, wordIndex = -1): void {
    const cue = this.cues[index];
    if (!cue) return;
    const word = wordIndex >= 0 ? cue.words?.[wordIndex] : undefined;
    this.lineFocus.move(index, false);
    this.autoScroll.resume(this.lines.lineElement(index));
    this.seek(word ? word.start : cue.start, cue.id);
  }

  private readonly onClick = (event: MouseEvent): void => {
    const target = event.target as Element;
    if (!target.closest?.('.line')) return;
    const index = this.lines.indexOf(target);
    const root = this.renderRoot as ShadowRoot & { getSelection?: () => Selection | null };
    const selection = root.getSelection?.() ?? document.getSelection();
    if (index < 0 || (selection && !selection.isCollapsed && selection.toString().trim())) return; // selecting text
    const word = target.closest('[data-w]');
    this.activate(index, word ? Number(word.getAttribute('data-w')) : -1);
  };

  private scrollIntoScroller(el: HTMLElement): void {
    const scroller = this.scroller();
    if (!scroller) return;
    const view = scroller.getBoundingClientRect();
    scroller.scrollTop += el.getBoundingClientRect().top - view.top - view.height * 0.25;
  }

  private readonly backToNow = (): void => {
    const hadFocus = this.matches(':focus-within');
    this.autoScroll.resume();
    if (hadFocus && this.active.active >= 0) this.lineFocus.move(this.active.active, true);
  };

  private async copyLink(hash: string): Promise<void> {
    const url = `${location.href.split('#')[0]}${hash}`;
    this.announcement = (await copyText(url)) ? msg('Link copied.') : msg(str`Copy this link: ${url}`);
    setTimeout(() => (this.announcement = ''), 4000);
  }

  private readonly toolbarActions = {
    toggleAll: (open: boolean) => this.setAllOpen(open),
    select: (id: string, time?: number) => this.goToAnnotation(id, true, time),
    chooseTrack: (lang: string | null, view: TrackView) => this.trackCtl.choose(lang, view),
    search: (query: string) => {
      this.search.setQuery(query);
      this.showMatch();
    },
    step: (delta: number) => {
      this.search.step(delta);
      this.showMatch();
    },
    seekToMatch: () => {
      const line = this.search.currentElement();
      const i = line ? this.lines.indexOf(line) : -1;
      if (i >= 0) this.activate(i);
    },
    download: (format: DownloadFormat) => {
      // The language shown: the translation when only it is shown.
      const translated = this.trackCtl.current && this.trackCtl.view === 'translation';
      const cues = translated ? this.trackCtl.translationCues : this.cues;
      downloadCues(cues, format, (translated ? this.trackCtl.current?.lang : this.contentLang) ?? 'und');
    },
  };

  private showMatch(): void {
    const el = this.search.currentElement();
    if (el) this.scrollIntoScroller(el);
  }

  private readonly onHashChange = (): void => {
    this.deepLinkDone = false;
    this.applyDeepLink();
  };

  /** `#t=SECONDS` and `#claim=ID` in the page URL act once, when what they need is there. */
  private applyDeepLink(): void {
    if (this.deepLinkDone || !this.index) return;
    const { time, claim } = parseDeepLink(location.hash);
    if (claim !== undefined) {
      if (!this.notes.links.annotationsOfClaim.has(claim)) return; // wait for the annotations
      this.deepLinkDone = true;
      this.activateClaim(claim);
      return;
    }
    if (!this.boundMedia) return;
    this.deepLinkDone = true;
    if (time !== undefined) {
      const i = this.index.activeAt(time);
      this.seek(time, i >= 0 ? this.cues[i]!.id : null);
    }
  }
}

if (!customElements.get('annotated-transcript')) customElements.define('annotated-transcript', AnnotatedTranscript);

declare global {
  interface HTMLElementTagNameMap {
    'annotated-transcript': AnnotatedTranscript;
  }
}
