// Acting for others is a policy: household members and a group leader for their own group may
// book and sign up; nobody reads another resident's points or hours. Ids in bodies are checked
// in the writer's community.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, sql } from './helpers.mjs';

let server, api, angongId, nanshanId;
before(async () => {
  server = await startServer();
  api = client(server);
  angongId = Number(sql(server.db, "SELECT id FROM places WHERE name = '安公社区'")[0][0]);
  nanshanId = Number(sql(server.db, "SELECT id FROM places WHERE name = '南山社区'")[0][0]);
});
after(async () => { await server.stop(); });

const one = (q) => Number(sql(server.db, q)[0][0]);

test("nobody reads another resident's points or hours: not a household member, a liaison or a group leader", async () => {
  const resident = await api.as('resident');
  const me = one("SELECT resident_id FROM users WHERE username = 'resident'");
  const member = one(`SELECT r.id FROM residents r JOIN residents me ON me.household_id = r.household_id WHERE me.id = ${me} AND r.id <> ${me} LIMIT 1`);
  assert.equal((await resident.get('/api/v1/volunteer/points')).status, 200);
  for (const path of [`/api/v1/volunteer/points?resident=${member}`, `/api/v1/volunteer/records?resident=${member}`]) {
    const r = await resident.get(path);
    assert.equal(r.status, 422, path);
  }
  const liaison = await api.as('liaison');
  const paired = one("SELECT x.resident_id FROM pairings x JOIN users u ON u.resident_id = x.liaison_resident_id WHERE u.username = 'liaison' AND x.to_date IS NULL LIMIT 1");
  assert.equal((await liaison.get(`/api/v1/volunteer/points?resident=${paired}`)).status, 422);
  assert.equal((await liaison.get(`/api/v1/volunteer/records?resident=${paired}`)).status, 422);
  const leader = await api.as('leader');
  const grid = one("SELECT scope_place_id FROM users WHERE username = 'leader'");
  const neighbour = one(`SELECT id FROM residents WHERE grid_id = ${grid} AND moved_out IS NULL AND id NOT IN (SELECT resident_id FROM users WHERE resident_id IS NOT NULL) LIMIT 1`);
  assert.equal((await leader.get(`/api/v1/volunteer/points?resident=${neighbour}`)).status, 422);
  assert.equal((await leader.get(`/api/v1/volunteer/records?resident=${neighbour}`)).status, 422);
});

test('a household member may sign up for a member; a liaison may not sign up a paired resident', async () => {
  const vlead = await api.as('vlead');
  const [[org]] = sql(server.db, `SELECT id FROM organizations WHERE community_id = ${angongId} AND kind = 'volunteer_team' LIMIT 1`);
  const start = new Date(Date.now() + 3 * 86400e3);
  const iso = (d) => new Date(d.getTime() + 8 * 3600e3).toISOString().slice(0, 19) + '+08:00';
  const created = await vlead.post('/api/v1/volunteer/activities', {
    organization_id: Number(org), title: '代报名测试', starts_at: iso(start), ends_at: iso(new Date(start.getTime() + 2 * 3600e3)),
    place: '社区广场', capacity: 10, kind: 'social_service',
  });
  assert.equal(created.status, 201, JSON.stringify(created.data));
  const id = created.data.id;
  const me = one("SELECT resident_id FROM users WHERE username = 'resident'");
  const member = one(`SELECT r.id FROM residents r JOIN residents me ON me.household_id = r.household_id WHERE me.id = ${me} AND r.id <> ${me} AND r.moved_out IS NULL LIMIT 1`);
  const resident = await api.as('resident');
  const forMember = await resident.post(`/api/v1/volunteer/activities/${id}/signups`, { resident_id: member });
  assert.equal(forMember.status, 201, JSON.stringify(forMember.data));
  const [[by]] = sql(server.db, `SELECT signed_up_by FROM volunteer_signups WHERE activity_id = ${id} AND resident_id = ${member}`);
  assert.equal(Number(by), one("SELECT id FROM users WHERE username = 'resident'"), 'the acting account is recorded');
  const liaison = await api.as('liaison');
  const paired = one(`SELECT x.resident_id FROM pairings x JOIN users u ON u.resident_id = x.liaison_resident_id WHERE u.username = 'liaison' AND x.to_date IS NULL LIMIT 1`);
  const refused = await liaison.post(`/api/v1/volunteer/activities/${id}/signups`, { resident_id: paired });
  assert.equal(refused.status, 422);
  assert.equal(one(`SELECT count(*) FROM volunteer_signups WHERE activity_id = ${id} AND resident_id = ${paired}`), 0);
});

