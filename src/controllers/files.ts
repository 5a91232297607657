import type { Cue } from '../model/types.js';
import { toPlainText, toSRT, toWebVTT } from '../model/export.js';

export type DownloadFormat = 'txt' | 'vtt' | 'srt';

const TYPES: Record<DownloadFormat, string> = { txt: 'text/plain', vtt: 'text/vtt', srt: 'application/x-subrip' };

/** The text of a download: the model's exporters. */
function exportCues(cues: readonly Cue[], format: DownloadFormat, lang: string): string {
  return format === 'vtt' ? toWebVTT(cues, { lang }) : format === 'srt' ? toSRT(cues) : toPlainText(cues);
}

/** Saves cues as a file (`transcript.<lang>.<format>`) through a temporary object URL. */
export function downloadCues(cues: readonly Cue[], format: DownloadFormat, lang: string): void {
  const blob = new Blob([exportCues(cues, format, lang)], { type: `${TYPES[format]};charset=utf-8` });
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
