// The outcomes in the browser: the dashboard's sections, each figure with its rule and opening its
// records; the work report, whose every number equals its indicator, edited around its figures,
// printed on A4 and downloaded as .docx, which LibreOffice opens and converts without a warning.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launch, login, expectAccessible } from './browser.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const desk = async (who = 'angong') => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', bypassCSP: true, acceptDownloads: true });
  const page = await context.newPage();
  await login(page, server.base, who);
  return page;
};
const gone = (page) => page.locator('.el-message').first().waitFor({ state: 'detached' }).catch(() => {});
const api = (page, path) => page.evaluate(async (p) => (await fetch(`/api/v1${p}`)).json(), path);

test('the dashboard: a section per line and platform, each figure with its rule, opening its records', async () => {
  const page = await desk();
  await page.goto(`${server.base}/dashboard`);
  await page.locator('[data-section=party] [data-kpi]').first().waitFor();
  const sections = await page.locator('[data-section]').evaluateAll((els) => els.map((e) => e.getAttribute('data-section')));
  for (const s of ['registry', 'party', 'governance', 'volunteer', 'societies', 'selfhelp', 'culture', 'rights', 'charity', 'jobs', 'linkage', 'outcomes']) {
    assert.ok(sections.includes(s), `section ${s}`);
  }
  assert.match(await page.locator('[data-kpi="governance.minority_backbones"] .definition').textContent(), /楼栋长、业委会、议事会/);
  await page.locator('[data-test=kpi-history] .el-table__row').first().waitFor();
  // One figure of each section opens its records (or says the role may not see them).
  for (const s of sections) {
    const card = page.locator(`[data-section=${s}] [data-kpi][data-records=open]`).first();
    if (await card.count() === 0) continue;
    await card.click();
    const drawer = page.locator('.el-drawer:visible');
    await drawer.locator('[data-test=kpi-definition]').waitFor();
    assert.ok(await drawer.locator('.el-table__row').count() > 0 || /暂无|0 条/.test(await drawer.textContent()), `records of ${s}`);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  }
  await gone(page);
  await expectAccessible(page, '/dashboard');
  await page.context().close();
});

test('the work report: each number equals its indicator and opens its records; the words are edited and put back', async () => {
  const page = await desk();
  await page.goto(`${server.base}/reports/work-report?year=2021`);
  const report = page.locator('[data-test=work-report]');
  await report.locator('[data-figure]').first().waitFor();
  assert.match(await report.locator('.report-title').textContent(), /安公社区2021年民族团结进步工作总结/);
  const community = (await api(page, '/auth/me')).scope_place_id;
  const kpis = Object.fromEntries((await api(page, `/reports/kpis?community=${community}&year=2021`)).items.map((k) => [k.id, k]));
  const shown = await report.locator('[data-figure]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-figure'), e.textContent]));
  assert.ok(shown.length >= 30);
  for (const [id, text] of shown) {
    const k = kpis[id];
    if (k.aggregate === 'share') assert.equal(text, `${Number((k.value * 100).toFixed(1))}%`, id);
    else if (id.endsWith('_fen')) assert.equal(text, `${Number((k.value / 1e6).toFixed(2))}万元`, id);
    else assert.equal(text, `${Math.floor(k.value)}${k.unit}`, id);
  }
  const text = await report.textContent();
  for (const phrase of ['少数民族党员26人', '民族工作党小组4个', '矛盾纠纷221件', '43.31万元', '品牌项目8个', '实现就业的少数民族群众64人']) assert.ok(text.includes(phrase), phrase);
  assert.ok(!text.includes('接驳'), 'a figure of 0 is left out');
  // A figure opens the records behind it.
  await report.locator('[data-figure="rights.disputes_resolved"]').click();
  const drawer = page.locator('.el-drawer:visible');
  await drawer.locator('[data-test=kpi-definition]').waitFor();
  assert.match(await drawer.textContent(), /调解成功/);
  await drawer.locator('.el-drawer__close-btn').click();
  await drawer.waitFor({ state: 'hidden' });

  // Edit the words around the party line's figures; a typed number is refused.
  await page.locator('[data-test=edit-mode]').click();
  await page.locator('[data-sentence="services.shuttle"].left-out').waitFor();
  await page.locator('[data-edit="lines.party.groups"]').click();
  const dialog = page.locator('.el-dialog:visible');
  assert.match(await dialog.locator('[data-test=placeholders]').textContent(), /少数民族党员（26人）/);
  await dialog.locator('textarea[data-test=sentence-text]').fill('社区26名少数民族党员组成{party.ethnic_work_groups}民族工作党小组。');
  await dialog.locator('[data-test=save-sentence]').click();
  await dialog.getByText('花括号中的数据项须原样保留').waitFor();
  await dialog.locator('textarea[data-test=sentence-text]').fill('社区{party.minority_members}少数民族党员组成了{party.ethnic_work_groups}民族工作党小组。');
  await dialog.locator('[data-test=save-sentence]').click();
  await dialog.waitFor({ state: 'hidden' });
  await report.getByText('社区26人少数民族党员组成了4个民族工作党小组。').waitFor();
  await expectAccessible(page, '/reports/work-report (editing)');
  await page.locator('[data-edit="lines.party.groups"]').click();
  await page.locator('.el-dialog:visible [data-test=revert-sentence]').click();
  await report.getByText('发动社区少数民族党员26人，成立民族工作党小组4个。').waitFor();
  await page.context().close();
});

