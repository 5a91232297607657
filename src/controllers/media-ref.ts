import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isMediaLike, type MediaLike } from '../model/media.js';
import { IdRefController } from './id-ref.js';
import { LazyModule, track } from './lazy.js';

/** media-chrome's element that stands for the media it holds: `for` may name one. */
const CONTROLLER = 'media-controller';
const containers = new LazyModule(() => import('./media-container.js'));

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
 * media-chrome `<media-controller>`, whose media slot is then used and followed when it changes
 * (`media-container.ts`, loaded only then). Without `for`, a viewer placed inside a
 * `<media-controller>` uses that controller's media.
 */
export class MediaRef implements ReactiveController {
  private readonly ref: IdRefController;
  private container: Element | null = null;
  private stop: (() => void) | null = null;
  private current: MediaLike | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: MediaRefOptions,
  ) {
    this.ref = new IdRefController(host, {
      id: options.id,
      accept: (el): el is Element => isMediaLike(el) || el.localName === CONTROLLER,
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
    this.update();
  }

  hostDisconnected(): void {
    this.follow(null);
  }

  private update(): void {
    const named = this.ref.element;
    const container = !this.host.isConnected ? null : named ? (named.localName === CONTROLLER ? named : null) : this.options.id() ? null : this.host.closest(CONTROLLER);
    this.follow(container);
    if (!container) this.set(named && isMediaLike(named) ? named : null);
  }

  private follow(container: Element | null): void {
    if (container === this.container) return;
    this.stop?.();
    this.stop = null;
    this.container = container;
    if (!container) return;
    void track(this.host, containers.load().then((m) => {
      if (m && this.container === container) this.stop = m.followContainer(this.host, container, (media) => this.set(media));
    }));
  }

  private set(media: MediaLike | null): void {
    if (media === this.current) return;
    this.current = media;
    this.options.onChange();
  }
}
