import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import type { DeepLink } from '../model/deep-link.js';
import { copyText } from './files.js';

/** How long a short notice ("Link copied.") stays in the live region. */
const NOTICE_MS = 4000;

/**
 * Short notices for the viewer's polite live region ("Link copied."), cleared after a few
 * seconds, and the "copy a link" action that announces its result.
 */
export class Announcer implements ReactiveController {
  /** The notice to announce now, or ''. */
  text = '';
  private timer = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.text = '';
  }

  announce(text: string): void {
    clearTimeout(this.timer);
    this.text = text;
    this.host.requestUpdate();
    this.timer = window.setTimeout(() => {
      this.text = '';
      this.host.requestUpdate();
    }, NOTICE_MS);
  }

  /** Copies a deep link to this page (`{time}`: `#t=…`, `{claim}`: `#claim=…`); the link format loads with the first copy. */
  async copyDeepLink(link: DeepLink): Promise<void> {
    const { formatDeepLink } = await import('../model/deep-link.js');
    return this.copyLink(formatDeepLink(link));
  }

  /** Copies this page's URL with the given fragment (`#t=…`, `#claim=…`) and says whether it worked. */
  async copyLink(hash: string): Promise<void> {
    // No fragment could be made (e.g. an id that is not well-formed text): say so, never copy the bare page.
    if (!hash) return this.announce(msg('No link can be made to this item.', { id: 'link.impossible' }));
    const url = `${location.href.split('#')[0]}${hash}`;
    this.announce((await copyText(url)) ? msg('Link copied.') : msg(str`Copy this link: ${url}`));
  }
}
