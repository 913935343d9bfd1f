// The street administrator manages accounts in the workbench: edits a role and scope, resets a
// password (the user then must choose a new one before anything else), disables an account.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, login, PASSWORD } from './browser.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

async function loginWith(page, username, password) {
  await page.goto(`${server.base}/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
}

test('an administrator edits an account, resets its password, and the user must change it first', async () => {
  const admin = await browser.newPage();
  await login(admin, server.base, 'admin');
  await admin.goto(`${server.base}/users`);
  const row = admin.locator('[data-test=users-table] .el-table__row', { hasText: 'nanshan' });
  await row.waitFor();
  assert.match(await row.textContent(), /南山社区/, 'the list names the place, not its id');

  // Rename the account (its role and scope stay).
  await admin.click('[data-test=edit-nanshan]');
  const dialog = admin.getByRole('dialog', { name: '编辑账号' });
  await dialog.getByLabel('姓名').fill('南山社区工作者（改）');
  await admin.click('[data-test=save-account]');
  await dialog.waitFor({ state: 'hidden' });
  await admin.locator('[data-test=users-table] .el-table__row', { hasText: '南山社区工作者（改）' }).waitFor();

  // Reset the password.
  await admin.click('[data-test=reset-nanshan]');
  const box = admin.getByRole('dialog', { name: '重置密码' });
  await box.locator('input').fill('Temp-pass-2021x');
  await box.getByRole('button', { name: /OK|确定/ }).click();
  await admin.locator('[data-test=users-table] .el-table__row', { hasText: '待改密' }).waitFor();
  await admin.close();

  // The user logs in with the temporary password and lands on the password form.
  const user = await browser.newPage();
  await loginWith(user, 'nanshan', 'Temp-pass-2021x');
  await user.waitForURL((u) => u.pathname === '/account');
  await user.locator('[data-test=must-change]').waitFor();
  await user.goto(`${server.base}/residents`);
  await user.waitForURL((u) => u.pathname === '/account');
  await user.close();
});

test('a disabled account cannot log in', async () => {
  const admin = await browser.newPage();
  await login(admin, server.base, 'admin');
  await admin.goto(`${server.base}/users`);
  await admin.click('[data-test=disable-treasurer]');
  await admin.getByRole('button', { name: /确定|OK|Yes/ }).last().click();
  await admin.locator('[data-test=users-table] .el-table__row', { hasText: 'treasurer' }).filter({ hasText: '停用' }).waitFor();
  await admin.close();
  const user = await browser.newPage();
  await loginWith(user, 'treasurer', PASSWORD);
  await user.getByText('用户名或密码错误').waitFor();
  await user.close();
});

test('the auditor opens the login log: sign-ins, failed ones too', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.base}/login`);
  await page.fill('input[name=username]', 'auditor');
  await page.fill('input[name=password]', 'wrong-password-1');
  await page.click('button[type=submit]');
  await page.locator('.el-message--error, .el-alert--error').first().waitFor();
  await login(page, server.base, 'auditor');
  await page.goto(`${server.base}/audit`);
  await page.locator('.el-table__body .el-table__row').first().waitFor();
  await page.click('[data-test=login-log]');
  await page.waitForFunction(() => [...document.querySelectorAll('.el-table__body .el-table__row')].every((r) => r.textContent.includes('登录')));
  const rows = page.locator('.el-table__body .el-table__row');
  await rows.first().waitFor();
  const texts = await rows.allTextContents();
  assert.ok(texts.every((r) => r.includes('登录')), texts[0]);
  assert.ok(texts.some((r) => r.includes('auditor') && r.includes('失败')), 'the failed attempt is there');
  await page.close();
});

test("an administrator sees who is signed in and ends another account's session", async () => {
  const other = await browser.newPage();
  await login(other, server.base, 'mediator');
  const admin = await browser.newPage();
  await login(admin, server.base, 'admin');
  await admin.goto(`${server.base}/users`);
  await admin.getByRole('tab', { name: '在线会话' }).click();
  const row = admin.locator('[data-test=online-sessions] .el-table__row', { hasText: 'mediator' }).first();
  await row.waitFor();
  assert.doesNotMatch(await row.textContent(), /Mozilla/, 'the device is named, not its user-agent string');
  await row.getByRole('button', { name: '结束会话' }).click();
  await admin.locator('.el-popconfirm').getByRole('button', { name: /确定|OK/ }).click();
  await admin.getByText('已完成').first().waitFor();
  // The mediator's next request finds the session ended.
  await other.goto(`${server.base}/cases`);
  await other.waitForURL(/\/login/);
  await other.close();
  await admin.close();
});

test('an administrator adds a volunteer kind; the volunteer line offers it and then, retired, no longer', async () => {
  const admin = await browser.newPage();
  await login(admin, server.base, 'admin');
  await admin.goto(`${server.base}/dictionaries`);
  await admin.locator('[data-test=dictionary-volunteer_kinds]').getByText('民族团结').waitFor();
  await admin.click('[data-test=dictionary-volunteer_kinds] [data-test=add-entry]');
  const dialog = admin.getByRole('dialog', { name: '新增条目' });
  await dialog.locator('input[data-test=entry-code]').fill('river_patrol');
  await dialog.locator('input[data-test=entry-name-zh]').fill('河道巡护');
  await dialog.getByRole('button', { name: '保存' }).click();
  await admin.locator('[data-test=dictionary-volunteer_kinds]').getByText('河道巡护').waitFor();

  const lead = await browser.newPage();
  await login(lead, server.base, 'vlead');
  await lead.goto(`${server.base}/volunteer`);
  await lead.click('[data-test=publish]');
  await lead.locator('.el-dialog [data-test=activity-kind]').click();
  await lead.locator('.el-select-dropdown__item', { hasText: '河道巡护' }).waitFor();

  await admin.click('[data-test=toggle-river_patrol]');
  await admin.locator('[data-test=dictionary-volunteer_kinds] .el-table__row', { hasText: 'river_patrol' }).getByText('已停用').waitFor();
  await lead.reload();
  await lead.click('[data-test=publish]');
  await lead.locator('.el-dialog [data-test=activity-kind]').click();
  await lead.locator('.el-select-dropdown__item', { hasText: '民族团结' }).first().waitFor();
  assert.equal(await lead.locator('.el-select-dropdown__item', { hasText: '河道巡护' }).count(), 0);
  await lead.close();
  await admin.close();
});
