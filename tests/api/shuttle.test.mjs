import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, sql } from './helpers.mjs';

let server, api, worker, nanshanId;
before(async () => {
  server = await startServer();
  api = client(server);
  worker = await api.as('nanshan');
  nanshanId = Number(sql(server.db, "SELECT id FROM places WHERE name = '南山社区'")[0][0]);
});
after(async () => { await server.stop(); });

const iso = (ms) => new Date(Date.now() + ms + 8 * 3600e3).toISOString().slice(0, 19) + '+08:00';
const day = 86400e3;

async function newTrip(seats) {
  const service = Number(sql(server.db, `SELECT id FROM shuttle_services WHERE community_id = ${nanshanId} LIMIT 1`)[0][0]);
  const r = await worker.post('/api/v1/shuttle/trips', {
    service_id: service, trip_date: iso(day).slice(0, 10), departs_at: iso(day), booking_deadline: iso(day / 2), vehicle: '702路', seats,
    stops: [{ name: '南山苑小区门口', time: '08:30' }, { name: '南山花园小区门口', time: '08:40' }],
  });
  assert.equal(r.status, 201, JSON.stringify(r.data));
  const stop = Number(sql(server.db, `SELECT id FROM shuttle_stops WHERE trip_id = ${r.data.id} ORDER BY seq LIMIT 1`)[0][0]);
  return { trip: r.data.id, stop };
}

// Residents aged 18–59 on the trip day, not yet used by another test.
let offset = 0;
function adults(n, where = '') {
  const rows = sql(server.db, `SELECT id FROM residents WHERE community_id = ${nanshanId} AND moved_out IS NULL
    AND birth_date > '${new Date(Date.now() - 59 * 365.25 * day).toISOString().slice(0, 10)}'
    AND birth_date <= '${new Date(Date.now() - 19 * 365.25 * day).toISOString().slice(0, 10)}' ${where}
    ORDER BY id LIMIT ${n} OFFSET ${offset}`);
  offset += n;
  return rows.map((r) => Number(r[0]));
}

test('a trip needs each stop named with a time such as 08:30', async () => {
  const service = Number(sql(server.db, `SELECT id FROM shuttle_services WHERE community_id = ${nanshanId} LIMIT 1`)[0][0]);
  for (const stops of [[{ name: '南山苑小区门口', time: '8:30' }], [{ name: ' ', time: '08:30' }], [{ name: '门口', time: '25:00' }]]) {
    const r = await worker.post('/api/v1/shuttle/trips', {
      service_id: service, trip_date: iso(day).slice(0, 10), departs_at: iso(day), booking_deadline: iso(day / 2), vehicle: '702路', seats: 10, stops,
    });
    assert.equal(r.status, 422, JSON.stringify(stops));
    assert.equal(r.data.error.details.fields.stops.code, 'invalid_stop');
  }
});

test('the demo has the vaccination shuttle of 17 February 2021 with its figures', async () => {
  const trips = (await worker.get('/api/v1/shuttle/trips')).data.items.filter((t) => t.trip_date === '2021-02-17');
  assert.equal(trips.length, 3);
  for (const t of trips) {
    assert.match(t.operator, /702/);
    const f = (await worker.get(`/api/v1/shuttle/trips/${t.id}/figures`)).data;
    assert.equal(f.seats, 40);
    assert.equal(f.booked, 40);
    assert.equal(f.boarded + f.no_shows, f.booked);
    assert.equal(f.by_stop.reduce((s, x) => s + x.boarded, 0), f.boarded);
  }
  const leaderId = sql(server.db, "SELECT id FROM users WHERE username = 'leader'")[0][0];
  assert.ok(Number(sql(server.db, `SELECT count(*) FROM shuttle_reservations WHERE booked_by = ${leaderId}`)[0][0]) > 0);
});

