import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, launch, login, expectAccessible } from './browser.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const q = (sql) => execFileSync('sqlite3', ['-separator', '|', server.db, sql]).toString().trim();

test('a worker opens a compound, then a building drawn as floors by units with head-counts, and goes to a household', async () => {
  const [building, compound] = q("SELECT b.name, c.name FROM places b JOIN compounds c ON c.id = b.compound_id JOIN places p ON p.id = b.community_id WHERE p.name = '安公社区' ORDER BY b.id LIMIT 1").split('|');
  const buildingId = q(`SELECT id FROM places WHERE name = '${building}'`);
  const households = Number(q(`SELECT count(*) FROM households WHERE building_id = ${buildingId}`));
  const people = Number(q(`SELECT count(*) FROM residents WHERE building_id = ${buildingId} AND moved_out IS NULL`));
  // axe is injected as a script: the page's CSP would refuse it.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  await login(page, server.base, 'angong');
  await page.goto(`${server.base}/places`);
  const tree = page.locator('[data-test=places-tree]');
  await tree.getByText('安公社区', { exact: false }).first().click();
  // The community lists its compounds with their counts.
  const compounds = page.locator('[data-test=compounds-table]');
  await compounds.getByText(compound, { exact: true }).waitFor();
  // Rows at hand sort by a column as shown: residents, fewest first, then most first.
  const residentsIn = async () => (await compounds.locator('.el-table__body tr td:nth-child(6)').allTextContents()).map(Number);
  await compounds.locator('th', { hasText: '常住居民' }).click();
  const up = await residentsIn();
  assert.deepEqual(up, [...up].sort((a, b) => a - b));
  await compounds.locator('th', { hasText: '常住居民' }).click();
  const down = await residentsIn();
  assert.deepEqual(down, [...up].reverse());
  assert.ok(up[0] < up[up.length - 1], 'the compounds differ in size, so the order is visible');
  await tree.locator('.el-tree-node__content', { hasText: `小区 · ${compound}` }).click();
  await page.getByText(`小区 · ${compound}`, { exact: true }).last().waitFor();
  await tree.locator('.el-tree-node__content', { hasText: building }).first().click();
  const grid = page.locator('[data-test=building-grid]');
  await grid.waitFor();
  assert.equal(await grid.locator('tbody tr').count(), 18);
  assert.equal(await grid.locator('button.room').count(), households);
  const summary = await page.locator('[data-test=grid-summary]').textContent();
  assert.match(summary, new RegExp(`共 ${households} 户，常住 ${people} 人`));
  await expectAccessible(page, 'building grid');
  // The first room of unit 1 on floor 1 leads to its residents.
  const [hid, room] = q(`SELECT id, room FROM households WHERE building_id = ${buildingId} AND unit = '1' ORDER BY length(room), room LIMIT 1`).split('|');
  await grid.locator(`[data-test="room-1-${room}"]`).click();
  await page.waitForURL(new RegExp(`/residents\\?household=${hid}`));
  await context.close();
});

test('a worker adds a compound and places a new building in it with its floors and units', async () => {
  const page = await browser.newPage();
  await login(page, server.base, 'angong');
  await page.goto(`${server.base}/places`);
  const tree = page.locator('[data-test=places-tree]');
  await tree.getByText('安公社区', { exact: false }).first().click();
  await page.click('[data-test=add-compound]');
  const dialog = page.locator('.el-dialog').filter({ hasText: '新增小区' });
  await dialog.getByLabel('名称').fill('测试新苑');
  await dialog.getByRole('button', { name: '保存' }).click();
  await page.locator('[data-test=compounds-table]').getByText('测试新苑', { exact: true }).waitFor();
  assert.equal(q("SELECT count(*) FROM compounds WHERE name = '测试新苑'"), '1');
  // A grid's new building goes into the compound.
  await tree.locator('.el-tree-node__expand-icon').first().click().catch(() => {});
  await tree.locator('.el-tree-node__content', { hasText: '第1网格' }).first().click();
  await page.getByRole('button', { name: '新增下级' }).click();
  const add = page.locator('.el-dialog').filter({ hasText: '新增下级' });
  await add.getByLabel('名称').fill('测试新苑1栋');
  await add.locator('[data-test=building-compound]').click();
  await page.locator('.el-select-dropdown__item', { hasText: '测试新苑' }).click();
  await add.getByLabel('层数').fill('6');
  await add.getByRole('button', { name: '保存' }).click();
  await page.getByText('已保存').first().waitFor();
  assert.equal(q("SELECT c.name || '|' || b.floors FROM places b JOIN compounds c ON c.id = b.compound_id WHERE b.name = '测试新苑1栋'"), '测试新苑|6');
  await page.close();
});
