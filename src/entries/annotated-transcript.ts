/**
 * `annotated-transcript/annotated-transcript`: the viewer alone, `<annotated-transcript>` (with the
 * `<at-evidence-map>` it shows above its lines), without the data tools of the root entry.
 */
export * from '../viewer.js';
