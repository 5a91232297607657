import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { RowTranslation, TrackInfo, TrackView } from '../model/tracks.js';
import { downloadCues, type DownloadFormat } from './files.js';
import { track, type LazyModule } from './lazy.js';
import type { ProblemSink } from './problems.js';
import type { TracksController } from './tracks.js';
import type { TranscriptController } from './transcript.js';

/** What the tracks module (loaded on demand) brings: the controller, and whatever the component layer draws with it. */
export interface TracksModule {
  TracksController: typeof TracksController;
}

const NO_ROWS: ReadonlyMap<number, RowTranslation> = new Map();

/** Whether a `tracks` value may hold a track: anything but nothing or an empty array (a value that throws when looked at may too). */
function mayHoldTracks(value: unknown): boolean {
  try {
    return value != null && !(Array.isArray(value) && value.length === 0);
  } catch {
    return true;
  }
}

/**
 * The seam to translation tracks: the tracks module (reading tracks, the reader's choice,
 * loading and aligning a translation, the track menu) loads when the page gives a track — a
 * `tracks` value or a `<track>` child — and every call goes to it from then on. Until then
 * there are no tracks, and a download is of the original.
 */
export class TracksLoader<K extends TracksModule = TracksModule> implements ReactiveController {
  private tracksController: TracksController | null = null;
  private given: unknown = [];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly deps: { transcript: TranscriptController; problems: ProblemSink; kit: LazyModule<K> },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.start();
  }

  /** The tracks module, once loaded. */
  get kit(): K | null {
    return this.tracksController ? this.deps.kit.module : null;
  }

  get tracks(): readonly TrackInfo[] {
    return this.tracksController?.tracks ?? [];
  }

  get current(): TrackInfo | null {
    return this.tracksController?.current ?? null;
  }

  get view(): TrackView {
    return this.tracksController?.view ?? 'original';
  }

  get lang(): string | null {
    return this.tracksController?.lang ?? null;
  }

  get rows(): ReadonlyMap<number, RowTranslation> {
    return this.tracksController?.rows ?? NO_ROWS;
  }

  /** The `tracks` property changed (any value a page may set). */
  setGiven(tracks: unknown): void {
    this.given = tracks;
    if (this.tracksController) this.tracksController.setGiven(tracks);
    else this.start();
  }

  choose(lang: string | null, view: TrackView): void {
    this.tracksController?.choose(lang, view);
  }

  /** Downloads the language shown (the original while there are no tracks), in the file's own times unless `mediaTimes`. */
  download(format: DownloadFormat, mediaTimes = false): void {
    if (this.tracksController) return this.tracksController.download(format, mediaTimes);
    const { transcript } = this.deps;
    downloadCues(this.host, mediaTimes ? transcript.cues : transcript.fileCues, format, this.deps.transcript.lang ?? 'und');
  }

  private start(): void {
    // (Server rendering: no children to read, nothing to load.)
    if (isServer || this.tracksController || (!mayHoldTracks(this.given) && !this.host.querySelector(':scope > track'))) return;
    void track(this.host, this.deps.kit.load().then((kit) => {
      if (!kit || this.tracksController) return;
      // Made connected (it reads the `<track>` children when it connects), as when it was made with the host.
      this.tracksController = new kit.TracksController(this.host, this.deps);
      this.tracksController.setGiven(this.given);
    }));
  }
}
