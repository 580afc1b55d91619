import type { QueryAnswer, QuerySpec } from '../../api/query-types';

/**
 * The wire types of the live hub (`/hubs/live`, docs: the live contract of issue 7): what `Subscribe` takes and
 * answers, and what the server's `update` carries.
 */

/** What `Subscribe` takes: a spec (exactly the body of `POST /api/query`) and the most often its changes are pushed. */
export interface LiveRequest {
  spec: QuerySpec;
  /** 1 … 3600 seconds. */
  intervalSeconds: number;
}

/** What `Subscribe` answers: the server's key of the subscription and the spec's answer as of now. */
export interface SubscribeResult {
  /** Shared by every subscriber of the same spec, scope and interval. */
  key: string;
  intervalSeconds: number;
  answer: QueryAnswer;
  /** When the answer was computed (ISO-8601, UTC). */
  computedAt: string;
}

/** The one argument of the server's `update`: a subscription's changed answer. */
export interface LiveUpdate {
  key: string;
  answer: QueryAnswer;
  computedAt: string;
}

/**
 * An answer handed to a subscriber: a `snapshot` is what a Subscribe answered (on subscribing, and again after every
 * reconnection: the whole truth, whatever was missed); an `update` is a change the server pushed.
 */
export interface LiveAnswer {
  kind: 'snapshot' | 'update';
  answer: QueryAnswer;
  computedAt: string;
}

/** The connection as the page shows it; `idle` until a dashboard first subscribes. */
export type LiveState = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'offline';

/** The seconds a dashboard's tiles are subscribed with when its definition names none. */
export const DEFAULT_LIVE_INTERVAL_SECONDS = 5;
