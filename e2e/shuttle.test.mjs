import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, login, phoneLogin, expectAccessible, PASSWORD } from './browser.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const iso = (ms) => new Date(Date.now() + ms + 8 * 3600e3).toISOString().slice(0, 19) + '+08:00';

// Calls the API from a logged-in page, with its session cookie and CSRF header.
async function api(page, method, path, body) {
  return page.evaluate(async ({ method, path, body }) => {
    const csrf = decodeURIComponent((document.cookie.match(/tx_csrf=([^;]+)/) || [])[1] || '');
    const r = await fetch(`/api/v1${path}`, { method, headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf }, body: body && JSON.stringify(body) });
    return r.json();
  }, { method, path, body });
}

test('a group leader books two neighbours on the phone, and a volunteer scans one in at the stop', async () => {
  const desk = await browser.newPage();
  await login(desk, server.base, 'nanshan');
  const demo = (await api(desk, 'GET', '/shuttle/trips')).items[0];
  const trip = await api(desk, 'POST', '/shuttle/trips', {
    service_id: demo.service_id, trip_date: iso(86400e3).slice(0, 10), departs_at: iso(86400e3), booking_deadline: iso(43200e3),
    vehicle: '702路 测试车', seats: 20, stops: [{ name: '南山苑小区门口', time: '08:30' }, { name: '南山花园小区门口', time: '08:40' }],
  });
  assert.ok(trip.id, JSON.stringify(trip));

  const phone = await phoneLogin(browser, server.base, 'leader');
  await phone.goto(`${server.base}/m/shuttle`);
  const card = phone.locator(`[data-test=trip-${trip.id}]`);
  await card.waitFor();
  // Two adult neighbours of the leader's group (the shuttle is for ages 18–59), found by name. The
  // leader sees birth years, not birth dates (docs/security.md).
  const year = new Date().getFullYear();
  const neighbours = (await api(phone, 'GET', '/residents?limit=100')).items
    .filter((r) => r.birth_date === null && r.birth_year && year - r.birth_year >= 20 && year - r.birth_year <= 55)
    .slice(0, 2);
  assert.equal(neighbours.length, 2);
  for (const n of neighbours) {
    await card.getByRole('searchbox').fill(n.name);
    await card.locator(`[data-test=book-${n.id}]`).click();
    let booked = false;
    for (let i = 0; i < 50 && !booked; i++) {
      const r = await api(phone, 'GET', `/shuttle/trips/${trip.id}/reservations`);
      booked = r.items.some((x) => x.resident_id === n.id && x.status === 'confirmed');
      if (!booked) await phone.waitForTimeout(100);
    }
    assert.ok(booked, n.name);
  }

  // The leader opens the pass of the first neighbour (to print or send to the family).
  await phone.reload();
  await card.waitFor();
  await card.locator(`[data-test=pass-${neighbours[0].id}]`).click();
  await card.locator('[data-test=pass] svg').waitFor();
  await expectAccessible(phone, '/m/shuttle');
  const pass = await api(phone, 'GET', `/shuttle/trips/${trip.id}/pass?resident_id=${neighbours[0].id}`);

  // The desk assigns a volunteer to the first stop: a resident with their own phone account.
  const admin = await browser.newPage();
  await login(admin, server.base, 'admin');
  const nanshan = (await api(admin, 'GET', '/communities?limit=100')).items.find((c) => c.name === '南山社区');
  const helper = (await api(admin, 'GET', `/residents?community=${nanshan.id}&limit=50`)).items
    .find((r) => !neighbours.some((n) => n.id === r.id));
  const account = await api(admin, 'POST', '/users', {
    username: 'nsvolunteer', display_name: helper.name, role: 'resident', password: PASSWORD, scope_kind: 'self', resident_id: helper.id,
  });
  assert.ok(account.id, JSON.stringify(account));
  await admin.close();
  await desk.goto(`${server.base}/shuttle`);
  await desk.locator('[data-test=trips] .el-table__row', { hasText: '702路 测试车' }).click();
  const volunteers = desk.locator('[data-test=volunteers]');
  await volunteers.waitFor();
  await volunteers.locator('[data-test=volunteer-pick] input').fill(helper.name);
  await desk.locator('.el-select-dropdown__item', { hasText: helper.name }).first().click();
  await volunteers.getByRole('button', { name: '安排志愿者' }).click();
  await volunteers.locator('.el-table__row', { hasText: helper.name }).waitFor();

  // At the gate the volunteer scans the pass with the phone camera: the link opens their page.
  const vphone = await phoneLogin(browser, server.base, 'nsvolunteer');
  await vphone.goto(`${server.base}/m/shuttle`);
  await vphone.locator('[data-test=duty]').waitFor();
  const scanned = new URL(pass.link);
  await vphone.goto(`${server.base}${scanned.pathname}${scanned.search}`);
  const done = vphone.locator('[data-test=board-result]');
  await done.waitFor();
  assert.match(await done.textContent(), /已上车/);
  assert.doesNotMatch(await vphone.locator('main').textContent(), new RegExp(neighbours[0].name), 'the volunteer sees masked names only');
  await expectAccessible(vphone, '/m/shuttle/board');
  // The notice board on the phone: the community's notices, the shuttle's among them.
  await vphone.goto(`${server.base}/m/notices`);
  await vphone.getByText('新冠疫苗接种免费接驳车').waitFor();
  await expectAccessible(vphone, '/m/notices');

  await desk.reload();
  await desk.locator('[data-test=trips] .el-table__row', { hasText: '702路 测试车' }).click();
  await desk.waitForFunction(() => document.querySelector('[data-test=boarded]')?.textContent.trim() === '1');
  const figures = await api(desk, 'GET', `/shuttle/trips/${trip.id}/figures`);
  assert.deepEqual([figures.booked, figures.boarded], [2, 1]);
  await desk.close();
  await phone.context().close();
  await vphone.context().close();
});

