/**
 * Import of W3C Web Annotations (JSON-LD, see web-annotation.ts for the export) into an
 * annotation set. Pure; never throws.
 *
 * It reads back what `toWebAnnotations` writes, and is tolerant of single objects or arrays,
 * `AnnotationCollection` (`first.items`) and `AnnotationPage` (`items`), string bodies/targets,
 * `bodyValue`, and targets given as IRIs with a `#t=` / `#id=` fragment. A claim target without
 * a `#claim=` id gets a deterministic id: "q-" + a hash of its exact/prefix/suffix (identical
 * quotes share it). Not carried by the model, so lost in a round trip: claim summaries, claims
 * no annotation names, media and article titles. Linear in the input; problems are capped
 * (MAX_PROBLEMS and a summary).
 */
import { PAGE_URL_SCHEMES, SOURCE_URL_SCHEMES, safeUrl, withoutFragment } from './safe-url.js';
import { ABSENT, ProblemList, asArray, describe, isRecord, readOwn } from './untrusted.js';
import { MAX_ITEMS, RELATIONS, emptyAnnotationSet, type AnnotationSet, type Relation } from './annotations/types.js';
import { validateAnnotations } from './annotations/validate.js';
import type { Problem } from './types.js';

export interface WebAnnotationImportOptions {
  /** Only media targets with this source (fragment ignored) are read; others are reported. */
  mediaUrl?: string;
  /** Only article targets with this source (fragment ignored) are read; others are reported. */
  articleUrl?: string;
}

/** A string or array-of-strings property as a list. */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return (asArray(v, 100)?.items ?? []).filter((x): x is string => typeof x === 'string');
}
/** A single value or an array as a list. */
function list(v: unknown): unknown[] {
  if (v === ABSENT || v === undefined || v === null) return [];
  return asArray(v, MAX_ITEMS)?.items ?? [v];
}
const idOf = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v;
  if (!isRecord(v)) return undefined;
  const id = readOwn(v, 'id');
  if (typeof id === 'string') return id;
  const ldId = readOwn(v, '@id');
  return typeof ldId === 'string' ? ldId : undefined;
};
const decode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** FNV-1a, 32 bits, base 36: short deterministic ids for claims that came without one. */
function hashId(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return `q-${h.toString(36)}`;
}

