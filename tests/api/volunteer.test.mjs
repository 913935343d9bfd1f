import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, sql, xlsxText } from './helpers.mjs';

let server, api, worker, vlead, resident, angongId, nanshanId, team, residentId;
before(async () => {
  server = await startServer();
  api = client(server);
  worker = await api.as('angong');
  vlead = await api.as('vlead');
  resident = await api.as('resident');
  angongId = Number(sql(server.db, "SELECT id FROM places WHERE name = '安公社区'")[0][0]);
  nanshanId = Number(sql(server.db, "SELECT id FROM places WHERE name = '南山社区'")[0][0]);
  team = Number(sql(server.db, "SELECT id FROM organizations WHERE name = '安公少数民族志愿者队伍'")[0][0]);
  residentId = Number(sql(server.db, "SELECT resident_id FROM users WHERE username = 'resident'")[0][0]);
});
after(async () => { await server.stop(); });

const iso = (msFromNow) => {
  const d = new Date(Date.now() + msFromNow + 8 * 3600e3);
  return d.toISOString().slice(0, 19) + '+08:00';
};
const hour = 3600e3;

// Adults of a community living there, not yet signed up for anything in these tests.
let drawn = 0;
function neighbours(community, n) {
  const rows = sql(server.db, `SELECT id FROM residents WHERE community_id = ${community} AND moved_out IS NULL
    AND birth_date <= '2000-12-31' ORDER BY id DESC LIMIT ${n} OFFSET ${drawn}`);
  drawn += n;
  return rows.map((r) => Number(r[0]));
}

async function publish(body = {}) {
  const r = await vlead.post('/api/v1/volunteer/activities', {
    organization_id: team, title: '民族团结宣传', kind: 'ethnic_unity', place: '社区民族之家',
    starts_at: iso(-10 * 60e3), ends_at: iso(2 * hour), capacity: 30, ...body,
  });
  assert.equal(r.status, 201, JSON.stringify(r.data));
  return r.data.id;
}

test('the demo reproduces the volunteer figures of 2021 from records, and they drill down', async () => {
  const kpis = (await worker.get(`/api/v1/reports/kpis?community=${angongId}&year=2021`)).data.items;
  const regulars = kpis.find((i) => i.id === 'volunteer.regular_volunteers');
  const hours = kpis.find((i) => i.id === 'volunteer.hours');
  assert.equal(regulars.value, 75);
  assert.ok(hours.value > 6000, `hours ${hours.value}`);
  const rec = await worker.get(`/api/v1/reports/kpis/volunteer.hours/records?community=${angongId}&year=2021&limit=1000`);
  assert.equal(rec.data.total, 75);
  const minutes = rec.data.items.reduce((s, i) => s + i[hours.sum_field], 0);
  assert.ok(Math.abs(minutes * hours.sum_scale - hours.value) < 1e-9);
  assert.ok(rec.data.items.every((i) => i.ethnicity !== '01' && i.activities >= 6 && i.minutes_in_year >= 1200));
  // The list page counts the same people by the same rule.
  const list = await worker.get(`/api/v1/volunteer/regulars?community=${angongId}&as_of=2021-12-31&minority=1`);
  assert.equal(list.data.total, 75);
  // And the ledger agrees: every listed person has at least 20 hours in 2021 in the raw entries.
  const id = rec.data.items[0].id;
  const raw = sql(server.db, `SELECT sum(minutes) FROM volunteer_hours WHERE resident_id = ${id}
    AND served_on > '2020-12-31' AND served_on <= '2021-12-31'`)[0][0];
  assert.equal(Number(raw), rec.data.items[0].minutes_in_year);
});

