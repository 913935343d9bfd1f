// Imports of volunteer hours and donations, the way workers bring them: a title row, the
// headers they write, names for codes; every row checked by the same service call that records
// one by hand, all rows or none, and a dry run that reports exactly what a commit would do.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, sql, xlsxText } from './helpers.mjs';

let server, api, worker, treasurer, angongId, nanshanId, unique, twin;
before(async () => {
  server = await startServer();
  api = client(server);
  worker = await api.as('angong');
  treasurer = await api.as('treasurer');
  angongId = Number(sql(server.db, "SELECT id FROM places WHERE name = '安公社区'")[0][0]);
  nanshanId = Number(sql(server.db, "SELECT id FROM places WHERE name = '南山社区'")[0][0]);
  unique = sql(server.db, `SELECT name FROM residents WHERE community_id = ${angongId} AND moved_out IS NULL GROUP BY name HAVING count(*) = 1 ORDER BY name LIMIT 1`)[0][0];
  // Two residents of one name: made here so that the test does not depend on the demo's names.
  const building = sql(server.db, `SELECT id FROM places WHERE kind = 'building' AND community_id = ${angongId} ORDER BY id LIMIT 1`)[0][0];
  twin = '同名测试居民';
  for (const room of ['1901', '1902']) {
    const h = await worker.post('/api/v1/households', { building_id: Number(building), unit: '1', room });
    assert.equal(h.status, 201, JSON.stringify(h.data));
    const r = await worker.post('/api/v1/residents', { name: twin, gender: 'F', ethnicity: '04', household_id: h.data.id });
    assert.equal(r.status, 201, JSON.stringify(r.data));
  }
});
after(async () => { await server.stop(); });

const send = (who, path, community, body, commit) =>
  api.request('POST', `${path}?community=${community}${commit ? '&commit=1' : ''}`, { token: who.token, raw: body });
const count = (q) => Number(sql(server.db, q)[0][0]);

const hoursSheet = (rows) => ['安公社区志愿服务时长登记表（2021年3月）,,,,,', '', '姓名,服务日期,时长（小时）,服务类别,服务内容,身份证号', ...rows].join('\r\n') + '\r\n';

test('hours: a dry run names each bad cell by the row Excel shows and writes nothing', async () => {
  const before = count('SELECT count(*) FROM volunteer_hours');
  const body = hoursSheet([
    `${unique},2021/3/5,2,邻里互助,帮独居老人买菜,`,
    `没有这个人,2021-03-05,2,邻里互助,买菜,`,
    `${twin},2021-03-05,2,邻里互助,买菜,`,
    `${unique},2021-03-05,30,跳舞,买菜,`,
  ]);
  const r = await send(worker, '/api/v1/volunteer/records/import', angongId, body, false);
  assert.equal(r.status, 200, JSON.stringify(r.data));
  assert.equal(r.data.rows, 4);
  assert.equal(r.data.valid, 1);
  const got = r.data.errors.map((e) => [e.row, e.column, e.code]);
  assert.deepEqual(got, [[5, '姓名', 'unknown_resident'], [6, '姓名', 'ambiguous_resident'], [7, '时长（小时）', 'out_of_range'], [7, '服务类别', 'invalid_choice']]);
  assert.match(r.data.errors[1].reason, /身份证号/);
  assert.equal(r.data.preview[0].served_on, '2021-03-05');
  assert.equal(r.data.preview[0].minutes, 120);
  assert.equal(r.data.preview[0].kind, 'mutual_aid');
  assert.equal(count('SELECT count(*) FROM volunteer_hours'), before, 'a dry run writes nothing');
  const committed = await send(worker, '/api/v1/volunteer/records/import', angongId, body, true);
  assert.equal(committed.status, 422);
  assert.equal(committed.data.error.code, 'import_has_errors');
  assert.equal(count('SELECT count(*) FROM volunteer_hours'), before, 'a file with errors writes nothing');
});

test('hours: a clean file records every row as the ledger would, each audited, and the points follow', async () => {
  const before = count('SELECT count(*) FROM volunteer_hours');
  const audits = count("SELECT count(*) FROM audit_log WHERE action = 'volunteer.hours.recorded'");
  const body = hoursSheet([`${unique},2021-03-05,1.5,邻里互助,买菜,`, `${unique},2021-03-06,2,policy_promotion,宣讲,`]);
  const r = await send(worker, '/api/v1/volunteer/records/import', angongId, body, true);
  assert.equal(r.status, 201, JSON.stringify(r.data));
  assert.equal(r.data.imported, 2);
  assert.equal(count('SELECT count(*) FROM volunteer_hours'), before + 2);
  assert.equal(count("SELECT count(*) FROM audit_log WHERE action = 'volunteer.hours.recorded'"), audits + 2);
  assert.equal(count(`SELECT sum(minutes) FROM volunteer_hours WHERE id > (SELECT max(id) - 2 FROM volunteer_hours)`), 210);
});

test('hours: another community is not found, and a resident of another community is unknown here', async () => {
  const r = await send(worker, '/api/v1/volunteer/records/import', nanshanId, hoursSheet([`${unique},2021-03-05,1,邻里互助,买菜,`]), false);
  assert.equal(r.status, 404);
});

const donationSheet = (rows) => ['捐赠日期,捐赠人类型,捐赠人,渠道,形式,金额（元）,项目,公开姓名', ...rows].join('\r\n') + '\r\n';

