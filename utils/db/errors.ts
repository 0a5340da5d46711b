/** Storage failures, classified so every context can show the same plain-language message. */

export type StorageErrorCode = 'quota' | 'aborted' | 'unavailable' | 'unknown';

const USER_MESSAGES: Record<StorageErrorCode, string> = {
  quota: "ClaimTrail could not save: your browser's storage is full. Free some space or delete old claims, then try again.",
  aborted: 'ClaimTrail could not save: the change was interrupted. Nothing was written; please try again.',
  unavailable: 'ClaimTrail could not open its database. Private browsing or a browser setting may be blocking storage.',
  unknown: 'ClaimTrail could not save this change. Nothing was written; please try again.',
};

export class StorageError extends Error {
  override readonly name = 'StorageError';
  readonly code: StorageErrorCode;
  /** Technical detail for the console; `message` is what the user sees. */
  readonly detail: string;

  constructor(code: StorageErrorCode, detail = '') {
    super(USER_MESSAGES[code]);
    this.code = code;
    this.detail = detail;
  }
}

function errorName(e: unknown): string {
  return e && typeof e === 'object' && 'name' in e && typeof e.name === 'string' ? e.name : '';
}

/** Dexie wraps the DOMException in `inner` (sometimes twice); look through the chain. */
function errorChain(e: unknown): unknown[] {
  const chain: unknown[] = [];
  let cur: unknown = e;
  while (cur && chain.length < 5) {
    chain.push(cur);
    cur = typeof cur === 'object' && 'inner' in cur ? cur.inner : null;
  }
  return chain;
}

export function toStorageError(e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  const names = errorChain(e).map(errorName);
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  if (names.includes('QuotaExceededError')) return new StorageError('quota', detail);
  if (names.some((n) => n === 'AbortError' || n === 'TransactionInactiveError')) return new StorageError('aborted', detail);
  if (names.some((n) => n === 'OpenFailedError' || n === 'MissingAPIError' || n === 'InvalidStateError')) {
    return new StorageError('unavailable', detail);
  }
  return new StorageError('unknown', detail);
}

/** A request about a page or claim ClaimTrail does not track; nothing was written. */
export class InvalidPageError extends Error {
  override readonly name = 'InvalidPageError';
}

/** Runs a storage operation, turning any storage failure into a StorageError. */
export async function guarded<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (e) {
    if (e instanceof InvalidPageError) throw e;
    throw toStorageError(e);
  }
}
