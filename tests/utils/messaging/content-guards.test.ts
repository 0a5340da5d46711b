import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { isClaimRecord, toContentGuards } from '../../../utils/messaging/content-guards';
import { claimRecordSchema } from '../../../utils/messaging/schemas';
import { pageClaim, record } from '../../components/fixtures';

const valid = record(pageClaim('c1', 'The discussion has started'), { pageUrl: 'https://example.com/news/a', site: 'example.com', reviewedAt: 5 });

/** Hostile and broken variants of a valid record: each is refused by the background's schema. */
const broken: [string, unknown][] = [
  ['null', null],
  ['an array', [valid]],
  ['extra field', { ...valid, admin: true }],
  ['__proto__ key', JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(valid).slice(1)}`)],
  ['constructor key in the speaker', { ...valid, speaker: { name: 'X', type: 'person', constructor: {} } }],
  ['unknown status', { ...valid, status: 'true' }],
  ['unknown anchor state', { ...valid, anchor: 'moved' }],
  ['unknown kind', { ...valid, kind: 'rumour' }],
  ['numeric id', { ...valid, id: 5 }],
  ['missing note', { ...valid, note: undefined }],
  ['note as object', { ...valid, note: { toString: () => 'x' } }],
  ['negative time', { ...valid, createdAt: -1 }],
  ['fractional time', { ...valid, updatedAt: 1.5 }],
  ['string flag', { ...valid, manual: 'false' }],
  ['speaker without a type', { ...valid, speaker: { name: 'X' } }],
  ['wrong selector type', { ...valid, selectors: { ...valid.selectors, quote: { ...valid.selectors.quote, type: 'CssSelector' } } }],
  ['position end before start', { ...valid, selectors: { ...valid.selectors, position: { type: 'TextPositionSelector', start: 9, end: 2 } } }],
  ['extra selector', { ...valid, selectors: { ...valid.selectors, xpath: '/html' } }],
];

describe('isClaimRecord', () => {
  it('accepts stored records, with and without their optional fields', () => {
    expect(isClaimRecord(valid)).toBe(true);
    expect(isClaimRecord(record(pageClaim('c2', 'x'), { speaker: null, currentText: 'y', anchor: 'changed' }))).toBe(true);
  });

  it.each(broken)('refuses a record with %s, as the background schema does', (_name, value) => {
    expect(v.is(claimRecordSchema, value)).toBe(false);
    expect(isClaimRecord(value)).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  // Strings are left out: string lengths and the page URL's form only matter to the background's writes.
  it('agrees with the background schema on records with fields dropped or replaced by random non-string values', () => {
    const keys = Object.keys(valid) as (keyof typeof valid)[];
    const notString = fc.anything().filter((value) => typeof value !== 'string');
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.option(notString, { nil: undefined }), (key, value) => {
        const changed: Record<string, unknown> = { ...valid, [key]: value };
        if (value === undefined) delete changed[key];
        expect(isClaimRecord(changed)).toBe(v.is(claimRecordSchema, changed));
      }),
    );
  });
});

describe('toContentGuards', () => {
  it('checks each message type it handles', () => {
    expect(toContentGuards['claims:changed']({ pageUrl: valid.pageUrl, claims: [valid] })).toBe(true);
    expect(toContentGuards['claims:changed']({ pageUrl: valid.pageUrl, claims: [valid, { ...valid, status: 'x' }] })).toBe(false);
    expect(toContentGuards['claims:changed']({ pageUrl: valid.pageUrl, claims: [], extra: 1 })).toBe(false);
    expect(toContentGuards['claim:show']({ claimId: 'c1' })).toBe(true);
    expect(toContentGuards['claim:show']({ claimId: 1 })).toBe(false);
    expect(toContentGuards['selection:track']({})).toBe(true);
    expect(toContentGuards['selection:track']({ speaker: 'A' })).toBe(true);
    expect(toContentGuards['selection:track']({ speaker: ['A'] })).toBe(false);
    expect(toContentGuards['page:get-claims'](null)).toBe(true);
    expect(toContentGuards['highlights:toggle']({})).toBe(false);
  });
});
