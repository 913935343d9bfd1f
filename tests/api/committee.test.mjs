// The unity committee platform: officers and the households they are responsible for, coverage,
// the officers' log, needs and their follow-up, and activities residents organise themselves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, sql } from './helpers.mjs';

let server, api, worker, officer, resident, angongId, nanshanId, officerResident;
const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));
const one = (q) => { const r = sql(server.db, q); return r.length ? r[0][0] : undefined; };

before(async () => {
  server = await startServer();
  api = client(server);
  worker = await api.as('angong');
  officer = await api.as('officer');
  resident = await api.as('resident');
  angongId = Number(one("SELECT id FROM places WHERE name = '安公社区'"));
  nanshanId = Number(one("SELECT id FROM places WHERE name = '南山社区'"));
  officerResident = Number(one("SELECT resident_id FROM users WHERE username = 'officer'"));
});
after(async () => { await server.stop(); });

const kpi = async (id, y = 2021, community = angongId, who = worker) => {
  const r = await who.get(`/api/v1/reports/kpis?community=${community}&year=${y}`);
  return r.data.items.find((i) => i.id === id);
};

test('the demo: 12 officers cover every minority household, ~100 self-organised activities in 2021', async () => {
  const officers = await worker.get(`/api/v1/committee/officers?community=${angongId}&year=2021`);
  assert.equal(officers.status, 200);
  assert.equal(officers.data.total, 12);
  assert.equal((await kpi('selfhelp.liaison_officers')).value, 12);
  assert.ok(officers.data.items.every((o) => o.households > 0 && o.contacts > 0), 'every officer has households and a log');
  const cov = await worker.get(`/api/v1/committee/coverage?community=${angongId}&as_of=2021-12-31`);
  assert.equal(cov.status, 200);
  assert.ok(cov.data.households > 300);
  assert.equal(cov.data.assigned, cov.data.households);
  assert.equal(cov.data.gaps.length, 0);
  assert.equal(cov.data.by_building.reduce((s, b) => s + b.households, 0), cov.data.households);
  // The figure is the records: registered activities held in 2021, each with its ethnic mix.
  const k = await kpi('selfhelp.activities');
  assert.ok(k.value >= 90 && k.value <= 100, `selfhelp.activities ${k.value}`);
  const rec = await worker.get(`/api/v1/reports/kpis/selfhelp.activities/records?community=${angongId}&year=2021&limit=500`);
  assert.equal(rec.data.total, k.value);
  assert.equal(rec.data.items.length, k.value);
  assert.ok(rec.data.items.every((i) => i.participants > 0 && /族 \d+/.test(i.ethnic_mix)), 'each record names its ethnic mix');
  const counted = Number(one(`SELECT count(*) FROM selfhelp_activities WHERE community_id = ${angongId} AND status = 'registered' AND held_on LIKE '2021-%'`));
  assert.equal(k.value, counted);
  // Needs that became other platforms' records link to them.
  const linked = sql(server.db, `SELECT handler, linked_id FROM committee_needs WHERE community_id = ${angongId} AND linked_id IS NOT NULL`);
  assert.ok(linked.length >= 20);
  for (const [handler, id] of linked) {
    const table = { rights_case: 'cases', fund_disbursement: 'charity_disbursements', mutual_aid: 'mutual_aid', jobs: 'job_seekers' }[handler];
    assert.equal(one(`SELECT community_id FROM ${table} WHERE id = ${id}`), String(angongId), `${handler} ${id}`);
  }
});

