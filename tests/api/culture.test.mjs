// The culture platform: venues and their area, room bookings that can never double-book, the
// branded series and museum visits behind their figures, and the museum's public catalogue.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, sql, BACKEND } from './helpers.mjs';

let server, api, worker, nanshan, resident, angongId, nanshanId, rooms;
const year = Number(new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 4));
const next = year + 1;
const one = (q) => { const r = sql(server.db, q); return r.length ? r[0][0] : undefined; };
const at = (date, hhmm) => `${date}T${hhmm}:00+08:00`;

before(async () => {
  server = await startServer();
  api = client(server);
  worker = await api.as('angong');
  nanshan = await api.as('nanshan');
  resident = await api.as('resident');
  angongId = Number(one("SELECT id FROM places WHERE name = '安公社区'"));
  nanshanId = Number(one("SELECT id FROM places WHERE name = '南山社区'"));
  rooms = Object.fromEntries((await worker.get(`/api/v1/rooms?community=${angongId}&limit=50`)).data.items.map((r) => [r.kind, r]));
});
after(async () => { await server.stop(); });

const kpi = async (id, y = 2021, who = worker, community = angongId) => {
  const r = await who.get(`/api/v1/reports/kpis?community=${community}&year=${y}`);
  return r.data.items.find((i) => i.id === id);
};
const records = async (id, y = 2021) => (await worker.get(`/api/v1/reports/kpis/${id}/records?community=${angongId}&year=${y}&limit=1000`)).data;

test('the demo: a 1300 m² home, its series events and museum visits, each figure the sum of its records', async () => {
  assert.equal((await kpi('culture.venue_area_m2')).value, 1300);
  const area = await records('culture.venue_area_m2');
  assert.equal(area.items.reduce((s, i) => s + i.area_m2, 0), 1300);
  const events = await kpi('culture.events');
  assert.equal(events.value, 43);
  const ev = await records('culture.events');
  assert.equal(ev.total, 43);
  assert.deepEqual([...new Set(ev.items.map((i) => i.series))].sort(), ['民族创意工坊', '民族文化艺术周', '蓉城一家亲民族剧场'].sort());
  const visitors = await kpi('culture.visitors');
  const vis = await records('culture.visitors');
  assert.ok(visitors.value > 5000);
  assert.equal(vis.items.reduce((s, i) => s + i.people, 0), visitors.value);
  const exhibits = await worker.get(`/api/v1/exhibits?community=${angongId}&limit=1`);
  assert.ok(exhibits.data.total >= 140 && exhibits.data.total <= 160, `${exhibits.data.total} exhibits`);
  const rehearsals = Number(one(`SELECT count(*) FROM room_bookings WHERE community_id = ${angongId} AND booker_kind = 'society' AND recurrence_id IS NOT NULL AND starts_at < ${Date.parse('2022-01-01T00:00:00+08:00') / 1000}`));
  assert.ok(rehearsals >= 200, 'a year of weekly rehearsals');
});

