import { z } from 'zod';
import { ZHistoryId } from './gmail-responses.ts';

/** The Pub/Sub push envelope: `data` is base64 of the Gmail notification JSON. */
const ZPushEnvelope = z.object({
  message: z.object({ data: z.string().min(1).max(10_000), messageId: z.string().optional() }),
  subscription: z.string().optional(),
});

const ZGmailNotification = z.object({ emailAddress: z.string().min(3).max(320), historyId: ZHistoryId });

export type GmailPushNotification = { emailAddress: string; historyId: string };

/**
 * The mailbox and history id a Gmail push notification announces, or null for anything else.
 * Pub/Sub may use either base64 alphabet; Gmail may send historyId as a number or a string.
 */
export function decodeGmailPush(body: unknown): GmailPushNotification | null {
  const envelope = ZPushEnvelope.safeParse(body);
  if (!envelope.success) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(envelope.data.message.data, 'base64').toString('utf8'));
  } catch {
    return null;
  }
  const notification = ZGmailNotification.safeParse(payload);
  if (!notification.success) return null;
  return { emailAddress: notification.data.emailAddress, historyId: notification.data.historyId };
}
