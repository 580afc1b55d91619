import { RefusedError, type HubLink } from './hub-link';
import type { LiveAnswer, LiveRequest, LiveState, LiveUpdate } from './live-types';
import { retryDelay } from './retry-schedule';

/** Who follows a subscription: told each answer (snapshot or update), or why the server refused it. */
export interface LiveListener {
  onAnswer(answer: LiveAnswer): void;
  /** The server refused the subscription (its sentence, "metrics[0]: unknown metric …"); what is shown stays. */
  onError(message: string): void;
}

export interface LiveClientOptions {
  /** Makes the hub link (the first time a subscription needs one). */
  connect: () => Promise<HubLink>;
  /** Told every change of the connection's state, with why it is offline (null otherwise). */
  onState: (state: LiveState, reason: string | null) => void;
  /** Waits between attempts to connect (a timer; tests pass their own). */
  wait?: (milliseconds: number) => Promise<void>;
}

/** One subscription as the server knows it, shared by every listener of the same request. */
interface Entry {
  readonly id: string;
  readonly request: LiveRequest;
  readonly listeners: Set<LiveListener>;
  /** The server's key, once a Subscribe answered. */
  key: string | null;
  /** The answer shown now, for the stale check and for listeners who join later. */
  latest: LiveAnswer | null;
  /** Why the server refused the last Subscribe; null when it did not. */
  error: string | null;
  /** Counts Subscribe calls: only the answer of the latest one counts. */
  attempt: number;
}

