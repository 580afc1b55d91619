import { computed, onScopeDispose, ref, type ComputedRef, type Ref } from 'vue';
import { ApiError, problemMessage } from '../../api/client';
import { runBatch, runQuery } from '../../api/query';
import type { DashboardTile } from '../../api/query-types';
import { DEFAULT_LIVE_INTERVAL_SECONDS } from '../live/live-types';
import { applyFilters, type DashboardFilters } from './dashboard-filters';
import { answered, type TileState } from './tile-state';
import { useLiveTiles, type TileLive } from './use-live-tiles';

export interface TileAnswers {
  /** Tile id → what the tile shows. */
  states: Ref<Record<string, TileState>>;
  /** Tile id → when a pushed change was last shown, or why the tile is not live. */
  live: Ref<Record<string, TileLive>>;
  /** Whether every tile has its answer, empty state or error (false while loading or retrying). */
  settled: ComputedRef<boolean>;
  /**
   * Loads every tile in one batch (cancelling a load or retry still under way, and what was followed live); each
   * tile fills as its line arrives. Then follows every tile live, pushed at most every `liveIntervalSeconds`.
   */
  load: (tiles: readonly DashboardTile[], filters: DashboardFilters, liveIntervalSeconds?: number) => Promise<void>;
  /** Runs one tile's query again on its own, then follows it live again. */
  retry: (tile: DashboardTile, filters: DashboardFilters) => Promise<void>;
}

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong.';
}

/** The answers of a dashboard's tiles, with the dashboard's filters applied to each spec, kept live once loaded. */
export function useTileAnswers(): TileAnswers {
  const states = ref<Record<string, TileState>>({});
  const settled = computed(() => Object.values(states.value).every((state) => state.status !== 'loading'));
  const liveTiles = useLiveTiles(states);
  let batch: AbortController | null = null;
  let liveInterval = DEFAULT_LIVE_INTERVAL_SECONDS;
  const retries = new Map<string, AbortController>();

  function cancelAll(): void {
    batch?.abort();
    batch = null;
    for (const controller of retries.values()) controller.abort();
    retries.clear();
    liveTiles.unfollowAll();
  }

  /** Tiles still loading when the batch is over (no line came, or the stream broke) show why. */
  function failUnanswered(message: string): void {
    for (const [id, state] of Object.entries(states.value)) {
      if (state.status === 'loading' && !retries.has(id)) states.value[id] = { status: 'error', message };
    }
  }

  async function load(
    tiles: readonly DashboardTile[],
    filters: DashboardFilters,
    liveIntervalSeconds = DEFAULT_LIVE_INTERVAL_SECONDS,
  ): Promise<void> {
    cancelAll();
    const current = new AbortController();
    batch = current;
    liveInterval = liveIntervalSeconds;
    const byId = new Map(tiles.map((tile) => [tile.id, tile]));
    states.value = Object.fromEntries(tiles.map((tile): [string, TileState] => [tile.id, { status: 'loading' }]));
    if (tiles.length === 0) return;

    try {
      await runBatch(
        tiles.map((tile) => ({ id: tile.id, spec: applyFilters(tile.spec, filters) })),
        {
          signal: current.signal,
          onLine: (line) => {
            const tile = byId.get(line.id);
            if (current.signal.aborted || tile === undefined || retries.has(tile.id)) return;
            states.value[tile.id] = line.answer
              ? answered(tile, line.answer)
              : { status: 'error', message: problemMessage(line.error, 'The query of this tile failed.') };
          },
        },
      );
    } catch (error) {
      if (current.signal.aborted) return;
      failUnanswered(messageOf(error));
    }
    if (current.signal.aborted) return;
    failUnanswered('The server sent no answer for this tile.');
    // Live follows the batch, never replaces it: a tile in error may still come back with a pushed answer.
    for (const tile of tiles) if (!retries.has(tile.id)) liveTiles.follow(tile, applyFilters(tile.spec, filters), liveInterval);
  }

  async function retry(tile: DashboardTile, filters: DashboardFilters): Promise<void> {
    retries.get(tile.id)?.abort();
    liveTiles.unfollow(tile.id);
    const current = new AbortController();
    retries.set(tile.id, current);
    states.value[tile.id] = { status: 'loading' };
    const spec = applyFilters(tile.spec, filters);
    try {
      const answer = await runQuery(spec, current.signal);
      if (!current.signal.aborted) states.value[tile.id] = answered(tile, answer);
    } catch (error) {
      if (!current.signal.aborted) states.value[tile.id] = { status: 'error', message: messageOf(error) };
    } finally {
      if (retries.get(tile.id) === current) retries.delete(tile.id);
    }
    if (!current.signal.aborted) liveTiles.follow(tile, spec, liveInterval);
  }

  onScopeDispose(cancelAll);
  return { states, live: liveTiles.live, settled, load, retry };
}
