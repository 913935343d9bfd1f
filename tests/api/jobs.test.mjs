// The employment and entrepreneurship platform: the demo's 2021 figures from their records, the
// funnel whose counts are the lists behind them, a seeker's path from registration to placement
// or business, certificates that count once verified, credit codes checked, follow-ups, a
// resident registering on their own, and scope.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, sql, creditCode } from './helpers.mjs';

let server, api, worker, nanshan, resident, angongId;
const year = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 4);
const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const one = (q) => { const r = sql(server.db, q); return r.length ? r[0][0] : undefined; };

const kpi = async (id, y = 2021) => (await worker.get(`/api/v1/reports/kpis?community=${angongId}&year=${y}`)).data.items.find((i) => i.id === id);
const records = async (id, y = 2021) => (await worker.get(`/api/v1/reports/kpis/${id}/records?community=${angongId}&year=${y}&limit=1000`)).data;
// A minority resident of 安公社区 who has never been a job seeker.
const newcomer = (ethnicity = "r.ethnicity >= '02' AND r.ethnicity <= '56'") => Number(one(`SELECT r.id FROM residents r
  WHERE r.community_id = ${angongId} AND r.moved_out IS NULL AND ${ethnicity} AND r.birth_date >= '1970-01-01'
  AND r.id NOT IN (SELECT resident_id FROM job_seekers) AND r.id NOT IN (SELECT resident_id FROM users WHERE resident_id IS NOT NULL)
  ORDER BY random() LIMIT 1`));
before(async () => {
  server = await startServer();
  api = client(server);
  worker = await api.as('angong');
  nanshan = await api.as('nanshan');
  resident = await api.as('resident');
  angongId = Number(one("SELECT id FROM places WHERE name = '安公社区'"));
});
after(async () => { await server.stop(); });

test('the demo: 27 certificates, 27 businesses and 64 placed minority residents in 2021, each figure its records', async () => {
  for (const [id, value] of [['jobs.certificates', 27], ['outcomes.businesses', 27], ['outcomes.employed', 64]]) {
    assert.equal((await kpi(id)).value, value, id);
    const r = await records(id);
    assert.equal(r.total, value, `${id} records`);
    assert.equal(new Set(r.items.map((i) => i.id)).size, value, `${id}: one record per resident`);
    assert.ok(r.items.every((i) => i.ethnicity !== '01'), `${id}: minority residents only`);
  }
  const biz = await records('outcomes.businesses');
  assert.ok(biz.items.every((b) => /^9[12]510116[0-9A-HJ-NPQRTUWXY]{10}$/.test(b.credit_code)), 'credit codes');
  const brands = (await worker.get(`/api/v1/jobs/businesses?community=${angongId}&year=2021&limit=100`)).data.items.map((b) => b.brand).filter(Boolean);
  assert.deepEqual(brands.sort(), ['梦想直播间', '民族云创', '羌秀工坊'].sort());
  const retained = await kpi('jobs.retained_6m');
  const rr = await records('jobs.retained_6m');
  assert.ok(rr.total > 0);
  assert.equal(retained.value, rr.items.filter((i) => i.retained).length / rr.total);
  assert.ok(retained.value > 0.5 && retained.value < 1, `most still employed: ${retained.value}`);
  assert.ok((await kpi('jobs.registered')).value >= 120);
});

test('the funnel of 2021: every count is the list behind it, groups under 5 are 其他', async () => {
  const f = (await worker.get(`/api/v1/jobs/funnel?community=${angongId}&year=2021`)).data;
  assert.deepEqual(f.step_names, ['registered', 'trained', 'practical_training', 'internship', 'placed', 'incubation', 'business_registered']);
  for (const s of f.steps) {
    const list = await worker.get(`/api/v1/jobs/seekers?community=${angongId}&reached=${s.step}&year=2021&limit=1`);
    assert.equal(list.data.total, s.people, `${s.step}: the funnel and its list`);
  }
  const registered = f.steps[0].people;
  assert.ok(f.steps.every((s) => Math.abs(s.of_registered - s.people / registered) < 1e-9));
  assert.ok(f.steps.find((s) => s.step === 'placed').median_days > 0);
  for (const groups of [f.by_ethnicity, f.by_age]) {
    assert.ok(groups.every((g) => g.key === 'other' || g.people[0] >= 5), 'a group under 5 is merged');
    const placed = groups.reduce((n, g) => n + g.people[4], 0);
    assert.equal(placed, f.steps[4].people, 'the groups add up');
  }
});