test('fifty requests for one slot at once: exactly one booking, the others 409', async () => {
  const slot = { room_id: rooms.hall.id, starts_at: at(`${next}-03-10`, '10:00'), ends_at: at(`${next}-03-10`, '11:30'), purpose: '抢订测试', booker_kind: 'community' };
  const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => worker.post('/api/v1/room-bookings', { ...slot, purpose: `抢订测试 ${i}` })));
  const statuses = answers.map((a) => a.status);
  assert.equal(statuses.filter((s) => s === 201).length, 1, JSON.stringify(statuses));
  assert.equal(statuses.filter((s) => s === 409).length, 49, JSON.stringify(statuses));
  assert.ok(answers.filter((a) => a.status === 409).every((a) => a.data.error.code === 'slot_taken'));
  assert.equal(Number(one(`SELECT count(*) FROM room_bookings WHERE purpose LIKE '抢订测试%'`)), 1);
  // On PostgreSQL the table itself refuses an overlap, whoever writes it.
  if (BACKEND === 'postgres') {
    assert.equal(one("SELECT count(*) FROM pg_constraint WHERE contype = 'x' AND conrelid = 'room_bookings'::regclass"), '1');
    const kept = one(`SELECT id FROM room_bookings WHERE purpose LIKE '抢订测试%'`);
    assert.throws(() => sql(server.db, `INSERT INTO room_bookings (room_id, street_id, community_id, starts_at, ends_at, purpose, booker_kind, status, holds_slot, created_at, updated_at)
      SELECT room_id, street_id, community_id, starts_at + 60, ends_at, 'x', 'community', 'approved', 1, 0, 0 FROM room_bookings WHERE id = ${kept}`), /exclu|conflicting key/);
  }
  // An overlapping slot is taken too; the slot right after is free.
  const overlap = await worker.post('/api/v1/room-bookings', { ...slot, starts_at: at(`${next}-03-10`, '11:00'), ends_at: at(`${next}-03-10`, '12:00') });
  assert.equal(overlap.status, 409);
  const after_ = await worker.post('/api/v1/room-bookings', { ...slot, starts_at: at(`${next}-03-10`, '11:30'), ends_at: at(`${next}-03-10`, '12:00') });
  assert.equal(after_.status, 201, JSON.stringify(after_.data));
  // A cancelled booking frees its slot.
  const winner = answers.find((a) => a.status === 201).data.id;
  assert.equal((await worker.post(`/api/v1/room-bookings/${winner}/decision`, { decision: 'cancelled' })).status, 200);
  assert.equal((await worker.post('/api/v1/room-bookings', slot)).status, 201);
});

test('a society books every Tuesday evening, with exceptions and closed days left out; a clash writes nothing', async () => {
  const society = Number(one(`SELECT id FROM organizations WHERE community_id = ${angongId} AND kind = 'society' ORDER BY id DESC LIMIT 1`));
  // The first Tuesday of March next year, and the four after it.
  const first = new Date(Date.UTC(next, 2, 1));
  while (first.getUTCDay() !== 2) first.setUTCDate(first.getUTCDate() + 1);
  const tuesday = (w) => new Date(first.getTime() + w * 7 * 86400e3).toISOString().slice(0, 10);
  const venue = rooms.hall.venue_id;
  assert.equal((await worker.post(`/api/v1/venues/${venue}/closures`, { date: tuesday(3), reason: '设备检修' })).status, 200);
  const body = { room_id: rooms.rehearsal.id, starts_at: at(tuesday(0), '19:00'), ends_at: at(tuesday(0), '21:00'), purpose: '舞蹈队排练', booker_kind: 'society', organization_id: society, weekly_until: tuesday(4), except: [tuesday(1)] };
  const made = await worker.post('/api/v1/room-bookings', body);
  assert.equal(made.status, 201, JSON.stringify(made.data));
  assert.equal(made.data.ids.length, 3);
  assert.deepEqual(made.data.skipped.sort(), [tuesday(1), tuesday(3)].sort());
  const list = await worker.get(`/api/v1/room-bookings?recurrence=${made.data.id}`);
  assert.equal(list.data.total, 3);
  assert.ok(list.data.items.every((b) => b.status === 'approved' && b.starts_at.endsWith('19:00:00+08:00')), 'the rehearsal room approves itself');
  // The same series again clashes on every date; nothing is written.
  const before = Number(one('SELECT count(*) FROM room_bookings'));
  const clash = await worker.post('/api/v1/room-bookings', { ...body, except: [] });
  assert.equal(clash.status, 409);
  assert.ok(clash.data.error.details.dates.includes(tuesday(0)));
  assert.equal(Number(one('SELECT count(*) FROM room_bookings')), before);
  // Cancelling one week and the ones after it.
  const second = list.data.items[1].id;
  assert.equal((await worker.post(`/api/v1/room-bookings/${second}/decision`, { decision: 'cancelled', following: true, note: '队伍外出演出' })).status, 200);
  const afterCancel = (await worker.get(`/api/v1/room-bookings?recurrence=${made.data.id}`)).data.items.map((b) => b.status);
  assert.deepEqual(afterCancel, ['approved', 'cancelled', 'cancelled']);
});

