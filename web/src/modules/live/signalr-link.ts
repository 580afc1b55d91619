import {
  DefaultHttpClient,
  HttpClient,
  HttpError,
  HubConnectionBuilder,
  LogLevel,
  NullLogger,
  type HttpRequest,
  type HttpResponse,
  type IRetryPolicy,
} from '@microsoft/signalr';
import { xsrfHeader, xsrfToken } from '../../api/client';
import { RefusedError, type HubLink } from './hub-link';
import type { LiveRequest, LiveUpdate, SubscribeResult } from './live-types';
import { retryDelay } from './retry-schedule';

/** The hub's address (same origin; the session cookie goes along). */
const HUB_URL = '/hubs/live';


/**
 * SignalR's HTTP client with the anti-forgery header on every POST (the negotiate request; the sends of the SSE and
 * long-polling transports), which also reports the status of each answer (0 when none came): SignalR itself surfaces
 * a refused negotiate only as a `FailedToNegotiateWithServerError` whose message merely mentions the 401.
 */
export class XsrfHttpClient extends HttpClient {
  constructor(
    private readonly inner: HttpClient,
    private readonly onStatus: (status: number) => void,
  ) {
    super();
  }

  override async send(request: HttpRequest): Promise<HttpResponse> {
    const token = request.method === 'POST' ? xsrfToken() : null;
    const sent = token === null ? request : { ...request, headers: { ...request.headers, [xsrfHeader]: token } };
    try {
      const response = await this.inner.send(sent);
      this.onStatus(response.statusCode);
      return response;
    } catch (error) {
      this.onStatus(error instanceof HttpError ? error.statusCode : 0);
      throw error;
    }
  }

  override getCookieString(url: string): string {
    return this.inner.getCookieString(url);
  }
}

/** Reconnects on the live schedule, for as long as the page is open, unless the server refused the caller. */
export function livePolicy(refused: () => boolean): IRetryPolicy {
  return { nextRetryDelayInMilliseconds: (context) => (refused() ? null : retryDelay(context.previousRetryCount)) };
}

/** The sentence of a failed hub call: the server's HubException message, without SignalR's wrapping. */
export function hubErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const match = /HubException: ([\s\S]+)$/.exec(message);
  return match?.[1]?.trim() ?? 'The server refused to follow this live.';
}

/**
 * The SignalR connection to the live hub, as a {@link HubLink}: default transports (WebSockets, SSE, long polling).
 * The address is the page's hub; outside a browser (unit tests) SignalR needs it absolute.
 */
export function createSignalrLink(url: string = HUB_URL): HubLink {
  /** Whether the server's last answer was a 401: the session is gone, reconnecting would not help. */
  let refused = false;
  const httpClient = new XsrfHttpClient(new DefaultHttpClient(NullLogger.instance), (status) => {
    refused = status === 401;
  });
  const connection = new HubConnectionBuilder()
    .withUrl(url, { httpClient })
    .withAutomaticReconnect(livePolicy(() => refused))
    .configureLogging(LogLevel.Warning)
    .build();
  const closing = (error: Error | undefined): Error | undefined => (refused ? new RefusedError() : error);

  return {
    async start() {
      try {
        await connection.start();
      } catch (error) {
        throw closing(error instanceof Error ? error : undefined) ?? error;
      }
    },
    stop: () => connection.stop(),
    async subscribe(request: LiveRequest) {
      try {
        return await connection.invoke<SubscribeResult>('Subscribe', request);
      } catch (error) {
        throw new Error(hubErrorMessage(error));
      }
    },
    unsubscribe: (key) => connection.invoke<void>('Unsubscribe', key),
    onUpdate: (handler) => connection.on('update', (update: LiveUpdate) => handler(update)),
    onReconnecting: (handler) => connection.onreconnecting(() => handler()),
    onReconnected: (handler) => connection.onreconnected(() => handler()),
    onClose: (handler) => connection.onclose((error) => handler(closing(error))),
  };
}
