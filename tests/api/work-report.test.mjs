import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, sql } from './helpers.mjs';

let server, api, angongId, nanshanId, streetId;
before(async () => {
  server = await startServer();
  api = client(server);
  angongId = Number(sql(server.db, "SELECT id FROM places WHERE name = '安公社区'")[0][0]);
  nanshanId = Number(sql(server.db, "SELECT id FROM places WHERE name = '南山社区'")[0][0]);
  streetId = Number(sql(server.db, "SELECT id FROM places WHERE name = '华阳街道'")[0][0]);
});
after(async () => { await server.stop(); });

const sentences = (report) => report.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences));
const sentence = (report, key) => sentences(report).find((s) => s.key === key);

// Each figure in the report is the indicator's value for the same place and year, and each
// sentence's text is its parts joined.
async function checkAgainstIndicators(who, query, report) {
  const kpis = Object.fromEntries((await who.get(`/api/v1/reports/kpis?${query}`)).data.items.map((i) => [i.id, i]));
  for (const [id, f] of Object.entries(report.figures)) assert.equal(f.value, kpis[id].value, id);
  for (const s of sentences(report)) {
    if (s.omitted) { assert.equal(s.text, null); continue; }
    assert.equal(s.parts.map((p) => p.text).join(''), s.text, s.key);
    for (const p of s.parts.filter((p) => p.figure)) {
      assert.notEqual(report.figures[p.figure].value, 0, `${s.key}: a zero figure is left out`);
      assert.equal(p.text, report.figures[p.figure].text);
    }
  }
}

test('安公社区 2021: the article\'s figures, each from its indicator', async () => {
  const worker = await api.as('angong');
  const r = await worker.get(`/api/v1/reports/work-report?community=${angongId}&year=2021`);
  assert.equal(r.status, 200);
  assert.equal(r.data.title, '安公社区2021年民族团结进步工作总结');
  assert.equal(r.data.as_of, '2021-12-31');
  assert.equal(r.data.editable, true);
  await checkAgainstIndicators(worker, `community=${angongId}&year=2021`, r.data);
  const t = r.data.text;
  for (const phrase of ['少数民族党员26人', '民族工作党小组4个', '群众自治组织骨干18人', '常态志愿者达75人', '社团组织11个',
    '成员355人', '民族联络员12人', '1300平方米', '矛盾纠纷221件', '43.31万元', '资格证书的少数民族居民27人',
    '品牌项目8个', '骨干的少数民族群众38人', '个体工商户注册的少数民族群众27人', '实现就业的少数民族群众64人', '13.31万元',
    '民族云创', '羌秀工坊', '梦想直播间']) {
    assert.ok(t.includes(phrase), `the report says ${phrase}`);
  }
  assert.deepEqual(r.data.sections.map((s) => s.key), ['overview', 'lines', 'platforms', 'results', 'services']);
  // The highlights link to their records.
  const events = sentence(r.data, 'platforms.culture.events').parts.find((p) => p.list === 'culture.top_events');
  assert.ok(events.items.length >= 1 && events.items.every((i) => /^\/culture\/events\/\d+$/.test(i.link)));
  const projects = sentence(r.data, 'platforms.linkage.projects').parts.find((p) => p.list === 'linkage.projects');
  assert.ok(projects.items.every((i) => /^\/linkage\/projects\/\d+$/.test(i.link)));
  // 安公 ran no shuttle: the sentence and its section are left out, not printed with 0.
  assert.equal(sentence(r.data, 'services.shuttle').omitted, true);
  assert.equal(r.data.sections.find((s) => s.key === 'services').omitted, true);
  assert.ok(!t.includes('接驳'));
  assert.ok(!/[^0-9.]0(人|个|场|件|次|家|小时|人次|万元|元)/.test(t), 'no figure printed as 0');
});

test('a year without records leaves every figure sentence out; 南山 reports its shuttle days', async () => {
  const worker = await api.as('angong');
  const empty = await worker.get(`/api/v1/reports/work-report?community=${angongId}&year=1995`);
  assert.equal(empty.status, 200);
  for (const s of sentences(empty.data)) assert.equal(s.omitted, true, s.key);
  const nanshan = await api.as('nanshan');
  const r = await nanshan.get(`/api/v1/reports/work-report?community=${nanshanId}&year=2021`);
  assert.equal(r.status, 200);
  const shuttle = sentence(r.data, 'services.shuttle');
  assert.equal(shuttle.omitted, false);
  assert.match(shuttle.text, /2月17日/);
  await checkAgainstIndicators(nanshan, `community=${nanshanId}&year=2021`, r.data);
  // Another community's report is not theirs to read.
  assert.equal((await nanshan.get(`/api/v1/reports/work-report?community=${angongId}&year=2021`)).status, 404);
});