const sleep = (milliseconds: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Whether one ISO instant is strictly before another (an unreadable one is not). */
function isBefore(instant: string, other: string): boolean {
  return Date.parse(instant) < Date.parse(other);
}

/**
 * The page's one live connection and its subscriptions. The connection is made when the first subscription comes,
 * and kept trying (0, 1, 2, 5, then every 10 s) until the server refuses the caller (401: offline, signed out).
 * Subscriptions are counted by request: listeners of the same spec and interval share one, which is unsubscribed when
 * the last leaves. After every (re)connection each subscription is made again and its answer handed over as a fresh
 * snapshot, since nothing pushed while the connection was down can be assumed delivered. A pushed update older than
 * the answer shown is dropped.
 */
export class LiveClient {
  readonly #connect: () => Promise<HubLink>;
  readonly #onState: (state: LiveState, reason: string | null) => void;
  readonly #wait: (milliseconds: number) => Promise<void>;
  readonly #entries = new Map<string, Entry>();
  #state: LiveState = 'idle';
  #reason: string | null = null;
  #link: HubLink | null = null;
  /** Counts connect loops: a loop that is no longer the latest stops at its next step. */
  #run = 0;

  constructor(options: LiveClientOptions) {
    this.#connect = options.connect;
    this.#onState = options.onState;
    this.#wait = options.wait ?? sleep;
  }

  get state(): LiveState {
    return this.#state;
  }

  /**
   * Follows a spec: the listener gets the answer of each (re)subscription and each pushed change. Connects first
   * when there is no connection (or it is offline). Returns the function that stops following.
   */
  subscribe(request: LiveRequest, listener: LiveListener): () => void {
    const id = JSON.stringify(request);
    const existing = this.#entries.get(id);
    const entry = existing ?? this.#add(id, request);
    entry.listeners.add(listener);
    if (existing !== undefined) {
      // A refused subscription is asked for again (a tile's retry); a live one hands its answer to the newcomer.
      if (entry.error !== null && this.#state === 'live') this.#subscribeEntry(entry);
      else if (entry.latest !== null) listener.onAnswer({ ...entry.latest, kind: 'snapshot' });
    }
    if (this.#state === 'idle' || this.#state === 'offline') void this.#connectLoop('connecting');
    return () => this.#release(entry, listener);
  }

  /** Connects again after the connection went offline (the person chose to retry). */
  retry(): void {
    if (this.#state === 'offline') void this.#connectLoop('connecting');
  }

  /**
   * Drops the connection because the signed-in user changed (a connection speaks for the user who opened it); the
   * subscriptions still followed are made again on a new one.
   */
  async renew(): Promise<void> {
    const link = this.#link;
    this.#link = null;
    this.#run++;
    for (const entry of this.#entries.values()) entry.key = null;
    this.#setState('idle', null);
    if (this.#entries.size > 0) void this.#connectLoop('connecting');
    await link?.stop().catch(() => undefined);
  }

  #add(id: string, request: LiveRequest): Entry {
    const entry: Entry = { id, request, listeners: new Set(), key: null, latest: null, error: null, attempt: 0 };
    this.#entries.set(id, entry);
    if (this.#state === 'live') this.#subscribeEntry(entry);
    return entry;
  }

  #release(entry: Entry, listener: LiveListener): void {
    if (!entry.listeners.delete(listener) || entry.listeners.size > 0) return;
    this.#entries.delete(entry.id);
    // A Subscribe still under way unsubscribes when it answers (see #subscribeEntry).
    if (entry.key !== null) this.#unsubscribeKey(entry.key);
  }

  async #connectLoop(state: 'connecting' | 'reconnecting'): Promise<void> {
    const run = ++this.#run;
    this.#setState(state, null);
    for (let failed = 0; ; failed++) {
      try {
        const link = await this.#ensureLink();
        if (run !== this.#run) return;
        await link.start();
        if (run !== this.#run) return;
        this.#setState('live', null);
        this.#subscribeAll();
        return;
      } catch (error) {
        if (run !== this.#run) return;
        if (error instanceof RefusedError) {
          this.#setState('offline', error.message);
          return;
        }
        await this.#wait(retryDelay(failed));
        if (run !== this.#run) return;
      }
    }
  }

  async #ensureLink(): Promise<HubLink> {
    if (this.#link !== null) return this.#link;
    const link = await this.#connect();
    if (this.#link !== null) return this.#link;
    this.#link = link;
    // A link replaced by renew() may still report; only the current one is listened to.
    link.onUpdate((update) => {
      if (this.#link === link) this.#onUpdate(update);
    });
    link.onReconnecting(() => {
      if (this.#link === link) this.#setState('reconnecting', null);
    });
    link.onReconnected(() => {
      if (this.#link !== link) return;
      this.#setState('live', null);
      this.#subscribeAll();
    });
    link.onClose((error) => {
      if (this.#link !== link) return;
      if (error instanceof RefusedError) {
        this.#run++;
        this.#setState('offline', error.message);
      } else {
        // Closed for good by the server without refusing us: keep trying, on the same schedule.
        void this.#connectLoop('reconnecting');
      }
    });
    return link;
  }

  #subscribeAll(): void {
    for (const entry of this.#entries.values()) this.#subscribeEntry(entry);
  }

  #subscribeEntry(entry: Entry): void {
    const link = this.#link;
    if (link === null) return;
    const attempt = ++entry.attempt;
    link.subscribe(entry.request).then(
      (result) => {
        if (this.#entries.get(entry.id) !== entry) {
          // Released while subscribing; the same request subscribed anew since then keeps the server's subscription.
          if (!this.#entries.has(entry.id)) this.#unsubscribeKey(result.key);
          return;
        }
        if (attempt !== entry.attempt || this.#link !== link) return;
        entry.key = result.key;
        entry.error = null;
        this.#deliver(entry, { kind: 'snapshot', answer: result.answer, computedAt: result.computedAt });
      },
      (error: unknown) => {
        // A call cut by a lost connection is not a refusal: the reconnection subscribes again.
        if (this.#entries.get(entry.id) !== entry || attempt !== entry.attempt || this.#state !== 'live') return;
        entry.error = error instanceof Error && error.message !== '' ? error.message : 'The server refused to follow this live.';
        for (const listener of [...entry.listeners]) listener.onError(entry.error);
      },
    );
  }

  #unsubscribeKey(key: string): void {
    const link = this.#link;
    // Without a connection there is nothing to undo: the server drops a connection's subscriptions with it.
    if (link === null || this.#state !== 'live') return;
    for (const entry of this.#entries.values()) if (entry.key === key) return;
    link.unsubscribe(key).catch(() => undefined);
  }

  #onUpdate(update: LiveUpdate): void {
    for (const entry of this.#entries.values()) {
      if (entry.key !== update.key) continue;
      if (entry.latest !== null && isBefore(update.computedAt, entry.latest.computedAt)) continue;
      this.#deliver(entry, { kind: 'update', answer: update.answer, computedAt: update.computedAt });
    }
  }

  #deliver(entry: Entry, answer: LiveAnswer): void {
    entry.latest = answer;
    for (const listener of [...entry.listeners]) listener.onAnswer(answer);
  }

  #setState(state: LiveState, reason: string | null): void {
    if (state === this.#state && reason === this.#reason) return;
    this.#state = state;
    this.#reason = reason;
    this.#onState(state, reason);
  }
}
