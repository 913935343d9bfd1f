// @ts-check
// Dates as the community lives them: China Standard Time (UTC+8, no daylight saving), whatever
// the browser's own time zone. Before 08:00 in Chengdu the UTC date is still yesterday.
const OFFSET_MS = 8 * 3600e3;

// YYYY-MM-DD of `at` (default now) in the community's time zone.
export function today(at = Date.now()) {
  return new Date(at + OFFSET_MS).toISOString().slice(0, 10);
}

// RFC 3339 with the community's offset, e.g. 2021-02-17T08:30:00+08:00, for `at` (ms).
export function localDateTime(at = Date.now()) {
  return new Date(at + OFFSET_MS).toISOString().slice(0, 19) + '+08:00';
}

// An RFC 3339 instant as people read it in the community's time zone: "2021-02-17 08:30".
/** @param {string | null | undefined} rfc3339 */
export function shownTime(rfc3339) {
  if (!rfc3339) return '';
  const ms = Date.parse(rfc3339);
  if (Number.isNaN(ms)) return rfc3339;
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
