// A community worker of 南山社区 cannot read, search, change or export a resident of 安公社区
// by any endpoint: to them, 安公's records do not exist.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, sql, idNumber, xlsxText } from './helpers.mjs';

let server, api, nanshan, angong, target, angongId, householdId;
const targetId = idNumber('51011619750505432');
const targetPhone = '13655556666';

before(async () => {
  server = await startServer();
  api = client(server);
  angong = await api.as('angong');
  nanshan = await api.as('nanshan');
  angongId = Number(sql(server.db, "SELECT id FROM places WHERE name = '安公社区'")[0][0]);
  householdId = (await angong.get(`/api/v1/households?community=${angongId}&limit=1`)).data.items[0].id;
  const r = await angong.post('/api/v1/residents', {
    name: '阿苏秋菊莫', gender: 'F', ethnicity: '07', id_number: targetId, phone: targetPhone, household_id: householdId,
  });
  assert.equal(r.status, 201);
  target = r.data;
});
after(async () => { await server.stop(); });

test('reading the record by id is 404', async () => {
  assert.equal((await nanshan.get(`/api/v1/residents/${target.id}`)).status, 404);
  assert.equal((await nanshan.get(`/api/v1/residents/${target.id}/contact`)).status, 404);
});

test('no search finds it: name, pinyin, initials, ID number, phone, household filter', async () => {
  for (const q of ['阿苏秋菊莫', 'asuqiujumo', 'asqjm', targetId, targetPhone]) {
    const r = await nanshan.get(`/api/v1/residents?q=${encodeURIComponent(q)}&status=all&limit=500`);
    assert.equal(r.status, 200);
    assert.ok(!r.data.items.some((x) => x.id === target.id), `found by ${q}`);
  }
  const byHousehold = await nanshan.get(`/api/v1/residents?household=${householdId}`);
  assert.equal(byHousehold.data.total, 0);
  const byCommunity = await nanshan.get(`/api/v1/residents?community=${angongId}`);
  assert.equal(byCommunity.data.total, 0);
});

test('changing it is 404 and changes nothing', async () => {
  const before = sql(server.db, `SELECT name, note, moved_out FROM residents WHERE id = ${target.id}`);
  assert.equal((await nanshan.patch(`/api/v1/residents/${target.id}`, { note: 'x' })).status, 404);
  assert.equal((await nanshan.post(`/api/v1/residents/${target.id}/move-out`, { date: '2021-01-01' })).status, 404);
  assert.deepEqual(sql(server.db, `SELECT name, note, moved_out FROM residents WHERE id = ${target.id}`), before);
});

test('adding someone to an 安公 household is refused', async () => {
  const r = await nanshan.post('/api/v1/residents', { name: '某人', gender: 'M', ethnicity: '01', household_id: householdId });
  assert.equal(r.status, 422);
  assert.equal(r.data.error.details.fields.household_id.code, 'unknown_household');
});

test('exports do not contain it', async () => {
  const r = await nanshan.get(`/api/v1/residents/export?q=${encodeURIComponent('阿苏秋菊莫')}&status=all`);
  assert.equal(r.status, 200);
  assert.ok(!xlsxText(r.data).includes('阿苏秋菊莫'));
  const all = await nanshan.get('/api/v1/residents/export?minority=1');
  assert.ok(!xlsxText(all.data).includes('阿苏秋菊莫'));
  const ours = await angong.get(`/api/v1/residents/export?q=${encodeURIComponent('阿苏秋菊莫')}&status=all`);
  assert.ok(xlsxText(ours.data).includes('阿苏秋菊莫'), 'the 安公 export has the row the 南山 export lacks');
});

test('importing into 安公, its places, households and figures are all 404', async () => {
  const imp = await api.request('POST', `/api/v1/residents/import?community=${angongId}`, {
    token: nanshan.token, raw: '姓名,性别,民族,楼栋,门牌号\n张三,男,汉族,1栋,101\n',
  });
  assert.equal(imp.status, 404);
  assert.equal((await nanshan.get(`/api/v1/communities/${angongId}`)).status, 404);
  assert.equal((await nanshan.get(`/api/v1/households/${householdId}`)).status, 404);
  assert.equal((await nanshan.get(`/api/v1/reports/kpis?community=${angongId}&year=2021`)).status, 404);
  assert.equal((await nanshan.get(`/api/v1/reports/kpis/registry.residents/records?community=${angongId}&year=2021`)).status, 404);
});

test('a residents group leader of 南山 sees only their own grid', async () => {
  const leader = await api.as('leader');
  const r = await leader.get('/api/v1/residents?limit=100');
  assert.equal(r.status, 200);
  const grids = new Set(r.data.items.map((x) => x.grid_id));
  assert.equal(grids.size, 1);
  assert.equal((await leader.get(`/api/v1/residents/${target.id}`)).status, 404);
  assert.equal((await leader.patch(`/api/v1/residents/${r.data.items[0].id}`, { note: 'x' })).status, 403);
});
