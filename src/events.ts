/**
 * Every event the library fires: one class per event, bubbling and composed, fired by
 * `<annotated-transcript>` after the fact. Details hold primitives and ids only.
 */
import type { ProblemKind } from './model/types.js';

export interface TranscriptSeekDetail {
  /** The time (seconds) the viewer set on the media. */
  time: number;
  /** The cue sought to, or null (a seek to a time outside every cue). */
  cueId: string | null;
}

export interface TranscriptCueChangeDetail {
  /** The active cue, or null in a gap. */
  cueId: string | null;
}

export interface AnnotationToggleDetail {
  annotationId: string;
  open: boolean;
}

export interface ClaimActivateDetail {
  claimId: string;
}

export interface TranscriptErrorDetail {
  kind: ProblemKind;
  /** The localised text shown to the reader. */
  message: string;
  /** 1-based line of the source file. */
  line?: number;
  /** JSON path of the offending field. */
  path?: string;
  /** Id of the offending cue, claim or annotation. */
  id?: string;
  /** For a claim that could not be anchored: the closest text and its score (0..1). */
  candidate?: string;
  score?: number;
}

export interface EvidenceSelectDetail {
  annotationId: string;
  /** Start of the passage, seconds. */
  time: number;
}

/**
 * The base of every notice event: a `CustomEvent` with a static `eventName`, bubbling and
 * composed, so it crosses shadow roots to the page.
 */
function noticeEvent<Detail>(eventName: string) {
  return class extends CustomEvent<Detail> {
    static readonly eventName = eventName;
    constructor(detail: Detail) {
      super(eventName, { detail, bubbles: true, composed: true });
    }
  };
}

/** Fired after the viewer set the media's `currentTime`. */
export class TranscriptSeekEvent extends noticeEvent<TranscriptSeekDetail>('transcript-seek') {}

/** Fired when the active cue changed (null in a gap). */
export class TranscriptCueChangeEvent extends noticeEvent<TranscriptCueChangeDetail>('transcript-cue-change') {}

/** Fired when an annotation was opened or closed. */
export class AnnotationToggleEvent extends noticeEvent<AnnotationToggleDetail>('annotation-toggle') {}

/** Fired when a claim was activated, in the article or from the transcript. */
export class ClaimActivateEvent extends noticeEvent<ClaimActivateDetail>('claim-activate') {}

/** Fired once per problem found in input, fetches or media. */
export class TranscriptErrorEvent extends noticeEvent<TranscriptErrorDetail>('transcript-error') {}

/** Fired by `<at-evidence-map>` when a mark was activated. */
export class EvidenceSelectEvent extends noticeEvent<EvidenceSelectDetail>('evidence-select') {}

declare global {
  interface HTMLElementEventMap {
    'transcript-seek': TranscriptSeekEvent;
    'transcript-cue-change': TranscriptCueChangeEvent;
    'annotation-toggle': AnnotationToggleEvent;
    'claim-activate': ClaimActivateEvent;
    'transcript-error': TranscriptErrorEvent;
    'evidence-select': EvidenceSelectEvent;
  }
}
