import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Cue, Problem, Transcript } from '../model/types.js';
import { readTracks, type RowTranslation, type TrackInfo, type TrackView } from '../model/tracks.js';
import { sanitiseLang } from '../model/parse/cue-text.js';
import { alignTracks } from '../model/align.js';
import { shiftCues } from '../model/offset-shift.js';
import { normaliseTranscriptData, parseTranscript } from '../model/parse/index.js';
import { TextLoaderController } from './loader.js';
import { downloadCues, type DownloadFormat } from './files.js';
import type { ProblemSink } from './problems.js';
import type { TranscriptController } from './transcript.js';

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
 * lines stay the rows, so sync, seek and annotations are the same in every view. Loaded on
 * demand, when a page gives a track (see `TracksLoader`).
 */
export class TracksController implements ReactiveController {
  tracks: TrackInfo[] = [];
  view: TrackView;
  lang: string | null;
  /** Row (original cue index) → its translation, for the chosen track. */
  rows = new Map<number, RowTranslation>();
  private translationCues: readonly Cue[] = [];
  private parseProblems: Problem[] = [];
  private original: readonly Cue[] = [];
  /** The tracks given as a property; when none, the host's `<track>` children are used. */
  private given: TrackInfo[] = [];
  /** The track whose translation was read (to the end): a load a move cut short is done again on reconnection. */
  private loaded: TrackInfo | null = null;
  private readonly loader: TextLoaderController<Transcript | null>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly deps: { transcript: TranscriptController; problems: ProblemSink },
  ) {
    deps.transcript.changed.add(() => this.setOriginal(deps.transcript.cues));
    this.original = deps.transcript.cues;
    const stored = readStored();
    this.view = stored.view;
    this.lang = stored.lang;
    this.loader = new TextLoaderController<Transcript | null>(
      host,
      async ({ text, url, contentType }) => {
        const result = await parseTranscript(text, { url, contentType });
        this.parseProblems = result.problems;
        return result.transcript;
      },
      (transcript, problems) => {
        this.loaded = this.current;
        this.translationCues = transcript?.cues ?? [];
        this.align();
        this.deps.problems.set('tracks', [...problems, ...this.parseProblems]);
      },
    );
    // Last: made after the host connected, it is connected at once (and reads its `<track>` children).
    host.addController(this);
  }

  /**
   * (Re)connected: the `<track>` children are read again (they may have changed while it was
   * out); the same tracks as before are kept as they are, and only a translation whose load the
   * disconnection cut short is loaded again — a move fetches nothing twice.
   */
  hostConnected(): void {
    const tracks = this.given.length ? this.given : tracksFromChildren(this.host);
    if (!sameTracks(tracks, this.tracks)) this.setTracks(tracks);
    else if (this.current && this.loaded !== this.current) this.load();
  }

  /** The chosen track, when a translation is shown. */
  get current(): TrackInfo | null {
    if (this.view === 'original') return null;
    return this.tracks.find((t) => t.lang === this.lang) ?? null;
  }

  /** The `tracks` property changed (any value a page may set): use it, or the `<track>` children when it has none. */
  setGiven(tracks: unknown): void {
    this.given = readTracks(tracks);
    this.setTracks(this.given.length ? this.given : tracksFromChildren(this.host));
  }

  private setTracks(tracks: TrackInfo[]): void {
    this.tracks = tracks;
    this.load();
  }

  private setOriginal(cues: readonly Cue[]): void {
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

  /** The chosen track's offset against the media: its own, else the viewer's. */
  private get trackOffset(): number {
    return this.current?.offset ?? this.deps.transcript.offset;
  }

  /**
   * Downloads the language shown: the translation when only it is shown, else the original;
   * in the file's own times, or in media time (the offset applied) when `mediaTimes`.
   */
  download(format: DownloadFormat, mediaTimes = false): void {
    const translated = this.current && this.view === 'translation';
    const { transcript } = this.deps;
    const cues = translated
      ? (mediaTimes ? shiftCues(this.translationCues, this.trackOffset) : this.translationCues)
      : (mediaTimes ? transcript.cues : transcript.fileCues);
    downloadCues(this.host, cues, format, (translated ? this.current?.lang : this.deps.transcript.lang) ?? 'und');
  }

  private load(): void {
    const track = this.current;
    this.rows = new Map();
    this.translationCues = [];
    this.loaded = null;
    if (!track) {
      this.loader.cancel();
      this.host.requestUpdate();
      return;
    }
    if (track.transcript) {
      this.loader.cancel();
      const result = normaliseTranscriptData(track.transcript);
      this.loaded = track;
      this.translationCues = result.transcript?.cues ?? [];
      this.align();
      this.deps.problems.set('tracks', result.problems);
    } else if (track.src) {
      void this.loader.load(track.src);
    }
  }

  private align(): void {
    const track = this.current;
    this.rows = new Map();
    if (track && this.translationCues.length && this.original.length) {
      // Both in media time: the original is shifted by the viewer's offset, the translation by its own.
      for (const row of alignTracks(this.original, shiftCues(this.translationCues, this.trackOffset))) {
        if (row.original === null || !row.translation.length) continue;
        const text = row.translation.map((i) => this.translationCues[i]!.text).join(' ');
        this.rows.set(row.original, { text, lang: sanitiseLang(this.translationCues[row.translation[0]!]!.lang) ?? track.lang });
      }
    }
    this.host.requestUpdate();
  }
}

/** Whether two lists name the same tracks (the same files or data, languages and labels, in order). */
function sameTracks(a: readonly TrackInfo[], b: readonly TrackInfo[]): boolean {
  return a.length === b.length && a.every((t, i) => t.src === b[i]!.src && t.transcript === b[i]!.transcript && t.lang === b[i]!.lang && t.label === b[i]!.label && t.offset === b[i]!.offset);
}

/** Reads `<track src srclang label>` children of the element; a track whose URL or language cannot be read is left out. */
function tracksFromChildren(host: Element): TrackInfo[] {
  return readTracks(
    [...host.querySelectorAll(':scope > track')].map((t) => {
      const src = t.getAttribute('src');
      const url = src && URL.canParse(src, document.baseURI) ? new URL(src, document.baseURI).href : undefined;
      return { src: url, lang: t.getAttribute('srclang'), label: t.getAttribute('label'), offset: t.getAttribute('data-offset') };
    }),
  );
}
