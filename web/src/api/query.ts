import { ApiError, postForResponse, postJson } from './client';
import { readNdjson } from './ndjson';
import type { BatchLine, QueryAnswer, QuerySpec } from './query-types';

/** One query of a batch: the id its answer line carries, and the spec. */
export interface BatchQuery {
  id: string;
  spec: QuerySpec;
}

export interface BatchOptions {
  /** Cancels the batch (the filters changed, the page closed): the promise rejects with the AbortError. */
  signal?: AbortSignal;
  /** Called once per line, as soon as it arrives (lines come in the order the queries finish). */
  onLine: (line: BatchLine) => void;
}

/**
 * `POST /api/query/batch`: runs a dashboard's queries in one request and hands each answer (or error) line over as
 * it streams in. Resolves when the stream ends; rejects with an ApiError when the request fails or a line is not a
 * batch line (the lines already handed over stand).
 */
export async function runBatch(queries: readonly BatchQuery[], options: BatchOptions): Promise<void> {
  const response = await postForResponse('/api/query/batch', { queries }, 'application/x-ndjson', {
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (response.body === null) return;
  await readNdjson(response.body, (text) => options.onLine(parseBatchLine(text)), options.signal);
}

/** `POST /api/query`: one spec's answer (a tile's retry). */
export function runQuery(spec: QuerySpec, signal?: AbortSignal): Promise<QueryAnswer> {
  return postJson<QueryAnswer>('/api/query', spec, signal ? { signal } : {});
}

function parseBatchLine(text: string): BatchLine {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw unreadable();
  }
  if (typeof parsed !== 'object' || parsed === null || typeof (parsed as { id?: unknown }).id !== 'string') throw unreadable();
  return parsed as BatchLine;
}

function unreadable(): ApiError {
  return new ApiError('The server sent an answer the page could not read.', 'http', null);
}
