/**
 * Validation of annotation files: `parseAnnotations(text)` and `validateAnnotations(value)`.
 * Keeps every valid item, drops what is unusable, and returns every problem as a value.
 */
import type { Problem } from '../types.js';
import type { TextQuote } from '../text-quote.js';
import { ABSENT, describe, isRecord, parseJson, readOwn, truncate } from '../untrusted.js';
import {
  AnnotationProblems,
  idList,
  itemId,
  items,
  optionalString,
  pageInfo,
  requireItemId,
  sourceList,
  timeRange,
  unique,
  wellFormedText,
} from './fields.js';
import { RELATIONS, emptyAnnotationSet, type Annotation, type AnnotationResult, type AnnotationSet, type Claim, type Relation } from './types.js';

/** Parses and validates the text of an annotation file. Bad JSON gives an empty set and a `bad-json` problem. */
export function parseAnnotations(text: string): AnnotationResult {
  if (typeof text !== 'string') {
    return { data: emptyAnnotationSet(), problems: [{ kind: 'annotation', code: 'bad-json', detail: 'not text' }] };
  }
  const json = parseJson(text);
  if (!json.ok) {
    const problem: Problem = { kind: 'annotation', code: 'bad-json', detail: truncate(json.message) };
    // V8 reports "… at position N": turn that into the 1-based line the reader can look for.
    const pos = /position (\d+)/.exec(json.message);
    if (pos?.[1] !== undefined) problem.line = text.slice(0, Number(pos[1])).split('\n').length;
    return { data: emptyAnnotationSet(), problems: [problem] };
  }
  return validateAnnotations(json.value);
}

/**
 * Validates parsed annotation data (any value). Keeps every valid item; drops an invalid
 * claim or annotation, or only an invalid optional field when the item is otherwise usable;
 * reports each problem with its JSON path. Never mutates or throws on its input.
 */
export function validateAnnotations(input: unknown): AnnotationResult {
  const problems = new AnnotationProblems();
  const data = emptyAnnotationSet();
  try {
    validateFile(input, data, problems);
  } catch (e) {
    // Defensive only: every read is already guarded.
    problems.report('$', `unexpected error: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { data, problems: problems.finish() };
}

function validateFile(input: unknown, data: AnnotationSet, problems: AnnotationProblems): void {
  if (!isRecord(input)) {
    problems.report('$', `expected an object, got ${describe(input)}`);
    return;
  }
  const version = readOwn(input, 'version');
  if (version === ABSENT) problems.report('$.version', 'missing');
  else if (version !== 1) problems.report('$.version', describe(version), 'unsupported-version');

  const media = pageInfo(readOwn(input, 'media'), '$.media', 'src', problems);
  if (media) data.media = media;
  const article = pageInfo(readOwn(input, 'article'), '$.article', 'url', problems);
  if (article) data.article = article;

  const claimIds = new Map<string, string>();
  for (const [item, path] of items(readOwn(input, 'claims'), '$.claims', false, problems)) {
    problems.currentId = itemId(item);
    const claim = validateClaim(item, path, problems);
    if (claim && unique(claim.id, path, claimIds, problems)) data.claims.push(claim);
  }
  problems.currentId = undefined;
  const annotationIds = new Map<string, string>();
  for (const [item, path] of items(readOwn(input, 'annotations'), '$.annotations', true, problems)) {
    problems.currentId = itemId(item);
    const annotation = validateAnnotation(item, path, problems);
    if (annotation && unique(annotation.id, path, annotationIds, problems)) data.annotations.push(annotation);
  }
}

function validateClaim(value: unknown, path: string, problems: AnnotationProblems): Claim | null {
  const id = requireItemId(value, path, problems);
  if (id === null || !isRecord(value)) return null;
  const quoteValue = readOwn(value, 'quote');
  if (!isRecord(quoteValue)) {
    problems.report(`${path}.quote`, `expected an object, got ${describe(quoteValue)}`);
    return null;
  }
  const exact = readOwn(quoteValue, 'exact');
  if (typeof exact !== 'string' || exact.trim() === '') {
    problems.report(`${path}.quote.exact`, `expected a non-empty string, got ${describe(exact)}`);
    return null;
  }
  const quote: TextQuote = { exact: wellFormedText(exact, `${path}.quote.exact`, problems) };
  const prefix = optionalString(quoteValue, 'prefix', `${path}.quote`, problems);
  if (prefix !== undefined) quote.prefix = prefix;
  const suffix = optionalString(quoteValue, 'suffix', `${path}.quote`, problems);
  if (suffix !== undefined) quote.suffix = suffix;
  const claim: Claim = { id, quote };
  const summary = optionalString(value, 'summary', path, problems);
  if (summary !== undefined) claim.summary = summary;
  return claim;
}

function validateAnnotation(value: unknown, path: string, problems: AnnotationProblems): Annotation | null {
  const id = requireItemId(value, path, problems);
  if (id === null || !isRecord(value)) return null;
  const relation = readOwn(value, 'relation');
  // Check every field before deciding, so that one pass reports all of an item's problems.
  const relationOk = (RELATIONS as readonly unknown[]).includes(relation);
  if (!relationOk) problems.report(`${path}.relation`, `expected one of ${RELATIONS.join(', ')}, got ${describe(relation)}`);
  let cues = idList(readOwn(value, 'cues'), `${path}.cues`, problems);
  let time = timeRange(readOwn(value, 'time'), `${path}.time`, problems);
  const claims = idList(readOwn(value, 'claims'), `${path}.claims`, problems) ?? [];
  const body = optionalString(value, 'body', path, problems);
  const sources = sourceList(readOwn(value, 'sources'), `${path}.sources`, problems);
  if (!relationOk) return null;

  if (relation === 'unsupported') {
    // Nothing in the recording supports the claim: cues or a time would contradict that.
    if (cues && cues.length > 0) problems.report(`${path}.cues`, 'an "unsupported" annotation has no cues; ignored');
    if (time) problems.report(`${path}.time`, 'an "unsupported" annotation has no time; ignored');
    cues = [];
    time = undefined;
    if (claims.length === 0) {
      problems.report(`${path}.claims`, 'an "unsupported" annotation needs at least one claim');
      return null;
    }
  } else if (cues === undefined && time === undefined) {
    problems.report(path, 'needs "cues" or a valid "time"');
    return null;
  }
  const annotation: Annotation = { id, cues: cues ?? [], claims, relation: relation as Relation, sources };
  if (time) annotation.time = time;
  if (body !== undefined) annotation.body = body;
  return annotation;
}
