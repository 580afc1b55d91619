import { describe, expect, it, vi } from 'vitest';
import { ApiError, getJson } from './client';

function respond(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

describe('getJson', () => {
  it('returns the parsed body and asks for JSON', async () => {
    const fetch = vi.fn(async () => respond(200, { product: 'Northstar' }));
    vi.stubGlobal('fetch', fetch);

    const body = await getJson<{ product: string }>('/api/info');

    expect(body.product).toBe('Northstar');
    expect(fetch).toHaveBeenCalledWith('/api/info', expect.objectContaining({ headers: { Accept: 'application/json' } }));
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
});