test('the report prints on A4 and downloads as a .docx that LibreOffice converts without warnings', async () => {
  const page = await desk();
  await page.goto(`${server.base}/reports/work-report?year=2021`);
  await page.locator('[data-test=work-report] [data-figure]').first().waitFor();
  const dir = mkdtempSync(join(tmpdir(), 'tongxin-report-'));
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=download-docx]').click()]);
  assert.equal(download.suggestedFilename(), '安公社区2021年民族团结进步工作总结.docx');
  const docx = join(dir, 'report.docx');
  await download.saveAs(docx);
  const lo = spawnSync('libreoffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { encoding: 'utf8', timeout: 120000 });
  assert.equal(lo.status, 0, lo.stderr);
  // The launcher's own note that this machine has no Java runtime says nothing of the document.
  const said = `${lo.stdout}\n${lo.stderr}`.split('\n').filter((l) => !/javaldx/.test(l)).join('\n');
  assert.doesNotMatch(said, /warn|error/i);
  assert.ok(existsSync(join(dir, 'report.pdf')));
  const pdf = execFileSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-']).toString().replace(/\s+/g, '');
  for (const phrase of ['安公社区2021年民族团结进步工作总结', '发动社区少数民族党员26人', '已累计化解矛盾纠纷221件', '43.31万元']) assert.ok(pdf.includes(phrase), `the PDF says ${phrase}`);
  assert.match(execFileSync('pdfinfo', [join(dir, 'report.pdf')]).toString(), /Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/);

  const community = (await api(page, '/auth/me')).scope_place_id;
  await page.goto(`${server.base}/print/work-report?community=${community}&year=2021`);
  await page.locator('.sheet h1').waitFor();
  const sheet = await page.locator('.sheet').textContent();
  assert.ok(sheet.includes('发动“党员线”：发动社区少数民族党员26人'));
  assert.equal(await page.locator('.sheet button, .sheet a').count(), 0, 'nothing to click on paper');
  await expectAccessible(page, '/print/work-report');
  await page.context().close();
});

// The sheets of an .xlsx as rows of cell texts (shared and inline strings, numbers), by name.
function workbookSheets(file) {
  const script = `
import json, re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
shared = [''.join(re.findall(r'<t[^>]*>([^<]*)</t>', si)) for si in re.findall(r'<si>(.*?)</si>', z.read('xl/sharedStrings.xml').decode(), re.S)] if 'xl/sharedStrings.xml' in z.namelist() else []
names = re.findall(r'<sheet name="([^"]+)"', z.read('xl/workbook.xml').decode())
out = {}
for i, name in enumerate(names, 1):
    xml = z.read(f'xl/worksheets/sheet{i}.xml').decode()
    rows = []
    for at, r in re.findall(r'<row r="([0-9]+)"[^>]*>(.*?)</row>', xml, re.S):
        while len(rows) < int(at) - 1: rows.append([])
        cells = []
        for attrs, body in re.findall(r'<c ([^>]*?)(?:/>|>(.*?)</c>)', r, re.S):
            v = re.search(r'<v>([^<]*)</v>', body or '')
            col = re.search(r'r="([A-Z]+)', attrs).group(1)
            idx = 0
            for ch in col: idx = idx * 26 + ord(ch) - 64
            while len(cells) < idx - 1: cells.append('')
            cells.append(shared[int(v.group(1))] if v and 't="s"' in attrs else (v.group(1) if v else ''))
        rows.append(cells)
    setup = re.search(r'<pageSetup [^>]*>', xml)
    out[name] = {'rows': rows, 'frozen': 'ySplit="1"' in xml, 'setup': setup.group(0) if setup else ''}
print(json.dumps(out))
`;
  return JSON.parse(execFileSync('python3', ['-c', script, file], { maxBuffer: 64 << 20 }).toString());
}

