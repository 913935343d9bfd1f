// No page shows a person a raw code: no snake_case keys, no dotted translation keys, no ISO
// timestamps, on every workbench page a community worker, the street administrator and the
// auditor open (with each page's tabs), and on every phone page a resident opens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, login, phoneLogin } from './browser.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const RAW = [
  [/\b[a-z]+_[a-z_]+\b/, 'a snake_case code'],
  [/\b[a-z]+\.[a-zA-Z]+(\.[a-zA-Z]+)*\b/, 'a dotted key'],
  [/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, 'an ISO timestamp'],
];
// What may look like a code but is data a person reads: addresses of web pages and e-mail.
const ALLOWED = /https?:\/\/\S+|\b[\w.]+@[\w.]+/g;

async function rawOn(page) {
  const text = (await page.evaluate(() => document.body.innerText)).replace(ALLOWED, '');
  const found = [];
  for (const [pattern, what] of RAW) {
    const m = text.match(pattern);
    if (m) found.push(`${what}: "${m[0]}" in "…${text.slice(Math.max(0, m.index - 30), m.index + 40).replace(/\s+/g, ' ')}…"`);
  }
  return found;
}

async function visitAll(page, paths) {
  const problems = [];
  for (const path of paths) {
    await page.goto(`${server.base}${path}`);
    await page.waitForLoadState('networkidle');
    problems.push(...(await rawOn(page)).map((p) => `${path}: ${p}`));
    // On the dashboard, the records behind each figure one may open.
    if (path === '/dashboard') {
      const cards = await page.locator('[data-kpi]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kpi')));
      for (const id of cards) {
        const card = page.locator(`[data-kpi="${id}"]`);
        const open = (await card.getAttribute('data-records')) === 'open';
        await card.click();
        // The records open in a drawer, or a message says the role may not see them.
        if (!open) {
          await page.locator('.el-message').first().waitFor();
          continue;
        }
        await page.locator('.el-drawer:visible .el-table').first().waitFor();
        await page.waitForLoadState('networkidle');
        problems.push(...(await rawOn(page)).map((p) => `${path} records of ${id}: ${p}`));
        await page.locator('.el-drawer:visible .el-drawer__close-btn').click();
        await page.locator('.el-overlay.is-drawer').first().waitFor({ state: 'hidden' });
      }
    }
    // Every tab of the page.
    const tabs = await page.locator('.el-tabs__item').count();
    for (let i = 0; i < tabs; i++) {
      await page.locator('.el-tabs__item').nth(i).click();
      await page.waitForLoadState('networkidle');
      problems.push(...(await rawOn(page)).map((p) => `${path} tab ${i + 1}: ${p}`));
    }
  }
  return problems;
}

const WORKBENCH = ['/dashboard', '/reports/work-report', '/places', '/residents', '/organizations', '/party', '/committee', '/culture', '/jobs', '/linkage', '/volunteer', '/services', '/charity', '/cases', '/shuttle', '/notices', '/account'];

for (const [user, extra] of [['angong', []], ['admin', ['/users']], ['auditor', ['/audit']]]) {
  test(`no raw codes on the workbench pages ${user} opens`, async () => {
    const page = await browser.newPage();
    await login(page, server.base, user);
    const menu = await page.locator('.el-menu-item').evaluateAll((items) => items.length);
    assert.ok(menu > 0);
    const problems = await visitAll(page, [...WORKBENCH, ...extra]);
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('no raw codes on the phone pages', async () => {
  const page = await phoneLogin(browser, server.base, 'resident');
  const problems = [];
  for (const path of ['/m', '/m/notices', '/m/hours', '/m/shuttle', '/m/aid', '/m/points', '/m/selfhelp', '/m/rooms', '/m/jobs']) {
    await page.goto(`${server.base}${path}`);
    await page.waitForLoadState('networkidle');
    problems.push(...(await rawOn(page)).map((p) => `${path}: ${p}`));
  }
  assert.deepEqual(problems, []);
  await page.context().close();
});
