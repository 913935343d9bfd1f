import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, login } from './browser.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('a community worker sees full liaison coverage and the party groups behind the figures', async () => {
  const page = await browser.newPage();
  await login(page, server.base, 'angong');
  await page.goto(`${server.base}/party`);
  const share = page.locator('[data-test=coverage-share]');
  await share.waitFor();
  assert.equal((await share.textContent()).trim(), '100.0%');
  await page.goto(`${server.base}/dashboard`);
  const card = page.locator('[data-kpi="party.ethnic_work_groups"]');
  await card.waitFor();
  await page.waitForFunction(() => document.querySelector('[data-kpi="party.ethnic_work_groups"] .value')?.textContent.includes('4'));
  await card.click();
  await page.getByText('民族工作第一党小组').waitFor();
  await page.close();
});

test("the street's drill-down names columns and codes in words, each record with its community", async () => {
  const page = await browser.newPage();
  await login(page, server.base, 'admin');
  await page.goto(`${server.base}/dashboard`);
  const members = page.locator('[data-kpi="party.minority_members"]');
  await members.waitFor();
  // Money in yuan, shares in per cent (the figures themselves are fen and fractions).
  await page.waitForFunction(() => /元/.test(document.querySelector('[data-kpi="charity.raised_fen"] .value')?.textContent || ''));
  assert.match(await page.locator('[data-kpi="party.liaison_coverage"] .value').textContent(), /^\s*\d+\.\d%\s*$/);
  await members.click();
  const drawer = page.locator('.el-drawer');
  await drawer.getByRole('columnheader', { name: '政治面貌' }).waitFor();
  await drawer.getByRole('columnheader', { name: '社区' }).waitFor();
  const first = drawer.locator('.el-table__row').first();
  await first.waitFor();
  const text = await first.textContent();
  assert.match(text, /中共党员|中共预备党员/);
  assert.match(text, /安公社区|南山社区/);
  assert.doesNotMatch(text, /\b0[12]\b/);
  await page.close();
});

test('a liaison sees only their paired households', async () => {
  const page = await browser.newPage();
  await login(page, server.base, 'liaison');
  await page.goto(`${server.base}/party`);
  await page.getByRole('tab', { name: '一对一结对' }).waitFor();
  const rows = page.locator('.el-table__row');
  await rows.first().waitFor();
  assert.ok(await rows.count() > 0);
  assert.equal(await page.getByRole('tab', { name: '联络覆盖' }).count(), 0);
  await page.close();
});