test('publishing checks its fields: times need an offset, the end follows the start, the team is a volunteer team', async () => {
  const bad = await vlead.post('/api/v1/volunteer/activities', {
    organization_id: team, title: 'x', kind: 'ethnic_unity', starts_at: '2021-02-17T08:30:00', ends_at: iso(hour), capacity: 5,
  });
  assert.equal(bad.status, 422);
  assert.equal(bad.data.error.details.fields.starts_at.code, 'invalid_datetime');
  const backwards = await vlead.post('/api/v1/volunteer/activities', {
    organization_id: team, title: 'x', kind: 'ethnic_unity', starts_at: iso(2 * hour), ends_at: iso(hour), capacity: 5,
  });
  assert.equal(backwards.data.error.details.fields.ends_at.code, 'ends_before_start');
  const society = Number(sql(server.db, "SELECT id FROM organizations WHERE kind = 'society' AND community_id = " + angongId + ' LIMIT 1')[0][0]);
  const wrongTeam = await vlead.post('/api/v1/volunteer/activities', {
    organization_id: society, title: 'x', kind: 'ethnic_unity', starts_at: iso(hour), ends_at: iso(2 * hour), capacity: 5,
  });
  assert.equal(wrongTeam.data.error.details.fields.organization_id.code, 'not_a_volunteer_team');
  const en = await api.request('POST', '/api/v1/volunteer/activities', {
    token: vlead.token, headers: { 'accept-language': 'en' },
    body: { organization_id: team, title: 'x', kind: 'nope', starts_at: iso(hour), ends_at: iso(2 * hour), capacity: 5 },
  });
  assert.equal(en.status, 422);
  assert.match(en.data.error.message, /invalid/i);
});

