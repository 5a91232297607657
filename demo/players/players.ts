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


/** The pages, for the navigation at the top of each. */
const PAGES: [string, string][] = [
  ['../index.html', 'The demo'], ['./index.html', 'Players'], ['./video.html', 'Native <video>'],
  ['./audio.html', 'Podcast <audio>, with a time offset'], ['./youtube.html', 'YouTube'], ['./vimeo.html', 'Vimeo'],
  ['./hls.html', 'HLS stream'], ['./media-chrome.html', 'media-chrome'],
];
/** The module each page imports besides the viewer (the media elements are optional peer dependencies). */
const MODULES: Record<string, string> = { youtube: 'youtube-video-element', vimeo: 'vimeo-video-element', hls: 'hls-video-element', 'media-chrome': 'media-chrome' };
/** The services whose players need the network. */
const SERVICES: Record<string, [string, string]> = { youtube: ['YouTube', 'youtube.com'], vimeo: ['Vimeo', 'vimeo.com'] };

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
}

/** The page's own markup (read before any element upgrades), shown as the example to copy. */
function showMarkup(): void {
  const viewer = document.querySelector('annotated-transcript');
  const media = viewer && document.getElementById(viewer.getAttribute('for') ?? '');
  if (!viewer || !media) return;
  const module = MODULES[page];
  const imports = `<script type="module">\n${module ? `  import '${module}';\n` : ''}  import 'annotated-transcript';\n</script>\n`;
  const code = imports + `${media.outerHTML}\n${viewer.outerHTML}`.replace(/\n {8}/g, '\n');
  document.querySelector('main')?.append(element('h2', { textContent: 'The markup' }), element('pre', {}, element('code', { textContent: code })));
}

function showNav(): void {
  const list = element('ul');
  for (const [href, label] of PAGES) {
    const a = element('a', { href, textContent: label });
    if (new URL(href, location.href).pathname === location.pathname) a.setAttribute('aria-current', 'page');
    list.append(element('li', {}, a));
  }
  document.querySelector('#player-nav')?.append(list);
}

function showServiceNote(): void {
  const service = SERVICES[page];
  const note = document.querySelector('#player-note');
  if (!service || !note) return;
  const [name, host] = service;
  note.replaceChildren(
    element('strong', { textContent: 'Needs the network. ' }),
    `The ${name} player is loaded from ${host}. Offline (or blocked), the transcript below stays readable and, after 15 seconds, ` +
      `the viewer says that the player did not load. No public copy of this fictional recording exists on ${name}: the player ` +
      'shows a stand-in video (Big Buck Bunny, Blender Foundation, CC BY), so its sound does not match the transcript. To try your own, add ',
    element('code', { textContent: '?v=VIDEO_ID&transcript=URL' }),
    ' to the address (the transcript URL must allow CORS).',
  );
}

showMarkup();
showNav();
showServiceNote();
setUp().catch((error: unknown) => {
  const note = document.querySelector('#player-note');
  if (note) note.textContent = `The player module could not be loaded: ${String(error)}. The transcript is still readable.`;
});
