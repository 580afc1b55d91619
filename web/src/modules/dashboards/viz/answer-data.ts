import type { AnswerColumn, CellValue, QueryAnswer } from '../../../api/query-types';

/** A column of an answer with its position in each row. */
export interface IndexedColumn {
  column: AnswerColumn;
  index: number;
}

/** The named column of the answer, or null when the answer has none by that name. */
export function findColumn(answer: QueryAnswer, name: string): IndexedColumn | null {
  const index = answer.columns.findIndex((column) => column.name === name);
  const column = answer.columns[index];
  return column === undefined ? null : { column, index };
}

/** The metric columns of the answer, in answer order. */
export function metricColumns(answer: QueryAnswer): IndexedColumn[] {
  return answer.columns.flatMap((column, index) => (column.role === 'metric' ? [{ column, index }] : []));
}

/** The first non-metric column (the time column first): what a one-dimension chart puts on its category axis. */
export function categoryColumn(answer: QueryAnswer): IndexedColumn | null {
  const time = answer.columns.findIndex((column) => column.role === 'time');
  const index = time >= 0 ? time : answer.columns.findIndex((column) => column.role !== 'metric');
  const column = answer.columns[index];
  return column === undefined ? null : { column, index };
}

/** A cell as a number for drawing: null and text that is not a number draw as 0. */
export function toNumber(value: CellValue | undefined): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : 0;
  }
  return 0;
}

/** The cell of a row at a column (undefined-safe). */
export function cell(row: readonly CellValue[], column: IndexedColumn | null): CellValue {
  return column === null ? null : (row[column.index] ?? null);
}

/** A string option of the tile (e.g. `options.x`), or the fallback when absent or not text. */
export function stringOption(options: Record<string, unknown>, key: string): string | null {
  const value = options[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A list-of-names option of the tile (e.g. `options.bars`); a single name counts as a list of one. */
export function stringListOption(options: Record<string, unknown>, key: string): string[] {
  const value = options[key];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
