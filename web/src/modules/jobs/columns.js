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

/** @param {T} t @returns {Column[]} */
export const trainingColumns = (t) => [
  { key: 'starts_on', label: t('jobs.startsOn'), width: 110 },
  { key: 'ends_on', label: t('jobs.endsOn'), width: 110, hideNarrow: true },
  { key: 'course', label: t('jobs.course'), minWidth: 160 },
  { key: 'kind', label: t('jobs.trainingKind'), width: 110, value: (row) => t(`jobs.trainingKinds.${row.kind}`) },
  { key: 'provider', label: t('jobs.provider'), minWidth: 140, hideNarrow: true },
  { key: 'cost_fen', label: t('jobs.costYuan'), width: 100, numeric: true, value: (row) => yuan(row.cost_fen) },
  { key: 'paid_by', label: t('jobs.paidBy'), width: 100, value: (row) => [t(`jobs.payers.${row.paid_by}`), row.payer_organization].filter(Boolean).join(' · ') },
  { key: 'sessions_count', label: t('jobs.sessionsN'), width: 70, numeric: true },
  { key: 'enrolled', label: t('jobs.enrolledN'), width: 70, numeric: true },
  { key: 'completed', label: t('jobs.completedN'), width: 70, numeric: true },
];

/** @param {any} row */
const wageRange = (row) => [row.wage_min_fen, row.wage_max_fen].filter((x) => x !== null && x !== undefined).map((x) => (x / 100).toFixed(0)).join('–');

/** @param {T} t @returns {Column[]} */
export const postingColumns = (t) => [
  { key: 'posted_on', label: t('jobs.postedOn'), width: 110 },
  { key: 'title', label: t('jobs.postingTitle'), minWidth: 130 },
  { key: 'employer', label: t('jobs.employer'), minWidth: 150 },
  { key: 'skills', label: t('jobs.skillsWanted'), minWidth: 120, hideNarrow: true },
  { key: 'wage', label: t('jobs.wageYuan'), width: 110, value: wageRange },
  { key: 'places', label: t('jobs.places'), width: 70, numeric: true },
  { key: 'matched', label: t('jobs.matchedN'), width: 70, numeric: true },
  { key: 'shared', label: t('jobs.sharedN'), width: 80, numeric: true },
  { key: 'hired', label: t('jobs.hiredN'), width: 70, numeric: true },
  { key: 'status', label: t('jobs.status'), width: 80, value: (row) => t(`jobs.postingStatuses.${row.status}`) },
];

/** @param {T} t @returns {Column[]} */
export const matchColumns = (t) => [
  { key: 'name', label: t('residents.name'), width: 90 },
  { key: 'ethnicity_name', label: t('residents.ethnicity'), width: 80 },
  { key: 'score', label: t('jobs.score'), width: 70, numeric: true },
  { key: 'status', label: t('jobs.status'), width: 110, value: (row) => t(`jobs.matchStatuses.${row.status}`) },
  { key: 'consent_by', label: t('jobs.consent'), minWidth: 140, value: (row) => [row.consent_by ? t(`jobs.consentBys.${row.consent_by}`) : '', row.consent_how].filter(Boolean).join(' · ') },
];

/** @param {T} t @returns {Column[]} */
export const candidateColumns = (t) => [
  { key: 'name', label: t('residents.name'), width: 90 },
  { key: 'ethnicity_name', label: t('residents.ethnicity'), width: 80 },
  { key: 'score', label: t('jobs.score'), width: 70, numeric: true },
  { key: 'matched', label: t('jobs.matchedSkills'), minWidth: 110, value: (row) => row.matched.join('、') },
  { key: 'wishes', label: t('fields.wishes'), minWidth: 110, hideNarrow: true },
  { key: 'consent_to_share', label: t('fields.consent_to_share'), width: 90, value: (row) => (row.consent_to_share ? t('jobs.yes') : t('jobs.no')) },
];

/** @param {T} t @returns {Column[]} */
export const incubationColumns = (t) => [
  { key: 'started_on', label: t('jobs.startedIncubation'), width: 110 },
  { key: 'name', label: t('jobs.project'), minWidth: 150 },
  { key: 'brand', label: t('fields.brand'), width: 110 },
  { key: 'founders', label: t('jobs.founders'), minWidth: 120, value: (row) => row.founders.map((f) => f.name).join('、') },
  { key: 'milestones', label: t('jobs.milestones'), width: 90, value: (row) => `${row.milestones_done}/${row.milestones_total}` },
  { key: 'status', label: t('jobs.status'), width: 80, value: (row) => t(`jobs.incubationStatuses.${row.status}`) },
  { key: 'business', label: t('jobs.business'), minWidth: 150, hideNarrow: true },
  { key: 'ended_on', label: t('jobs.endedOn'), width: 110, hideNarrow: true },
];
