import { AnnotationToggleEvent, ClaimActivateEvent } from '../events.js';
import { formatDeepLink } from '../model/deep-link.js';
import type { AnnotationController } from './annotations.js';
import type { Announcer } from './announcer.js';
import { placeInScroller } from './auto-scroll.js';
import type { LineElements } from './line-elements.js';
import type { MediaSync } from './media-sync.js';
import type { NavigationController } from './navigation.js';
import { PassagePlayer } from './passage.js';
import type { TranscriptController } from './transcript.js';

export interface AnnotationNavigationDeps {
  annotations: AnnotationController;
  transcript: TranscriptController;
  navigation: NavigationController;
  lines: LineElements;
  /** Seeking, auto-scroll, the media time. */
  sync: MediaSync;
  announcer: Announcer;
  /** Scrolls the page to a claim's marker in the article and focuses it (false: not anchored). */
  focusClaim(claimId: string): boolean;
}

/**
 * Where the reader's intents about annotations lead: going to an annotation (open it, scroll to
 * its first line, seek there), activating a claim, playing an annotated passage, opening and
 * closing annotations. Fires `annotation-toggle` and `claim-activate`. Part of the annotation
 * module, loaded on demand.
 */
export class AnnotationNavigation {
  private readonly passages: PassagePlayer;

  constructor(
    private readonly host: HTMLElement & { readonly updateComplete: Promise<boolean>; requestUpdate(): void },
    private readonly deps: AnnotationNavigationDeps,
  ) {
    this.passages = new PassagePlayer(deps.sync);
  }

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
      this.deps.navigation.goToLine(i);
      this.deps.navigation.seek(at ?? transcript.cues[i]!.start, cueId!);
    } else {
      this.deps.sync.pause(); // a claim with no lines: keep its panel in view while the media plays
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

  /** "Show in article": scrolls the page to the claim and focuses it. */
  showClaim(claimId: string): void {
    this.host.dispatchEvent(new ClaimActivateEvent({ claimId }));
    this.deps.focusClaim(claimId);
  }

  copyClaimLink(claimId: string): void {
    void this.deps.announcer.copyLink(formatDeepLink({ claim: claimId }));
  }

  /** Plays exactly the lines of an annotation, run by run, and pauses at their end. */
  playPassage(id: string): void {
    const { annotations, transcript } = this.deps;
    const runs = annotations.evidence(transcript.index).filter((m) => m.annotationId === id);
    const span = annotations.links.span.get(id);
    this.passages.play(runs.length ? runs : span ? [span] : [], annotations.links.cuesOf.get(id)?.[0] ?? null);
  }

  /** The annotation button of a line: opens or closes its panel, and leaves the reader where they are. */
  toggle(id: string): void {
    if (!this.setOpen(id, !this.deps.annotations.open.has(id))) return;
    this.deps.sync.pause();
  }

  /** "Expand all" / "Collapse all". */
  setAllOpen(open: boolean): void {
    for (const a of this.deps.annotations.data.annotations) this.setOpen(a.id, open);
  }

  /** Opens or closes one annotation; fires `annotation-toggle` when that changed something. */
  private setOpen(id: string, open: boolean): boolean {
    const changed = this.deps.annotations.toggle(id, open) !== null;
    this.host.requestUpdate();
    if (changed) this.host.dispatchEvent(new AnnotationToggleEvent({ annotationId: id, open }));
    return changed;
  }
}
