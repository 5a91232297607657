/**
 * A list of listeners for one kind of change. Controllers publish through these and subscribe
 * to each other in their constructors; every controller of a viewer lives as long as the viewer,
 * so subscriptions need no removal.
 */
export class Emitter<T> implements Subscribable<T> {
  private readonly listeners = new Set<(value: T) => void>();

  /** Adds a listener; returns the function that removes it. */
  add(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }
}

/** The listening side of an emitter. */
export interface Subscribable<T> {
  add(listener: (value: T) => void): () => void;
}
