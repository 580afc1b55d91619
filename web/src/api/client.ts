/**
 * The one client for the Northstar HTTP API. Callers name the response type at the call site
 * (`getJson<ServerInfo>('/api/info')`); failures always surface as an {@link ApiError} with a sentence
 * fit to show a person, whether the server was unreachable or answered with a problem details body.
 *
 * Requests are same-origin and carry the session cookie. State-changing requests also carry the anti-forgery
 * header the server expects (`X-XSRF-TOKEN`, the value of the readable `XSRF-TOKEN` cookie it sets with the
 * session). A 401 on any call means the session is gone: the handler set with {@link onUnauthorized} runs
 * (it sends the person back to the login page), except for calls that expect a 401 as an answer.
 */

/** Why a call failed: the server could not be reached, or it answered with an error status. */
export type ApiErrorKind = 'unreachable' | 'http';

/** The messages of a problem details body per request field, keyed by the field's camelCase name. */
export type FieldErrors = Readonly<Record<string, readonly string[]>>;

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    message: string,
    readonly kind: ApiErrorKind,
    /** The HTTP status when the server answered, null when it could not be reached. */
    readonly status: number | null,
    /** The messages per request field (`errors` of a validation problem); empty when none. */
    readonly fieldErrors: FieldErrors = {},
    /** The seconds the server asked to wait before trying again (`Retry-After` of a 429); null when not given. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }

  /** The first message about one request field, or null. */
  fieldError(field: string): string | null {
    return this.fieldErrors[field]?.[0] ?? null;
  }
}

export interface RequestOptions {
  /** Cancels the request (the caller went away); a cancelled request rejects with the AbortError as is. */
  signal?: AbortSignal;
  /** A 401 is an answer of this call (login, the session check), not a lost session: no redirect to login. */
  expectUnauthorized?: boolean;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The name of the readable cookie the server sets with the session, and the header that must echo it. */
const xsrfCookie = 'XSRF-TOKEN';
export const xsrfHeader = 'X-XSRF-TOKEN';

/** The anti-forgery token, read when each request goes out: it changes with every sign-in. */
export function xsrfToken(): string | null {
  return readCookie(xsrfCookie);
}

let unauthorizedHandler: (() => void) | null = null;

/** Sets what happens when a call finds the session gone (a 401); returns a function that removes it. */
export function onUnauthorized(handler: () => void): () => void {
  unauthorizedHandler = handler;
  return () => {
    if (unauthorizedHandler === handler) unauthorizedHandler = null;
  };
}

export function getJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return requestJson<T>('GET', path, undefined, options);
}

export function postJson<T>(path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  return requestJson<T>('POST', path, body, options);
}

export function patchJson<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  return requestJson<T>('PATCH', path, body, options);
}

export async function deleteResource(path: string, options: RequestOptions = {}): Promise<void> {
  await requestJson<unknown>('DELETE', path, undefined, options);
}

/** Sends one request; resolves with the parsed JSON body, or undefined for an answer without one (204). */
async function requestJson<T>(method: Method, path: string, body: unknown, options: RequestOptions): Promise<T> {
  const response = await send(method, path, body, options);
  if (response.status === 204 || !response.headers.get('Content-Type')?.includes('json')) return undefined as T;
  const parsed: unknown = await response.json();
  return parsed as T;
}

/**
 * POSTs a JSON body and resolves with the successful response itself, its body unread: for answers that are not one
 * JSON document (an NDJSON stream read as it arrives, a file to download). Errors, the anti-forgery header and a
 * lost session are handled as for every other call; `accept` is the media type asked for.
 */
export function postForResponse(path: string, body: unknown, accept: string, options: RequestOptions = {}): Promise<Response> {
  return send('POST', path, body, options, accept);
}

/** Sends one request; resolves with a successful response, rejects with an ApiError (or the caller's AbortError). */
async function send(method: Method, path: string, body: unknown, options: RequestOptions, accept = 'application/json'): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: headersFor(method, body !== undefined, accept),
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    throw new ApiError('The Northstar server could not be reached.', 'unreachable', null);
  }

  if (!response.ok) {
    if (response.status === 401 && !options.expectUnauthorized) unauthorizedHandler?.();
    throw await errorFrom(response);
  }
  return response;
}

function headersFor(method: Method, hasBody: boolean, accept: string): Record<string, string> {
  const headers: Record<string, string> = { Accept: accept };
  if (hasBody) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = xsrfToken();
    if (token !== null) headers[xsrfHeader] = token;
  }
  return headers;
}

function readCookie(name: string): string | null {
  for (const pair of document.cookie.split(';')) {
    const [key, ...value] = pair.trim().split('=');
    if (key === name && value.length > 0) return decodeURIComponent(value.join('=')) || null;
  }
  return null;
}

/** The RFC 9457 problem details fields the UI shows. */
interface ProblemDetails {
  title?: string;
  detail?: string;
  errors?: Record<string, string[]>;
}

/** The sentence to show for a problem details body: its detail, else its first field error, else its title. */
export function problemMessage(problem: ProblemDetails | null | undefined, fallback: string): string {
  return problem?.detail ?? Object.values(fieldErrorsOf(problem ?? null)).flat()[0] ?? problem?.title ?? fallback;
}

async function errorFrom(response: Response): Promise<ApiError> {
  // A proxy in front of a stopped server answers 502/503/504 itself: to a person that is "unreachable".
  const kind: ApiErrorKind = [502, 503, 504].includes(response.status) ? 'unreachable' : 'http';
  const problem = await problemFrom(response);
  const message = problemMessage(problem, `The server answered ${response.status} ${response.statusText}`.trim() + '.');
  return new ApiError(message, kind, response.status, fieldErrorsOf(problem), retryAfterOf(response));
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

/** `errors` keyed by camelCase field names, whatever casing the server used (`Email`, `email`, `$.email`). */
function fieldErrorsOf(problem: ProblemDetails | null): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  if (typeof problem?.errors !== 'object' || problem.errors === null) return fieldErrors;
  for (const [key, messages] of Object.entries(problem.errors)) {
    if (!Array.isArray(messages)) continue;
    const name = key.replace(/^\$\./, '');
    const field = name.charAt(0).toLowerCase() + name.slice(1);
    fieldErrors[field] = [...(fieldErrors[field] ?? []), ...messages.filter((m) => typeof m === 'string')];
  }
  return fieldErrors;
}

/** Retry-After as seconds; the header may also be an HTTP date. */
function retryAfterOf(response: Response): number | null {
  const value = response.headers.get('Retry-After');
  if (value === null) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
