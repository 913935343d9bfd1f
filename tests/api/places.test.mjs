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

test('the tree starts at the scope root and lists children with resident counts', async () => {
  const roots = await worker.get('/api/v1/places/roots');
  assert.equal(roots.data.items.length, 1);
  assert.equal(roots.data.items[0].name, '安公社区');
  const kids = await worker.get(`/api/v1/places/${angongId}/children`);
  assert.ok(kids.data.items.length >= 4);
  assert.ok(kids.data.items.every((k) => k.kind === 'grid'));
  const sum = kids.data.items.reduce((s, k) => s + k.residents, 0);
  assert.equal(sum, roots.data.items[0].residents);
});

test('a grid, a building and a household are created under the right parents', async () => {
  const grid = await worker.post('/api/v1/grids', { parent_id: angongId, name: '第九网格' });
  assert.equal(grid.status, 201);
  const bad = await worker.post('/api/v1/buildings', { parent_id: angongId, name: '9栋' });
  assert.equal(bad.status, 422);
  assert.equal(bad.data.error.details.fields.parent_id.code, 'wrong_parent_kind');
  const b = await worker.post('/api/v1/buildings', { parent_id: grid.data.id, name: '9栋', lat: 30.5, lng: 104.07 });
  assert.equal(b.status, 201);
  assert.equal(b.data.community_id, angongId);
  const dup = await worker.post('/api/v1/buildings', { parent_id: grid.data.id, name: '9栋' });
  assert.equal(dup.status, 409);
  const h = await worker.post('/api/v1/households', { building_id: b.data.id, unit: '1', room: '101' });
  assert.equal(h.status, 201);
  assert.equal(h.data.grid_id, grid.data.id);
  const renamed = await worker.patch(`/api/v1/buildings/${b.data.id}`, { name: '9号楼', lat: 30.51, lng: 104.07 });
  assert.equal(renamed.data.name, '9号楼');
  assert.equal(sql(server.db, `SELECT count(*) FROM audit_log WHERE action = 'places.building.updated' AND object_id = '${b.data.id}'`)[0][0], '1');
});

test('places outside the scope do not exist for the caller', async () => {
  assert.equal((await worker.get(`/api/v1/communities/${nanshanId}`)).status, 404);
  assert.equal((await worker.post('/api/v1/grids', { parent_id: nanshanId, name: 'x' })).status, 422);
  const lat = await worker.post('/api/v1/grids', { parent_id: angongId, name: '坐标错', lat: 200 });
  assert.equal(lat.status, 422);
});

test('a community worker cannot create communities; the street administrator can', async () => {
  const streetId = Number(sql(server.db, "SELECT id FROM places WHERE kind = 'street'")[0][0]);
  assert.equal((await worker.post('/api/v1/communities', { parent_id: streetId, name: '新社区' })).status, 422);
  const admin = await api.as('admin');
  const c = await admin.post('/api/v1/communities', { parent_id: streetId, name: '新社区' });
  assert.equal(c.status, 201);
});