test('reassigning a household keeps the history and moves what the officer account sees', async () => {
  const mine = await officer.get('/api/v1/committee/assignments?limit=500');
  assert.equal(mine.status, 200);
  assert.ok(mine.data.total > 0);
  assert.ok(mine.data.items.every((a) => a.officer_resident_id === officerResident));
  const household = mine.data.items[0].household_id;
  const others = (await worker.get(`/api/v1/committee/officers?community=${angongId}`)).data.items;
  const next = others.find((o) => o.resident_id !== officerResident);
  const earlier = (await worker.get(`/api/v1/committee/assignments?household=${household}&active=0`)).data.total;
  const r = await worker.post('/api/v1/committee/assignments', { household_id: household, officer_resident_id: next.resident_id, from_date: today, reason: '分工调整' });
  assert.equal(r.status, 201, JSON.stringify(r.data));
  const history = (await worker.get(`/api/v1/committee/assignments?household=${household}&active=0`)).data.items;
  assert.equal(history.length, earlier + 1);
  assert.ok(history.some((a) => a.to_date === today && a.officer_resident_id === officerResident), 'the old assignment ends today');
  assert.equal((await officer.get(`/api/v1/committee/assignments?household=${household}&active=0`)).data.total, 0, 'the old officer no longer sees it');
  const again = await worker.post('/api/v1/committee/assignments', { household_id: household, officer_resident_id: next.resident_id });
  assert.equal(again.status, 409);
  // A Han-only household needs no officer; a resident who is not an officer cannot be one.
  const han = one(`SELECT h.id FROM households h WHERE h.community_id = ${angongId} AND NOT EXISTS (SELECT 1 FROM residents r WHERE r.household_id = h.id AND r.ethnicity <> '01') AND EXISTS (SELECT 1 FROM residents r WHERE r.household_id = h.id) LIMIT 1`);
  const bad = await worker.post('/api/v1/committee/assignments', { household_id: Number(han), officer_resident_id: next.resident_id });
  assert.equal(bad.status, 422);
  assert.equal(bad.data.error.details.fields.household_id.code, 'no_minority_member');
  const notOfficer = one(`SELECT id FROM residents WHERE community_id = ${angongId} AND moved_out IS NULL AND id NOT IN (SELECT resident_id FROM org_posts) LIMIT 1`);
  const bad2 = await worker.post('/api/v1/committee/assignments', { household_id: history[0].household_id, officer_resident_id: Number(notOfficer) });
  assert.equal(bad2.data.error.details.fields.officer_resident_id.code, 'not_officer');
  // Ending it opens a gap in the coverage, listed by address.
  const current = history.find((a) => !a.to_date);
  assert.equal((await worker.post(`/api/v1/committee/assignments/${current.id}/end`, { date: today, reason: '测试' })).status, 200);
  const cov = await worker.get(`/api/v1/committee/coverage?community=${angongId}&as_of=${today}`);
  assert.ok(cov.data.gaps.some((g) => g.household_id === household && g.minority_members.includes('族')));
  assert.equal(cov.data.households - cov.data.assigned, cov.data.gaps.length);
  assert.equal((await worker.post(`/api/v1/committee/assignments/${current.id}/end`, { date: today })).status, 409);
});

test('an officer logs contacts and care for their own households only, with clear errors', async () => {
  const household = (await officer.get('/api/v1/committee/assignments')).data.items[0].household_id;
  const before = Number(one(`SELECT count(*) FROM officer_contacts`));
  const ok = await officer.post('/api/v1/committee/contacts', { household_id: household, channel: 'home_visit', purpose: 'care', care_what: '送去慰问品', value_fen: 20000, helpers: '楼栋长', summary: '春节慰问' });
  assert.equal(ok.status, 201, JSON.stringify(ok.data));
  const got = await officer.get(`/api/v1/committee/contacts/${ok.data.id}`);
  assert.equal(got.data.officer_resident_id, officerResident);
  assert.equal(got.data.value_fen, 20000);
  const notMine = one(`SELECT household_id FROM officer_assignments WHERE community_id = ${angongId} AND to_date IS NULL AND officer_resident_id <> ${officerResident} LIMIT 1`);
  const refused = await officer.post('/api/v1/committee/contacts', { household_id: Number(notMine), channel: 'phone', summary: '问候' });
  assert.equal(refused.status, 422);
  assert.equal(refused.data.error.details.fields.household_id.code, 'unknown_household');
  const noWhat = await officer.post('/api/v1/committee/contacts', { household_id: household, channel: 'phone', purpose: 'care' }, { headers: { 'accept-language': 'zh-CN' } });
  assert.equal(noWhat.status, 422);
  assert.equal(noWhat.data.error.details.fields.care_what.code, 'required');
  assert.match(noWhat.data.error.message, /[\u4e00-\u9fff]/);
  const future = await officer.post('/api/v1/committee/contacts', { household_id: household, channel: 'phone', summary: 'x', contacted_on: `${year + 1}-01-01` });
  assert.equal(future.data.error.details.fields.contacted_on.code, 'in_future');
  const negative = await officer.post('/api/v1/committee/contacts', { household_id: household, channel: 'phone', purpose: 'care', care_what: 'x', value_fen: -5 });
  assert.equal(negative.status, 422);
  const badChannel = await officer.post('/api/v1/committee/contacts', { household_id: household, channel: 'letter', summary: 'x' });
  assert.equal(badChannel.data.error.details.fields.channel.code, 'invalid_choice');
  assert.equal(Number(one(`SELECT count(*) FROM officer_contacts`)), before + 1, 'refused entries leave nothing behind');
  const list = await officer.get('/api/v1/committee/contacts?limit=500');
  const households = new Set((await officer.get('/api/v1/committee/assignments?limit=500')).data.items.map((a) => a.household_id));
  assert.ok(list.data.items.every((c) => households.has(c.household_id)), 'the officer sees only their households');
  assert.equal((await officer.get('/api/v1/committee/home')).status, 403, 'the home page is the committee staff\'s');
});

