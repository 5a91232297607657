/**
 * schema.org `ClaimReview` JSON-LD for the article's claims, for search engines and
 * fact-check aggregators. Pure data: the host page serialises it into
 * `<script type="application/ld+json">`. Never throws.
 *
 * One ClaimReview per claim that has at least one annotation:
 * - `claimReviewed`: the quote's exact text; `url`: `<pageUrl>#claim=<id>` (the deep link).
 * - `reviewRating`: a `Rating` on a 1..4 scale (`worstRating` 1, `bestRating` 4):
 *     4 "Supported by the recording", 3 "Context", 2 "Not supported by the recording",
 *     1 "Contradicted by the recording".
 *   With several annotations the verdict is the first relation present in the order
 *   contradicts, supports, context, unsupported: one contradiction outweighs support.
 * - `itemReviewed`: a `Claim` whose `appearance` and `firstAppearance` are the article
 *   (`data.article.url`, else `pageUrl`); its `name` is the claim's summary.
 * - `isBasedOn`: the evidence, a `VideoObject` (`contentUrl` = `mediaUrl`, else
 *   `data.media.src`) whose `hasPart` lists a `Clip` (`startOffset`/`endOffset` in seconds,
 *   `url` with `#t=`) per linked span.
 * - `reviewBody`: the annotation notes as plain text (links reduced to their labels).
 * - `author`: an `Organization` named `publisherName`, when given.
 * Google's rich results also want `datePublished` and more on the VideoObject; add them on
 * the host page when needed.
 */
import { parseBody } from './annotations/body.js';
import type { AnnotationLinks } from './annotations/link.js';
import type { Annotation, AnnotationSet, Claim, Relation } from './annotations/types.js';
import { withoutFragment } from './safe-url.js';
import type { Problem } from './types.js';
import { isWellFormed, toWellFormed, truncate } from './untrusted.js';

export const CLAIM_REVIEW_BEST_RATING = 4;
export const CLAIM_REVIEW_WORST_RATING = 1;
export const CLAIM_REVIEW_RATINGS: Readonly<Record<Relation, { ratingValue: number; alternateName: string }>> = {
  supports: { ratingValue: 4, alternateName: 'Supported by the recording' },
  context: { ratingValue: 3, alternateName: 'Context' },
  unsupported: { ratingValue: 2, alternateName: 'Not supported by the recording' },
  contradicts: { ratingValue: 1, alternateName: 'Contradicted by the recording' },
};
const VERDICT_ORDER: readonly Relation[] = ['contradicts', 'supports', 'context', 'unsupported'];

export interface ClaimReviewOptions {
  /** The page that shows the claims and the transcript (review `url`s are its `#claim=` links). */
  pageUrl?: string;
  /** The media reviewed; defaults to `data.media.src`. */
  mediaUrl?: string;
  /** The reviewing organisation (`author`). */
  publisherName?: string;
  /** Called for each claim left out (an id that is not well-formed Unicode, a field that throws). */
  onProblem?: (problem: Problem) => void;
}

/** The overall relation of a claim to the recording, given its annotations' relations; null when none. */
export function claimVerdict(relations: readonly Relation[]): Relation | null {
  try {
    if (!Array.isArray(relations)) return null;
    return VERDICT_ORDER.find((r) => relations.includes(r)) ?? null;
  } catch {
    return null;
  }
}

const ms = (t: number): number => Math.round(t * 1000) / 1000;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function plainText(body: string): string {
  return parseBody(body)
    .map((s) => s.text)
    .join('');
}

/**
 * ClaimReview objects for the claims of `data` that have annotations. Returns [] for unusable
 * input; a claim that cannot be written (an id that is not well-formed Unicode, a field that
 * throws) is left out and reported to `opts.onProblem`.
 */
