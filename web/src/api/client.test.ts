import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, deleteResource, getJson, onUnauthorized, patchJson, postJson } from './client';

function respond(status: number, body: unknown, contentType = 'application/json', headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType, ...headers } });
}

/** The RequestInit of one call of a stubbed fetch. */
function initOf(fetch: { mock: { calls: unknown[][] } }, call = 0): RequestInit {
  return fetch.mock.calls[call]?.[1] as RequestInit;
}

function headersOf(fetch: { mock: { calls: unknown[][] } }, call = 0): Record<string, string> {
  return initOf(fetch, call).headers as Record<string, string>;
}

afterEach(() => {
  for (const name of ['XSRF-TOKEN', 'other']) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
});

describe('getJson', () => {
  it('returns the parsed body, asks for JSON and sends the session cookie of this origin only', async () => {
    const fetch = vi.fn(async () => respond(200, { product: 'Northstar' }));
    vi.stubGlobal('fetch', fetch);

    const body = await getJson<{ product: string }>('/api/info');

    expect(body.product).toBe('Northstar');
    expect(fetch).toHaveBeenCalledWith(
      '/api/info',
      expect.objectContaining({ method: 'GET', credentials: 'same-origin', headers: { Accept: 'application/json' } }),
    );
  });

  it('turns a network failure into an unreachable ApiError', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));

    const error = await getJson('/api/info').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'unreachable', status: null, message: 'The Northstar server could not be reached.' });
  });

  it('uses the problem details of an error answer as the message', async () => {
    const problem = { title: 'Not Found', detail: 'No dashboard has the id 7.', status: 404 };
    vi.stubGlobal('fetch', vi.fn(async () => respond(404, problem, 'application/problem+json')));

    const error = await getJson('/api/dashboards/7').catch((e: unknown) => e);

    expect(error).toMatchObject({ kind: 'http', status: 404, message: 'No dashboard has the id 7.' });
  });

  it('treats a gateway error as the server being unreachable', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('Bad Gateway', { status: 502, statusText: 'Bad Gateway' })));

    const error = await getJson('/api/info').catch((e: unknown) => e);

    expect(error).toMatchObject({ kind: 'unreachable', status: 502, message: 'The server answered 502 Bad Gateway.' });
  });

  it('rethrows a cancellation as it is', async () => {
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(abort)));

    await expect(getJson('/api/info', { signal: new AbortController().signal })).rejects.toBe(abort);
  });

  it('never sends the anti-forgery header on a read', async () => {
    document.cookie = 'XSRF-TOKEN=abc';
    const fetch = vi.fn(async () => respond(200, []));
    vi.stubGlobal('fetch', fetch);

    await getJson('/api/users');

    expect(headersOf(fetch)).not.toHaveProperty('X-XSRF-TOKEN');
  });
});

describe('state-changing requests', () => {
  it('echo the XSRF-TOKEN cookie, decoded, in the X-XSRF-TOKEN header of POST, PATCH and DELETE', async () => {
    document.cookie = 'other=1';
    document.cookie = `XSRF-TOKEN=${encodeURIComponent('CfDJ8+a/b=c')}`;
    const fetch = vi.fn(async () => respond(200, {}));
    vi.stubGlobal('fetch', fetch);

    await postJson('/api/tokens', { name: 'sync' });
    await patchJson('/api/users/2', { isActive: false });
    await deleteResource('/api/tokens/3');

    for (const call of [0, 1, 2]) expect(headersOf(fetch, call)['X-XSRF-TOKEN']).toBe('CfDJ8+a/b=c');
    expect([0, 1, 2].map((call) => initOf(fetch, call).method)).toEqual(['POST', 'PATCH', 'DELETE']);
  });

  it('send the body as JSON', async () => {
    const fetch = vi.fn(async () => respond(201, { id: 9 }));
    vi.stubGlobal('fetch', fetch);

    const created = await postJson<{ id: number }>('/api/tokens', { name: 'sync', expiresInDays: 30 });

    expect(created.id).toBe(9);
    expect(initOf(fetch).body).toBe('{"name":"sync","expiresInDays":30}');
    expect(headersOf(fetch)['Content-Type']).toBe('application/json');
  });

  it('resolve with nothing on 204 No Content', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(null, { status: 204 })));

    await expect(postJson('/api/auth/logout')).resolves.toBeUndefined();
  });

  it('send no anti-forgery header when there is no cookie (before signing in)', async () => {
    const fetch = vi.fn(async () => respond(200, {}));
    vi.stubGlobal('fetch', fetch);

    await postJson('/api/auth/login', { email: 'a@b.c', password: 'x' });

    expect(headersOf(fetch)).not.toHaveProperty('X-XSRF-TOKEN');
  });
});

