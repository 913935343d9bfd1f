// The employment platform's programmes: trainings whose completion (80% of the sessions held)
// is the seeker's step, postings matched to seekers whose details go to the employer only with
// their consent, incubated projects with mentors and milestones graduating into a founder's
// business, and the funnel's conversion and time between steps.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, sql, creditCode } from './helpers.mjs';

let server, api, worker, nanshan, resident, angongId;
const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const daysAgo = (n) => new Date(Date.now() + 8 * 3600e3 - n * 86400e3).toISOString().slice(0, 10);
const one = (q) => { const r = sql(server.db, q); return r.length ? r[0][0] : undefined; };
const newcomer = () => Number(one(`SELECT r.id FROM residents r WHERE r.community_id = ${angongId} AND r.moved_out IS NULL
  AND r.ethnicity >= '02' AND r.ethnicity <= '56' AND r.birth_date >= '1970-01-01' AND r.phone_enc IS NOT NULL
  AND r.id NOT IN (SELECT resident_id FROM job_seekers) AND r.id NOT IN (SELECT resident_id FROM users WHERE resident_id IS NOT NULL)
  ORDER BY random() LIMIT 1`));
async function newSeeker(extra = {}) {
  const r = await worker.post('/api/v1/jobs/seekers', { resident_id: newcomer(), education: 'senior', registered_on: daysAgo(60), ...extra });
  assert.equal(r.status, 201, JSON.stringify(r.data));
  return r.data.id;
}

before(async () => {
  server = await startServer();
  api = client(server);
  worker = await api.as('angong');
  nanshan = await api.as('nanshan');
  resident = await api.as('resident');
  angongId = Number(one("SELECT id FROM places WHERE name = '安公社区'"));
});
after(async () => { await server.stop(); });

test('the demo: every training step of 2021 is a completed enrolment of its training', async () => {
  const list = (await worker.get(`/api/v1/jobs/trainings?community=${angongId}&year=2021&limit=100`)).data;
  assert.ok(list.total >= 3, 'trainings in 2021');
  const steps = sql(server.db, `SELECT seeker_id, step, on_date, training_id FROM job_steps WHERE community_id = ${angongId}
    AND step IN ('trained', 'practical_training') AND on_date >= '2021-01-01' AND on_date <= '2021-12-31'`);
  assert.ok(steps.length > 60);
  assert.ok(steps.every((s) => s[3] !== null && s[3] !== ''), 'every step names its training');
  const t = (await worker.get(`/api/v1/jobs/trainings/${steps[0][3]}`)).data;
  const e = t.enrolments.find((x) => x.seeker_id === Number(steps[0][0]));
  assert.equal(e.completed_on, steps[0][2]);
  assert.equal(e.attended, t.sessions.length);
  assert.equal(t.completed, t.enrolments.filter((x) => x.completed_on).length);
  assert.ok(t.cost_fen > 0 && t.paid_by);
  assert.equal((await nanshan.get(`/api/v1/jobs/trainings/${t.id}`)).status, 404);
});

