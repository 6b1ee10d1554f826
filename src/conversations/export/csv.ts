// RFC 4180 CSV by hand: csv-stringify's per-cell option handling held the export to ~28 MB/s (bench: export).
// The same rule twice, side by side: in JavaScript for the conversation's cells, in SQL for each message's.
import { type SQL, sql } from 'drizzle-orm';

const NEEDS_QUOTES = /[",\r\n]/;
// What a spreadsheet runs as a formula: these get a leading ' so they stay text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formula-neutralised, then quoted (with doubled quotes) when it holds a quote, comma or line break. */
export function csvCell(value: string | null): string {
  if (!value) return '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, ended by a line feed. */
export const csvRow = (cells: ReadonlyArray<string | null>): string => `${cells.map(csvCell).join(',')}\n`;

/** csvCell in SQL, for a text column or expression without side effects (it is read more than once). */
export function csvCellSql(value: SQL): SQL {
  const text = sql`(case when left(${value}, 1) in ('=', '+', '-', '@', chr(9), chr(13)) then '''' || ${value} else ${value} end)`;
  return sql`(case when coalesce(${value}, '') = '' then ''
    when strpos(${text}, '"') > 0 or strpos(${text}, ',') > 0 or strpos(${text}, chr(10)) > 0
      or strpos(${text}, chr(13)) > 0 then '"' || replace(${text}, '"', '""') || '"'
    else ${text} end)`;
}
