// The employment platform in the browser: the centre registers a seeker, records a step of the
// path and a placement; the funnel's counts open the seekers behind them; a business with a wrong
// credit code is refused with the reason; a resident registers on the phone. Every page passes axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, login, phoneLogin, expectAccessible } from './browser.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const desk = async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', bypassCSP: true });
  const page = await context.newPage();
  await login(page, server.base, 'angong');
  return page;
};
const gone = (page) => page.locator('.el-message').first().waitFor({ state: 'detached' });

test('the centre registers a seeker, records training and a placement; every tab passes axe', async () => {
  const page = await desk();
  await page.goto(`${server.base}/jobs`);
  await page.locator('.el-tab-pane:visible .el-table__row').first().waitFor();
  await expectAccessible(page, '/jobs seekers');
  await page.locator('[data-test=register-seeker]').click();
  await page.locator('.el-dialog [data-test=resident-picker]').click();
  await page.keyboard.type('扎');
  const option = page.locator('.el-select-dropdown__item:visible').first();
  await option.waitFor();
  const who = (await option.textContent()).split('（')[0];
  await option.click();
  await page.locator('input[data-test=seeker-skills]').fill('藏餐烹饪');
  await page.locator('[data-test=save-seeker]').click();
  const drawer = page.locator('.el-drawer:visible');
  const already = page.locator('.el-message--error');
  await Promise.race([drawer.waitFor(), already.waitFor()]);
  if (await already.count()) {  // the resident picked was already registered: open their record instead
    await page.keyboard.press('Escape');
    const search = page.locator('.el-tab-pane:visible input[aria-label="姓名或技能"]');
    await search.fill(who);
    await search.press('Enter');
    await page.locator('.el-table__row', { hasText: who }).first().click();
  }
  await drawer.locator('[data-test=seeker-path]').waitFor();
  if ((await drawer.locator('[data-test=seeker-status]').textContent()) === '求职中') {
    await drawer.locator('[data-test=add-step]').click();
    await drawer.locator('[data-test=seeker-path]').getByText('参加培训').waitFor();
    await drawer.locator('[data-test=start-place]').click();
    await page.locator('.el-dialog:visible [data-test=placement-employer]').click();
    await page.locator('.el-select-dropdown__item:visible').first().click();
    await page.locator('input[data-test=placement-position]').fill('厨师');
    await page.locator('[data-test=save-placement]').click();
    await drawer.locator('[data-test=seeker-status]').getByText('已就业').waitFor();
    await drawer.locator('[data-test=seeker-path]').getByText('就业').first().waitFor();
  }
  await page.keyboard.press('Escape');
  await gone(page);
  for (const tab of ['就业与回访', '职业证书', '创业', '用人单位']) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await page.locator('.el-tab-pane:visible .el-table__row').first().waitFor();
    await expectAccessible(page, `/jobs ${tab}`);
  }
  // A wrong credit code is refused with the reason, and nothing is kept.
  await page.getByRole('tab', { name: '创业', exact: true }).click();
  await page.locator('[data-test=add-business]').click();
  await page.locator('.el-dialog:visible [data-test=resident-picker]').click();
  await page.locator('.el-select-dropdown__item:visible').first().click();
  await page.locator('input[data-test=business-name]').fill('测试茶饮店');
  await page.locator('input[data-test=business-code]').fill('92510116ABCDEFGHJ0');
  await page.locator('[data-test=save-business]').click();
  await page.locator('.el-dialog:visible .el-form-item__error').getByText(/统一社会信用代码不正确/).waitFor();
  await page.context().close();
});

test('the funnel of 2021: a count opens exactly that many seekers', async () => {
  const page = await desk();
  await page.goto(`${server.base}/jobs`);
  await page.getByRole('tab', { name: '就业漏斗' }).click();
  await page.locator('[data-test=funnel-year]').click();
  await page.getByRole('option', { name: '2021', exact: true }).click();
  const placed = page.locator('[data-test=funnel-placed]');
  await page.locator('[data-test=funnel-steps]').getByText('就业').first().waitFor();
  await page.waitForFunction(() => document.querySelector('[data-test=funnel-placed]')?.textContent.trim() !== '0');
  const n = Number((await placed.textContent()).trim());
  assert.ok(n >= 64, `${n} placed`);
  await placed.click();
  await page.locator('.el-drawer:visible').getByText(`共 ${n} 条`).waitFor();
  await page.keyboard.press('Escape');
  await page.locator('.el-select-dropdown:visible').waitFor({ state: 'detached' });
  await expectAccessible(page, '/jobs funnel');
  await page.context().close();
});

test('a resident registers as a job seeker on the phone and sees their path', async () => {
  const page = await phoneLogin(browser, server.base, 'resident');
  await page.goto(`${server.base}/m/me`);
  await page.locator('[data-test=me-jobs]').click();
  const mine = page.locator('[data-test=mj-mine]');
  const form = page.locator('[data-test=mj-send]');
  await Promise.race([mine.waitFor(), form.waitFor()]);
  if (!(await mine.count())) {
    await page.locator('[data-test=mj-skills] input').fill('会计');
    await page.locator('[data-test=mj-wishes] input').fill('财务');
    await form.click();
    await mine.waitFor();
    await page.locator('.van-toast').first().waitFor({ state: 'hidden' });
  }
  assert.match(await mine.textContent(), /登记/);
  await expectAccessible(page, '/m/jobs');
  await page.context().close();
});
