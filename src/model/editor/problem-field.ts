/**
 * Where the editor shows the field a problem is about: the annotation to edit and the field in
 * its form (`relation`, `body`, `cues`, `time`, `claims`, `sources.N.url`, `claim.ID`…), from the
 * problem's JSON path (validator), annotation id (linker) or claim id (anchoring).
 */
import type { AnnotationSet } from '../annotations/index.js';
import type { Problem } from '../types.js';

export interface ProblemField {
  /** The annotation to edit, or null when no annotation is concerned. */
  annotation: string | null;
  /** The field within the form, or null for the form as a whole. */
  field: string | null;
}

const ANNOTATION_PATH = /^\$\.annotations\[(\d+)\](?:\.([a-z]+)(?:\[(\d+)\](?:\.([a-z]+))?)?)?/;
const CLAIM_PATH = /^\$\.claims\[(\d+)\]/;

export function problemField(p: Problem, set: AnnotationSet): ProblemField {
  const concerning = (claimId: string): ProblemField => ({
    annotation: set.annotations.find((a) => a.claims.includes(claimId))?.id ?? null,
    field: `claim.${claimId}`,
  });
  if (typeof p.path === 'string') {
    const a = ANNOTATION_PATH.exec(p.path);
    if (a) {
      const annotation = set.annotations[Number(a[1])]?.id ?? null;
      const [, , name, index, sub] = a;
      if (name === 'sources' && index !== undefined) return { annotation, field: `sources.${index}.${sub === 'title' ? 'title' : 'url'}` };
      return { annotation, field: name && ['relation', 'body', 'cues', 'time', 'claims', 'sources'].includes(name) ? name : null };
    }
    const c = CLAIM_PATH.exec(p.path);
    const claim = c ? set.claims[Number(c[1])] : undefined;
    if (claim) return concerning(claim.id);
  }
  if (p.kind === 'anchor' && p.id !== undefined) return concerning(p.id);
  if (p.id !== undefined && set.annotations.some((a) => a.id === p.id)) {
    return { annotation: p.id, field: p.code === 'missing-cue' ? 'cues' : p.code === 'missing-claim' ? 'claims' : null };
  }
  return { annotation: null, field: null };
}
