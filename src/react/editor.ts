/**
 * `annotated-transcript/react/editor`: `<at-annotation-editor>` as a React component (made with
 * @lit/react), apart from `annotated-transcript/react` so that a reader's page never loads the
 * editor. The viewer's id is the `htmlFor` prop; `onAnnotationsChange` gets every edit.
 *
 * ```tsx
 * import { AnnotatedTranscript } from 'annotated-transcript/react';
 * import { AnnotationEditor } from 'annotated-transcript/react/editor';
 * <AnnotatedTranscript id="viewer" htmlFor="talk" src="talk.vtt" />
 * <AnnotationEditor htmlFor="viewer" onAnnotationsChange={(e) => save(e.detail.value)} />
 * ```
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { AnnotationEditor as AnnotationEditorElement, type AnnotationsChangeEvent } from '../editor.js';

export type { AnnotationsChangeEvent, AnnotationsChangeDetail } from '../editor.js';

/** `<at-annotation-editor>` as a React component. */
export const AnnotationEditor = createComponent({
  react: React,
  tagName: 'at-annotation-editor',
  elementClass: AnnotationEditorElement,
  displayName: 'AnnotationEditor',
  events: {
    onAnnotationsChange: 'annotations-change' as EventName<AnnotationsChangeEvent>,
  },
});

/** The props of `AnnotationEditor`. */
export type AnnotationEditorProps = React.ComponentProps<typeof AnnotationEditor>;
