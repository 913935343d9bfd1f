import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, sql, PASSWORD } from './helpers.mjs';

let server, api, mediator, head, worker, angongId, nanshanId;
before(async () => {
  server = await startServer();
  api = client(server);
  mediator = await api.as('mediator');
  head = await api.as('rights');
  worker = await api.as('angong');
  angongId = Number(sql(server.db, "SELECT id FROM places WHERE name = '安公社区'")[0][0]);
  nanshanId = Number(sql(server.db, "SELECT id FROM places WHERE name = '南山社区'")[0][0]);
});
after(async () => { await server.stop(); });

const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);

async function register(as, body = {}) {
  const r = await as.post('/api/v1/cases', { community_id: angongId, kind: 'mediation', title: '邻里噪音纠纷', applicant_name: '测试申请人', respondent: '楼上住户', facts: '夜间噪音影响休息', location: '安公小区', channel: 'walk_in', ...body });
  assert.equal(r.status, 201, JSON.stringify(r.data));
  return r.data.id;
}

test('the demo has 221 disputes mediated to resolution by the end of 2021, and the figure drills down without names', async () => {
  const k = (await worker.get(`/api/v1/reports/kpis?community=${angongId}&year=2021`)).data.items.find((i) => i.id === 'rights.disputes_resolved');
  assert.equal(k.value, 221);
  const rec = await worker.get(`/api/v1/reports/kpis/rights.disputes_resolved/records?community=${angongId}&year=2021&limit=500`);
  assert.equal(rec.data.total, 221);
  assert.ok(rec.data.items.every((i) => i.name === undefined && i.applicant_name === undefined));
  const stats = (await worker.get(`/api/v1/cases/stats?community=${angongId}&year=2021`)).data;
  assert.equal(stats.disputes_resolved_all_time, 221);
  assert.equal(stats.disputes_resolved_by_month.reduce((s, m) => s + m.resolved, 0), stats.disputes_resolved_in_year);
  assert.ok(stats.median_days_to_resolution >= 0);
});

test('a case is seen by its assigned staff and the centre head only; every read is audited', async () => {
  const id = await register(mediator);
  assert.equal((await mediator.get(`/api/v1/cases/${id}`)).status, 200);
  assert.equal((await head.get(`/api/v1/cases/${id}`)).status, 200);
  // A second mediator of the same community, not assigned: 404, and not in their list.
  const admin = await api.as('admin');
  const created = await admin.post('/api/v1/users', { username: 'mediator2', display_name: '调解员二', role: 'mediator', scope_kind: 'community', scope_place_id: angongId, password: PASSWORD });
  assert.equal(created.status, 201, JSON.stringify(created.data));
  const other = await api.as('mediator2');
  assert.equal((await other.get(`/api/v1/cases/${id}`)).status, 404);
  assert.ok((await other.get('/api/v1/cases')).data.items.every((c) => c.id !== id));
  // Community workers see counts, not cases.
  assert.equal((await worker.get(`/api/v1/cases/${id}`)).status, 403);
  const reads = Number(sql(server.db, `SELECT count(*) FROM audit_log WHERE action = 'cases.case.read' AND object_id = '${id}'`)[0][0]);
  assert.equal(reads, 2);
});

test('a mediator of one community cannot see another community\'s cases', async () => {
  const admin = await api.as('admin');
  await admin.post('/api/v1/users', { username: 'nsmediator', display_name: '南山调解员', role: 'rights_head', scope_kind: 'community', scope_place_id: nanshanId, password: PASSWORD });
  const nanshan = await api.as('nsmediator');
  const id = await register(mediator);
  assert.equal((await nanshan.get(`/api/v1/cases/${id}`)).status, 404);
  assert.equal((await nanshan.get(`/api/v1/cases?community=${angongId}`)).data.total, 0);
  assert.equal((await nanshan.post(`/api/v1/cases/${id}/sessions`, { notes: 'x' })).status, 404);
});

