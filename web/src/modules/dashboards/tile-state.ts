import type { DashboardTile, QueryAnswer } from '../../api/query-types';
import { vizEmptyMessage } from './viz/viz-registry';

/** What a tile shows: a skeleton, its answer, a helpful sentence instead of an empty chart, or why it failed. */
export type TileState =
  | { status: 'loading' }
  | { status: 'ready'; answer: QueryAnswer }
  | { status: 'empty'; answer: QueryAnswer; message: string }
  | { status: 'error'; message: string };

/** The empty state of a tile with a range of its own ("Revenue today"): the range buttons do not change it. */
export const OWN_RANGE_EMPTY = 'No data for this period yet.';

/** The state of a tile that got its answer: ready, or empty when its viz has nothing to draw. */
export function answered(tile: DashboardTile, answer: QueryAnswer): TileState {
  const message = vizEmptyMessage(tile, answer);
  if (message === null) return { status: 'ready', answer };
  const ownRange = tile.spec.time?.range !== undefined && answer.rows.length === 0;
  return { status: 'empty', answer, message: ownRange ? OWN_RANGE_EMPTY : message };
}
