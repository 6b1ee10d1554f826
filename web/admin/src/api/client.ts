import type { MessageKey } from '../i18n/messages-en.ts';
import { type Params, pageLanguage, translate } from '../i18n/translate.ts';
import { sessionTokenHeader } from './shopify-session.ts';

/** An API failure: the server's `{ error: { code, message } }`, or a network problem (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** For a failure the browser words itself (no server message): its text in the UI's language. */
  readonly text?: { key: MessageKey; params?: Params };

  constructor(status: number, code: string, message: string, text?: { key: MessageKey; params?: Params }) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.text = text;
  }
}

/** A failure worded by the browser: `key`'s text, in English as the message and translated when shown. */
export function clientError(status: number, code: string, key: MessageKey, params?: Params): ApiError {
  return new ApiError(status, code, translate('en', key, params), { key, params });
}

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
};

type ErrorBody = { error?: { code?: unknown; message?: unknown } };

function errorFrom(status: number, data: unknown): ApiError {
  const error = (data as ErrorBody | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : 'http_error';
  return typeof error?.message === 'string' && error.message
    ? new ApiError(status, code, error.message)
    : clientError(status, code, 'error.http', { status: String(status) });
}

/**
 * Calls the admin API with the session cookie (or, embedded in Shopify, a session token); resolves to the
 * JSON body, throws ApiError otherwise.
 */
export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...(await sessionTokenHeader()) };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      credentials: 'same-origin',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw clientError(0, 'network_error', 'error.network');
  }
  const text = response.status === 204 ? '' : await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      // A proxy's HTML error page: fall through to a generic message.
    }
  }
  if (!response.ok) throw errorFrom(response.status, data);
  return data as T;
}

/** Builds `path?query` from the defined, non-empty values only. */
export function withQuery(
  path: string,
  params: Record<string, string | number | boolean | null | undefined>,
) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export const isApiError = (error: unknown, status?: number): error is ApiError =>
  error instanceof ApiError && (status === undefined || error.status === status);

/**
 * A sentence to show for any thrown value: the server's message as it is (English), a failure the browser
 * worded in the page's language.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError && error.text)
    return translate(pageLanguage(), error.text.key, error.text.params);
  return error instanceof Error && error.message ? error.message : translate(pageLanguage(), 'error.unknown');
}
