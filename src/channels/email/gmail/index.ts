export type { RetryOptions, Sleep } from '../retrying-fetch.ts';
export { decodeGmailPush, type GmailPushNotification } from './decode-gmail-push.ts';
export {
  createGmailClient,
  type GmailClient,
  type GmailClientOptions,
  type GmailRawMessage,
} from './gmail-client.ts';
export { GmailApiError, GmailHistoryExpiredError } from './gmail-errors.ts';
export { ProviderApiError } from './provider-api-error.ts';
export {
  RESYNC_QUERY,
  type SyncGmailMailboxInput,
  type SyncGmailMailboxResult,
  syncGmailMailbox,
} from './sync-gmail-mailbox.ts';