test('a seeker\'s path at the desk: registered, trained, placed and followed up; each figure moves by one', async () => {
  const who = newcomer();
  const before = { registered: (await kpi('jobs.registered', year)).value, employed: (await kpi('outcomes.employed', year)).value };
  const r = await worker.post('/api/v1/jobs/seekers', { resident_id: who, education: 'vocational', skills: '藏餐烹饪', languages: ['普通话', '藏语'], wishes: '餐饮', constraints: '需接送孩子', consent_to_share: true });
  assert.equal(r.status, 201, JSON.stringify(r.data));
  assert.equal((await kpi('jobs.registered', year)).value, before.registered + 1);
  assert.equal((await worker.post('/api/v1/jobs/seekers', { resident_id: who, education: 'vocational' })).status, 409);
  const badEdu = await worker.post('/api/v1/jobs/seekers', { resident_id: newcomer(), education: 'phd' });
  assert.equal(badEdu.data.error.details.fields.education.code, 'invalid_choice');
  assert.equal((await worker.post(`/api/v1/jobs/seekers/${r.data.id}/steps`, { step: 'placed', on_date: today })).data.error.details.fields.step.code, 'invalid_choice');
  assert.equal((await worker.post(`/api/v1/jobs/seekers/${r.data.id}/steps`, { step: 'trained', on_date: '2020-01-01' })).data.error.details.fields.on_date.code, 'before_registration');
  assert.equal((await worker.post(`/api/v1/jobs/seekers/${r.data.id}/steps`, { step: 'trained', on_date: today, helper: '刘老师' })).status, 201);
  const employer = await worker.post('/api/v1/jobs/employers', { community_id: angongId, name: `藏餐厅 ${Date.now()}` });
  assert.equal(employer.status, 201);
  const placed = await worker.post('/api/v1/jobs/placements', { seeker_id: r.data.id, employer_id: employer.data.id, position: '厨师', started_on: today, wage_fen: 520000 });
  assert.equal(placed.status, 201, JSON.stringify(placed.data));
  assert.equal((await kpi('outcomes.employed', year)).value, before.employed + 1);
  const seeker = (await worker.get(`/api/v1/jobs/seekers/${r.data.id}`)).data;
  assert.equal(seeker.status, 'placed');
  assert.deepEqual(seeker.steps.map((s) => s.step), ['registered', 'trained', 'placed']);
  assert.equal(seeker.steps[2].placement_id, placed.data.id);
  assert.deepEqual(seeker.languages, ['普通话', '藏语']);
  // Placed: nothing more on the path; the follow-up waits its three months.
  assert.equal((await worker.post(`/api/v1/jobs/seekers/${r.data.id}/steps`, { step: 'internship', on_date: today })).data.error.code, 'seeker_not_active');
  const early = await worker.post(`/api/v1/jobs/placements/${placed.data.id}/followups`, { months: 3, checked_on: today, employed: true });
  assert.equal(early.data.error.details.fields.checked_on.code, 'too_early');
  const p = (await worker.get(`/api/v1/jobs/placements/${placed.data.id}`)).data;
  assert.ok(p.due_3m > today && p.due_6m > p.due_3m);
  // A demo placement's follow-ups are on record; a second one is refused.
  const old = Number(one(`SELECT placement_id FROM job_followups WHERE months = 6 LIMIT 1`));
  const again = await worker.post(`/api/v1/jobs/placements/${old}/followups`, { months: 6, checked_on: today, employed: true });
  assert.equal(again.status, 409);
  assert.equal(one(`SELECT count(*) FROM audit_log WHERE object_type = 'job_seeker' AND object_id = '${r.data.id}'`), '2');
});

