import type { LiveRequest, LiveUpdate, SubscribeResult } from './live-types';

/**
 * The hub connection as the live client needs it: SignalR's in the app (signalr-link.ts), a fake in unit tests.
 * A link reconnects on its own when the connection drops (`onReconnecting`, then `onReconnected`); `onClose` means it
 * gave up or was closed for good.
 */
export interface HubLink {
  /** Connects; rejects with a {@link RefusedError} when the server refused the caller (401). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** `Subscribe`; rejects with an Error whose message is the server's sentence ("metrics[0]: unknown metric …"). */
  subscribe(request: LiveRequest): Promise<SubscribeResult>;
  /** `Unsubscribe`. */
  unsubscribe(key: string): Promise<void>;
  onUpdate(handler: (update: LiveUpdate) => void): void;
  onReconnecting(handler: () => void): void;
  onReconnected(handler: () => void): void;
  /** The connection ended and will not come back by itself; the error is a {@link RefusedError} after a 401. */
  onClose(handler: (error: Error | undefined) => void): void;
}

/** The server refused the caller (401): the session ended, the user was signed out. Trying again will not help. */
export class RefusedError extends Error {
  override readonly name = 'RefusedError';

  constructor() {
    super('Signed out');
  }
}
