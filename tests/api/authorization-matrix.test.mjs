// The authorization matrix, generated from GET /api/v1/openapi.json: for every route, every demo
// account of a community (and the resident, against another resident) is sent an object of the
// other community (by path id, by ?community=, or by an id in the body) and must never get a 2xx
// with it. A route in the document that this table does not cover fails the test, so a new route
// cannot skip the matrix. Bodies are otherwise valid, so that a refusal is the scope's and not
// the validation's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, client, sql, png } from './helpers.mjs';

let server, api;
const fx = {};  // fx[type] = { A: id in 安公社区, N: id in 南山社区 }
const home = {};  // account -> 'A' | 'N'
const ACCOUNTS = ['angong', 'nanshan', 'liaison', 'officer', 'mediator', 'rights', 'treasurer', 'leader', 'vlead', 'resident'];
// A valid photo, so that a refused upload is refused for its scope.
const PHOTO = png(64, 48);
const other = (side) => (side === 'A' ? 'N' : 'A');
const day = (n) => new Date(Date.now() + n * 86400e3 + 8 * 3600e3).toISOString().slice(0, 19) + '+08:00';

const one = (q) => { const r = sql(server.db, q); return r.length ? Number(r[0][0]) : undefined; };
function both(table, extra = '', column = 'id') {
  return { A: one(`SELECT ${column} FROM ${table} WHERE community_id = ${fx.community.A} ${extra} ORDER BY 1 LIMIT 1`),
    N: one(`SELECT ${column} FROM ${table} WHERE community_id = ${fx.community.N} ${extra} ORDER BY 1 LIMIT 1`) };
}

before(async () => {
  server = await startServer();
  api = client(server);
  fx.community = { A: one("SELECT id FROM places WHERE name = '安公社区'"), N: one("SELECT id FROM places WHERE name = '南山社区'") };
  for (const kind of ['grid', 'building']) fx[kind] = both('places', `AND kind = '${kind}'`);
  fx.household = both('households');
  fx.compound = both('compounds');
  fx.resident = both('residents', 'AND moved_out IS NULL AND id NOT IN (SELECT resident_id FROM users WHERE resident_id IS NOT NULL)');
  fx.organization = both('organizations');
  fx.team = both('organizations', "AND kind = 'volunteer_team'");
  fx.post = both('org_posts', 'AND term_to IS NULL');
  fx.resolution = { A: one(`SELECT r.id FROM meeting_resolutions r JOIN deliberation_meetings m ON m.id = r.meeting_id JOIN organizations o ON o.id = m.organization_id WHERE o.community_id = ${fx.community.A} LIMIT 1`),
    N: one(`SELECT r.id FROM meeting_resolutions r JOIN deliberation_meetings m ON m.id = r.meeting_id JOIN organizations o ON o.id = m.organization_id WHERE o.community_id = ${fx.community.N} LIMIT 1`) };
  fx.pairing = both('pairings', 'AND to_date IS NULL');
  fx.visit = both('visits');
  fx.activity = both('volunteer_activities', "AND status <> 'cancelled'");
  fx.record = both('volunteer_hours', "AND entry = 'record'");
  fx.dispute = both('volunteer_disputes');
  fx.reward = both('volunteer_rewards');
  fx.point = both('service_points');
  fx.aid = both('mutual_aid', "AND kind = 'request' AND status = 'open'");
  fx.project = both('charity_projects');
  fx.disbursement = both('charity_disbursements');
  fx.donation = both('charity_donations');
  fx.event = both('events');
  fx.study = both('study_sessions');
  fx.transaction = both('charity_transactions');
  fx.case = both('cases');
  fx.trip = both('shuttle_trips');
  fx.service = both('shuttle_services');
  fx.stop = { A: undefined, N: one(`SELECT s.id FROM shuttle_stops s WHERE s.trip_id = ${fx.trip.N} LIMIT 1`) };
  fx.tripVolunteer = { A: undefined, N: one(`SELECT id FROM shuttle_volunteers WHERE trip_id = ${fx.trip.N} LIMIT 1`) };
  fx.notice = both('notices');
  fx.officerPost = both('org_posts', "AND post = 'liaison_officer' AND organization_id IN (SELECT id FROM organizations WHERE kind = 'unity_committee')");
  fx.officerResident = both('org_posts', "AND post = 'liaison_officer' AND organization_id IN (SELECT id FROM organizations WHERE kind = 'unity_committee')", 'resident_id');
  fx.assignment = both('officer_assignments', 'AND to_date IS NULL');
  fx.contact = both('officer_contacts');
  fx.need = both('committee_needs', "AND status IN ('open', 'referred')");
  fx.selfhelp = both('selfhelp_activities', "AND status = 'proposed'");
  fx.venue = both('venues');
  fx.room = both('rooms');
  fx.series = both('culture_series');
  fx.cultureEvent = both('culture_events');
  fx.museumVisit = both('museum_visits');
  fx.exhibit = both('exhibits');
  fx.partner = both('partners');
  fx.brandProject = both('brand_projects');
  for (const [kind, name] of [['exhibit', 'exhibit'], ['culture_event', 'cultureEvent'], ['selfhelp_activity', 'selfhelp'], ['brand_project', 'brandProject']]) {
    fx[`${name}WithPhoto`] = both('photos', `AND owner_kind = '${kind}'`, 'owner_id');
    fx[`${name}Photo`] = both('photos', `AND owner_kind = '${kind}'`);
  }
  fx.seeker = both('job_seekers');
  fx.jobCertificate = both('job_certificates');
  fx.employer = both('job_employers');
  fx.placement = both('job_placements');
  fx.business = both('job_businesses');
  fx.training = both('job_trainings');
  fx.trainingSession = { A: one(`SELECT x.id FROM job_training_sessions x JOIN job_trainings t ON t.id = x.training_id WHERE t.community_id = ${fx.community.A} ORDER BY 1 LIMIT 1`),
    N: one(`SELECT x.id FROM job_training_sessions x JOIN job_trainings t ON t.id = x.training_id WHERE t.community_id = ${fx.community.N} ORDER BY 1 LIMIT 1`) };
  fx.posting = both('job_postings', "AND status = 'open'");
  fx.jobMatch = both('job_matches', "AND status IN ('proposed', 'consented')");
  fx.incubation = both('job_incubations');
  fx.milestone = { A: one(`SELECT x.id FROM job_incubation_milestones x JOIN job_incubations t ON t.id = x.incubation_id WHERE t.community_id = ${fx.community.A} ORDER BY 1 LIMIT 1`),
    N: one(`SELECT x.id FROM job_incubation_milestones x JOIN job_incubations t ON t.id = x.incubation_id WHERE t.community_id = ${fx.community.N} ORDER BY 1 LIMIT 1`) };
  fx.loan = both('exhibit_loans e JOIN exhibits x ON x.id = e.exhibit_id', 'AND e.returned_on IS NULL', 'e.id');
  for (const a of ACCOUNTS) {
    const c = one(`SELECT coalesce(r.community_id, p.community_id, CASE WHEN p.kind = 'community' THEN p.id END) FROM users u
      LEFT JOIN residents r ON r.id = u.resident_id LEFT JOIN places p ON p.id = u.scope_place_id WHERE u.username = '${a}'`);
    home[a] = c === fx.community.A ? 'A' : 'N';
  }
  // A volunteer certificate and a dispute for each community, so that both have one to probe.
  const vlead = await api.as('vlead');
  const cert = await vlead.post('/api/v1/volunteer/certificates', { resident_id: one(`SELECT resident_id FROM volunteer_hours WHERE community_id = ${fx.community.A} LIMIT 1`), from: '2021-01-01', to: '2021-12-31' });
  fx.certificate = { A: cert.data.id, N: undefined };
  // A future booking in each community, so that each can be probed while it can still change.
  const when = (h) => `${new Date().getFullYear() + 1}-06-15T${h}:00:00+08:00`;
  fx.roomBooking = {};
  for (const [side, who] of [['A', 'angong'], ['N', 'nanshan']]) {
    const s = await api.as(who);
    const b = await s.post('/api/v1/room-bookings', { room_id: fx.room[side], starts_at: when(10), ends_at: when(11), purpose: '矩阵', booker_kind: 'community' });
    fx.roomBooking[side] = b.data.id;
  }
});
after(async () => { await server.stop(); });

