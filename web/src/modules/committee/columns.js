// @ts-check
// The committee's lists as tables and exports (utils/export.js Column).

/** @typedef {import('../../utils/export.js').Column} Column */
/** @typedef {(key: string, values?: Record<string, unknown>) => string} T */

const yuan = (fen) => (fen === null || fen === undefined ? '' : (fen / 100).toFixed(2));

/** @param {T} t @returns {Column[]} */
export const officerColumns = (t) => [
  { key: 'name', label: t('residents.name'), minWidth: 90 },
  { key: 'ethnicity_name', label: t('residents.ethnicity'), width: 90 },
  { key: 'post', label: t('committee.post'), width: 110, value: (row) => t(`committee.posts.${row.post}`) },
  { key: 'term_from', label: t('committee.termFrom'), width: 110 },
  { key: 'households', label: t('committee.householdsN'), width: 100, numeric: true },
  { key: 'contacts', label: t('committee.contactsN'), width: 100, numeric: true },
];

/** @param {T} t @returns {Column[]} */
export const assignmentColumns = (t) => [
  { key: 'address', label: t('residents.address'), minWidth: 180 },
  { key: 'officer', label: t('committee.officer'), width: 100 },
  { key: 'from_date', label: t('organizations.from'), width: 110 },
  { key: 'to_date', label: t('organizations.to'), width: 110 },
  { key: 'end_reason', label: t('organizations.reason'), minWidth: 100, hideNarrow: true },
];

/** @param {T} t @returns {Column[]} */
export const contactColumns = (t) => [
  { key: 'contacted_on', label: t('committee.date'), width: 110 },
  { key: 'address', label: t('residents.address'), minWidth: 160 },
  { key: 'resident', label: t('residents.name'), width: 90 },
  { key: 'officer', label: t('committee.officer'), width: 90 },
  { key: 'channel', label: t('committee.channel'), width: 90, value: (row) => t(`committee.channels.${row.channel}`) },
  { key: 'purpose', label: t('committee.purpose'), width: 100, value: (row) => t(`committee.purposes.${row.purpose}`) },
  { key: 'summary', label: t('committee.summary'), minWidth: 160, hideNarrow: true },
  { key: 'care_what', label: t('committee.careWhat'), minWidth: 120 },
  { key: 'value_fen', label: t('committee.valueYuan'), width: 100, numeric: true, value: (row) => yuan(row.value_fen) },
  { key: 'helpers', label: t('committee.helpers'), width: 100, hideNarrow: true },
];

/** @param {T} t @returns {Column[]} */
export const needColumns = (t) => [
  { key: 'raised_on', label: t('committee.raisedOn'), width: 110 },
  { key: 'address', label: t('residents.address'), minWidth: 150 },
  { key: 'kind', label: t('committee.kind'), width: 90, value: (row) => t(`committee.kinds.${row.kind}`) },
  { key: 'description', label: t('committee.need'), minWidth: 180 },
  { key: 'officer', label: t('committee.officer'), width: 90, hideNarrow: true },
  { key: 'status', label: t('committee.status'), width: 90, value: (row) => t(`committee.statuses.${row.status}`) },
  { key: 'handler', label: t('committee.handler'), width: 120, value: (row) => (row.handler ? t(`committee.handlers.${row.handler}`) : '') },
  { key: 'due_on', label: t('committee.dueOn'), width: 110 },
  { key: 'outcome', label: t('committee.outcome'), minWidth: 140, hideNarrow: true },
];

/** @param {T} t @returns {Column[]} */
export const activityColumns = (t) => [
  { key: 'held_on', label: t('committee.date'), width: 110 },
  { key: 'title', label: t('committee.activity'), minWidth: 150 },
  { key: 'organiser', label: t('committee.organiser'), width: 90 },
  { key: 'place', label: t('committee.place'), minWidth: 130, hideNarrow: true },
  { key: 'expected', label: t('committee.expected'), width: 90, numeric: true },
  { key: 'participants', label: t('committee.participants'), width: 90, numeric: true },
  { key: 'ethnic_mix', label: t('committee.ethnicMix'), minWidth: 160, value: (row) => row.ethnic_mix.map((e) => `${e.ethnicity_name} ${e.count}`).join('、') },
  { key: 'status', label: t('committee.status'), width: 90, value: (row) => t(`committee.activityStatuses.${row.status}`) },
];
