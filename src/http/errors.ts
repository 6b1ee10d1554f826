/** Machine-readable error codes the API answers with, one line each. */
export const ERROR_CODES = {
  invalid_request: 'the body, query or path failed validation',
  invalid_json: 'the body is not valid JSON',
  invalid_cursor: 'the pagination cursor is malformed',
  payload_too_large: 'the body exceeds the size limit',
  unsupported_media_type: 'the Content-Type is not accepted',
  unauthenticated: 'no valid session or token',
  invalid_credentials: 'email or password is wrong',
  too_many_attempts: 'too many failed sign-ins; try again later',
  rate_limited: 'too many requests; slow down',
  csrf: 'cross-site request refused',
  forbidden: 'signed in, but not allowed to do this',
  not_found: 'no such resource in this shop',
  invalid_widget_key: 'the widget key matches no shop',
  conflict: 'the change conflicts with the current state',
  not_resolved: 'only a resolved conversation can be rated',
  already_rated: 'the conversation already has a rating',
  invalid_transition: 'the ticket cannot move from its current status to that one',
  invalid_category: 'the category is not one of the shop’s categories, or its name is invalid',
  category_exists: 'the shop already has that category',
  too_many_categories: 'the shop has the maximum number of categories',
  too_many_views: 'the list has the maximum number of saved views',
  nothing_to_retry: 'the delivery is not in a failed state',
  webhook_url_not_allowed: 'webhook URLs must be https and resolve to public addresses',
  ai_base_url_not_allowed:
    'an AI base URL must be https on a public address (unless the server allows private ones) without credentials',
  invalid_recipients: 'notification recipients must be valid email addresses (at most 10)',
  shopify_not_configured: 'the Shopify app is not configured on this server',
  encryption_key_missing: 'SUPPORTIFY_ENCRYPTION_KEY is needed to store Shopify access tokens',
  invalid_shop: 'the shop must be a *.myshopify.com domain',
  invalid_hmac: 'the Shopify HMAC signature is missing or does not verify',
  invalid_state: 'the OAuth state is missing, expired, already used or for another shop',
  invalid_webhook: 'the Shopify webhook lacks required headers or a JSON body',
  shopify_unavailable: 'Shopify refused or failed the request',
  internal_error: 'something went wrong on our side',
  service_unavailable: 'a dependency (usually the database) is unavailable',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** An error that becomes `{ error: { code, message } }` with its HTTP status. */
export class AppError extends Error {
  readonly statusCode: number;
  readonly code: ErrorCode;

  constructor(statusCode: number, code: ErrorCode, message: string = ERROR_CODES[code]) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
  }
}

export const notFound = (what = 'resource') => new AppError(404, 'not_found', `No such ${what}`);
export const unauthenticated = () => new AppError(401, 'unauthenticated', 'Sign in first');

export function errorBody(code: ErrorCode, message: string) {
  return { error: { code, message } };
}
