import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, sql } from './helpers.mjs';

let server, api, worker, angongId, nanshanId;
before(async () => {
  server = await startServer();
  api = client(server);
  worker = await api.as('angong');
  angongId = Number(sql(server.db, "SELECT id FROM places WHERE name = '安公社区'")[0][0]);
  nanshanId = Number(sql(server.db, "SELECT id FROM places WHERE name = '南山社区'")[0][0]);
});
after(async () => { await server.stop(); });

const count = (q) => Number(sql(server.db, q)[0][0]);

test("a community's compounds list their buildings, households and residents from the records", async () => {
  const list = await worker.get(`/api/v1/compounds?community=${angongId}`);
  assert.equal(list.status, 200);
  assert.deepEqual(new Set(list.data.items.map((c) => c.name)), new Set(['安公小区', '锦江苑', '华阳人家', '南湖花园']));
  assert.equal(list.data.items.length, 4);
  for (const c of list.data.items) {
    assert.equal(c.community_id, angongId);
    assert.equal(c.buildings, count(`SELECT count(*) FROM places WHERE compound_id = ${c.id}`));
    assert.equal(c.residents, count(`SELECT count(*) FROM residents r JOIN places b ON b.id = r.building_id WHERE b.compound_id = ${c.id} AND r.moved_out IS NULL`));
  }
  const total = list.data.items.reduce((s, c) => s + c.residents, 0);
  assert.equal(total, count(`SELECT count(*) FROM residents WHERE community_id = ${angongId} AND moved_out IS NULL`));
  // The worker sees only their own community's compounds.
  assert.equal((await worker.get(`/api/v1/compounds?community=${nanshanId}`)).data.items.length, 0);
  const other = sql(server.db, `SELECT id FROM compounds WHERE community_id = ${nanshanId} LIMIT 1`)[0][0];
  assert.equal((await worker.get(`/api/v1/compounds/${other}`)).status, 404);
  const admin = await api.as('admin');
  assert.equal((await admin.get('/api/v1/compounds')).data.items.length, count('SELECT count(*) FROM compounds'));
});

test('a compound is created and renamed with an audit entry; a building is placed in it', async () => {
  const bad = await worker.post('/api/v1/compounds', { community_id: angongId, name: '' });
  assert.equal(bad.status, 422);
  assert.equal(bad.data.error.details.fields.name.code, 'required');
  assert.equal((await worker.post('/api/v1/compounds', { community_id: nanshanId, name: '越界苑' })).status, 422);
  const c = await worker.post('/api/v1/compounds', { community_id: angongId, name: '新安苑', address: '华阳街道新安路8号' });
  assert.equal(c.status, 201);
  assert.equal(c.data.buildings, 0);
  assert.equal((await worker.post('/api/v1/compounds', { community_id: angongId, name: '新安苑' })).status, 409);
  const renamed = await worker.patch(`/api/v1/compounds/${c.data.id}`, { name: '新安花园', address: '华阳街道新安路8号' });
  assert.equal(renamed.data.name, '新安花园');
  assert.equal(count(`SELECT count(*) FROM audit_log WHERE object_type = 'compound' AND object_id = '${c.data.id}'`), 2);

  const grid = Number(sql(server.db, `SELECT id FROM places WHERE kind = 'grid' AND community_id = ${angongId} LIMIT 1`)[0][0]);
  const b = await worker.post('/api/v1/buildings', { parent_id: grid, name: '新安花园1栋', compound_id: c.data.id, floors: 6, units: 2 });
  assert.equal(b.status, 201);
  assert.equal(b.data.compound_name, '新安花园');
  assert.equal(b.data.floors, 6);
  // A PATCH that does not name the compound keeps it.
  const kept = await worker.patch(`/api/v1/buildings/${b.data.id}`, { name: '新安花园1号楼' });
  assert.equal(kept.data.compound_id, c.data.id);
  assert.equal(kept.data.units, 2);
  const listed = await worker.get(`/api/v1/buildings?compound=${c.data.id}`);
  assert.deepEqual(listed.data.items.map((x) => x.id), [b.data.id]);
  // A compound of another community is refused.
  const foreign = Number(sql(server.db, `SELECT id FROM compounds WHERE community_id = ${nanshanId} LIMIT 1`)[0][0]);
  const wrong = await worker.patch(`/api/v1/buildings/${b.data.id}`, { name: '新安花园1号楼', compound_id: foreign });
  assert.equal(wrong.status, 422);
  assert.equal(wrong.data.error.details.fields.compound_id.code, 'not_found');
  assert.equal((await worker.patch(`/api/v1/buildings/${b.data.id}`, { name: 'x', floors: 500 })).status, 422);
});

