import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { startServer, launch, login, PASSWORD } from './browser.mjs';

const require = createRequire(process.env.TONGXIN_WEB + '/../package.json');
const axePath = require.resolve('axe-core/axe.min.js');

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('the service circle shows coverage by kind on a map drawn from the buildings, with the gaps listed', async () => {
  const page = await browser.newPage();
  await login(page, server.base, 'angong');
  await page.goto(`${server.base}/services`);
  const table = page.locator('[data-test=coverage]');
  await table.getByText('婴幼儿托育').waitFor();
  await table.getByText('婴幼儿托育').click();
  await page.getByText(/未覆盖楼栋（\d+）/).waitFor();
  const gaps = Number((await page.getByText(/未覆盖楼栋（\d+）/).textContent()).match(/（(\d+)）/)[1]);
  assert.ok(gaps > 0);
  assert.equal(await page.locator('[data-test=gaps] .el-table__row').count(), gaps);
  assert.equal(await page.locator('.map canvas').count(), 1);
  await page.close();
});

test('a resident asks neighbours for help on the phone page', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, locale: 'zh-CN', bypassCSP: true });
  const m = await context.newPage();
  await m.goto(`${server.base}/m/login`);
  await m.fill('input[name=username]', 'resident');
  await m.fill('input[name=password]', PASSWORD);
  await m.click('button[type=submit]');
  await m.waitForURL((u) => u.pathname === '/m');
  await m.goto(`${server.base}/m/aid`);
  const title = `帮忙取快递 ${Date.now() % 10000}`;
  await m.getByPlaceholder('如：陪同就医、放学接送').fill(title);
  await m.click('[data-test=post-aid]');
  await m.locator('article', { hasText: title }).getByRole('button', { name: '撤销' }).waitFor();
  // The confirmation toast is transient (Vant's toast is an unnamed popup); check the page after it.
  await m.locator('.van-toast').waitFor({ state: 'hidden' });
  await m.addScriptTag({ path: axePath });
  const violations = await m.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`));
  assert.deepEqual(violations, []);
  await context.close();
});

test('the street administrator sees mutual aid across the street, with a community column, and picks one community', async () => {
  const page = await browser.newPage();
  await login(page, server.base, 'admin');
  await page.goto(`${server.base}/services`);
  await page.getByText('请先在右上角选择社区').waitFor();
  await page.getByRole('tab', { name: '邻里互助' }).click();
  const rows = page.locator('.el-tab-pane:visible .el-table__body .el-table__row');
  await rows.first().waitFor();
  const text = await page.locator('.el-tab-pane:visible .el-table__body').textContent();
  assert.ok(text.includes('安公社区') && text.includes('南山社区'), 'requests of both communities are listed');
  await page.click('[data-test=community-picker]');
  await page.locator('.el-select-dropdown__item', { hasText: '南山社区' }).click();
  await page.waitForLoadState('networkidle');
  assert.ok(!(await page.locator('.el-tab-pane:visible .el-table__body').textContent()).includes('安公社区'));
  await page.close();
});