test('500 parallel attempts on 40 seats give 40 confirmations, the rest waitlisted, and the database agrees', async () => {
  const { trip, stop } = await newTrip(40);
  const people = adults(500);
  assert.equal(people.length, 500);
  const all = await Promise.all(people.map((rid) => worker.post(`/api/v1/shuttle/trips/${trip}/reservations`, { resident_id: rid, stop_id: stop })));
  assert.ok(all.every((r) => r.status < 500), JSON.stringify(all.filter((r) => r.status >= 500).map((r) => r.data)));
  assert.equal(all.filter((r) => r.status === 201 && r.data.status === 'confirmed').length, 40);
  assert.equal(all.filter((r) => r.status === 201 && r.data.status === 'waitlisted').length, 460);
  assert.equal(sql(server.db, `SELECT count(*) FROM shuttle_reservations WHERE trip_id = ${trip} AND status = 'confirmed'`)[0][0], '40');
  assert.equal(sql(server.db, `SELECT booked_count FROM shuttle_trips WHERE id = ${trip}`)[0][0], '40');
  const again = await worker.post(`/api/v1/shuttle/trips/${trip}/reservations`, { resident_id: people[0], stop_id: stop });
  assert.equal(again.data.error.code, 'already_booked');
});

test('a cancellation promotes the first on the waitlist and says so', async () => {
  const { trip, stop } = await newTrip(1);
  const [a, b, c] = adults(3);
  for (const rid of [a, b, c]) await worker.post(`/api/v1/shuttle/trips/${trip}/reservations`, { resident_id: rid, stop_id: stop });
  const r = await worker.post(`/api/v1/shuttle/trips/${trip}/reservations/cancel`, { resident_id: a });
  assert.equal(r.status, 200);
  assert.equal(r.data.promoted.resident_id, b);
  const list = (await worker.get(`/api/v1/shuttle/trips/${trip}/reservations`)).data.items;
  assert.equal(list.find((x) => x.resident_id === b).status, 'confirmed');
  assert.equal(list.find((x) => x.resident_id === b).promoted, true, 'the list says who moved up');
  assert.equal(list.find((x) => x.resident_id === c).promoted, false);
  assert.equal(list.find((x) => x.resident_id === c).position, 1);
});

test('waitlist positions move up as people ahead leave, and a re-booking joins at the end', async () => {
  const { trip, stop } = await newTrip(1);
  const [a, b, c, d, e] = adults(5);
  const answers = [];
  for (const rid of [a, b, c, d, e]) answers.push((await worker.post(`/api/v1/shuttle/trips/${trip}/reservations`, { resident_id: rid, stop_id: stop })).data);
  assert.deepEqual(answers.map((x) => x.position ?? 0), [0, 1, 2, 3, 4]);
  // c leaves the queue, then a's seat goes to b: d and e move up two places.
  await worker.post(`/api/v1/shuttle/trips/${trip}/reservations/cancel`, { resident_id: c });
  await worker.post(`/api/v1/shuttle/trips/${trip}/reservations/cancel`, { resident_id: a });
  let list = (await worker.get(`/api/v1/shuttle/trips/${trip}/reservations`)).data.items;
  const pos = (rid) => list.find((x) => x.resident_id === rid).position;
  assert.equal(list.find((x) => x.resident_id === b).status, 'confirmed');
  assert.deepEqual([pos(d), pos(e)], [1, 2]);
  // c books again: behind e; each resident's own answer says the same as the list.
  const again = await worker.post(`/api/v1/shuttle/trips/${trip}/reservations`, { resident_id: c, stop_id: stop });
  assert.equal(again.data.position, 3);
  list = (await worker.get(`/api/v1/shuttle/trips/${trip}/reservations`)).data.items;
  assert.deepEqual([pos(d), pos(e), pos(c)], [1, 2, 3]);
});

