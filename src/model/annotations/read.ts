/**
 * Annotation data in either accepted format, told apart by its content: the project's own
 * (version 1) or W3C Web Annotation JSON-LD (imported with `fromWebAnnotations`). Never throws.
 */
import { parseJson } from '../untrusted.js';
import { fromWebAnnotations } from '../web-annotation.js';
import type { AnnotationResult } from './types.js';
import { parseAnnotations, validateAnnotations } from './validate.js';

/** Web Annotation JSON-LD is recognised by its context or type (an array by its first item); everything else is format v1. */
export function isWebAnnotation(data: unknown): boolean {
  try {
    if (Array.isArray(data)) return data.length > 0 && isWebAnnotation(data[0]);
    if (typeof data !== 'object' || data === null) return false;
    const d = data as Record<string, unknown>;
    return '@context' in d || d.type === 'Annotation' || d.type === 'AnnotationCollection' || d.type === 'AnnotationPage';
  } catch {
    return false; // a throwing getter or Proxy trap, an array that holds itself
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
