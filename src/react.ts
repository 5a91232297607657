/**
 * `annotated-transcript/react`: React components for the elements, made with @lit/react.
 * Properties are set as properties (`transcript`, `annotations`, `media`, `tracks`…), the
 * media's id is the `htmlFor` prop (as on a React `<label>`), and each event has a typed
 * callback prop:
 *
 * ```tsx
 * import { AnnotatedTranscript } from 'annotated-transcript/react';
 * <video id="talk" src="talk.mp4" controls />
 * <AnnotatedTranscript htmlFor="talk" src="talk.vtt" onTranscriptSeek={(e) => console.log(e.detail.time)} />
 * ```
 *
 * `react` is a peer dependency (16.8 or later; 19 tested).
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { AnnotatedTranscript as AnnotatedTranscriptElement } from './components/annotated-transcript.js';
import { EvidenceMap as EvidenceMapElement } from './components/evidence-map.js';
import type {
  AnnotationToggleEvent,
  ClaimActivateEvent,
  EvidenceSelectEvent,
  TranscriptCueChangeEvent,
  TranscriptErrorEvent,
  TranscriptSeekEvent,
} from './events.js';

export type {
  TranscriptSeekEvent, TranscriptCueChangeEvent, AnnotationToggleEvent, ClaimActivateEvent, TranscriptErrorEvent, EvidenceSelectEvent,
} from './events.js';
export type {
  TranscriptSeekDetail, TranscriptCueChangeDetail, AnnotationToggleDetail, ClaimActivateDetail, TranscriptErrorDetail, EvidenceSelectDetail,
} from './events.js';

/** `<annotated-transcript>` as a React component. */
export const AnnotatedTranscript = createComponent({
  react: React,
  tagName: 'annotated-transcript',
  elementClass: AnnotatedTranscriptElement,
  displayName: 'AnnotatedTranscript',
  events: {
    onTranscriptSeek: 'transcript-seek' as EventName<TranscriptSeekEvent>,
    onTranscriptCueChange: 'transcript-cue-change' as EventName<TranscriptCueChangeEvent>,
    onAnnotationToggle: 'annotation-toggle' as EventName<AnnotationToggleEvent>,
    onClaimActivate: 'claim-activate' as EventName<ClaimActivateEvent>,
    onTranscriptError: 'transcript-error' as EventName<TranscriptErrorEvent>,
  },
});

/** `<at-evidence-map>` as a React component. */
export const EvidenceMap = createComponent({
  react: React,
  tagName: 'at-evidence-map',
  elementClass: EvidenceMapElement,
  displayName: 'EvidenceMap',
  events: {
    onEvidenceSelect: 'evidence-select' as EventName<EvidenceSelectEvent>,
  },
});

/** The props of `AnnotatedTranscript`. */
export type AnnotatedTranscriptProps = React.ComponentProps<typeof AnnotatedTranscript>;
/** The props of `EvidenceMap`. */
export type EvidenceMapProps = React.ComponentProps<typeof EvidenceMap>;
