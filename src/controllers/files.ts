import type { ReactiveControllerHost } from 'lit';
import type { Cue } from '../model/types.js';
import { track } from './lazy.js';

export type DownloadFormat = 'txt' | 'vtt' | 'srt';

const TYPES: Record<DownloadFormat, string> = { txt: 'text/plain', vtt: 'text/vtt', srt: 'application/x-subrip' };

/** The text of a download: the model's exporters, loaded with the first download asked for. */
async function exportCues(cues: readonly Cue[], format: DownloadFormat, lang: string): Promise<string> {
  const { toPlainText, toSRT, toWebVTT } = await import('../model/export.js');
  return format === 'vtt' ? toWebVTT(cues, { lang }) : format === 'srt' ? toSRT(cues) : toPlainText(cues);
}

/** Saves cues as a file (`transcript.<lang>.<format>`) through a temporary object URL (the host's `updateComplete` waits for it). */
export function downloadCues(host: ReactiveControllerHost, cues: readonly Cue[], format: DownloadFormat, lang: string): void {
  void track(host, exportCues(cues, format, lang)).then((text) => save(text, format, lang), (error: unknown) => {
    console.warn('<annotated-transcript>: the download could not be made', error);
  });
}

function save(text: string, format: DownloadFormat, lang: string): void {
  const blob = new Blob([text], { type: `${TYPES[format]};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `transcript.${lang}.${format}`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Copies text; false when the clipboard is not available (insecure context, permission). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
