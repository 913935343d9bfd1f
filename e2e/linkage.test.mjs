// The linkage platform in the browser: a brand project's page with its partners, the art week's
// events and contributions; a worker records an in-kind gift and an outcome whose figure comes from
// the project's records; a partner's agreements and a new one. Every page passes axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, login, expectAccessible } from './browser.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const stamp = Date.now().toString().slice(-6);
const desk = async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', bypassCSP: true });
  const page = await context.newPage();
  await login(page, server.base, 'angong');
  return page;
};

test('a brand project\'s page: partners, the events it ran, contributions; an in-kind gift and an outcome', async () => {
  const page = await desk();
  await page.goto(`${server.base}/linkage`);
  await page.locator('.el-tab-pane:visible .el-table__row', { hasText: '社区民族文化艺术周' }).click();
  const drawer = page.locator('.el-drawer:visible');
  await drawer.locator('[data-test=project-links] .el-table__row').first().waitFor();
  assert.match(await drawer.textContent(), /四川省新疆商会/);
  assert.ok(await drawer.locator('[data-test=project-contributions] .el-table__row').count() > 0);
  const rows = await drawer.locator('[data-test=project-contributions] .el-table__row').count();
  await drawer.locator('[data-test=gift-value] input').fill('1200');
  await drawer.locator('input[data-test=gift-what]').fill(`演出服装 ${stamp}`);
  await drawer.locator('[data-test=save-gift]').click();
  await drawer.locator('[data-test=project-contributions]').getByText(`演出服装 ${stamp}`).waitFor();
  assert.equal(await drawer.locator('[data-test=project-contributions] .el-table__row').count(), rows + 1);
  // The demo's outcome shows the audience its events counted, and unfolds to those events.
  const week = drawer.locator('[data-test=project-outcomes] [data-outcome=audience]').first();
  assert.match(await week.locator('[data-test=outcome-value]').textContent(), /^[1-9]\d* 人次$/);
  await week.getByRole('button', { name: /条记录/ }).click();
  const events = await week.locator('[data-test=outcome-records] li a').count();
  assert.equal(events, await drawer.locator('[data-test=project-links] .el-table__row', { hasText: '品牌活动' }).count());
  // A new outcome names the figure it shows: the value comes from the in-kind gifts, the new one among them.
  await drawer.locator('input[data-test=outcome-what]').fill(`物资支持 ${stamp}`);
  await drawer.locator('[data-test=outcome-measure]').click();
  await page.getByRole('option', { name: '物资折价' }).click();
  await drawer.locator('[data-test=save-outcome]').click();
  const gifts = drawer.locator('[data-test=project-outcomes] .el-timeline-item', { hasText: `物资支持 ${stamp}` });
  await gifts.waitFor();
  await gifts.getByRole('button', { name: /条记录/ }).click();
  await gifts.locator('[data-test=outcome-records]').getByText(`演出服装 ${stamp}`).waitFor();
  await page.locator('.el-message').first().waitFor({ state: 'detached' });
  await expectAccessible(page, '/linkage project');
  await page.context().close();
});

test('a partner\'s agreements; a new agreement is listed', async () => {
  const page = await desk();
  await page.goto(`${server.base}/linkage`);
  await page.getByRole('tab', { name: '共建单位' }).click();
  await page.locator('.el-tab-pane:visible .el-table__row', { hasText: '四川省西藏商会' }).click();
  const drawer = page.locator('.el-drawer:visible');
  await drawer.locator('[data-test=agreements] .el-table__row').first().waitFor();
  await drawer.locator('input[data-test=agreement-title]').fill(`续签协议 ${stamp}`);
  await drawer.locator('[data-test=save-agreement]').click();
  await drawer.locator('[data-test=agreements]').getByText(`续签协议 ${stamp}`).waitFor();
  await page.keyboard.press('Escape');
  await page.locator('.el-message').first().waitFor({ state: 'detached' });
  await expectAccessible(page, '/linkage partners');
  await page.context().close();
});
