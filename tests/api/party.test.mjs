import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, sql } from './helpers.mjs';

let server, api, worker, angongId;
before(async () => {
  server = await startServer();
  api = client(server);
  worker = await api.as('angong');
  angongId = Number(sql(server.db, "SELECT id FROM places WHERE name = '安公社区'")[0][0]);
});
after(async () => { await server.stop(); });

const kpi = async (id, year = 2021) => {
  const r = await worker.get(`/api/v1/reports/kpis?community=${angongId}&year=${year}`);
  return r.data.items.find((i) => i.id === id);
};

test('the demo reproduces the party and self-governance figures of 2021 from records', async () => {
  assert.equal((await kpi('party.minority_members')).value, 26);
  assert.equal((await kpi('party.ethnic_work_groups')).value, 4);
  assert.equal((await kpi('party.liaison_coverage')).value, 1);
  assert.equal((await kpi('governance.minority_backbones')).value, 18);
  assert.equal((await kpi('outcomes.minority_backbones')).value, 38);
  assert.equal((await kpi('selfhelp.liaison_officers')).value, 12);
  assert.equal((await kpi('societies.count')).value, 11);
  assert.equal((await kpi('societies.members')).value, 355);
  assert.ok((await kpi('societies.events')).value >= 100);
});

test('every count drills down to exactly its records', async () => {
  for (const id of ['party.minority_members', 'party.ethnic_work_groups', 'governance.minority_backbones',
    'outcomes.minority_backbones', 'selfhelp.liaison_officers', 'societies.count', 'societies.members', 'societies.events']) {
    const k = await kpi(id);
    const r = await worker.get(`/api/v1/reports/kpis/${id}/records?community=${angongId}&year=2021&limit=1000`);
    assert.equal(r.data.total, k.value, id);
    assert.equal(r.data.items.length, k.value, id);
  }
  const cov = await worker.get(`/api/v1/reports/kpis/party.liaison_coverage/records?community=${angongId}&year=2021&limit=1000`);
  const paired = cov.data.items.filter((i) => i.liaison).length;
  assert.equal(paired, cov.data.items.length);
});

test('coverage by grid and building matches the unpaired list', async () => {
  const minority = sql(server.db, `SELECT r.id, r.household_id FROM residents r WHERE r.community_id = ${angongId} AND r.moved_out IS NULL AND r.ethnicity BETWEEN '02' AND '56' ORDER BY r.id LIMIT 1`)[0];
  const pairing = (await worker.get(`/api/v1/liaisons?resident=${minority[0]}`)).data.items[0];
  assert.ok(pairing, 'the resident has an active pairing');
  const ended = await worker.post(`/api/v1/liaisons/${pairing.id}/end`, { date: '2021-06-01', reason: '测试' });
  assert.equal(ended.status, 200);
  const today = new Date().toISOString().slice(0, 10);
  const cov = await worker.get(`/api/v1/liaisons/coverage?community=${angongId}&as_of=${today}`);
  assert.equal(cov.status, 200);
  assert.equal(cov.data.minority - cov.data.paired, cov.data.unpaired.length);
  assert.ok(cov.data.unpaired.some((u) => u.id === Number(minority[0])));
  const sumGrid = cov.data.by_grid.reduce((s, g) => s + g.paired, 0);
  const sumBuilding = cov.data.by_building.reduce((s, b) => s + b.paired, 0);
  assert.equal(sumGrid, cov.data.paired);
  assert.equal(sumBuilding, cov.data.paired);
  assert.ok((await kpi('party.liaison_coverage', new Date().getFullYear())).value < 1);
});

test('re-pairing keeps the history; pairing checks ethnicity, party membership and community', async () => {
  const [resident] = sql(server.db, `SELECT id FROM residents WHERE community_id = ${angongId} AND moved_out IS NULL AND ethnicity = '07' ORDER BY id DESC LIMIT 1`)[0];
  const members = (await worker.get(`/api/v1/party-members?community=${angongId}&limit=5`)).data.items;
  const current = (await worker.get(`/api/v1/liaisons?resident=${resident}`)).data.items[0];
  const next = members.find((m) => m.id !== current.liaison_resident_id && m.id !== Number(resident));
  const r = await worker.post('/api/v1/liaisons', { resident_id: Number(resident), liaison_resident_id: next.id, from_date: '2021-10-01', reason: '联络人调整' });
  assert.equal(r.status, 201, JSON.stringify(r.data));
  const history = sql(server.db, `SELECT liaison_resident_id, to_date FROM pairings WHERE resident_id = ${resident} ORDER BY id`);
  assert.ok(history.length >= 2);
  assert.equal(history.at(-2)[1], '2021-10-01');
  assert.equal(history.at(-1)[1], '');
  const han = sql(server.db, `SELECT id FROM residents WHERE community_id = ${angongId} AND ethnicity = '01' AND moved_out IS NULL LIMIT 1`)[0][0];
  const notMinority = await worker.post('/api/v1/liaisons', { resident_id: Number(han), liaison_resident_id: next.id });
  assert.equal(notMinority.data.error.details.fields.resident_id.code, 'not_minority');
  const nonMember = sql(server.db, `SELECT id FROM residents WHERE community_id = ${angongId} AND political_status = '13' AND moved_out IS NULL LIMIT 1`)[0][0];
  const bad = await worker.post('/api/v1/liaisons', { resident_id: Number(resident), liaison_resident_id: Number(nonMember) });
  assert.equal(bad.data.error.details.fields.liaison_resident_id.code, 'not_party_member');
});

