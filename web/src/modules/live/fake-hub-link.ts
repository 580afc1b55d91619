import type { HubLink } from './hub-link';
import type { LiveRequest, LiveUpdate, SubscribeResult } from './live-types';

type Answer = SubscribeResult | Error | Promise<SubscribeResult>;

/**
 * A hub link the unit tests drive (test support, never shipped): they say how `start` and `Subscribe` answer, push
 * updates, and drop, restore or close the connection.
 */
export class FakeHubLink implements HubLink {
  /** What the next starts do, in turn (an Error fails that start); once empty, a start connects. */
  readonly starts: Error[] = [];
  startCount = 0;
  stopped = false;
  /** Every Subscribe request, in order. */
  readonly subscribed: LiveRequest[] = [];
  /** Every key unsubscribed, in order. */
  readonly unsubscribed: string[] = [];
  readonly #updateHandlers: ((update: LiveUpdate) => void)[] = [];
  readonly #reconnectingHandlers: (() => void)[] = [];
  readonly #reconnectedHandlers: (() => void)[] = [];
  readonly #closeHandlers: ((error: Error | undefined) => void)[] = [];

  /** @param respond how Subscribe answers a request: a result, an Error (the server refused), or a promise of it. */
  constructor(public respond: (request: LiveRequest) => Answer) {}

  async start(): Promise<void> {
    this.startCount++;
    const failure = this.starts.shift();
    if (failure !== undefined) throw failure;
  }

  async stop(): Promise<void> {
    this.stopped = true;
  }

  async subscribe(request: LiveRequest): Promise<SubscribeResult> {
    this.subscribed.push(request);
    const answer = this.respond(request);
    if (answer instanceof Error) throw answer;
    return answer;
  }

  async unsubscribe(key: string): Promise<void> {
    this.unsubscribed.push(key);
  }

  onUpdate(handler: (update: LiveUpdate) => void): void {
    this.#updateHandlers.push(handler);
  }

  onReconnecting(handler: () => void): void {
    this.#reconnectingHandlers.push(handler);
  }

  onReconnected(handler: () => void): void {
    this.#reconnectedHandlers.push(handler);
  }

  onClose(handler: (error: Error | undefined) => void): void {
    this.#closeHandlers.push(handler);
  }

  /** The server pushes an update. */
  push(update: LiveUpdate): void {
    for (const handler of this.#updateHandlers) handler(update);
  }

  /** The connection drops; SignalR starts reconnecting. */
  drop(): void {
    for (const handler of this.#reconnectingHandlers) handler();
  }

  /** SignalR got the connection back. */
  restore(): void {
    for (const handler of this.#reconnectedHandlers) handler();
  }

  /** The connection ended for good (refused, or closed by the server). */
  close(error?: Error): void {
    for (const handler of this.#closeHandlers) handler(error);
  }
}
