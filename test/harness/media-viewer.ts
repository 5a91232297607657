import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import type { Transcript } from '../../src/model/types.js';
import { TranscriptHarness } from './transcript-harness.js';

export interface ViewerOptions {
  /** A transcript file (default: the talk fixture), or data. */
  src?: string;
  transcript?: Transcript;
  offset?: number;
  /** Where to put it (default: the body). */
  parent?: Element;
  /** Called before it connects (listeners, properties). */
  before?(el: AnnotatedTranscript): void;
}

/** An <annotated-transcript> for the media with id `forId` (none: no `for`), shown with its lines rendered. */
export async function viewerFor(forId: string | null, options: ViewerOptions = {}): Promise<{ el: AnnotatedTranscript; h: TranscriptHarness }> {
  const el = document.createElement('annotated-transcript');
  if (forId) el.setAttribute('for', forId);
  if (options.offset !== undefined) el.setAttribute('offset', String(options.offset));
  options.before?.(el);
  if (options.transcript) el.transcript = options.transcript;
  else el.setAttribute('src', options.src ?? '/test/fixtures/media/talk.vtt');
  el.style.height = '200px';
  (options.parent ?? document.body).append(el);
  const h = new TranscriptHarness(el);
  const deadline = performance.now() + 8000;
  while (!(h.root && h.lines().length > 0)) {
    if (performance.now() > deadline) throw new Error('the viewer rendered no lines');
    await new Promise((r) => setTimeout(r, 20));
  }
  // The parts it loads on demand (the sync, a media-controller's follower) are there too.
  await el.updateComplete;
  return { el, h };
}