const ledgerOf = async (page, dir) => {
  await page.goto(`${server.base}/dashboard`);
  await page.locator('[data-section=party] [data-kpi]').first().waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=ledger-download]').click()]);
  // LibreOffice is given an ASCII name (it is started without a UTF-8 locale).
  const file = join(dir, `ledger-${Date.now()}.xlsx`);
  await download.saveAs(file);
  return { name: download.suggestedFilename(), file, sheets: workbookSheets(file) };
};

test('the ledger (台账): a sheet per line and platform whose lists are the records behind each figure, printed A4 landscape', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tongxin-ledger-'));
  const page = await desk();
  const community = (await api(page, '/auth/me')).scope_place_id;
  const years = await api(page, `/reports/years?community=${community}`);
  const kpis = (await api(page, `/reports/kpis?community=${community}&year=${years.latest}`)).items;
  const { name, file, sheets } = await ledgerOf(page, dir);
  assert.equal(name, `安公社区${years.latest}年台账.xlsx`);
  const names = Object.keys(sheets);
  assert.equal(names[0], '总览');
  for (const s of ['居民概况', '党员线', '自治线', '志愿线', '社团线', '民族文化活动平台', '民族权益维护平台', '民族关爱救助平台', '民族就业创业平台', '民族资源联动平台']) {
    assert.ok(names.includes(s), `sheet ${s} in ${names}`);
  }
  // Every sheet opens with the place, the year and what it holds, frozen, A4 landscape, one page wide.
  for (const [n, sheet] of Object.entries(sheets)) {
    assert.equal(sheet.rows[0][0], `安公社区 ${years.latest}年 台账 · ${n}`);
    assert.ok(sheet.frozen, `${n} frozen`);
    assert.match(sheet.setup, /orientation="landscape"/);
    assert.match(sheet.setup, /paperSize="9"/);
  }
  // The overview lists every figure with its number and rule; each counting figure's list has as
  // many rows as the figure says.
  const overview = sheets['总览'].rows;
  for (const k of kpis) assert.ok(overview.some((r) => r[1] === k.label && r[3] === k.definition), `overview ${k.id}`);
  let checked = 0;
  for (const k of kpis.filter((x) => x.aggregate === 'count' && x.value > 0)) {
    const sheet = sheets[overview.find((r) => r[1] === k.label)[5]];
    const at = sheet.rows.findIndex((r) => r[0]?.startsWith(`${k.label}：`));
    assert.ok(at > 0, `block ${k.id}`);
    const note = sheet.rows[at + 1][0];
    assert.match(note, new RegExp(`共 ${k.value} 条记录`), `${k.id} ${note}`);
    const header = sheet.rows[at + 2];
    const body = sheet.rows.slice(at + 3, at + 3 + k.value);
    assert.equal(body.length, k.value);
    assert.ok(body.every((r) => r.length <= header.length && r.some((c) => c !== '')), `${k.id} rows`);
    assert.ok((sheet.rows[at + 3 + k.value] || []).every((c) => c === ''), `${k.id} ends after its records`);
    checked++;
  }
  assert.ok(checked >= 15, `${checked} counting figures checked`);
  const party = sheets['党员线'].rows;
  const members = party.findIndex((r) => r[0]?.startsWith('少数民族党员'));
  assert.deepEqual(party[members + 2].slice(0, 3), ['姓名', '民族', '政治面貌']);
  // Cases list numbers and dates, never a name or what was said.
  const rights = sheets['民族权益维护平台'].rows;
  assert.deepEqual(rights[rights.findIndex((r) => r[0]?.startsWith('矛盾纠纷调解成功')) + 2], ['案号', '登记日期', '办结日期']);
  // LibreOffice prints it on A4 landscape pages.
  const lo = spawnSync('libreoffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 120000 });
  assert.equal(lo.status, 0, lo.stderr);
  assert.match(execFileSync('pdfinfo', [file.replace(/\.xlsx$/, '.pdf')]).toString(), /Page size:\s+841\.\d* x 595\.\d* pts/);
  await page.context().close();

  // The treasurer sees the fund's records, and the residents' behind other figures only as numbers.
  const treasurer = await desk('treasurer');
  const t = await ledgerOf(treasurer, dir);
  const tOverview = t.sheets['总览'].rows;
  assert.ok(tOverview.some((r) => r[1]?.startsWith('少数民族党员') && r[5] === '仅数字（无权查看明细）'));
  const restricted = Object.values(t.sheets).flatMap((sheet) => sheet.rows).filter((r) => r[0]?.startsWith('少数民族党员'));
  assert.deepEqual(restricted, [], 'no list of the members behind a figure the role sees as a number only');
  assert.ok('民族关爱救助平台' in t.sheets);
  await treasurer.context().close();
});

