import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerOf, revenueColumn } from '../../testing/dashboards';
import { LiveClient, type LiveListener } from './live-client';
import type { LiveAnswer, LiveRequest, LiveState } from './live-types';
import { createSignalrLink } from './signalr-link';

/** The record separator that ends each message of SignalR's JSON protocol. */
const RS = '\u001e';

interface HubRequest {
  method: string;
  path: string;
  xsrf: string | null;
  body: string;
}

/**
 * The live hub as far as the client uses it, over long polling (the one transport that needs nothing but `fetch`):
 * negotiation, the handshake, invocations and their completions, pushed updates, and the end of a connection.
 */
class FakeHub {
  readonly requests: HubRequest[] = [];
  readonly invocations: { target: string; args: unknown[] }[] = [];
  /** The status of the next negotiations (401: the session is gone). */
  negotiateStatus = 200;
  /** Answers an invocation: its result, or an Error (a HubException). */
  answer: (target: string, args: unknown[]) => unknown = () => undefined;
  #connections = 0;
  #outbox: string[] = [];
  #waitingPoll: ((response: Response) => void) | null = null;
  #ending = false;
  readonly #polled = new Set<string>();

  readonly fetch = async (input: string, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input);
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? init.body : '';
    this.requests.push({ method, path: url.pathname, xsrf: new Headers(init.headers).get('X-XSRF-TOKEN'), body });
    if (url.pathname === '/hubs/live/negotiate') return this.#negotiate();
    const id = url.searchParams.get('id') ?? '';
    if (method === 'DELETE') {
      this.end();
      return new Response('', { status: 202 });
    }
    if (method === 'GET') {
      // The first poll of a connection only opens it.
      if (this.#polled.has(id)) return this.#poll(init.signal ?? null);
      this.#polled.add(id);
      return new Response('', { status: 200 });
    }
    for (const text of body.split(RS).filter((part) => part !== '')) this.#receive(JSON.parse(text) as Record<string, unknown>);
    return new Response('', { status: 200 });
  };

  /** Pushes an update to the client. */
  push(update: unknown): void {
    this.#send({ type: 1, target: 'update', arguments: [update] });
  }

  /** Ends the connection (the server went away). */
  end(): void {
    this.#ending = true;
    this.#flush();
  }

  #negotiate(): Response {
    if (this.negotiateStatus !== 200) return new Response('', { status: this.negotiateStatus, statusText: 'Unauthorized' });
    const n = ++this.#connections;
    this.#ending = false;
    this.#outbox = [];
    return Response.json({
      negotiateVersion: 1,
      connectionId: `c${n}`,
      connectionToken: `t${n}`,
      availableTransports: [{ transport: 'LongPolling', transferFormats: ['Text', 'Binary'] }],
    });
  }

  #receive(message: Record<string, unknown>): void {
    if (message['protocol'] === 'json') {
      this.#send({});
      return;
    }
    if (message['type'] !== 1) return;
    const target = String(message['target']);
    const args = (message['arguments'] as unknown[] | undefined) ?? [];
    this.invocations.push({ target, args });
    const result = this.answer(target, args);
    const invocationId = message['invocationId'];
    this.#send(result instanceof Error ? { type: 3, invocationId, error: result.message } : { type: 3, invocationId, result });
  }

  #send(message: unknown): void {
    this.#outbox.push(JSON.stringify(message) + RS);
    this.#flush();
  }

  #flush(): void {
    const respond = this.#waitingPoll;
    if (respond === null) return;
    if (this.#ending) {
      this.#waitingPoll = null;
      respond(new Response(null, { status: 204 }));
    } else if (this.#outbox.length > 0) {
      this.#waitingPoll = null;
      respond(new Response(this.#outbox.splice(0).join(''), { status: 200 }));
    }
  }

  #poll(signal: AbortSignal | null): Promise<Response> {
    return new Promise((resolve, reject) => {
      this.#waitingPoll = resolve;
      signal?.addEventListener('abort', () => reject(new DOMException('The poll was cancelled.', 'AbortError')));
      this.#flush();
    });
  }
}

const request: LiveRequest = { spec: { metrics: ['revenue'], time: { range: { preset: 'today' } } }, intervalSeconds: 5 };
const revenue = (value: number) => answerOf([revenueColumn], [[value]], { totals: { revenue: value } });

