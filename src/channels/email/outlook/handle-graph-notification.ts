import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export type GraphNotificationRequest = {
  /** The parsed query string; Graph's endpoint validation sends `validationToken` there. */
  query: unknown;
  body: unknown;
  /** The clientState secret given when the subscription was created. */
  expectedClientState: string;
};

export type GraphNotificationOutcome =
  | { kind: 'validation'; validationToken: string }
  | { kind: 'notifications'; messageIds: string[]; rejected: number };

const ZValidation = z.object({ validationToken: z.string().min(1).max(4096) });

const ZNotificationCollection = z.object({ value: z.array(z.unknown()).max(1000) });

const ZChangeNotification = z.object({
  clientState: z.string().max(1024).optional(),
  changeType: z.string().optional(),
  resource: z.string().optional(),
  resourceData: z.object({ id: z.string().min(1).max(1024) }).optional(),
});

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Whether a notification carries the expected secret, compared in constant time (equal-length digests). */
function hasClientState(received: string | undefined, expected: string): boolean {
  if (received === undefined || expected === '') return false;
  return timingSafeEqual(digest(received), digest(expected));
}

/**
 * The Microsoft Graph webhook protocol for mail subscriptions: an endpoint validation (echo the token), or
 * a batch of change notifications of which only those with our clientState count; the ids of created
 * messages come back once each. A body that is not a notification collection yields no ids.
 */
export function handleGraphNotificationRequest(request: GraphNotificationRequest): GraphNotificationOutcome {
  const validation = ZValidation.safeParse(request.query);
  if (validation.success) return { kind: 'validation', validationToken: validation.data.validationToken };

  const ids = new Set<string>();
  let rejected = 0;
  const collection = ZNotificationCollection.safeParse(request.body);
  for (const item of collection.success ? collection.data.value : []) {
    const notification = ZChangeNotification.safeParse(item);
    if (
      !notification.success ||
      !hasClientState(notification.data.clientState, request.expectedClientState)
    ) {
      rejected++;
      continue;
    }
    const { changeType, resourceData } = notification.data;
    if (changeType === 'created' && resourceData) ids.add(resourceData.id);
  }
  return { kind: 'notifications', messageIds: [...ids], rejected };
}