test('a group leader books only residents of their own group', async () => {
  const { trip, stop } = await newTrip(10);
  const leader = await api.as('leader');
  const grid = sql(server.db, "SELECT scope_place_id FROM users WHERE username = 'leader'")[0][0];
  const [mine] = adults(1, `AND grid_id = ${grid}`);
  const [other] = adults(1, `AND grid_id <> ${grid}`);
  const ok = await leader.post(`/api/v1/shuttle/trips/${trip}/reservations`, { resident_id: mine, stop_id: stop });
  assert.equal(ok.status, 201, JSON.stringify(ok.data));
  const refused = await leader.post(`/api/v1/shuttle/trips/${trip}/reservations`, { resident_id: other, stop_id: stop });
  assert.equal(refused.status, 422);
  const seen = (await leader.get(`/api/v1/shuttle/trips/${trip}/reservations`)).data.items;
  assert.ok(seen.every((x) => x.resident_id !== other));
});

test('boarding passes: the resident shows a QR code, a volunteer on the trip scans it; others cannot', async () => {
  const { trip, stop } = await newTrip(1);
  const leader = await api.as('leader');
  const leaderResident = Number(sql(server.db, "SELECT resident_id FROM users WHERE username = 'leader'")[0][0]);
  const grid = sql(server.db, "SELECT scope_place_id FROM users WHERE username = 'leader'")[0][0];
  const [a, b] = adults(2, `AND grid_id = ${grid} AND id <> ${leaderResident}`);
  await leader.post(`/api/v1/shuttle/trips/${trip}/reservations`, { resident_id: a, stop_id: stop });
  await leader.post(`/api/v1/shuttle/trips/${trip}/reservations`, { resident_id: b, stop_id: stop });
  // The leader prints the pass of a neighbour without a smartphone; a waitlisted seat has none.
  const pass = await leader.get(`/api/v1/shuttle/trips/${trip}/pass?resident_id=${a}`);
  assert.equal(pass.status, 200, JSON.stringify(pass.data));
  assert.match(pass.data.qr_svg, /^<svg/);
  assert.ok(pass.data.link.includes(`/m/shuttle/board?trip=${trip}&pass=${pass.data.code}`));
  assert.equal((await leader.get(`/api/v1/shuttle/trips/${trip}/pass?resident_id=${b}`)).data.error.code, 'seat_not_confirmed');
  // Not on the trip's volunteer list: no boarding.
  const scan = (who, body) => who.post(`/api/v1/shuttle/trips/${trip}/boarding`, body);
  assert.equal((await scan(leader, { pass: pass.data.code })).status, 403);
  const assigned = await worker.post(`/api/v1/shuttle/trips/${trip}/volunteers`, { resident_id: leaderResident, stop_id: stop, minutes: 90 });
  assert.equal(assigned.status, 201, JSON.stringify(assigned.data));
  assert.equal((await worker.post(`/api/v1/shuttle/trips/${trip}/volunteers`, { resident_id: leaderResident })).data.error.code, 'already_assigned');
  assert.equal((await scan(leader, { pass: 'not-a-pass' })).data.error.code, 'pass_not_found');
  const ok = await scan(leader, { pass: pass.data.code });
  assert.equal(ok.status, 200);
  assert.equal(ok.data.reservation_id, pass.data.reservation_id);
  assert.match(ok.data.name_masked, /\*/);
  assert.equal((await scan(leader, { pass: pass.data.code })).data.already, true);
  // The volunteer's list: everyone on the trip, by masked name only.
  const seen = (await leader.get(`/api/v1/shuttle/trips/${trip}/reservations`)).data.items;
  assert.equal(seen.length, 2);
  assert.ok(seen.every((x) => x.name === undefined && x.resident_id === undefined && x.name_masked.includes('*')));
  const mine = (await leader.get('/api/v1/shuttle/trips')).data.items.find((x) => x.id === trip);
  assert.equal(mine.duty.minutes, 90);
});

