import { describe, expect, it } from 'vitest';
import { claimFingerprint } from '../../../utils/db/fingerprint';
import { webAnnotationChunks } from '../../../utils/export/web-annotation';
import { ImportError } from '../../../utils/import/errors';
import { parseImport } from '../../../utils/import/parse-import';
import { parseWebAnnotations } from '../../../utils/import/web-annotation';
import { exportedAt, sampleLibrary } from '../export/sample-library';

const exported = () => JSON.parse([...webAnnotationChunks(sampleLibrary, { exportedAt })].join(''));

describe('parseWebAnnotations', () => {
  it('reads our own W3C export back: ids, verdicts, notes, speakers, selectors and times survive', () => {
    const { format, library } = parseImport(exported());
    expect(format).toBe('w3c');
    expect(library.reviews).toEqual([]);
    expect(library.pages).toEqual([
      { url: 'https://news.example.com/world/alliance', title: '', site: 'news.example.com', firstSeen: sampleLibrary.claims[0]!.createdAt, lastSeen: sampleLibrary.claims[1]!.updatedAt },
      { url: 'https://blog.example.org/post?id=1&x=2', title: '', site: 'blog.example.org', firstSeen: sampleLibrary.claims[2]!.createdAt, lastSeen: sampleLibrary.claims[2]!.updatedAt },
    ]);
    const [first, second, third] = library.claims;
    const original = sampleLibrary.claims[0]!;
    expect(first).toEqual({
      id: original.id,
      pageUrl: original.pageUrl,
      site: 'news.example.com',
      speaker: { name: 'Ayad Allawi', type: 'unknown' },
      cue: '',
      kind: 'indirect',
      text: original.selectors.quote.exact,
      selectors: original.selectors,
      status: 'verified',
      note: original.note,
      fingerprint: claimFingerprint('Ayad Allawi', original.selectors.quote.exact),
      createdAt: original.createdAt,
      updatedAt: original.updatedAt,
      reviewedAt: original.reviewedAt,
      anchor: 'anchored',
      manual: false,
      dismissed: false,
    });
    expect(second).toMatchObject({ id: 'p1:c2', status: 'disputed', note: '@SUM(A1)', speaker: { name: 'the ministry' } });
    expect(third).toMatchObject({ id: 'p2:m1', status: 'unreviewed', speaker: null, text: '<img src=x onerror=alert(1)> 🎉' });
  });

  it("accepts another tool's annotation: a bare Annotation with extra selectors and properties", () => {
    const { library } = parseImport({
      '@context': ['http://www.w3.org/ns/anno.jsonld', { extra: 'https://example.org/ns#' }],
      id: 'https://annotations.example/a/42',
      type: 'Annotation',
      creator: 'someone',
      body: { type: 'TextualBody', purpose: 'assessing', value: 'disputed' },
      target: {
        source: { id: 'https://www.example.com/story?utm_source=x#frag', type: 'Text' },
        selector: [
          { type: 'CssSelector', value: 'p' },
          { type: 'TextQuoteSelector', exact: '“We will win,”' },
        ],
      },
    });
    expect(library.claims).toHaveLength(1);
    expect(library.claims[0]).toMatchObject({
      pageUrl: 'https://www.example.com/story',
      kind: 'direct',
      status: 'disputed',
      selectors: { quote: { exact: '“We will win,”', prefix: '', suffix: '' }, position: { start: 0, end: 0 } },
    });
    expect(library.claims[0]!.id).toMatch(/^c[0-9a-f]{32}$/);
  });

  it.each([
    [(a: Record<string, unknown>) => ({ ...a, target: { source: 'javascript:alert(1)', selector: (a.target as { selector: unknown }).selector } }), 'first.items[0].target.source: expected an http(s) URL'],
    [(a: Record<string, unknown>) => ({ ...a, target: { source: 'https://a.example/', selector: [{ type: 'TextPositionSelector', start: 1, end: 2 }] } }), "first.items[0].target.selector: no TextQuoteSelector, so the claim's text is unknown"],
    [(a: Record<string, unknown>) => ({ ...a, body: [{ type: 'TextualBody', purpose: 'assessing', value: 'true' }] }), 'first.items[0].body[0].value: expected unreviewed, verified or disputed, got "true"'],
    [(a: Record<string, unknown>) => ({ ...a, type: 'Note' }), 'first.items[0].type: expected Annotation, got "Note"'],
    [(a: Record<string, unknown>) => ({ ...a, created: 'yesterday' }), 'first.items[0].created: expected a date and time'],
  ])('names what is wrong and where (%#)', (mutate, problem) => {
    const data = exported();
    data.first.items[0] = mutate(data.first.items[0]);
    expect(() => parseWebAnnotations(data)).toThrow(ImportError);
    try {
      parseWebAnnotations(data);
    } catch (error) {
      expect((error as ImportError).problems[0]).toBe(problem);
    }
  });

  it('refuses a collection whose annotations are not embedded', () => {
    expect(() => parseWebAnnotations({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', first: 'https://x.example/page1' })).toThrow(/not embedded/);
  });

  it('refuses JSON that is neither format', () => {
    expect(() => parseImport({ hello: 'world' })).toThrow(/imports its own JSON export and W3C Web Annotation/);
    expect(() => parseImport([1, 2])).toThrow(ImportError);
  });
});
