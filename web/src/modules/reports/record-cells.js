// @ts-check
// How the records behind a figure read: their columns named, codes shown by name and fen as
// yuan. Shared by the records drawer and the ledger (台账) workbook, so both say the same.
import { formatNumber } from '../../utils/format.js';

// Columns whose values are codes of a module's dictionary (the donations behind the fund's figures,
// the kinds of museum visits, how a seeker registered, businesses' and partners' kinds).
const CODE_COLUMNS = {
  channel: 'charity.channels', form: 'charity.forms', kind: 'culture.visitKinds', seeker_source: 'jobs.sources',
  business_kind: 'jobs.kinds', partner_kind: 'linkage.partnerKinds', project_status: 'linkage.statuses',
};

/**
 * The columns of a page of records as tables take them: key, label, the text of a cell and, for
 * money, the number to export.
 * @param {(key: string, values?: object) => string} t
 * @param {(key: string) => boolean} te
 * @param {Record<string, {code: string, name: string}[]> | null} codes the national code tables
 * @param {string[]} columns the records' keys
 */
export function recordColumns(t, te, codes, columns) {
  const codeName = (/** @type {string} */ table, /** @type {string} */ code) =>
    ((codes?.[table] || []).find((e) => e.code === code) || { name: '' }).name || code;
  /** @param {string} column @param {any} v */
  const cellText = (column, v) => {
    if (v === null || v === undefined) return column === 'liaison' ? t('reports.unpaired') : '';
    if (column === 'ethnicity') return codeName('ethnicity', v);
    if (column === 'political_status') return codeName('political_status', v);
    if (column === 'gender') return v === 'M' ? t('residents.male') : v === 'F' ? t('residents.female') : v;
    if (column === 'amount_fen') return formatNumber(v / 100);
    const table = /** @type {Record<string, string>} */ (CODE_COLUMNS)[column];
    if (table && te(`${table}.${v}`)) return t(`${table}.${v}`);
    if (typeof v === 'number') return formatNumber(v);
    return v;
  };
  return columns.map((c) => ({
    key: c,
    label: te(`reports.columns.${c}`) ? t(`reports.columns.${c}`) : c,
    value: (/** @type {Record<string, any>} */ row) => cellText(c, row[c]),
    ...(c === 'amount_fen' ? { numeric: true, align: 'right', exportValue: (/** @type {Record<string, any>} */ row) => row[c] / 100 } : {}),
  }));
}