test("a resident matches only their own mutual-aid request or offer", async () => {
  const nanshan = await api.as('nanshan');
  const others = sql(server.db, `SELECT id FROM residents WHERE community_id = ${nanshanId} AND moved_out IS NULL AND id NOT IN (SELECT resident_id FROM users WHERE resident_id IS NOT NULL) LIMIT 2`).map(([x]) => Number(x));
  const request = await nanshan.post('/api/v1/mutual-aid', { kind: 'request', resident_id: others[0], age_group: 'elderly', title: '代买药品' });
  const offer = await nanshan.post('/api/v1/mutual-aid', { kind: 'offer', resident_id: others[1], age_group: 'elderly', title: '可以帮忙跑腿' });
  assert.equal(request.status, 201, JSON.stringify(request.data));
  assert.equal(offer.status, 201, JSON.stringify(offer.data));
  const leader = await api.as('leader');
  const r = await leader.post(`/api/v1/mutual-aid/${request.data.id}/match`, { offer_id: offer.data.id });
  assert.ok([404, 422].includes(r.status), `matched two other residents' items: ${r.status}`);
  assert.equal(sql(server.db, `SELECT status FROM mutual_aid WHERE id = ${request.data.id}`)[0][0], 'open');
});

test("ids in a body must lie in the writer's community (422 naming the field)", async () => {
  const treasurer = await api.as('treasurer');
  const foreignResident = one(`SELECT id FROM residents WHERE community_id = ${nanshanId} LIMIT 1`);
  const d = await treasurer.post('/api/v1/charity/donations', {
    community_id: angongId, channel: 'public_collection', donor_kind: 'resident', donor_resident_id: foreignResident, amount: '10', donated_on: '2021-05-01',
  });
  assert.equal(d.status, 422);
  assert.ok(d.data.error.details.fields.donor_resident_id);
  const angong = await api.as('angong');
  const c = await angong.post('/api/v1/cases', {
    community_id: angongId, kind: 'mediation', title: '测试', applicant_resident_id: foreignResident, respondent: '某人', facts: '测试', location: '安公', channel: 'walk_in',
  });
  assert.equal(c.status, 422);
  assert.ok(c.data.error.details.fields.applicant_resident_id);
  const foreignOrg = one(`SELECT id FROM organizations WHERE community_id = ${nanshanId} LIMIT 1`);
  const s = await angong.post('/api/v1/study-sessions', { community_id: angongId, kind: 'party_lecture', held_on: '2021-11-20', topic: '测试', organization_id: foreignOrg });
  assert.equal(s.status, 422);
  assert.ok(s.data.error.details.fields.organization_id);
  const [[project]] = sql(server.db, `SELECT id FROM charity_projects WHERE community_id = ${angongId} LIMIT 1`);
  const disb = await treasurer.post('/api/v1/charity/disbursements', { project_id: Number(project), amount: '1', beneficiary_kind: 'organization', organization_id: foreignOrg, purpose: '测试' });
  assert.equal(disb.status, 422);
  assert.ok(disb.data.error.details.fields.organization_id);
});

test("the books check covers the caller's own communities", async () => {
  const treasurer = await api.as('treasurer');
  const mine = await treasurer.get('/api/v1/charity/books');
  assert.equal(mine.status, 200);
  const admin = await api.as('admin');
  const all = await admin.get('/api/v1/charity/books');
  const angongTx = one(`SELECT count(*) FROM charity_transactions WHERE community_id = ${angongId}`);
  assert.equal(mine.data.transactions, angongTx);
  assert.equal(all.data.transactions, one('SELECT count(*) FROM charity_transactions'));
});

test('the resident sees who booked or signed up for them', async () => {
  const me = one("SELECT resident_id FROM users WHERE username = 'resident'");
  const member = one(`SELECT r.id FROM residents r JOIN residents me ON me.household_id = r.household_id WHERE me.id = ${me} AND r.id <> ${me} AND r.moved_out IS NULL LIMIT 1`);
  // The member gets an account of their own to look at it.
  const { execFileSync } = await import('node:child_process');
  execFileSync(process.env.TONGXIN_BIN, ['user', 'add', '--db', server.db, '--username', 'member1', '--role', 'resident', '--community', String(angongId), '--password-stdin'], { input: 'Member-pass-2021\n' });
  sql(server.db, `UPDATE users SET scope_kind = 'self', scope_place_id = NULL, resident_id = ${member} WHERE username = 'member1'`);
  const mine = await api.login('member1', 'Member-pass-2021');
  const activities = await api.request('GET', `/api/v1/volunteer/activities?limit=100`, { token: mine });
  const signed = activities.data.items.find((a) => a.mine);
  assert.ok(signed, 'the sign-up made by the household member shows');
  assert.equal(signed.mine.acted_by, sql(server.db, "SELECT display_name FROM users WHERE username = 'resident'")[0][0]);
});
