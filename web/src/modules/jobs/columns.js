// @ts-check
// The employment platform's lists as tables and exports (utils/export.js Column).

/** @typedef {import('../../utils/export.js').Column} Column */
/** @typedef {(key: string, values?: Record<string, unknown>) => string} T */

const yuan = (fen) => (fen === null || fen === undefined ? '' : (fen / 100).toFixed(2));

/** @param {T} t @returns {Column[]} */
export const seekerColumns = (t) => [
  { key: 'registered_on', label: t('jobs.registeredOn'), width: 110 },
  { key: 'name', label: t('residents.name'), width: 90 },
  { key: 'ethnicity_name', label: t('residents.ethnicity'), width: 80 },
  { key: 'education', label: t('fields.education'), width: 90, value: (row) => t(`jobs.educations.${row.education}`) },
  { key: 'skills', label: t('fields.skills'), minWidth: 120 },
  { key: 'wishes', label: t('fields.wishes'), minWidth: 120, hideNarrow: true },
  { key: 'source', label: t('jobs.source'), width: 90, value: (row) => t(`jobs.sources.${row.source}`) },
  { key: 'last_step', label: t('jobs.lastStep'), width: 100, value: (row) => (row.last_step ? t(`jobs.steps.${row.last_step}`) : '') },
  { key: 'status', label: t('jobs.status'), width: 80, value: (row) => t(`jobs.statuses.${row.status}`) },
];

/** @param {T} t @returns {Column[]} */
export const certificateColumns = (t) => [
  { key: 'issued_on', label: t('fields.issued_on'), width: 110 },
  { key: 'name', label: t('residents.name'), width: 90 },
  { key: 'ethnicity_name', label: t('residents.ethnicity'), width: 80 },
  { key: 'kind', label: t('jobs.certificate'), minWidth: 160 },
  { key: 'number', label: t('jobs.number'), width: 150 },
  { key: 'issuer', label: t('fields.issuer'), minWidth: 140, hideNarrow: true },
  { key: 'verifier', label: t('jobs.verified'), width: 100, value: (row) => (row.verified_at ? row.verifier || t('jobs.yes') : t('jobs.notVerified')) },
];

/** @param {T} t @returns {Column[]} */
export const placementColumns = (t) => [
  { key: 'started_on', label: t('jobs.startedOn'), width: 110 },
  { key: 'name', label: t('residents.name'), width: 90 },
  { key: 'ethnicity_name', label: t('residents.ethnicity'), width: 80 },
  { key: 'employer', label: t('fields.employer_id'), minWidth: 150 },
  { key: 'position', label: t('fields.position'), width: 110 },
  { key: 'wage_fen', label: t('jobs.wageYuan'), width: 100, numeric: true, value: (row) => yuan(row.wage_fen) },
  { key: 'm3', label: t('jobs.after3'), width: 110, value: (row) => followText(t, row, 3) },
  { key: 'm6', label: t('jobs.after6'), width: 110, value: (row) => followText(t, row, 6) },
];

/** @param {T} t @param {any} row @param {number} months */
function followText(t, row, months) {
  const f = row.followups.find((x) => x.months === months);
  if (f) return f.employed ? t('jobs.stillEmployed') : t('jobs.left');
  return t('jobs.dueOn', { date: months === 3 ? row.due_3m : row.due_6m });
}

/** @param {T} t @returns {Column[]} */
export const businessColumns = (t) => [
  { key: 'registered_on', label: t('jobs.registeredOn'), width: 110 },
  { key: 'name', label: t('jobs.business'), minWidth: 160 },
  { key: 'owner', label: t('residents.name'), width: 90 },
  { key: 'ethnicity_name', label: t('residents.ethnicity'), width: 80 },
  { key: 'kind', label: t('jobs.kind'), width: 100, value: (row) => t(`jobs.kinds.${row.kind}`) },
  { key: 'credit_code', label: t('fields.credit_code'), width: 180 },
  { key: 'brand', label: t('fields.brand'), width: 100 },
  { key: 'closed_on', label: t('jobs.closedOn'), width: 110 },
];

/** @param {T} t @returns {Column[]} */
export const employerColumns = (t) => [
  { key: 'name', label: t('jobs.employer'), minWidth: 180 },
  { key: 'contact', label: t('fields.contact'), width: 120 },
  { key: 'organization', label: t('jobs.partner'), minWidth: 120 },
  { key: 'placements', label: t('jobs.placementsN'), width: 100, numeric: true },
];