test("a building's grid has every household on its floor and unit with its head-count", async () => {
  const building = Number(sql(server.db, `SELECT id FROM places WHERE kind = 'building' AND community_id = ${angongId} ORDER BY id LIMIT 1`)[0][0]);
  const g = await worker.get(`/api/v1/buildings/${building}/grid`);
  assert.equal(g.status, 200);
  assert.equal(g.data.floors, 18);
  assert.deepEqual(g.data.units, ['1', '2', '3']);
  assert.equal(g.data.households.length, count(`SELECT count(*) FROM households WHERE building_id = ${building}`));
  for (const h of g.data.households) assert.equal(h.floor, Math.floor(Number(h.room) / 100));
  const heads = g.data.households.reduce((s, h) => s + h.residents, 0);
  assert.equal(heads, count(`SELECT count(*) FROM residents WHERE building_id = ${building} AND moved_out IS NULL`));
  // A room number that names no floor (or none a building has) is drawn apart, on floor 0.
  for (const room of ['地下室', '99999', '12345678901234567890']) {
    assert.equal((await worker.post('/api/v1/households', { building_id: building, unit: '1', room })).status, 201);
  }
  const odd = (await worker.get(`/api/v1/buildings/${building}/grid`)).data;
  assert.equal(odd.floors, 18);
  assert.deepEqual(odd.households.filter((h) => h.floor === 0).map((h) => h.room).sort(), ['12345678901234567890', '99999', '地下室'].sort());
  const nanshanBuilding = sql(server.db, `SELECT id FROM places WHERE kind = 'building' AND community_id = ${nanshanId} LIMIT 1`)[0][0];
  assert.equal((await worker.get(`/api/v1/buildings/${nanshanBuilding}/grid`)).status, 404);
});

test('the demo shuttle stops at the gates of 南山社区 compounds, and a trip stop can name its compound', async () => {
  const stops = sql(server.db, "SELECT s.name, c.name FROM shuttle_stops s JOIN compounds c ON c.id = s.compound_id JOIN shuttle_trips t ON t.id = s.trip_id WHERE t.trip_date = '2021-02-17'");
  assert.ok(stops.length >= 9);
  for (const [stop, compound] of stops) assert.equal(stop, `${compound}大门`);
  const nanshan = await api.as('nanshan');
  const service = sql(server.db, `SELECT id FROM shuttle_services WHERE community_id = ${nanshanId} LIMIT 1`)[0][0];
  const compound = Number(sql(server.db, `SELECT id FROM compounds WHERE community_id = ${nanshanId} ORDER BY id LIMIT 1`)[0][0]);
  const name = sql(server.db, `SELECT name FROM compounds WHERE id = ${compound}`)[0][0];
  const trip = {
    service_id: Number(service), trip_date: '2031-03-01', departs_at: '2031-03-01T08:30:00+08:00',
    booking_deadline: '2031-02-28T20:00:00+08:00', vehicle: '702路', seats: 10,
  };
  const made = await nanshan.post('/api/v1/shuttle/trips', { ...trip, stops: [{ compound_id: compound, time: '08:30' }, { name: '南湖公园', time: '08:50' }] });
  assert.equal(made.status, 201);
  const got = await nanshan.get(`/api/v1/shuttle/trips/${made.data.id}`);
  assert.equal(got.data.stops[0].name, `${name}大门`);
  assert.equal(got.data.stops[0].compound_id, compound);
  assert.equal(got.data.stops[1].compound_id, null);
  const angongCompound = Number(sql(server.db, `SELECT id FROM compounds WHERE community_id = ${angongId} LIMIT 1`)[0][0]);
  const before = count('SELECT count(*) FROM shuttle_trips');
  const refused = await nanshan.post('/api/v1/shuttle/trips', { ...trip, stops: [{ compound_id: angongCompound, time: '08:30' }] });
  assert.equal(refused.status, 422);
  assert.equal(refused.data.error.details.fields.stops.code, 'unknown_compound');
  assert.equal(count('SELECT count(*) FROM shuttle_trips'), before);
});
