// The unity committee: an officer logs a contact and a need on the phone, a resident proposes an
// activity on the phone, and the committee sees both on its workbench and registers the activity.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, login, phoneLogin, expectAccessible } from './browser.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const stamp = Date.now().toString().slice(-6);

test('an officer logs care and a need for one of their households on the phone', async () => {
  const page = await phoneLogin(browser, server.base, 'officer');
  await page.locator('[data-test=tab-m-officer]').click();
  const first = page.locator('[data-test=officer-household]').first();
  await first.waitFor();
  const address = (await first.locator('.van-cell__title').textContent()).trim();
  await first.click();
  const form = page.locator('[data-test=officer-form]');
  await form.waitFor();
  await form.getByText('关爱帮扶', { exact: true }).click();
  await form.locator('[data-test=officer-care] input').fill(`送米面油 ${stamp}`);
  await form.locator('[data-test=officer-summary] textarea').fill('入户慰问独居老人');
  await form.locator('[data-test=officer-save]').click();
  await page.locator('[data-test=officer-log]').first().getByText(`送米面油 ${stamp}`).waitFor();
  assert.equal((await page.locator('[data-test=officer-log]').first().locator('strong').textContent()).trim(), address);
  await form.getByRole('tab', { name: '反映需求' }).click();
  await form.getByText('子女入学', { exact: true }).click();
  await form.locator('[data-test=officer-need] textarea').fill(`孩子转学需要学位 ${stamp}`);
  await form.locator('[data-test=officer-raise]').click();
  await page.getByText('已保存').waitFor();
  await page.context().close();

  // The committee sees the need in hand and refers it.
  const desk = await browser.newPage();
  await login(desk, server.base, 'angong');
  await desk.goto(`${server.base}/committee`);
  await desk.locator('[data-test=home-officers]').getByText('12').waitFor();
  await desk.getByRole('tab', { name: '需求跟进' }).click();
  const row = desk.locator('.el-table__row', { hasText: `孩子转学需要学位 ${stamp}` });
  await row.waitFor();
  await row.getByRole('button', { name: '跟进' }).click();
  await desk.locator('textarea[data-test=need-outcome]').fill('已协调学区学位');
  await desk.getByRole('radio', { name: '已解决' }).click({ force: true });
  await desk.locator('[data-test=save-follow]').click();
  await row.waitFor({ state: 'detached' });
  await desk.close();
});

test('a resident proposes an activity on the phone; the committee registers it', async () => {
  const phone = await phoneLogin(browser, server.base, 'resident');
  await phone.goto(`${server.base}/m/me`);
  await phone.locator('[data-test=me-selfhelp]').click();
  await phone.locator('[data-test=sh-title] input').fill(`楼下锅庄舞 ${stamp}`);
  await phone.locator('[data-test=sh-place] input').fill('安公小区中心广场');
  await phone.locator('[data-test=sh-send]').click();
  const mine = phone.locator('[data-test=sh-item]', { hasText: `楼下锅庄舞 ${stamp}` });
  await mine.getByText('待审核').waitFor();

  const desk = await browser.newPage();
  await login(desk, server.base, 'angong');
  await desk.goto(`${server.base}/committee`);
  await desk.getByRole('tab', { name: '自发活动' }).click();
  const row = desk.locator('.el-table__row', { hasText: `楼下锅庄舞 ${stamp}` });
  await row.click();
  await desk.locator('[data-test=register]').click();
  await desk.locator('[data-test=activity-state]').getByText('已登记').waitFor();
  await desk.locator('[data-test=participant-picker]').waitFor();
  await desk.close();

  await phone.reload();
  await phone.locator('[data-test=sh-item]', { hasText: `楼下锅庄舞 ${stamp}` }).getByText('已登记').waitFor();
  await phone.context().close();
});

test("the committee's coverage: every minority household of 安公社区 has an officer; every tab passes axe", async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', bypassCSP: true });
  const page = await context.newPage();
  await login(page, server.base, 'angong');
  await page.goto(`${server.base}/committee`);
  await page.getByRole('tab', { name: '包户与覆盖' }).click();
  const share = page.locator('[data-test=coverage-share]');
  await share.waitFor();
  assert.equal((await share.textContent()).trim(), '100.0%');
  const failures = [];
  for (const tab of ['包户与覆盖', '联络记录', '需求跟进', '自发活动']) {
    await page.getByRole('tab', { name: tab }).click();
    await page.waitForLoadState('networkidle');
    await page.locator('.el-tab-pane:visible .el-table__row').first().waitFor();
    try { await expectAccessible(page, tab); } catch (e) { failures.push(e.message); }
  }
  await context.close();
  if (failures.length) throw new Error(failures.join('\n\n'));
});
