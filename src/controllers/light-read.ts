/**
 * Reading a transcript written in the element's light DOM (see `light-source.ts`); loaded with
 * the readers (`read.ts`), only on a page that writes one.
 */
/** A transcript found in the host's light DOM: its text, and a content type when the container says. */
export interface LightTranscript {
  text: string;
  contentType: string;
}

/** Script types whose text is a transcript (raw text: WebVTT cue tags such as `<v Ada>` survive). */
const SCRIPT_TYPES = new Set(['text/vtt', 'application/x-subrip', 'text/srt', 'application/json', 'application/ld+json']);
/** Children that are never the transcript (tracks are translations; see `tracks`). */
const NOT_TRANSCRIPT = new Set(['track', 'script', 'style', 'template', 'pre', 'link', 'meta']);

/**
 * The transcript given as the element's light-DOM content, for progressive enhancement: before
 * the script runs the page shows it as it is (and search engines read it); once the element is
 * defined, its shadow root hides it and it is read as the source (see README.md, "Words in the
 * page"). The first that fits, in this order:
 * - `<template>`: its content (HTML with `data-m` words, or the text of WebVTT/SRT/JSON);
 * - `<pre>`: its text (WebVTT, SRT or transcript JSON; write `<` as `&lt;`);
 * - `<script type="text/vtt | application/x-subrip | application/json">`: its raw text;
 * - Hyperaudio-style HTML: children holding `[data-m]` words (tracks, scripts and styles left out).
 * Only read, never rendered: the text goes to the same readers as a fetched file.
 */
export function readLightTranscript(host: Element): LightTranscript | null {
  for (const child of host.children) {
    const tag = child.localName;
    if (tag === 'template') {
      const content = (child as HTMLTemplateElement).content;
      return content.querySelector('[data-m]')
        ? { text: (child as HTMLTemplateElement).innerHTML, contentType: 'text/html' }
        : { text: content.textContent ?? '', contentType: '' };
    }
    if (tag === 'pre') return { text: child.textContent ?? '', contentType: '' };
    const type = tag === 'script' ? (child.getAttribute('type') ?? '').trim().toLowerCase() : '';
    if (SCRIPT_TYPES.has(type)) return { text: child.textContent ?? '', contentType: type === 'application/ld+json' ? 'application/json' : type };
  }
  if (!host.querySelector('[data-m]')) return null;
  const parts = [...host.children].filter((c) => !NOT_TRANSCRIPT.has(c.localName)).map((c) => c.outerHTML);
  return { text: parts.join('\n'), contentType: 'text/html' };
}
