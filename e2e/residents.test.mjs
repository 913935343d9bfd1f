import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, launch, login } from './browser.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('a community worker logs in, finds a resident by pinyin initials, opens the record and sees the phone masked', async () => {
  // A resident of 安公 with a phone, and their initials, from the database itself.
  const [name, initials, masked] = execFileSync('sqlite3', ['-separator', '|', server.db,
    "SELECT r.name, r.initials, r.phone_masked FROM residents r JOIN places p ON p.id = r.community_id " +
    "WHERE p.name = '安公社区' AND r.phone_masked <> '' AND r.moved_out IS NULL AND length(r.initials) = 3 ORDER BY r.id LIMIT 1"])
    .toString().trim().split('|');
  const page = await browser.newPage();
  await login(page, server.base, 'angong');
  await page.goto(`${server.base}/residents`);
  await page.fill('input[data-test=search], [data-test=search] input', initials);
  await page.keyboard.press('Enter');
  const row = page.locator('[data-test=residents-table] .el-table__row', { hasText: name }).first();
  await row.waitFor();
  await row.click();
  const drawer = page.locator('[data-test=resident-drawer]');
  await drawer.locator('[data-test=phone]').waitFor();
  const phone = await drawer.locator('[data-test=phone]').textContent();
  assert.equal(phone.trim(), masked);
  assert.match(phone, /^1\d\d\*{4}\d{4}$/);
  await page.screenshot({ path: `${process.env.TONGXIN_E2E_WORK}/resident.png` });
  await page.close();
});

test('the workbench switches to English and back', async () => {
  const page = await browser.newPage();
  await login(page, server.base, 'angong');
  await page.goto(`${server.base}/residents`);
  await page.click('[data-test=language]');
  await page.getByRole('heading', { name: 'Residents' }).waitFor();
  await page.click('[data-test=language]');
  await page.getByRole('heading', { name: '居民名册' }).waitFor();
  await page.close();
});

test('the dashboard shows the registry figures and drills down to records', async () => {
  const page = await browser.newPage();
  await login(page, server.base, 'angong');
  await page.goto(`${server.base}/dashboard`);
  const card = page.locator('[data-kpi="registry.minority_residents"]');
  await card.waitFor();
  const value = Number((await card.locator('.value').textContent()).replace(/[^\d]/g, ''));
  assert.ok(value > 0);
  await card.click();
  await page.getByText(`共 ${value} 条`).waitFor();
  await page.close();
});

test('on a phone-sized screen the menu opens from a button', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await login(page, server.base, 'angong');
  await page.goto(`${server.base}/residents`);
  await page.getByRole('button', { name: '菜单' }).click();
  await page.getByRole('menuitem', { name: '地点与住户' }).click();
  await page.waitForURL(/\/places$/);
  await page.close();
});

test('a resident\'s drawer shows the whole person: household, liaison, posts, hours', async () => {
  const page = await browser.newPage();
  await login(page, server.base, 'angong');
  // A minority resident with a liaison.
  const pairing = await page.evaluate(async () => (await (await fetch('/api/v1/liaisons?limit=1')).json()).items[0]);
  await page.goto(`${server.base}/residents/${pairing.resident_id}`);
  const profile = page.locator('[data-test=resident-profile]');
  await profile.waitFor();
  await page.locator('[data-test=profile-pairing]', { hasText: pairing.liaison }).waitFor();
  await page.locator('[data-test=profile-household] .el-table__row').first().waitFor();
  await page.locator('[data-test=profile-hours]').waitFor();
  await page.close();
});
