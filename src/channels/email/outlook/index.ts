export { createGraphClient, type GraphClient, type GraphClientOptions } from './graph-client.ts';
export { GraphApiError } from './graph-errors.ts';
export type {
  GraphItemBody,
  GraphMessage,
  GraphOutgoingMessage,
  GraphRecipient,
  GraphReply,
} from './graph-types.ts';
export {
  type GraphNotificationOutcome,
  type GraphNotificationRequest,
  handleGraphNotificationRequest,
} from './handle-graph-notification.ts';