// A route's probes. `path`: {param: type} (foreign object in the path); `query`: parameters
// with foreign values; `body`: (side, f) => body, where f(type) is the foreign object's id and
// side the account's own community; `none`: why the route takes no object of anyone else.
const own = (type) => (side) => fx[type][side];
const MATRIX = {
  'GET /api/v1/health': { none: 'public liveness' },
  'POST /api/v1/auth/login': { none: 'public; throttling is tested in lockout.test.mjs' },
  'POST /api/v1/auth/logout': { none: "ends the caller's own session" },
  'GET /api/v1/auth/me': { none: 'the caller' },
  'POST /api/v1/exports': { none: "writes the caller's own rows (already read through their lists) as .xlsx" },
  'POST /api/v1/exports/workbook': { none: "writes the caller's own rows (already read through their lists) as a workbook of sheets" },
  'GET /api/v1/auth/sessions': { none: "the caller's own sessions" },
  'DELETE /api/v1/auth/sessions/{id}': { path: { id: 'session' } },
  'POST /api/v1/auth/sessions/end-others': { none: "the caller's own sessions" },
  'POST /api/v1/auth/password': { none: "the caller's own password" },
  'GET /api/v1/roles': { none: 'the role table' },
  'GET /api/v1/codes': { none: 'code tables' },
  'GET /api/v1/openapi.json': { none: 'this document' },
  'GET /api/v1/organizations/kinds': { none: 'a code table' },
  'GET /api/v1/users': { none: 'street administrators only (users.manage); no community account holds it' },
  'POST /api/v1/users': { body: (s, f) => ({ username: `x${Date.now()}`, role: 'community_worker', password: 'Strong-pass-2021', scope_kind: 'community', scope_place_id: f('community') }) },
  'GET /api/v1/audit': { none: 'auditors only (audit.read), street-wide by role' },
  'GET /api/v1/places/roots': { none: 'the roots of the caller\'s own scope' },
  'GET /api/v1/places/{id}/children': { path: { id: 'community' } },
  'GET /api/v1/streets': { none: 'the street holds both communities' },
  'GET /api/v1/streets/{id}': { none: 'the street holds both communities' },
  'GET /api/v1/communities': { query: { parent: 'community' } },
  'POST /api/v1/communities': { none: 'creates under a street (street scope only)' },
  'GET /api/v1/communities/{id}': { path: { id: 'community' } },
  'PATCH /api/v1/communities/{id}': { path: { id: 'community' }, body: () => ({ name: '改名' }) },
  'GET /api/v1/grids': { query: { community: 'community' } },
  'POST /api/v1/grids': { body: (s, f) => ({ parent_id: f('community'), name: '新网格' }) },
  'GET /api/v1/grids/{id}': { path: { id: 'grid' } },
  'PATCH /api/v1/grids/{id}': { path: { id: 'grid' }, body: () => ({ name: '改名' }) },
  'GET /api/v1/buildings': { query: { community: 'community' } },
  'POST /api/v1/buildings': { body: (s, f) => ({ parent_id: f('grid'), name: '99栋' }) },
  'GET /api/v1/buildings/{id}': { path: { id: 'building' } },
  'PATCH /api/v1/buildings/{id}': { path: { id: 'building' }, body: () => ({ name: '改名' }) },
  'GET /api/v1/buildings/{id}/grid': { path: { id: 'building' } },
  'GET /api/v1/compounds': { query: { community: 'community' } },
  'POST /api/v1/compounds': { body: (s, f) => ({ community_id: f('community'), name: '矩阵苑' }) },
  'GET /api/v1/compounds/{id}': { path: { id: 'compound' } },
  'PATCH /api/v1/compounds/{id}': { path: { id: 'compound' }, body: () => ({ name: '改名苑' }) },
  'GET /api/v1/households': { query: { community: 'community' } },
  'POST /api/v1/households': { body: (s, f) => ({ building_id: f('building'), room: '9901' }) },
  'GET /api/v1/households/{id}': { path: { id: 'household' } },
  'GET /api/v1/residents': { query: { community: 'community' } },
  'POST /api/v1/residents': { body: (s, f) => ({ name: '某人', gender: 'M', ethnicity: '01', household_id: f('household') }) },
  'GET /api/v1/residents/export': { query: { community: 'community' }, file: true },
  'GET /api/v1/residents/me': { none: "the caller's own record and household" },
  'GET /api/v1/residents/import/template': { none: 'a blank sheet to fill in' },
  'GET /api/v1/volunteer/records/import/template': { none: 'a blank sheet to fill in' },
  'GET /api/v1/charity/donations/import/template': { none: 'a blank sheet to fill in' },
  'POST /api/v1/volunteer/records/import': { query: { community: 'community' }, raw: '姓名,服务日期,时长（小时）,服务类别,服务内容\n张三,2021-03-05,2,邻里互助,买菜\n' },
  'POST /api/v1/charity/donations/import': { query: { community: 'community' }, raw: '捐赠日期,捐赠人类型,捐赠人,渠道,金额（元）\n2021-03-05,单位,某商会,企业捐赠,100\n' },
  'GET /api/v1/organizations/members/import/template': { none: 'a blank sheet to fill in' },
  'POST /api/v1/organizations/{id}/members/import': { path: { id: 'organization' }, raw: '姓名,任职开始\n张三,2021-01-01\n' },
  'POST /api/v1/residents/import': { query: { community: 'community' }, raw: '姓名,性别,民族,楼栋,门牌号\n张三,男,汉族,1栋,101\n' },
  'GET /api/v1/residents/{id}': { path: { id: 'resident' }, neighbour: true },
  'PATCH /api/v1/residents/{id}': { path: { id: 'resident' }, body: () => ({ note: 'x' }), neighbour: true },
  'POST /api/v1/residents/{id}/move-out': { path: { id: 'resident' }, body: () => ({ date: '2021-06-01' }), neighbour: true },
  'GET /api/v1/residents/{id}/contact': { path: { id: 'resident' }, neighbour: true },
  'GET /api/v1/organizations': { query: { community: 'community' } },
  'POST /api/v1/organizations': { body: (s, f) => ({ kind: 'society', community_id: f('community'), name: '新社团' }) },
  'GET /api/v1/organizations/{id}': { path: { id: 'organization' } },
  'PATCH /api/v1/organizations/{id}': { path: { id: 'organization' }, body: () => ({ name: '改名' }) },
  'GET /api/v1/organizations/{id}/members': { path: { id: 'organization' } },
  'POST /api/v1/organizations/{id}/members': { path: { id: 'organization' }, body: (s) => ({ resident_id: fx.resident[s], term_from: '2021-01-01' }) },
  'POST /api/v1/organizations/{id}/members/{post}/end': { path: { id: 'organization', post: 'post' }, body: () => ({ date: '2021-12-01' }) },
  'GET /api/v1/organizations/{id}/meetings': { path: { id: 'organization' } },
  'POST /api/v1/organizations/{id}/meetings': { path: { id: 'organization' }, body: () => ({ held_on: '2021-05-01', agenda: '议题' }) },
  'PATCH /api/v1/resolutions/{id}': { path: { id: 'resolution' }, body: () => ({ status: 'done' }) },
  'GET /api/v1/events': { query: { community: 'community' } },
  'POST /api/v1/events': { body: (s, f) => ({ organization_id: f('organization'), held_on: '2021-05-01', title: '演出' }) },
  'GET /api/v1/party-members': { query: { community: 'community' } },
  'GET /api/v1/liaisons': { query: { community: 'community' } },
  'POST /api/v1/liaisons': { body: (s, f) => ({ resident_id: f('resident'), liaison_resident_id: f('resident') }) },
  'POST /api/v1/liaisons/{id}/end': { path: { id: 'pairing' }, body: () => ({ date: '2021-12-01' }) },
  'GET /api/v1/liaisons/coverage': { query: { community: 'community' }, empty: (d) => d.minority === 0 && d.paired === 0 && d.unpaired.length === 0 },
  'GET /api/v1/visits': { query: { community: 'community' } },
  'POST /api/v1/visits': { body: (s, f) => ({ household_id: f('household'), visit_date: '2021-05-01', kind: 'home' }) },
  'GET /api/v1/visits/overdue': { query: { community: 'community' } },
  'PATCH /api/v1/visits/{id}': { path: { id: 'visit' }, body: () => ({ follow_up_status: 'done' }) },
  'GET /api/v1/study-sessions': { query: { community: 'community' } },
  'POST /api/v1/study-sessions': { body: (s, f) => ({ community_id: fx.community[s], organization_id: f('organization'), kind: 'party_lecture', held_on: '2021-05-01', topic: '学习' }) },
  'GET /api/v1/volunteer/activities': { query: { community: 'community' } },
  'POST /api/v1/volunteer/activities': { body: (s, f) => ({ organization_id: f('team'), title: '活动', kind: 'social_service', starts_at: day(2), ends_at: day(2.1), capacity: 5 }) },
  'GET /api/v1/volunteer/activities/{id}': { path: { id: 'activity' } },
  'POST /api/v1/volunteer/activities/{id}/cancel': { path: { id: 'activity' }, body: () => ({ reason: '测试' }) },
  'GET /api/v1/volunteer/activities/{id}/qr.svg': { path: { id: 'activity' } },
  'GET /api/v1/volunteer/activities/{id}/signups': { path: { id: 'activity' } },
  'POST /api/v1/volunteer/activities/{id}/signups': { path: { id: 'activity' }, body: () => ({}) },
  'POST /api/v1/volunteer/activities/{id}/signups/cancel': { path: { id: 'activity' }, body: () => ({}) },
  'POST /api/v1/volunteer/activities/{id}/check': { path: { id: 'activity' }, body: () => ({ direction: 'in' }) },
  'POST /api/v1/volunteer/activities/{id}/hours': { path: { id: 'activity' }, body: () => ({}) },
  'GET /api/v1/volunteer/records': { query: { community: 'community' } },
  'POST /api/v1/volunteer/records': { body: (s, f) => ({ resident_id: f('resident'), served_on: '2021-05-01', minutes: 60, kind: 'social_service', content: '服务' }) },
  'GET /api/v1/volunteer/records/export': { query: { community: 'community' }, file: true },
  'POST /api/v1/volunteer/records/{id}/corrections': { path: { id: 'record' }, body: () => ({ reason: '更正', minutes: 30 }) },
  'POST /api/v1/volunteer/records/{id}/disputes': { path: { id: 'record' }, body: () => ({ reason: '有误' }), neighbour: true },
  'GET /api/v1/volunteer/disputes': { query: { community: 'community' } },
  'POST /api/v1/volunteer/disputes/{id}/resolve': { path: { id: 'dispute' }, body: () => ({ outcome: 'upheld', note: '维持' }) },
  'GET /api/v1/volunteer/points': { query: { resident: 'resident' } },
  'GET /api/v1/rewards': { query: { community: 'community' } },
  'POST /api/v1/rewards': { body: (s, f) => ({ community_id: f('community'), name: '奖品', points: 10, stock: 1 }) },
  'POST /api/v1/rewards/{id}/stock': { path: { id: 'reward' }, body: () => ({ add: 1 }) },
  'POST /api/v1/rewards/{id}/redeem': { path: { id: 'reward' }, body: () => ({}) },
  'GET /api/v1/volunteer/settings': { query: { community: 'community' } },
  'PUT /api/v1/volunteer/settings': { body: (s, f) => ({ community_id: f('community'), regular_min_hours: 20, regular_min_activities: 6, regular_months: 12, points_per_hour: 10 }) },
  'GET /api/v1/volunteer/regulars': { query: { community: 'community' } },
  'GET /api/v1/volunteer/me': { none: "the caller's own hours and points" },
  'GET /api/v1/volunteer/certificates': { query: { community: 'community' } },
  'POST /api/v1/volunteer/certificates': { body: (s, f) => ({ resident_id: f('resident'), from: '2021-01-01', to: '2021-12-31' }) },
  'GET /api/v1/volunteer/certificates/{id}': { path: { id: 'certificate' }, neighbour: true },
  'GET /api/v1/service-points': { query: { community: 'community' } },
  'POST /api/v1/service-points': { body: (s, f) => ({ community_id: f('community'), name: '服务点', kind: 'medical', lat: 30.5, lng: 104.06 }) },
  'PUT /api/v1/service-points/{id}': { path: { id: 'point' }, body: (s, f) => ({ community_id: fx.community[s], name: '服务点', kind: 'medical', lat: 30.5, lng: 104.06 }) },
  'GET /api/v1/service-points/coverage': { query: { community: 'community' } },
  'GET /api/v1/mutual-aid': { query: { community: 'community' } },
  'POST /api/v1/mutual-aid': { body: (s, f) => ({ kind: 'request', resident_id: f('resident'), age_group: 'elderly', title: '求助' }) },
  'POST /api/v1/mutual-aid/{id}/match': { path: { id: 'aid' }, body: () => ({ self: true }) },
  'POST /api/v1/mutual-aid/{id}/complete': { path: { id: 'aid' }, body: () => ({ minutes: 30 }) },
  'POST /api/v1/mutual-aid/{id}/cancel': { path: { id: 'aid' }, body: () => ({ reason: '取消' }), neighbour: true },
  'GET /api/v1/charity/projects': { query: { community: 'community' } },
  'POST /api/v1/charity/projects': { body: (s, f) => ({ community_id: f('community'), name: '项目', goal_fen: 100000, starts_on: '2021-01-01' }) },
  'GET /api/v1/charity/donations': { query: { community: 'community' } },
  // Own community, foreign donor: the ids inside a body are checked too.
  'POST /api/v1/charity/donations': { body: (s, f) => ({ community_id: fx.community[s], channel: 'public_collection', donor_kind: 'resident', donor_resident_id: f('resident'), amount: '10', donated_on: '2021-05-01' }) },
  'GET /api/v1/charity/disbursements': { query: { community: 'community' } },
  'POST /api/v1/charity/disbursements': { body: (s, f) => ({ project_id: f('project'), amount: '1', beneficiary_kind: 'household', household_id: f('household'), purpose: '补助' }) },
  'POST /api/v1/charity/disbursements/{id}/approve': { path: { id: 'disbursement' }, body: () => ({}) },
  'POST /api/v1/charity/disbursements/{id}/reject': { path: { id: 'disbursement' }, body: () => ({ reason: '驳回' }) },
  'POST /api/v1/charity/disbursements/{id}/pay': { path: { id: 'disbursement' }, body: () => ({}) },
  'POST /api/v1/charity/transactions/{id}/reverse': { path: { id: 'transaction' }, body: () => ({ reason: '冲正' }) },
  'GET /api/v1/charity/ledger': { query: { community: 'community' } },
  'GET /api/v1/charity/books': { none: "the caller's own communities (acting.test.mjs checks the totals)" },
  'POST /api/v1/charity/projects/{id}/disclosures': { path: { id: 'project' }, body: () => ({}) },
  'GET /api/v1/charity/reminders': { query: { community: 'community' } },
  'GET /api/v1/charity/ledger/export': { query: { community: 'community' }, file: true },
  'GET /api/v1/charity/disclosure/export': { none: 'the public disclosure (no login, no personal data)' },
  'GET /api/v1/charity/disclosure': { none: 'the public disclosure (no login, no personal data)' },
  'GET /api/v1/cases': { query: { community: 'community' } },
  'POST /api/v1/cases': { body: (s, f) => ({ community_id: fx.community[s], kind: 'mediation', title: '纠纷', applicant_resident_id: f('resident'), facts: '事实', channel: 'walk_in' }) },
  'GET /api/v1/cases/stats': { query: { community: 'community' } },
  'GET /api/v1/cases/staff': { query: { community: 'community' } },
  'GET /api/v1/cases/{id}': { path: { id: 'case' } },
  'POST /api/v1/cases/{id}/assign': { path: { id: 'case' }, body: () => ({ user_id: one("SELECT id FROM users WHERE username = 'mediator'"), staff_role: 'mediator' }) },
  'POST /api/v1/cases/{id}/sessions': { path: { id: 'case' }, body: () => ({ notes: '调解' }) },
  'POST /api/v1/cases/{id}/agreement': { path: { id: 'case' }, body: () => ({ form: 'written', parties: '双方', content: '协议' }) },
  'POST /api/v1/cases/{id}/fulfilment': { path: { id: 'case' }, body: () => ({ fulfilment: 'fulfilled' }) },
  'POST /api/v1/cases/{id}/close': { path: { id: 'case' }, body: () => ({ outcome: 'resolved' }) },
  'GET /api/v1/shuttle/trips': { query: { community: 'community' } },
  'POST /api/v1/shuttle/trips': { body: (s, f) => ({ service_id: f('service'), trip_date: day(3).slice(0, 10), departs_at: day(3), booking_deadline: day(2), vehicle: '702', seats: 10, stops: [{ name: '门口', time: '08:30' }] }) },
  'GET /api/v1/shuttle/services': { query: { community: 'community' } },
  'POST /api/v1/shuttle/services': { body: (s, f) => ({ community_id: f('community'), name: '专线', destination: '接种点' }) },
  'GET /api/v1/shuttle/trips/{id}/reservations': { path: { id: 'trip' } },
  'POST /api/v1/shuttle/trips/{id}/reservations': { path: { id: 'trip' }, body: (s, f) => ({ stop_id: f('stop') }) },
  'POST /api/v1/shuttle/trips/{id}/reservations/cancel': { path: { id: 'trip' }, body: () => ({}) },
  'GET /api/v1/shuttle/trips/{id}/pass': { path: { id: 'trip' } },
  'POST /api/v1/shuttle/trips/{id}/boarding': { path: { id: 'trip' }, body: () => ({ pass: 'x' }) },
  'GET /api/v1/shuttle/trips/{id}/volunteers': { path: { id: 'trip' } },
  'POST /api/v1/shuttle/trips/{id}/volunteers': { path: { id: 'trip' }, body: (s) => ({ resident_id: fx.resident[s] }) },
  'DELETE /api/v1/shuttle/trips/{id}/volunteers/{vid}': { path: { id: 'trip', vid: 'tripVolunteer' } },
  'POST /api/v1/shuttle/trips/{id}/close': { path: { id: 'trip' }, body: () => ({}) },
  'GET /api/v1/shuttle/trips/{id}/notice': { path: { id: 'trip' } },
  'POST /api/v1/shuttle/trips/{id}/notice/publish': { path: { id: 'trip' }, body: () => ({}) },
  'GET /api/v1/shuttle/trips/{id}/figures': { path: { id: 'trip' } },
  'GET /api/v1/notices': { query: { community: 'community' } },
  'POST /api/v1/notices': { body: (s, f) => ({ community_id: f('community'), title: '通知', body: '内容' }) },
  'POST /api/v1/notices/{id}/withdraw': { path: { id: 'notice' }, body: () => ({}) },
  'GET /api/v1/reports/years': { query: { community: 'community' } },
  'GET /api/v1/reports/ethnicity': { query: { community: 'community' } },
  'GET /api/v1/reports/kpis': { query: { community: 'community', year: 2021 } },
  'GET /api/v1/reports/kpis/{id}/records': { path: { id: 'kpi' }, query: { community: 'community', year: 2021 } },
  'GET /api/v1/reports/kpis/history': { query: { community: 'community', year: 2021 } },
  'GET /api/v1/reports/work-report': { query: { community: 'community', year: 2021 } },
  'PUT /api/v1/reports/work-report/sentences/{key}': { path: { key: 'sentence' }, query: { community: 'community', year: 2021 }, body: () => ({ text: '{party.minority_members}{party.ethnic_work_groups}' }) },
  'DELETE /api/v1/reports/work-report/sentences/{key}': { path: { key: 'sentence' }, query: { community: 'community', year: 2021 } },
  'GET /api/v1/users/{id}': { none: 'street administrators only (users.manage)' },
  'PUT /api/v1/users/{id}': { none: 'street administrators only (users.manage); refused to others in accounts.test.mjs' },
  'POST /api/v1/users/{id}/disable': { none: 'street administrators only (users.manage); refused to others in accounts.test.mjs' },
  'POST /api/v1/users/{id}/enable': { none: 'street administrators only (users.manage); refused to others in accounts.test.mjs' },
  'POST /api/v1/users/{id}/reset-password': { none: 'street administrators only (users.manage); refused to others in accounts.test.mjs' },
  'POST /api/v1/users/{id}/unlock': { none: 'street administrators only (users.manage); refused to others in accounts.test.mjs' },
  'GET /api/v1/sessions': { none: 'street administrators only (users.manage); refused to others in accounts.test.mjs' },
  'POST /api/v1/sessions/{id}/end': { none: 'street administrators only (users.manage); refused to others in accounts.test.mjs' },
  'GET /api/v1/dictionaries': { none: 'the dictionaries are the same for everyone' },
  'POST /api/v1/dictionaries/{name}/entries': { none: 'street administrators only (dictionaries.write); refused to others in dictionaries.test.mjs' },
  'PATCH /api/v1/dictionaries/{name}/entries/{code}': { none: 'street administrators only (dictionaries.write); refused to others in dictionaries.test.mjs' },
  'GET /api/v1/charity/projects/{id}': { path: { id: 'project' } },
  'GET /api/v1/charity/donations/{id}': { path: { id: 'donation' } },
  'GET /api/v1/charity/disbursements/{id}': { path: { id: 'disbursement' } },
  'GET /api/v1/notices/{id}': { path: { id: 'notice' } },
  'GET /api/v1/events/{id}': { path: { id: 'event' } },
  'GET /api/v1/liaisons/{id}': { path: { id: 'pairing' } },
  'GET /api/v1/visits/{id}': { path: { id: 'visit' } },
  'GET /api/v1/study-sessions/{id}': { path: { id: 'study' } },
  'GET /api/v1/service-points/{id}': { path: { id: 'point' } },
  // Open requests are on the community's board for neighbours to take up: no neighbour probe.
  'GET /api/v1/mutual-aid/{id}': { path: { id: 'aid' } },
  'GET /api/v1/volunteer/records/{id}': { path: { id: 'record' }, neighbour: true },
  'GET /api/v1/rewards/{id}': { path: { id: 'reward' } },
  'GET /api/v1/shuttle/trips/{id}': { path: { id: 'trip' } },
  'GET /api/v1/shuttle/services/{id}': { path: { id: 'service' } },
  'GET /api/v1/reports/kpis/{id}/by-community': { none: 'street scope only (400 for a community)' },
  'GET /api/v1/venues': { query: { community: 'community' } },
  'GET /api/v1/venues/{id}': { path: { id: 'venue' } },
  'POST /api/v1/venues': { body: (s, f) => ({ community_id: f('community'), name: '矩阵馆', area_m2: 10 }) },
  'PUT /api/v1/venues/{id}': { path: { id: 'venue' }, body: (s) => ({ community_id: fx.community[s], name: '改名馆', area_m2: 10 }) },
  'GET /api/v1/venues/{id}/closures': { path: { id: 'venue' } },
  'POST /api/v1/venues/{id}/closures': { path: { id: 'venue' }, body: () => ({ date: '2030-01-01' }) },
  'GET /api/v1/rooms': { query: { community: 'community' } },
  'GET /api/v1/rooms/{id}': { path: { id: 'room' } },
  'POST /api/v1/rooms': { body: (s, f) => ({ venue_id: f('venue'), name: '矩阵室', kind: 'meeting' }) },
  'PUT /api/v1/rooms/{id}': { path: { id: 'room' }, body: (s) => ({ venue_id: fx.venue[s], name: '改名室', kind: 'meeting' }) },
  'GET /api/v1/rooms/{id}/busy': { path: { id: 'room' }, empty: (d) => d.items.length === 0 },
  'GET /api/v1/room-bookings': { query: { community: 'community' } },
  'GET /api/v1/room-bookings/{id}': { path: { id: 'roomBooking' }, neighbour: true },
  'POST /api/v1/room-bookings': { body: (s, f) => ({ room_id: f('room'), starts_at: '2030-03-05T10:00:00+08:00', ends_at: '2030-03-05T11:00:00+08:00', purpose: '矩阵', booker_kind: 'community' }) },
  'POST /api/v1/room-bookings/{id}/decision': { path: { id: 'roomBooking' }, body: () => ({ decision: 'cancelled' }), neighbour: true },
  'GET /api/v1/series': { query: { community: 'community' } },
  'GET /api/v1/series/{id}': { path: { id: 'series' } },
  'POST /api/v1/series': { body: (s, f) => ({ community_id: f('community'), name: '矩阵品牌', started_on: '2021-01-01' }) },
  'GET /api/v1/culture-events': { query: { community: 'community' } },
  'GET /api/v1/culture-events/{id}': { path: { id: 'cultureEvent' } },
  'POST /api/v1/culture-events': { body: (s, f) => ({ series_id: f('series'), title: '演出', held_on: '2021-05-01' }) },
  'GET /api/v1/museum-visits': { query: { community: 'community' } },
  'GET /api/v1/museum-visits/{id}': { path: { id: 'museumVisit' } },
  'POST /api/v1/museum-visits': { body: (s, f) => ({ venue_id: f('venue'), kind: 'individual', people: 1 }) },
  'GET /api/v1/exhibits': { query: { community: 'community' } },
  'GET /api/v1/exhibits/{id}': { path: { id: 'exhibit' } },
  'GET /api/v1/exhibits/{id}/photos': { path: { id: 'exhibitWithPhoto' } },
  'POST /api/v1/exhibits/{id}/photos': { path: { id: 'exhibitWithPhoto' }, raw: PHOTO },
  'GET /api/v1/exhibits/{id}/photos/{photo}': { path: { id: 'exhibitWithPhoto', photo: 'exhibitPhoto' } },
  'DELETE /api/v1/exhibits/{id}/photos/{photo}': { path: { id: 'exhibitWithPhoto', photo: 'exhibitPhoto' } },
  'GET /api/v1/culture-events/{id}/photos': { path: { id: 'cultureEventWithPhoto' } },
  'POST /api/v1/culture-events/{id}/photos': { path: { id: 'cultureEventWithPhoto' }, raw: PHOTO },
  'GET /api/v1/culture-events/{id}/photos/{photo}': { path: { id: 'cultureEventWithPhoto', photo: 'cultureEventPhoto' } },
  'DELETE /api/v1/culture-events/{id}/photos/{photo}': { path: { id: 'cultureEventWithPhoto', photo: 'cultureEventPhoto' } },
  'GET /api/v1/selfhelp/activities/{id}/photos': { path: { id: 'selfhelpWithPhoto' } },
  'POST /api/v1/selfhelp/activities/{id}/photos': { path: { id: 'selfhelpWithPhoto' }, raw: PHOTO },
  'GET /api/v1/selfhelp/activities/{id}/photos/{photo}': { path: { id: 'selfhelpWithPhoto', photo: 'selfhelpPhoto' } },
  'DELETE /api/v1/selfhelp/activities/{id}/photos/{photo}': { path: { id: 'selfhelpWithPhoto', photo: 'selfhelpPhoto' } },
  'GET /api/v1/jobs/seekers': { query: { community: 'community' } },
  'GET /api/v1/jobs/seekers/{id}': { path: { id: 'seeker' }, neighbour: true },
  'POST /api/v1/jobs/seekers': { body: (s, f) => ({ resident_id: f('resident'), education: 'senior' }) },
  'POST /api/v1/jobs/seekers/{id}/steps': { path: { id: 'seeker' }, body: () => ({ step: 'trained', on_date: '2021-06-01' }) },
  'GET /api/v1/jobs/funnel': { query: { community: 'community' }, empty: (d) => d.steps.every((s) => s.people === 0) },
  'GET /api/v1/jobs/certificates': { query: { community: 'community' } },
  'GET /api/v1/jobs/certificates/{id}': { path: { id: 'jobCertificate' }, neighbour: true },
  'POST /api/v1/jobs/certificates': { body: (s, f) => ({ resident_id: f('resident'), kind: '保育师', number: `M-${s}-${Date.now()}`, issuer: '鉴定中心', issued_on: '2021-06-01' }) },
  'POST /api/v1/jobs/certificates/{id}/verify': { path: { id: 'jobCertificate' } },
  'GET /api/v1/jobs/employers': { query: { community: 'community' } },
  'POST /api/v1/jobs/employers': { body: (s, f) => ({ community_id: f('community'), name: `单位 ${s} ${Date.now()}` }) },
  'GET /api/v1/jobs/placements': { query: { community: 'community' } },
  'GET /api/v1/jobs/placements/{id}': { path: { id: 'placement' }, neighbour: true },
  'POST /api/v1/jobs/placements': { body: (s, f) => ({ seeker_id: f('seeker'), employer_id: f('employer'), position: '店员', started_on: '2021-06-01' }) },
  'POST /api/v1/jobs/placements/{id}/followups': { path: { id: 'placement' }, body: () => ({ months: 3, checked_on: '2021-12-01', employed: true }) },
  'GET /api/v1/jobs/businesses': { query: { community: 'community' } },
  'GET /api/v1/jobs/businesses/{id}': { path: { id: 'business' }, neighbour: true },
  'POST /api/v1/jobs/businesses': { body: (s, f) => ({ resident_id: f('resident'), name: '小店', kind: 'individual', credit_code: '91110000600037341L', registered_on: '2021-06-01' }) },
  'POST /api/v1/jobs/businesses/{id}/close': { path: { id: 'business' }, body: () => ({ closed_on: '2021-12-01' }) },
  'GET /api/v1/jobs/trainings': { query: { community: 'community' } },
  'GET /api/v1/jobs/trainings/{id}': { path: { id: 'training' } },
  'POST /api/v1/jobs/trainings': { body: (s, f) => ({ community_id: f('community'), course: '培训', kind: 'employment', provider: '学校', starts_on: '2021-05-01', ends_on: '2021-05-30', cost_fen: 0, paid_by: 'free' }) },
  'POST /api/v1/jobs/trainings/{id}/sessions': { path: { id: 'training' }, body: () => ({ held_on: '2021-05-10', topic: '课' }) },
  'POST /api/v1/jobs/trainings/{id}/enrolments': { path: { id: 'training' }, body: (s, f) => ({ seeker_id: f('seeker') }) },
  'PUT /api/v1/jobs/training-sessions/{id}/attendance': { path: { id: 'trainingSession' }, body: () => ({ seeker_ids: [] }) },
  'POST /api/v1/jobs/trainings/{id}/completions': { path: { id: 'training' }, body: (s, f) => ({ seeker_id: f('seeker'), completed_on: '2021-06-01' }) },
  'GET /api/v1/jobs/postings': { query: { community: 'community' } },
  'GET /api/v1/jobs/postings/{id}': { path: { id: 'posting' } },
  'POST /api/v1/jobs/postings': { body: (s, f) => ({ employer_id: f('employer'), title: '岗位', skills: '餐饮服务', places: 1 }) },
  'POST /api/v1/jobs/postings/{id}/close': { path: { id: 'posting' } },
  'GET /api/v1/jobs/postings/{id}/candidates': { path: { id: 'posting' } },
  'POST /api/v1/jobs/postings/{id}/matches': { path: { id: 'posting' }, body: (s, f) => ({ seeker_id: f('seeker') }) },
  'POST /api/v1/jobs/postings/{id}/referrals': { path: { id: 'posting' } },
  'GET /api/v1/jobs/matches': { query: { posting: 'posting' } },
  'GET /api/v1/jobs/matches/{id}': { path: { id: 'jobMatch' } },
  'POST /api/v1/jobs/matches/{id}/consent': { path: { id: 'jobMatch' }, body: () => ({ agree: true, how: '电话' }) },
  'POST /api/v1/jobs/matches/{id}/share': { path: { id: 'jobMatch' } },
  'GET /api/v1/jobs/incubations': { query: { community: 'community' } },
  'GET /api/v1/jobs/incubations/{id}': { path: { id: 'incubation' } },
  'POST /api/v1/jobs/incubations': { body: (s, f) => ({ community_id: f('community'), name: `项目 ${s} ${Date.now()}`, started_on: '2021-06-01', founders: [f('seeker')] }) },
  'POST /api/v1/jobs/incubations/{id}/mentors': { path: { id: 'incubation' }, body: () => ({ name: '导师' }) },
  'POST /api/v1/jobs/incubations/{id}/milestones': { path: { id: 'incubation' }, body: () => ({ title: '节点', due_on: '2021-12-01' }) },
  'POST /api/v1/jobs/incubation-milestones/{id}/done': { path: { id: 'milestone' }, body: () => ({ done_on: '2021-12-01', evidence: '台账' }) },
  'POST /api/v1/jobs/incubations/{id}/end': { path: { id: 'incubation' }, body: () => ({ outcome: 'stopped', ended_on: '2021-12-01' }) },
  'GET /api/v1/linkage/partners': { query: { community: 'community' } },
  'GET /api/v1/linkage/partners/{id}': { path: { id: 'partner' } },
  'POST /api/v1/linkage/partners': { body: (s, f) => ({ community_id: f('community'), name: `单位 ${s} ${Date.now()}`, kind: 'school' }) },
  'POST /api/v1/linkage/partners/{id}/agreements': { path: { id: 'partner' }, body: () => ({ title: '协议', signed_on: '2021-01-01' }) },
  'GET /api/v1/linkage/projects': { query: { community: 'community' } },
  'GET /api/v1/linkage/projects/{id}': { path: { id: 'brandProject' } },
  'POST /api/v1/linkage/projects': { body: (s, f) => ({ community_id: f('community'), name: `项目 ${s} ${Date.now()}`, started_on: '2021-01-01', partner_ids: [f('partner')] }) },
  'POST /api/v1/linkage/projects/{id}/status': { path: { id: 'brandProject' }, body: () => ({ status: 'running' }) },
  'POST /api/v1/linkage/projects/{id}/partners': { path: { id: 'brandProject' }, body: (s, f) => ({ partner_id: f('partner') }) },
  'POST /api/v1/linkage/projects/{id}/links': { path: { id: 'brandProject' }, body: (s, f) => ({ kind: 'culture_event', record_id: f('cultureEvent') }) },
  'POST /api/v1/linkage/projects/{id}/contributions': { path: { id: 'brandProject' }, body: (s, f) => ({ partner_id: f('partner'), kind: 'in_kind', what: '物资', value_fen: 100, on_date: '2021-06-01' }) },
  'POST /api/v1/linkage/projects/{id}/outcomes': { path: { id: 'brandProject' }, body: () => ({ on_date: '2021-06-01', what: '成效' }) },
  'GET /api/v1/linkage/projects/{id}/photos': { path: { id: 'brandProjectWithPhoto' } },
  'POST /api/v1/linkage/projects/{id}/photos': { path: { id: 'brandProjectWithPhoto' }, raw: PHOTO },
  'GET /api/v1/linkage/projects/{id}/photos/{photo}': { path: { id: 'brandProjectWithPhoto', photo: 'brandProjectPhoto' } },
  'DELETE /api/v1/linkage/projects/{id}/photos/{photo}': { path: { id: 'brandProjectWithPhoto', photo: 'brandProjectPhoto' } },
  'GET /api/v1/public/exhibits/{id}/photos/{photo}': { none: 'the public catalogue\'s photos (no login; exhibits no longer shown refused, tested in photos.test.mjs)' },
  'POST /api/v1/exhibits': { body: (s, f) => ({ venue_id: f('venue'), number: `M-${Date.now()}`, title: '展品', ethnicity: '04', category: 'craft', provenance: 'made' }) },
  'PUT /api/v1/exhibits/{id}': { path: { id: 'exhibit' }, body: (s) => ({ venue_id: fx.venue[s], number: 'M-1', title: '展品', ethnicity: '04', category: 'craft', provenance: 'made' }) },
  'POST /api/v1/exhibits/{id}/checks': { path: { id: 'exhibit' }, body: () => ({ condition: 'good' }) },
  'POST /api/v1/exhibits/{id}/loans': { path: { id: 'exhibit' }, body: () => ({ direction: 'out', party: '矩阵', due_on: '2030-01-01' }) },
  'POST /api/v1/exhibits/{id}/loans/{loan}/return': { path: { id: 'exhibit', loan: 'loan' }, body: () => ({}) },
  'GET /api/v1/public/exhibits': { none: 'the public catalogue (no login; lenders named only with consent, tested in culture.test.mjs)' },
  'GET /api/v1/committee/officers': { query: { community: 'community' } },
  'GET /api/v1/committee/officers/{id}': { path: { id: 'officerPost' } },
  'GET /api/v1/committee/assignments': { query: { community: 'community' } },
  'GET /api/v1/committee/assignments/{id}': { path: { id: 'assignment' } },
  'POST /api/v1/committee/assignments': { body: (s, f) => ({ household_id: f('household'), officer_resident_id: f('officerResident') }) },
  'POST /api/v1/committee/assignments/{id}/end': { path: { id: 'assignment' }, body: () => ({ date: '2021-12-01' }) },
  'GET /api/v1/committee/coverage': { query: { community: 'community' }, empty: (d) => d.households === 0 && d.gaps.length === 0 },
  'GET /api/v1/committee/home': { query: { community: 'community' } },
  'GET /api/v1/committee/contacts': { query: { community: 'community' } },
  'GET /api/v1/committee/contacts/{id}': { path: { id: 'contact' } },
  'POST /api/v1/committee/contacts': { body: (s, f) => ({ household_id: f('household'), channel: 'phone', summary: '问候' }) },
  'GET /api/v1/committee/needs': { query: { community: 'community' } },
  'GET /api/v1/committee/needs/{id}': { path: { id: 'need' } },
  'POST /api/v1/committee/needs': { body: (s, f) => ({ household_id: f('household'), kind: 'other', description: '需求' }) },
  'PATCH /api/v1/committee/needs/{id}': { path: { id: 'need' }, body: () => ({ due_on: '2030-01-01' }) },
  'GET /api/v1/selfhelp/activities': { query: { community: 'community' } },
  'GET /api/v1/selfhelp/activities/{id}': { path: { id: 'selfhelp' }, neighbour: true },
  'POST /api/v1/selfhelp/activities': { body: (s, f) => ({ title: '活动', place: '广场', held_on: '2030-01-01', organiser_resident_id: f('resident'), community_id: f('community') }) },
  'POST /api/v1/selfhelp/activities/{id}/decision': { path: { id: 'selfhelp' }, body: () => ({ decision: 'withdrawn' }), neighbour: true },
  'POST /api/v1/selfhelp/activities/{id}/participants': { path: { id: 'selfhelp' }, body: (s) => ({ resident_ids: [fx.resident[s]] }) },
};

