// Plain HTTP calls the browser tests make before (or beside) the browser: the way a script or a storefront would.

async function readJson(res: Response, what: string): Promise<unknown> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${text.slice(0, 500)}`);
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${what}: not JSON: ${text.slice(0, 500)}`);
  }
}

/** Signs in through the API and answers the session cookie (`name=value`) for later calls. */
export async function apiSignIn(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  await readJson(res, 'POST /api/auth/login');
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  if (cookies.length === 0) throw new Error('POST /api/auth/login set no cookie');
  return cookies.join('; ');
}

/** A staff API GET with the session cookie. */
export async function apiGet(baseUrl: string, path: string, cookie: string): Promise<unknown> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
  return readJson(res, `GET ${path}`);
}

/** The signed-in shop's widget key, from Settings → Channels (`GET /api/settings/channels`). */
export async function getWidgetKey(baseUrl: string, cookie: string): Promise<string> {
  const body = (await apiGet(baseUrl, '/api/settings/channels', cookie)) as { widgetKey?: unknown };
  if (typeof body.widgetKey !== 'string' || !body.widgetKey) {
    throw new Error(`GET /api/settings/channels has no widgetKey: ${JSON.stringify(body).slice(0, 300)}`);
  }
  return body.widgetKey;
}

/** What a storefront's widget does: starts a conversation with the public key and posts the customer's messages. */
export async function startWidgetConversation(
  baseUrl: string,
  widgetKey: string,
  customer: { name?: string; email?: string },
  texts: string[],
): Promise<string> {
  const started = (await readJson(
    await fetch(`${baseUrl}/widget/v1/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ widgetKey, customer }),
    }),
    'POST /widget/v1/conversations',
  )) as { conversationId: string; token: string };
  for (const text of texts) {
    await readJson(
      await fetch(`${baseUrl}/widget/v1/conversations/${started.conversationId}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${started.token}` },
        body: JSON.stringify({ text }),
      }),
      'POST /widget/v1/conversations/:id/messages',
    );
  }
  return started.conversationId;
}

/** A staff API call with a JSON body and the session cookie; answers status and parsed body (no throw). */
export async function apiSend(
  baseUrl: string,
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  cookie: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
