import type { CueIndex } from '../model/cue-index.js';
import type { ParseResult } from '../model/types.js';
import type { FetchedText } from './loader.js';
import type { LightTranscript } from './light-read.js';
import { LazyModule } from './lazy.js';

/**
 * The transcript readers (`read.ts`), one chunk loaded on demand, once per page: when the first
 * file is fetched (while it is fetched) or data first given. They also build the cue index of
 * what they read (display order, time lookup). Nothing here throws: readers that cannot be
 * loaded give an empty transcript and a problem.
 */
const readers = new LazyModule(() => import('./read.js'));

/** A transcript read, with its cue index (null when there is no transcript). */
export interface ReadTranscript extends ParseResult {
  index: CueIndex | null;
}

const unavailable = (): ReadTranscript => ({
  transcript: { version: 1, cues: [] },
  problems: [{ kind: 'format', code: 'unreadable', detail: 'the transcript reader could not be loaded' }],
  index: null,
});

/** Starts loading the readers (while the file itself is fetched). */
export function preloadReaders(): void {
  void readers.load();
}

/** Reads a fetched transcript file of any supported format. */
export async function readTranscriptFile({ text, url, contentType }: FetchedText): Promise<ReadTranscript> {
  const read = await readers.load();
  if (!read) return unavailable();
  const result = await read.parseTranscript(text, { url, contentType });
  return { ...result, index: result.transcript ? new read.CueIndex(result.transcript.cues) : null };
}

/** Reads transcript data given as a property (a Transcript object or a bare cue array). */
export async function readTranscriptData(data: unknown): Promise<ReadTranscript> {
  const read = await readers.load();
  if (!read) return unavailable();
  const result = read.normaliseTranscriptData(data);
  return { ...result, index: result.transcript ? new read.CueIndex(result.transcript.cues) : null };
}

/**
 * The transcript moved by `offset` seconds (see `model/offset.ts`), with its own index; the same
 * index when the offset is 0. An index exists only once the readers are loaded, so this is synchronous.
 */
export function shiftIndex(index: CueIndex, offset: number): CueIndex {
  const read = readers.module;
  return offset === 0 || !read ? index : new read.CueIndex(read.shiftCues(index.cues, offset));
}

/** Reads a transcript written in the host's light DOM (null when there is none, or the readers could not load). */
export async function readLightText(host: Element): Promise<LightTranscript | null> {
  return (await readers.load())?.readLightTranscript(host) ?? null;
}
