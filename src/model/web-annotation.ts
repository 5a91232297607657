/**
 * Import and export of the W3C Web Annotation Data Model (JSON-LD), so annotation data can
 * travel to and from other tools. Pure; never throws.
 *
 * Export, one `Annotation` per annotation:
 * - `id`: `<article URL without fragment>#annotation=<id>`.
 * - `motivation`: "assessing" for supports / contradicts / unsupported (the annotation judges
 *   the claim against the recording); "commenting" for context (it adds information, no verdict).
 * - `body`: the note as a `TextualBody` (format "text/markdown": plain text with [label](url)
 *   links); the relation as a `TextualBody` with purpose "tagging" and value "supports" |
 *   "contradicts" | "context" | "unsupported"; each source as a `SpecificResource` with purpose
 *   "linking" whose `source` is `{id: url, title?}` (`title` is our extension).
 * - `target`: per cue, the media with two alternative `FragmentSelector`s (Media Fragments):
 *   `t=start,end` (when the cues are given) and `id=<cue id>`; the annotation's own time range
 *   as `t=start,end` alone; per claim, the article with a `TextQuoteSelector`, the target's
 *   `id` being `<article URL>#claim=<claim id>` (the page's claim deep link).
 *   Times are rounded to milliseconds.
 *
 * Import (`fromWebAnnotations`, in web-annotation-import.ts) reads that back.
 */
import { withoutFragment } from './safe-url.js';
import { isRecord, isWellFormed, toWellFormed, truncate } from './untrusted.js';
import type { Annotation, AnnotationSet, Claim, Relation } from './annotations/types.js';
import type { Cue, Problem } from './types.js';

export { fromWebAnnotations, type WebAnnotationImportOptions } from './web-annotation-import.js';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const MEDIA_FRAGMENTS = 'http://www.w3.org/TR/media-frags/';
export const MOTIVATION: Readonly<Record<Relation, string>> = {
  supports: 'assessing',
  contradicts: 'assessing',
  unsupported: 'assessing',
  context: 'commenting',
};

export interface WebAnnotationExportOptions {
  /** The media the cues belong to (target `source`). */
  mediaUrl: string;
  /** The article the claims quote (target `source`, and the base of ids). */
  articleUrl: string;
  /** The transcript's cues: adds `t=` selectors to cue targets. */
  cues?: readonly Cue[];
  /** Called for each annotation or target left out of the export (see `toWebAnnotations`). */
  onProblem?: (problem: Problem) => void;
}

const seconds = (t: number): string => String(Math.round(t * 1000) / 1000);
const timeSelector = (start: number, end: number): object => ({
  type: 'FragmentSelector',
  conformsTo: MEDIA_FRAGMENTS,
  value: `t=${seconds(start)},${seconds(end)}`,
});

/**
 * Web Annotation JSON-LD objects for every annotation of `data`. Returns [] for unusable input.
 * An annotation that cannot be written (an id that is not well-formed Unicode, a field that
 * throws) is left out, and so is a cue or claim target whose id is not well-formed; each is
 * reported to `opts.onProblem`.
 */
export function toWebAnnotations(data: AnnotationSet, opts: WebAnnotationExportOptions): object[] {
  const o: Partial<WebAnnotationExportOptions> = isRecord(opts) ? opts : {};
  const report = (p: Problem): void => {
    try {
      if (typeof o.onProblem === 'function') o.onProblem(p);
    } catch {
      // a throwing callback must not stop the export
    }
  };
  try {
    if (!isRecord(data) || !Array.isArray(data.annotations)) return [];
    const mediaUrl = typeof o.mediaUrl === 'string' ? o.mediaUrl : '';
    const articleUrl = typeof o.articleUrl === 'string' ? o.articleUrl : '';
    const base = withoutFragment(articleUrl);
    const cues = new Map<string, Cue>();
    if (Array.isArray(o.cues)) for (const c of o.cues) if (typeof c === 'object' && c !== null && !cues.has(c.id)) cues.set(c.id, c);
    const claims = new Map((Array.isArray(data.claims) ? data.claims : []).map((c) => [c.id, c]));
    const out: object[] = [];
    data.annotations.forEach((a, i) => {
      const problem = (detail: string, path = ''): Problem => {
        const p: Problem = { kind: 'annotation', code: 'invalid-annotation', path: `$.annotations[${i}]${path}`, detail: truncate(detail) };
        if (typeof a?.id === 'string') p.id = toWellFormed(a.id);
        return p;
      };
      try {
        if (!isWellFormed(a.id)) return report(problem('not exported: its id is not well-formed Unicode (a lone surrogate)', '.id'));
        out.push(exportOne(a, { mediaUrl, articleUrl, base, cues, claims }, (path, detail) => report(problem(detail, path))));
      } catch (e) {
        report(problem(`not exported: ${e instanceof Error ? e.message : String(e)}`));
      }
    });
    return out;
  } catch {
    return [];
  }
}

interface ExportContext {
  mediaUrl: string;
  articleUrl: string;
  base: string;
  cues: ReadonlyMap<string, Cue>;
  claims: ReadonlyMap<string, Claim>;
}

function exportOne(a: Annotation, x: ExportContext, skip: (path: string, detail: string) => void): object {
  const target: object[] = [];
  a.cues.forEach((cueId, k) => {
    if (!isWellFormed(cueId)) return skip(`.cues[${k}]`, 'cue target left out: the id is not well-formed Unicode');
    const byId = { type: 'FragmentSelector', conformsTo: MEDIA_FRAGMENTS, value: `id=${encodeURIComponent(cueId)}` };
    const cue = x.cues.get(cueId);
    const timed = cue && Number.isFinite(cue.start) && Number.isFinite(cue.end);
    target.push({ source: x.mediaUrl, selector: timed ? [timeSelector(cue.start, cue.end), byId] : byId });
  });
  if (a.time) target.push({ source: x.mediaUrl, selector: timeSelector(a.time.start, a.time.end) });
  a.claims.forEach((claimId, k) => {
    const claim = x.claims.get(claimId);
    if (!claim) return;
    if (!isWellFormed(claimId)) return skip(`.claims[${k}]`, 'claim target left out: the id is not well-formed Unicode');
    const selector: Record<string, string> = { type: 'TextQuoteSelector', exact: claim.quote.exact };
    if (claim.quote.prefix !== undefined) selector.prefix = claim.quote.prefix;
    if (claim.quote.suffix !== undefined) selector.suffix = claim.quote.suffix;
    target.push({ id: `${x.base}#claim=${encodeURIComponent(claimId)}`, source: x.articleUrl, selector });
  });
  const body: object[] = [];
  if (a.body !== undefined) body.push({ type: 'TextualBody', value: a.body, format: 'text/markdown', purpose: MOTIVATION[a.relation] });
  body.push({ type: 'TextualBody', value: a.relation, purpose: 'tagging' });
  for (const s of a.sources) body.push({ type: 'SpecificResource', purpose: 'linking', source: s.title === undefined ? { id: s.url } : { id: s.url, title: s.title } });
  return {
    '@context': ANNOTATION_CONTEXT,
    id: `${x.base}#annotation=${encodeURIComponent(a.id)}`,
    type: 'Annotation',
    motivation: MOTIVATION[a.relation],
    body,
    target: target.length > 0 ? target : [x.mediaUrl || x.articleUrl],
  };
}
