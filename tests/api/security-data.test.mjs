// What each role sees of people and figures, and where links lead: masked numbers leave at
// least 10,000 candidates, figures' records need their own permission, links come from the
// configured public URL only, cookies and Origin, strict bodies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, sql } from './helpers.mjs';

let server, api, angong, nanshan;
before(async () => {
  server = await startServer();
  api = client(server);
  angong = await api.as('angong');
  nanshan = await api.as('nanshan');
});
after(async () => { await server.stop(); });

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChar = (first17) => '10X98765432'[[...first17].reduce((s, c, i) => s + Number(c) * W[i], 0) % 11];
const pad = (n, w) => String(n).padStart(w, '0');

// Every 18-character ID number consistent with what a reader sees: the mask's visible
// characters, the birth date (or only the year), the gender; and — the worst case — the true
// region code, as someone who knows where the person is registered would.
function candidates(view, trueId) {
  const mask = view.id_number_masked;
  const region = trueId.slice(0, 6);
  const days = [];
  const year = view.birth_date ? Number(view.birth_date.slice(0, 4)) : view.birth_year;
  for (let m = 1; m <= 12; m++) {
    for (let d = 1; d <= 31; d++) {
      const date = new Date(Date.UTC(year, m - 1, d));
      if (date.getUTCMonth() !== m - 1) continue;
      const ymd = `${year}${pad(m, 2)}${pad(d, 2)}`;
      if (view.birth_date && view.birth_date.replaceAll('-', '') !== ymd) continue;
      days.push(ymd);
    }
  }
  let n = 0;
  for (const ymd of days) {
    for (let seq = 0; seq < 1000; seq++) {
      if ((seq % 2 === 1) !== (view.gender === 'M')) continue;
      const first17 = region + ymd + pad(seq, 3);
      const id = first17 + checkChar(first17);
      if ([...mask].every((c, i) => c === '*' || c === id[i])) n++;
    }
  }
  return n;
}

test('what each role without residents.sensitive sees leaves ≥ 10,000 candidates for ID and phone', async () => {
  const roles = ['liaison', 'leader', 'mediator', 'rights', 'treasurer', 'vlead'];
  for (const role of roles) {
    const who = await api.as(role);
    const list = await who.get('/api/v1/residents?limit=100');
    assert.equal(list.status, 200, role);
    const seen = list.data.items.find((x) => x.id_number_masked && x.phone_masked);
    assert.ok(seen, `${role} sees someone with an ID number`);
    for (const view of [seen, (await who.get(`/api/v1/residents/${seen.id}`)).data]) {
      assert.equal(view.birth_date, null, `${role} is shown the birth date`);
      const worker = view.community_id === (await angong.get('/api/v1/auth/me')).data.scope_place_id ? angong : nanshan;
      const contact = await worker.get(`/api/v1/residents/${view.id}/contact`);
      assert.equal(contact.status, 200);
      const n = candidates(view, contact.data.id_number);
      assert.ok(n >= 10000, `${role}: ${n} candidate ID numbers for ${view.id_number_masked}`);
      assert.ok(n > 0 && candidates(view, contact.data.id_number) === n);
      const hiddenPhoneDigits = [...view.phone_masked].filter((c) => c === '*').length;
      assert.ok(10 ** hiddenPhoneDigits >= 10000, `${role}: phone ${view.phone_masked}`);
    }
  }
  // The count is not vacuous: with the full birth date (what a worker sees) it is far smaller.
  const mine = (await angong.get('/api/v1/residents?limit=20')).data.items.find((x) => x.id_number_masked);
  assert.ok(mine.birth_date);
  const contact = await angong.get(`/api/v1/residents/${mine.id}/contact`);
  assert.ok(candidates(mine, contact.data.id_number) < 10000);
});

test("an export's audit entry keeps no full ID or phone number", async () => {
  const r = (await angong.get('/api/v1/residents?limit=1')).data.items[0];
  const id = (await angong.get(`/api/v1/residents/${r.id}/contact`)).data.id_number;
  assert.equal((await angong.get(`/api/v1/residents/export?q=${id}`)).status, 200);
  const rows = sql(server.db, "SELECT details FROM audit_log WHERE action = 'residents.exported'");
  assert.ok(rows.length > 0);
  for (const [details] of rows) assert.ok(!details.includes(id), details);
});

test("figures' records need the figure's own permission; the values stay visible", async () => {
  const auditor = await api.as('auditor');
  const angongId = Number(sql(server.db, "SELECT id FROM places WHERE name = '安公社区'")[0][0]);
  const values = await auditor.get(`/api/v1/reports/kpis?community=${angongId}&year=2021`);
  assert.equal(values.status, 200);
  const party = values.data.items.find((x) => x.id === 'party.minority_members');
  assert.equal(party.value, 26);
  assert.equal(party.records_allowed, false);
  for (const id of ['registry.residents', 'party.minority_members', 'party.liaison_coverage',
    'governance.minority_backbones', 'volunteer.hours']) {
    const r = await auditor.get(`/api/v1/reports/kpis/${id}/records?community=${angongId}&year=2021`);
    assert.equal(r.status, 403, `auditor reads the records of ${id}`);
  }
  const mediator = await api.as('mediator');
  for (const id of ['party.minority_members', 'registry.minority_residents', 'charity.raised_fen']) {
    const r = await mediator.get(`/api/v1/reports/kpis/${id}/records?year=2021`);
    assert.equal(r.status, 403, `mediator reads the records of ${id}`);
  }
  const ok = await angong.get(`/api/v1/reports/kpis/party.minority_members/records?community=${angongId}&year=2021`);
  assert.equal(ok.status, 200);
  assert.equal(ok.data.total, 26);
});