test('a training: sessions inside its dates, attendance of the enrolled, completion needs 80% and writes the step', async () => {
  const bad = await worker.post('/api/v1/jobs/trainings', { community_id: angongId, course: '育婴员培训', kind: 'employment', provider: '职业技能培训学校', starts_on: daysAgo(30), ends_on: daysAgo(40), cost_fen: 100, paid_by: 'free' });
  assert.equal(bad.status, 422);
  assert.deepEqual(Object.keys(bad.data.error.details.fields).sort(), ['cost_fen', 'ends_on']);
  const id = (await worker.post('/api/v1/jobs/trainings', { community_id: angongId, course: '育婴员培训', kind: 'employment', provider: '职业技能培训学校', starts_on: daysAgo(30), ends_on: today, cost_fen: 360000, paid_by: 'government' })).data.id;
  assert.equal((await worker.post(`/api/v1/jobs/trainings/${id}/sessions`, { held_on: daysAgo(31), topic: '早了' })).status, 422);
  const sessions = [];
  for (let i = 0; i < 5; ++i) sessions.push((await worker.post(`/api/v1/jobs/trainings/${id}/sessions`, { held_on: daysAgo(25 - i * 5), topic: `第${i + 1}课` })).data.id);
  const seeker = await newSeeker();
  const outsider = await newSeeker();
  assert.equal((await worker.post(`/api/v1/jobs/trainings/${id}/enrolments`, { seeker_id: seeker, enrolled_on: daysAgo(30) })).status, 200);
  assert.equal((await worker.post(`/api/v1/jobs/trainings/${id}/enrolments`, { seeker_id: seeker })).status, 409);
  // Someone not enrolled cannot be marked present; nothing is written then.
  const notEnrolled = await worker.put(`/api/v1/jobs/training-sessions/${sessions[0]}/attendance`, { seeker_ids: [seeker, outsider] });
  assert.equal(notEnrolled.status, 422);
  assert.equal(Number(one(`SELECT count(*) FROM job_training_attendance WHERE session_id = ${sessions[0]}`)), 0);
  for (const s of sessions.slice(0, 3)) assert.equal((await worker.put(`/api/v1/jobs/training-sessions/${s}/attendance`, { seeker_ids: [seeker] })).status, 200);
  const short = await worker.post(`/api/v1/jobs/trainings/${id}/completions`, { seeker_id: seeker, completed_on: today });
  assert.equal(short.status, 409);
  assert.equal(short.data.error.code, 'attendance_short');
  await worker.put(`/api/v1/jobs/training-sessions/${sessions[3]}/attendance`, { seeker_ids: [seeker] });
  assert.equal((await worker.post(`/api/v1/jobs/trainings/${id}/completions`, { seeker_id: seeker, completed_on: today })).status, 200);
  assert.equal((await worker.post(`/api/v1/jobs/trainings/${id}/completions`, { seeker_id: seeker, completed_on: today })).status, 409);
  const path = (await worker.get(`/api/v1/jobs/seekers/${seeker}`)).data.steps;
  const step = path.find((s) => s.step === 'trained');
  assert.equal(step.training_id, id);
  assert.equal(step.on_date, today);
  const t = (await worker.get(`/api/v1/jobs/trainings/${id}`)).data;
  assert.deepEqual([t.sessions_count, t.enrolled, t.completed], [5, 1, 1]);
  assert.equal(t.sessions[0].attended, 1);
  assert.deepEqual(t.sessions[0].present, [seeker], 'who was there, so the sheet opens as marked');
  assert.deepEqual(t.sessions[4].present, []);
  assert.equal(t.sessions[4].attended, 0);
  assert.equal((await worker.get(`/api/v1/jobs/trainings?seeker=${seeker}`)).data.total, 1);
  assert.equal((await nanshan.post(`/api/v1/jobs/trainings/${id}/sessions`, { held_on: today, topic: 'x' })).status, 404);
});

