/**
 * Hand-written checks of the messages a content script accepts (ToContent). The background and the
 * extension pages validate everything they receive with valibot (utils/messaging/schemas.ts); a
 * content script only hears from this extension itself, and every page pays for its size, so it
 * checks the few shapes it reads with these small guards instead of the schema library. Objects are
 * strict like valibot's: a key the shape does not name ("__proto__" included) fails the check.
 */
import type { ClaimRecord } from '../db/types';
import type { Request, ToContent } from './protocol';

export type Guards<M> = { [K in keyof M]: (data: unknown) => data is Request<M, K> };

type Check = (value: unknown) => boolean;

const string: Check = (value) => typeof value === 'string';
const boolean: Check = (value) => typeof value === 'boolean';
const count: Check = (value) => Number.isSafeInteger(value) && (value as number) >= 0;
const oneOf =
  (...values: unknown[]): Check =>
  (value) =>
    values.includes(value);
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value);

/** Runs `refine` only on a value whose fields passed their checks. */
function object(shape: Record<string, Check>, refine: (value: Record<string, unknown>) => boolean = () => true): Check {
  return (value) =>
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).every((key) => Object.hasOwn(shape, key)) &&
    Object.entries(shape).every(([key, check]) => check((value as Record<string, unknown>)[key])) &&
    refine(value as Record<string, unknown>);
}

const speaker = (value: unknown) =>
  value === null ||
  object({ name: string, role: optional(string), mention: optional(string), type: oneOf('person', 'organization', 'group', 'unknown') })(value);

const selectors = object(
  {
    quote: object({ type: oneOf('TextQuoteSelector'), exact: string, prefix: string, suffix: string }),
    position: object({ type: oneOf('TextPositionSelector'), start: count, end: count }),
  },
  (value) => {
    const position = value.position as { start: number; end: number };
    return position.end >= position.start;
  },
);

const claimRecord = object({
  id: string,
  pageUrl: string,
  site: optional(string),
  speaker,
  cue: string,
  kind: oneOf('direct', 'indirect', 'mixed'),
  text: string,
  selectors,
  status: oneOf('unreviewed', 'verified', 'disputed'),
  note: string,
  fingerprint: string,
  createdAt: count,
  updatedAt: count,
  reviewedAt: optional(count),
  anchor: oneOf('anchored', 'changed', 'orphaned'),
  currentText: optional(string),
  manual: boolean,
  dismissed: boolean,
});

export const isClaimRecord = (value: unknown): value is ClaimRecord => claimRecord(value);

// Each check is written to the shape of its message; the cast only says so to the type checker.
export const toContentGuards = ({
  'claims:changed': object({ pageUrl: string, claims: (value) => Array.isArray(value) && value.every(claimRecord) }),
  'page:get-claims': oneOf(null),
  'claim:show': object({ claimId: string }),
  'selection:track': object({ speaker: optional(string) }),
  'highlights:toggle': oneOf(null),
} satisfies Record<keyof ToContent, Check>) as Guards<ToContent>;
