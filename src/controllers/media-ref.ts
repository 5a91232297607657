import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isMediaLike, type MediaLike } from '../model/media.js';
import { IdRefController } from './id-ref.js';

/** Elements that stand for the media they hold (media-chrome): `for` may name one of them. */
const CONTAINERS = new Set(['media-controller']);
/** The keys media-chrome's controller takes as hotkeys; inside one, the viewer uses them itself (`keysused`). */
const CONTROLLER_KEYS = 'ArrowLeft ArrowRight ArrowUp ArrowDown Enter Space f m k c l j > < p Home End PageUp PageDown';

const isContainer = (el: Element): boolean => CONTAINERS.has(el.localName);

/** The media a container holds: its `media` property (media-chrome), else its `[slot=media]` child. */
function mediaOf(container: Element): MediaLike | null {
  const given = (container as { media?: unknown }).media;
  if (isMediaLike(given)) return given;
  let child: Element | null | undefined = container.querySelector(':scope > [slot="media"]');
  if (child instanceof HTMLSlotElement) child = child.assignedElements({ flatten: true })[0];
  return child && isMediaLike(child) ? child : null;
}

export interface MediaRefOptions {
  /** The `for` attribute's value. */
  id(): string | null | undefined;
  /** The media resolved changed. */
  onChange(): void;
  /** `for` still names nothing after the grace period. */
  onMissing(id: string): void;
}

/**
 * The media that `for` names: a media element (anything that fits the media contract), or a
 * media-chrome `<media-controller>`, whose media slot is then used (and followed when it
 * changes). Without `for`, a viewer placed inside a `<media-controller>` uses that controller's
 * media. Inside one, the viewer marks the keys it uses (`keysused`), so typing in its search
 * field or moving through its lines does not also fire the controller's hotkeys.
 */
export class MediaRef implements ReactiveController {
  private readonly ref: IdRefController;
  private container: Element | null = null;
  private observer: MutationObserver | null = null;
  private current: MediaLike | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: MediaRefOptions,
  ) {
    this.ref = new IdRefController(host, {
      id: options.id,
      accept: (el): el is Element => isMediaLike(el) || isContainer(el),
      onChange: () => this.update(),
      onMissing: options.onMissing,
    });
    host.addController(this);
  }

  /** The media resolved from `for` (or the enclosing controller), null when none. */
  get media(): MediaLike | null {
    return this.current;
  }

  /** Call when `for` changed. */
  resolve(): void {
    this.ref.resolve();
    this.update();
  }

  hostConnected(): void {
    const enclosing = this.host.closest('media-controller');
    if (enclosing && !this.host.hasAttribute('keysused')) this.host.setAttribute('keysused', CONTROLLER_KEYS);
    this.update();
  }

  hostDisconnected(): void {
    this.watch(null);
  }

  private update(): void {
    const named = this.ref.element;
    const container = named ? (isContainer(named) ? named : null) : this.options.id() ? null : this.host.closest('media-controller');
    this.watch(this.host.isConnected ? container : null);
    const media = container ? mediaOf(container) : named && isMediaLike(named) ? named : null;
    if (media === this.current) return;
    this.current = media;
    this.options.onChange();
  }

  /** Follows the container's children: its media may come, go or be replaced. */
  private watch(container: Element | null): void {
    if (container === this.container) return;
    this.observer?.disconnect();
    this.observer = null;
    this.container = container;
    if (!container) return;
    this.observer = new MutationObserver(() => this.update());
    this.observer.observe(container, { childList: true, subtree: true, attributes: true, attributeFilter: ['slot'] });
  }
}
