import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface IdRefOptions<T extends Element> {
  /** The id to resolve (the attribute's current value). */
  id(): string | null | undefined;
  /** Which elements with that id are acceptable (e.g. only media-like ones). */
  accept?(el: Element): el is T;
  /** The resolved element changed (null when none). */
  onChange(element: T | null): void;
  /**
   * The id may name an element that appears later: when it still names none after
   * `missingAfterMs` (default 3 s), `onMissing` is called (once per id).
   */
  onMissing?(id: string): void;
  missingAfterMs?: number;
}

/**
 * Resolves an element by id the way `for="ID"` and `article="ID"` work: in the host's own root
 * (`getRootNode()`) first, then the document; waits (MutationObserver) while the id is not
 * there yet, notices when the bound element leaves, and reports an id that stays unresolved.
 */
export class IdRefController<T extends Element = Element> implements ReactiveController {
  private observers: MutationObserver[] = [];
  private current: T | null = null;
  private missingTimer = 0;
  /** The id the grace timer runs for. */
  private missingId: string | null = null;

  constructor(
    protected readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: IdRefOptions<T>,
  ) {
    host.addController(this);
  }

  get element(): T | null {
    return this.current;
  }

  hostConnected(): void {
    this.resolve();
  }

  hostDisconnected(): void {
    this.stopWatching();
    this.cancelMissing();
  }

  /** Call when the id attribute changed. */
  resolve(): void {
    this.stopWatching();
    const id = this.options.id();
    let found: T | null = null;
    if (id && this.host.isConnected) {
      const root = this.host.getRootNode() as Document | ShadowRoot;
      const candidates: (Element | null | undefined)[] = [root.getElementById?.(id), root !== document ? document.getElementById(id) : null];
      const accept = this.options.accept ?? ((_el: Element): _el is T => true);
      found = (candidates.find((el) => el && accept(el)) as T | undefined) ?? null;
      if (!found) this.whenDefined(candidates);
      this.watch();
    }
    if (found || !id || !this.host.isConnected) this.cancelMissing();
    else if (this.missingId !== id) this.scheduleMissing(id);
    if (found !== this.current) {
      this.current = found;
      this.options.onChange(found);
    }
  }

  /**
   * An element with the id that is not acceptable yet may be a custom element whose module loads
   * later (a `<youtube-video>` imported on demand): its upgrade changes nothing in the DOM that
   * the observers see, so look again once it is defined.
   */
  private whenDefined(candidates: (Element | null | undefined)[]): void {
    const name = candidates.find((el) => el?.localName.includes('-') && !customElements.get(el.localName))?.localName;
    if (name) void customElements.whenDefined(name).then(() => this.resolve());
  }

  private scheduleMissing(id: string): void {
    this.cancelMissing();
    const { missingAfterMs = 3000, onMissing } = this.options;
    if (!onMissing) return;
    this.missingId = id;
    this.missingTimer = window.setTimeout(() => {
      if (!this.current && this.options.id() === id && this.host.isConnected) onMissing(id);
    }, missingAfterMs);
  }

  private cancelMissing(): void {
    clearTimeout(this.missingTimer);
    this.missingId = null;
  }

  private watch(): void {
    const roots = new Set<Node>([this.host.getRootNode(), document]);
    for (const root of roots) {
      const observer = new MutationObserver(() => this.recheck());
      observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['id'] });
      this.observers.push(observer);
    }
  }

  private recheck(): void {
    // Cheap test first: still bound and still connected with the same id → nothing to do.
    if (this.current && this.current.isConnected && this.current.id === this.options.id()) return;
    this.resolve();
  }

  private stopWatching(): void {
    for (const o of this.observers) o.disconnect();
    this.observers = [];
  }
}