test('the street\'s report adds up its communities; English is available', async () => {
  const admin = await api.as('admin');
  const r = await admin.get(`/api/v1/reports/work-report?street=${streetId}&year=2021`);
  assert.equal(r.status, 200);
  assert.equal(r.data.scope, 'street');
  await checkAgainstIndicators(admin, `street=${streetId}&year=2021`, r.data);
  const en = await admin.get(`/api/v1/reports/work-report?community=${angongId}&year=2021`, { headers: { 'accept-language': 'en' } });
  assert.equal(en.data.lang, 'en');
  assert.match(en.data.text, /26 people/);
  assert.ok(en.data.text.includes(en.data.figures['charity.raised_fen'].text));
  assert.match(en.data.figures['charity.raised_fen'].text, /^433,\d{3} yuan$/);
  assert.equal(sentence(en.data, 'lines.party.groups').template.includes('{party.minority_members}'), true);
});

test('the words around the figures can be rewritten per year; the figures stay bound, and every edit is audited', async () => {
  const worker = await api.as('angong');
  const path = `/api/v1/reports/work-report/sentences/lines.party.groups?community=${angongId}&year=2021`;
  const text = '全社区{party.minority_members}少数民族党员中，组建了{party.ethnic_work_groups}民族工作党小组，开展结对联系。';
  assert.equal((await worker.put(path, { text })).status, 200);
  const r = await worker.get(`/api/v1/reports/work-report?community=${angongId}&year=2021`);
  const s = sentence(r.data, 'lines.party.groups');
  assert.equal(s.edited, true);
  assert.equal(s.text, '全社区26人少数民族党员中，组建了4个民族工作党小组，开展结对联系。');
  assert.ok(s.default_template.startsWith('发动社区少数民族党员'));
  // Another year keeps its own words.
  const other = await worker.get(`/api/v1/reports/work-report?community=${angongId}&year=2020`);
  assert.equal(sentence(other.data, 'lines.party.groups').edited, false);
  // A new party member moves the edited sentence's figure at once.
  assert.equal(sql(server.db, `SELECT count(*) FROM audit_log WHERE action = 'reports.work_report.edited' AND object_id = '${angongId}:2021'`)[0][0], '1');

  // Figures cannot be typed in, dropped or added; the error names the rule in the user's language.
  for (const bad of ['全社区26名少数民族党员，组建了{party.ethnic_work_groups}民族工作党小组。',
    '{party.minority_members}{party.minority_members}{party.ethnic_work_groups}',
    '党员{party.minority_members}，小组{party.ethnic_work_groups}，{registry.residents}',
    '党员{party.minority_members，小组{party.ethnic_work_groups}', '党员{party.minority_members}}{party.ethnic_work_groups}']) {
    const res = await worker.put(path, { text: bad });
    assert.equal(res.status, 422, bad);
    assert.equal(res.data.error.details.fields.text.code, 'placeholders_changed');
    assert.match(res.data.error.details.fields.text.message, /花括号/);
  }
  assert.equal((await worker.put(path, { text: `{party.minority_members}{party.ethnic_work_groups}${'字'.repeat(600)}` })).status, 422);
  assert.equal((await worker.put(path, {})).status, 422);
  assert.equal((await worker.put(`/api/v1/reports/work-report/sentences/no.such?community=${angongId}&year=2021`, { text })).status, 404);
  assert.equal(sentence((await worker.get(`/api/v1/reports/work-report?community=${angongId}&year=2021`)).data, 'lines.party.groups').text,
    '全社区26人少数民族党员中，组建了4个民族工作党小组，开展结对联系。', 'a refused edit leaves the kept one');

  // Back to the report's own words.
  assert.equal((await worker.del(path)).status, 200);
  const back = sentence((await worker.get(`/api/v1/reports/work-report?community=${angongId}&year=2021`)).data, 'lines.party.groups');
  assert.equal(back.edited, false);
  assert.equal(back.text, '发动社区少数民族党员26人，成立民族工作党小组4个。');
  assert.equal(sql(server.db, `SELECT count(*) FROM audit_log WHERE action = 'reports.work_report.reverted' AND object_id = '${angongId}:2021'`)[0][0], '1');
});

test('who may read and who may write the report; lists of records a role may not see are left out', async () => {
  const auditor = await api.as('auditor');
  const r = await auditor.get(`/api/v1/reports/work-report?community=${angongId}&year=2021`);
  assert.equal(r.status, 200);
  assert.equal(r.data.editable, false);
  const path = `/api/v1/reports/work-report/sentences/lines.party.groups?community=${angongId}&year=2021`;
  assert.equal((await auditor.put(path, { text: '{party.minority_members}{party.ethnic_work_groups}' })).status, 403);
  assert.equal((await auditor.del(path)).status, 403);
  const resident = await api.as('resident');
  assert.equal((await resident.get(`/api/v1/reports/work-report?community=${angongId}&year=2021`)).status, 403);
  assert.equal((await api.request('GET', `/api/v1/reports/work-report?community=${angongId}&year=2021`)).status, 401);
  // The treasurer reads the fund's figures but not the jobs platform's records: its brands are left out.
  const treasurer = await api.as('treasurer');
  const t = await treasurer.get(`/api/v1/reports/work-report?community=${angongId}&year=2021`);
  assert.equal(sentence(t.data, 'platforms.jobs.brands').omitted, true);
  assert.equal(sentence(t.data, 'platforms.charity.raised').omitted, false);
});
