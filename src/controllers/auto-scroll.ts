import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Subscribable } from './emitter.js';

export type TargetDirection = 'above' | 'below' | 'visible' | 'none';

/** Keys that scroll a focused scroll container. */
const SCROLL_KEYS = new Set(['PageUp', 'PageDown', 'Home', 'End', ' ', 'ArrowUp', 'ArrowDown']);

/**
 * Keeps the active line (or the active word of a long line) in view inside the transcript's own
 * scroll container — never the page (no scrollIntoView). Pauses the moment the reader scrolls,
 * touches, drags or selects text, and stays paused until `resume()` (the "back to current line"
 * button, or activating a line). Smooth scrolling unless `prefers-reduced-motion: reduce`.
 *
 * Only scrolls when the target leaves a comfort band (10%–75% of the viewport), then places it
 * at a quarter of the height, so the text does not crawl under the reader's eyes.
 */
export class AutoScrollController implements ReactiveController {
  following = true;
  direction: TargetDirection = 'none';
  private scroller: HTMLElement | null = null;
  private target: HTMLElement | null = null;
  private directionFrame = 0;
  private settleFrame = 0;
  private followFrame = 0;
  private listeners: AbortController | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    sources: {
      /** The scroll container, once rendered. */
      scroller: () => HTMLElement | null;
      /** The element to keep in view (the active line or word). */
      targets: Subscribable<HTMLElement | null>;
      /** A new transcript is shown: follow again. */
      resets: Subscribable<unknown>;
    },
  ) {
    host.addController(this);
    this.findScroller = sources.scroller;
    sources.targets.add((target) => this.follow(target));
    sources.resets.add(() => this.resume());
  }

  private readonly findScroller: () => HTMLElement | null;

  hostConnected(): void {
    if (this.scroller) this.bind(this.scroller);
  }

  /** The scroll container exists from the first render on. */
  hostUpdated(): void {
    this.ensureBound();
  }

  private ensureBound(): void {
    if (this.listeners) return;
    const scroller = this.findScroller();
    if (scroller) this.bind(scroller);
  }

  hostDisconnected(): void {
    this.listeners?.abort();
    this.listeners = null;
    cancelAnimationFrame(this.directionFrame);
    cancelAnimationFrame(this.settleFrame);
    cancelAnimationFrame(this.followFrame);
    this.followFrame = 0;
    // Forget them too: a frame id left behind would stop every later schedule (after a move).
    this.directionFrame = 0;
    this.settleFrame = 0;
  }

  private bind(scroller: HTMLElement): void {
    this.listeners?.abort();
    this.scroller = scroller;
    const listeners = new AbortController();
    this.listeners = listeners;
    const opts = { passive: true, signal: listeners.signal } as const;
    const userScroll = () => this.pause();
    scroller.addEventListener('wheel', userScroll, opts);
    scroller.addEventListener('touchstart', userScroll, opts);
    scroller.addEventListener('pointerdown', (e) => {
      // A press on the scrollbar (the container itself) or on text starts a drag or a selection.
      if (e.button === 0) this.pause();
    }, opts);
    scroller.addEventListener('keydown', (e) => {
      if (SCROLL_KEYS.has(e.key) && e.target === scroller) this.pause();
    }, opts);
    // Scroll events alone do not pause: a layout change can scroll too. The intents above do.
    scroller.addEventListener('scroll', () => this.scheduleDirection(), opts);
  }

  /** Stops following (the reader took over). */
  pause(): void {
    if (!this.following) return;
    this.following = false;
    this.updateDirection();
    this.host.requestUpdate();
  }

  /** Follows again and brings the current target (or the one given: the line just activated) into view now. */
  resume(target?: HTMLElement | null): void {
    const was = this.following;
    this.following = true;
    this.direction = 'none';
    if (target) this.target = target;
    if (this.target) this.scrollTo(this.target, !target);
    if (!was) this.host.requestUpdate();
  }

  /** The active line or word changed: keep it in view when following. */
  private follow(target: HTMLElement | null): void {
    this.target = target;
    if (!target) return;
    if (!this.following) return this.scheduleDirection();
    // Layout is read in the next frame, not in the media's event: the update that marks the line
    // stays a lookup and two attribute changes, and a frame's several changes cost one layout.
    this.followFrame ||= requestAnimationFrame(() => {
      this.followFrame = 0;
      if (this.following && this.target) this.scrollTo(this.target, false);
    });
  }

  private scrollTo(target: HTMLElement, force: boolean): void {
    this.ensureBound(); // a target may come in the first render, before this controller's hostUpdated
    const scroller = this.scroller;
    if (!scroller || !target.isConnected) return;
    const view = scroller.getBoundingClientRect();
    const box = target.getBoundingClientRect();
    if (view.height === 0) return;
    const top = box.top - view.top; // position of the target inside the visible area
    const inBand = top >= view.height * 0.1 && top + Math.min(box.height, view.height * 0.5) <= view.height * 0.75;
    if (inBand && !force) return;
    const wanted = scroller.scrollTop + top - view.height * 0.25;
    const max = scroller.scrollHeight - scroller.clientHeight;
    const next = Math.max(0, Math.min(max, Math.round(wanted)));
    if (Math.abs(next - scroller.scrollTop) < 1) return;
    const reduce = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    scroller.scrollTo({ top: next, behavior: reduce ? 'instant' : 'smooth' });
    // A long jump lands among rows whose heights were estimates until laid out (a windowed list):
    // once there, place the target again.
    if (Math.abs(next - scroller.scrollTop) > view.height * 2) {
      if (reduce) this.settle(target, 3);
      else scroller.addEventListener('scrollend', () => this.settle(target, 3), { once: true });
    }
  }

  private settle(target: HTMLElement, tries: number): void {
    cancelAnimationFrame(this.settleFrame);
    this.settleFrame = requestAnimationFrame(() => {
      this.settleFrame = 0;
      if (!this.following || target !== this.target || tries <= 0) return;
      this.scrollTo(target, false);
      if (this.settleFrame === 0) this.settle(target, tries - 1);
    });
  }

  private scheduleDirection(): void {
    if (this.following || this.directionFrame) return;
    this.directionFrame = requestAnimationFrame(() => {
      this.directionFrame = 0;
      this.updateDirection();
    });
  }

  private updateDirection(): void {
    let dir: TargetDirection = 'none';
    const scroller = this.scroller;
    if (scroller && this.target?.isConnected) {
      const view = scroller.getBoundingClientRect();
      const box = this.target.getBoundingClientRect();
      dir = box.bottom < view.top ? 'above' : box.top > view.bottom ? 'below' : 'visible';
    }
    if (dir !== this.direction) {
      this.direction = dir;
      this.host.requestUpdate();
    }
  }
}

/** Scrolls a container so that an element inside it sits a quarter of the way down (never the page). */
export function placeInScroller(scroller: HTMLElement | null, el: HTMLElement): void {
  if (!scroller) return;
  const view = scroller.getBoundingClientRect();
  scroller.scrollTop += el.getBoundingClientRect().top - view.top - view.height * 0.25;
}
