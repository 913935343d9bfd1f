// A staff account linked to a resident (the demo's volunteer team lead lives in 安公社区) also
// acts as that person: their own volunteer pages, and the shuttle's boarding lists by masked name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, sql } from './helpers.mjs';

let server, api, vlead, worker, angongId;
before(async () => {
  server = await startServer();
  api = client(server);
  vlead = await api.as('vlead');
  worker = await api.as('angong');
  angongId = Number(sql(server.db, "SELECT id FROM places WHERE name = '安公社区'")[0][0]);
});
after(async () => { await server.stop(); });

const iso = (ms) => new Date(Date.now() + ms + 8 * 3600e3).toISOString().slice(0, 19) + '+08:00';
const day = 86400e3;

test('an account linked to a resident holds the own-person permissions; one that is not does not', async () => {
  const me = (await vlead.get('/api/v1/auth/me')).data;
  assert.ok(me.resident_id > 0);
  assert.ok(me.permissions.includes('volunteer.self'), me.permissions.join(','));
  assert.ok(!me.permissions.includes('shuttle.book'), 'booking is not an own-person permission');
  const plain = (await worker.get('/api/v1/auth/me')).data;
  assert.equal(plain.resident_id, null);
  assert.ok(!plain.permissions.includes('volunteer.self'));
  // The role itself is unchanged: the roles list still gives volunteer.self to residents, not leads.
  const roles = (await vlead.get('/api/v1/roles')).data.items;
  assert.ok(!roles.find((r) => r.key === 'volunteer_lead').permissions.includes('volunteer.self'));
});

test('the team lead sees their own hours as a resident does', async () => {
  const me = await vlead.get('/api/v1/volunteer/me');
  assert.equal(me.status, 200, JSON.stringify(me.data));
  const own = Number(sql(server.db, "SELECT resident_id FROM users WHERE username = 'vlead'")[0][0]);
  const minutes = Number(sql(server.db, `SELECT coalesce(sum(minutes), 0) FROM volunteer_hours WHERE resident_id = ${own}`)[0][0]);
  assert.equal(me.data.minutes_total, minutes);
  const records = (await vlead.get(`/api/v1/volunteer/records?resident=${own}&limit=500`)).data;
  assert.ok(records.items.every((r) => r.resident_id === own));
});

test('the team lead lists the community\'s trips and boards riders by masked name', async () => {
  const service = await worker.post('/api/v1/shuttle/services', { community_id: angongId, name: '接种专线', destination: '接种点' });
  assert.equal(service.status, 201, JSON.stringify(service.data));
  const trip = await worker.post('/api/v1/shuttle/trips', {
    service_id: service.data.id, trip_date: iso(day).slice(0, 10), departs_at: iso(day), booking_deadline: iso(day / 2), vehicle: '701路', seats: 5,
    stops: [{ name: '安公小区门口', time: '08:30' }],
  });
  assert.equal(trip.status, 201, JSON.stringify(trip.data));
  const stop = Number(sql(server.db, `SELECT id FROM shuttle_stops WHERE trip_id = ${trip.data.id}`)[0][0]);
  const rider = Number(sql(server.db, `SELECT id FROM residents WHERE community_id = ${angongId} AND moved_out IS NULL
    AND birth_date BETWEEN '1970-01-01' AND '1990-12-31' ORDER BY id LIMIT 1`)[0][0]);
  const booked = await worker.post(`/api/v1/shuttle/trips/${trip.data.id}/reservations`, { resident_id: rider, stop_id: stop });
  assert.equal(booked.status, 201, JSON.stringify(booked.data));

  const trips = await vlead.get('/api/v1/shuttle/trips');
  assert.equal(trips.status, 200, JSON.stringify(trips.data));
  assert.ok(trips.data.items.some((x) => x.id === trip.data.id));
  const list = (await vlead.get(`/api/v1/shuttle/trips/${trip.data.id}/reservations`)).data.items;
  assert.equal(list.length, 1);
  assert.equal(list[0].name, undefined);
  assert.match(list[0].name_masked, /\*/);
  // A lead may board but not book: booking stays with residents, group leaders and staff.
  assert.equal((await vlead.post(`/api/v1/shuttle/trips/${trip.data.id}/reservations`, { stop_id: stop })).status, 403);
});

test('a resident reads their own record and household on 我的; an account without a resident gets 404', async () => {
  const resident = await api.as('resident');
  const r = await resident.get('/api/v1/residents/me');
  assert.equal(r.status, 200, JSON.stringify(r.data));
  const me = await resident.get('/api/v1/auth/me');
  assert.equal(r.data.me.id, me.data.resident_id);
  assert.ok(r.data.members.some((m) => m.me && m.id === me.data.resident_id));
  const household = sql(server.db, `SELECT count(*) FROM residents WHERE household_id = (SELECT household_id FROM residents WHERE id = ${me.data.resident_id}) AND moved_out IS NULL`)[0][0];
  assert.equal(r.data.members.length, Number(household));
  assert.match(r.data.me.phone_masked || '', /\*|^$/, 'numbers stay masked');
  const admin = await api.as('admin');
  assert.equal((await admin.get('/api/v1/residents/me')).status, 404);
  // A resident still cannot read another resident by id.
  const other = sql(server.db, `SELECT id FROM residents WHERE household_id <> (SELECT household_id FROM residents WHERE id = ${me.data.resident_id}) LIMIT 1`)[0][0];
  assert.equal((await resident.get(`/api/v1/residents/${other}`)).status, 404, "outside their scope it does not exist");
});
