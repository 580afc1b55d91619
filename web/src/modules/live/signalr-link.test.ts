import { HttpClient, HttpError, HttpResponse, type HttpRequest, type RetryContext } from '@microsoft/signalr';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RefusedError } from './hub-link';
import { createSignalrLink, hubErrorMessage, livePolicy, XsrfHttpClient } from './signalr-link';

/** Answers every request with the given status (an HttpError for an error status, as SignalR's own clients do). */
class StatusClient extends HttpClient {
  readonly requests: HttpRequest[] = [];

  constructor(private readonly status: number) {
    super();
  }

  override async send(request: HttpRequest): Promise<HttpResponse> {
    this.requests.push(request);
    if (this.status >= 400) throw new HttpError('Unauthorized', this.status);
    return new HttpResponse(this.status, 'OK', '{}');
  }
}

const context = (previousRetryCount: number): RetryContext => ({
  previousRetryCount,
  elapsedMilliseconds: 0,
  retryReason: new Error('closed'),
});

afterEach(() => {
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
});

describe('the SignalR link', () => {
  it('sends the anti-forgery token of the moment on POSTs (negotiate, sends) and not on GETs', async () => {
    const inner = new StatusClient(200);
    const client = new XsrfHttpClient(inner, () => undefined);

    document.cookie = 'XSRF-TOKEN=first%2Btoken';
    await client.post('/hubs/live/negotiate?negotiateVersion=1', { headers: { 'X-Requested-With': 'XMLHttpRequest' } });
    document.cookie = 'XSRF-TOKEN=second';
    await client.post('/hubs/live?id=1', { content: '{}' });
    await client.get('/hubs/live?id=1');

    expect(inner.requests.map((r) => r.headers?.['X-XSRF-TOKEN'])).toEqual(['first+token', 'second', undefined]);
    expect(inner.requests[0]?.headers?.['X-Requested-With']).toBe('XMLHttpRequest');
  });

  it('reports the status of each answer, a refused one included, and passes the refusal on', async () => {
    const statuses: number[] = [];
    await new XsrfHttpClient(new StatusClient(200), (status) => statuses.push(status)).post('/hubs/live/negotiate');
    const refused = new XsrfHttpClient(new StatusClient(401), (status) => statuses.push(status)).post('/hubs/live/negotiate');

    await expect(refused).rejects.toBeInstanceOf(HttpError);
    expect(statuses).toEqual([200, 401]);
  });

  it('surfaces a refused negotiate as signed out, having sent the anti-forgery token with it', async () => {
    const requests: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      requests.push({ url, init });
      return new Response('', { status: 401, statusText: 'Unauthorized' });
    });
    document.cookie = 'XSRF-TOKEN=abc';
    // SignalR logs the refusal to the console too; the assertions are on what it surfaces.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const link = createSignalrLink(new URL('/hubs/live', location.href).href);

    const started = link.start();

    await expect(started).rejects.toBeInstanceOf(RefusedError);
    await expect(started).rejects.toThrow(/^Signed out/);
    expect(requests.map((r) => `${r.init.method} ${new URL(r.url).pathname}`)).toEqual(['POST /hubs/live/negotiate']);
    expect(new Headers(requests[0]?.init.headers).get('X-XSRF-TOKEN')).toBe('abc');
  });

  it('reconnects at once, then after 1, 2, 5 and every 10 seconds, and not at all once refused', () => {
    let refused = false;
    const policy = livePolicy(() => refused);

    const delays = [0, 1, 2, 3, 4, 50].map((count) => policy.nextRetryDelayInMilliseconds(context(count)));
    expect(delays).toEqual([0, 1000, 2000, 5000, 10000, 10000]);
    refused = true;
    expect(policy.nextRetryDelayInMilliseconds(context(2))).toBeNull();
  });

  it("shows the server's sentence of a refused Subscribe without SignalR's wrapping", () => {
    const wrapped = new Error(
      "An unexpected error occurred invoking 'Subscribe' on the server. HubException: metrics[0]: unknown metric 'revnue'",
    );

    expect(hubErrorMessage(wrapped)).toBe("metrics[0]: unknown metric 'revnue'");
    expect(hubErrorMessage(new Error("An unexpected error occurred invoking 'Subscribe' on the server."))).toBe(
      'The server refused to follow this live.',
    );
  });
});
