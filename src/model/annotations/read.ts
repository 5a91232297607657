/**
 * Annotation data in either accepted format, told apart by its content: the project's own
 * (version 1) or W3C Web Annotation JSON-LD (imported with `fromWebAnnotations`). Never throws.
 */
import { parseJson } from '../untrusted.js';
import { fromWebAnnotations } from '../web-annotation.js';
import type { AnnotationResult } from './types.js';
import { parseAnnotations, validateAnnotations } from './validate.js';

/** isWebAnnotation looks into arrays nested at most this deep (an array that holds itself, `[[[[…]]]]`). */
export const MAX_ARRAY_DEPTH = 16;

/**
 * Web Annotation JSON-LD is recognised by its context or type (an array by its first item,
 * looked into at most MAX_ARRAY_DEPTH levels deep); everything else is format v1.
 */
export function isWebAnnotation(data: unknown): boolean {
  try {
    let d = data;
    for (let depth = 0; Array.isArray(d); depth++) {
      if (depth >= MAX_ARRAY_DEPTH || d.length === 0) return false;
      d = d[0];
    }
    if (typeof d !== 'object' || d === null) return false;
    const o = d as Record<string, unknown>;
    return '@context' in o || o.type === 'Annotation' || o.type === 'AnnotationCollection' || o.type === 'AnnotationPage';
  } catch {
    return false; // a throwing getter or Proxy trap
  }
}

/** Validates parsed annotation data of either format (the `annotations` property). */
export function readAnnotationInput(input: unknown): AnnotationResult {
  return isWebAnnotation(input) ? fromWebAnnotations(input) : validateAnnotations(input);
}

/** Parses and validates an annotation file of either format. */
export function readAnnotationFile(text: string): AnnotationResult {
  const json = typeof text === 'string' ? parseJson(text) : null;
  // Not text, or not JSON: the version-1 parser reports it (`bad-json`, with the line).
  return json?.ok ? readAnnotationInput(json.value) : parseAnnotations(text);
}