test('a liaison sees only the households paired with them, and records visits there', async () => {
  const liaison = await api.as('liaison');
  const me = (await liaison.get('/api/v1/auth/me')).data;
  const mine = sql(server.db, `SELECT DISTINCT household_id FROM pairings WHERE liaison_resident_id = ${me.resident_id} AND to_date IS NULL`).map((r) => Number(r[0]));
  assert.ok(mine.length > 0);
  const list = await liaison.get('/api/v1/residents?limit=500');
  assert.equal(list.status, 200);
  assert.ok(list.data.items.every((r) => mine.includes(r.household_id)));
  const other = sql(server.db, `SELECT id, household_id FROM residents WHERE community_id = ${angongId} AND household_id NOT IN (${mine.join(',')}) LIMIT 1`)[0];
  assert.equal((await liaison.get(`/api/v1/residents/${other[0]}`)).status, 404);
  const visit = await liaison.post('/api/v1/visits', { household_id: mine[0], kind: 'home', findings: '身体好', needs: '就业信息' });
  assert.equal(visit.status, 201, JSON.stringify(visit.data));
  const refused = await liaison.post('/api/v1/visits', { household_id: Number(other[1]), kind: 'home' });
  assert.equal(refused.status, 422);
  const visits = await liaison.get('/api/v1/visits?limit=100');
  assert.ok(visits.data.items.every((v) => mine.includes(v.household_id)));
  const open = visits.data.items.find((v) => v.id === visit.data.id);
  assert.equal(open.follow_up_status, 'open');
  assert.equal((await liaison.patch(`/api/v1/visits/${visit.data.id}`, { follow_up_status: 'done', follow_up: '已推荐岗位' })).status, 200);
});

test('the overdue list holds paired households without a visit in the window', async () => {
  const r = await worker.get(`/api/v1/visits/overdue?community=${angongId}&days=90&as_of=2021-12-31`);
  assert.equal(r.status, 200);
  assert.ok(r.data.total > 0);
  const hh = r.data.items[0].household_id;
  const recent = sql(server.db, `SELECT count(*) FROM visits WHERE household_id = ${hh} AND visit_date > '2021-10-02' AND visit_date <= '2021-12-31'`)[0][0];
  assert.equal(recent, '0');
  assert.equal((await worker.get('/api/v1/visits/overdue?days=0')).status, 400);
});

test('study sessions record attendance; ethnic-policy topics are flagged', async () => {
  const members = (await worker.get(`/api/v1/party-members?community=${angongId}&limit=3`)).data.items.map((m) => m.id);
  const r = await worker.post('/api/v1/study-sessions', { community_id: angongId, kind: 'party_lecture', held_on: '2021-11-20', topic: '铸牢中华民族共同体意识', ethnic_policy: true, attendees: members });
  assert.equal(r.status, 201);
  const list = await worker.get(`/api/v1/study-sessions?community=${angongId}&limit=500`);
  const mine = list.data.items.find((s) => s.id === r.data.id);
  assert.equal(mine.attendance, members.length);
  assert.equal(mine.ethnic_policy, true);
  assert.equal((await worker.post('/api/v1/study-sessions', { community_id: angongId, kind: 'party_lecture', held_on: '2021-13-01', topic: 'x' })).status, 422);
});