/** Media Fragments `t=` (npt seconds: "12.5,18", "npt:12.5", ",18") → [start, end]. */
function parseT(value: string): [number, number] | null {
  const m = /^(?:npt:)?(\d*(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?$/.exec(value.trim());
  if (!m) return null;
  const start = m[1] ? Number(m[1]) : 0;
  const end = m[2] !== undefined ? Number(m[2]) : start;
  return Number.isFinite(start) && Number.isFinite(end) && end >= start ? [start, end] : null;
}

/** A `t=` and/or `id=` read from a fragment value ("t=1,2" or "id=12&t=…"). */
function readFragment(value: string): { t?: [number, number]; id?: string } {
  const out: { t?: [number, number]; id?: string } = {};
  for (const part of value.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq);
    const v = decode(part.slice(eq + 1));
    if (key === 't') {
      const t = parseT(v);
      if (t) out.t = t;
    } else if (key === 'id' && v !== '') out.id = v;
  }
  return out;
}

/** The annotation objects in any accepted container, with their paths. */
function collect(input: unknown, problems: ProblemList): Array<[unknown, string]> {
  const arr = asArray(input, MAX_ITEMS);
  if (arr) return arr.items.map((x, i) => [x, `$[${i}]`]);
  if (!isRecord(input)) {
    problems.add({ kind: 'annotation', code: 'invalid-annotation', path: '$', detail: `expected annotations, got ${describe(input)}` });
    return [];
  }
  const types = strings(readOwn(input, 'type'));
  if (types.includes('AnnotationCollection') || types.includes('AnnotationPage') || readOwn(input, 'items') !== ABSENT) {
    const first = readOwn(input, 'first');
    const [items, path] = isRecord(first) ? [readOwn(first, 'items'), '$.first.items'] : [readOwn(input, 'items'), '$.items'];
    const found = asArray(items, MAX_ITEMS);
    if (!found) problems.add({ kind: 'annotation', code: 'invalid-annotation', path, detail: 'no annotations (pages other than the first are not fetched)' });
    return (found?.items ?? []).map((x, i) => [x, `${path}[${i}]`]);
  }
  return [[input, '$']];
}

/** Reads Web Annotations (JSON-LD, already parsed) into an annotation set; never throws. */
export function fromWebAnnotations(input: unknown, opts: WebAnnotationImportOptions = {}): { data: AnnotationSet; problems: Problem[] } {
  const problems = new ProblemList({ kind: 'annotation', code: 'invalid-annotation', path: '$' });
  try {
    const data = importInto(input, isRecord(opts) ? opts : {}, problems);
    return { data, problems: problems.finish() };
  } catch (e) {
    problems.add({ kind: 'annotation', code: 'invalid-annotation', path: '$', detail: `unexpected: ${e instanceof Error ? e.message : String(e)}` });
    return { data: emptyAnnotationSet(), problems: problems.finish() };
  }
}

function importInto(input: unknown, opts: WebAnnotationImportOptions, problems: ProblemList): AnnotationSet {
  const report = (path: string, detail: string): void => {
    problems.add({ kind: 'annotation', code: 'invalid-annotation', path, detail });
  };
  const wantMedia = typeof opts.mediaUrl === 'string' ? withoutFragment(opts.mediaUrl) : null;
  const wantArticle = typeof opts.articleUrl === 'string' ? withoutFragment(opts.articleUrl) : null;
  let mediaSrc = typeof opts.mediaUrl === 'string' ? opts.mediaUrl : undefined;
  let articleUrl = typeof opts.articleUrl === 'string' ? opts.articleUrl : undefined;
  const claims: Record<string, unknown>[] = [];
  const claimByKey = new Map<string, string>(); // quote key → claim id
  const claimKeys = new Map<string, string>(); // claim id → quote key
  const nextSuffix = new Map<string, number>(); // generated id → the next counter to try on a collision
  const claimPaths: string[] = [];
  const annotations: Record<string, unknown>[] = [];
  const annotationPaths: string[] = [];
  const unnamed: Record<string, unknown>[] = [];

  for (const [item, path] of collect(input, problems)) {
    if (!isRecord(item)) {
      report(path, `expected an Annotation, got ${describe(item)}`);
      continue;
    }
    const types = strings(readOwn(item, 'type'));
    if (types.length > 0 && !types.includes('Annotation')) {
      report(`${path}.type`, `not an Annotation: ${describe(types[0])}`);
      continue;
    }
    const rawId = idOf(item);
    const hashAt = rawId?.lastIndexOf('#annotation=') ?? -1;
    const id = rawId === undefined ? undefined : hashAt >= 0 ? decode(rawId.slice(hashAt + 12)) : rawId;

    // Bodies: relation tag, note text, linked sources.
    let relation: Relation | undefined;
    const texts: string[] = [];
    const sources: Array<{ url: string; title?: string }> = [];
    const bodyValue = readOwn(item, 'bodyValue');
    if (typeof bodyValue === 'string') texts.push(bodyValue);
    list(readOwn(item, 'body')).forEach((b, i) => {
      const bPath = `${path}.body[${i}]`;
      const value = isRecord(b) ? readOwn(b, 'value') : ABSENT;
      if (typeof value === 'string') {
        if (strings(readOwn(b as object, 'purpose')).includes('tagging')) {
          const tag = value.trim().toLowerCase();
          if ((RELATIONS as readonly string[]).includes(tag) && relation === undefined) relation = tag as Relation;
          else if ((RELATIONS as readonly string[]).includes(tag) && relation !== tag) report(bPath, `a second relation "${tag}" is ignored`);
        } else texts.push(value);
        return;
      }
      const src = isRecord(b) && readOwn(b, 'source') !== ABSENT ? readOwn(b, 'source') : b;
      const url = idOf(src);
      if (url === undefined) return report(bPath, `unrecognised body: ${describe(b)}`);
      if (safeUrl(url, SOURCE_URL_SCHEMES) === null) return report(bPath, `not an http(s) or mailto URL: ${describe(url)}`);
      const source: { url: string; title?: string } = { url };
      for (const holder of [src, b]) {
        if (!isRecord(holder) || source.title !== undefined) continue;
        for (const key of ['title', 'name', 'label']) {
          const t = readOwn(holder, key);
          if (typeof t === 'string' && source.title === undefined) source.title = t;
        }
      }
      sources.push(source);
    });
    if (relation === undefined) {
      const motivations = strings(readOwn(item, 'motivation'));
      relation = 'context';
      if (!motivations.some((m) => m === 'commenting' || m === 'describing')) report(path, 'no relation tag; read as "context"');
    }

    // Targets: cues (id=), a time range (t=), claims (TextQuoteSelector).
    const cues: string[] = [];
    let time: [number, number] | undefined;
    const claimIds = new Set<string>();
    list(readOwn(item, 'target')).forEach((t, i) => {
      const tPath = `${path}.target[${i}]`;
      const targetId = idOf(t);
      const sourceValue = isRecord(t) ? readOwn(t, 'source') : ABSENT;
      const source = idOf(sourceValue) ?? (typeof t === 'string' ? withoutFragment(t) : undefined);
      const selectors = isRecord(t) ? list(readOwn(t, 'selector')).filter(isRecord) : [];
      const fragment = { t: undefined as [number, number] | undefined, id: undefined as string | undefined };
      const quotes: Record<string, string>[] = [];
      const ignored: unknown[] = [];
      for (const s of selectors) {
        const type = readOwn(s, 'type');
        const value = readOwn(s, 'value');
        if (type === 'FragmentSelector' && typeof value === 'string') {
          const f = readFragment(value);
          fragment.t ??= f.t;
          fragment.id ??= f.id;
        } else if (type === 'TextQuoteSelector') {
          const q: Record<string, string> = {};
          for (const key of ['exact', 'prefix', 'suffix']) {
            const v = readOwn(s, key);
            if (typeof v === 'string') q[key] = v;
          }
          quotes.push(q);
        } else ignored.push(type);
      }
      // A bare IRI (or a target with only an id) can carry the fragment itself.
      if (selectors.length === 0 && (typeof t === 'string' || sourceValue === ABSENT) && targetId?.includes('#')) {
        const f = readFragment(targetId.slice(targetId.indexOf('#') + 1));
        fragment.t = f.t;
        fragment.id = f.id;
      }
      if (fragment.t || fragment.id) {
        if (wantMedia !== null && source !== undefined && withoutFragment(source) !== wantMedia) return report(tPath, `another media: ${describe(source)}`);
        mediaSrc ??= source;
        if (fragment.id !== undefined) cues.push(fragment.id);
        else if (fragment.t) time = time ? [Math.min(time[0], fragment.t[0]), Math.max(time[1], fragment.t[1])] : fragment.t;
      }
      const quote = quotes[0];
      // Other selectors (TextPosition, Range, XPath…) are alternatives: report them only when nothing usable came with them.
      if (!quote && !fragment.t && !fragment.id && ignored.length > 0) report(tPath, `no usable selector: ${describe(ignored[0])}`);
      if (quote) {
        if (wantArticle !== null && source !== undefined && withoutFragment(source) !== wantArticle) return report(tPath, `another article: ${describe(source)}`);
        articleUrl ??= source;
        const key = `${quote.exact ?? ''}\u0000${quote.prefix ?? ''}\u0000${quote.suffix ?? ''}`;
        const at = targetId?.lastIndexOf('#claim=') ?? -1;
        let claimId = targetId !== undefined && at >= 0 ? decode(targetId.slice(at + 7)) : claimByKey.get(key);
        if (claimId === undefined) {
          // Generated id; on a (rare) hash collision with another quote, add a counter.
          const h = hashId(key);
          claimId = h;
          let n = nextSuffix.get(h) ?? 2;
          while (claimKeys.has(claimId) && claimKeys.get(claimId) !== key) claimId = `${h}-${n++}`;
          nextSuffix.set(h, n);
        }
        if (!claimByKey.has(key)) claimByKey.set(key, claimId);
        if (!claimKeys.has(claimId)) {
          claimKeys.set(claimId, key);
          claims.push({ id: claimId, quote });
          claimPaths.push(`${tPath}.selector`);
        } else if (claimKeys.get(claimId) !== key) report(tPath, `claim "${claimId}" already has another quote; this one is ignored`);
        claimIds.add(claimId);
      }
    });

    const annotation: Record<string, unknown> = { id, cues, claims: [...claimIds], relation, sources };
    if (id === undefined) unnamed.push(annotation);
    if (time) annotation.time = { start: time[0], end: time[1] };
    if (texts.length > 0) annotation.body = texts.join('\n\n');
    annotations.push(annotation);
    annotationPaths.push(path);
  }

  // Annotations without an id get "a1", "a2"… (skipping ids already taken).
  const taken = new Set(annotations.map((a) => a.id));
  let n = 1;
  for (const a of unnamed) {
    while (taken.has(`a${n}`)) n++;
    a.id = `a${n++}`;
  }
  const raw: Record<string, unknown> = { version: 1, claims, annotations };
  if (mediaSrc !== undefined && safeUrl(mediaSrc, PAGE_URL_SCHEMES) !== null) raw.media = { src: mediaSrc };
  if (articleUrl !== undefined && safeUrl(articleUrl, PAGE_URL_SCHEMES) !== null) raw.article = { url: articleUrl };
  const { data, problems: found } = validateAnnotations(raw);
  // Point the validator's paths ($.annotations[3].sources[0]…) at the input's objects.
  for (const p of found) {
    const m = /^\$\.(annotations|claims)\[(\d+)\]/.exec(p.path ?? '');
    const mapped = m ? (m[1] === 'annotations' ? annotationPaths : claimPaths)[Number(m[2])] : undefined;
    problems.add(mapped !== undefined ? { ...p, path: mapped } : p);
  }
  return data;
}
