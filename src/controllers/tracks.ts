import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Cue, Problem, Transcript } from '../model/types.js';
import { alignTracks } from '../model/align.js';
import { parseTranscript } from '../model/parse/index.js';
import { TextLoaderController } from './loader.js';

/** A translation (or other) track of the same recording. */
export interface TrackInfo {
  /** URL of the track's file (any transcript format). */
  src?: string;
  /** Or its data. */
  transcript?: Transcript;
  /** Content language (BCP 47). */
  lang: string;
  /** Name shown in the track menu ("Українська"). */
  label: string;
}

/** How a translation is shown: the original alone, the translation alone, or both side by side. */
export type TrackView = 'original' | 'translation' | 'both';

export interface RowTranslation {
  text: string;
  lang: string;
}

const STORAGE_KEY = 'annotated-transcript:track-view';

interface Stored {
  lang: string | null;
  view: TrackView;
}

function readStored(): Stored {
  try {
    const v = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<Stored> | null;
    const view = v?.view === 'translation' || v?.view === 'both' ? v.view : 'original';
    return { lang: typeof v?.lang === 'string' ? v.lang : null, view };
  } catch {
    return { lang: null, view: 'original' };
  }
}

/**
 * Translation tracks: which ones exist (child `<track>` elements or the `tracks` property), the
 * reader's choice (persisted in localStorage), loading the chosen one, and its text aligned to
 * the original's lines (by cue id, else by time overlap — see `alignTracks`). The original's
 * lines stay the rows, so sync, seek and annotations are the same in every view.
 */
export class TracksController implements ReactiveController {
  tracks: TrackInfo[] = [];
  view: TrackView;
  lang: string | null;
  /** Row (original cue index) → its translation, for the chosen track. */
  rows = new Map<number, RowTranslation>();
  translationCues: readonly Cue[] = [];
  problems: Problem[] = [];
  private original: readonly Cue[] = [];
  private readonly loader: TextLoaderController<Transcript | null>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onProblems: (problems: Problem[]) => void,
  ) {
    host.addController(this);
    const stored = readStored();
    this.view = stored.view;
    this.lang = stored.lang;
    this.loader = new TextLoaderController<Transcript | null>(
      host,
      async ({ text, url, contentType }) => {
        const result = await parseTranscript(text, { url, contentType });
        this.problems = result.problems;
        return result.transcript;
      },
      (transcript, problems) => {
        this.translationCues = transcript?.cues ?? [];
        this.align();
        this.onProblems([...problems, ...this.problems]);
      },
    );
  }

  hostConnected(): void {}

  /** The chosen track, when a translation is shown. */
  get current(): TrackInfo | null {
    if (this.view === 'original') return null;
    return this.tracks.find((t) => t.lang === this.lang) ?? null;
  }

  setTracks(tracks: TrackInfo[]): void {
    this.tracks = tracks;
    this.load();
  }

  setOriginal(cues: readonly Cue[]): void {
    this.original = cues;
    this.align();
  }

  choose(lang: string | null, view: TrackView): void {
    const sameTrack = lang === this.lang && this.view !== 'original' && lang !== null && view !== 'original';
    this.lang = lang;
    this.view = lang ? view : 'original';
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ lang: this.lang, view: this.view }));
    } catch {
      // storage may be unavailable (private mode, sandbox): the choice lasts for this page
    }
    if (sameTrack) this.host.requestUpdate(); // only the view changed: no reload
    else this.load();
  }

  private load(): void {
    const track = this.current;
    this.rows = new Map();
    this.translationCues = [];
    if (!track) {
      this.loader.cancel();
      this.host.requestUpdate();
      return;
    }
    if (track.transcript) {
      this.loader.cancel();
      this.translationCues = track.transcript.cues;
      this.align();
    } else if (track.src) {
      void this.loader.load(track.src);
    }
  }

  private align(): void {
    const track = this.current;
    this.rows = new Map();
    if (track && this.translationCues.length && this.original.length) {
      for (const row of alignTracks(this.original, this.translationCues)) {
        if (row.original === null || !row.translation.length) continue;
        const text = row.translation.map((i) => this.translationCues[i]!.text).join(' ');
        this.rows.set(row.original, { text, lang: this.translationCues[row.translation[0]!]!.lang ?? track.lang });
      }
    }
    this.host.requestUpdate();
  }
}

/** Reads `<track src srclang label>` children of the element (kind subtitles/captions/metadata or none). */
export function tracksFromChildren(host: Element): TrackInfo[] {
  return [...host.querySelectorAll(':scope > track')].flatMap((t) => {
    const src = t.getAttribute('src');
    const lang = t.getAttribute('srclang') ?? '';
    if (!src || !lang) return [];
    return [{ src: new URL(src, document.baseURI).href, lang, label: t.getAttribute('label') || lang }];
  });
}
