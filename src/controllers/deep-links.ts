import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { parseDeepLink } from '../model/deep-link.js';
import type { Subscribable } from './emitter.js';
import type { MediaSync } from './media-sync.js';
import type { NavigationController } from './navigation.js';
import type { TranscriptController } from './transcript.js';

/** The claims a `#claim=` link may name, and what activating one does. */
export interface DeepLinkClaims {
  hasClaim(claimId: string): boolean;
  activateClaim(claimId: string): void;
}

/**
 * `#t=SECONDS` and `#claim=ID` in the page URL act once, as soon as what they need is there
 * (the transcript; for a claim its annotations; for a time the media), and again on every
 * `hashchange`. Loaded on demand (`DeepLinkLoader`): when the page URL has a fragment, or gets one.
 */
export class DeepLinkController implements ReactiveController {
  private done = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly deps: {
      transcript: TranscriptController;
      /** The annotations' claims, and when they change. */
      claims: DeepLinkClaims;
      claimsChanged: Subscribable<void>;
      /** The bound media, and when it changes. */
      mediaTime: Pick<MediaSync, 'media' | 'mediaChanged'>;
      navigation: NavigationController;
    },
  ) {
    host.addController(this);
    // After the new list is rendered, so the line sought to exists.
    deps.transcript.changed.add(() => void host.updateComplete.then(() => this.apply()));
    deps.claimsChanged.add(() => this.apply());
    deps.mediaTime.mediaChanged.add(() => this.apply());
    // Made once the page had a fragment: act on it (after the host's pending render).
    void host.updateComplete.then(() => this.apply());
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
    const { transcript, claims, mediaTime, navigation } = this.deps;
    const index = transcript.index;
    if (this.done || !index) return;
    const { time, claim } = parseDeepLink(location.hash);
    if (claim !== undefined) {
      if (!claims.hasClaim(claim)) return; // wait for the annotations
      this.done = true;
      claims.activateClaim(claim);
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
