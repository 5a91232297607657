/**
 * The transcript readers, one chunk loaded on demand with the first transcript (see
 * `readers.ts`): format detection, WebVTT, SRT and transcript JSON (the other formats load from
 * there when a file needs them), the checks of transcript data, and the cue index.
 */
export { parseTranscript } from '../model/parse/index.js';
export { normaliseTranscriptData } from '../model/parse/transcript-json.js';
export { CueIndex } from '../model/cue-index.js';
export { shiftCues } from '../model/offset-shift.js';
export { readLightTranscript } from './light-read.js';