/** A live client on the real SignalR client, talking to a fake hub through `fetch`. */
function connectTo(hub: FakeHub) {
  vi.stubGlobal('fetch', hub.fetch);
  // SignalR logs refusals and lost connections to the console; the assertions are on what the client does.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const states: LiveState[] = [];
  const reasons: (string | null)[] = [];
  const client = new LiveClient({
    connect: async () => createSignalrLink(new URL('/hubs/live', location.href).href),
    onState: (state, reason) => {
      states.push(state);
      reasons.push(reason);
    },
  });
  const answers: LiveAnswer[] = [];
  const listener: LiveListener = { onAnswer: (answer) => answers.push(answer), onError: () => undefined };
  return { client, states, reasons, answers, listener };
}

let cleanup: (() => Promise<void>) | null = null;

afterEach(async () => {
  await cleanup?.();
  cleanup = null;
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
});

describe('the live client over SignalR', () => {
  it('subscribes with the anti-forgery token on its POSTs, and shows pushed updates but not stale ones', async () => {
    const hub = new FakeHub();
    hub.answer = (target) =>
      target === 'Subscribe' ? { key: 'k1', intervalSeconds: 5, answer: revenue(100), computedAt: '2026-03-01T10:00:00+00:00' } : undefined;
    document.cookie = 'XSRF-TOKEN=tok';
    const { client, answers, listener } = connectTo(hub);
    const release = client.subscribe(request, listener);
    cleanup = async () => {
      release();
      await client.renew();
    };

    await vi.waitFor(() => expect(answers).toHaveLength(1));
    expect(client.state).toBe('live');
    expect(hub.invocations).toEqual([{ target: 'Subscribe', args: [request] }]);
    expect(answers[0]).toEqual({ kind: 'snapshot', answer: revenue(100), computedAt: '2026-03-01T10:00:00+00:00' });
    const posts = hub.requests.filter((r) => r.method === 'POST');
    expect(posts.length).toBeGreaterThanOrEqual(3);
    expect(posts.every((r) => r.xsrf === 'tok')).toBe(true);

    hub.push({ key: 'k1', answer: revenue(90), computedAt: '2026-03-01T09:59:59.9990000+00:00' });
    hub.push({ key: 'k1', answer: revenue(120), computedAt: '2026-03-01T10:00:02.1234567+00:00' });
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    expect(answers[1]).toEqual({ kind: 'update', answer: revenue(120), computedAt: '2026-03-01T10:00:02.1234567+00:00' });

    release();
    await vi.waitFor(() => expect(hub.invocations.at(-1)).toEqual({ target: 'Unsubscribe', args: ['k1'] }));
  });

  it('reconnects by itself when the connection ends, subscribes again and shows the fresh snapshot', async () => {
    const hub = new FakeHub();
    let value = 100;
    hub.answer = (target) =>
      target === 'Subscribe' ? { key: 'k1', intervalSeconds: 5, answer: revenue(value), computedAt: `2026-03-01T10:00:0${value / 100}Z` } : undefined;
    const { client, states, answers, listener } = connectTo(hub);
    const release = client.subscribe(request, listener);
    cleanup = async () => {
      release();
      await client.renew();
    };
    await vi.waitFor(() => expect(answers).toHaveLength(1));

    value = 300;
    hub.end();

    await vi.waitFor(() => expect(answers).toHaveLength(2));
    expect(answers[1]).toEqual({ kind: 'snapshot', answer: revenue(300), computedAt: '2026-03-01T10:00:03Z' });
    expect(states).toEqual(['connecting', 'live', 'reconnecting', 'live']);
    expect(hub.requests.filter((r) => r.path === '/hubs/live/negotiate')).toHaveLength(2);
  });

  it('goes offline, signed out, when the server refuses to take the connection back, and stops trying', async () => {
    const hub = new FakeHub();
    hub.answer = (target) =>
      target === 'Subscribe' ? { key: 'k1', intervalSeconds: 5, answer: revenue(100), computedAt: '2026-03-01T10:00:00Z' } : undefined;
    const { client, states, reasons, answers, listener } = connectTo(hub);
    const release = client.subscribe(request, listener);
    cleanup = async () => {
      release();
      await client.renew();
    };
    await vi.waitFor(() => expect(answers).toHaveLength(1));

    hub.negotiateStatus = 401;
    hub.end();

    await vi.waitFor(() => expect(client.state).toBe('offline'));
    expect(states).toEqual(['connecting', 'live', 'reconnecting', 'offline']);
    expect(reasons.at(-1)).toBe('Signed out');
    expect(hub.requests.filter((r) => r.path === '/hubs/live/negotiate')).toHaveLength(2);
  });
});