test('a Han resident\'s path is kept but not counted among minority outcomes', async () => {
  const han = newcomer("r.ethnicity = '01'");
  const before = (await kpi('jobs.registered', year)).value;
  const r = await worker.post('/api/v1/jobs/seekers', { resident_id: han, education: 'senior' });
  assert.equal(r.status, 201);
  assert.equal((await kpi('jobs.registered', year)).value, before);
});

test('certificates count once verified; credit codes are checked; a business is kept until it closes', async () => {
  const who = newcomer();
  const before = (await kpi('jobs.certificates', year)).value;
  const number = `CERT-${Date.now()}`;
  const c = await worker.post('/api/v1/jobs/certificates', { resident_id: who, kind: '育婴员职业技能等级证书', number, issuer: '四川省职业技能鉴定指导中心', issued_on: today });
  assert.equal(c.status, 201, JSON.stringify(c.data));
  assert.equal((await kpi('jobs.certificates', year)).value, before, 'not yet verified');
  assert.equal((await worker.post(`/api/v1/jobs/certificates/${c.data.id}/verify`, {})).status, 200);
  assert.equal((await kpi('jobs.certificates', year)).value, before + 1);
  assert.equal((await worker.post(`/api/v1/jobs/certificates/${c.data.id}/verify`, {})).status, 409);
  const dup = await worker.post('/api/v1/jobs/certificates', { resident_id: who, kind: 'x', number, issuer: '四川省职业技能鉴定指导中心', issued_on: today });
  assert.equal(dup.data.error.details.fields.number.code, 'duplicate_number');
  const verified = (await worker.get(`/api/v1/jobs/certificates/${c.data.id}`)).data;
  assert.ok(verified.verified_at && verified.verifier);

  const bizBefore = (await kpi('outcomes.businesses', year)).value;
  const seeker = (await worker.post('/api/v1/jobs/seekers', { resident_id: who, education: 'college' })).data.id;
  assert.equal((await worker.post(`/api/v1/jobs/seekers/${seeker}/steps`, { step: 'incubation', on_date: today })).status, 201);
  const body17 = `92510116${String(Date.now()).slice(-9)}`;
  const good = creditCode(body17);
  const wrongCheck = body17 + (good.endsWith('0') ? '1' : '0');
  const bad = await worker.post('/api/v1/jobs/businesses', { resident_id: who, seeker_id: seeker, name: '雪域茶饮', kind: 'individual', credit_code: wrongCheck, registered_on: today });
  assert.equal(bad.status, 422);
  assert.equal(bad.data.error.details.fields.credit_code.code, 'invalid_credit_code');
  assert.match(bad.data.error.details.fields.credit_code.message, /统一社会信用代码/);
  assert.equal(Number(one(`SELECT count(*) FROM job_businesses WHERE name = '雪域茶饮'`)), 0);
  const b = await worker.post('/api/v1/jobs/businesses', { resident_id: who, seeker_id: seeker, name: '雪域茶饮', kind: 'individual', credit_code: good.toLowerCase(), registered_on: today, helper: '商会导师' });
  assert.equal(b.status, 201, JSON.stringify(b.data));
  assert.equal((await kpi('outcomes.businesses', year)).value, bizBefore + 1);
  const kept = (await worker.get(`/api/v1/jobs/businesses/${b.data.id}`)).data;
  assert.equal(kept.credit_code, good, 'stored upper-case');
  assert.equal((await worker.get(`/api/v1/jobs/seekers/${seeker}`)).data.status, 'business');
  const twice = await worker.post('/api/v1/jobs/businesses', { resident_id: who, name: '另一家', kind: 'individual', credit_code: good, registered_on: today });
  assert.equal(twice.data.error.details.fields.credit_code.code, 'duplicate_credit_code');
  assert.equal((await worker.post(`/api/v1/jobs/businesses/${b.data.id}/close`, { closed_on: today })).status, 200);
  const operating = (await worker.get(`/api/v1/jobs/businesses?community=${angongId}&operating=1&limit=500`)).data.items;
  assert.ok(!operating.some((x) => x.id === b.data.id));
  assert.equal((await worker.post(`/api/v1/jobs/businesses/${b.data.id}/close`, { closed_on: today })).status, 409);
});

