// @ts-check
// Lists export as they are shown: the same columns, labels and words the table uses, written as
// .xlsx by POST /exports (which records the export in the audit log).
import { download } from '../api/http.js';

/**
 * One column of a list: what the table shows and what the export writes.
 * @typedef {{
 *   key: string, label: string, prop?: string,
 *   value?: (row: any) => any, exportValue?: (row: any) => any, numeric?: boolean,
 *   width?: number | string, minWidth?: number | string, align?: string, hideNarrow?: boolean,
 *   sortable?: boolean,   // false: rows at hand do not sort by this column
 * }} Column
 */

/** The text a column shows for a row. @param {Column} col @param {any} row */
export function cellText(col, row) {
  const v = col.value ? col.value(row) : row[col.prop || col.key];
  return v ?? '';
}

/** @param {Column} col @param {any} row @returns {string | number | null} */
function exportCell(col, row) {
  const v = col.exportValue ? col.exportValue(row) : cellText(col, row);
  if (v === '' || v === null || v === undefined) return null;
  return typeof v === 'number' ? v : String(v);
}

/**
 * Writes rows as .xlsx and downloads it; the first column is 序号.
 * @param {{ list: string, title: string, indexLabel: string, columns: Column[], rows: any[] }} what
 */
export function exportRows({ list, title, indexLabel, columns, rows }) {
  const sheet = title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
  return download('/exports', {}, `${sheet}.xlsx`, {
    list,
    title: sheet,
    columns: [{ label: indexLabel, numeric: true }, ...columns.map((c) => (c.numeric ? { label: c.label, numeric: true } : { label: c.label }))],
    rows: rows.map((row, i) => [i + 1, ...columns.map((c) => exportCell(c, row))]),
  });
}