test('donations: rows get receipts and post to the books; names of channels, projects and residents are matched', async () => {
  const project = sql(server.db, `SELECT name FROM charity_projects WHERE community_id = ${angongId} ORDER BY id LIMIT 1`)[0][0];
  const before = count(`SELECT count(*) FROM charity_donations WHERE community_id = ${angongId}`);
  const bad = await send(treasurer, '/api/v1/charity/donations/import', angongId, donationSheet([
    `2021-04-01,单位,某某商会,企业捐赠,现金,"5,000",${project},是`,
    `2021-04-01,单位,某某商会,抢红包,现金,100,,是`,
    `2021-04-01,单位,某某商会,企业捐赠,现金,0.001,,是`,
    `2021-04-01,单位,某某商会,企业捐赠,现金,100,没有的项目,是`,
  ]), false);
  assert.equal(bad.status, 200);
  assert.deepEqual(bad.data.errors.map((e) => [e.row, e.column, e.code]),
    [[3, '渠道', 'invalid_choice'], [4, '金额（元）', 'fraction_of_fen'], [5, '项目', 'not_found']]);
  assert.equal(count(`SELECT count(*) FROM charity_donations WHERE community_id = ${angongId}`), before);

  const ok = await send(treasurer, '/api/v1/charity/donations/import', angongId, donationSheet([
    `2021-04-01,单位,某某商会,企业捐赠,现金,"5,000",${project},是`,
    `2021-04-02,居民,${unique},线下众筹,现金,200,,否`,
    `2021-04-03,匿名,,公开募捐,,50.5,,`,
  ]), true);
  assert.equal(ok.status, 201, JSON.stringify(ok.data));
  assert.equal(ok.data.imported, 3);
  assert.ok(ok.data.preview.every((d) => /^JZ2021-/.test(d.receipt_no)));
  assert.equal(count(`SELECT count(*) FROM charity_donations WHERE community_id = ${angongId}`), before + 3);
  assert.equal(count(`SELECT sum(amount_fen) FROM charity_donations WHERE receipt_no IN (${ok.data.preview.map((d) => `'${d.receipt_no}'`).join(',')})`), 525050);
  const books = await treasurer.get('/api/v1/charity/books');
  assert.equal(books.data.balanced, true);
});

test('members: a sheet of names and posts gives each their post; a name from another community is unknown', async () => {
  const org = sql(server.db, `SELECT id FROM organizations WHERE community_id = ${angongId} AND kind = 'society' ORDER BY id LIMIT 1`)[0][0];
  const other = sql(server.db, `SELECT name FROM residents WHERE community_id = ${nanshanId} AND name NOT IN (SELECT name FROM residents WHERE community_id = ${angongId}) LIMIT 1`)[0][0];
  const before = count(`SELECT count(*) FROM org_posts WHERE organization_id = ${org}`);
  const sheet = (rows) => ['协会成员名单,,', '姓名,职务,加入日期', ...rows].join('\r\n');
  const bad = await api.request('POST', `/api/v1/organizations/${org}/members/import`, { token: worker.token, raw: sheet([`${unique},负责人,2021-01-01`, `${other},成员,2021-01-01`, `${unique},会长,2021/1/1`]) });
  assert.equal(bad.status, 200, JSON.stringify(bad.data));
  assert.deepEqual(bad.data.errors.map((e) => [e.row, e.column, e.code]), [[4, '姓名', 'unknown_resident'], [5, '职务', 'invalid_choice']]);
  const ok = await api.request('POST', `/api/v1/organizations/${org}/members/import?commit=1`, { token: worker.token, raw: sheet([`${unique},负责人,2021年1月1日`]) });
  assert.equal(ok.status, 201, JSON.stringify(ok.data));
  assert.equal(ok.data.preview[0].post, 'leader');
  assert.equal(ok.data.preview[0].term_from, '2021-01-01');
  assert.equal(count(`SELECT count(*) FROM org_posts WHERE organization_id = ${org}`), before + 1);
  const foreign = sql(server.db, `SELECT id FROM organizations WHERE community_id = ${nanshanId} ORDER BY id LIMIT 1`)[0][0];
  const r = await api.request('POST', `/api/v1/organizations/${foreign}/members/import`, { token: worker.token, raw: sheet([`${unique},成员,2021-01-01`]) });
  assert.equal(r.status, 404);
});

test('each import has a template whose headers it reads back', async () => {
  for (const [path, headers] of [
    ['/api/v1/residents/import/template', ['姓名*', '民族*', '楼栋*']],
    ['/api/v1/volunteer/records/import/template', ['姓名*', '服务日期*', '时长（小时）*']],
    ['/api/v1/charity/donations/import/template', ['捐赠日期*', '渠道*', '金额（元）*']],
    ['/api/v1/organizations/members/import/template', ['姓名*', '职务', '任职开始*']],
  ]) {
    const r = await (path.includes('charity') ? treasurer : worker).get(path);
    assert.equal(r.status, 200, path);
    const text = xlsxText(r.data);
    for (const h of headers) assert.ok(text.includes(h), `${path}: ${h}`);
  }
  const template = (await treasurer.get('/api/v1/charity/donations/import/template')).data;
  const r = await send(treasurer, '/api/v1/charity/donations/import', angongId, template, false);
  assert.equal(r.status, 200);
  assert.ok(!r.data.errors.some((e) => e.code === 'missing_column'), JSON.stringify(r.data.errors));
});
