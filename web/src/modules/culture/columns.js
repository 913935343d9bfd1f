// @ts-check
// The culture platform's lists as tables and exports (utils/export.js Column).

/** @typedef {import('../../utils/export.js').Column} Column */
/** @typedef {(key: string, values?: Record<string, unknown>) => string} T */

/** "2021-03-05T19:00:00+08:00" → "2021-03-05 19:00" (times are shown in the community's zone). */
export const when = (rfc) => (rfc ? `${rfc.slice(0, 10)} ${rfc.slice(11, 16)}` : '');

/** @param {T} t @returns {Column[]} */
export const bookingColumns = (t) => [
  { key: 'starts_at', label: t('culture.starts'), width: 140, value: (row) => when(row.starts_at) },
  { key: 'ends_at', label: t('culture.ends'), width: 70, value: (row) => row.ends_at.slice(11, 16) },
  { key: 'room', label: t('culture.room'), width: 120 },
  { key: 'purpose', label: t('culture.purpose'), minWidth: 140 },
  { key: 'booker', label: t('culture.booker'), minWidth: 110 },
  { key: 'booker_kind', label: t('culture.bookerKind'), width: 100, value: (row) => t(`culture.bookerKinds.${row.booker_kind}`) },
  { key: 'expected', label: t('culture.expected'), width: 90, numeric: true },
  { key: 'status', label: t('culture.status'), width: 90, value: (row) => t(`culture.statuses.${row.status}`) },
];

/** @param {T} t @returns {Column[]} */
export const roomColumns = (t) => [
  { key: 'venue', label: t('culture.venue'), minWidth: 120 },
  { key: 'name', label: t('culture.room'), minWidth: 120 },
  { key: 'kind', label: t('fields.kind'), width: 90, value: (row) => t(`culture.kinds.${row.kind}`) },
  { key: 'area_m2', label: t('culture.area'), width: 110, numeric: true },
  { key: 'capacity', label: t('culture.capacity'), width: 90, numeric: true },
  { key: 'opens', label: t('culture.opens'), width: 120, value: (row) => `${row.opens}–${row.closes}` },
  { key: 'closed_weekdays', label: t('culture.closedWeekdays'), width: 110, value: (row) => row.closed_weekdays.split(',').filter(Boolean).map((d) => t(`culture.weekdays.${d}`)).join('、') },
  { key: 'auto_approve', label: t('culture.autoApprove'), width: 90, value: (row) => (row.auto_approve ? t('common.yes') : '') },
];

/** @param {T} t @returns {Column[]} */
export const eventColumns = (t) => [
  { key: 'held_on', label: t('culture.heldOn'), width: 110 },
  { key: 'series', label: t('culture.seriesName'), width: 150 },
  { key: 'title', label: t('culture.eventTitle'), minWidth: 180 },
  { key: 'room', label: t('culture.room'), width: 120 },
  { key: 'performers', label: t('culture.performers'), minWidth: 140, value: (row) => row.performers.map((p) => p.name).join('、') },
  { key: 'audience', label: t('culture.audience'), width: 90, numeric: true },
];

/** @param {T} t @returns {Column[]} */
export const visitColumns = (t) => [
  { key: 'visited_on', label: t('culture.visitedOn'), width: 110 },
  { key: 'kind', label: t('culture.visitKind'), width: 80, value: (row) => t(`culture.visitKinds.${row.kind}`) },
  { key: 'group_name', label: t('culture.groupName'), minWidth: 150 },
  { key: 'people', label: t('culture.people'), width: 80, numeric: true },
];

/** @param {T} t @returns {Column[]} */
export const exhibitColumns = (t) => [
  { key: 'number', label: t('culture.number'), width: 120 },
  { key: 'title', label: t('culture.exhibit'), minWidth: 150 },
  { key: 'ethnicity_name', label: t('culture.ethnicity'), width: 90 },
  { key: 'category', label: t('culture.category'), width: 80, value: (row) => t(`culture.categories.${row.category}`) },
  { key: 'provenance', label: t('culture.provenance'), width: 80, value: (row) => t(`culture.provenances.${row.provenance}`) },
  { key: 'showcase', label: t('culture.showcase'), width: 80 },
  { key: 'last_condition', label: t('culture.condition'), width: 80, value: (row) => (row.last_condition ? t(`culture.conditions.${row.last_condition}`) : '') },
  { key: 'status', label: t('culture.status'), width: 90, value: (row) => t(`culture.exhibitStatuses.${row.status}`) },
];
