import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, sql } from './helpers.mjs';

let server, api, worker, resident, angongId, nanshanId, residentId;
before(async () => {
  server = await startServer();
  api = client(server);
  worker = await api.as('angong');
  resident = await api.as('resident');
  angongId = Number(sql(server.db, "SELECT id FROM places WHERE name = '安公社区'")[0][0]);
  nanshanId = Number(sql(server.db, "SELECT id FROM places WHERE name = '南山社区'")[0][0]);
  residentId = Number(sql(server.db, "SELECT resident_id FROM users WHERE username = 'resident'")[0][0]);
});
after(async () => { await server.stop(); });

// Great-circle distance, independent of the server's.
function metres(a, b) {
  const r = Math.PI / 180;
  const h = Math.sin((b.lat - a.lat) * r / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin((b.lng - a.lng) * r / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}

test('coverage counts match the lists: every building is either covered or a listed gap, by distance', async () => {
  const r = await worker.get(`/api/v1/service-points/coverage?community=${angongId}`);
  assert.equal(r.status, 200);
  assert.equal(r.data.metres, 1000);
  const buildings = r.data.buildings;
  assert.equal(buildings.length, Number(sql(server.db, `SELECT count(*) FROM places WHERE kind = 'building' AND community_id = ${angongId} AND lat IS NOT NULL`)[0][0]));
  for (const k of r.data.kinds) {
    assert.equal(k.covered + k.gaps.length, k.buildings, k.kind);
    const points = r.data.points.filter((p) => p.kind === k.kind);
    for (const b of buildings) {
      const near = points.some((p) => metres(b, p) <= 1000);
      assert.equal(!!b.covered[k.kind], near, `${k.kind} ${b.name}`);
    }
  }
  const childcare = r.data.kinds.find((k) => k.kind === 'childcare');
  assert.ok(childcare.gaps.length > 0, 'the demo nursery leaves gaps');
  // A longer walk covers more.
  const wide = await worker.get(`/api/v1/service-points/coverage?community=${angongId}&metres=3000`);
  assert.ok(wide.data.kinds.find((k) => k.kind === 'childcare').covered > childcare.covered);
  // Only points serving the age group count when one is asked for.
  const kids = await worker.get(`/api/v1/service-points/coverage?community=${angongId}&age_group=child`);
  assert.equal(kids.data.kinds.find((k) => k.kind === 'elderly_care').covered, 0);
  assert.equal((await worker.get(`/api/v1/service-points/coverage?community=${angongId}&age_group=aliens`)).status, 400);
});

test('a new service point closes a gap; bad coordinates and kinds are refused', async () => {
  const before = (await worker.get(`/api/v1/service-points/coverage?community=${angongId}`)).data;
  const gap = before.kinds.find((k) => k.kind === 'childcare').gaps[0];
  const b = before.buildings.length ? sql(server.db, `SELECT lat, lng FROM places WHERE id = ${gap.id}`)[0].map(Number) : null;
  const bad = await worker.post('/api/v1/service-points', { community_id: angongId, name: 'x', kind: 'spa', lat: 91, lng: 0 });
  assert.equal(bad.status, 422);
  assert.equal(bad.data.error.details.fields.kind.code, 'invalid_choice');
  assert.equal(bad.data.error.details.fields.lat.code, 'out_of_range');
  const ok = await worker.post('/api/v1/service-points', {
    community_id: angongId, name: '楼下托育点', kind: 'childcare', lat: b[0], lng: b[1], age_groups: ['child'], opening_hours: '8:00-18:00',
  });
  assert.equal(ok.status, 201);
  const after = (await worker.get(`/api/v1/service-points/coverage?community=${angongId}`)).data;
  assert.ok(after.kinds.find((k) => k.kind === 'childcare').gaps.every((g) => g.id !== gap.id));
  const nanshan = await api.as('nanshan');
  assert.equal((await nanshan.get(`/api/v1/service-points/coverage?community=${angongId}`)).status, 404);
  assert.equal((await nanshan.put(`/api/v1/service-points/${ok.data.id}`, { community_id: angongId, name: 'x', kind: 'childcare', lat: 1, lng: 1 })).status, 404);
});

test('mutual aid: a resident asks, a neighbour offers, staff match, completion counts as volunteer hours', async () => {
  const ask = await resident.post('/api/v1/mutual-aid', { kind: 'request', age_group: 'elderly', title: '陪同去医院复查' });
  assert.equal(ask.status, 201);
  const [[helper]] = sql(server.db, `SELECT id FROM residents WHERE community_id = ${angongId} AND moved_out IS NULL AND id <> ${residentId} ORDER BY id DESC LIMIT 1`);
  const offer = await worker.post('/api/v1/mutual-aid', { kind: 'offer', resident_id: Number(helper), age_group: 'elderly', title: '可以陪同就医' });
  assert.equal(offer.status, 201);
  const notYet = await worker.post(`/api/v1/mutual-aid/${ask.data.id}/complete`, { minutes: 90 });
  assert.equal(notYet.data.error.code, 'aid_not_matched');
  const match = await worker.post(`/api/v1/mutual-aid/${ask.data.id}/match`, { offer_id: offer.data.id });
  assert.equal(match.status, 200, JSON.stringify(match.data));
  assert.equal((await worker.post(`/api/v1/mutual-aid/${ask.data.id}/match`, { offer_id: offer.data.id })).data.error.code, 'aid_not_open');
  const before = Number(sql(server.db, `SELECT coalesce(sum(minutes), 0) FROM volunteer_hours WHERE resident_id = ${helper}`)[0][0]);
  const done = await worker.post(`/api/v1/mutual-aid/${ask.data.id}/complete`, { minutes: 90, as_volunteer_hours: true });
  assert.equal(done.status, 200, JSON.stringify(done.data));
  assert.ok(done.data.hours_id);
  const [[minutes, kind, entry]] = sql(server.db, `SELECT minutes, kind, entry FROM volunteer_hours WHERE id = ${done.data.hours_id}`);
  assert.deepEqual([minutes, kind, entry], ['90', 'mutual_aid', 'record']);
  assert.equal(Number(sql(server.db, `SELECT sum(minutes) FROM volunteer_hours WHERE resident_id = ${helper}`)[0][0]), before + 90);
  const mine = (await resident.get('/api/v1/mutual-aid?mine=1')).data.items;
  assert.equal(mine.find((i) => i.id === ask.data.id).status, 'completed');
  assert.equal(mine.find((i) => i.id === ask.data.id).address, '', 'residents do not see addresses');
});

test('a resident cannot help themselves, nor cancel someone else\'s request; cancelling frees the offer', async () => {
  const ask = await resident.post('/api/v1/mutual-aid', { kind: 'request', age_group: 'child', title: '放学接送' });
  const self = await resident.post(`/api/v1/mutual-aid/${ask.data.id}/match`, { self: true });
  assert.equal(self.status, 422);
  const other = sql(server.db, `SELECT id FROM mutual_aid WHERE community_id = ${angongId} AND status = 'open' AND resident_id <> ${residentId} AND kind = 'request' LIMIT 1`)[0][0];
  assert.equal((await resident.post(`/api/v1/mutual-aid/${other}/cancel`, {})).status, 404);
  const [[helper]] = sql(server.db, `SELECT id FROM residents WHERE community_id = ${angongId} AND moved_out IS NULL AND id <> ${residentId} ORDER BY id DESC LIMIT 1 OFFSET 3`);
  const offer = await worker.post('/api/v1/mutual-aid', { kind: 'offer', resident_id: Number(helper), age_group: 'child', title: '可以接送' });
  await worker.post(`/api/v1/mutual-aid/${ask.data.id}/match`, { offer_id: offer.data.id });
  assert.equal((await resident.post(`/api/v1/mutual-aid/${ask.data.id}/cancel`, { reason: '家人有空了' })).status, 200);
  assert.equal(sql(server.db, `SELECT status FROM mutual_aid WHERE id = ${offer.data.id}`)[0][0], 'open');
  const bad = await resident.post('/api/v1/mutual-aid', { kind: 'favour', age_group: 'pets', title: '' });
  assert.equal(bad.status, 422);
  assert.deepEqual(Object.keys(bad.data.error.details.fields).sort(), ['age_group', 'kind', 'title']);
});

test('the completed mutual aid of the year is an indicator that drills down to its records', async () => {
  const k = (await worker.get(`/api/v1/reports/kpis?community=${angongId}&year=2021`)).data.items.find((i) => i.id === 'services.mutual_aid_completed');
  assert.ok(k.value > 0);
  const rec = await worker.get(`/api/v1/reports/kpis/services.mutual_aid_completed/records?community=${angongId}&year=2021&limit=500`);
  assert.equal(rec.data.total, k.value);
  assert.ok(rec.data.items.every((i) => i.completed_on.startsWith('2021-')));
  const street = (await (await api.as('admin')).get(`/api/v1/reports/kpis/services.mutual_aid_completed/by-community?street=${sql(server.db, "SELECT street_id FROM places WHERE id = " + nanshanId)[0][0]}&year=2021`));
  assert.equal(street.status, 200);
});
