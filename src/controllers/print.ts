import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AnnotationController } from './annotations.js';

/**
 * Printing shows every annotation (the print stylesheet does the rest); the reader's own
 * choice of open annotations comes back afterwards. `renderNow` must render synchronously,
 * because the browser lays out for print right after `beforeprint`.
 */
export class PrintController implements ReactiveController {
  private openBefore: string[] | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly annotations: AnnotationController,
    private readonly renderNow: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('beforeprint', this.before);
    window.addEventListener('afterprint', this.after);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeprint', this.before);
    window.removeEventListener('afterprint', this.after);
  }

  private readonly before = (): void => {
    this.openBefore = [...this.annotations.open];
    for (const a of this.annotations.data.annotations) this.annotations.toggle(a.id, true);
    this.renderNow();
  };

  private readonly after = (): void => {
    if (!this.openBefore) return;
    for (const a of this.annotations.data.annotations) this.annotations.toggle(a.id, this.openBefore.includes(a.id));
    this.openBefore = null;
    this.renderNow();
  };
}
