export * from './protocol';
export { MessageError } from './envelope';
export type { MessageErrorCode, ReplyEnvelope, RequestEnvelope } from './envelope';
export { sendToBackground, sendToTab, broadcastToTabs } from './send';
export { onMessages, onMessageRoutes, route, isOwnExtension, isExtensionPage, isContentScript } from './receive';
export type { Handlers, MessageSender, ReceiveOptions, SenderCheck } from './receive';
export {
  LIMITS,
  contentToBackgroundSchemas,
  extensionPageToBackgroundSchemas,
  claimRecordSchema,
  reviewRecordSchema,
} from './schemas';
export type { RequestSchemas } from './schemas';
export { onContentMessages } from './receive-content';
export { toContentGuards, isClaimRecord } from './content-guards';
export type { Guards } from './content-guards';
