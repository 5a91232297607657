import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The subset of HTMLMediaElement the viewer needs. Native `<video>`/`<audio>`,
 * `<youtube-video>`, `<vimeo-video>` and `<hls-video>` all fit.
 */
export interface MediaLike extends EventTarget {
  currentTime: number;
  readonly duration: number;
  readonly paused: boolean;
  play(): Promise<void> | void;
  pause(): void;
  readonly readyState?: number;
}

export function isMediaLike(value: unknown): value is MediaLike {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<MediaLike>;
  return typeof v.addEventListener === 'function' && typeof v.play === 'function' && typeof v.pause === 'function' && 'currentTime' in v;
}

/**
 * Resolves an element by id the way `for="ID"` and `article="ID"` work: in the host's own root
 * (`getRootNode()`) first, then the document; waits (MutationObserver) while the id is not
 * there yet, and notices when the bound element leaves.
 */
export class IdRefController<T extends Element = Element> implements ReactiveController {
  private observers: MutationObserver[] = [];
  private current: T | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly getId: () => string | null | undefined,
    private readonly onChange: (element: T | null) => void,
    private readonly accept: (el: Element) => el is T = (el): el is T => true,
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
  }

  /** Call when the id attribute changed. */
  resolve(): void {
    this.stopWatching();
    const id = this.getId();
    let found: T | null = null;
    if (id && this.host.isConnected) {
      const root = this.host.getRootNode() as Document | ShadowRoot;
      const candidates: (Element | null | undefined)[] = [root.getElementById?.(id), root !== document ? document.getElementById(id) : null];
      for (const el of candidates) {
        if (el && this.accept(el)) {
          found = el;
          break;
        }
      }
      this.watch();
    }
    if (found !== this.current) {
      this.current = found;
      this.onChange(found);
    }
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
    const id = this.getId();
    if (this.current && this.current.isConnected && this.current.id === id) return;
    this.resolve();
  }

  private stopWatching(): void {
    for (const o of this.observers) o.disconnect();
    this.observers = [];
  }
}
