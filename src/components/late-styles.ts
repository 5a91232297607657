import { adoptStyles, type CSSResult, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { stylesWith } from './annotated-transcript.styles.js';

/**
 * The styles that come with the parts loaded on demand (long lists, annotations, tracks,
 * search): after a render, when the parts in use changed, the host's shadow root adopts its
 * styles with theirs, in a fixed order, before the print rules. Within the update that first draws a part, so it is
 * never seen unstyled.
 */
export class LateStyles implements ReactiveController {
  /** Which parts' styles are adopted (one flag each). */
  private adopted = '';

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly parts: () => readonly (readonly CSSResult[] | undefined)[],
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const parts = this.parts();
    const loaded = parts.map((p) => (p ? 1 : 0)).join('');
    if (loaded === this.adopted || !this.host.shadowRoot) return;
    this.adopted = loaded;
    adoptStyles(this.host.shadowRoot, stylesWith(parts.flatMap((p) => p ?? [])));
  }
}
