// The organizations page: a society opens in its drawer (by row or by its address), shows its
// members and events, and records a new event through the drawer's dialog.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, login } from './browser.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('a worker opens a society, sees its members and events, and records a performance', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await login(page, server.base, 'angong');
  await page.goto(`${server.base}/organizations`);
  // Societies among every kind of organisation (partners and committees too): filter by kind.
  await page.locator('.el-select', { has: page.locator('[aria-label="类型"]') }).first().click();
  await page.getByRole('option', { name: /社团/ }).first().click();
  await page.getByRole('button', { name: '查询' }).click();
  const row = page.locator('[data-test=orgs-table] .el-table__row', { hasText: '社团' }).first();
  await row.waitFor();
  await row.click();
  await page.waitForURL(/\/organizations\/\d+$/);
  const drawer = page.locator('.el-drawer');
  await drawer.locator('.el-table__row').first().waitFor();
  const title = `民族歌舞展演 ${Date.now() % 100000}`;
  await drawer.getByRole('button', { name: '记录演出 / 活动' }).click();
  const dialog = page.locator('.el-dialog:visible');
  await dialog.locator('input').nth(1).fill(title);
  await dialog.getByRole('button', { name: '保存' }).click();
  await drawer.getByRole('cell', { name: title }).waitFor();
  // Reloading the address opens the same organization again.
  const url = page.url();
  await page.reload();
  await page.locator('.el-drawer').getByRole('cell', { name: title }).waitFor();
  assert.equal(page.url(), url);
  assert.deepEqual(errors, []);
  await page.close();
});
