export { createDb, getDb, DB_NAME, DB_VERSION, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5 } from './database';
export type { ClaimGroup } from './claim-group';
export type { ClaimChunk } from './claim-chunks';
export type { ClaimTrailDb } from './database';
export { InvalidPageError, StorageError, toStorageError } from './errors';
export type { StorageErrorCode } from './errors';
export { claimFingerprint, claimId, normalizeForMatching } from './fingerprint';
export * from './operations';
export type * from './types';
