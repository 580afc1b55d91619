import { computed, onScopeDispose, ref, type ComputedRef, type Ref } from 'vue';
import { ApiError, problemMessage } from '../../api/client';
import { runBatch, runQuery } from '../../api/query';
import type { DashboardTile } from '../../api/query-types';
import { applyFilters, type DashboardFilters } from './dashboard-filters';
import { answered, type TileState } from './tile-state';

export interface TileAnswers {
  /** Tile id → what the tile shows. */
  states: Ref<Record<string, TileState>>;
  /** Whether every tile has its answer, empty state or error (false while loading or retrying). */
  settled: ComputedRef<boolean>;
  /** Loads every tile in one batch (cancelling a load or retry still under way); each tile fills as its line arrives. */
  load: (tiles: readonly DashboardTile[], filters: DashboardFilters) => Promise<void>;
  /** Runs one tile's query again on its own. */
  retry: (tile: DashboardTile, filters: DashboardFilters) => Promise<void>;
}

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong.';
}

/** The answers of a dashboard's tiles, with the dashboard's filters applied to each spec. */
export function useTileAnswers(): TileAnswers {
  const states = ref<Record<string, TileState>>({});
  const settled = computed(() => Object.values(states.value).every((state) => state.status !== 'loading'));
  let batch: AbortController | null = null;
  const retries = new Map<string, AbortController>();

  function cancelAll(): void {
    batch?.abort();
    batch = null;
    for (const controller of retries.values()) controller.abort();
    retries.clear();
  }

  /** Tiles still loading when the batch is over (no line came, or the stream broke) show why. */
  function failUnanswered(message: string): void {
    for (const [id, state] of Object.entries(states.value)) {
      if (state.status === 'loading' && !retries.has(id)) states.value[id] = { status: 'error', message };
    }
  }

  async function load(tiles: readonly DashboardTile[], filters: DashboardFilters): Promise<void> {
    cancelAll();
    const current = new AbortController();
    batch = current;
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
  }

  async function retry(tile: DashboardTile, filters: DashboardFilters): Promise<void> {
    retries.get(tile.id)?.abort();
    const current = new AbortController();
    retries.set(tile.id, current);
    states.value[tile.id] = { status: 'loading' };
    try {
      const answer = await runQuery(applyFilters(tile.spec, filters), current.signal);
      if (!current.signal.aborted) states.value[tile.id] = answered(tile, answer);
    } catch (error) {
      if (!current.signal.aborted) states.value[tile.id] = { status: 'error', message: messageOf(error) };
    } finally {
      if (retries.get(tile.id) === current) retries.delete(tile.id);
    }
  }

  onScopeDispose(cancelAll);
  return { states, settled, load, retry };
}
