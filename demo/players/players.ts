/// <reference types="vite/client" />
/**
 * The player pages: one per kind of media. Each page says which one in `<body data-player>`;
 * the media element module is loaded only on its page (the viewer itself never imports one).
 */
import '../../src/index.js';

const page = document.body.dataset.player ?? 'video';
const params = new URLSearchParams(location.search);

/** The HLS page's playlist, with the URLs the build gave its files (any static server, any sub-path). */
function hlsPlaylist(text: string): string {
  const files = import.meta.glob('./hls/*.{m4s,mp4}', { eager: true, query: '?url', import: 'default' }) as Record<string, string>;
  const url = (name: string) => new URL(files[`./hls/${name}`] ?? name, location.href).href;
  const lines = text.split('\n').map((line) => (line && !line.startsWith('#') ? url(line.trim()) : line));
  return lines.join('\n').replace(/URI="([^"]+)"/, (_, name: string) => `URI="${url(name)}"`);
}

async function setUp(): Promise<void> {
  if (page === 'youtube') {
    await import('youtube-video-element');
    const id = params.get('v');
    if (id && /^[\w-]{11}$/.test(id)) document.querySelector('youtube-video')?.setAttribute('src', `https://www.youtube.com/watch?v=${id}`);
  } else if (page === 'vimeo') {
    await import('vimeo-video-element');
    const id = params.get('v');
    if (id && /^\d{1,12}$/.test(id)) document.querySelector('vimeo-video')?.setAttribute('src', `https://vimeo.com/${id}`);
  } else if (page === 'hls') {
    const [{ default: playlist }] = await Promise.all([import('./hls/statement.m3u8?raw'), import('hls-video-element')]);
    const blob = new Blob([hlsPlaylist(playlist)], { type: 'application/vnd.apple.mpegurl' });
    document.querySelector('hls-video')?.setAttribute('src', URL.createObjectURL(blob));
  } else if (page === 'media-chrome') {
    await import('media-chrome');
  }
  // A transcript of your own for the YouTube and Vimeo pages: ?transcript=URL (it must allow CORS).
  const transcript = params.get('transcript');
  if (transcript && URL.canParse(transcript, location.href) && /^https?:$/.test(new URL(transcript, location.href).protocol)) {
    document.querySelector('annotated-transcript')?.setAttribute('src', transcript);
  }
}

setUp().catch((error: unknown) => {
  const note = document.querySelector('#player-note');
  if (note) note.textContent = `The player module could not be loaded: ${String(error)}. The transcript is still readable.`;
});
