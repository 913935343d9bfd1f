import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, login } from './browser.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('the treasurer records a donation to a project and the public disclosure page shows it', async () => {
  const desk = await browser.newPage();
  await login(desk, server.base, 'treasurer');
  await desk.goto(`${server.base}/charity`);
  const href = await desk.locator('[data-test=public-link]').getAttribute('href');
  // Before: the project's income on the public page, no login.
  const visitor = await browser.newPage();
  await visitor.goto(`${server.base}${href}`);
  const income = visitor.locator('[data-project="民族关爱帮扶项目"] .income');
  await income.waitFor();
  const before = Number((await income.textContent()).replace(/,/g, ''));

  await desk.getByRole('tab', { name: '捐赠' }).click();
  await desk.click('[data-test=record-donation]');
  await desk.locator('[data-test=donation-project]').click();
  await desk.getByRole('option', { name: '民族关爱帮扶项目' }).click();
  await desk.locator('.el-dialog .el-radio-button', { hasText: '单位' }).click();
  await desk.locator('input[data-test=donor-name], [data-test=donor-name] input').first().fill('同心测试商贸公司');
  await desk.locator('[data-test=publish-name]').click();
  await desk.locator('input[data-test=donation-amount], [data-test=donation-amount] input').first().fill('2,468.10');
  await desk.click('[data-test=donation-save]');
  await desk.getByText(/已登记，收据编号 JZ\d{4}-/).waitFor();

  await visitor.reload();
  await visitor.waitForFunction((want) => {
    const cell = document.querySelector('[data-project="民族关爱帮扶项目"] .income');
    return cell && Number(cell.textContent.replace(/,/g, '')) === want;
  }, Math.round((before + 2468.10) * 100) / 100);
  await visitor.getByText('同心测试商贸公司').waitFor();
  await desk.close();
  await visitor.close();
});
