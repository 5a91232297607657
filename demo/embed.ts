/**
 * The iframe embed (dist-demo/embed.html), for CMSs that allow nothing but an <iframe>:
 *
 *   embed.html?media=talk.mp4&src=talk.vtt&annotations=notes.json&lang=uk&t=90
 *
 * Every URL parameter is checked (demo/embed-params.ts): relative, same-origin or http/https
 * only; a refused parameter is not used and a visible message names it. The page tells its
 * parent what happens with `postMessage` (see README.md, "Embed in a CMS").
 */
import { setLocale, supportedLocales, type TranscriptCueChangeEvent, type TranscriptSeekEvent } from '../src/viewer.js';
import { readEmbedParams, type EmbedParams } from './embed-params.js';

/** Every message the embed posts has this `source`, an `event` name and a `detail`. */
const SOURCE = 'annotated-transcript-embed';

type Reason = EmbedParams['refused'][number]['reason'];
const TEXT: Record<string, { title: string; refused: Record<Reason, (p: string) => string>; noTranscript: string }> = {
  en: {
    title: 'Transcript',
    refused: {
      url: (p) => `The “${p}” address was refused: only relative, same-site or http(s) addresses are allowed.`,
      lang: (p) => `The “${p}” value is not a language tag, so it was ignored.`,
      t: (p) => `The “${p}” value is not a time (seconds, or m:ss), so it was ignored.`,
      repeated: (p) => `“${p}” was given more than once, so it was ignored.`,
    },
    noTranscript: 'No transcript to show: the embed needs a “src” address.',
  },
  uk: {
    title: 'Розшифровка',
    refused: {
      url: (p) => `Адресу «${p}» відхилено: дозволені лише відносні адреси, адреси цього сайту або http(s).`,
      lang: (p) => `Значення «${p}» не є позначенням мови, тому його проігноровано.`,
      t: (p) => `Значення «${p}» не є часом (секунди або хв:сс), тому його проігноровано.`,
      repeated: (p) => `«${p}» задано кілька разів, тому його проігноровано.`,
    },
    noTranscript: 'Немає розшифровки: вбудовуванню потрібна адреса «src».',
  },
  ru: {
    title: 'Расшифровка',
    refused: {
      url: (p) => `Адрес «${p}» отклонён: разрешены только относительные адреса, адреса этого сайта или http(s).`,
      lang: (p) => `Значение «${p}» не является обозначением языка, поэтому оно проигнорировано.`,
      t: (p) => `Значение «${p}» не является временем (секунды или мм:сс), поэтому оно проигнорировано.`,
      repeated: (p) => `«${p}» задано несколько раз, поэтому оно проигнорировано.`,
    },
    noTranscript: 'Нет расшифровки: встраиванию нужен адрес «src».',
  },
};

const params = readEmbedParams(location.search, location.href);
const primary = params.lang?.split('-')[0]?.toLowerCase() ?? '';
const locale = (supportedLocales as readonly string[]).includes(primary) ? primary : 'en';
const text = TEXT[locale] ?? TEXT.en!;
if (params.lang) document.documentElement.lang = params.lang;
document.title = text.title;
document.querySelector('#title')!.textContent = text.title;

const post = (event: string, detail: unknown) => {
  if (window.parent !== window) window.parent.postMessage({ source: SOURCE, event, detail }, '*');
};

const problems = document.querySelector<HTMLElement>('#problems')!;
const messages = params.refused.map((r) => text.refused[r.reason](r.param));
if (!params.src) messages.push(text.noTranscript);
for (const message of messages) {
  const p = document.createElement('p');
  p.textContent = message;
  problems.append(p);
}
problems.hidden = messages.length === 0;

const video = document.querySelector<HTMLVideoElement>('#media')!;
const viewer = document.querySelector('annotated-transcript')!;
if (params.media) video.src = params.media;
else video.remove();
document.body.classList.toggle('no-media', !params.media);

void (locale !== 'en' ? setLocale(locale) : Promise.resolve()).finally(() => {
  if (params.annotations) viewer.annotationsSrc = params.annotations;
  if (params.src) viewer.src = params.src;
  if (params.t !== null && params.media) viewer.seek(params.t);
});

// Only times and cue ids leave the frame (nothing the page did not give), so any parent may listen.
viewer.addEventListener('transcript-seek', (e: TranscriptSeekEvent) => post('transcript-seek', { time: e.detail.time, cueId: e.detail.cueId }));
viewer.addEventListener('transcript-cue-change', (e: TranscriptCueChangeEvent) => post('transcript-cue-change', { cueId: e.detail.cueId }));
post('embed-ready', { refused: params.refused.map((r) => r.param), media: !!params.media, src: !!params.src });
