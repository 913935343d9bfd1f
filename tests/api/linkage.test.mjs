// The resource linkage platform: the demo's 8 brand projects of 2021 and the partners with an
// agreement in force, from their records; a project's page with its partners, the events it ran
// and contributions that are links to the fund's donations and the volunteer ledger (never a
// second ledger); agreements and renewal reminders; scope.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, sql } from './helpers.mjs';

let server, api, worker, nanshan, resident, angongId, nanshanId;
const year = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 4);
const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const one = (q) => { const r = sql(server.db, q); return r.length ? r[0][0] : undefined; };
const kpi = async (id, y = 2021) => (await worker.get(`/api/v1/reports/kpis?community=${angongId}&year=${y}`)).data.items.find((i) => i.id === id);
const records = async (id, y = 2021) => (await worker.get(`/api/v1/reports/kpis/${id}/records?community=${angongId}&year=${y}&limit=1000`)).data;
const addDays = (date, n) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400e3).toISOString().slice(0, 10);

before(async () => {
  server = await startServer();
  api = client(server);
  worker = await api.as('angong');
  nanshan = await api.as('nanshan');
  resident = await api.as('resident');
  angongId = Number(one("SELECT id FROM places WHERE name = '安公社区'"));
  nanshanId = Number(one("SELECT id FROM places WHERE name = '南山社区'"));
});
after(async () => { await server.stop(); });

test('the demo: 8 brand projects in 2021 and 7 partners with an agreement in force, each figure its records', async () => {
  assert.equal((await kpi('linkage.brand_projects')).value, 8);
  const p = await records('linkage.brand_projects');
  assert.equal(p.total, 8);
  assert.ok(p.items.some((x) => x.name === '我从新疆来特产店') && p.items.some((x) => x.name === '社区民族文化艺术周'));
  assert.ok(p.items.every((x) => x.partners > 0 && x.project_status !== 'planned'));
  assert.equal((await kpi('linkage.partners')).value, 7);
  const partners = await records('linkage.partners');
  assert.equal(partners.total, 7);
  assert.ok(partners.items.some((x) => x.name === '四川省新疆商会') && partners.items.some((x) => x.name === '四川省西藏商会'));
  assert.ok(!partners.items.some((x) => x.name === '天府新区民族餐饮协会'), 'its agreement ended in June 2021');
});

test('a project\'s page: partners, the art week\'s events, money from the fund\'s donations, in kind and hours', async () => {
  const list = (await worker.get(`/api/v1/linkage/projects?community=${angongId}&year=2021&limit=50`)).data;
  const week = list.items.find((x) => x.name === '社区民族文化艺术周');
  const page = (await worker.get(`/api/v1/linkage/projects/${week.id}`)).data;
  assert.ok(page.partners.length >= 3);
  assert.ok(page.links.length > 0 && page.links.every((l) => l.kind === 'culture_event' && l.title && l.date));
  // Money is the donation's own amount, read from the fund; hours the ledger's minutes.
  const money = page.contributions.filter((c) => c.kind === 'money');
  for (const c of money) assert.equal(String(c.value_fen), one(`SELECT amount_fen FROM charity_donations WHERE id = ${c.donation_id}`));
  assert.equal(page.money_fen, money.reduce((s, c) => s + c.value_fen, 0));
  const hours = page.contributions.filter((c) => c.kind === 'volunteer_hours');
  assert.ok(hours.length > 0);
  assert.equal(page.minutes, hours.reduce((s, c) => s + c.minutes, 0));
  // The employer of the jobs platform of the same name is the partner's organisation.
  const partner = (await worker.get(`/api/v1/linkage/partners?community=${angongId}&q=雪域&limit=5`)).data.items[0];
  assert.equal(one(`SELECT organization_id FROM job_employers WHERE name = '成都雪域电商有限公司' AND community_id = ${angongId}`), String(partner.organization_id));
  assert.equal(one(`SELECT kind FROM organizations WHERE id = ${partner.organization_id}`), 'partner');
});

