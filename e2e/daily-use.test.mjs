// Issue 12's dead ends, each as the person meets it: the phone tab bar, a team lead on the phone
// pages, the head assigning a case, and switching language on a page with server-made labels.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, login, phoneLogin } from './browser.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

// The texts of one column of the visible table, found by its header.
async function columnTexts(page, header) {
  const heads = (await page.locator('.el-tab-pane:visible .el-table__header th').allTextContents()).map((h) => h.trim());
  const i = heads.indexOf(header);
  assert.ok(i >= 0, heads.join(','));
  return page.locator(`.el-tab-pane:visible .el-table__body tr td:nth-child(${i + 1})`).allTextContents();
}

const activeTabs = (page) => page.locator('.van-tabbar-item--active').allTextContents();

test('the phone tab bar marks only the current tab, and the activities tab takes you back', async () => {
  const page = await phoneLogin(browser, server.base, 'resident');
  assert.deepEqual((await activeTabs(page)).map((s) => s.trim()), ['志愿活动']);
  await page.click('[data-test=tab-m-hours]');
  await page.waitForURL((u) => u.pathname === '/m/hours');
  assert.deepEqual((await activeTabs(page)).map((s) => s.trim()), ['我的时长']);
  await page.click('[data-test=tab-m-activities]');
  await page.waitForURL((u) => u.pathname === '/m');
  assert.deepEqual((await activeTabs(page)).map((s) => s.trim()), ['志愿活动']);
  await page.context().close();
});

test('a volunteer team lead who lives in the community opens the phone pages for their own person', async () => {
  const page = await phoneLogin(browser, server.base, 'vlead');
  await page.click('[data-test=tab-m-hours]');
  await page.locator('[data-test=year-hours]').waitFor();
  // Their own records only, although the workbench shows them everyone's.
  const own = await page.evaluate(async () => (await (await fetch('/api/v1/auth/me')).json()).resident_id);
  const names = await page.evaluate(async (id) => {
    const r = await (await fetch(`/api/v1/volunteer/records?resident=${id}&limit=100`)).json();
    return [...new Set(r.items.map((x) => x.resident_id))];
  }, own);
  assert.ok(names.every((id) => id === own));
  // No booking tab worth hiding: a lead boards riders, so the shuttle tab is there.
  await page.click('[data-test=tab-m-shuttle]');
  await page.waitForURL((u) => u.pathname === '/m/shuttle');
  await page.context().close();

  // From the workbench the same account finds its resident pages in the user menu.
  const desk = await browser.newPage();
  await login(desk, server.base, 'vlead');
  await desk.getByRole('button', { name: /vlead/ }).click();
  await desk.click('[data-test=own-pages]');
  await desk.waitForURL((u) => u.pathname === '/m');
  await desk.close();
});

