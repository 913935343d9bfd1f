// @ts-check
// The 台账: one workbook for a place and year with a sheet per line and platform, each listing
// the records behind its figures (exactly what each figure counts), under the figure, its rule and
// its date, and a first sheet of every figure. The records come through each figure's own records
// route, so a role sees in the ledger just what it may open on the dashboard: a figure whose
// records it may not see is listed in the overview with its number only. The server writes the
// workbook (POST /exports/workbook: headings, widths, frozen heading, A4 landscape, page numbers).
import { download } from '../../api/http.js';
import { listKpiRecords } from './api.js';
import { recordColumns } from './record-cells.js';
import { valueText, unitText } from './figures.js';

const PAGE = 1000;
// The lines and platforms in the order the method names them (as the dashboard shows them).
export const SECTIONS = ['registry', 'party', 'governance', 'volunteer', 'societies', 'services', 'selfhelp', 'culture',
  'rights', 'charity', 'jobs', 'linkage', 'outcomes', 'shuttle'];

/** Every record behind figure `id`, page by page. @param {string} id @param {Record<string, any>} query */
async function allRecords(id, query) {
  const first = await listKpiRecords(id, { ...query, limit: PAGE, offset: 0 });
  /** @type {Record<string, any>[]} */
  let items = first.items;
  while (items.length < first.total) {
    const page = await listKpiRecords(id, { ...query, limit: PAGE, offset: items.length });
    if (!page.items.length) break;
    items = items.concat(page.items);
  }
  return { columns: first.columns, items };
}

// Excel's sheet names: at most 31 characters, none of []:*?/\.
const sheetName = (/** @type {string} */ s) => [...s.replace(/[[\]:*?/\\]/g, ' ')].slice(0, 31).join('');

/**
 * The workbook's sheets, as POST /exports/workbook takes them.
 * @param {{ t: (key: string, values?: any) => string, te: (key: string) => boolean, codes: any, kpis: any[], query: Record<string, any>, place: string, year: number }} o
 */
export async function ledgerSheets({ t, te, codes, kpis, query, place, year }) {
  const part = (/** @type {string} */ name) => t('reports.ledger.heading', { place, year, part: name });
  const figure = (/** @type {any} */ k) => `${valueText(k, k.value)}${unitText(k, t('reports.yuan')) ? ` ${unitText(k, t('reports.yuan'))}` : ''}`;
  const sheets = [];
  /** @type {any[][]} */
  const overview = [];
  for (const section of SECTIONS) {
    const items = kpis.filter((k) => k.section === section);
    if (!items.length) continue;
    const name = sheetName(t(`reports.sections.${section}`));
    const blocks = [];
    for (const k of items) {
      const open = k.records_allowed !== false;
      overview.push([t(`reports.sections.${section}`), k.label, figure(k), k.definition, k.as_of, open ? name : t('reports.ledger.figureOnly')]);
      if (!open) continue;
      const rec = await allRecords(k.id, query);
      const columns = recordColumns(t, te, codes, rec.columns);
      // Numbers stay numbers in Excel: money in yuan, counts as they are.
      const numeric = columns.map((c) => Boolean(c.numeric) || (rec.items.length > 0 && rec.items.every((r) => typeof r[c.key] === 'number')));
      blocks.push({
        title: `${k.label}：${figure(k)}`,
        note: t('reports.ledger.note', { rule: k.definition, date: k.as_of, n: rec.items.length }),
        columns: columns.map((c, i) => (numeric[i] ? { label: c.label, numeric: true } : { label: c.label })),
        rows: rec.items.map((r) => columns.map((c, i) => {
          if (!numeric[i]) return c.value(r);
          return c.exportValue ? c.exportValue(r) : r[c.key];
        })),
      });
    }
    if (blocks.length) sheets.push({ name, heading: part(t(`reports.sections.${section}`)), blocks });
  }
  const columns = ['section', 'figure', 'value', 'rule', 'asOf', 'sheet'].map((c) => ({ label: t(`reports.ledger.columns.${c}`) }));
  sheets.unshift({
    name: sheetName(t('reports.ledger.overview')),
    heading: part(t('reports.ledger.overview')),
    blocks: [{ title: t('reports.ledger.figures'), columns, rows: overview }],
  });
  return sheets;
}

/** Builds the ledger and downloads it as "<place><year>年台账.xlsx". */
export async function downloadLedger(/** @type {Parameters<typeof ledgerSheets>[0]} */ o) {
  const sheets = await ledgerSheets(o);
  const title = o.t('reports.ledger.file', { place: o.place, year: o.year });
  await download('/exports/workbook', {}, `${title}.xlsx`, { list: 'reports.ledger', title, sheets });
}