// The kinds of object that are not rows of a community table.
function foreignOf(type, side, who) {
  if (type === 'kpi') return 'registry.residents';
  if (type === 'sentence') return 'lines.party.groups';
  if (type === 'session') return one(`SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username <> '${who}' ORDER BY s.id LIMIT 1`);
  return fx[type] ? fx[type][other(side)] : undefined;
}

function isList(data) {
  return data && typeof data === 'object' && !Buffer.isBuffer(data) && Array.isArray(data.items);
}

// Rows of an .xlsx's first sheet, header included.
function xlsxRows(buffer) {
  const script = `
import io, sys, zipfile
z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))
print(z.read('xl/worksheets/sheet1.xml').decode('utf-8').count('<row '))
`;
  return Number(execFileSync('python3', ['-c', script], { input: buffer }).toString().trim());
}

// A 200 that carries nothing: an empty list, an export with only its header, a figure of nothing.
function empty(spec, data) {
  if (isList(data)) return data.items.length === 0 && (data.total ?? 0) === 0;
  if (spec.file && Buffer.isBuffer(data)) return xlsxRows(data) <= 1;
  if (spec.empty) return spec.empty(data);
  return false;
}

test('every route in openapi.json is in the matrix', async () => {
  const doc = (await api.request('GET', '/api/v1/openapi.json')).data;
  const routes = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
  const missing = routes.filter((r) => !MATRIX[r]);
  assert.deepEqual(missing, [], 'routes the authorization matrix does not cover');
  const stale = Object.keys(MATRIX).filter((r) => !routes.includes(r));
  assert.deepEqual(stale, [], 'matrix entries for routes that no longer exist');
});

