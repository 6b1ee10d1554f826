import type { CustomerIntro, History, RatingValue, Session, WidgetConfig, WidgetMessage } from '../types.ts';

/** A non-2xx answer: its HTTP status and the API's machine-readable error code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Seconds the server asked us to wait (429), when it said so. */
  readonly retryAfter: number | null;

  constructor(status: number, code: string, message: string, retryAfter: number | null) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

/** True when retrying the same request later may succeed (network down, overload, rate limit). */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 429 || error.status === 408 || error.status >= 500;
}

/** The ApiError a non-2xx response stands for (its JSON error code, and Retry-After when given). */
export async function apiErrorFrom(res: Response): Promise<ApiError> {
  let code = 'http_error';
  let message = `HTTP ${res.status}`;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    code = body.error?.code ?? code;
    message = body.error?.message ?? message;
  } catch {
    // Not our JSON (a proxy's error page): the status says enough.
  }
  const header = Number(res.headers.get('retry-after'));
  const fromMessage = Number(/retry in (\d+)/.exec(message)?.[1]);
  const retryAfter = header > 0 ? header : fromMessage > 0 ? fromMessage : null;
  return new ApiError(res.status, code, message, retryAfter);
}

/** The Widget API v1 of one Supportify server, for one shop's widget key. */
export class WidgetApi {
  readonly origin: string;
  readonly widgetKey: string;

  constructor(origin: string, widgetKey: string) {
    this.origin = origin;
    this.widgetKey = widgetKey;
  }

  /** The URL of a Widget API v1 path. */
  url(path: string): string {
    return `${this.origin}/widget/v1${path}`;
  }

  private async call<T>(method: string, path: string, body?: unknown, session?: Session): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (session) headers.authorization = `Bearer ${session.token}`;
    const res = await fetch(this.url(path), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
    });
    if (!res.ok) throw await apiErrorFrom(res);
    return (await res.json()) as T;
  }

  /** The shop's public widget settings. */
  getConfig(): Promise<WidgetConfig> {
    return this.call('GET', `/config?widgetKey=${encodeURIComponent(this.widgetKey)}`);
  }

  /** Starts a conversation; empty intro fields are left out. */
  startConversation(intro: CustomerIntro): Promise<Session> {
    const customer: { name?: string; email?: string } = {};
    if (intro.name.trim()) customer.name = intro.name.trim();
    if (intro.email.trim()) customer.email = intro.email.trim();
    const hasCustomer = Object.keys(customer).length > 0;
    return this.call('POST', '/conversations', {
      widgetKey: this.widgetKey,
      ...(hasCustomer ? { customer } : {}),
    });
  }

  /** Posts a customer message; the same clientMessageId is stored once however often it is sent. */
  postMessage(session: Session, text: string, clientMessageId: string): Promise<WidgetMessage> {
    return this.call(
      'POST',
      `/conversations/${session.conversationId}/messages`,
      { text, clientMessageId },
      session,
    );
  }

  /** The conversation's messages, status and rating. */
  getHistory(session: Session): Promise<History> {
    return this.call('GET', `/conversations/${session.conversationId}/messages`, undefined, session);
  }

  /** Rates a resolved conversation. */
  async rate(session: Session, rating: RatingValue, comment: string): Promise<void> {
    const body = comment.trim() ? { rating, comment: comment.trim() } : { rating };
    await this.call('POST', `/conversations/${session.conversationId}/rating`, body, session);
  }
}
