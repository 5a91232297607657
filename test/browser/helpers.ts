import { oneEvent } from '@open-wc/testing';

/** Waits until `predicate` is true (polling each frame), or fails after `timeout` ms. */
export async function waitUntil(predicate: () => boolean, message: string, timeout = 5000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out: ${message}`);
    await new Promise((r) => requestAnimationFrame(r));
  }
}

/** Runs `action` and asserts that `type` fired exactly once on `target`; returns the event. */
export async function expectEvent<E extends Event>(target: EventTarget, type: string, action: () => unknown, settle = 50): Promise<E> {
  const seen: E[] = [];
  const listener = (e: Event) => seen.push(e as E);
  target.addEventListener(type, listener);
  try {
    await action();
    if (!seen.length) await Promise.race([oneEvent(target, type), new Promise((r) => setTimeout(r, 3000))]);
    await new Promise((r) => setTimeout(r, settle));
  } finally {
    target.removeEventListener(type, listener);
  }
  if (seen.length !== 1) throw new Error(`expected one "${type}" event, got ${seen.length}`);
  return seen[0]!;
}

/** Collects every `type` event fired on `target` until `stop()` is called. */
export function collectEvents<E extends Event>(target: EventTarget, type: string): { events: E[]; stop(): void } {
  const events: E[] = [];
  const listener = (e: Event) => events.push(e as E);
  target.addEventListener(type, listener);
  return { events, stop: () => target.removeEventListener(type, listener) };
}

/** A real <video> with the committed fixture, metadata loaded. */
export async function loadVideo(id = 'talk', src = '/test/fixtures/media/talk.webm'): Promise<HTMLVideoElement> {
  const video = document.createElement('video');
  video.id = id;
  video.preload = 'auto';
  video.muted = true;
  video.src = src;
  document.body.append(video);
  if (video.readyState < 1) await oneEvent(video, 'loadedmetadata');
  return video;
}

/** Fails the test on any Lit dev-mode warning (console.warn from lit) during `fn`. */
export async function withoutLitWarnings<T>(fn: () => Promise<T>): Promise<T> {
  const original = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (/lit/i.test(text) && !text.startsWith('<annotated-transcript>') && !/Lit is in dev mode/.test(text)) warnings.push(text);
    original.apply(console, args);
  };
  try {
    const result = await fn();
    if (warnings.length) throw new Error(`Lit warnings: ${warnings.join('\n')}`);
    return result;
  } finally {
    console.warn = original;
  }
}