test('opening hours, closed days and the booking rules answer in words', async () => {
  const date = `${next}-04-14`;
  const base = { room_id: rooms.hall.id, purpose: '测试', booker_kind: 'community' };
  const late = await worker.post('/api/v1/room-bookings', { ...base, starts_at: at(date, '21:00'), ends_at: at(date, '23:00') }, { headers: { 'accept-language': 'zh-CN' } });
  assert.equal(late.status, 422);
  assert.equal(late.data.error.details.fields.starts_at.code, 'outside_opening_hours');
  assert.match(late.data.error.message, /[\u4e00-\u9fff]/);
  // The reception hall is closed at weekends.
  const saturday = new Date(Date.UTC(next, 3, 1));
  while (saturday.getUTCDay() !== 6) saturday.setUTCDate(saturday.getUTCDate() + 1);
  const sat = saturday.toISOString().slice(0, 10);
  const closed = await worker.post('/api/v1/room-bookings', { ...base, room_id: rooms.reception.id, starts_at: at(sat, '10:00'), ends_at: at(sat, '11:00') });
  assert.equal(closed.data.error.details.fields.starts_at.code, 'room_closed');
  const backwards = await worker.post('/api/v1/room-bookings', { ...base, starts_at: at(date, '11:00'), ends_at: at(date, '10:00') });
  assert.equal(backwards.data.error.details.fields.ends_at.code, 'ends_before_start');
  const past = await worker.post('/api/v1/room-bookings', { ...base, starts_at: at('2021-03-01', '10:00'), ends_at: at('2021-03-01', '11:00') });
  assert.equal(past.data.error.details.fields.starts_at.code, 'in_past');
  const noSociety = await worker.post('/api/v1/room-bookings', { ...base, booker_kind: 'society', starts_at: at(date, '10:00'), ends_at: at(date, '11:00') });
  assert.equal(noSociety.data.error.details.fields.organization_id.code, 'not_found');
  const museum = await worker.post('/api/v1/room-bookings', { ...base, room_id: rooms.museum.id, starts_at: at(date, '10:00'), ends_at: at(date, '11:00') });
  assert.equal(museum.data.error.details.fields.room_id.code, 'room_not_bookable');
  const foreign = (await nanshan.get('/api/v1/rooms')).data.items[0].id;
  assert.equal((await worker.post('/api/v1/room-bookings', { ...base, room_id: foreign, starts_at: at(date, '10:00'), ends_at: at(date, '11:00') })).data.error.details.fields.room_id.code, 'not_found');
});