test('a posting: candidates by skills, consent before sharing, the referral sheet holds only the shared, and the hire', async () => {
  const employer = Number(one(`SELECT id FROM job_employers WHERE community_id = ${angongId} ORDER BY id LIMIT 1`));
  const bad = await worker.post('/api/v1/jobs/postings', { employer_id: employer, title: '面点师', skills: '、 ', places: 2, wage_min_fen: 500000, wage_max_fen: 400000 });
  assert.equal(bad.status, 422);
  assert.deepEqual(Object.keys(bad.data.error.details.fields).sort(), ['skills', 'wage_max_fen']);
  assert.equal(Number(one('SELECT count(*) FROM job_postings WHERE title = \'面点师\'')), 0);
  const posting = (await worker.post('/api/v1/jobs/postings', { employer_id: employer, title: '藏餐面点师', skills: '藏餐烹饪，面点', places: 2, wage_min_fen: 450000, wage_max_fen: 600000, requirements: '能上早班' })).data.id;
  const asked = await newSeeker({ skills: '藏餐烹饪', consent_to_share: false });
  const standing = await newSeeker({ skills: '面点', wishes: '餐饮', consent_to_share: true });
  const candidates = (await worker.get(`/api/v1/jobs/postings/${posting}/candidates`)).data.items;
  const c = candidates.find((x) => x.seeker_id === asked);
  assert.ok(c && c.score > 0, 'the seeker with the skill is a candidate');
  assert.deepEqual(c.matched, ['藏餐烹饪']);
  assert.ok(candidates.every((x, i) => i === 0 || candidates[i - 1].score >= x.score), 'best first');

  const m1 = (await worker.post(`/api/v1/jobs/postings/${posting}/matches`, { seeker_id: asked })).data.id;
  const m2 = (await worker.post(`/api/v1/jobs/postings/${posting}/matches`, { seeker_id: standing })).data.id;
  assert.equal((await worker.post(`/api/v1/jobs/postings/${posting}/matches`, { seeker_id: asked })).status, 409);
  assert.equal((await worker.get(`/api/v1/jobs/matches/${m1}`)).data.status, 'proposed');
  const m2data = (await worker.get(`/api/v1/jobs/matches/${m2}`)).data;
  assert.deepEqual([m2data.status, m2data.consent_by], ['consented', 'registration']);
  // Not asked yet: the details do not go out.
  const refused = await worker.post(`/api/v1/jobs/matches/${m1}/share`);
  assert.equal(refused.status, 409);
  assert.equal(refused.data.error.code, 'consent_required');
  assert.equal((await worker.post(`/api/v1/jobs/matches/${m1}/consent`, { agree: true })).status, 422, 'a worker records how');
  assert.equal((await worker.post(`/api/v1/jobs/matches/${m1}/consent`, { agree: false, how: '电话询问，本人不愿意' })).status, 200);
  assert.equal((await worker.post(`/api/v1/jobs/matches/${m1}/share`)).status, 409);
  assert.equal((await worker.post(`/api/v1/jobs/matches/${m2}/share`)).status, 200);
  assert.equal((await worker.post(`/api/v1/jobs/matches/${m2}/consent`, { agree: false, how: '太晚' })).status, 409, 'already with the employer');
  const sheet = (await worker.post(`/api/v1/jobs/postings/${posting}/referrals`)).data.items;
  assert.deepEqual(sheet.map((x) => x.match_id), [m2]);
  assert.match(sheet[0].phone, /^1\d{10}$/, 'the full phone goes to the employer');
  assert.ok(Number(one(`SELECT count(*) FROM audit_log WHERE action = 'jobs.referral.printed' AND object_id = '${posting}'`)) === 1);

  // Hired for the posting: the match is the placement's; another employer's match is refused.
  const otherEmployer = Number(one(`SELECT id FROM job_employers WHERE community_id = ${angongId} AND id <> ${employer} ORDER BY id LIMIT 1`));
  assert.equal((await worker.post('/api/v1/jobs/placements', { seeker_id: standing, employer_id: otherEmployer, position: '面点师', started_on: today, match_id: m2 })).status, 422);
  const placed = await worker.post('/api/v1/jobs/placements', { seeker_id: standing, employer_id: employer, position: '面点师', started_on: today, match_id: m2 });
  assert.equal(placed.status, 201);
  const hired = (await worker.get(`/api/v1/jobs/matches/${m2}`)).data;
  assert.deepEqual([hired.status, hired.placement_id], ['hired', placed.data.id]);
  const p = (await worker.get(`/api/v1/jobs/postings/${posting}`)).data;
  assert.deepEqual([p.matched, p.shared, p.hired], [2, 1, 1]);
  assert.equal((await nanshan.get(`/api/v1/jobs/postings/${posting}/candidates`)).status, 404);
  assert.equal((await worker.post(`/api/v1/jobs/postings/${posting}/close`)).status, 200);
  assert.equal((await worker.post(`/api/v1/jobs/postings/${posting}/matches`, { seeker_id: await newSeeker() })).status, 409);
});

test('a resident answers for their own match on the phone, and sees no one else\'s', async () => {
  const me = (await resident.post('/api/v1/jobs/seekers', { education: 'senior', skills: '民族歌舞', consent_to_share: false }));
  assert.equal(me.status, 201);
  const posting = Number(one(`SELECT id FROM job_postings WHERE community_id = ${angongId} AND status = 'open' ORDER BY id LIMIT 1`));
  const mine = (await worker.post(`/api/v1/jobs/postings/${posting}/matches`, { seeker_id: me.data.id })).data.id;
  const list = (await resident.get('/api/v1/jobs/matches')).data;
  assert.deepEqual(list.items.map((m) => m.id), [mine]);
  const others = Number(one(`SELECT id FROM job_matches WHERE id <> ${mine} AND community_id = ${angongId} LIMIT 1`));
  assert.equal((await resident.get(`/api/v1/jobs/matches/${others}`)).status, 404);
  assert.equal((await resident.post(`/api/v1/jobs/matches/${others}/consent`, { agree: true })).status, 404);
  assert.equal((await resident.post(`/api/v1/jobs/matches/${mine}/share`)).status, 403);
  assert.equal((await resident.post(`/api/v1/jobs/matches/${mine}/consent`, { agree: true })).status, 200);
  const m = (await resident.get(`/api/v1/jobs/matches/${mine}`)).data;
  assert.deepEqual([m.status, m.consent_by], ['consented', 'resident']);
  assert.equal((await resident.get('/api/v1/jobs/postings')).status, 403);
});

