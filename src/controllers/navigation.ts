import { AnnotationToggleEvent, ClaimActivateEvent } from '../events.js';
import { formatDeepLink } from '../model/deep-link.js';
import type { AnnotationController } from './annotations.js';
import type { Announcer } from './announcer.js';
import type { ArticleAnchorsController } from './article-anchors.js';
import { placeInScroller, type AutoScrollController } from './auto-scroll.js';
import type { LineElements } from './line-elements.js';
import type { LineFocus } from './line-focus.js';
import type { Playback } from './playback.js';
import type { TranscriptController } from './transcript.js';

export interface NavigationDeps {
  transcript: TranscriptController;
  annotations: AnnotationController;
  lines: LineElements;
  lineFocus: LineFocus;
  autoScroll: AutoScrollController;
  playback: Playback;
  anchors: ArticleAnchorsController;
  announcer: Announcer;
}

/**
 * Where the reader's intents lead: activating a line or word (focus it, follow it, seek), going
 * to an annotation (open it, scroll to its first line, seek there), activating a claim, playing
 * an annotated passage, opening and closing annotations. Fires `annotation-toggle` and
 * `claim-activate`.
 */
export class NavigationController {
  constructor(
    private readonly host: HTMLElement & { readonly updateComplete: Promise<boolean>; requestUpdate(): void },
    private readonly deps: NavigationDeps,
  ) {}

  /** Seeks the media (applied once it has metadata); fires `transcript-seek`. */
  seek(time: number, cueId: string | null = null): void {
    this.deps.playback.seek({ time, cueId });
  }

  /** A line (or one of its timed words) was activated: it becomes the tab stop, is followed, and the media seeks there. */
  activateLine(index: number, wordIndex = -1): void {
    const cue = this.deps.transcript.cues[index];
    if (!cue) return;
    const word = wordIndex >= 0 ? cue.words?.[wordIndex] : undefined;
    // The seek first: what the reader asked for happens before any layout is read for scrolling.
    this.seek(word ? word.start : cue.start, cue.id);
    this.deps.lineFocus.move(index, false);
    this.deps.autoScroll.resume(this.deps.lines.lineElement(index));
  }

  /** A click in the list: on a line (or a word) it activates it, unless the reader is selecting text. */
  readonly onListClick = (event: MouseEvent): void => {
    const { lines } = this.deps;
    const index = lines.lineOf(event.target);
    if (index < 0) return;
    const root = this.host.shadowRoot as (ShadowRoot & { getSelection?: () => Selection | null }) | null;
    const selection = root?.getSelection?.() ?? document.getSelection();
    if (selection && !selection.isCollapsed && selection.toString().trim()) return;
    this.activateLine(index, lines.wordOf(event.target));
  };

  /** Opens an annotation, scrolls to its first line and seeks there (as the evidence map does). */
  goToAnnotation(id: string, focus = true, at?: number): void {
    const { transcript, annotations, lines } = this.deps;
    const cueIds = annotations.links.cuesOf.get(id) ?? [];
    const indexOf = (cueId: string | undefined) => (cueId === undefined ? -1 : (transcript.index?.indexOfId(cueId) ?? -1));
    // A passage chosen by time (a mark of the evidence map) starts at the line there.
    const cueId = at === undefined ? cueIds[0] : (cueIds.find((c) => transcript.cues[indexOf(c)]?.start === at) ?? cueIds[0]);
    const i = indexOf(cueId);
    this.setOpen(id, true);
    if (i >= 0) {
      this.deps.lineFocus.move(i, false);
      this.deps.autoScroll.resume(lines.lineElement(i));
      this.seek(at ?? transcript.cues[i]!.start, cueId!);
    } else {
      this.deps.autoScroll.pause(); // a claim with no lines: keep its panel in view while the media plays
    }
    void this.host.updateComplete.then(() => {
      const panel = lines.panel(id);
      if (!panel) return;
      if (i < 0) placeInScroller(lines.scroller(), panel);
      if (focus) panel.focus({ preventScroll: true });
    });
  }

  /** Shows a claim's evidence: its first linked line (scrolled to, sought to) and its annotation. */
  activateClaim(claimId: string): void {
    const { links } = this.deps.annotations;
    const ids = links.annotationsOfClaim.get(claimId) ?? [];
    const target = ids.find((id) => links.cuesOf.get(id)?.length) ?? ids[0];
    if (target) this.goToAnnotation(target);
    this.host.dispatchEvent(new ClaimActivateEvent({ claimId }));
  }

  /** "Show in article": scrolls the page to the claim and focuses its marker. */
  showClaim(claimId: string): void {
    this.host.dispatchEvent(new ClaimActivateEvent({ claimId }));
    this.deps.anchors.focus(claimId);
  }

  copyClaimLink(claimId: string): void {
    void this.deps.announcer.copyLink(formatDeepLink({ claim: claimId }));
  }

  /** Plays exactly the lines of an annotation, run by run, and pauses at their end. */
  playPassage(id: string): void {
    const { annotations, transcript, playback } = this.deps;
    const runs = annotations.evidence(transcript.index).filter((m) => m.annotationId === id);
    const span = annotations.links.span.get(id);
    playback.playPassage(runs.length ? runs : span ? [span] : [], annotations.links.cuesOf.get(id)?.[0] ?? null);
  }

  /** The annotation button of a line: opens or closes its panel, and leaves the reader where they are. */
  toggle(id: string): void {
    if (!this.setOpen(id, !this.deps.annotations.open.has(id))) return;
    this.deps.autoScroll.pause();
  }

  /** "Expand all" / "Collapse all". */
  setAllOpen(open: boolean): void {
    for (const a of this.deps.annotations.data.annotations) this.setOpen(a.id, open);
  }

  /** "Back to current line": follow again, and bring focus along when it was in the viewer. */
  backToNow(activeLine: number): void {
    const hadFocus = this.host.matches(':focus-within');
    this.deps.autoScroll.resume();
    if (hadFocus && activeLine >= 0) this.deps.lineFocus.move(activeLine, true);
  }

  /** Opens or closes one annotation; fires `annotation-toggle` when that changed something. */
  private setOpen(id: string, open: boolean): boolean {
    const changed = this.deps.annotations.toggle(id, open) !== null;
    this.host.requestUpdate();
    if (changed) this.host.dispatchEvent(new AnnotationToggleEvent({ annotationId: id, open }));
    return changed;
  }
}
