import { vi } from 'vitest';

/** A request the fake API received. */
export interface FakeRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  /** The request's cancellation signal, when it has one. */
  signal: AbortSignal | null;
}

type Answer = Response | unknown;
type Route = Answer | ((request: FakeRequest) => Answer | Promise<Answer>);

/** A JSON answer with a status (200 unless given). */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

/** A problem details answer. */
export function problem(status: number, fields: Record<string, unknown>, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ status, ...fields }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

/**
 * Stands in for the server in unit tests: `fetch` answers from routes keyed "METHOD /path?query" (a route's value
 * is the JSON body of a 200, a Response, or a function of the request); anything else is a 404. Records requests.
 */
export function fakeApi(routes: Record<string, Route>): { requests: FakeRequest[]; routes: Record<string, Route> } {
  const requests: FakeRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit = {}) => {
      const request: FakeRequest = {
        method: init.method ?? 'GET',
        path: input,
        headers: { ...(init.headers as Record<string, string> | undefined) },
        body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
        signal: init.signal ?? null,
      };
      requests.push(request);
      const route = routes[`${request.method} ${request.path}`];
      if (route === undefined) return problem(404, { title: 'Not Found', detail: `No fake route for ${request.method} ${request.path}.` });
      const answer = typeof route === 'function' ? await (route as (r: FakeRequest) => Answer)(request) : route;
      return answer instanceof Response ? answer : json(answer);
    }),
  );
  return { requests, routes };
}

/** A streamed NDJSON answer whose lines the test sends when it wants (`send`), then ends (`close`). */
export function ndjsonStream(): { response: Response; send: (text: string) => void; close: () => void } {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  return {
    response: new Response(body, { status: 200, headers: { 'Content-Type': 'application/x-ndjson' } }),
    send: (text) => controller.enqueue(encoder.encode(text)),
    close: () => controller.close(),
  };
}