test('a new project moves the figure by one; contributions link records once, of the same community', async () => {
  const partner = await worker.post('/api/v1/linkage/partners', { community_id: angongId, name: `测试商会 ${Date.now()}`, kind: 'chamber_of_commerce' });
  assert.equal(partner.status, 201, JSON.stringify(partner.data));
  const before = (await kpi('linkage.brand_projects', year)).value;
  const bad = await worker.post('/api/v1/linkage/projects', { community_id: angongId, name: 'x', started_on: today, partner_ids: [] });
  assert.equal(bad.data.error.details.fields.partner_ids.code, 'required');
  const planned = await worker.post('/api/v1/linkage/projects', { community_id: angongId, name: `筹备项目 ${Date.now()}`, started_on: today, status: 'planned', partner_ids: [partner.data.id] });
  assert.equal(planned.status, 201);
  assert.equal((await kpi('linkage.brand_projects', year)).value, before, 'a planned project does not count');
  const p = await worker.post('/api/v1/linkage/projects', { community_id: angongId, name: `民族乐器进社区 ${Date.now()}`, started_on: today, partner_ids: [partner.data.id], goals: '乐器体验' });
  assert.equal(p.status, 201, JSON.stringify(p.data));
  assert.equal((await kpi('linkage.brand_projects', year)).value, before + 1);

  const donation = Number(one(`SELECT d.id FROM charity_donations d WHERE d.community_id = ${angongId} AND d.id NOT IN (SELECT donation_id FROM brand_contributions WHERE donation_id IS NOT NULL) LIMIT 1`));
  const foreignDonation = one(`SELECT id FROM charity_donations WHERE community_id = ${nanshanId} LIMIT 1`);
  const path = `/api/v1/linkage/projects/${p.data.id}/contributions`;
  if (foreignDonation) {
    const f = await worker.post(path, { partner_id: partner.data.id, kind: 'money', donation_id: Number(foreignDonation), on_date: today });
    assert.equal(f.data.error.details.fields.donation_id.code, 'not_found');
  }
  const outsider = Number(one(`SELECT id FROM partners WHERE community_id = ${angongId} AND id <> ${partner.data.id} LIMIT 1`));
  assert.equal((await worker.post(path, { partner_id: outsider, kind: 'money', donation_id: donation, on_date: today })).data.error.details.fields.partner_id.code, 'not_a_project_partner');
  const m = await worker.post(path, { partner_id: partner.data.id, kind: 'money', donation_id: donation, on_date: today });
  assert.equal(m.status, 201, JSON.stringify(m.data));
  assert.equal((await worker.post(path, { partner_id: partner.data.id, kind: 'money', donation_id: donation, on_date: today })).data.error.details.fields.donation_id.code, 'already_linked');
  assert.equal((await worker.post(path, { partner_id: partner.data.id, kind: 'in_kind', on_date: today, what: '乐器 10 件' })).data.error.details.fields.value_fen.code, 'required');
  assert.equal((await worker.post(path, { partner_id: partner.data.id, kind: 'in_kind', on_date: today, what: '乐器 10 件', value_fen: 300000 })).status, 201);
  const page = (await worker.get(`/api/v1/linkage/projects/${p.data.id}`)).data;
  assert.equal(String(page.money_fen), one(`SELECT amount_fen FROM charity_donations WHERE id = ${donation}`));
  assert.equal(page.in_kind_fen, 300000);
  // No second ledger: the fund's books did not change.
  assert.equal(Number(one(`SELECT count(*) FROM charity_donations WHERE id = ${donation}`)), 1);

  const event = Number(one(`SELECT id FROM culture_events WHERE community_id = ${angongId} LIMIT 1`));
  assert.equal((await worker.post(`/api/v1/linkage/projects/${p.data.id}/links`, { kind: 'culture_event', record_id: event })).status, 200);
  assert.equal((await worker.post(`/api/v1/linkage/projects/${p.data.id}/links`, { kind: 'culture_event', record_id: event })).status, 409);
  assert.equal((await worker.post(`/api/v1/linkage/projects/${p.data.id}/links`, { kind: 'culture_event', record_id: 99999999 })).data.error.details.fields.record_id.code, 'not_found');
  // An outcome names its figure; the figure is computed from the project's records, never typed.
  const outcomes = `/api/v1/linkage/projects/${p.data.id}/outcomes`;
  assert.equal((await worker.post(outcomes, { on_date: today, what: '体验课', figure: '12' })).status, 422);
  assert.equal((await worker.post(outcomes, { on_date: today, what: '体验课', measure: 'guesses' })).data.error.details.fields.measure.code, 'invalid_choice');
  assert.equal((await worker.post(outcomes, { on_date: today, what: '体验课观众', measure: 'audience' })).status, 201);
  assert.equal((await worker.post(outcomes, { on_date: today, what: '共建资金', measure: 'money_fen' })).status, 201);
  const told = (await worker.get(`/api/v1/linkage/projects/${p.data.id}`)).data.outcomes;
  const audience = told.find((o) => o.measure === 'audience');
  assert.equal(audience.value, Number(one(`SELECT audience FROM culture_events WHERE id = ${event}`)));
  assert.deepEqual(audience.records.map((r) => [r.id, r.link]), [[event, `/culture/events/${event}`]]);
  const money = told.find((o) => o.measure === 'money_fen');
  assert.equal(String(money.value), one(`SELECT amount_fen FROM charity_donations WHERE id = ${donation}`));
  assert.deepEqual(money.records.map((r) => r.id), [donation]);
  assert.equal((await worker.post(`/api/v1/linkage/projects/${p.data.id}/status`, { status: 'finished' })).data.error.details.fields.ended_on.code, 'required');
  assert.equal(one(`SELECT count(*) FROM audit_log WHERE object_type = 'brand_project' AND object_id = '${p.data.id}'`), '6');
});

