// @ts-check
// How a figure reads on the dashboard: shares as percentages, money (kept in fen) in yuan, the rest
// with its unit; and its change from the year before. Pure, tested by web/test/figures.test.js.
import { formatNumber } from '../../utils/format.js';

const isMoney = (k) => k.id.endsWith('_fen');

/** The figure's number as shown (without its unit). */
export function valueText(k, value) {
  if (value === null || value === undefined) return '';
  if (k.aggregate === 'share') return `${(value * 100).toFixed(1)}%`;
  if (isMoney(k)) return formatNumber(value / 100);
  return formatNumber(Math.round(value * 10) / 10);
}

/** The unit shown after the number ('' for a share). */
export function unitText(k, yuan = '元') {
  if (k.aggregate === 'share') return '';
  return isMoney(k) ? yuan : k.unit;
}

/**
 * The change from the year before: "较上年 +3 人（+12.5%）", a share in percentage points; with
 * `short` only the signed change.
 * @param {(key: string, params?: Record<string, unknown>) => string} t
 */
export function changeText(t, k, h, short = false) {
  const signed = (s) => (s.startsWith('-') ? s : `+${s}`);
  let change;
  if (k.aggregate === 'share') change = t('reports.points', { n: signed((h.change * 100).toFixed(1)) });
  else change = `${signed(valueText(k, h.change))} ${unitText(k, t('reports.yuan'))}`.trim();
  if (short) return change;
  const share = k.aggregate !== 'share' && h.change_share !== null && h.change_share !== undefined
    ? `（${signed((h.change_share * 100).toFixed(1))}%）` : '';
  return t('reports.sinceLastYear', { change: change + share });
}
