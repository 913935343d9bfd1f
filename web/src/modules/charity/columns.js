// @ts-check
// The fund's lists as tables and exports: one declaration per list (utils/export.js Column).
import { yuan } from './format.js';

/** @typedef {import('../../utils/export.js').Column} Column */
/** @typedef {(key: string, values?: Record<string, unknown>) => string} T */

/** Money columns show yuan and export a number of yuan. @param {string} key @param {string} label @param {string} prop @returns {Column} */
export const moneyColumn = (key, label, prop) => ({
  key, label, width: 110, align: 'right', numeric: true,
  value: (row) => yuan(row[prop]), exportValue: (row) => row[prop] / 100,
});

/** @param {T} t @param {{ communityName: (id: number) => string, street: boolean }} where @returns {Column[]} */
export function donationColumns(t, { communityName, street }) {
  return [
    ...(street ? [{ key: 'community', label: t('residents.community'), width: 100, value: (/** @type {any} */ row) => communityName(row.community_id) }] : []),
    { key: 'receipt_no', label: t('charity.receipt'), width: 170 },
    { key: 'donated_on', label: t('charity.date'), width: 105 },
    { key: 'donor', label: t('charity.donor'), minWidth: 120, value: (row) => (row.donor_kind === 'anonymous' ? t('charity.anonymous') : row.donor_name) },
    { key: 'channel', label: t('charity.channel'), width: 110, value: (row) => t(`charity.channels.${row.channel}`) },
    { key: 'form', label: t('charity.form'), width: 70, value: (row) => t(`charity.forms.${row.form}`) },
    moneyColumn('amount', t('charity.amount'), 'amount_fen'),
    { key: 'project', label: t('charity.project'), minWidth: 130, value: (row) => row.project || t('charity.general') },
    { key: 'reversed', label: t('charity.status'), width: 80, value: (row) => (row.reversed_by ? t('charity.reversed') : '') },
  ];
}

/** @param {T} t @param {{ communityName: (id: number) => string, street: boolean }} where @returns {Column[]} */
export function disbursementColumns(t, { communityName, street }) {
  return [
    ...(street ? [{ key: 'community', label: t('residents.community'), width: 100, value: (/** @type {any} */ row) => communityName(row.community_id) }] : []),
    { key: 'project', label: t('charity.project'), minWidth: 130 },
    { key: 'purpose', label: t('charity.purpose'), minWidth: 130 },
    { key: 'beneficiary', label: t('charity.beneficiary'), minWidth: 150 },
    moneyColumn('amount', t('charity.amount'), 'amount_fen'),
    { key: 'approvals', label: t('charity.approvals'), minWidth: 150, value: (row) => `${row.requested_by} → ${row.first_approver || '…'} → ${row.second_approver || '…'}` },
    { key: 'status', label: t('charity.status'), width: 80, value: (row) => t(`charity.statuses.${row.status}`) },
  ];
}

/** What an import of donations shows before it is committed. @param {T} t @returns {Column[]} */
export const donationPreviewColumns = (t) => [
  { key: 'receipt_no', label: t('charity.receipt') },
  { key: 'donated_on', label: t('charity.date') },
  { key: 'donor_name', label: t('charity.donor'), value: (row) => row.donor_name || t('charity.anonymous') },
  { key: 'channel', label: t('charity.channel'), value: (row) => t(`charity.channels.${row.channel}`) },
  moneyColumn('amount', t('charity.amount'), 'amount_fen'),
];
