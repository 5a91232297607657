import { isMediaLike, type MediaLike } from '../model/media.js';

/** The keys media-chrome's controller takes as hotkeys; inside one, the viewer uses them itself (`keysused`). */
const CONTROLLER_KEYS = 'ArrowLeft ArrowRight ArrowUp ArrowDown Enter Space f m k c l j > < p Home End PageUp PageDown';

/** The media a container holds: its `media` property (media-chrome), else its `[slot=media]` child. */
function mediaOf(container: Element): MediaLike | null {
  const given = (container as { media?: unknown }).media;
  if (isMediaLike(given)) return given;
  let child: Element | null | undefined = container.querySelector(':scope > [slot="media"]');
  if (child instanceof HTMLSlotElement) child = child.assignedElements({ flatten: true })[0];
  return child && isMediaLike(child) ? child : null;
}

/**
 * Follows the media a media-chrome `<media-controller>` holds (loaded on demand by `MediaRef`,
 * only on pages that have one): tells `onMedia` which it is now, and again whenever the
 * controller's children change. When the viewer is inside the controller, it marks the keys
 * it handles (`keysused`, which media-chrome reads), so that moving through its lines or typing
 * in its search field does not also fire the controller's hotkeys. Returns the function that stops.
 */
export function followContainer(host: HTMLElement, container: Element, onMedia: (media: MediaLike | null) => void): () => void {
  if (container.contains(host) && !host.hasAttribute('keysused')) host.setAttribute('keysused', CONTROLLER_KEYS);
  const observer = new MutationObserver(() => onMedia(mediaOf(container)));
  observer.observe(container, { childList: true, subtree: true, attributes: true, attributeFilter: ['slot'] });
  onMedia(mediaOf(container));
  return () => observer.disconnect();
}
