import { describe, expect, it } from 'vitest';
import { webAnnotationChunks } from '../../../utils/export/web-annotation';
import { exportedAt, sampleLibrary } from './sample-library';

const text = () => [...webAnnotationChunks(sampleLibrary, { exportedAt })].join('');

describe('webAnnotationChunks', () => {
  it('writes an AnnotationCollection with one assessing Annotation per claim', () => {
    expect(JSON.parse(text())).toStrictEqual({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:claimtrail:export:2026-11-26T12:00:00.000Z',
      type: 'AnnotationCollection',
      label: 'ClaimTrail claims',
      generator: { type: 'Software', name: 'ClaimTrail' },
      generated: '2026-11-26T12:00:00.000Z',
      total: 3,
      first: {
        id: 'urn:claimtrail:export:2026-11-26T12:00:00.000Z:page:0',
        type: 'AnnotationPage',
        startIndex: 0,
        items: [
          {
            id: 'urn:claimtrail:claim:p1%3Ac1',
            type: 'Annotation',
            motivation: 'assessing',
            created: '2026-11-21T08:00:01.000Z',
            modified: '2026-11-21T08:05:00.000Z',
            body: [
              { type: 'TextualBody', purpose: 'assessing', value: 'verified', created: '2026-11-21T08:05:00.000Z' },
              { type: 'TextualBody', purpose: 'commenting', value: 'Checked against the "Reuters" wire, 2 sources.\nSee [link](javascript:alert(1))', format: 'text/plain' },
              { type: 'TextualBody', purpose: 'identifying', value: 'Ayad Allawi' },
            ],
            target: {
              source: 'https://news.example.com/world/alliance',
              selector: [
                { type: 'TextQuoteSelector', exact: 'The discussion has started now,', prefix: 'al-Qaida. “', suffix: '” Allawi said' },
                { type: 'TextPositionSelector', start: 120, end: 151 },
              ],
            },
          },
          {
            id: 'urn:claimtrail:claim:p1%3Ac2',
            type: 'Annotation',
            motivation: 'assessing',
            created: '2026-11-21T08:00:02.000Z',
            modified: '2026-11-22T09:00:00.000Z',
            body: [
              { type: 'TextualBody', purpose: 'assessing', value: 'disputed', created: '2026-11-22T09:00:00.000Z' },
              { type: 'TextualBody', purpose: 'commenting', value: '@SUM(A1)', format: 'text/plain' },
              { type: 'TextualBody', purpose: 'identifying', value: 'the ministry' },
            ],
            target: {
              source: 'https://news.example.com/world/alliance',
              selector: [
                { type: 'TextQuoteSelector', exact: '=HYPERLINK("http://evil.example","click")\n+2', prefix: '', suffix: ', according to' },
                { type: 'TextPositionSelector', start: 0, end: 44 },
              ],
            },
          },
          {
            id: 'urn:claimtrail:claim:p2%3Am1',
            type: 'Annotation',
            motivation: 'assessing',
            created: '2026-11-23T10:00:05.000Z',
            modified: '2026-11-23T10:00:05.000Z',
            body: [
              { type: 'TextualBody', purpose: 'assessing', value: 'unreviewed' },
              { type: 'TextualBody', purpose: 'commenting', value: '-1', format: 'text/plain' },
            ],
            target: {
              source: 'https://blog.example.org/post?id=1&x=2',
              selector: [
                { type: 'TextQuoteSelector', exact: '<img src=x onerror=alert(1)> 🎉', prefix: 'x', suffix: 'y' },
                { type: 'TextPositionSelector', start: 5, end: 36 },
              ],
            },
          },
        ],
      },
    });
  });

  it('puts one annotation per line and escapes "<" so the JSON-LD can sit in a <script> block', () => {
    const lines = text().split('\n');
    expect(lines).toHaveLength(3 + 3 + 1);
    expect(lines[0]).toMatch(/^\{"@context":"http:\/\/www\.w3\.org\/ns\/anno\.jsonld",/);
    expect(lines[4]).toContain('"exact":"\\u003cimg src=x onerror=alert(1)\\u003e 🎉"');
    expect(text()).not.toMatch(/[<>]/);
    expect(lines.at(-2)).toBe(']}}');
  });

  it('writes an empty collection', () => {
    const empty = JSON.parse([...webAnnotationChunks({ pages: [], claims: [], reviews: [] }, { exportedAt })].join(''));
    expect(empty.total).toBe(0);
    expect(empty.first.items).toEqual([]);
  });
});
