// A community worker imports the sheet they keep: the hours of a month with a title row. The
// dry run lists each error on the row Excel shows; the corrected file is committed whole.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, login } from './browser.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('hours with a title row: errors by Excel row, then the fixed file imports every row', async () => {
  const page = await browser.newPage();
  await login(page, server.base, 'angong');
  // A resident whose name is unique in the community (so that a name alone finds them).
  const name = await page.evaluate(async () => {
    const list = await (await fetch('/api/v1/residents?limit=50')).json();
    for (const r of list.items) {
      const same = await (await fetch(`/api/v1/residents?q=${encodeURIComponent(r.name)}&limit=5`)).json();
      if (same.items.filter((x) => x.name === r.name).length === 1) return r.name;
    }
    return null;
  });
  assert.ok(name);
  const sheet = (rows) => Buffer.from(['安公社区志愿服务时长登记表,,,,', '姓名,服务日期,时长（小时）,服务类别,服务内容', ...rows].join('\r\n'));
  await page.goto(`${server.base}/volunteer`);
  await page.getByRole('tab', { name: '服务记录' }).click();
  await page.click('[data-test=import-hours]');
  const dialog = page.getByRole('dialog', { name: '批量导入志愿服务时长' });
  await dialog.locator('[data-test=import-file]').setInputFiles({ name: 'hours.csv', mimeType: 'text/csv', buffer: sheet([`${name},2021-03-05,2,邻里互助,买菜`, '查无此人,2021-03-05,2,邻里互助,买菜']) });
  await dialog.locator('[data-test=import-check]').click();
  const errors = dialog.locator('[data-test=import-errors] .el-table__row');
  await errors.first().waitFor();
  assert.deepEqual((await errors.allTextContents()).map((s) => s.replace(/\s+/g, '')), ['4姓名本社区没有这位居民（请核对姓名或身份证号）']);
  assert.ok(await dialog.locator('[data-test=import-commit]').isDisabled(), 'a file with errors cannot be committed');
  await dialog.getByRole('button', { name: '取消' }).click();

  await page.click('[data-test=import-hours]');
  await dialog.locator('[data-test=import-file]').setInputFiles({ name: 'hours.csv', mimeType: 'text/csv', buffer: sheet([`${name},2021-03-05,2,邻里互助,买菜`, `${name},2021-03-06,1.5,文化服务,排练`]) });
  await dialog.locator('[data-test=import-check]').click();
  const preview = dialog.locator('[data-test=import-preview] .el-table__row');
  await preview.first().waitFor();
  assert.match(await preview.nth(1).textContent(), /文化服务/);
  await dialog.locator('[data-test=import-commit]').click();
  await dialog.getByText('已导入 2 行').waitFor();
  await page.close();
});
