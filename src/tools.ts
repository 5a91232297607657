/**
 * The data tools of the npm entry: annotation files (parse, validate, link), W3C Web Annotation
 * and ClaimReview conversion, transcript export. Synchronous functions of the model.
 *
 * The npm build bundles this module on its own (`dist/tools.js`, see vite.config.ts), so that a
 * bundler drops it whole when a page uses none of them: the viewer's chunks loaded on demand
 * never share a file with it, and so never come up front with it.
 */
export { parseAnnotations, validateAnnotations, linkAnnotations } from './model/annotations/index.js';
export { toWebAnnotations, fromWebAnnotations } from './model/web-annotation.js';
export { toClaimReview } from './model/claim-review.js';
export { toPlainText, toWebVTT, toSRT } from './model/export.js';
