/**
 * Nothing lost: the editor's draft is saved in localStorage after every edit (keyed by the media
 * and the article), offered back after a reload, and leaving the page with changes that were
 * not downloaded asks first (`beforeunload`).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { decodeDraft, encodeDraft, type Draft } from '../../model/editor/draft.js';

/** Milliseconds between an edit and its save (edits in a burst are saved once). */
export const DRAFT_SAVE_DELAY = 300;

export class DraftKeeper implements ReactiveController {
  private timer = 0;
  private queued: unknown = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: { key(): string | null; dirty(): boolean },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('beforeunload', this.onBeforeUnload);
  }

  hostDisconnected(): void {
    this.flush();
    window.removeEventListener('beforeunload', this.onBeforeUnload);
  }

  /** The stored draft, when there is one that differs from `current`. */
  pending(current: unknown): Draft | null {
    const key = this.options.key();
    if (!key) return null;
    let text: string | null = null;
    try {
      text = localStorage.getItem(key);
    } catch {
      return null; // storage not available (privacy settings)
    }
    const draft = decodeDraft(text);
    return draft && JSON.stringify(draft.value) !== JSON.stringify(current) ? draft : null;
  }

  /** Saves `value` soon (the last value of a burst of edits). */
  save(value: unknown): void {
    this.queued = value;
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.flush(), DRAFT_SAVE_DELAY);
  }

  /** Saves what is queued now. */
  flush(): void {
    clearTimeout(this.timer);
    const key = this.options.key();
    if (this.queued === null || !key) return;
    try {
      localStorage.setItem(key, encodeDraft(this.queued, Date.now()));
    } catch {
      // full or not available: the beforeunload prompt still guards the work
    }
    this.queued = null;
  }

  discard(): void {
    clearTimeout(this.timer);
    this.queued = null;
    const key = this.options.key();
    try {
      if (key) localStorage.removeItem(key);
    } catch {
      // not available
    }
  }

  private readonly onBeforeUnload = (e: BeforeUnloadEvent): void => {
    this.flush();
    if (!this.options.dirty()) return;
    e.preventDefault();
    e.returnValue = ''; // older browsers need a value to ask
  };
}