test('no account gets a 2xx with an object of the other community or of another resident', async () => {
  const probed = new Map();
  const failures = [];
  const sessions = {};
  for (const who of ACCOUNTS) sessions[who] = await api.as(who);
  for (const [route, spec] of Object.entries(MATRIX)) {
    if (spec.none) continue;
    const [method, pattern] = route.split(' ');
    for (const who of ACCOUNTS) {
      const side = home[who];
      const f = (type) => foreignOf(type, side, who);
      let path = pattern;
      let complete = true;
      for (const [param, type] of Object.entries(spec.path || {})) {
        const id = f(type);
        if (id === undefined) complete = false;
        path = path.replace(`{${param}}`, String(id));
      }
      const query = new URLSearchParams();
      for (const [name, value] of Object.entries(spec.query || {})) {
        const v = typeof value === 'number' ? value : f(value);
        if (v === undefined) complete = false;
        query.set(name, String(v));
      }
      let body;
      if (spec.body) {
        try { body = spec.body(side, (t) => { const v = f(t); if (v === undefined) throw new Error('none'); return v; }); } catch { complete = false; }
      }
      if (!complete) continue;
      const url = path + (query.size ? `?${query}` : '');
      const s = sessions[who];
      const r = spec.raw !== undefined
        ? await api.request(method, url, { token: s.token, raw: spec.raw })
        : await api.request(method, url, { token: s.token, body: body ?? (method === 'GET' || method === 'DELETE' ? undefined : {}) });
      probed.set(route, (probed.get(route) || 0) + 1);
      const ok2xx = r.status >= 200 && r.status < 300;
      // A list or export may answer 200 for a foreign filter only if it holds nothing.
      if (ok2xx && !empty(spec, r.data)) failures.push(`${who} ${method} ${url} -> ${r.status} ${JSON.stringify(r.data).slice(0, 160)}`);
    }
    // "Another resident": the resident account against a neighbour of its own community.
    if (spec.neighbour) {
      const me = one("SELECT resident_id FROM users WHERE username = 'resident'");
      const neighbour = one(`SELECT id FROM residents WHERE community_id = ${fx.community.A} AND household_id <> (SELECT household_id FROM residents WHERE id = ${me}) AND moved_out IS NULL LIMIT 1`);
      const ids = { resident: neighbour, record: one(`SELECT id FROM volunteer_hours WHERE community_id = ${fx.community.A} AND resident_id <> ${me} AND entry = 'record' LIMIT 1`),
        certificate: fx.certificate.A, aid: fx.aid.A, selfhelp: fx.selfhelp.A,
        roomBooking: one(`SELECT id FROM room_bookings WHERE community_id = ${fx.community.A} AND booker_kind = 'resident' AND resident_id <> ${me} LIMIT 1`),
        seeker: one(`SELECT id FROM job_seekers WHERE community_id = ${fx.community.A} AND resident_id <> ${me} LIMIT 1`),
        jobCertificate: one(`SELECT id FROM job_certificates WHERE community_id = ${fx.community.A} AND resident_id <> ${me} LIMIT 1`),
        placement: one(`SELECT p.id FROM job_placements p JOIN job_seekers s ON s.id = p.seeker_id WHERE p.community_id = ${fx.community.A} AND s.resident_id <> ${me} LIMIT 1`),
        business: one(`SELECT id FROM job_businesses WHERE community_id = ${fx.community.A} AND resident_id <> ${me} LIMIT 1`) };
      const type = spec.path.id;
      const url = pattern.replace('{id}', String(ids[type]));
      const r = await api.request(method, url, { token: sessions.resident.token, body: spec.body ? spec.body('A', () => undefined) : (method === 'GET' ? undefined : {}) });
      probed.set(route, (probed.get(route) || 0) + 1);
      if (r.status >= 200 && r.status < 300) failures.push(`resident ${method} ${url} (another resident) -> ${r.status}`);
    }
  }
  assert.deepEqual(failures, []);
  const unprobed = Object.entries(MATRIX).filter(([r, s]) => !s.none && !probed.get(r)).map(([r]) => r);
  assert.deepEqual(unprobed, [], 'routes no account could be probed on (no foreign object)');
});

