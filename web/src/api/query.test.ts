import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, onUnauthorized } from './client';
import { ndjsonStream } from '../testing/fake-api';
import { runBatch, runQuery } from './query';
import type { BatchLine, QueryAnswer } from './query-types';

const answer: QueryAnswer = {
  columns: [{ name: 'revenue', type: 'number', format: 'currency', label: 'Revenue', role: 'metric' }],
  rows: [[10]],
  totals: { revenue: 10 },
  comparison: null,
  meta: { engine: 'duckdb', cache: 'miss', rollup: null, dataVersion: { sales: 3 }, dataAsOf: null, ms: 2 },
};

afterEach(() => {
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
});

describe('runBatch', () => {
  it('posts the queries with the anti-forgery header and asks for NDJSON', async () => {
    document.cookie = 'XSRF-TOKEN=tok';
    const fetch = vi.fn(async () => new Response('', { status: 200, headers: { 'Content-Type': 'application/x-ndjson' } }));
    vi.stubGlobal('fetch', fetch);

    await runBatch([{ id: 'kpis', spec: { metrics: ['revenue'] } }], { onLine: () => {} });

    expect(fetch).toHaveBeenCalledWith(
      '/api/query/batch',
      expect.objectContaining({
        method: 'POST',
        credentials: 'same-origin',
        body: JSON.stringify({ queries: [{ id: 'kpis', spec: { metrics: ['revenue'] } }] }),
        headers: { Accept: 'application/x-ndjson', 'Content-Type': 'application/json', 'X-XSRF-TOKEN': 'tok' },
      }),
    );
  });

  it('hands over each line as it arrives, answers and errors alike, before the stream ends', async () => {
    const stream = ndjsonStream();
    vi.stubGlobal('fetch', vi.fn(async () => stream.response));
    const lines: BatchLine[] = [];

    const done = runBatch([{ id: 'a', spec: {} }, { id: 'b', spec: {} }, { id: 'c', spec: {} }], { onLine: (line) => lines.push(line) });
    stream.send(`${JSON.stringify({ id: 'b', answer })}\n{"id":"a","err`);
    await vi.waitFor(() => expect(lines.map((l) => l.id)).toEqual(['b']));

    stream.send('or":{"status":400,"detail":"Unknown metric."}}\n');
    stream.send('{"id":"c","answer":null}');
    stream.close();
    await done;

    expect(lines).toEqual([
      { id: 'b', answer },
      { id: 'a', error: { status: 400, detail: 'Unknown metric.' } },
      { id: 'c', answer: null },
    ]);
  });

  it('rejects with the problem of a refused batch', async () => {
    const body = { status: 400, title: 'Bad request', errors: { 'queries[1].id': ['The ids must be distinct.'] } };
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status: 400, headers: { 'Content-Type': 'application/problem+json' } })));

    const error = await runBatch([], { onLine: () => {} }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, message: 'The ids must be distinct.' });
  });

  it('rejects on a line that is not a batch line, after handing over the lines before it', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"id":"a","answer":null}\n<html>\n', { status: 200 })));
    const lines: BatchLine[] = [];

    const error = await runBatch([], { onLine: (line) => lines.push(line) }).catch((e: unknown) => e);

    expect(lines).toEqual([{ id: 'a', answer: null }]);
    expect(error).toMatchObject({ message: 'The server sent an answer the page could not read.' });
  });

  it('runs the unauthorized handler when the session is gone', async () => {
    const handler = vi.fn();
    const remove = onUnauthorized(handler);
    vi.stubGlobal('fetch', vi.fn(async () => new Response(null, { status: 401 })));

    await runBatch([], { onLine: () => {} }).catch(() => undefined);

    expect(handler).toHaveBeenCalledOnce();
    remove();
  });

  it('passes the cancellation signal to fetch', async () => {
    const controller = new AbortController();
    const fetch = vi.fn(async () => new Response('', { status: 200 }));
    vi.stubGlobal('fetch', fetch);

    await runBatch([], { signal: controller.signal, onLine: () => {} });

    expect(fetch).toHaveBeenCalledWith('/api/query/batch', expect.objectContaining({ signal: controller.signal }));
  });
});

describe('runQuery', () => {
  it('posts the spec to the query endpoint and returns the answer', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify(answer), { status: 200, headers: { 'Content-Type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);

    const result = await runQuery({ metrics: ['revenue'], time: { range: { preset: 'last_7_days' } } });

    expect(result).toEqual(answer);
    expect(fetch).toHaveBeenCalledWith(
      '/api/query',
      expect.objectContaining({ method: 'POST', body: JSON.stringify({ metrics: ['revenue'], time: { range: { preset: 'last_7_days' } } }) }),
    );
  });
});