test('an incubated project: founders get the step, milestones need evidence, it graduates into a founder\'s business', async () => {
  const founder = await newSeeker();
  const bad = await worker.post('/api/v1/jobs/incubations', { community_id: angongId, name: '无人', started_on: daysAgo(-3), founders: [] });
  assert.equal(bad.status, 422);
  assert.deepEqual(Object.keys(bad.data.error.details.fields).sort(), ['founders', 'started_on']);
  const id = (await worker.post('/api/v1/jobs/incubations', { community_id: angongId, name: '格桑花手作', brand: '格桑花', started_on: daysAgo(20), founders: [founder] })).data.id;
  assert.ok((await worker.get(`/api/v1/jobs/seekers/${founder}`)).data.steps.some((s) => s.step === 'incubation' && s.on_date === daysAgo(20)));
  assert.equal((await worker.post(`/api/v1/jobs/incubations/${id}/mentors`, { name: '扎西', expertise: '手工艺品设计' })).status, 201);
  const ms = (await worker.post(`/api/v1/jobs/incubations/${id}/milestones`, { title: '完成创业计划书', due_on: daysAgo(10) })).data.id;
  assert.equal((await worker.post(`/api/v1/jobs/incubation-milestones/${ms}/done`, { done_on: today })).status, 422);
  assert.equal((await worker.post(`/api/v1/jobs/incubation-milestones/${ms}/done`, { done_on: today, evidence: '计划书已归档' })).status, 200);
  // Graduating needs a business one of its founders registered.
  const stranger = Number(one(`SELECT id FROM job_businesses WHERE community_id = ${angongId} ORDER BY id LIMIT 1`));
  const wrong = await worker.post(`/api/v1/jobs/incubations/${id}/end`, { outcome: 'graduated', business_id: stranger, ended_on: today });
  assert.equal(wrong.status, 422);
  const residentId = (await worker.get(`/api/v1/jobs/seekers/${founder}`)).data.resident_id;
  const code = creditCode(`92510116${String(Date.now()).slice(-9)}`);
  const business = (await worker.post('/api/v1/jobs/businesses', { resident_id: residentId, seeker_id: founder, name: '格桑花手作工作室', kind: 'individual', credit_code: code, registered_on: today })).data.id;
  assert.equal((await worker.post(`/api/v1/jobs/incubations/${id}/end`, { outcome: 'graduated', business_id: business, ended_on: today })).status, 200);
  const x = (await worker.get(`/api/v1/jobs/incubations/${id}`)).data;
  assert.deepEqual([x.status, x.business_id, x.milestones_done, x.milestones_total, x.mentors.length, x.founders[0].seeker_id], ['graduated', business, 1, 1, 1, founder]);
  assert.equal((await worker.post(`/api/v1/jobs/incubations/${id}/milestones`, { title: '再来', due_on: today })).status, 409);
  assert.equal((await nanshan.get(`/api/v1/jobs/incubations/${id}`)).status, 404);
  // The demo's three brands graduated into their businesses.
  const demo = (await worker.get(`/api/v1/jobs/incubations?community=${angongId}&status=graduated&limit=50`)).data.items;
  assert.deepEqual(demo.map((d) => d.brand).filter((b) => b !== '格桑花').sort(), ['梦想直播间', '民族云创', '羌秀工坊'].sort());
  for (const d of demo) assert.ok(d.business_id, `${d.name} links its business`);
});

test('the funnel: conversion from the step before and the days between steps', async () => {
  const f = (await worker.get(`/api/v1/jobs/funnel?community=${angongId}&year=2021`)).data;
  const by = Object.fromEntries(f.steps.map((s) => [s.step, s]));
  assert.equal(by.registered.previous, '');
  assert.equal(by.placed.previous, 'practical_training');
  assert.equal(by.business_registered.previous, 'incubation');
  for (const s of f.steps.filter((x) => x.previous)) {
    assert.equal(s.previous_people, by[s.previous].people, s.step);
    assert.ok(Math.abs(s.of_previous - (s.previous_people ? s.people / s.previous_people : 0)) < 1e-9, s.step);
    if (s.people) assert.ok(s.median_days_from_previous !== null && s.median_days_from_previous <= s.median_days, s.step);
  }
  // Practical training is in June after training in May: about a month between them.
  assert.ok(by.practical_training.median_days_from_previous > 0 && by.practical_training.median_days_from_previous < 60);
});
