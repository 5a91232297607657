import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { track } from './lazy.js';
import { readLightText } from './readers.js';
import type { LightTranscript } from './light-read.js';

/**
 * A transcript written in the page inside the element, for progressive enhancement: before the
 * script runs the page shows it as it is (and search engines read it); once the element is
 * defined, its shadow root hides it and it is read as the source (README.md, "Words in the
 * page"). On the first connection in a browser, when no source (`src`, `transcript`) was set
 * before and the element holds anything but `<track>`s, the reader (`light-read.ts`, with the
 * transcript readers) reads it and `apply` gets it (a source set later wins, as always). Nothing
 * is read on the server (SSR) or before connection; when the element is defined before the
 * parser reached its children, they are read once the document is parsed.
 */
export class LightSourceController implements ReactiveController {
  /** The light DOM is being read (the viewer shows it as loading). */
  pending = false;
  private looked = false;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly given: () => boolean,
    private readonly apply: (found: LightTranscript) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (isServer || this.looked) return;
    this.looked = true;
    const look = () => {
      if (this.given() || ![...this.host.children].some((c) => c.localName !== 'track')) return;
      this.pending = true;
      this.host.requestUpdate();
      void track(this.host, readLightText(this.host).then((found) => {
        this.pending = false;
        if (found && !this.given()) this.apply(found);
        else this.host.requestUpdate();
      }));
    };
    if (this.host.ownerDocument.readyState === 'loading' && !this.host.children.length) {
      this.host.ownerDocument.addEventListener('DOMContentLoaded', look, { once: true });
    } else look();
  }
}
