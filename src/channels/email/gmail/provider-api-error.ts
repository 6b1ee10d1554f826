/** A failed mail-provider API call. `status` is 0 when no answer came; messages never hold tokens. */
export class ProviderApiError extends Error {
  readonly status: number;
  /** The provider's error reason or code ("notFound", "ErrorItemNotFound", …) when the answer named one. */
  readonly code: string | null;
  /** How long the provider asked us to wait (Retry-After), when it did. */
  readonly retryAfterMs: number | null;
  constructor(
    message: string,
    status: number,
    code: string | null = null,
    retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = new.target.name;
    this.status = status;
    this.code = code;
    this.retryAfterMs = retryAfterMs;
  }
}
