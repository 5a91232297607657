/**
 * The data model shared by every layer. Pure types: no DOM, no lit.
 *
 * Times are seconds (floating point). Ids are strings.
 */

/** One timed word (or timed fragment) inside a cue. */
export interface Word {
  start: number;
  end: number;
  /** The word's text, without surrounding whitespace. */
  text: string;
}

/**
 * A safe cue-text node: the WebVTT cue-text elements the viewer may render as elements,
 * plus plain text. Nothing else from the data survives as markup.
 * `className` is already sanitised (only `[A-Za-z0-9_-]` classes, space separated);
 * `lang` is a BCP 47-looking tag or absent.
 */
export type CueNode =
  | { type: 'text'; text: string }
  | {
      type: 'b' | 'i' | 'u' | 'c' | 'v' | 'lang' | 'ruby' | 'rt';
      className?: string;
      lang?: string;
      /** For `v`: the voice (speaker) name. */
      voice?: string;
      children: CueNode[];
    };

/** One transcript line. */
export interface Cue {
  /** The file's cue identifier (VTT), else the SRT sequence number, else the 1-based position. */
  id: string;
  start: number;
  end: number;
  /** Plain text, tags removed, entities decoded, line breaks kept as "\n". */
  text: string;
  speaker?: string;
  /** Content language of this line when it differs from the transcript's. */
  lang?: string;
  /** Timed words; when present the viewer renders these. */
  words?: Word[];
  /** Safe cue-text tree, only when the cue had markup worth rendering (b, i, u, ruby, lang, c). */
  nodes?: CueNode[];
}

/** The project's own transcript JSON (version 1), also what the `transcript` property takes. */
export interface Transcript {
  version: 1;
  /** Content language of the whole transcript (BCP 47). */
  lang?: string;
  /** Human label of the track ("English", "Українська (переклад)"). */
  label?: string;
  cues: Cue[];
}

export type TranscriptFormat = 'vtt' | 'srt' | 'podcast-json' | 'hyperaudio-html' | 'json';

export type ProblemKind = 'fetch' | 'format' | 'parse' | 'annotation' | 'anchor' | 'media';

/**
 * Machine-readable reason of a problem. The component layer turns each code into a
 * localised sentence (see `src/controllers/problem-messages.ts`), so every code listed
 * here must have a message there.
 */
export type ProblemCode =
  // fetch
  | 'http-status' // detail: the status code and text
  | 'network' // detail: the browser's error message
  | 'content-type' // detail: the content type received
  // format
  | 'unknown-format' // the content is not a transcript format we read
  | 'bad-signature' // a WebVTT file that does not start with "WEBVTT"
  | 'bad-json' // JSON.parse failed; detail: the parser's message
  | 'unsupported-version' // detail: the version found
  | 'no-cues' // the file parsed, but holds no cue at all
  | 'unreadable' // reading the file failed unexpectedly; detail: the error message
  // parse (a cue or a field was skipped or repaired)
  | 'bad-timestamp' // detail: the timestamp text
  | 'bad-range' // end before start; detail: "start --> end"
  | 'missing-timing' // a block without a timing line (SRT/VTT)
  | 'bad-cue' // a cue that could not be read for another reason; detail: its text
  | 'bad-field' // a JSON field of the wrong type or out of range; path set
  | 'duplicate-id' // id: the duplicated id; the later cue got a new id (detail)
  // annotation
  | 'missing-cue' // an annotation names a cue id that the transcript lacks; id: annotation id, detail: cue id
  | 'missing-claim' // an annotation names a claim id that does not exist; detail: claim id
  | 'invalid-annotation' // a field of the annotation file is invalid; path set
  // anchor
  | 'claim-not-found' // candidate/score: the closest text found
  | 'article-missing' // article="ID" names no element; detail: the id
  // media
  | 'media-error' // the media element fired error; detail: MediaError message
  | 'media-timeout' // an iframe player did not load in time (offline: it fires no error); detail: the time allowed
  | 'media-missing'; // for="ID" names no element (yet); detail: the id

/** A problem found in input. Errors are values in the model; the component reports them. */
export interface Problem {
  kind: ProblemKind;
  code: ProblemCode;
  /** 1-based line in the source file. */
  line?: number;
  /** JSON path ("$.cues[3].start") for data problems. */
  path?: string;
  /** Id of the offending cue / claim / annotation. */
  id?: string;
  /** Short raw detail (the bad timestamp, the status code…), never HTML. Truncated to 200 chars. */
  detail?: string;
  /** For anchoring problems: the closest text found and its score (0..1). */
  candidate?: string;
  score?: number;
}

/** What every parser returns: the cues that parsed, and every problem found. Never throws. */
export interface ParseResult {
  transcript: Transcript;
  problems: Problem[];
  format?: TranscriptFormat;
}
