// axe-core finds no violations on any workbench page, as the account that works there sees it
// with its data loaded (desktop 1440×900).
import { test, before, after } from 'node:test';
import { startServer, launch, login, expectAccessible } from './browser.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

// [account, pages]: every menu page, each opened by someone whose work it is.
const PAGES = [
  ['angong', ['/todo', '/dashboard', '/places', '/residents', '/organizations', '/party', '/services', '/notices', '/account']],
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