test('links and QR codes come from --public-url, never from Host or X-Forwarded-*', async () => {
  const nanshanId = Number(sql(server.db, "SELECT id FROM places WHERE name = '南山社区'")[0][0]);
  const [[trip]] = sql(server.db, `SELECT id FROM shuttle_trips WHERE community_id = ${nanshanId} ORDER BY id LIMIT 1`);
  const evil = { headers: { host: 'evil.example', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' } };
  const relative = await nanshan.get(`/api/v1/shuttle/trips/${trip}/notice`, evil);
  assert.equal(relative.status, 200);
  assert.ok(relative.data.link.startsWith('/m/shuttle?trip='), relative.data.link);
  assert.ok(!JSON.stringify(relative.data).includes('evil.example'));

  const pub = await startServer(['--public-url', 'https://tongxin.example.cn/']);
  try {
    const c = client(pub);
    const w = await c.as('nanshan');
    const r = await w.get(`/api/v1/shuttle/trips/${trip}/notice`, evil);
    assert.ok(r.data.link.startsWith('https://tongxin.example.cn/m/shuttle?trip='), r.data.link);
    assert.ok(!JSON.stringify(r.data).includes('evil.example'));
    const login = await c.request('POST', '/api/v1/auth/login', { body: { username: 'angong', password: process.env.TONGXIN_TEST_PASSWORD } });
    const cookies = login.headers.getSetCookie();
    assert.ok(cookies.length === 2 && cookies.every((x) => /; Secure/.test(x)), cookies.join(' | '));
  } finally {
    await pub.stop();
  }
});

test('cookie sessions: Origin is checked on writes and on login; cookies are not Secure over http', async () => {
  const login = await api.request('POST', '/api/v1/auth/login', { body: { username: 'angong', password: process.env.TONGXIN_TEST_PASSWORD } });
  const cookies = login.headers.getSetCookie();
  assert.ok(cookies.every((x) => !/Secure/.test(x)));
  const cookie = cookies.map((x) => x.split(';')[0]).join('; ');
  const csrf = login.data.csrf_token;
  const host = new URL(server.base).host;
  const community = (await angong.get('/api/v1/auth/me')).data.scope_place_id;
  const write = (origin) => api.request('POST', '/api/v1/notices', {
    body: { community_id: community, title: '来源检查', body: '测试' }, headers: { cookie, 'x-csrf-token': csrf, ...(origin ? { origin } : {}) },
  });
  const foreign = await write('https://evil.example');
  assert.equal(foreign.status, 403);
  assert.equal(foreign.data.error.code, 'origin_mismatch');
  assert.equal((await write(`http://${host}`)).status, 201);
  const badCsrf = await api.request('POST', '/api/v1/notices', {
    body: { community_id: community, title: 'x', body: 'y' }, headers: { cookie, 'x-csrf-token': csrf.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')) },
  });
  assert.equal(badCsrf.status, 403);
  const otherSite = await api.request('POST', '/api/v1/auth/login', {
    body: { username: 'angong', password: process.env.TONGXIN_TEST_PASSWORD }, headers: { origin: 'https://evil.example' },
  });
  assert.equal(otherSite.status, 403);
});

test('bodies are strict: an unknown field is 422 unknown_field and changes nothing', async () => {
  const vlead = await api.as('vlead');
  const [[activity]] = sql(server.db, "SELECT a.id FROM volunteer_activities a ORDER BY a.id DESC LIMIT 1");
  const before = sql(server.db, 'SELECT count(*) FROM volunteer_hours')[0][0];
  const r = await vlead.post(`/api/v1/volunteer/activities/${activity}/hours`, { username: 'angong', password: 'x' });
  assert.equal(r.status, 422);
  assert.equal(r.data.error.code, 'unknown_field');
  assert.equal(r.data.error.details.fields.username.code, 'unknown_field');
  assert.equal(sql(server.db, 'SELECT count(*) FROM volunteer_hours')[0][0], before);
  const big = await api.request('POST', '/api/v1/notices', {
    token: angong.token, raw: '{"title":"x","body":"y","community_id":18446744073709551616}', headers: { 'content-type': 'application/json' },
  });
  assert.equal(big.status, 422);
  assert.equal(big.data.error.details.fields.community_id.code, 'out_of_range');
  const huge = await api.request('POST', '/api/v1/auth/login', {
    raw: '{"username":"angong","password":"x","extra":2E222222}', headers: { 'content-type': 'application/json' },
  });
  assert.equal(huge.status, 422);
});

test('"ID already registered" in another community says neither where nor who', async () => {
  const [[householdN]] = sql(server.db, "SELECT h.id FROM households h JOIN places p ON p.id = h.community_id WHERE p.name = '南山社区' LIMIT 1");
  const angongResident = (await angong.get('/api/v1/residents?limit=1')).data.items[0];
  const { id_number: taken } = (await angong.get(`/api/v1/residents/${angongResident.id}/contact`)).data;
  const r = await nanshan.post('/api/v1/residents', { name: '重复登记', gender: taken[16] % 2 ? 'M' : 'F', ethnicity: '01', id_number: taken, household_id: Number(householdN) });
  assert.equal(r.status, 409);
  assert.equal(r.data.error.code, 'duplicate_id_number');
  const text = JSON.stringify(r.data);
  for (const secret of ['安公', angongResident.name, String(angongResident.id), angongResident.address].filter(Boolean)) {
    assert.ok(!text.includes(secret), `the answer names ${secret}`);
  }
});
