import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, sql } from './helpers.mjs';

let server, api, nanshanId, angongId;
before(async () => {
  server = await startServer();
  api = client(server);
  nanshanId = Number(sql(server.db, "SELECT id FROM places WHERE name = '南山社区'")[0][0]);
  angongId = Number(sql(server.db, "SELECT id FROM places WHERE name = '安公社区'")[0][0]);
});
after(async () => { await server.stop(); });

test("residents read their own community's board; the demo has the shuttle's booking notice", async () => {
  const leader = await api.as('leader');
  const board = (await leader.get('/api/v1/notices')).data;
  assert.ok(board.items.length > 0);
  assert.ok(board.items.every((n) => n.community_id === nanshanId));
  assert.ok(board.items.some((n) => n.title.includes('接驳车') && n.body.includes('组长')));
  const resident = await api.as('resident');
  const other = (await resident.get('/api/v1/notices')).data.items;
  assert.ok(other.every((n) => n.community_id !== nanshanId));
  assert.equal((await resident.post('/api/v1/notices', { community_id: angongId, title: 'x', body: 'y' })).status, 403);
});

test('staff publish and withdraw; bad input is refused with field errors', async () => {
  const worker = await api.as('nanshan');
  const blank = await worker.post('/api/v1/notices', { community_id: nanshanId, title: ' ', body: '正文' });
  assert.equal(blank.status, 422);
  assert.equal(blank.data.error.details.fields.title.code, 'required');
  const script = await worker.post('/api/v1/notices', { community_id: nanshanId, title: '通知', body: '正文', link: 'javascript:alert(1)' });
  assert.equal(script.data.error.details.fields.link.code, 'invalid_link');
  const elsewhere = await worker.post('/api/v1/notices', { community_id: angongId, title: '通知', body: '正文' });
  assert.equal(elsewhere.data.error.details.fields.community_id.code, 'not_found');
  const n = await worker.post('/api/v1/notices', { community_id: nanshanId, title: '周六义诊', body: '周六上午九点，社区服务中心。', link: '/m' });
  assert.equal(n.status, 201);
  const leader = await api.as('leader');
  assert.equal((await leader.get('/api/v1/notices')).data.items[0].id, n.data.id, 'newest first');
  assert.equal((await worker.post(`/api/v1/notices/${n.data.id}/withdraw`, {})).status, 200);
  assert.equal((await worker.post(`/api/v1/notices/${n.data.id}/withdraw`, {})).status, 409);
  assert.ok((await leader.get('/api/v1/notices')).data.items.every((x) => x.id !== n.data.id));
  const kept = (await worker.get('/api/v1/notices?withdrawn=1')).data.items.find((x) => x.id === n.data.id);
  assert.ok(kept.withdrawn_at, 'a withdrawn notice stays in the record');
  assert.equal(sql(server.db, `SELECT count(*) FROM audit_log WHERE action IN ('notices.published', 'notices.withdrawn') AND object_id = '${n.data.id}'`)[0][0], '2');
});

test("a shuttle's announcement goes to the board once, with its booking link", async () => {
  const worker = await api.as('nanshan');
  const service = Number(sql(server.db, `SELECT id FROM shuttle_services WHERE community_id = ${nanshanId} LIMIT 1`)[0][0]);
  const when = new Date(Date.now() + 2 * 86400e3 + 8 * 3600e3).toISOString().slice(0, 10);
  const trip = await worker.post('/api/v1/shuttle/trips', {
    service_id: service, trip_date: when, departs_at: `${when}T08:30:00+08:00`, booking_deadline: `${when}T06:00:00+08:00`,
    vehicle: '702路', seats: 40, stops: [{ name: '南山苑小区门口', time: '08:30' }],
  });
  const p = await worker.post(`/api/v1/shuttle/trips/${trip.data.id}/notice/publish`, {});
  assert.equal(p.status, 201, JSON.stringify(p.data));
  assert.equal((await worker.post(`/api/v1/shuttle/trips/${trip.data.id}/notice/publish`, {})).data.error.code, 'already_published');
  const leader = await api.as('leader');
  const n = (await leader.get('/api/v1/notices')).data.items.find((x) => x.id === p.data.id);
  assert.equal(n.link, `/m/shuttle?trip=${trip.data.id}`);
  assert.ok(n.body.includes('南山苑小区门口') && n.body.includes('组长'));
});
