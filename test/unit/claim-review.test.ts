import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { linkAnnotations, parseAnnotations, validateAnnotations, emptyLinks, type AnnotationSet } from '../../src/model/annotations/index.js';
import { CLAIM_REVIEW_RATINGS, claimVerdict, toClaimReview } from '../../src/model/claim-review.js';
import type { Cue } from '../../src/model/types.js';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/annotations/${name}`, import.meta.url)), 'utf8');
const data = parseAnnotations(fixture('valid.json')).data;
const cues = JSON.parse(fixture('cues.json')) as Cue[];
const { links } = linkAnnotations(data, cues);

describe('toClaimReview', () => {
  const reviews = toClaimReview(data, links, { pageUrl: 'https://news.example.org/lamp#top', publisherName: 'Example Checks' }) as Array<Record<string, any>>;

  it('writes one ClaimReview per annotated claim', () => {
    expect(reviews.map((r) => r.claimReviewed)).toEqual(data.claims.map((c) => c.quote.exact));
    expect(reviews[0]).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: 'https://news.example.org/lamp#claim=c1',
      claimReviewed: 'the lamp was switched off for three nights',
      author: { '@type': 'Organization', name: 'Example Checks' },
      reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 4, worstRating: 1, alternateName: 'Contradicted by the recording' },
      itemReviewed: {
        '@type': 'Claim',
        name: 'The lamp was off for three nights.',
        appearance: { '@type': 'CreativeWork', url: 'https://news.example.org/lamp', name: 'The lamp that went dark (fictional)' },
        firstAppearance: { '@type': 'CreativeWork', url: 'https://news.example.org/lamp', name: 'The lamp that went dark (fictional)' },
      },
      // The note of a1 (links reduced to their labels) then the body-less a4 adds nothing.
      reviewBody: 'Contradicted: he says **one** night, not three.\nSee the log or write to us.',
      isBasedOn: {
        '@type': 'VideoObject',
        contentUrl: 'https://media.example.org/keeper.mp4',
        name: 'Statement by the lighthouse keeper (fictional)',
        hasPart: [
          { '@type': 'Clip', startOffset: 4.2, endOffset: 10, url: 'https://media.example.org/keeper.mp4#t=4.2,10' },
          { '@type': 'Clip', startOffset: 13.5, endOffset: 18, url: 'https://media.example.org/keeper.mp4#t=13.5,18' },
        ],
      },
    });
  });

  it('rates each relation in words on a 1..4 scale', () => {
    expect(reviews.map((r) => [r.reviewRating.ratingValue, r.reviewRating.alternateName])).toEqual([
      [1, 'Contradicted by the recording'],
      [4, 'Supported by the recording'],
      [2, 'Not supported by the recording'],
      [3, 'Context'],
    ]);
    // An unsupported claim has the recording as evidence, but no clip of it.
    expect(reviews[2]!.isBasedOn).toEqual({ '@type': 'VideoObject', contentUrl: 'https://media.example.org/keeper.mp4', name: 'Statement by the lighthouse keeper (fictional)' });
    expect(Object.values(CLAIM_REVIEW_RATINGS).map((r) => r.ratingValue).sort()).toEqual([1, 2, 3, 4]);
  });

  it('decides a mixed verdict: a contradiction outweighs support, support outweighs context', () => {
    expect(claimVerdict(['supports', 'contradicts'])).toBe('contradicts');
    expect(claimVerdict(['context', 'supports', 'unsupported'])).toBe('supports');
    expect(claimVerdict(['unsupported', 'context'])).toBe('context');
    expect(claimVerdict(['unsupported'])).toBe('unsupported');
    expect(claimVerdict([])).toBeNull();
  });

  it('skips claims without annotations; works without options', () => {
    const set: AnnotationSet = validateAnnotations({ version: 1, claims: [{ id: 'lonely', quote: { exact: 'x' } }], annotations: [] }).data;
    expect(toClaimReview(set, linkAnnotations(set, []).links)).toEqual([]);
    const bare = toClaimReview({ ...data, media: undefined, article: undefined } as unknown as AnnotationSet, links) as Array<Record<string, any>>;
    expect(bare[0]!.url).toBeUndefined();
    expect(bare[0]!.itemReviewed).toEqual({ '@type': 'Claim', name: 'The lamp was off for three nights.' });
    expect(bare[0]!.isBasedOn.hasPart[0]).toEqual({ '@type': 'Clip', startOffset: 4.2, endOffset: 10 });
  });

  it('is plain JSON, and returns [] for unusable input', () => {
    expect(JSON.parse(JSON.stringify(reviews))).toEqual(reviews);
    expect(toClaimReview(data, emptyLinks())).toEqual([]);
    expect(toClaimReview(null as unknown as AnnotationSet, links)).toEqual([]);
    expect(toClaimReview(data, {} as never)).toEqual([]);
  });
});
