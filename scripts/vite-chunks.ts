/**
 * How the modules loaded on demand are grouped into chunks, for both builds (vite.config.ts,
 * vite.bundle.config.ts). Without groups, every set of modules shared by a different set of
 * lazy entries is a chunk of its own: the first transcript would come with half a dozen
 * requests, two round trips deep. `initial` is the chunk of everything the entry needs at once.
 */
const src = (...paths: string[]) => new RegExp(`[\\\\/]src[\\\\/](${paths.join('|')})\\.ts$`);

export function chunkGroups(initial: string) {
  return [
    // Everything the entry needs up front.
    { name: initial, tags: ['$initial' as const], priority: 10 },
    // Reading a transcript: files (detection, WebVTT, SRT, transcript JSON; the other formats
    // are chunks of their own) and data, the checks of untrusted input, the cue index. One
    // request on the way to the first lines, while the file itself is fetched.
    { name: 'read', test: src('controllers/read', 'model/parse/(index|detect|webvtt|srt|cue-text|entities|timestamp|line-file|speakers|rolling|transcript-json)', 'model/(untrusted|cue-index|binary-search)'), priority: 5 },
    // The media sync: clock, active line, auto-scroll, seeking.
    { name: 'sync', test: src('controllers/(sync|media-time|active-cue|auto-scroll|playback)'), priority: 5 },
    // Deep links: reading and writing `#t=` / `#claim=`.
    { name: 'deep-links', test: src('controllers/deep-links', 'model/deep-link'), priority: 5 },
  ];
}