test('a full activity puts people on the waitlist in order, and a cancellation promotes the first', async () => {
  const id = await publish({ capacity: 2, starts_at: iso(24 * hour), ends_at: iso(26 * hour) });
  const [a, b, c, d] = neighbours(angongId, 4);
  const results = [];
  for (const rid of [a, b, c, d]) results.push((await vlead.post(`/api/v1/volunteer/activities/${id}/signups`, { resident_id: rid })).data);
  assert.deepEqual(results.map((r) => r.status), ['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
  assert.deepEqual(results.slice(2).map((r) => r.position), [1, 2]);
  const again = await vlead.post(`/api/v1/volunteer/activities/${id}/signups`, { resident_id: a });
  assert.equal(again.status, 409);
  assert.equal(again.data.error.code, 'already_signed_up');
  const cancel = await vlead.post(`/api/v1/volunteer/activities/${id}/signups/cancel`, { resident_id: b });
  assert.equal(cancel.status, 200);
  assert.equal(cancel.data.promoted.resident_id, c);
  const list = (await vlead.get(`/api/v1/volunteer/activities/${id}/signups`)).data.items;
  assert.deepEqual(list.filter((s) => s.status === 'confirmed').map((s) => s.resident_id), [a, c]);
  assert.deepEqual(list.filter((s) => s.status === 'waitlisted').map((s) => [s.resident_id, s.position]), [[d, 1]]);
  const [[count, capacity]] = sql(server.db, `SELECT confirmed_count, capacity FROM volunteer_activities WHERE id = ${id}`);
  assert.equal(count, '2');
  assert.equal(capacity, '2');
  assert.equal(sql(server.db, `SELECT count(*) FROM volunteer_signups WHERE activity_id = ${id} AND status = 'confirmed'`)[0][0], '2');
});

test('concurrent sign-ups never exceed the capacity', async () => {
  const id = await publish({ capacity: 5, starts_at: iso(24 * hour), ends_at: iso(26 * hour) });
  const people = neighbours(angongId, 20);
  const all = await Promise.all(people.map((rid) => vlead.post(`/api/v1/volunteer/activities/${id}/signups`, { resident_id: rid })));
  assert.ok(all.every((r) => r.status === 201), JSON.stringify(all.map((r) => r.status)));
  assert.equal(all.filter((r) => r.data.status === 'confirmed').length, 5);
  assert.deepEqual(all.filter((r) => r.data.status === 'waitlisted').map((r) => r.data.position).sort((x, y) => x - y),
    Array.from({ length: 15 }, (_, i) => i + 1));
  assert.equal(sql(server.db, `SELECT count(*) FROM volunteer_signups WHERE activity_id = ${id} AND status = 'confirmed'`)[0][0], '5');
});

test('a resident signs up, checks in and out with the QR code, and sees the confirmed hours and points', async () => {
  const id = await publish({ title: '文明交通劝导', kind: 'civility_persuasion' });
  const mine = await resident.post(`/api/v1/volunteer/activities/${id}/signups`, {});
  assert.equal(mine.status, 201);
  assert.equal(mine.data.status, 'confirmed');
  const code = (await vlead.get(`/api/v1/volunteer/activities/${id}`)).data.checkin_code;
  assert.equal((await resident.get(`/api/v1/volunteer/activities/${id}`)).data.checkin_code, undefined);
  const wrong = await resident.post(`/api/v1/volunteer/activities/${id}/check`, { direction: 'in', code: 'x'.repeat(code.length) });
  assert.equal(wrong.status, 422);
  assert.equal(wrong.data.error.details.fields.code.code, 'invalid_code');
  const out0 = await resident.post(`/api/v1/volunteer/activities/${id}/check`, { direction: 'out', code });
  assert.equal(out0.data.error.code, 'not_checked_in');
  const checkIn = await resident.post(`/api/v1/volunteer/activities/${id}/check`, { direction: 'in', code });
  assert.equal(checkIn.status, 200);
  assert.ok(checkIn.data.checked_in_at);
  assert.equal((await resident.post(`/api/v1/volunteer/activities/${id}/check`, { direction: 'in', code })).data.already, true);
  assert.equal((await resident.post(`/api/v1/volunteer/activities/${id}/check`, { direction: 'out', code })).status, 200);

  const before = (await resident.get('/api/v1/volunteer/points')).data.balance;
  const confirm = await vlead.post(`/api/v1/volunteer/activities/${id}/hours`, { entries: [{ resident_id: residentId, minutes: 90 }] });
  assert.equal(confirm.status, 201, JSON.stringify(confirm.data));
  assert.equal(confirm.data.recorded.length, 1);
  const twice = await vlead.post(`/api/v1/volunteer/activities/${id}/hours`, { entries: [{ resident_id: residentId, minutes: 90 }] });
  assert.equal(twice.data.skipped, 1);
  const points = (await resident.get('/api/v1/volunteer/points')).data;
  assert.equal(points.balance, before + 15);  // 90 minutes at 10 points an hour
  assert.equal(points.items[0].source, 'hours');
  const records = (await resident.get('/api/v1/volunteer/records')).data;
  assert.ok(records.items.every((r) => r.resident_id === residentId));
  assert.equal(records.items[0].activity_id, id);
  assert.equal(records.items[0].minutes, 90);
  const me = (await resident.get('/api/v1/volunteer/me')).data;
  assert.equal(me.resident_id, residentId);
  assert.equal(me.points, before + 15);
  // A resident cannot read another resident's ledger.
  const other = neighbours(angongId, 1)[0];
  assert.equal((await resident.get(`/api/v1/volunteer/records?resident=${other}`)).status, 422);
});

test('a correction is a reversing entry with a reason: the original entry never changes', async () => {
  const id = await publish();
  const [rid] = neighbours(angongId, 1);
  await vlead.post(`/api/v1/volunteer/activities/${id}/signups`, { resident_id: rid });
  const rec = (await vlead.post(`/api/v1/volunteer/activities/${id}/hours`, { entries: [{ resident_id: rid, minutes: 180 }] })).data.recorded[0];
  const original = sql(server.db, `SELECT * FROM volunteer_hours WHERE id = ${rec.id}`);
  const noReason = await vlead.post(`/api/v1/volunteer/records/${rec.id}/corrections`, { minutes: 120 });
  assert.equal(noReason.status, 422);
  const fix = await vlead.post(`/api/v1/volunteer/records/${rec.id}/corrections`, { reason: '签退时间登记有误', minutes: 120 });
  assert.equal(fix.status, 201, JSON.stringify(fix.data));
  assert.deepEqual(sql(server.db, `SELECT * FROM volunteer_hours WHERE id = ${rec.id}`), original);
  const [[minutes, reverses, reason, by]] = sql(server.db, `SELECT minutes, reverses_id, reason, recorded_by FROM volunteer_hours WHERE id = ${fix.data.reversal_id}`);
  assert.equal(minutes, '-180');
  assert.equal(reverses, String(rec.id));
  assert.equal(reason, '签退时间登记有误');
  assert.equal(by, sql(server.db, "SELECT id FROM users WHERE username = 'vlead'")[0][0]);
  assert.equal(sql(server.db, `SELECT sum(minutes) FROM volunteer_hours WHERE resident_id = ${rid} AND activity_id = ${id}`)[0][0], '120');
  assert.equal((await vlead.get(`/api/v1/volunteer/points?resident=${rid}`)).data.balance, 20);
  const again = await vlead.post(`/api/v1/volunteer/records/${rec.id}/corrections`, { reason: 'x', minutes: 60 });
  assert.equal(again.status, 409);
  assert.equal(again.data.error.code, 'already_corrected');
  const ofReversal = await vlead.post(`/api/v1/volunteer/records/${fix.data.reversal_id}/corrections`, { reason: 'x' });
  assert.equal(ofReversal.status, 422);
  assert.equal(Number(sql(server.db, "SELECT count(*) FROM audit_log WHERE action = 'volunteer.hours.corrected'")[0][0]), 1);
});

test('a volunteer disputes a record; the organiser upholds or corrects it', async () => {
  const id = await publish();
  await resident.post(`/api/v1/volunteer/activities/${id}/signups`, {});
  const rec = (await vlead.post(`/api/v1/volunteer/activities/${id}/hours`, { entries: [{ resident_id: residentId, minutes: 60 }] })).data.recorded[0];
  const d = await resident.post(`/api/v1/volunteer/records/${rec.id}/disputes`, { reason: '提前到场布置，少记了一小时' });
  assert.equal(d.status, 201);
  assert.equal((await resident.post(`/api/v1/volunteer/records/${rec.id}/disputes`, { reason: 'again' })).data.error.code, 'dispute_open');
  const othersRecord = sql(server.db, `SELECT id FROM volunteer_hours WHERE resident_id <> ${residentId} LIMIT 1`)[0][0];
  assert.equal((await resident.post(`/api/v1/volunteer/records/${othersRecord}/disputes`, { reason: 'x' })).status, 404);
  const open = (await vlead.get(`/api/v1/volunteer/disputes?status=open&community=${angongId}`)).data.items;
  assert.ok(open.some((x) => x.id === d.data.id));
  const resolve = await vlead.post(`/api/v1/volunteer/disputes/${d.data.id}/resolve`, { outcome: 'corrected', minutes: 120, note: '核对签到表后更正' });
  assert.equal(resolve.status, 200, JSON.stringify(resolve.data));
  assert.equal(sql(server.db, `SELECT sum(minutes) FROM volunteer_hours WHERE resident_id = ${residentId} AND activity_id = ${id}`)[0][0], '120');
  assert.equal((await vlead.post(`/api/v1/volunteer/disputes/${d.data.id}/resolve`, { outcome: 'upheld', note: 'x' })).data.error.code, 'dispute_resolved');
});

test('two concurrent redemptions of the last unit give one success and one 409', async () => {
  const reward = (await vlead.post('/api/v1/rewards', { community_id: angongId, name: '最后一袋大米', points: 10, stock: 1 })).data.id;
  const [x, y] = sql(server.db, `SELECT resident_id FROM volunteer_point_balances b JOIN residents r ON r.id = b.resident_id
    WHERE r.community_id = ${angongId} AND b.balance >= 100 ORDER BY resident_id LIMIT 2`).map((r) => Number(r[0]));
  const both = await Promise.all([x, y].map((rid) => vlead.post(`/api/v1/rewards/${reward}/redeem`, { resident_id: rid })));
  assert.deepEqual(both.map((r) => r.status).sort(), [201, 409]);
  assert.equal(both.find((r) => r.status === 409).data.error.code, 'out_of_stock');
  assert.equal(sql(server.db, `SELECT stock FROM volunteer_rewards WHERE id = ${reward}`)[0][0], '0');
  assert.equal(sql(server.db, `SELECT count(*) FROM volunteer_redemptions WHERE reward_id = ${reward}`)[0][0], '1');
});

test('a balance never goes below zero, under concurrency too', async () => {
  const id = await publish();
  const [rid] = neighbours(angongId, 1);
  await vlead.post(`/api/v1/volunteer/activities/${id}/signups`, { resident_id: rid });
  await vlead.post(`/api/v1/volunteer/activities/${id}/hours`, { entries: [{ resident_id: rid, minutes: 300 }] });  // 50 points
  const reward = (await vlead.post('/api/v1/rewards', { community_id: angongId, name: '理发券', points: 40, stock: 5 })).data.id;
  const tries = await Promise.all([1, 2, 3].map(() => vlead.post(`/api/v1/rewards/${reward}/redeem`, { resident_id: rid })));
  assert.deepEqual(tries.map((r) => r.status).sort(), [201, 409, 409]);
  assert.ok(tries.filter((r) => r.status === 409).every((r) => r.data.error.code === 'insufficient_points'));
  assert.equal(sql(server.db, `SELECT balance FROM volunteer_point_balances WHERE resident_id = ${rid}`)[0][0], '10');
  assert.equal(sql(server.db, `SELECT sum(delta) FROM volunteer_points WHERE resident_id = ${rid}`)[0][0], '10');
  assert.equal(sql(server.db, `SELECT stock FROM volunteer_rewards WHERE id = ${reward}`)[0][0], '4');
  // A correction that would take back points already spent is refused, and nothing is written.
  const rec = sql(server.db, `SELECT id FROM volunteer_hours WHERE resident_id = ${rid} AND entry = 'record'`)[0][0];
  const entries = sql(server.db, 'SELECT count(*) FROM volunteer_hours')[0][0];
  const fix = await vlead.post(`/api/v1/volunteer/records/${rec}/corrections`, { reason: '误记', minutes: 0 });
  assert.equal(fix.status, 409);
  assert.equal(fix.data.error.code, 'points_already_spent');
  assert.equal(sql(server.db, 'SELECT count(*) FROM volunteer_hours')[0][0], entries);
});

test('another community\'s worker, and residents, see nothing of what is not theirs', async () => {
  const id = await publish();
  const nanshan = await api.as('nanshan');
  assert.equal((await nanshan.get(`/api/v1/volunteer/activities/${id}`)).status, 404);
  assert.equal((await nanshan.get(`/api/v1/volunteer/activities/${id}/signups`)).status, 404);
  assert.equal((await nanshan.post(`/api/v1/volunteer/activities/${id}/signups`, { resident_id: residentId })).status, 404);
  const listed = (await nanshan.get('/api/v1/volunteer/activities?limit=500')).data.items;
  assert.ok(listed.every((a) => a.community_id === nanshanId));
  assert.equal((await resident.get(`/api/v1/volunteer/activities/${id}/signups`)).status, 403);
  assert.equal((await resident.get(`/api/v1/volunteer/activities/${id}/qr.svg`)).status, 403);
  // A resident signs up only themselves (or their household), never a stranger.
  const stranger = neighbours(angongId, 1)[0];
  const r = await resident.post(`/api/v1/volunteer/activities/${id}/signups`, { resident_id: stranger });
  assert.equal(r.status, 422);
});

test('a group leader signs up a neighbour of their own group, not someone else\'s', async () => {
  const nanshan = await api.as('nanshan');
  const nanshanTeam = Number(sql(server.db, "SELECT id FROM organizations WHERE name = '南山社区志愿服务队'")[0][0]);
  const a = await nanshan.post('/api/v1/volunteer/activities', {
    organization_id: nanshanTeam, title: '疫苗接种点志愿服务', kind: 'epidemic_prevention', starts_at: iso(24 * hour), ends_at: iso(27 * hour), capacity: 10,
  });
  assert.equal(a.status, 201);
  const leader = await api.as('leader');
  const grid = sql(server.db, "SELECT scope_place_id FROM users WHERE username = 'leader'")[0][0];
  const [[mine]] = sql(server.db, `SELECT id FROM residents WHERE grid_id = ${grid} AND moved_out IS NULL ORDER BY id DESC LIMIT 1`);
  const [[notMine]] = sql(server.db, `SELECT id FROM residents WHERE community_id = ${nanshanId} AND grid_id <> ${grid} AND moved_out IS NULL LIMIT 1`);
  const ok = await leader.post(`/api/v1/volunteer/activities/${a.data.id}/signups`, { resident_id: Number(mine) });
  assert.equal(ok.status, 201, JSON.stringify(ok.data));
  const refused = await leader.post(`/api/v1/volunteer/activities/${a.data.id}/signups`, { resident_id: Number(notMine) });
  assert.equal(refused.status, 422);
  const [[by]] = sql(server.db, `SELECT u.username FROM volunteer_signups s JOIN users u ON u.id = s.signed_up_by WHERE s.activity_id = ${a.data.id}`);
  assert.equal(by, 'leader');
});

test('the check-in QR code is an SVG of the activity\'s link', async () => {
  const id = await publish();
  const r = await vlead.get(`/api/v1/volunteer/activities/${id}/qr.svg`);
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /image\/svg\+xml/);
  assert.match(r.data.toString(), /^<svg [^>]*viewBox="0 0 \d+ \d+"/);
});

test('records export as .xlsx, and a numbered certificate carries the ledger\'s figures', async () => {
  const x = await worker.get(`/api/v1/volunteer/records/export?community=${angongId}&from=2021-01-01&to=2021-01-31`);
  assert.equal(x.status, 200);
  const text = xlsxText(x.data);
  assert.match(text, /志愿者/);
  assert.match(text, /冲正|记录/);
  const regular = Number(sql(server.db, `SELECT resident_id FROM volunteer_hours WHERE community_id = ${angongId} AND served_on LIKE '2021-%' GROUP BY resident_id ORDER BY sum(minutes) DESC LIMIT 1`)[0][0]);
  const cert = await worker.post('/api/v1/volunteer/certificates', { resident_id: regular, from: '2021-01-01', to: '2021-12-31' });
  assert.equal(cert.status, 201, JSON.stringify(cert.data));
  assert.match(cert.data.number, /^ZYFW\d{4}-\d+-\d{5}$/);
  const minutes = sql(server.db, `SELECT sum(minutes) FROM volunteer_hours WHERE resident_id = ${regular} AND served_on BETWEEN '2021-01-01' AND '2021-12-31'`)[0][0];
  assert.equal(cert.data.minutes, Number(minutes));
  assert.match(cert.data.issuer, /安公社区/);
  assert.ok(cert.data.id_masked === '' || cert.data.id_masked.includes('*'));
  const second = await worker.post('/api/v1/volunteer/certificates', { resident_id: regular, from: '2020-01-01', to: '2020-12-31' });
  assert.notEqual(second.data.number, cert.data.number);
  const none = await worker.post('/api/v1/volunteer/certificates', { resident_id: regular, from: '2018-01-01', to: '2018-12-31' });
  assert.equal(none.status, 422);
  assert.equal(none.data.error.code, 'no_hours_in_period');
});

test('the regular-volunteer rule is configurable and the figure follows it', async () => {
  const before = (await worker.get(`/api/v1/volunteer/settings?community=${angongId}`)).data;
  assert.equal(before.regular_min_hours, 20);
  const strict = await worker.put('/api/v1/volunteer/settings', {
    community_id: angongId, regular_min_hours: 95, regular_min_activities: 6, regular_months: 12, points_per_hour: 10,
  });
  assert.equal(strict.status, 200, JSON.stringify(strict.data));
  const kpi = async () => (await worker.get(`/api/v1/reports/kpis?community=${angongId}&year=2021`)).data.items
    .find((i) => i.id === 'volunteer.regular_volunteers').value;
  const fewer = await kpi();
  assert.ok(fewer < 75, `${fewer}`);
  await worker.put('/api/v1/volunteer/settings', {
    community_id: angongId, regular_min_hours: 20, regular_min_activities: 6, regular_months: 12, points_per_hour: 10,
  });
  assert.equal(await kpi(), 75);
  const bad = await worker.put('/api/v1/volunteer/settings', {
    community_id: angongId, regular_min_hours: -1, regular_min_activities: 6, regular_months: 0, points_per_hour: 10,
  });
  assert.equal(bad.status, 422);
});

test('regular volunteers from the monthly figures and from the raw ledger are the same people', async () => {
  // Month ends read the monthly figures; other days read the entries. Both are checked against
  // the ledger directly, after corrections (the demo has some).
  for (const asOf of ['2021-11-30', '2021-11-29']) {
    const list = await worker.get(`/api/v1/volunteer/regulars?community=${angongId}&as_of=${asOf}&limit=500`);
    const from = asOf === '2021-11-30' ? '2020-11-30' : '2020-11-29';
    const expected = sql(server.db, `SELECT h.resident_id FROM volunteer_hours h JOIN residents r ON r.id = h.resident_id
      WHERE h.community_id = ${angongId} AND h.served_on > '${from}' AND h.served_on <= '${asOf}'
        AND (r.moved_out IS NULL OR r.moved_out > '${asOf}')
      GROUP BY h.resident_id
      HAVING sum(h.minutes) >= 1200 AND count(DISTINCT CASE WHEN h.entry = 'record'
        AND NOT EXISTS (SELECT 1 FROM volunteer_hours x WHERE x.reverses_id = h.id) THEN h.activity_id END) >= 6
      ORDER BY h.resident_id`).map((r) => Number(r[0]));
    assert.ok(expected.length > 75, `${asOf}: ${expected.length}`);
    assert.deepEqual(list.data.items.map((i) => i.resident_id).sort((a, b) => a - b), expected, asOf);
  }
});
