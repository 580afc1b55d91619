/**
 * The one client for the Northstar HTTP API. Callers name the response type at the call site
 * (`getJson<ServerInfo>('/api/info')`); failures always surface as an {@link ApiError} with a sentence
 * fit to show a person, whether the server was unreachable or answered with a problem details body.
 */

/** Why a call failed: the server could not be reached, or it answered with an error status. */
export type ApiErrorKind = 'unreachable' | 'http';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    message: string,
    readonly kind: ApiErrorKind,
    /** The HTTP status when the server answered, null when it could not be reached. */
    readonly status: number | null,
  ) {
    super(message);
  }
}

export interface RequestOptions {
  /** Cancels the request (the caller went away); a cancelled request rejects with the AbortError as is. */
  signal?: AbortSignal;
}

/** The RFC 9457 problem details fields the UI shows. */
interface ProblemDetails {
  title?: string;
  detail?: string;
}

export async function getJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      headers: { Accept: 'application/json' },
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    throw new ApiError('The Northstar server could not be reached.', 'unreachable', null);
  }

  if (!response.ok) throw await errorFrom(response);

  const body: unknown = await response.json();
  return body as T;
}

async function errorFrom(response: Response): Promise<ApiError> {
  // A proxy in front of a stopped server answers 502/503/504 itself: to a person that is "unreachable".
  const kind: ApiErrorKind = [502, 503, 504].includes(response.status) ? 'unreachable' : 'http';
  const problem = await problemFrom(response);
  const message = problem?.detail ?? problem?.title ?? `The server answered ${response.status} ${response.statusText}`.trim() + '.';
  return new ApiError(message, kind, response.status);
}

async function problemFrom(response: Response): Promise<ProblemDetails | null> {
  if (!response.headers.get('Content-Type')?.includes('json')) return null;
  try {
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null ? (body as ProblemDetails) : null;
  } catch {
    return null;
  }
}
