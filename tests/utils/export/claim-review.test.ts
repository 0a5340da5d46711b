import { describe, expect, it } from 'vitest';
import { claimReviewChunks } from '../../../utils/export/claim-review';
import { sampleLibrary } from './sample-library';

const text = (library = sampleLibrary) => [...claimReviewChunks(library)].join('');

describe('claimReviewChunks', () => {
  it('writes a schema.org ClaimReview for each reviewed claim, and none for unreviewed ones', () => {
    expect(JSON.parse(text())).toStrictEqual({
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@type': 'ClaimReview',
          url: 'https://news.example.com/world/alliance#:~:text=The%20discussion%20has%20started%20now%2C',
          claimReviewed: 'The discussion has started now,',
          datePublished: '2026-11-21T08:05:00.000Z',
          itemReviewed: {
            '@type': 'Claim',
            author: { '@type': 'Person', name: 'Ayad Allawi', jobTitle: 'Iraqi Vice President' },
            appearance: {
              '@type': 'CreativeWork',
              url: 'https://news.example.com/world/alliance',
              headline: 'ISIS & al-Qaida: <b>"alliance"</b> [talks]',
              datePublished: '2026-11-20',
            },
          },
          reviewRating: {
            '@type': 'Rating',
            alternateName: 'Verified',
            ratingExplanation: 'Checked against the "Reuters" wire, 2 sources.\nSee [link](javascript:alert(1))',
          },
        },
        {
          '@type': 'ClaimReview',
          url: 'https://news.example.com/world/alliance#:~:text=%3DHYPERLINK(%22http%3A%2F%2Fevil.example%22%2C%22click%22)%20%2B2',
          claimReviewed: '=HYPERLINK("http://evil.example","click")\n+2',
          datePublished: '2026-11-22T09:00:00.000Z',
          itemReviewed: {
            '@type': 'Claim',
            author: { '@type': 'Organization', name: 'the ministry' },
            appearance: {
              '@type': 'CreativeWork',
              url: 'https://news.example.com/world/alliance',
              headline: 'ISIS & al-Qaida: <b>"alliance"</b> [talks]',
              datePublished: '2026-11-20',
            },
          },
          reviewRating: { '@type': 'Rating', alternateName: 'Disputed', ratingExplanation: '@SUM(A1)' },
        },
      ],
    });
  });

  it('is safe inside a <script type="application/ld+json"> block', () => {
    const claim = { ...sampleLibrary.claims[0]!, text: '</script><script>alert(1)</script>' };
    const output = text({ ...sampleLibrary, claims: [claim] });
    expect(output).not.toContain('<');
    expect(JSON.parse(output)['@graph'][0].claimReviewed).toBe('</script><script>alert(1)</script>');
  });

  it('maps a group speaker to an Organization and omits the author of an unattributed claim', () => {
    const group = { ...sampleLibrary.claims[0]!, speaker: { name: 'officials', type: 'group' as const } };
    const nobody = { ...sampleLibrary.claims[1]!, speaker: null };
    const graph = JSON.parse(text({ ...sampleLibrary, claims: [group, nobody] }))['@graph'];
    expect(graph[0].itemReviewed.author).toEqual({ '@type': 'Organization', name: 'officials' });
    expect(graph[1].itemReviewed).not.toHaveProperty('author');
  });

  it('writes an empty graph when nothing is reviewed', () => {
    expect(text({ ...sampleLibrary, claims: [sampleLibrary.claims[2]!] })).toBe('{"@context":"https://schema.org","@graph":[]}\n');
  });
});