test('a resident books a slot for themselves, sees only their own, and the desk approves or rejects', async () => {
  const date = `${next}-05-12`;
  const mine = await resident.post('/api/v1/room-bookings', { room_id: rooms.craft.id, starts_at: at(date, '14:00'), ends_at: at(date, '16:00'), purpose: '羌绣互学', expected: 8 });
  assert.equal(mine.status, 201, JSON.stringify(mine.data));
  const listed = (await resident.get('/api/v1/room-bookings?limit=100')).data;
  const me = Number(one("SELECT resident_id FROM users WHERE username = 'resident'"));
  assert.ok(listed.items.length >= 1 && listed.items.every((b) => b.resident_id === me), 'only their own bookings');
  assert.equal((await resident.post('/api/v1/room-bookings', { room_id: rooms.craft.id, starts_at: at(date, '16:00'), ends_at: at(date, '17:00'), purpose: 'x', booker_kind: 'society' })).data.error.details.fields.booker_kind.code, 'invalid_choice');
  const busy = await resident.get(`/api/v1/rooms/${rooms.craft.id}/busy?from=${encodeURIComponent(at(date, '00:00'))}&to=${encodeURIComponent(at(date, '23:59'))}`);
  assert.equal(busy.status, 200);
  assert.deepEqual(Object.keys(busy.data.items[0]).sort(), ['ends_at', 'starts_at'], 'when, not who');
  assert.equal((await resident.post(`/api/v1/room-bookings/${mine.data.id}/decision`, { decision: 'approved' })).status, 403);
  const noNote = await worker.post(`/api/v1/room-bookings/${mine.data.id}/decision`, { decision: 'rejected' });
  assert.equal(noNote.data.error.details.fields.note.code, 'required');
  assert.equal((await worker.post(`/api/v1/room-bookings/${mine.data.id}/decision`, { decision: 'approved' })).status, 200);
  assert.equal((await worker.post(`/api/v1/room-bookings/${mine.data.id}/decision`, { decision: 'used' })).status, 409, 'not before it starts');
  assert.equal((await resident.post(`/api/v1/room-bookings/${mine.data.id}/decision`, { decision: 'cancelled' })).status, 200);
  const audit = sql(server.db, `SELECT action FROM audit_log WHERE object_type = 'room_booking' AND object_id = '${mine.data.id}' ORDER BY seq`).map((r) => r[0]);
  assert.deepEqual(audit, ['culture.booking.created', 'culture.booking.decided', 'culture.booking.decided']);
});

test('each culture figure moves by exactly its record, and not for records that do not qualify', async () => {
  const area = (await kpi('culture.venue_area_m2', year)).value;
  const v = await worker.post('/api/v1/venues', { community_id: angongId, name: `民族书画室 ${Date.now()}`, area_m2: 85.5, opened_on: `${year}-01-01` });
  assert.equal(v.status, 201, JSON.stringify(v.data));
  await worker.post('/api/v1/venues', { community_id: angongId, name: `旧活动室 ${Date.now()}`, area_m2: 60, opened_on: '2015-01-01', closed_on: `${year}-06-30` });
  await nanshan.post('/api/v1/venues', { community_id: nanshanId, name: `南山书屋 ${Date.now()}`, area_m2: 40 });
  assert.equal((await kpi('culture.venue_area_m2', year)).value, area + 85.5);
  assert.equal((await worker.post('/api/v1/venues', { community_id: angongId, name: 'x', area_m2: 0 })).data.error.details.fields.area_m2.code, 'out_of_range');

  const series = (await worker.get(`/api/v1/series?community=${angongId}`)).data.items.find((s) => s.name === '蓉城一家亲民族剧场');
  const events = (await kpi('culture.events', year)).value;
  const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
  const society = Number(one(`SELECT id FROM organizations WHERE community_id = ${angongId} AND kind = 'society' LIMIT 1`));
  const e = await worker.post('/api/v1/culture-events', { series_id: series.id, title: '新年专场', held_on: today, room_id: rooms.hall.id, audience: 150, performers: [society] });
  assert.equal(e.status, 201, JSON.stringify(e.data));
  await worker.post('/api/v1/culture-events', { series_id: series.id, title: '往年专场', held_on: `${year - 1}-05-01`, audience: 90 });
  const foreignOrg = Number(one(`SELECT id FROM organizations WHERE community_id = ${nanshanId} LIMIT 1`));
  assert.equal((await worker.post('/api/v1/culture-events', { series_id: series.id, title: 'x', held_on: today, performers: [foreignOrg] })).data.error.details.fields.performers.code, 'not_found');
  assert.equal((await kpi('culture.events', year)).value, events + 1);
  const got = (await worker.get(`/api/v1/culture-events/${e.data.id}`)).data;
  assert.equal(got.performers.length, 1);

  const visitors = (await kpi('culture.visitors', year)).value;
  const venue = rooms.museum.venue_id;
  assert.equal((await worker.post('/api/v1/museum-visits', { venue_id: venue, kind: 'group', group_name: '华阳小学五年级', people: 42 })).status, 201);
  assert.equal((await worker.post('/api/v1/museum-visits', { venue_id: venue, kind: 'group', people: 5 })).data.error.details.fields.group_name.code, 'required');
  await worker.post('/api/v1/museum-visits', { venue_id: venue, kind: 'individual', people: 3, visited_on: `${year - 1}-12-31` });
  assert.equal((await kpi('culture.visitors', year)).value, visitors + 42);
});

