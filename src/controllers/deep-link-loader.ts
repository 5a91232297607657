import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DeepLinkController } from './deep-links.js';
import { LazyModule, track } from './lazy.js';

const deepLinks = new LazyModule(() => import('./deep-links.js'));

/**
 * The seam to deep links: `DeepLinkController` (reading `#t=` and `#claim=`, acting on them)
 * loads when the page URL has a fragment when the viewer connects, or gets one later
 * (`hashchange`); it then listens for itself. A page whose URL never has a fragment never loads it.
 */
export class DeepLinkLoader implements ReactiveController {
  private started = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly deps: ConstructorParameters<typeof DeepLinkController>[1],
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.started) return;
    if (location.hash.length > 1) this.start();
    else window.addEventListener('hashchange', this.start);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.start);
  }

  private readonly start = (): void => {
    window.removeEventListener('hashchange', this.start);
    if (this.started) return;
    this.started = true;
    void track(this.host, deepLinks.load().then((m) => m && new m.DeepLinkController(this.host, this.deps)));
  };
}
