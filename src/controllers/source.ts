import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Problem } from '../model/types.js';
import { TextLoaderController, type FetchedText } from './loader.js';
import { track } from './lazy.js';

export interface SourceOptions<R> {
  /** Reads a fetched file. */
  fromText(fetched: FetchedText): Promise<R> | R;
  /** Reads data given as a property (never null); a promise when the reader loads on demand (the host's `updateComplete` waits for it). */
  fromData(data: unknown): Promise<R> | R;
  /** The result of the latest source (null: none set, or the file could not be fetched), with fetch problems. */
  onResult(result: R | null, fetchProblems: Problem[]): void;
  /** A new URL starts loading: what is shown belongs to the previous source. */
  onLoadStart?(): void;
}

/**
 * One input that comes either as a URL or as data, whichever was set last (also when set to the
 * same value again). The change is applied before the host's next render; a new source aborts
 * the load of the previous one, so a stale file never replaces a newer choice.
 */
export class SourceController<R> implements ReactiveController {
  url: string | null = null;
  data: unknown = null;
  /** Text given in the page (the host's light DOM), read like a fetched file. */
  text: { text: string; contentType: string } | null = null;
  private mode: 'url' | 'data' | 'text' | null = null;
  private dirty = false;
  /** Counts sources set: a reader that resolves after a newer source was set is dropped. */
  private seq = 0;
  private reading = false;
  private readonly loader: TextLoaderController<R>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SourceOptions<R>,
  ) {
    host.addController(this);
    this.loader = new TextLoaderController(host, options.fromText, options.onResult);
  }

  /** A file is being fetched and read, or data read (by a reader that loads on demand). */
  get loading(): boolean {
    return this.loader.state === 'loading' || this.reading;
  }

  setUrl(url: string | null): void {
    this.url = url;
    this.mode = 'url';
    this.changed();
  }

  setData(data: unknown): void {
    this.data = data;
    this.mode = 'data';
    this.changed();
  }

  /** Text of a file given otherwise than by URL (the host's light DOM): read as a fetched file is. */
  setText(text: string, contentType = ''): void {
    this.text = { text, contentType };
    this.mode = 'text';
    this.changed();
  }

  /** Whether any source was set (URL, data or text), even to null. */
  get given(): boolean {
    return this.mode !== null;
  }

  hostConnected(): void {
    if (this.dirty) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    // The loader aborts its fetch on disconnect: load again if the element comes back (a move).
    // (Data being read is not aborted: its result still applies.)
    if (this.loader.state === 'loading') this.dirty = true;
  }

  hostUpdate(): void {
    if (!this.dirty) return;
    this.dirty = false;
    if (this.mode === 'url') {
      if (this.url) {
        this.options.onLoadStart?.();
        void this.loader.load(this.url);
      } else {
        this.loader.cancel();
        this.options.onResult(null, []);
      }
    } else if (this.mode === 'data' || this.mode === 'text') {
      this.loader.cancel();
      const result = this.mode === 'text'
        ? this.options.fromText({ ...this.text!, url: '' })
        : this.data == null ? null : this.options.fromData(this.data);
      if (!(result instanceof Promise)) return this.options.onResult(result, []);
      const seq = this.seq;
      this.reading = true;
      void track(this.host, result.then((r) => {
        if (seq !== this.seq) return;
        this.reading = false;
        this.options.onResult(r, []);
      }));
    }
  }

  private changed(): void {
    this.seq++;
    this.reading = false;
    this.dirty = true;
    this.host.requestUpdate();
  }
}
