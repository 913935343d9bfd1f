import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, login } from './browser.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('a mediator records a session on a case; a community worker sees only the figures', async () => {
  const page = await browser.newPage();
  await login(page, server.base, 'mediator');
  await page.goto(`${server.base}/cases`);
  await page.locator('[data-test=case-list] .el-table__row').first().waitFor();
  await page.locator('[data-test=case-list] .el-table__row').first().click();
  await page.locator('input[data-test=session-notes], [data-test=session-notes] input').first().fill('电话回访双方，情绪平稳');
  await page.click('[data-test=add-session]');
  await page.getByText('电话回访双方，情绪平稳').waitFor();
  await page.close();

  const desk = await browser.newPage();
  await login(desk, server.base, 'angong');
  await desk.goto(`${server.base}/cases`);
  await desk.waitForFunction(() => document.querySelector('[data-test=resolved-all-time]')?.textContent.trim() === '221');
  assert.equal(await desk.locator('[data-test=case-list]').count(), 0);
  await desk.close();
});
