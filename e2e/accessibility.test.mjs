// axe-core finds no violations on any workbench page, as the account that works there sees it
// with its data loaded (desktop 1440×900), nor on any phone page (390×844).
import { test, before, after } from 'node:test';
import { startServer, launch, login, phoneLogin, expectAccessible } from './browser.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

// [account, pages]: every menu page, each opened by someone whose work it is.
const PAGES = [
  ['angong', ['/todo', '/dashboard', '/reports/work-report', '/places', '/residents', '/organizations', '/party', '/committee', '/culture', '/jobs', '/linkage', '/services', '/notices', '/account']],
  ['vlead', ['/volunteer']],
  ['treasurer', ['/charity']],
  ['rights', ['/cases']],
  ['angong', ['/shuttle']],
  ['admin', ['/users', '/dictionaries']],
  ['auditor', ['/audit']],
];

for (const [who, paths] of PAGES) {
  test(`${who}: ${paths.join(' ')} pass axe`, async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', bypassCSP: true });
    const page = await context.newPage();
    await login(page, server.base, who);
    const failures = [];
    for (const path of paths) {
      await page.goto(`${server.base}${path}`);
      await page.locator('.page').first().waitFor();
      await page.waitForLoadState('networkidle');
      try { await expectAccessible(page, path); } catch (e) { failures.push(e.message); }
    }
    await context.close();
    if (failures.length) throw new Error(failures.join('\n\n'));
  });
}

// Every phone page (390×844), as the resident, group leader or volunteer who uses it sees it.
const PHONE_PAGES = [
  ['resident', ['/m', '/m/hours', '/m/shuttle', '/m/aid', '/m/points', '/m/me', '/m/notices', '/m/selfhelp', '/m/jobs']],
  ['officer', ['/m/officer']],
  ['leader', ['/m/shuttle', '/m/me']],
  ['vlead', ['/m', '/m/hours']],
];

for (const [who, paths] of PHONE_PAGES) {
  test(`phone, ${who}: ${paths.join(' ')} pass axe`, async () => {
    const page = await phoneLogin(browser, server.base, who);
    const failures = [];
    for (const path of paths) {
      await page.goto(`${server.base}${path}`);
      await page.locator('.van-tabbar').waitFor();
      await page.waitForLoadState('networkidle');
      try { await expectAccessible(page, path); } catch (e) { failures.push(e.message); }
    }
    await page.context().close();
    if (failures.length) throw new Error(failures.join('\n\n'));
  });
}

test('phone: the sign-in page passes axe', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, locale: 'zh-CN', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${server.base}/m/login`);
  await page.locator('input[name=username]').waitFor();
  await expectAccessible(page, '/m/login');
  await context.close();
});
