import type { ReactiveControllerHost } from 'lit';

/**
 * A part of the library loaded on demand: a dynamic `import()` of a chunk that sits beside the
 * main module (the URL is relative to it, so the built folder works from any path). Loaded at
 * most once per page, on the first `load()`; `module` is there from then on. A chunk that cannot
 * be loaded (offline, a missing file) gives null and is not asked for again.
 */
export class LazyModule<T> {
  module: T | null = null;
  /** The chunk could not be loaded (it is not asked for again). */
  failed = false;
  private promise: Promise<T | null> | null = null;

  constructor(private readonly importer: () => Promise<T>) {}

  load(): Promise<T | null> {
    return (this.promise ??= this.importer().then(
      (module) => (this.module = module),
      (error: unknown) => {
        this.failed = true;
        console.warn('<annotated-transcript>: a part of the viewer could not be loaded', error);
        return null;
      },
    ));
  }
}

const pending = new WeakMap<ReactiveControllerHost, Set<Promise<unknown>>>();

/**
 * Work a host's `updateComplete` waits for (a lazy module and what is done with it): the host
 * updates again once it settles, and `settled(host)` says when nothing is left.
 */
export function track<T>(host: ReactiveControllerHost, work: Promise<T>): Promise<T> {
  let set = pending.get(host);
  if (!set) pending.set(host, (set = new Set()));
  set.add(work);
  const done = (): void => {
    set.delete(work);
    host.requestUpdate();
  };
  work.then(done, done);
  return work;
}

/** Waits for the host's tracked work; false when there was none. */
export async function settled(host: ReactiveControllerHost): Promise<boolean> {
  const set = pending.get(host);
  if (!set?.size) return false;
  await Promise.allSettled([...set]);
  return true;
}

/**
 * A host's `getUpdateComplete`, waiting also for its tracked work and the updates that follow
 * it: `await el.updateComplete` means "rendered, with every part its data needed loaded".
 */
export async function afterSettled(host: ReactiveControllerHost, updateComplete: () => Promise<boolean>): Promise<boolean> {
  let done = await updateComplete();
  while (await settled(host)) done = await updateComplete();
  return done;
}