test("the street administrator reads the whole street's report and then one community's", async () => {
  const page = await desk('admin');
  await page.goto(`${server.base}/reports/work-report?year=2021`);
  const report = page.locator('[data-test=work-report]');
  await report.locator('[data-figure]').first().waitFor();
  const title = async () => report.locator('.report-title').textContent();
  assert.match(await title(), /街道2021年民族团结进步工作总结/);
  const streetMembers = Number((await report.locator('[data-figure="party.minority_members"]').first().textContent()).replace(/\D/g, ''));
  await page.locator('.el-select', { has: page.getByRole('combobox', { name: '社区或街道' }) }).click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: '安公社区' }).click();
  await page.waitForFunction(() => /安公社区/.test(document.querySelector('[data-test=work-report] .report-title')?.textContent || ''));
  const members = Number((await report.locator('[data-figure="party.minority_members"]').first().textContent()).replace(/\D/g, ''));
  assert.equal(members, 26);
  assert.ok(streetMembers > members, `the street (${streetMembers}) counts more than one community (${members})`);
  await page.context().close();
});

test("the street's dashboard ranks its communities by a figure; a rank and a bar open that community's records", async () => {
  const page = await desk('admin');
  await page.goto(`${server.base}/dashboard`);
  await page.locator('[data-kpi="registry.residents"]').waitFor();
  await page.locator('[data-kpi="registry.minority_residents"]').click();
  const drawer = page.locator('.el-drawer:visible');
  await drawer.locator('[data-test=kpi-definition]').waitFor();
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });
  const ranking = page.locator('[data-test=ranking]');
  await ranking.locator('[data-community]').first().waitFor();
  const me = await api(page, '/auth/me');
  const by = (await api(page, `/reports/kpis/registry.minority_residents/by-community?street=${me.scope_place_id}&year=2021`)).items;
  assert.ok(by.length >= 2);
  const shown = await ranking.locator('[data-community]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-community'))));
  const expected = [...by].sort((a, b) => b.value - a.value || a.community.localeCompare(b.community, 'zh-CN')).map((c) => c.community_id);
  assert.deepEqual(shown, expected, 'largest first');
  // The second-ranked community's records: exactly its figure's number of them.
  const second = by.find((c) => c.community_id === expected[1]);
  const [resp] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/reports/kpis/registry.minority_residents/records') && r.url().includes(`community=${second.community_id}`)),
    ranking.locator(`[data-community="${second.community_id}"]`).click(),
  ]);
  assert.equal((await resp.json()).total, second.value);
  await drawer.locator('.el-table__row').first().waitFor();
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });
  // A click on the first bar opens the first community's records.
  const chart = page.locator('.el-card', { hasText: '各社区对比' }).locator('canvas');
  const box = await chart.boundingBox();
  const [bar] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/reports/kpis/registry.minority_residents/records') && r.url().includes(`community=${expected[0]}`)),
    // The first of the bars stands at the left, above the axis (the chart's grid starts 48 px in).
    page.mouse.click(box.x + 48 + (box.width - 64) / (2 * by.length), box.y + box.height - 40),
  ]);
  assert.equal(bar.status(), 200);
  await page.context().close();
});