test('a mediation follows the law: sessions, an agreement, its fulfilment check, then a read-only archive', async () => {
  const id = await register(mediator);
  assert.equal((await mediator.post(`/api/v1/cases/${id}/agreement`, { form: 'written', parties: '甲、乙', content: '协议' })).data.error.code, 'no_session_recorded');
  assert.equal((await mediator.post(`/api/v1/cases/${id}/sessions`, { held_on: today, notes: '听取双方陈述' })).status, 201);
  const early = await mediator.post(`/api/v1/cases/${id}/close`, { outcome: 'resolved' });
  assert.equal(early.data.error.code, 'agreement_not_fulfilled');
  assert.equal((await mediator.post(`/api/v1/cases/${id}/agreement`, { form: 'verbal', parties: '测试申请人、楼上住户', content: '晚十点后不再施工' })).status, 201);
  assert.equal((await mediator.post(`/api/v1/cases/${id}/agreement`, { form: 'verbal', parties: 'x', content: 'y' })).data.error.code, 'agreement_exists');
  assert.equal((await mediator.post(`/api/v1/cases/${id}/fulfilment`, { fulfilment: 'fulfilled', note: '回访确认' })).status, 200);
  const before = (await worker.get(`/api/v1/cases/stats?community=${angongId}&year=${today.slice(0, 4)}`)).data.disputes_resolved_all_time;
  assert.equal((await mediator.post(`/api/v1/cases/${id}/close`, { outcome: 'resolved' })).status, 200);
  const after = (await worker.get(`/api/v1/cases/stats?community=${angongId}&year=${today.slice(0, 4)}`)).data.disputes_resolved_all_time;
  assert.equal(after, before + 1);
  const closed = await mediator.post(`/api/v1/cases/${id}/sessions`, { notes: '补充' });
  assert.equal(closed.status, 409);
  assert.equal(closed.data.error.code, 'case_closed');
  const c = (await mediator.get(`/api/v1/cases/${id}`)).data;
  assert.equal(c.read_only, true);
  assert.equal(c.agreement.fulfilment, 'fulfilled');
});

test('intake by a community worker waits for the head to assign it; bad input is refused clearly', async () => {
  const id = await register(worker, { kind: 'legal_aid', title: '工资拖欠咨询' });
  assert.equal((await mediator.get(`/api/v1/cases/${id}`)).status, 404);
  const mediatorId = Number(sql(server.db, "SELECT id FROM users WHERE username = 'mediator'")[0][0]);
  assert.equal((await head.post(`/api/v1/cases/${id}/assign`, { user_id: mediatorId, staff_role: 'lawyer' })).status, 200);
  assert.equal((await mediator.get(`/api/v1/cases/${id}`)).status, 200);
  const treasurerId = Number(sql(server.db, "SELECT id FROM users WHERE username = 'treasurer'")[0][0]);
  const wrong = await head.post(`/api/v1/cases/${id}/assign`, { user_id: treasurerId, staff_role: 'lawyer' });
  assert.equal(wrong.data.error.details.fields.user_id.code, 'not_case_staff');
  const bad = await worker.post('/api/v1/cases', { community_id: angongId, kind: 'gossip', title: '', facts: '', channel: 'pigeon' });
  assert.equal(bad.status, 422);
  for (const f of ['title', 'facts']) assert.ok(bad.data.error.details.fields[f], f);
});

test('the head picks from the staff who may take a case of the community, and nobody else may ask', async () => {
  const r = await head.get(`/api/v1/cases/staff?community=${angongId}`);
  assert.equal(r.status, 200, JSON.stringify(r.data));
  const expected = sql(server.db, `SELECT id FROM users WHERE disabled = 0 AND role IN ('mediator', 'rights_head')
    AND ((scope_kind = 'community' AND scope_place_id = ${angongId})
      OR (scope_kind = 'street' AND scope_place_id = (SELECT street_id FROM places WHERE id = ${angongId})))`).map((x) => Number(x[0]));
  assert.deepEqual(r.data.items.map((s) => s.user_id).sort(), expected.sort());
  assert.equal(r.data.total, expected.length);
  assert.ok(r.data.items.every((s) => ['mediator', 'rights_head'].includes(s.role) && s.display_name));
  // Everyone listed can be assigned; the list is the same rule the assignment checks.
  const id = await register(worker, { title: '停车位纠纷' });
  for (const s of r.data.items) {
    assert.equal((await head.post(`/api/v1/cases/${id}/assign`, { user_id: s.user_id, staff_role: 'mediation_volunteer' })).status, 200);
  }
  assert.equal((await mediator.get(`/api/v1/cases/staff?community=${angongId}`)).status, 403);
  assert.equal((await head.get('/api/v1/cases/staff?community=999999')).status, 422);
});