test("closing a trip puts its volunteers' minutes into the volunteer ledger", async () => {
  const { trip, stop } = await newTrip(2);
  const [v1, v2, rider] = adults(3);
  await worker.post(`/api/v1/shuttle/trips/${trip}/reservations`, { resident_id: rider, stop_id: stop });
  const a1 = await worker.post(`/api/v1/shuttle/trips/${trip}/volunteers`, { resident_id: v1, stop_id: stop, minutes: 150 });
  await worker.post(`/api/v1/shuttle/trips/${trip}/volunteers`, { resident_id: v2 });  // on the bus, 120 minutes
  const bad = await worker.post(`/api/v1/shuttle/trips/${trip}/volunteers`, { resident_id: v2, minutes: 0 });
  assert.equal(bad.status, 422);
  const before = Number(sql(server.db, 'SELECT count(*) FROM volunteer_hours')[0][0]);
  assert.equal((await worker.post(`/api/v1/shuttle/trips/${trip}/close`, {})).status, 200);
  const rows = sql(server.db, `SELECT resident_id, minutes, kind, content FROM volunteer_hours WHERE id IN
    (SELECT hours_id FROM shuttle_volunteers WHERE trip_id = ${trip}) ORDER BY minutes`);
  assert.equal(Number(sql(server.db, 'SELECT count(*) FROM volunteer_hours')[0][0]), before + 2);
  assert.deepEqual(rows.map((r) => [Number(r[0]), Number(r[1])]), [[v2, 120], [v1, 150]]);
  assert.ok(rows.every((r) => r[2] === 'social_service' && r[3].includes('接驳车')));
  const list = (await worker.get(`/api/v1/shuttle/trips/${trip}/volunteers`)).data.items;
  assert.ok(list.every((x) => x.hours_id));
  assert.equal((await worker.del(`/api/v1/shuttle/trips/${trip}/volunteers/${a1.data.id}`)).data.error.code, 'hours_recorded');
});

test('eligibility by declaration: confirmed at booking, seen by organisers only, cleared at closing', async () => {
  const r = await worker.post('/api/v1/shuttle/services', {
    community_id: nanshanId, name: '疫苗接种接驳（第二针）', destination: '南湖公园接种点', declaration: '本人已接种第一剂且满 21 天',
  });
  assert.equal(r.status, 201);
  const listed = (await worker.get(`/api/v1/shuttle/services?community=${nanshanId}`)).data.items.find((x) => x.id === r.data.id);
  assert.equal(listed.declaration, '本人已接种第一剂且满 21 天');
  const t = await worker.post('/api/v1/shuttle/trips', {
    service_id: r.data.id, trip_date: iso(day).slice(0, 10), departs_at: iso(day), booking_deadline: iso(day / 2), vehicle: '702路', seats: 5,
    stops: [{ name: '南山苑小区门口', time: '08:30' }],
  });
  const stop = Number(sql(server.db, `SELECT id FROM shuttle_stops WHERE trip_id = ${t.data.id}`)[0][0]);
  const leader = await api.as('leader');
  const grid = sql(server.db, "SELECT scope_place_id FROM users WHERE username = 'leader'")[0][0];
  const [x] = adults(1, `AND grid_id = ${grid}`);
  const missing = await leader.post(`/api/v1/shuttle/trips/${t.data.id}/reservations`, { resident_id: x, stop_id: stop });
  assert.equal(missing.data.error.details.fields.declared.code, 'declaration_required');
  assert.equal((await leader.post(`/api/v1/shuttle/trips/${t.data.id}/reservations`, { resident_id: x, stop_id: stop, declared: true })).status, 201);
  const trips = (await leader.get('/api/v1/shuttle/trips')).data.items;
  assert.equal(trips.find((y) => y.id === t.data.id).declaration, '本人已接种第一剂且满 21 天');
  assert.equal((await leader.get(`/api/v1/shuttle/trips/${t.data.id}/reservations`)).data.items[0].declared, undefined);
  assert.equal((await worker.get(`/api/v1/shuttle/trips/${t.data.id}/reservations`)).data.items[0].declared, true);
  await worker.post(`/api/v1/shuttle/trips/${t.data.id}/close`, {});
  assert.equal(sql(server.db, `SELECT count(*) FROM shuttle_reservations WHERE trip_id = ${t.data.id} AND declared_at IS NOT NULL`)[0][0], '0');
});

