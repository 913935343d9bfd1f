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

// The text of an error answer: the server's (translated) message, then each field's reason after
// the field's label — `label(field)` from the locale's `fields` dictionary; a field without a
// label shows its reason alone, never its key.
/** @param {any} envelope @param {{ label?: (field: string) => string, en?: boolean }} [options] */
export function errorText(envelope, { label = () => '', en = false } = {}) {
  const err = envelope && envelope.error;
  if (!err) return '';
  const fields = err.details && err.details.fields;
  if (!fields || !Object.keys(fields).length) return err.message;
  const parts = Object.entries(fields).map(([k, v]) => {
    const reason = v.message || v.code || v;
    const name = label(k);
    return name ? `${name}${en ? ': ' : '：'}${reason}` : reason;
  });
  return en ? `${err.message} (${parts.join('; ')})` : `${err.message}（${parts.join('；')}）`;
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

// A browser's user-agent string as a person recognises the device: "Chrome · Android".
/** @param {string | null | undefined} ua */
export function deviceName(ua) {
  if (!ua) return '';
  const browser = [['Edg/', 'Edge'], ['MicroMessenger', 'WeChat'], ['Firefox/', 'Firefox'], ['Chrome/', 'Chrome'], ['Chromium/', 'Chromium'], ['Safari/', 'Safari']]
    .find(([mark]) => ua.includes(mark));
  const system = [['Android', 'Android'], ['iPhone', 'iOS'], ['iPad', 'iPadOS'], ['Windows', 'Windows'], ['Mac OS X', 'macOS'], ['Linux', 'Linux']]
    .find(([mark]) => ua.includes(mark));
  return [browser ? browser[1] : '', system ? system[1] : ''].filter(Boolean).join(' · ') || ua.split(/[\s/]/)[0];
}
