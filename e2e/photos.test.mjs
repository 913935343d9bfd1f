// Photos in the browser: the desk adds one to an exhibit and it shows in the drawer and on the
// public museum page; a series event shows its photos; a resident adds one to the activity they
// proposed, on the phone. Every page passes axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, login, phoneLogin, expectAccessible } from './browser.mjs';
import { png } from '../tests/lib/png.mjs';

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
// Waits until the images of `selector` — at least one — have loaded with pixels.
const loaded = (page, selector) => page.waitForFunction((s) => {
  const imgs = [...document.querySelectorAll(s)];
  return imgs.length > 0 && imgs.every((i) => i.complete && i.naturalWidth > 0);
}, selector, { timeout: 10000 });

test('the desk adds a photo to an exhibit; the drawer and the public catalogue show it', async () => {
  const page = await desk();
  await page.goto(`${server.base}/culture`);
  await page.getByRole('tab', { name: '馆藏展品' }).click();
  const row = page.locator('.el-tab-pane:visible .el-table__row').nth(1);
  const title = (await row.locator('td').nth(1).textContent()).trim();
  await row.click();
  const strip = page.locator('.el-drawer [data-test=photos]');
  await strip.waitFor();
  const before = await strip.locator('[data-test=photo]').count();
  await page.locator('input[data-test=photo-caption]').fill(`正面 ${stamp}`);
  await page.locator('input[data-test=photo-file]').setInputFiles({ name: 'front.png', mimeType: 'image/png', buffer: png(1200, 900) });
  await page.getByText('照片已上传').waitFor();
  await strip.locator('[data-test=photo]', { hasText: `正面 ${stamp}` }).waitFor();
  assert.equal(await strip.locator('[data-test=photo]').count(), before + 1);
  await strip.locator('[data-test=photo] img').first().waitFor();
  await loaded(page, '.el-drawer [data-test=photo] img');
  // A file that is not a picture is refused with the reason.
  await page.locator('input[data-test=photo-file]').setInputFiles({ name: 'list.png', mimeType: 'image/png', buffer: Buffer.from('姓名,电话\n') });
  await page.locator('.el-message--error').getByText(/不是可接受的图片/).waitFor();
  await page.locator('.el-message').first().waitFor({ state: 'detached' });
  await expectAccessible(page, '/culture exhibit photos');
  const community = await page.evaluate(async () => (await (await fetch('/api/v1/communities?limit=10')).json()).items.find((c) => c.name === '安公社区').id);
  await page.context().close();

  const visitor = await browser.newContext({ locale: 'zh-CN', bypassCSP: true });
  const pub = await visitor.newPage();
  await pub.goto(`${server.base}/museum/${community}`);
  const card = pub.locator('[data-test=museum-items] li', { hasText: title }).first();
  const cover = card.locator('[data-test=museum-photo] img');
  await cover.scrollIntoViewIfNeeded();
  // The thumbnail loads without a login.
  await cover.evaluate((i) => (i.complete && i.naturalWidth ? null : new Promise((ok, fail) => { i.onload = ok; i.onerror = fail; })));
  assert.equal(await cover.evaluate((i) => i.naturalWidth), 320);
  await expectAccessible(pub, '/museum with photos');
  await visitor.close();
});

test('an art-week event opens with its photos', async () => {
  const page = await desk();
  await page.goto(`${server.base}/culture`);
  await page.getByRole('tab', { name: '品牌活动' }).click();
  await page.locator('.el-tab-pane:visible .el-select', { has: page.locator('[aria-label="品牌名称"]') }).click();
  await page.getByRole('option', { name: '民族文化艺术周' }).click();
  await page.locator('.el-tab-pane:visible .el-table__row', { hasText: '2021-10' }).first().click();
  const strip = page.locator('.el-drawer [data-test=photos]');
  await strip.locator('[data-test=photo] img').first().waitFor();
  await loaded(page, '.el-drawer [data-test=photo] img');
  await page.locator('.el-select-dropdown:visible').waitFor({ state: 'detached' });
  await expectAccessible(page, '/culture event');
  await page.context().close();
});

test('a resident adds a photo to the activity they proposed, on the phone; the committee sees it', async () => {
  const page = await phoneLogin(browser, server.base, 'resident');
  await page.goto(`${server.base}/m/selfhelp`);
  await page.locator('[data-test=sh-title] input').fill(`楼栋包粽子 ${stamp}`);
  await page.locator('[data-test=sh-place] input').fill('安公小区 3 栋架空层');
  await page.locator('[data-test=sh-send]').click();
  const item = page.locator('[data-test=sh-item]', { hasText: `楼栋包粽子 ${stamp}` });
  await item.waitFor();
  await item.locator('input[data-test=m-photo-file]').setInputFiles({ name: 'zongzi.png', mimeType: 'image/png', buffer: png(900, 1200) });
  await item.locator('[data-test=m-photos] img').waitFor();
  await loaded(page, '[data-test=m-photos] img');
  await page.locator('.van-toast').first().waitFor({ state: 'hidden' });
  await expectAccessible(page, '/m/selfhelp with photos');
  await page.context().close();

  const staff = await desk();
  await staff.goto(`${server.base}/committee`);
  await staff.getByRole('tab', { name: '自发活动' }).click();
  await staff.locator('.el-tab-pane:visible .el-table__row', { hasText: `楼栋包粽子 ${stamp}` }).click();
  await loaded(staff, '.el-drawer [data-test=photo] img');
  assert.equal(await staff.locator('.el-drawer [data-test=photo]').count(), 1);
  await staff.context().close();
});