test('eligibility, boarding, no-shows and the per-account limit', async () => {
  const { trip, stop } = await newTrip(5);
  const [[old]] = sql(server.db, `SELECT id FROM residents WHERE community_id = ${nanshanId} AND moved_out IS NULL AND birth_date < '1940-01-01' LIMIT 1`);
  const tooOld = await worker.post(`/api/v1/shuttle/trips/${trip}/reservations`, { resident_id: Number(old), stop_id: stop });
  assert.equal(tooOld.data.error.code, 'not_eligible');
  const [x, y] = adults(2);
  const rx = await worker.post(`/api/v1/shuttle/trips/${trip}/reservations`, { resident_id: x, stop_id: stop });
  await worker.post(`/api/v1/shuttle/trips/${trip}/reservations`, { resident_id: y, stop_id: stop });
  assert.equal((await worker.post(`/api/v1/shuttle/trips/${trip}/boarding`, { reservation_id: rx.data.id })).status, 200);
  assert.equal((await worker.post(`/api/v1/shuttle/trips/${trip}/close`, {})).status, 200);
  const f = (await worker.get(`/api/v1/shuttle/trips/${trip}/figures`)).data;
  assert.deepEqual([f.booked, f.boarded, f.no_shows], [2, 1, 1]);
  // A leader's script is stopped: 60 attempts a minute (the leader made a few attempts in earlier tests).
  const leader = await api.as('leader');
  const t2 = await newTrip(1);
  const statuses = [];
  for (let i = 0; i < 61; i++) statuses.push((await leader.post(`/api/v1/shuttle/trips/${t2.trip}/reservations`, { resident_id: 1, stop_id: t2.stop })).status);
  const first = statuses.indexOf(429);
  assert.ok(first >= 50 && first <= 60, `first 429 at ${first}`);
  assert.ok(statuses.slice(first).every((s) => s === 429));
});

test('shuttle.boarded: the rides of the year, drilled down to each rider', async () => {
  const kpis = (await worker.get(`/api/v1/reports/kpis?community=${nanshanId}&year=2021`)).data.items;
  const rides = kpis.find((k) => k.id === 'shuttle.boarded');
  const [[expected]] = sql(server.db, `SELECT count(*) FROM shuttle_reservations x JOIN shuttle_trips o ON o.id = x.trip_id
    WHERE o.community_id = ${nanshanId} AND o.trip_date BETWEEN '2021-01-01' AND '2021-12-31' AND x.status = 'boarded'`);
  assert.equal(rides.value, Number(expected));
  assert.equal(rides.value, 111, 'three trips of 40 seats, 3 no-shows each');
  const rec = await worker.get(`/api/v1/reports/kpis/shuttle.boarded/records?community=${nanshanId}&year=2021&limit=1000`);
  assert.equal(rec.data.total, rides.value);
  assert.equal(rec.data.items.length, rides.value);
  assert.ok(rec.data.items.every((r) => r.trip_date === '2021-02-17' && r.stop.endsWith('大门')));
  const treasurer = await api.as('treasurer');
  const hidden = (await treasurer.get(`/api/v1/reports/kpis?community=${Number(sql(server.db, "SELECT id FROM places WHERE name = '安公社区'")[0][0])}&year=2021`)).data.items;
  assert.ok(hidden.every((k) => k.id !== 'shuttle.boarded'), 'only those who run the shuttle see its figures');
});
