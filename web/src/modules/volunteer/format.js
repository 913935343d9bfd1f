// Pure helpers of the volunteer pages (tested by web/test/volunteer-format.test.js).

// "2021-02-17T08:30:00+08:00" from a date picker value ("2021-02-17 08:30").
export function toRfc3339(local) {
  if (!local) return '';
  return `${local.replace(' ', 'T')}${local.length === 16 ? ':00' : ''}+08:00`;
}

// "2021-02-17 08:30" from the API's RFC 3339 time (already in +08:00).
export function shortTime(rfc) {
  return rfc ? `${rfc.slice(0, 10)} ${rfc.slice(11, 16)}` : '';
}

export function hours(minutes) {
  return (minutes / 60).toFixed(minutes % 60 === 0 ? 0 : 1);
}
