// Dictionaries an administrator maintains: volunteer activity kinds, service point kinds and
// residents' tags. Entries are added, renamed, reordered and retired (never removed); a retired
// kind is refused for new records while old records keep it; imports read the names.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, sql } from './helpers.mjs';

let server, api, admin, worker, vlead, angongId;
before(async () => {
  server = await startServer();
  api = client(server);
  admin = await api.as('admin');
  worker = await api.as('angong');
  vlead = await api.as('vlead');
  angongId = Number(sql(server.db, "SELECT id FROM places WHERE name = '安公社区'")[0][0]);
});
after(async () => { await server.stop(); });

const dict = async (who, name) => (await who.get('/api/v1/dictionaries')).data.items.find((d) => d.name === name).entries;

test('every signed-in account reads the dictionaries; only the street administrator changes them', async () => {
  const kinds = await dict(worker, 'volunteer_kinds');
  assert.ok(kinds.some((e) => e.code === 'ethnic_unity' && e.name_zh === '民族团结' && e.builtin));
  assert.ok((await dict(worker, 'service_point_kinds')).length >= 8);
  assert.ok((await dict(worker, 'resident_tags')).some((e) => e.code === '独居老人'));
  assert.equal((await worker.post('/api/v1/dictionaries/volunteer_kinds/entries', { code: 'x_kind', name_zh: '某类' })).status, 403);
  assert.equal((await worker.patch('/api/v1/dictionaries/volunteer_kinds/entries/other', { name_zh: '别的' })).status, 403);
  assert.equal((await admin.post('/api/v1/dictionaries/no_such/entries', { code: 'x', name_zh: 'x' })).status, 404);
  assert.equal((await admin.patch('/api/v1/dictionaries/volunteer_kinds/entries/no_such', { name_zh: 'x' })).status, 404);
});

test('a new kind is added with checks and an audit entry, and activities may use it', async () => {
  const bad = await admin.post('/api/v1/dictionaries/volunteer_kinds/entries', { code: 'Bad Code', name_zh: '' });
  assert.equal(bad.status, 422);
  assert.deepEqual(Object.keys(bad.data.error.details.fields).sort(), ['code', 'name_zh']);
  const made = await admin.post('/api/v1/dictionaries/volunteer_kinds/entries', { code: 'river_patrol', name_zh: '河道巡护', name_en: 'River patrol', sort_order: 75 });
  assert.equal(made.status, 201);
  assert.equal(made.data.builtin, false);
  assert.equal((await admin.post('/api/v1/dictionaries/volunteer_kinds/entries', { code: 'river_patrol', name_zh: '重复' })).status, 409);
  assert.equal(sql(server.db, "SELECT count(*) FROM audit_log WHERE action = 'dictionaries.entry.added' AND object_id = 'volunteer_kinds:river_patrol'")[0][0], '1');
  const kinds = await dict(worker, 'volunteer_kinds');
  assert.deepEqual(kinds.map((e) => e.code).slice(-2), ['river_patrol', 'other']);
  const team = Number(sql(server.db, `SELECT id FROM organizations WHERE kind = 'volunteer_team' AND community_id = ${angongId} LIMIT 1`)[0][0]);
  const activity = (kind) => vlead.post('/api/v1/volunteer/activities', {
    organization_id: team, title: '河道巡护', kind, place: '鹿溪河', starts_at: '2031-05-01T09:00:00+08:00', ends_at: '2031-05-01T11:00:00+08:00', capacity: 10,
  });
  const a = await activity('river_patrol');
  assert.equal(a.status, 201, JSON.stringify(a.data));
  // Retired, it is refused for new records; the activity that used it keeps it.
  const retired = await admin.patch('/api/v1/dictionaries/volunteer_kinds/entries/river_patrol', { name_zh: '河道巡护', name_en: 'River patrol', sort_order: 75, active: false });
  assert.equal(retired.status, 200);
  assert.equal(retired.data.active, false);
  const refused = await activity('river_patrol');
  assert.equal(refused.status, 422);
  assert.equal(refused.data.error.details.fields.kind.code, 'invalid_choice');
  assert.equal((await vlead.get(`/api/v1/volunteer/activities/${a.data.id}`)).data.kind, 'river_patrol');
  assert.ok((await dict(worker, 'volunteer_kinds')).some((e) => e.code === 'river_patrol' && !e.active));
});

test('a renamed built-in kind keeps its code; service points take only offered kinds', async () => {
  const r = await admin.patch('/api/v1/dictionaries/service_point_kinds/entries/convenience', { name_zh: '便民生活服务', name_en: 'Daily services', sort_order: 60 });
  assert.equal(r.status, 200);
  assert.equal(r.data.builtin, true);
  const diff = sql(server.db, "SELECT details FROM audit_log WHERE action = 'dictionaries.entry.updated' AND object_id = 'service_point_kinds:convenience'")[0][0];
  assert.match(diff, /便民生活服务/);
  const point = (kind) => worker.post('/api/v1/service-points', { community_id: angongId, name: '测试点', kind, address: '华阳', lat: 30.5, lng: 104.06 });
  assert.equal((await point('convenience')).status, 201);
  assert.equal((await point('no_such_kind')).status, 422);
});

test('a tag is its own code in Chinese; codes of kinds are lower-case words', async () => {
  assert.equal((await admin.post('/api/v1/dictionaries/resident_tags/entries', { code: '空巢老人', name_zh: '空巢老人', name_en: 'Empty-nest elderly' })).status, 201);
  assert.equal((await admin.post('/api/v1/dictionaries/service_point_kinds/entries', { code: '中文', name_zh: '中文' })).status, 422);
});