test('the museum catalogue: checks and loans, and a public page that names lenders only with consent', async () => {
  const venue = rooms.museum.venue_id;
  const lender = Number(one(`SELECT id FROM residents WHERE community_id = ${angongId} AND ethnicity = '04' AND moved_out IS NULL LIMIT 1`));
  const base = { venue_id: venue, room_id: rooms.museum.id, title: '藏族氆氇长袍', ethnicity: '04', category: 'costume', provenance: 'lent', source_resident_id: lender, source_name: '借展人甲', agreement: '借展协议 2026-01', showcase: 'B-03' };
  const stamp = Date.now();
  const hidden = await worker.post('/api/v1/exhibits', { ...base, number: `T-${stamp}-1` });
  assert.equal(hidden.status, 201, JSON.stringify(hidden.data));
  const shown = await worker.post('/api/v1/exhibits', { ...base, number: `T-${stamp}-2`, source_consent: true, source_name: '借展人乙' });
  assert.equal(shown.status, 201);
  const dup = await worker.post('/api/v1/exhibits', { ...base, number: `T-${stamp}-2` });
  assert.equal(dup.data.error.details.fields.number.code, 'duplicate_number');
  assert.equal((await worker.post('/api/v1/exhibits', { ...base, number: 'T-bad', ethnicity: '99' })).data.error.details.fields.ethnicity.code, 'invalid_ethnicity');
  const pub = await api.request('GET', `/api/v1/public/exhibits?community=${angongId}&ethnicity=04&limit=500`);
  assert.equal(pub.status, 200);
  const h = pub.data.items.find((x) => x.id === hidden.data.id);
  const s = pub.data.items.find((x) => x.id === shown.data.id);
  assert.equal(h.source_name, '');
  assert.equal(s.source_name, '借展人乙');
  assert.ok(pub.data.items.every((x) => x.agreement === undefined && x.source_resident_id === undefined && x.ethnicity === '04'));
  assert.equal((await api.request('GET', '/api/v1/public/exhibits')).status, 400);
  assert.equal((await api.request('GET', `/api/v1/exhibits?community=${angongId}`)).status, 401, 'the full catalogue needs a login');

  const id = hidden.data.id;
  assert.equal((await worker.post(`/api/v1/exhibits/${id}/checks`, { condition: 'fair', note: '袖口轻微磨损' })).status, 201);
  const loan = await worker.post(`/api/v1/exhibits/${id}/loans`, { direction: 'out', party: '天府新区文化馆', due_on: `${next}-01-31` });
  assert.equal(loan.status, 201);
  assert.equal((await worker.post(`/api/v1/exhibits/${id}/loans`, { direction: 'out', party: 'x', due_on: `${next}-01-31` })).status, 409);
  let ex = (await worker.get(`/api/v1/exhibits/${id}`)).data;
  assert.equal(ex.status, 'on_loan');
  assert.equal(ex.last_condition, 'fair');
  assert.equal(ex.loans[0].overdue, false);
  assert.equal((await worker.post(`/api/v1/exhibits/${id}/loans/${loan.data.id}/return`, {})).status, 200);
  ex = (await worker.get(`/api/v1/exhibits/${id}`)).data;
  assert.equal(ex.status, 'in_store');
  assert.ok(ex.loans[0].returned_on);
});