test('a need is followed from "a neighbour told the officer" to solved, with referral links checked', async () => {
  const household = (await officer.get('/api/v1/committee/assignments')).data.items[0].household_id;
  const raised = await officer.post('/api/v1/committee/needs', { household_id: household, kind: 'dispute', description: '楼上漏水，邻里协商未果', raised_on: '2021-03-01' });
  assert.equal(raised.status, 201, JSON.stringify(raised.data));
  let need = (await worker.get(`/api/v1/committee/needs/${raised.data.id}`)).data;
  assert.equal(need.status, 'open');
  assert.equal(need.due_on, '2021-03-15');
  assert.equal(need.overdue, true);
  assert.equal(need.officer_resident_id, officerResident);
  const home = (await worker.get(`/api/v1/committee/home?community=${angongId}`)).data;
  assert.ok(home.overdue.some((n) => n.id === raised.data.id));
  assert.equal(home.officers, 12);
  const overdue = await worker.get(`/api/v1/committee/needs?community=${angongId}&overdue=1&limit=200`);
  assert.ok(overdue.data.items.every((n) => n.overdue && ['open', 'referred'].includes(n.status)));
  // A case of the other community is not a record this need can become.
  const foreignCase = one(`SELECT id FROM cases WHERE community_id = ${nanshanId} LIMIT 1`);
  const ownCase = one(`SELECT id FROM cases WHERE community_id = ${angongId} LIMIT 1`);
  if (foreignCase) {
    const bad = await worker.patch(`/api/v1/committee/needs/${raised.data.id}`, { handler: 'rights_case', linked_id: Number(foreignCase) });
    assert.equal(bad.data.error.details.fields.linked_id.code, 'not_found');
  }
  const referred = await worker.patch(`/api/v1/committee/needs/${raised.data.id}`, { handler: 'rights_case', linked_id: Number(ownCase), due_on: `${year + 1}-01-31` });
  assert.equal(referred.status, 200, JSON.stringify(referred.data));
  need = (await worker.get(`/api/v1/committee/needs/${raised.data.id}`)).data;
  assert.equal(need.status, 'referred');
  assert.equal(need.linked_id, Number(ownCase));
  assert.equal(need.overdue, false);
  const noOutcome = await worker.patch(`/api/v1/committee/needs/${raised.data.id}`, { status: 'solved' });
  assert.equal(noOutcome.data.error.details.fields.outcome.code, 'required');
  const solved = await worker.patch(`/api/v1/committee/needs/${raised.data.id}`, { status: 'solved', outcome: '经调解双方达成协议' });
  assert.equal(solved.status, 200);
  need = (await worker.get(`/api/v1/committee/needs/${raised.data.id}`)).data;
  assert.equal(need.solved_on, today);
  assert.equal((await worker.patch(`/api/v1/committee/needs/${raised.data.id}`, { outcome: '改' })).status, 409);
  const audit = sql(server.db, `SELECT action FROM audit_log WHERE object_type = 'need' AND object_id = '${raised.data.id}'`);
  assert.equal(audit.length, 2);
  const badKind = await officer.post('/api/v1/committee/needs', { household_id: household, kind: 'weather', description: 'x' });
  assert.equal(badKind.data.error.details.fields.kind.code, 'invalid_choice');
  const jobsLink = await worker.patch(`/api/v1/committee/needs/${(await officer.post('/api/v1/committee/needs', { household_id: household, kind: 'job', description: '求职' })).data.id}`, { handler: 'committee', linked_id: 5 });
  assert.equal(jobsLink.data.error.details.fields.linked_id.code, 'no_linked_records');
});

