import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Problem } from '../model/types.js';

type LoadState = 'idle' | 'loading' | 'done';

export interface FetchedText {
  text: string;
  url: string;
  contentType: string;
}

/** Decodes bytes as UTF-16 (LE/BE, by BOM) or UTF-8; a UTF-8 BOM is kept for the parsers to strip. */
function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

function errorText(error: unknown): string {
  try {
    return String((error as Error)?.message ?? error).slice(0, 200);
  } catch {
    return '';
  }
}

// Content types that cannot be a transcript (the server sent the wrong file). Generic types
// (application/octet-stream, which many servers send for .srt) are left to detection by content.
const WRONG_TYPE = /^(image|video|audio|font)\/|^application\/(pdf|zip|wasm)/i;

/**
 * Loads text files with one AbortController per load: starting a new load aborts the previous one,
 * so a quick change of `src` never shows stale data. Results arrive through `onResult` only for
 * the latest load; errors are values (a `fetch` Problem), never thrown.
 */
export class TextLoaderController<R> implements ReactiveController {
  state: LoadState = 'idle';
  private abort: AbortController | null = null;
  private seq = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly process: (fetched: FetchedText) => Promise<R> | R,
    private readonly onResult: (result: R | null, problems: Problem[]) => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  cancel(): void {
    this.abort?.abort();
    this.abort = null;
    this.seq++;
    if (this.state === 'loading') this.state = 'idle';
  }

  async load(url: string): Promise<void> {
    this.cancel();
    const seq = this.seq;
    const abort = new AbortController();
    this.abort = abort;
    this.state = 'loading';
    this.host.requestUpdate();
    let result: R | null = null;
    const problems: Problem[] = [];
    try {
      const response = await fetch(url, { signal: abort.signal, credentials: 'same-origin' });
      const contentType = response.headers.get('content-type') ?? '';
      if (!response.ok) {
        problems.push({ kind: 'fetch', code: 'http-status', detail: `${response.status} ${response.statusText}`.trim() });
      } else if (WRONG_TYPE.test(contentType)) {
        problems.push({ kind: 'fetch', code: 'content-type', detail: contentType.slice(0, 100) });
      } else {
        const text = decodeText(new Uint8Array(await response.arrayBuffer()));
        if (seq !== this.seq) return;
        try {
          result = await this.process({ text, url: response.url || url, contentType });
        } catch (error) {
          // Reading the file failed (the model should never throw; this keeps it off the page and truthful).
          problems.push({ kind: 'format', code: 'unreadable', detail: errorText(error) });
        }
      }
    } catch (error) {
      if (abort.signal.aborted || seq !== this.seq) return;
      problems.push({ kind: 'fetch', code: 'network', detail: errorText(error) });
    }
    if (seq !== this.seq) return;
    this.state = 'done';
    this.abort = null;
    this.onResult(result, problems);
    this.host.requestUpdate();
  }
}
