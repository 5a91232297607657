import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { parseDeepLink } from '../model/deep-link.js';
import type { AnnotationController } from './annotations.js';
import type { MediaTimeController } from './media-time.js';
import type { NavigationController } from './navigation.js';
import type { TranscriptController } from './transcript.js';

/**
 * `#t=SECONDS` and `#claim=ID` in the page URL act once, as soon as what they need is there
 * (the transcript; for a claim its annotations; for a time the media), and again on every
 * `hashchange`.
 */
export class DeepLinkController implements ReactiveController {
  private done = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly deps: {
      transcript: TranscriptController;
      annotations: AnnotationController;
      mediaTime: MediaTimeController;
      navigation: NavigationController;
    },
  ) {
    host.addController(this);
    // After the new list is rendered, so the line sought to exists.
    deps.transcript.changed.add(() => void host.updateComplete.then(() => this.apply()));
    deps.annotations.changed.add(() => this.apply());
    deps.mediaTime.mediaChanged.add(() => this.apply());
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.onHashChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.onHashChange);
  }

  private readonly onHashChange = (): void => {
    this.done = false;
    this.apply();
  };

  private apply(): void {
    const { transcript, annotations, mediaTime, navigation } = this.deps;
    const index = transcript.index;
    if (this.done || !index) return;
    const { time, claim } = parseDeepLink(location.hash);
    if (claim !== undefined) {
      if (!annotations.links.annotationsOfClaim.has(claim)) return; // wait for the annotations
      this.done = true;
      navigation.activateClaim(claim);
      return;
    }
    if (!mediaTime.media) return;
    this.done = true;
    if (time !== undefined) {
      const i = index.activeAt(time);
      navigation.seek(time, i >= 0 ? index.cues[i]!.id : null);
    }
  }
}