test('a resident proposes an activity on the phone; the committee registers it; the figure moves by one', async () => {
  const proposed = await resident.post('/api/v1/selfhelp/activities', { title: '楼栋锅庄舞交流', place: '安公小区中心广场', held_on: today, expected: 20 });
  assert.equal(proposed.status, 201, JSON.stringify(proposed.data));
  const mine = await resident.get('/api/v1/selfhelp/activities');
  assert.equal(mine.status, 200);
  assert.ok(mine.data.items.some((a) => a.id === proposed.data.id && a.status === 'proposed'));
  const residentId = Number(one("SELECT resident_id FROM users WHERE username = 'resident'"));
  assert.ok(mine.data.items.every((a) => a.organiser_resident_id === residentId), 'a resident sees only their own');
  const past = await resident.post('/api/v1/selfhelp/activities', { title: 'x', place: 'y', held_on: '2021-01-01' });
  assert.equal(past.data.error.details.fields.held_on.code, 'in_past');
  assert.equal((await resident.post(`/api/v1/selfhelp/activities/${proposed.data.id}/decision`, { decision: 'registered' })).status, 403);

  const before = (await kpi('selfhelp.activities', year)).value;
  const reg = await worker.post(`/api/v1/selfhelp/activities/${proposed.data.id}/decision`, { decision: 'registered' });
  assert.equal(reg.status, 200);
  assert.equal((await kpi('selfhelp.activities', year)).value, before + 1);
  assert.equal((await worker.post(`/api/v1/selfhelp/activities/${proposed.data.id}/decision`, { decision: 'declined', note: 'x' })).status, 409);
  const people = sql(server.db, `SELECT id FROM residents WHERE community_id = ${angongId} AND moved_out IS NULL ORDER BY id LIMIT 3`).map((r) => Number(r[0]));
  const foreign = Number(one(`SELECT id FROM residents WHERE community_id = ${nanshanId} LIMIT 1`));
  const bad = await worker.post(`/api/v1/selfhelp/activities/${proposed.data.id}/participants`, { resident_ids: [people[0], foreign] });
  assert.equal(bad.data.error.details.fields.resident_ids.code, 'not_in_community');
  const added = await worker.post(`/api/v1/selfhelp/activities/${proposed.data.id}/participants`, { resident_ids: [...people, people[0]] });
  assert.equal(added.status, 200);
  assert.equal(added.data.added, 3);
  const got = (await worker.get(`/api/v1/selfhelp/activities/${proposed.data.id}`)).data;
  assert.equal(got.participants, 3);
  assert.equal(got.participant_list.length, 3);
  assert.equal(got.ethnic_mix.reduce((s, e) => s + e.count, 0), 3);
  assert.equal((await resident.post(`/api/v1/selfhelp/activities/${proposed.data.id}/decision`, { decision: 'withdrawn' })).status, 409, 'not once people took part');

  // What does not qualify leaves the figure alone: declined, withdrawn, another year, another community.
  const mk = async (who, body) => (await who.post('/api/v1/selfhelp/activities', { title: '测试', place: '活动室', ...body })).data.id;
  const organiser = people[1];
  const declined = await mk(worker, { organiser_resident_id: organiser, held_on: today });
  assert.equal((await worker.post(`/api/v1/selfhelp/activities/${declined}/decision`, { decision: 'declined' })).data.error.details.fields.note.code, 'required');
  await worker.post(`/api/v1/selfhelp/activities/${declined}/decision`, { decision: 'declined', note: '时间冲突' });
  const withdrawn = await mk(resident, { held_on: today });
  assert.equal((await resident.post(`/api/v1/selfhelp/activities/${withdrawn}/decision`, { decision: 'withdrawn' })).status, 200);
  const lastYear = await mk(worker, { organiser_resident_id: organiser, held_on: `${year - 1}-06-01` });
  await worker.post(`/api/v1/selfhelp/activities/${lastYear}/decision`, { decision: 'registered' });
  const nanshan = await api.as('nanshan');
  const there = await mk(nanshan, { organiser_resident_id: foreign, held_on: today });
  assert.equal((await nanshan.post(`/api/v1/selfhelp/activities/${there}/decision`, { decision: 'registered' })).status, 200);
  assert.equal((await kpi('selfhelp.activities', year)).value, before + 1);
  assert.ok((await kpi('selfhelp.activities', year, nanshanId, nanshan)).value >= 1);
  // A community worker cannot name an organiser of another community.
  const cross = await worker.post('/api/v1/selfhelp/activities', { title: 'x', place: 'y', held_on: today, organiser_resident_id: foreign });
  assert.equal(cross.data.error.details.fields.organiser_resident_id.code, 'not_found');
});
