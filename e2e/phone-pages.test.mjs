// The resident's own pages on the phone: 我的 (record, household, points, password, sign-out) and
// an activity's own page with its sign-up; both pass axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, login, phoneLogin, expectAccessible } from './browser.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('我的 shows the resident and their household; a wrong current password is refused; sign-out', async () => {
  const page = await phoneLogin(browser, server.base, 'resident');
  await page.click('[data-test=tab-m-me]');
  await page.waitForURL((u) => u.pathname === '/m/me');
  const card = page.locator('[data-test=me-card]');
  await card.waitFor();
  const mine = await page.evaluate(async () => (await (await fetch('/api/v1/residents/me')).json()));
  assert.match(await card.textContent(), new RegExp(mine.me.name));
  const members = await page.locator('[data-test=household] .van-cell').count();
  assert.equal(members, mine.members.length);
  assert.match(await page.locator('[data-test=household]').textContent(), /本人/);
  await expectAccessible(page, '/m/me');
  await page.locator('input[autocomplete=current-password]').fill('not-my-password-1');
  await page.locator('input[autocomplete=new-password]').first().fill('Another-pass-2026');
  await page.locator('input[autocomplete=new-password]').nth(1).fill('Another-pass-2026');
  await page.click('[data-test=change-password]');
  await page.locator('.van-field__error-message, .van-toast').first().waitFor();
  await page.click('[data-test=me-points]');
  await page.waitForURL((u) => u.pathname === '/m/points');
  await page.click('[data-test=tab-m-me]');
  await page.click('[data-test=me-logout]');
  await page.waitForURL((u) => u.pathname === '/m/login');
  await page.context().close();
});

test('an activity opens on its own page, and the resident signs up there', async () => {
  // The team lead publishes one for tomorrow.
  const desk = await browser.newPage();
  await login(desk, server.base, 'vlead');
  const id = await desk.evaluate(async () => {
    const csrf = document.cookie.split('; ').find((c) => c.startsWith('tx_csrf='))?.split('=')[1];
    const teams = await (await fetch('/api/v1/organizations?kind=volunteer_team&limit=5')).json();
    const start = new Date(Date.now() + 86400000);
    const end = new Date(start.getTime() + 7200000);
    const r = await fetch('/api/v1/volunteer/activities', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      body: JSON.stringify({ organization_id: teams.items[0].id, title: '楼道清洁日', kind: 'social_service', content: '清理楼道杂物，请带手套', place: '3栋楼下', starts_at: start.toISOString(), ends_at: end.toISOString(), capacity: 10 }) });
    const body = await r.json();
    if (!body.id) throw new Error(JSON.stringify(body));
    return body.id;
  });
  assert.ok(id);
  await desk.close();
  const page = await phoneLogin(browser, server.base, 'resident');
  const open = { id, place: '3栋楼下' };
  await page.click(`[data-test=open-${open.id}]`);
  await page.waitForURL((u) => u.pathname === `/m/activities/${open.id}`);
  const detail = page.locator('[data-test=activity-detail]');
  await detail.waitFor();
  assert.match(await detail.textContent(), new RegExp(open.place));
  await expectAccessible(page, `/m/activities/${open.id}`);
  await page.click('[data-test=detail-signup]');
  await page.locator('[data-test=my-status]').waitFor();
  await page.click('[data-test=back]');
  await page.waitForURL((u) => u.pathname === '/m');
  await page.context().close();
});
