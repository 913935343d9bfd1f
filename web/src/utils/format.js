// @ts-check
// Small pure helpers shared by pages; tested by web/test/*.test.js with node --test.

// Builds a query string from an object, leaving out empty values.
export function toQuery(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    q.set(k, v === true ? '1' : String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

// Age in whole years on `today` (YYYY-MM-DD) for a birth date, or '' if unknown. Roles that may
// not see birth dates get the birth year only: the age is then the one reached this year.
export function ageOn(birthDate, today, birthYear) {
  if (!birthDate) return birthYear ? Number(today.slice(0, 4)) - birthYear : '';
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age -= 1;
  return age;
}

// Turns the API's error envelope into one line for a message box, including field reasons.
export function errorText(envelope, fieldLabels = {}) {
  const err = envelope && envelope.error;
  if (!err) return '';
  const fields = err.details && err.details.fields;
  if (!fields) return err.message;
  const parts = Object.entries(fields).map(([k, v]) => `${fieldLabels[k] || k}: ${v.message || v.code || v}`);
  return `${err.message}（${parts.join('；')}）`;
}

// Reads one cookie by name from a document.cookie string.
export function readCookie(cookieString, name) {
  for (const part of (cookieString || '').split(';')) {
    const [k, ...rest] = part.trim().split('=');
    if (k === name) return decodeURIComponent(rest.join('='));
  }
  return '';
}

// Formats a number with the thousands separators used in Chinese reports.
export function formatNumber(value) {
  if (typeof value !== 'number') return String(value ?? '');
  return value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}
