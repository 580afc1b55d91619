import { onScopeDispose, ref, type Ref } from 'vue';
import type { DashboardTile, QueryAnswer, QuerySpec } from '../../api/query-types';
import { useLiveStore } from '../live/live-store';
import { answered, type TileState } from './tile-state';

/** What a tile shows of its live subscription. */
export interface TileLive {
  /** When a change pushed by the server was last shown (ISO, this browser's clock); null until one was. */
  updatedAt: string | null;
  /** Why the tile is not followed live (the server refused its subscription); null while it is. */
  notLive: string | null;
}

export interface LiveTiles {
  /** Tile id → its live state (no entry: not followed). */
  live: Ref<Record<string, TileLive>>;
  /** Follows a tile's (filtered) spec live, instead of what it followed before. */
  follow: (tile: DashboardTile, spec: QuerySpec, intervalSeconds: number) => void;
  /** Stops following one tile. */
  unfollow: (tileId: string) => void;
  /** Stops following every tile. */
  unfollowAll: () => void;
}

/** Whether two answers hold the same data (their meta, the query's timing and cache, aside). */
function sameData(a: QueryAnswer, b: QueryAnswer): boolean {
  const data = (answer: QueryAnswer) => JSON.stringify([answer.columns, answer.rows, answer.totals, answer.comparison]);
  return data(a) === data(b);
}

/**
 * Keeps tiles' answers live: a pushed answer replaces the tile's state the way a loaded one does, and is stamped with
 * the time it was shown. The answer of a (re)subscription replaces it only when its data differ from what is shown:
 * the batch stays the first paint, and a reconnection that missed nothing changes nothing.
 */
export function useLiveTiles(states: Ref<Record<string, TileState>>): LiveTiles {
  const store = useLiveStore();
  const live = ref<Record<string, TileLive>>({});
  /** Tile id → how to stop following it; answers for a tile followed anew since are ignored. */
  const followed = new Map<string, { release: () => void }>();

  function shownAnswer(tileId: string): QueryAnswer | null {
    const state = states.value[tileId];
    return state?.status === 'ready' || state?.status === 'empty' ? state.answer : null;
  }

  function follow(tile: DashboardTile, spec: QuerySpec, intervalSeconds: number): void {
    unfollow(tile.id);
    // In place before subscribing: a shared subscription hands its answer over at once.
    const following = { release: (): void => undefined };
    const current = () => followed.get(tile.id) === following;
    followed.set(tile.id, following);
    live.value[tile.id] = { updatedAt: null, notLive: null };
    following.release = store.subscribe(
      { spec, intervalSeconds },
      {
        onAnswer: ({ kind, answer }) => {
          if (!current()) return;
          const shown = shownAnswer(tile.id);
          const changed = kind === 'update' || shown === null || !sameData(shown, answer);
          if (changed) states.value[tile.id] = answered(tile, answer);
          const updatedAt = changed ? new Date().toISOString() : (live.value[tile.id]?.updatedAt ?? null);
          live.value[tile.id] = { updatedAt, notLive: null };
        },
        onError: (message) => {
          if (current()) live.value[tile.id] = { updatedAt: live.value[tile.id]?.updatedAt ?? null, notLive: message };
        },
      },
    );
  }

  function unfollow(tileId: string): void {
    const entry = followed.get(tileId);
    followed.delete(tileId);
    entry?.release();
    delete live.value[tileId];
  }

  function unfollowAll(): void {
    for (const tileId of [...followed.keys()]) unfollow(tileId);
  }

  onScopeDispose(unfollowAll);
  return { live, follow, unfollow, unfollowAll };
}
