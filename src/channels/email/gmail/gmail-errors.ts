import { type ApiResponse, retryAfterOf } from '../retrying-fetch.ts';
import { ProviderApiError } from './provider-api-error.ts';

/** A failed Gmail API call; `code` is Google's reason ("notFound", "rateLimitExceeded", …). */
export class GmailApiError extends ProviderApiError {}

/** users.history.list answered 404: the start history id is too old (or invalid); a full resync is due. */
export class GmailHistoryExpiredError extends GmailApiError {
  constructor(message: string) {
    super(message, 404, 'notFound');
  }
}

type GoogleErrorBody = { error?: { message?: unknown; errors?: { reason?: unknown }[] } };

/** Google's error message and first reason from an error answer, when it is the usual JSON. */
export function googleError(res: ApiResponse): { message: string | null; reason: string | null } {
  try {
    const { error } = JSON.parse(res.body.toString('utf8')) as GoogleErrorBody;
    const reason = error?.errors?.[0]?.reason;
    return {
      message: typeof error?.message === 'string' ? error.message.slice(0, 200) : null,
      reason: typeof reason === 'string' ? reason : null,
    };
  } catch {
    return { message: null, reason: null };
  }
}

/** The error for an unsuccessful answer to the named operation ("history.list"). */
export function gmailErrorFor(operation: string, res: ApiResponse): GmailApiError {
  const { message, reason } = googleError(res);
  const text = `Gmail ${operation} failed (HTTP ${res.status})${message ? `: ${message}` : ''}`;
  if (operation === 'history.list' && res.status === 404) return new GmailHistoryExpiredError(text);
  return new GmailApiError(text, res.status, reason, retryAfterOf(res));
}

/** Gmail signals rate limits as 429 or as 403 with a rate-limit reason; 5xx are transient. */
export function isGmailRetryable(res: ApiResponse): boolean {
  if (res.status === 429 || res.status >= 500) return true;
  if (res.status !== 403) return false;
  const { reason } = googleError(res);
  return reason === 'rateLimitExceeded' || reason === 'userRateLimitExceeded';
}
