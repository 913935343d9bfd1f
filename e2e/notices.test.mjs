import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, login, phoneLogin } from './browser.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('a worker publishes a notice, residents read it on the phone, and it is withdrawn', async () => {
  const desk = await browser.newPage();
  await login(desk, server.base, 'nanshan');
  await desk.goto(`${server.base}/notices`);
  await desk.locator('[data-test=new-notice]').click();
  const dialog = desk.getByRole('dialog');
  await dialog.getByLabel('标题').fill('周六上午义诊');
  await dialog.getByLabel('内容').fill('本周六上午九点，社区卫生服务站在南山苑小区门口义诊，请带好医保卡。');
  await dialog.locator('[data-test=save-notice]').click();
  const card = desk.locator('.notice', { hasText: '周六上午义诊' });
  await card.waitFor();

  const phone = await phoneLogin(browser, server.base, 'leader');
  await phone.goto(`${server.base}/m/notices`);
  await phone.getByText('周六上午义诊').waitFor();
  const first = phone.locator('article').first();
  assert.match(await first.textContent(), /周六上午义诊/, 'newest first');

  await card.getByRole('button', { name: '撤下' }).click();
  await desk.locator('.el-popconfirm').getByRole('button', { name: /确定|OK|Yes/ }).click();
  await card.waitFor({ state: 'detached' });
  await phone.reload();
  await phone.locator('article').first().waitFor();
  assert.doesNotMatch(await phone.locator('main').textContent(), /周六上午义诊/);
  await desk.close();
  await phone.context().close();
});
