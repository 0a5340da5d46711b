/** The wire format of requests and replies, and the error a caller receives. */

export interface RequestEnvelope<T extends string = string, D = unknown> {
  ct: 1;
  type: T;
  data: D;
}

/**
 * Why a request failed. invalid / unknown-type / forbidden: the message was rejected before any
 * write. quota / aborted / unavailable: storage failed and nothing was written. failed: anything else.
 */
export type MessageErrorCode =
  | 'invalid'
  | 'unknown-type'
  | 'forbidden'
  | 'quota'
  | 'aborted'
  | 'unavailable'
  | 'unreachable'
  | 'failed';

export type ReplyEnvelope<D = unknown> =
  | { ct: 1; ok: true; data: D }
  | { ct: 1; ok: false; error: { code: MessageErrorCode; message: string } };

/** A rejected or failed request. `message` is written for the user (the card/popup shows it). */
export class MessageError extends Error {
  override readonly name = 'MessageError';
  readonly code: MessageErrorCode;

  constructor(code: MessageErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export function envelope<T extends string, D>(type: T, data: D): RequestEnvelope<T, D> {
  return { ct: 1, type, data };
}

export function ok<D>(data: D): ReplyEnvelope<D> {
  return { ct: 1, ok: true, data };
}

export function fail(code: MessageErrorCode, message: string): ReplyEnvelope<never> {
  return { ct: 1, ok: false, error: { code, message } };
}

function isReply(value: unknown): value is ReplyEnvelope {
  return typeof value === 'object' && value !== null && 'ct' in value && value.ct === 1 && 'ok' in value;
}

/** Turns a reply into its data, or throws the MessageError it carries. */
export function unwrapReply<D>(reply: unknown): D {
  if (!isReply(reply)) {
    throw new MessageError('unreachable', 'ClaimTrail did not answer. Reload the page and try again.');
  }
  if (reply.ok) return reply.data as D;
  throw new MessageError(reply.error.code, reply.error.message);
}
