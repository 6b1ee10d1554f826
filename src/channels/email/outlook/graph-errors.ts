import { ProviderApiError } from '../gmail/provider-api-error.ts';
import { type ApiResponse, retryAfterOf } from '../retrying-fetch.ts';

/** A failed Microsoft Graph call; `code` is Graph's error code ("ErrorItemNotFound", …). */
export class GraphApiError extends ProviderApiError {}

type GraphErrorBody = { error?: { code?: unknown; message?: unknown } };

/** The error for an unsuccessful answer to the named operation ("messages.reply"). */
export function graphErrorFor(operation: string, res: ApiResponse): GraphApiError {
  let code: string | null = null;
  let detail = '';
  try {
    const { error } = JSON.parse(res.body.toString('utf8')) as GraphErrorBody;
    if (typeof error?.code === 'string') code = error.code;
    if (typeof error?.message === 'string') detail = `: ${error.message.slice(0, 200)}`;
  } catch {}
  return new GraphApiError(
    `Graph ${operation} failed (HTTP ${res.status})${detail}`,
    res.status,
    code,
    retryAfterOf(res),
  );
}

/** Throttling (429) and a busy or unreachable service (502, 503, 504) are worth another try. */
export const isGraphRetryable = (res: ApiResponse) => [429, 502, 503, 504].includes(res.status);