test('the desk adds a trip with its stops through the new-trip dialog', async () => {
  const desk = await browser.newPage();
  await login(desk, server.base, 'nanshan');
  await desk.goto(`${server.base}/shuttle`);
  await desk.locator('[data-test=trips] .el-table__row').first().waitFor();
  const button = desk.locator('[data-test=new-trip]');
  await desk.waitForFunction(() => !document.querySelector('[data-test=new-trip]').disabled);
  await button.click();
  const dialog = desk.locator('.el-dialog:visible');
  await dialog.waitFor();
  const local = (ms) => iso(ms).slice(0, 16).replace('T', ' ');
  const vehicle = `702路 测试车 ${Date.now() % 10000}`;
  const pickers = dialog.locator('.el-date-editor input');
  for (const [n, ms] of [[0, 2 * 86400e3], [1, 86400e3]]) {
    await pickers.nth(n).click();
    await pickers.nth(n).fill(local(ms));
    await pickers.nth(n).press('Enter');
  }
  await dialog.locator('.el-form-item', { hasText: '车辆' }).locator('input').fill(vehicle);
  await dialog.getByRole('textbox', { name: '站点（如小区门口）' }).first().fill('海棠小区门口');
  await dialog.getByRole('textbox', { name: '时间', exact: true }).first().fill('08:30');
  await dialog.getByRole('button', { name: '保存' }).click();
  await desk.locator('[data-test=trips] .el-table__row', { hasText: vehicle }).waitFor();
  const trips = await api(desk, 'GET', '/shuttle/trips');
  const trip = trips.items.find((x) => x.vehicle === vehicle);
  assert.ok(trip, 'the trip was created');
  assert.deepEqual(trip.stops.map((s) => [s.name, s.time]), [['海棠小区门口', '08:30']]);
  await desk.close();
});

test('the street administrator sees every community\'s trips with a community column, and one community\'s when picked', async () => {
  const page = await browser.newPage();
  await login(page, server.base, 'admin');
  await page.goto(`${server.base}/shuttle`);
  const table = page.locator('[data-test=trips]');
  await table.locator('.el-table__row').first().waitFor();
  assert.match(await table.textContent(), /南山社区/);
  assert.ok(await page.locator('[data-test=new-service]').isDisabled(), 'a service is made for a community: pick one first');
  await page.click('[data-test=community-picker]');
  await page.locator('.el-select-dropdown__item', { hasText: '南山社区' }).click();
  await page.waitForLoadState('networkidle');
  assert.ok(!(await page.locator('[data-test=new-service]').isDisabled()));
  assert.ok(await page.locator('[data-test=new-trip]').isEnabled(), '南山社区 has its services');
  await page.close();
});

test("a worker's new trip stops at a compound's gate picked from the community's compounds", async () => {
  const page = await browser.newPage();
  await login(page, server.base, 'nanshan');
  await page.goto(`${server.base}/shuttle`);
  await page.click('[data-test=new-trip]');
  await page.click('[data-test=stop-compound-0]');
  const option = page.locator('.el-select-dropdown__item:visible').first();
  const compound = (await option.textContent()).trim();
  await option.click();
  assert.equal(await page.locator('input[data-test=stop-name-0]').inputValue(), `${compound}大门`);
  await page.close();
});