test('a need referred by a liaison officer becomes a registration, linked both ways', async () => {
  const need = sql(server.db, `SELECT v.id, v.resident_id FROM committee_needs v WHERE v.community_id = ${angongId} AND v.handler = 'committee' AND v.kind = 'job' AND v.status IN ('open', 'referred') AND v.resident_id IS NOT NULL AND v.resident_id NOT IN (SELECT resident_id FROM job_seekers WHERE status = 'active') LIMIT 1`)[0]
    || sql(server.db, `SELECT v.id, v.resident_id FROM committee_needs v WHERE v.community_id = ${angongId} AND v.status = 'open' AND v.resident_id IS NOT NULL AND v.resident_id NOT IN (SELECT resident_id FROM job_seekers WHERE status = 'active') LIMIT 1`)[0];
  const [needId, who] = need.map(Number);
  sql(server.db, `UPDATE committee_needs SET handler = 'jobs', kind = 'job' WHERE id = ${needId}`);
  const other = newcomer();
  assert.equal((await worker.post('/api/v1/jobs/seekers', { resident_id: other, need_id: needId, education: 'senior' })).data.error.details.fields.need_id.code, 'not_found');
  const r = await worker.post('/api/v1/jobs/seekers', { resident_id: who, need_id: needId, education: 'senior' });
  assert.equal(r.status, 201, JSON.stringify(r.data));
  const seeker = (await worker.get(`/api/v1/jobs/seekers/${r.data.id}`)).data;
  assert.equal(seeker.source, 'committee');
  assert.equal(seeker.need_id, needId);
  const n = (await worker.get(`/api/v1/committee/needs/${needId}`)).data;
  assert.equal(n.linked_id, r.data.id);
  assert.equal(n.status, 'referred');
  // The demo's referred needs are linked too.
  assert.ok(Number(one(`SELECT count(*) FROM committee_needs v JOIN job_seekers s ON s.id = v.linked_id AND s.need_id = v.id WHERE v.handler = 'jobs'`)) > 0);
});

test('a resident registers on their own and sees only their own records; other communities see nothing', async () => {
  const mine = await resident.post('/api/v1/jobs/seekers', { education: 'bachelor', skills: '会计', wishes: '财务' });
  assert.ok([201, 409].includes(mine.status), JSON.stringify(mine.data));
  const list = (await resident.get('/api/v1/jobs/seekers')).data;
  const me = Number(one("SELECT resident_id FROM users WHERE username = 'resident'"));
  assert.ok(list.total >= 1 && list.items.every((s) => s.resident_id === me));
  if (mine.status === 201) assert.equal(list.items.find((s) => s.id === mine.data.id).source, 'self');
  assert.equal((await resident.post('/api/v1/jobs/seekers', { resident_id: newcomer(), education: 'senior' })).status, 422);
  assert.equal((await resident.post('/api/v1/jobs/certificates', { resident_id: me, kind: 'x', number: 'y', issuer: 'z', issued_on: today })).status, 403);
  assert.equal((await resident.get('/api/v1/jobs/funnel?community=' + angongId)).status, 403);
  const angongSeeker = Number(one(`SELECT id FROM job_seekers WHERE community_id = ${angongId} LIMIT 1`));
  assert.equal((await nanshan.get(`/api/v1/jobs/seekers/${angongSeeker}`)).status, 404);
  assert.equal((await nanshan.post(`/api/v1/jobs/seekers/${angongSeeker}/steps`, { step: 'trained', on_date: today })).status, 404);
  assert.equal((await nanshan.get(`/api/v1/jobs/seekers?community=${angongId}&limit=5`)).data.total, 0);
});
