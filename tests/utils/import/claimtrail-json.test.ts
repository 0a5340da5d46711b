import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { reviewRecordSchema } from '../../../utils/messaging/schemas';
import { importedClaimSchema, pageRecordSchema, parseClaimTrailJson } from '../../../utils/import/claimtrail-json';
import { ImportError } from '../../../utils/import/errors';
import { parseImport, parseImportFile } from '../../../utils/import/parse-import';
import { claims, sampleLibrary } from '../export/sample-library';
import { exportObject, exportText } from './fixtures';

function problemsOf(data: unknown): string[] {
  try {
    parseClaimTrailJson(data);
  } catch (error) {
    if (error instanceof ImportError) return error.problems.length ? error.problems : [error.message];
    throw error;
  }
  throw new Error('expected an ImportError');
}

const many = Array.from({ length: 15 }, (_, i) => ({ ...claims[0]!, id: `c${i}` }));

describe('parseClaimTrailJson', () => {
  it('accepts an export, hostile text included, and returns the records as they were', () => {
    expect(parseImport(exportObject(sampleLibrary))).toEqual({ format: 'claimtrail', library: sampleLibrary });
  });

  it('the record schemas only check, never transform: a valid record is its own output (the import keeps the parsed record)', () => {
    const data = exportObject(sampleLibrary);
    for (const page of data.pages as unknown[]) expect(v.parse(pageRecordSchema, page)).toStrictEqual(page);
    for (const claim of data.claims) expect(v.parse(importedClaimSchema, claim)).toStrictEqual(claim);
    for (const review of data.reviews as unknown[]) expect(v.parse(reviewRecordSchema, review)).toStrictEqual(review);
  });

  it('a claim pointing at a page URL that is not normalized is refused through its page', () => {
    const data = exportObject(sampleLibrary);
    data.claims[0]!.pageUrl = `${data.claims[0]!.pageUrl}#top`;
    expect(problemsOf(data)).toEqual(['claims[0].pageUrl: no page with this URL in the file']);
  });

  it('names the record and field of a wrong status', () => {
    const data = exportObject({ ...sampleLibrary, claims: many });
    data.claims[12]!.status = 'ok';
    expect(problemsOf(data)).toEqual(['claims[12].status: expected unreviewed, verified or disputed, got "ok"']);
    expect(() => parseClaimTrailJson(data)).toThrow(
      'This ClaimTrail file cannot be imported: claims[12].status: expected unreviewed, verified or disputed, got "ok". Nothing was changed.',
    );
  });

  it('names wrong types, missing fields and unexpected keys', () => {
    const data = exportObject(sampleLibrary);
    data.claims[0]!.createdAt = '2026-11-21';
    delete data.claims[1]!.note;
    data.claims[2]!.selectors = { quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '', extra: 1 }, position: { type: 'TextPositionSelector', start: 0, end: 1 } };
    (data.pages as Record<string, unknown>[])[1]!.firstSeen = -5;
    expect(problemsOf(data)).toEqual([
      'pages[1].firstSeen: -5 is out of range',
      'claims[0].createdAt: expected a number, got "2026-11-21"',
      'claims[1].note: missing',
      'claims[2].selectors.quote.extra: unexpected key',
    ]);
  });

  it('refuses a newer version, asking to update', () => {
    const data = { ...exportObject(sampleLibrary), version: 2 };
    expect(() => parseClaimTrailJson(data)).toThrow(/newer ClaimTrail \(format version 2; this one reads version 1\)/);
  });

  it('refuses an unknown format and a broken envelope', () => {
    expect(() => parseClaimTrailJson({ format: 'hypothesis' })).toThrow(/not a ClaimTrail export/);
    expect(problemsOf({ format: 'claimtrail', version: 1, exportedAt: 'x', pages: {}, claims: [] })).toEqual([
      'pages: expected a list, got an object',
      'reviews: missing',
    ]);
    expect(problemsOf({ format: 'claimtrail', version: 0, exportedAt: 'x', pages: [], claims: [], reviews: [] })).toEqual([
      'version: expected 1, got 0',
    ]);
  });

  it('checks that claims and reviews point at records in the file', () => {
    const data = exportObject({ ...sampleLibrary, pages: [sampleLibrary.pages[0]!] });
    expect(problemsOf(data)).toEqual(['claims[2].pageUrl: no page with this URL in the file']);
    const dupes = exportObject({ ...sampleLibrary, claims: [...claims, claims[0]!], reviews: [{ ...sampleLibrary.reviews[0]!, claimId: 'gone' }] });
    expect(problemsOf(dupes)).toEqual(['claims[3].id: the same claim is listed twice', 'reviews[0].claimId: no claim with this id in the file']);
  });

  it('refuses javascript: and other non-web page URLs', () => {
    const data = exportObject(sampleLibrary);
    (data.pages as Record<string, unknown>[])[0]!.url = 'javascript:alert(1)';
    expect(problemsOf(data)[0]).toBe('pages[0].url: expected a normalized http(s) page URL');
  });

  it('keeps HTML in text as inert text', () => {
    const html = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const data = exportObject({ ...sampleLibrary, claims: [{ ...claims[0]!, text: html, note: html }], reviews: [] });
    const parsed = parseClaimTrailJson(data);
    expect(parsed.claims[0]?.text).toBe(html);
    expect(parsed.claims[0]?.note).toBe(html);
  });

  it('stops collecting after 20 problems', () => {
    const broken = Array.from({ length: 500 }, (_, i) => ({ ...claims[0]!, id: `c${i}`, status: 'nope' }));
    const problems = problemsOf(exportObject({ ...sampleLibrary, claims: broken as never }));
    expect(problems).toHaveLength(20);
    expect(() => parseClaimTrailJson(exportObject({ ...sampleLibrary, claims: broken as never }))).toThrow(/and more other problems/);
  });
});

// Big files are slow to build on a loaded machine; these tests check outcomes, never time.
describe('a 50 MB file', { timeout: 180_000 }, () => {
  const bigNote = 'N'.repeat(9_990);
  const bigClaims = Array.from({ length: 5_200 }, (_, i) => ({ ...claims[0]!, id: `c${i}`, note: i === 4_000 ? `${bigNote}${'x'.repeat(20)}` : bigNote }));
  // One note (claims[4000]) is 20 characters over the limit; the valid file is the same text with it trimmed.
  const invalid = exportText({ ...sampleLibrary, claims: bigClaims, reviews: [] });
  const valid = invalid.replace('x'.repeat(20), '');

  it('imports when valid', async () => {
    expect(valid.length).toBeGreaterThan(50 * 1024 * 1024);
    const parsed = await parseImportFile(new Blob([valid]));
    expect(parsed.library.claims).toHaveLength(5_200);
  });

  it('is refused with the place of the problem when one note is too long', async () => {
    await expect(parseImportFile(new Blob([invalid]))).rejects.toThrow('claims[4000].note: too long (at most 10000)');
  });

  it('is refused as incomplete when cut short', async () => {
    await expect(parseImportFile(new Blob([valid.slice(0, 50 * 1024 * 1024)]))).rejects.toThrow(/not valid JSON/);
  });
});