export function toClaimReview(data: AnnotationSet, links: AnnotationLinks, opts: ClaimReviewOptions = {}): object[] {
  const report = (p: Problem): void => {
    try {
      if (typeof opts === 'object' && opts !== null && typeof opts.onProblem === 'function') opts.onProblem(p);
    } catch {
      // a throwing callback must not stop the export
    }
  };
  try {
    if (typeof data !== 'object' || data === null || !Array.isArray(data.claims) || !Array.isArray(data.annotations)) return [];
    if (typeof links !== 'object' || links === null || !(links.annotationsOfClaim instanceof Map) || !(links.span instanceof Map)) return [];
    const o: ClaimReviewOptions = typeof opts === 'object' && opts !== null ? opts : {};
    const pageUrl = str(o.pageUrl);
    const articleUrl = str(data.article?.url) ?? pageUrl;
    const mediaUrl = str(o.mediaUrl) ?? str(data.media?.src);
    const publisher = str(o.publisherName);
    const byId = new Map<string, Annotation>(data.annotations.map((a) => [a.id, a]));

    const ctx: ReviewContext = { data, links, byId, pageUrl, articleUrl, mediaUrl, publisher };
    const out: object[] = [];
    data.claims.forEach((claim, i) => {
      const left = (detail: string): void => {
        const p: Problem = { kind: 'annotation', code: 'invalid-annotation', path: `$.claims[${i}]`, detail: truncate(`not exported: ${detail}`) };
        if (typeof claim?.id === 'string') p.id = toWellFormed(claim.id);
        report(p);
      };
      try {
        if (!isWellFormed(claim.id)) return left('its id is not well-formed Unicode (a lone surrogate)');
        const review = reviewOf(claim, ctx);
        if (review) out.push(review);
      } catch (e) {
        left(e instanceof Error ? e.message : String(e));
      }
    });
    return out;
  } catch {
    return [];
  }
}

interface ReviewContext {
  data: AnnotationSet;
  links: AnnotationLinks;
  byId: ReadonlyMap<string, Annotation>;
  pageUrl: string | undefined;
  articleUrl: string | undefined;
  mediaUrl: string | undefined;
  publisher: string | undefined;
}

/** The ClaimReview of one claim, or null when no annotation names it. */
function reviewOf(claim: Claim, { data, links, byId, pageUrl, articleUrl, mediaUrl, publisher }: ReviewContext): object | null {
  const annotations = (links.annotationsOfClaim.get(claim.id) ?? []).map((id) => byId.get(id)).filter((a): a is Annotation => a !== undefined);
  const verdict = claimVerdict(annotations.map((a) => a.relation));
  if (verdict === null) return null;

  const clips: object[] = [];
  const seen = new Set<string>();
  for (const a of annotations) {
    const span = a.relation === 'unsupported' ? undefined : links.span.get(a.id);
    if (!span || seen.has(`${span.start},${span.end}`)) continue;
    seen.add(`${span.start},${span.end}`);
    const clip: Record<string, unknown> = { '@type': 'Clip', startOffset: ms(span.start), endOffset: ms(span.end) };
    if (mediaUrl) clip.url = `${withoutFragment(mediaUrl)}#t=${ms(span.start)},${ms(span.end)}`;
    clips.push(clip);
  }

  const claimItem: Record<string, unknown> = { '@type': 'Claim' };
  if (claim.summary) claimItem.name = claim.summary;
  if (articleUrl) {
    const work: Record<string, unknown> = { '@type': 'CreativeWork', url: articleUrl };
    if (str(data.article?.title)) work.name = data.article?.title;
    claimItem.appearance = work;
    claimItem.firstAppearance = work;
  }

  const rating = CLAIM_REVIEW_RATINGS[verdict];
  const review: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    claimReviewed: claim.quote.exact,
    reviewRating: {
      '@type': 'Rating',
      ratingValue: rating.ratingValue,
      bestRating: CLAIM_REVIEW_BEST_RATING,
      worstRating: CLAIM_REVIEW_WORST_RATING,
      alternateName: rating.alternateName,
    },
    itemReviewed: claimItem,
  };
  if (pageUrl) review.url = `${withoutFragment(pageUrl)}#claim=${encodeURIComponent(claim.id)}`;
  if (publisher) review.author = { '@type': 'Organization', name: publisher };
  const notes = annotations.map((a) => (a.body ? plainText(a.body).trim() : '')).filter((t) => t !== '');
  if (notes.length > 0) review.reviewBody = notes.join('\n\n');
  if (mediaUrl || clips.length > 0) {
    const video: Record<string, unknown> = { '@type': 'VideoObject' };
    if (mediaUrl) video.contentUrl = mediaUrl;
    if (str(data.media?.title)) video.name = data.media?.title;
    if (clips.length > 0) video.hasPart = clips;
    review.isBasedOn = video;
  }
  return review;
}
