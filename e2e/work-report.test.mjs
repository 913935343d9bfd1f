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
