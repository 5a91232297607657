/**
 * Undo and redo for the annotation editor: a bounded list of states before and after the
 * present one. Consecutive edits of one field (the same `key`) make one step until `seal()`.
 */
export const HISTORY_LIMIT = 500;

export class History<T> {
  private past: T[] = [];
  private future: T[] = [];
  private lastKey: string | null = null;

  constructor(
    private present: T,
    private readonly limit = HISTORY_LIMIT,
  ) {}

  get current(): T {
    return this.present;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** A new present state; with the same `key` as the step before (and no `seal()` since), it replaces that step's result. */
  record(next: T, key?: string): void {
    if (key !== undefined && key === this.lastKey) {
      this.present = next;
      this.future = [];
      return;
    }
    this.past.push(this.present);
    if (this.past.length > this.limit) this.past.shift();
    this.present = next;
    this.future = [];
    this.lastKey = key ?? null;
  }

  /** Changes the present state without a step of its own (what undo returns to is unchanged). */
  replace(next: T): void {
    this.present = next;
  }

  /** Ends the current step: the next edit is a step of its own, whatever its key. */
  seal(): void {
    this.lastKey = null;
  }

  undo(): T | null {
    const previous = this.past.pop();
    if (previous === undefined) return null;
    this.future.push(this.present);
    this.present = previous;
    this.lastKey = null;
    return previous;
  }

  redo(): T | null {
    const next = this.future.pop();
    if (next === undefined) return null;
    this.past.push(this.present);
    this.present = next;
    this.lastKey = null;
    return next;
  }

  /** Starts over from `state` (a file opened, a draft restored): nothing to undo. */
  reset(state: T): void {
    this.past = [];
    this.future = [];
    this.present = state;
    this.lastKey = null;
  }
}
