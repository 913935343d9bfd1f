// @ts-check
// The party line's lists as tables and exports (utils/export.js Column).

/** @typedef {import('../../utils/export.js').Column} Column */
/** @typedef {(key: string, values?: Record<string, unknown>) => string} T */

/** A community column first when the list covers the street. @param {T} t @param {((id: number) => string) | null} communityName @returns {Column[]} */
const communityColumn = (t, communityName) => (communityName ? [{ key: 'community', label: t('residents.community'), width: 100, value: (row) => communityName(row.community_id) }] : []);

/** @param {T} t @param {((id: number) => string) | null} [communityName] @returns {Column[]} */
export const pairingColumns = (t, communityName = null) => [
  ...communityColumn(t, communityName),
  { key: 'resident', label: t('residents.name'), minWidth: 100 },
  { key: 'ethnicity_name', label: t('residents.ethnicity'), width: 90 },
  { key: 'address', label: t('residents.address'), minWidth: 180, hideNarrow: true },
  { key: 'liaison', label: t('party.liaison'), minWidth: 100 },
  { key: 'from_date', label: t('organizations.from'), width: 110 },
];

/** @param {T} t @param {((id: number) => string) | null} [communityName] @returns {Column[]} */
export const visitColumns = (t, communityName = null) => [
  ...communityColumn(t, communityName),
  { key: 'visit_date', label: t('party.date'), width: 110 },
  { key: 'address', label: t('residents.address'), minWidth: 160 },
  { key: 'liaison', label: t('party.liaison'), width: 100 },
  { key: 'kind', label: t('party.kind'), width: 100, value: (row) => t(`party.kinds.${row.kind}`) },
  { key: 'findings', label: t('party.findings'), minWidth: 160, hideNarrow: true },
  { key: 'needs', label: t('party.needs'), minWidth: 120 },
  { key: 'follow_up', label: t('party.followUp'), width: 120, value: (row) => (row.follow_up_status === 'none' ? '' : t(`party.status.${row.follow_up_status}`)) },
];

/** @param {T} t @returns {Column[]} */
export const studyColumns = (t) => [
  { key: 'held_on', label: t('party.date'), width: 110 },
  { key: 'kind', label: t('party.kind'), width: 110, value: (row) => t(`party.studyKinds.${row.kind}`) },
  { key: 'topic', label: t('party.topic'), minWidth: 220 },
  { key: 'ethnic_policy', label: t('party.ethnicPolicy'), width: 100, value: (row) => (row.ethnic_policy ? t('common.yes') : '') },
  { key: 'attendance', label: t('party.attendance'), width: 90, numeric: true },
];
