import type { ReactiveControllerHost } from 'lit';
import { isMediaLike, type MediaLike } from '../model/media.js';
import { IdRefController } from './id-ref.js';
import { LazyModule, track } from './lazy.js';

/** media-chrome's element that stands for the media it holds: `for` may name one. */
const CONTROLLER = 'media-controller';
const containers = new LazyModule(() => import('./media-container.js'));

/**
 * The media that `for` names: a media element (anything that fits the media contract), or a
 * media-chrome `<media-controller>`, whose media slot is then used and followed when it changes
 * (`media-container.ts`, loaded only then). Without `for`, a viewer placed inside a
 * `<media-controller>` uses that controller's media. `onChange` is told when the media changed.
 */
export class MediaRef extends IdRefController {
  /** The media resolved from `for` (or the enclosing controller), null when none. */
  media: MediaLike | null = null;
  private container: Element | null = null;
  private stop: (() => void) | null = null;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    private readonly ref: { id(): string | null | undefined; onChange(): void; onMissing(id: string): void },
  ) {
    super(host, { id: ref.id, accept: (el): el is Element => isMediaLike(el) || el.localName === CONTROLLER, onChange: () => {}, onMissing: ref.onMissing });
  }

  override resolve(): void {
    super.resolve();
    const named = this.element;
    const host = this.host;
    const container = !host.isConnected ? null : named ? (named.localName === CONTROLLER ? named : null) : this.ref.id() ? null : host.closest(CONTROLLER);
    this.follow(container);
    if (!container) this.set(named && isMediaLike(named) ? named : null);
  }

  override hostDisconnected(): void {
    super.hostDisconnected();
    this.follow(null);
  }

  private follow(container: Element | null): void {
    if (container === this.container) return;
    this.stop?.();
    this.stop = null;
    this.container = container;
    if (container) void track(this.host, containers.load().then((m) => {
      if (m && this.container === container) this.stop = m.followContainer(this.host, container, (media) => this.set(media));
    }));
  }

  private set(media: MediaLike | null): void {
    if (media === this.media) return;
    this.media = media;
    this.ref.onChange();
  }
}
