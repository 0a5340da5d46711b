/**
 * Hand-written checks of the messages a content script accepts (ToContent). The background and the
 * extension pages validate everything they receive with valibot (utils/messaging/schemas.ts); a
 * content script only hears from this extension itself, and every page pays for its size, so it
 * checks the few shapes it reads with these small guards instead of the schema library.
 */
import type { ClaimRecord } from '../db/types';
import type { Request, ToContent } from './protocol';

export type Guards<M> = { [K in keyof M]: (data: unknown) => data is Request<M, K> };

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const optional = (value: unknown, check: (value: unknown) => boolean) => value === undefined || check(value);
const oneOf = (...values: string[]) => (value: unknown) => values.includes(value as string);

const isStatus = oneOf('unreviewed', 'verified', 'disputed');
const isAnchor = oneOf('anchored', 'changed', 'orphaned');
const isKind = oneOf('direct', 'indirect', 'mixed');

/** Only the keys a shape names, so "__proto__" or extra fields are refused as valibot's strict objects do. */
function onlyKeys(value: Fields, keys: string): boolean {
  const allowed = keys.split(' ');
  return Object.keys(value).every((key) => allowed.includes(key));
}

function isSpeaker(value: unknown): boolean {
  return (
    value === null ||
    (isObject(value) &&
      onlyKeys(value, 'name role mention type') &&
      isString(value.name) &&
      optional(value.role, isString) &&
      optional(value.mention, isString) &&
      oneOf('person', 'organization', 'group', 'unknown')(value.type))
  );
}

function isSelectors(value: unknown): boolean {
  if (!isObject(value) || !onlyKeys(value, 'quote position')) return false;
  const { quote, position } = value;
  return (
    isObject(quote) &&
    quote.type === 'TextQuoteSelector' &&
    isString(quote.exact) &&
    isString(quote.prefix) &&
    isString(quote.suffix) &&
    isObject(position) &&
    position.type === 'TextPositionSelector' &&
    isCount(position.start) &&
    isCount(position.end) &&
    position.end >= position.start
  );
}

export function isClaimRecord(value: unknown): value is ClaimRecord {
  return (
    isObject(value) &&
    onlyKeys(value, 'id pageUrl site speaker cue kind text selectors status note fingerprint createdAt updatedAt reviewedAt anchor currentText manual dismissed') &&
    [value.id, value.pageUrl, value.cue, value.text, value.note, value.fingerprint].every(isString) &&
    optional(value.site, isString) &&
    isSpeaker(value.speaker) &&
    isKind(value.kind) &&
    isSelectors(value.selectors) &&
    isStatus(value.status) &&
    isCount(value.createdAt) &&
    isCount(value.updatedAt) &&
    optional(value.reviewedAt, isCount) &&
    isAnchor(value.anchor) &&
    optional(value.currentText, isString) &&
    typeof value.manual === 'boolean' &&
    typeof value.dismissed === 'boolean'
  );
}

export const toContentGuards: Guards<ToContent> = {
  'claims:changed': (data): data is Request<ToContent, 'claims:changed'> =>
    isObject(data) && onlyKeys(data, 'pageUrl claims') && isString(data.pageUrl) && Array.isArray(data.claims) && data.claims.every(isClaimRecord),
  'page:get-claims': (data): data is null => data === null,
  'claim:show': (data): data is { claimId: string } => isObject(data) && onlyKeys(data, 'claimId') && isString(data.claimId),
  'selection:track': (data): data is { speaker?: string } => isObject(data) && onlyKeys(data, 'speaker') && optional(data.speaker, isString),
  'highlights:toggle': (data): data is null => data === null,
};
