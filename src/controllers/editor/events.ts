import type { AnnotationSet } from '../../model/annotations/index.js';

export interface AnnotationsChangeDetail {
  /** The annotation set after the edit (format v1). */
  value: AnnotationSet;
}

/** `annotations-change`: fired by `<at-annotation-editor>` after every edit; bubbling and composed. */
export class AnnotationsChangeEvent extends CustomEvent<AnnotationsChangeDetail> {
  static readonly type = 'annotations-change';
  constructor(detail: AnnotationsChangeDetail) {
    super(AnnotationsChangeEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'annotations-change': AnnotationsChangeEvent;
  }
}