test('the head of the rights centre assigns a case a worker registered, and it leaves 待分派', async () => {
  const worker = await browser.newPage();
  await login(worker, server.base, 'angong');
  await worker.goto(`${server.base}/cases`);
  await worker.click('[data-test=intake]');
  const dialog = worker.getByRole('dialog', { name: '登记案件' });
  await dialog.getByLabel('案由').fill('楼道堆物纠纷');
  await dialog.getByLabel('申请人姓名').fill('测试申请人');
  await dialog.getByLabel('事实与请求').fill('邻居在楼道长期堆放杂物');
  await dialog.getByRole('button', { name: '保存' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await worker.close();

  const head = await browser.newPage();
  await login(head, server.base, 'rights');
  await head.goto(`${server.base}/cases`);
  const row = head.locator('[data-test=case-list] .el-table__row', { hasText: '楼道堆物纠纷' });
  await row.waitFor();
  assert.match(await row.textContent(), /待分派/);
  await row.click();
  await head.click('[data-test=assign]');
  await head.click('[data-test=save-assign]');
  await head.locator('[data-test=save-assign]').waitFor({ state: 'hidden' });
  await head.keyboard.press('Escape');
  await head.waitForFunction(() => [...document.querySelectorAll('[data-test=case-list] .el-table__row')]
    .some((r) => r.textContent.includes('楼道堆物纠纷') && r.textContent.includes('办理中')));
  await head.close();
});

test('switching to English relabels the figures and the role without a reload', async () => {
  const page = await browser.newPage();
  await login(page, server.base, 'angong');
  await page.goto(`${server.base}/dashboard`);
  const card = page.locator('[data-kpi="registry.minority_residents"]');
  await card.waitFor();
  assert.match(await card.textContent(), /少数民族居民/);
  assert.match(await page.locator('.header .scope').textContent(), /社区工作者/);
  await page.click('[data-test=language]');
  await page.waitForFunction(() => /Minority residents/.test(document.querySelector('[data-kpi="registry.minority_residents"]')?.textContent || ''));
  await page.waitForFunction(() => /Community worker/.test(document.querySelector('.header .scope')?.textContent || ''));
  await page.click('[data-test=language]');
  await page.close();
});

test('the street administrator opens the volunteer page on the whole street, each row with its community', async () => {
  const page = await browser.newPage();
  await login(page, server.base, 'admin');
  await page.goto(`${server.base}/volunteer`);
  const rows = page.locator('.el-tab-pane:visible .el-table__row');
  await rows.first().waitFor();
  const communities = await columnTexts(page, '社区');
  assert.ok(communities.every((c) => /社区$/.test(c.trim())), communities.slice(0, 5).join(','));
  // Regular volunteers follow each community's own rule: the tab asks for one.
  await page.getByRole('tab', { name: '常态志愿者' }).click();
  await page.locator('[data-test=pick-community]').waitFor();
  await page.click('[data-test=community-picker]');
  await page.getByRole('option', { name: '安公社区' }).click();
  await page.locator('[data-test=regular-total]').waitFor();
  await page.close();
});

test('the street administrator opens the fund on the whole street; the books ask for a community', async () => {
  const page = await browser.newPage();
  await login(page, server.base, 'admin');
  await page.goto(`${server.base}/charity`);
  await page.getByRole('tab', { name: '捐赠' }).click();
  await page.locator('.el-tab-pane:visible .el-table__row').first().waitFor();
  const communities = await columnTexts(page, '社区');
  assert.ok(communities.length > 0 && communities.every((c) => /社区$/.test(c.trim())), communities.slice(0, 5).join(','));
  await page.getByRole('tab', { name: '账簿' }).click();
  await page.locator('.el-tab-pane:visible .el-empty').waitFor();
  await page.close();
});

test('elder mode enlarges the buttons too, not only the text', async () => {
  const page = await phoneLogin(browser, server.base, 'resident');
  const size = () => page.locator('.link-button').first().evaluate((el) => {
    const s = getComputedStyle(el);
    return { font: parseFloat(s.fontSize), height: el.getBoundingClientRect().height };
  });
  const before = await size();
  await page.getByRole('switch', { name: '长辈模式' }).click();
  await page.waitForFunction(() => document.querySelector('.m-root')?.classList.contains('elder'));
  const after = await size();
  assert.ok(after.font >= 18 && after.font > before.font, JSON.stringify({ before, after }));
  assert.ok(after.height >= 48, JSON.stringify(after));
  await page.context().close();
});

test('the street administrator opens the party line and the rights centre on the whole street', async () => {
  const page = await browser.newPage();
  await login(page, server.base, 'admin');
  await page.goto(`${server.base}/party`);
  await page.locator('.el-tab-pane:visible .el-table__row').first().waitFor();
  const communities = await columnTexts(page, '社区');
  assert.ok(communities.length > 0 && communities.every((c) => /社区$/.test(c.trim())), communities.slice(0, 5).join(','));
  assert.equal(await page.getByRole('tab', { name: '联络覆盖' }).count(), 0, 'coverage is counted per community');
  await page.click('[data-test=community-picker]');
  await page.getByRole('option', { name: '安公社区' }).click();
  await page.getByRole('tab', { name: '联络覆盖' }).click();
  await page.locator('[data-test=coverage-share]').waitFor();

  await page.goto(`${server.base}/cases`);
  await page.locator('.el-empty').first().waitFor();
  await page.click('[data-test=community-picker]');
  await page.getByRole('option', { name: '安公社区' }).click();
  await page.waitForFunction(() => document.querySelector('[data-test=resolved-all-time]')?.textContent.trim() === '221');
  await page.close();
});

test('staff land on what waits for them, counted from the lists the cards open', async () => {
  const page = await browser.newPage();
  await login(page, server.base, 'angong');
  await page.waitForURL((u) => u.pathname === '/todo');
  const card = page.locator('[data-task=approvals]');
  await card.waitFor();
  const expected = await page.evaluate(async () => (await (await fetch('/api/v1/charity/disbursements?status=requested&limit=1')).json()).total);
  await page.waitForFunction((n) => document.querySelector('[data-task=approvals] .value')?.textContent.trim() === String(n), expected);
  assert.equal(await page.locator('[data-task=unassignedCases]').count(), 0, 'a community worker does not assign cases');
  await card.click();
  await page.waitForURL((u) => u.pathname === '/charity');
  await page.close();

  const head = await browser.newPage();
  await login(head, server.base, 'rights');
  const unassigned = await head.evaluate(async () => (await (await fetch('/api/v1/cases?status=registered&limit=1')).json()).total);
  await head.waitForFunction((n) => document.querySelector('[data-task=unassignedCases] .value')?.textContent.trim() === String(n), unassigned);
  await head.close();
});