test('the demo\'s outcomes: the shop\'s partner employer\'s placements during the project, the art week\'s audience', async () => {
  const list = (await worker.get(`/api/v1/linkage/projects?community=${angongId}&limit=50`)).data.items;
  const detail = async (name) => (await worker.get(`/api/v1/linkage/projects/${list.find((x) => x.name === name).id}`)).data;
  const shop = await detail('我从新疆来特产店');
  const placed = shop.outcomes.find((o) => o.measure === 'placements');
  const expected = sql(server.db, `SELECT pl.id FROM job_placements pl JOIN job_employers e ON e.id = pl.employer_id
    JOIN partners q ON q.organization_id = e.organization_id JOIN brand_project_partners bp ON bp.partner_id = q.id
    WHERE bp.project_id = ${shop.id} AND pl.started_on >= '${shop.started_on}' ORDER BY pl.id`).map((r) => Number(r[0]));
  assert.ok(expected.length > 0, 'the partner employer placed residents');
  assert.equal(placed.value, expected.length);
  assert.deepEqual(placed.records.map((r) => r.id).sort((a, b) => a - b), expected);
  assert.ok(placed.records.every((r) => /^\/jobs\/seekers\/\d+$/.test(r.link)));
  const week = await detail('社区民族文化艺术周');
  const audience = week.outcomes.find((o) => o.measure === 'audience');
  const events = sql(server.db, `SELECT e.audience FROM brand_project_links l JOIN culture_events e ON e.id = l.record_id
    WHERE l.project_id = ${week.id} AND l.kind = 'culture_event'`).map((r) => Number(r[0]));
  assert.ok(events.length > 0 && audience.value > 0);
  assert.equal(audience.value, events.reduce((a, b) => a + b, 0));
  assert.equal(audience.records.length, events.length);
});

test('agreements: in force, ending within 60 days shows as due for renewal, renewed it does not', async () => {
  const partner = (await worker.post('/api/v1/linkage/partners', { community_id: angongId, name: `续签测试 ${Date.now()}`, kind: 'enterprise' })).data.id;
  const before = (await kpi('linkage.partners', year)).value;
  const ends = addDays(today, 30);
  assert.equal((await worker.post(`/api/v1/linkage/partners/${partner}/agreements`, { title: '共建协议', signed_on: '2024-01-01', ends_on: '2023-12-31' })).data.error.details.fields.ends_on.code, 'invalid_date');
  assert.equal((await worker.post(`/api/v1/linkage/partners/${partner}/agreements`, { title: '共建协议', signed_on: '2024-01-01', ends_on: ends })).status, 201);
  const due = (await worker.get(`/api/v1/linkage/partners?community=${angongId}&renewal=1&limit=100`)).data.items;
  assert.ok(due.some((x) => x.id === partner && x.renewal_due));
  assert.equal((await worker.post(`/api/v1/linkage/partners/${partner}/agreements`, { title: '续签协议', signed_on: ends, ends_on: addDays(ends, 1095) })).status, 201);
  const after = (await worker.get(`/api/v1/linkage/partners?community=${angongId}&renewal=1&limit=100`)).data.items;
  assert.ok(!after.some((x) => x.id === partner), 'renewed');
  const detail = (await worker.get(`/api/v1/linkage/partners/${partner}`)).data;
  assert.equal(detail.agreements.length, 2);
  assert.equal((await kpi('linkage.partners', year)).value, before + 1);
});

test('scope: another community sees nothing, a resident nothing at all', async () => {
  const project = Number(one(`SELECT id FROM brand_projects WHERE community_id = ${angongId} LIMIT 1`));
  assert.equal((await nanshan.get(`/api/v1/linkage/projects/${project}`)).status, 404);
  assert.equal((await nanshan.get(`/api/v1/linkage/projects?community=${angongId}`)).data.total, 0);
  assert.equal((await nanshan.post(`/api/v1/linkage/projects/${project}/outcomes`, { on_date: today, what: 'x' })).status, 404);
  assert.equal((await resident.get('/api/v1/linkage/projects')).status, 403);
  assert.equal((await worker.post('/api/v1/linkage/partners', { community_id: nanshanId, name: 'x', kind: 'school' })).data.error.details.fields.community_id.code, 'unknown_place');
});