test('organizations keep past posts; ending a post removes it from the figures', async () => {
  const orgs = await worker.get(`/api/v1/organizations?kind=deliberation_council&community=${angongId}`);
  const council = orgs.data.items[0];
  const detail = await worker.get(`/api/v1/organizations/${council.id}`);
  const minorityPost = detail.data.posts.find((p) => p.minority && p.backbone);
  const before = (await kpi('governance.minority_backbones', 2022)).value;
  const end = await worker.post(`/api/v1/organizations/${council.id}/members/${minorityPost.id}/end`, { date: '2022-01-01', reason: '换届' });
  assert.equal(end.status, 200);
  assert.ok(end.data.past_posts.some((p) => p.id === minorityPost.id && p.term_to === '2022-01-01'));
  assert.equal((await kpi('governance.minority_backbones', 2022)).value, before - 1);
  assert.equal((await kpi('governance.minority_backbones', 2021)).value, 18, '2021 is unchanged');
  const nanshan = await api.as('nanshan');
  assert.equal((await nanshan.get(`/api/v1/organizations/${council.id}`)).status, 404);
});

test('deliberation meetings record resolutions whose follow-up moves on, and only for self-governance bodies', async () => {
  const council = (await worker.get(`/api/v1/organizations?kind=deliberation_council&community=${angongId}`)).data.items[0];
  const before = await worker.get(`/api/v1/organizations/${council.id}/meetings`);
  assert.ok(before.data.total >= 8);
  const attendees = (await worker.get(`/api/v1/organizations/${council.id}`)).data.posts.slice(0, 3).map((p) => p.resident_id);
  const r = await worker.post(`/api/v1/organizations/${council.id}/meetings`, {
    held_on: '2021-12-10', place: '议事厅', agenda: '冬季供暖', attendees,
    resolutions: [{ content: '协调物业延长供暖时间', owner: '议事会', due_on: '2021-12-31' }],
  });
  assert.equal(r.status, 201, JSON.stringify(r.data));
  const after = await worker.get(`/api/v1/organizations/${council.id}/meetings?limit=1`);
  const meeting = after.data.items[0];
  assert.equal(meeting.attendance, 3);
  const resolution = meeting.resolutions[0];
  assert.equal(resolution.status, 'open');
  assert.equal((await worker.patch(`/api/v1/resolutions/${resolution.id}`, { status: 'done', status_note: '已落实' })).status, 200);
  assert.equal((await worker.patch(`/api/v1/resolutions/${resolution.id}`, { status: 'open' })).status, 409);
  assert.equal((await worker.patch(`/api/v1/resolutions/${resolution.id}`, { status: 'maybe' })).status, 422);
  const bad = await worker.post(`/api/v1/organizations/${council.id}/meetings`, { held_on: '2021-02-30', agenda: '' });
  assert.equal(bad.status, 422);
  const society = (await worker.get(`/api/v1/organizations?kind=society&community=${angongId}`)).data.items[0];
  assert.equal((await worker.post(`/api/v1/organizations/${society.id}/meetings`, { held_on: '2021-12-10', agenda: 'x' })).status, 422);
  const nanshan = await api.as('nanshan');
  assert.equal((await nanshan.get(`/api/v1/organizations/${council.id}/meetings`)).status, 404);
});

test('society events: the 2021 figure comes from the events and grows with a new one', async () => {
  const before = (await kpi('societies.events')).value;
  assert.ok(before > 100, `societies.events ${before}`);
  const rec = await worker.get(`/api/v1/reports/kpis/societies.events/records?community=${angongId}&year=2021&limit=1000`);
  assert.equal(rec.data.total, before);
  const society = (await worker.get(`/api/v1/organizations?kind=society&community=${angongId}`)).data.items[0];
  const members = (await worker.get(`/api/v1/organizations/${society.id}`)).data.posts.slice(0, 5).map((p) => p.resident_id);
  const r = await worker.post('/api/v1/events', { organization_id: society.id, held_on: '2021-12-20', title: '迎新年民族歌舞展演', place: '民族文化广场', audience: 180, participants: members });
  assert.equal(r.status, 201, JSON.stringify(r.data));
  assert.equal((await kpi('societies.events')).value, before + 1);
  const list = await worker.get(`/api/v1/events?organization=${society.id}&year=2021&limit=200`);
  const mine = list.data.items.find((e) => e.id === r.data.id);
  assert.equal(mine.participants, members.length);
  assert.equal(mine.audience, 180);
  const bad = await worker.post('/api/v1/events', { organization_id: society.id, held_on: '2021-12-20', title: 'x', audience: -5 });
  assert.equal(bad.status, 422);
  assert.equal(bad.data.error.details.fields.audience.code, 'out_of_range');
  const nanshan = await api.as('nanshan');
  const foreign = await nanshan.post('/api/v1/events', { organization_id: society.id, held_on: '2021-12-20', title: 'x' });
  assert.equal(foreign.status, 422);
});