// Every collection answers GET /{id} with the item its list shows (CONTRACT.md).
test('every collection answers GET /{id} in scope', async () => {
  const worker = { A: await api.as('angong'), N: await api.as('nanshan') };
  const cases = [['charity/projects', 'project', 'A'], ['charity/donations', 'donation', 'A'], ['charity/disbursements', 'disbursement', 'A'],
    ['notices', 'notice', 'N'], ['events', 'event', 'A'], ['liaisons', 'pairing', 'A'], ['visits', 'visit', 'A'],
    ['study-sessions', 'study', 'A'], ['service-points', 'point', 'A'], ['mutual-aid', 'aid', 'A'], ['volunteer/records', 'record', 'A'],
    ['rewards', 'reward', 'A'], ['shuttle/trips', 'trip', 'N'], ['shuttle/services', 'service', 'N'],
    ['committee/officers', 'officerPost', 'A'], ['committee/assignments', 'assignment', 'A'], ['committee/contacts', 'contact', 'N'],
    ['committee/needs', 'need', 'A'], ['selfhelp/activities', 'selfhelp', 'N'], ['venues', 'venue', 'N'], ['rooms', 'room', 'A'],
    ['room-bookings', 'roomBooking', 'N'], ['series', 'series', 'A'], ['culture-events', 'cultureEvent', 'A'], ['museum-visits', 'museumVisit', 'A'],
    ['exhibits', 'exhibit', 'A'], ['jobs/seekers', 'seeker', 'A'], ['jobs/certificates', 'jobCertificate', 'N'],
    ['jobs/placements', 'placement', 'A'], ['jobs/businesses', 'business', 'N'], ['jobs/trainings', 'training', 'A'],
    ['jobs/postings', 'posting', 'N'], ['jobs/matches', 'jobMatch', 'A'], ['jobs/incubations', 'incubation', 'N'], ['linkage/partners', 'partner', 'A'],
    ['linkage/projects', 'brandProject', 'A']];
  for (const [path, type, side] of cases) {
    const r = await worker[side].get(`/api/v1/${path}/${fx[type][side]}`);
    assert.equal(r.status, 200, `${path}: ${JSON.stringify(r.data).slice(0, 200)}`);
    assert.equal(r.data.id, fx[type][side], path);
    assert.equal((await worker[side].get(`/api/v1/${path}/999999999`)).status, 404, path);
  }
  const admin = await api.as('admin');
  const user = await admin.get(`/api/v1/users/${one("SELECT id FROM users WHERE username = 'angong'")}`);
  assert.equal(user.status, 200);
  assert.equal(user.data.username, 'angong');
  assert.equal(user.data.password_hash, undefined);
  // A literal route still wins over /{id}.
  assert.equal((await worker.A.get('/api/v1/visits/overdue')).status, 200);
  assert.equal((await worker.A.get(`/api/v1/liaisons/coverage?community=${fx.community.A}`)).status, 200);
});
