import './lit-warnings.js';
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


// --- loading, bad input, formats, conformance (added by those suites) ---

/** The URL of a file of the shared conformance corpus (served by the wtr middleware). */
export const corpusUrl = (path: string): string => `/__corpus/${path.replace(/^\/+/, '')}`;

/** Fetches JSON from the shared corpus; null when the corpus is absent (404). */
export async function corpusJson<T>(path: string): Promise<T | null> {
  const response = await fetch(corpusUrl(path));
  if (!response.ok) {
    console.warn(`[corpus] ${corpusUrl(path)} answered HTTP ${response.status}: ../shared/corpus is absent, corpus tests are skipped.`);
    return null;
  }
  return (await response.json()) as T;
}

/**
 * Replaces `window.fetch` for one test: requests whose URL matches `match` wait for `gate`
 * (a promise the test resolves) before going to the network. Returns the restore function
 * and the list of URLs that were held.
 */
export function holdFetch(match: (url: string) => boolean): {
  release(): void;
  restore(): void;
  held: { url: string; signal: AbortSignal | null; done: Promise<unknown> }[];
} {
  const original = window.fetch;
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const held: { url: string; signal: AbortSignal | null; done: Promise<unknown> }[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (match(url)) {
      // The abort signal is recorded, then ignored on purpose: a stale response must still be ignored.
      const response = gate.then(() => original.call(window, input, init ? { ...init, signal: undefined } : init));
      held.push({ url, signal: init?.signal ?? null, done: response.catch(() => undefined) });
      return response;
    }
    return original.call(window, input, init);
  };
  return { release, restore: () => (window.fetch = original), held };
}

/** Creates an <annotated-transcript> with `props`, listening for `transcript-error` before it connects. */
export async function mountTranscript<T extends HTMLElement>(
  props: Record<string, unknown>,
  container: HTMLElement,
): Promise<{ el: T; errors: CustomEvent[] }> {
  const el = document.createElement('annotated-transcript') as unknown as T;
  const errors: CustomEvent[] = [];
  el.addEventListener('transcript-error', (e) => errors.push(e as CustomEvent));
  for (const [k, v] of Object.entries(props)) {
    if (typeof v === 'string' && (k === 'src' || k === 'for' || k === 'style')) el.setAttribute(k, v);
    else (el as unknown as Record<string, unknown>)[k] = v;
  }
  container.append(el);
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return { el, errors };
}

/** Collects console.warn lines written by the library (`<annotated-transcript>: …`) until restored. */
export function captureLibraryWarnings(): { lines: string[]; restore(): void } {
  const original = console.warn;
  const lines: string[] = [];
  console.warn = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (text.startsWith('<annotated-transcript>')) lines.push(text);
    else original.apply(console, args);
  };
  return { lines, restore: () => (console.warn = original) };
}

/** Resolves on the next animation frame. */
export function nextFrame(): Promise<void> {
  return new Promise((r) => requestAnimationFrame(() => r()));
}

/** Waits `n` animation frames. */
export async function frames(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await nextFrame();
}

/** Waits `ms` milliseconds (only where nothing can be polled: proving that something did NOT happen). */
export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export interface GeneratedCue {
  id: string;
  start: number;
  end: number;
  text: string;
  speaker?: string;
}

/**
 * A long transcript: `count` cues laid end to end over `duration` seconds (so they fit the
 * fixture video), the speaker changing every `speakerEvery` lines.
 */
export function longTranscript(count = 200, duration = 15, speakerEvery = 4): GeneratedCue[] {
  const step = duration / count;
  return Array.from({ length: count }, (_, i) => ({
    id: `c${i + 1}`,
    start: Math.round(i * step * 1000) / 1000,
    end: Math.round((i + 1) * step * 1000) / 1000,
    text: `Generated line number ${i + 1} of the long transcript.`,
    speaker: Math.floor(i / speakerEvery) % 2 ? 'Ben' : 'Ada',
  }));
}

/** A time safely inside a cue (a little after its start, well before its end). */
export function inside(cue: { start: number; end: number }): number {
  return cue.start + Math.min(0.02, (cue.end - cue.start) / 3);
}

/** Sets the video's time and waits for the seek to finish (`seeked`). */
export async function seekVideo(video: HTMLVideoElement, time: number, timeout = 8000): Promise<void> {
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`seek to ${time} did not finish`)), timeout);
    video.addEventListener('seeked', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
  video.currentTime = time;
  await done;
}

/** Waits until `read()` has returned the same value for `stableFrames` consecutive frames; returns it. */
export async function waitForStable<T>(read: () => T, message: string, stableFrames = 6, timeout = 8000): Promise<T> {
  const start = performance.now();
  let last = read();
  let same = 0;
  while (same < stableFrames) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting to settle: ${message}`);
    await nextFrame();
    const now = read();
    if (Object.is(now, last)) same++;
    else {
      same = 0;
      last = now;
    }
  }
  return last;
}

/** Replaces window.fetch so that requests whose URL matches `pattern` never answer (until aborted). */
export function stallFetch(pattern: RegExp): { restore(): void } {
  const original = window.fetch;
  window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!pattern.test(url)) return original(input, init);
    return new Promise<Response>((_, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
    });
  }) as typeof fetch;
  return { restore: () => (window.fetch = original) };
}

/** A same-origin blob: URL serving `text` with `type`. Revoke it when done. */
export function blobUrl(text: string, type = 'text/vtt'): string {
  return URL.createObjectURL(new Blob([text], { type }));
}

/** Centre of an element's box in viewport coordinates, as integers for sendMouse. */
export function centreOf(el: Element): [number, number] {
  const r = el.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}

/** Runs `fn` and fails if Lit printed a dev-mode warning meanwhile (every test is also checked after it ends). */
export async function withoutLitWarnings<T>(fn: () => Promise<T>): Promise<T> {
  const before = globalThis.__litWarnings?.length ?? 0;
  const result = await fn();
  const fresh = (globalThis.__litWarnings ?? []).slice(before);
  if (fresh.length) throw new Error(`Lit warnings: ${fresh.join('\n')}`);
  return result;
}

/** Uncaught errors and rejections on the page during a test ("never an exception escaping"). */
export function watchUncaught(): { errors: string[]; stop(): void } {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(`unhandledrejection: ${String(e.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}
