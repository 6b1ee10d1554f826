// The Microsoft Graph webhook protocol: endpoint validation echo and clientState-checked notifications.
import { describe, expect, it } from 'vitest';
import { handleGraphNotificationRequest } from '../src/channels/email/outlook/index.ts';

const SECRET = 'cs-7f3a9b2e41d04c8e9a1b';

const notification = (id: string, overrides: Record<string, unknown> = {}) => ({
  id: 'lsgTZMr9KwAAA',
  subscriptionId: '7f105c7d-2dc5-4530-97cd-4e7ae6534c07',
  subscriptionExpirationDateTime: '2026-01-03T11:00:00.0000000Z',
  clientState: SECRET,
  changeType: 'created',
  resource: `Users/6e5c0f6a-0000-4b2a-9d7e-2f0a7f7e1c11/Messages/${id}`,
  tenantId: '84bd8158-6d4d-4958-8b9f-9d6445542f95',
  resourceData: {
    '@odata.type': '#Microsoft.Graph.Message',
    '@odata.id': `Users/6e5c0f6a-0000-4b2a-9d7e-2f0a7f7e1c11/Messages/${id}`,
    '@odata.etag': 'W/"CQAAABYAAADkrWGo7bouTKlsgTZMr9KwAAAUWRHf"',
    id,
  },
  ...overrides,
});

const handle = (body: unknown, query: unknown = {}) =>
  handleGraphNotificationRequest({ query, body, expectedClientState: SECRET });

describe('Graph webhook: endpoint validation', () => {
  it('echoes the validation token exactly as decoded from the query', () => {
    const token = 'Validation: Testing client application reachability for subscription Request-Id: 5f0a<&>"';
    expect(handle(undefined, { validationToken: token })).toEqual({
      kind: 'validation',
      validationToken: token,
    });
  });

  it('treats an empty or repeated validationToken as no validation', () => {
    expect(handle(undefined, { validationToken: '' }).kind).toBe('notifications');
    expect(handle(undefined, { validationToken: ['a', 'b'] }).kind).toBe('notifications');
  });
});

describe('Graph webhook: change notifications', () => {
  it('collects the ids of created messages with the right clientState, once each', () => {
    const body = {
      value: [
        notification('AAMkAD1='),
        notification('AAMkAD2='),
        notification('AAMkAD1='),
        notification('AAMkAD3=', { changeType: 'updated' }),
      ],
    };
    expect(handle(body)).toEqual({
      kind: 'notifications',
      messageIds: ['AAMkAD1=', 'AAMkAD2='],
      rejected: 0,
    });
  });

  it('rejects notifications with a wrong or missing clientState and counts them', () => {
    const body = {
      value: [
        notification('AAMkGood='),
        notification('AAMkEvil=', { clientState: 'guess' }),
        notification('AAMkEvil2=', { clientState: `${SECRET}x` }),
        notification('AAMkNone=', { clientState: undefined }),
      ],
    };
    expect(handle(body)).toEqual({ kind: 'notifications', messageIds: ['AAMkGood='], rejected: 3 });
  });

  it('accepts nothing when no clientState is configured', () => {
    const result = handleGraphNotificationRequest({
      query: {},
      body: { value: [notification('AAMk1=', { clientState: '' })] },
      expectedClientState: '',
    });
    expect(result).toEqual({ kind: 'notifications', messageIds: [], rejected: 1 });
  });

  it('ignores lifecycle notifications without counting them as rejected', () => {
    const lifecycle = {
      subscriptionId: '7f105c7d-2dc5-4530-97cd-4e7ae6534c07',
      lifecycleEvent: 'reauthorizationRequired',
      clientState: SECRET,
      tenantId: '84bd8158-6d4d-4958-8b9f-9d6445542f95',
    };
    expect(handle({ value: [lifecycle] })).toEqual({ kind: 'notifications', messageIds: [], rejected: 0 });
  });

  it.each([
    ['no body', undefined],
    ['a string', 'value'],
    ['value not an array', { value: { id: 1 } }],
    ['an empty object', {}],
  ])('yields no ids for %s', (_name, body) => {
    expect(handle(body)).toEqual({ kind: 'notifications', messageIds: [], rejected: 0 });
  });

  it('counts malformed items as rejected and keeps the good ones', () => {
    const body = { value: [42, { clientState: 7 }, notification('AAMkOk=')] };
    expect(handle(body)).toEqual({ kind: 'notifications', messageIds: ['AAMkOk='], rejected: 2 });
  });
});