describe('problem details', () => {
  it('turn errors into messages per field, keyed by camelCase field names', async () => {
    const problem = {
      title: 'One or more validation errors occurred.',
      status: 400,
      errors: { Email: ['Enter an email address.'], '$.displayName': ['Too long.'], branches: ['Not one of your branches: east.'] },
    };
    vi.stubGlobal('fetch', vi.fn(async () => respond(400, problem, 'application/problem+json')));

    const error = (await postJson('/api/users', {}).catch((e: unknown) => e)) as ApiError;

    expect(error.fieldError('email')).toBe('Enter an email address.');
    expect(error.fieldError('displayName')).toBe('Too long.');
    expect(error.fieldError('branches')).toBe('Not one of your branches: east.');
    expect(error.fieldError('role')).toBeNull();
    expect(error.message).toBe('Enter an email address.');
  });

  it('prefer the detail sentence as the message', async () => {
    const problem = { title: 'Bad Request', detail: 'The anti-forgery token is missing or invalid; reload the page.', status: 400 };
    vi.stubGlobal('fetch', vi.fn(async () => respond(400, problem, 'application/problem+json')));

    const error = await postJson('/api/users', {}).catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 400, message: 'The anti-forgery token is missing or invalid; reload the page.' });
  });

  it('carry the Retry-After of a 429 in seconds', async () => {
    const problem = { title: 'Too Many Requests', status: 429 };
    vi.stubGlobal('fetch', vi.fn(async () => respond(429, problem, 'application/problem+json', { 'Retry-After': '840' })));

    const error = await postJson('/api/auth/login', {}, { expectUnauthorized: true }).catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 840 });
  });
});

describe('a lost session', () => {
  it('runs the unauthorized handler on a 401', async () => {
    const handler = vi.fn();
    const remove = onUnauthorized(handler);
    vi.stubGlobal('fetch', vi.fn(async () => respond(401, { title: 'Unauthorized', status: 401 }, 'application/problem+json')));

    const error = await getJson('/api/users').catch((e: unknown) => e);
    remove();

    expect(handler).toHaveBeenCalledOnce();
    expect(error).toMatchObject({ status: 401 });
  });

  it('leaves a 401 alone when the call expects one (login, the session check)', async () => {
    const handler = vi.fn();
    const remove = onUnauthorized(handler);
    vi.stubGlobal('fetch', vi.fn(async () => respond(401, { detail: 'Email or password is incorrect.', status: 401 }, 'application/problem+json')));

    const error = await postJson('/api/auth/login', {}, { expectUnauthorized: true }).catch((e: unknown) => e);
    remove();

    expect(handler).not.toHaveBeenCalled();
    expect(error).toMatchObject({ message: 'Email or password is incorrect.' });
  });

  it('does not run the handler for a 403', async () => {
    const handler = vi.fn();
    const remove = onUnauthorized(handler);
    vi.stubGlobal('fetch', vi.fn(async () => respond(403, { title: 'Forbidden', status: 403 }, 'application/problem+json')));

    await getJson('/api/audit').catch(() => undefined);
    remove();

    expect(handler).not.toHaveBeenCalled();
  });
});
