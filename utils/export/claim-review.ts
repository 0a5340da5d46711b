import type { ClaimRecord, PageRecord, ReviewStatus, StoredSpeaker } from '../db/types';
import { inChunks, isoTime, jsonForHtmlLines, pagesByUrl, type LibrarySnapshot } from './library';
import { textFragmentUrl } from './text-fragment';

const RATING: Record<Exclude<ReviewStatus, 'unreviewed'>, string> = { verified: 'Verified', disputed: 'Disputed' };

/** schema.org has no "group": officials, a ministry's staff and the like speak for an organization. */
function author(speaker: StoredSpeaker) {
  const type = speaker.type === 'organization' || speaker.type === 'group' ? 'Organization' : 'Person';
  return {
    '@type': type,
    name: speaker.name,
    ...(type === 'Person' && speaker.role ? { jobTitle: speaker.role } : {}),
  };
}

function claimReview(claim: ClaimRecord & { status: 'verified' | 'disputed' }, page: PageRecord | undefined) {
  return {
    '@type': 'ClaimReview',
    // The review has no page of its own; this points at the claim in the article it was made on.
    url: textFragmentUrl(claim.pageUrl, claim.selectors.quote.exact),
    claimReviewed: claim.text,
    datePublished: isoTime(claim.reviewedAt ?? claim.updatedAt),
    itemReviewed: {
      '@type': 'Claim',
      ...(claim.speaker ? { author: author(claim.speaker) } : {}),
      appearance: {
        '@type': 'CreativeWork',
        url: claim.pageUrl,
        ...(page?.title ? { headline: page.title } : {}),
        ...(page?.published ? { datePublished: page.published } : {}),
      },
    },
    reviewRating: {
      '@type': 'Rating',
      alternateName: RATING[claim.status],
      ...(claim.note ? { ratingExplanation: claim.note } : {}),
    },
  };
}

function isReviewed(claim: ClaimRecord): claim is ClaimRecord & { status: 'verified' | 'disputed' } {
  return claim.status !== 'unreviewed';
}

/**
 * schema.org ClaimReview (https://schema.org/ClaimReview), the markup fact-checkers publish, for the
 * reviewed claims only, as one JSON-LD graph.
 */
export function* claimReviewChunks(library: LibrarySnapshot): Generator<string> {
  const pages = pagesByUrl(library.pages);
  yield '{"@context":"https://schema.org","@graph":[';
  let first = true;
  for (const claims of inChunks(library.claims.filter(isReviewed))) {
    yield (first ? '\n' : ',\n') + jsonForHtmlLines(claims, (claim) => claimReview(claim, pages.get(claim.pageUrl)));
    first = false;
  }
  yield `${first ? '' : '\n'}]}\n`;
}
