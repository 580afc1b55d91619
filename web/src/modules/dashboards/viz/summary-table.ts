import type { QueryAnswer } from '../../../api/query-types';
import { formatValue, type FormatContext } from '../format';

/** The answer as text, for the table screen readers get in place of the canvas. */
export interface SummaryTable {
  headers: string[];
  rows: string[][];
}

/** Every column of the answer, each cell in its column's format. */
export function summaryTable(answer: QueryAnswer, format: FormatContext): SummaryTable {
  return {
    headers: answer.columns.map((column) => column.label),
    rows: answer.rows.map((row) => answer.columns.map((column, i) => formatValue(row[i] ?? null, column.format, format))),
  };
}
