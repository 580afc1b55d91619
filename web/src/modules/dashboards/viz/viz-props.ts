import type { DashboardTile, QueryAnswer } from '../../../api/query-types';
import type { FormatContext } from '../format';

/** The props every viz component takes: the tile, its answer, the page's theme and how to format numbers. */
export interface VizProps {
  tile: DashboardTile;
  answer: QueryAnswer;
  theme: 'light' | 'dark';
  format: FormatContext;
}
