import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, login, PASSWORD } from './browser.mjs';

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

test('a group leader books two neighbours on the phone, and the worker checks one in at the stop', async () => {
  const desk = await browser.newPage();
  await login(desk, server.base, 'nanshan');
  const demo = (await api(desk, 'GET', '/shuttle/trips')).items[0];
  const trip = await api(desk, 'POST', '/shuttle/trips', {
    service_id: demo.service_id, trip_date: iso(86400e3).slice(0, 10), departs_at: iso(86400e3), booking_deadline: iso(43200e3),
    vehicle: '702路 测试车', seats: 20, stops: [{ name: '南山苑小区门口', time: '08:30' }, { name: '南山花园小区门口', time: '08:40' }],
  });
  assert.ok(trip.id, JSON.stringify(trip));

  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, locale: 'zh-CN' })).newPage();
  await phone.goto(`${server.base}/m/login`);
  await phone.fill('input[name=username]', 'leader');
  await phone.fill('input[name=password]', PASSWORD);
  await phone.click('button[type=submit]');
  await phone.waitForURL((u) => u.pathname === '/m');
  await phone.goto(`${server.base}/m/shuttle`);
  const card = phone.locator(`[data-test=trip-${trip.id}]`);
  await card.waitFor();
  // Two adult neighbours of the leader's group (the shuttle is for ages 18–59), found by name.
  const year = new Date().getFullYear();
  const neighbours = (await api(phone, 'GET', '/residents?limit=100')).items
    .filter((r) => r.birth_date && year - Number(r.birth_date.slice(0, 4)) >= 20 && year - Number(r.birth_date.slice(0, 4)) <= 55)
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

  await desk.goto(`${server.base}/shuttle`);
  await desk.locator('[data-test=trips] .el-table__row', { hasText: '702路 测试车' }).click();
  const stop = desk.locator('.stop', { hasText: '南山苑小区门口' });
  await stop.getByRole('button', { name: '上车' }).first().click();
  await desk.waitForFunction(() => document.querySelector('[data-test=boarded]')?.textContent.trim() === '1');
  const figures = await api(desk, 'GET', `/shuttle/trips/${trip.id}/figures`);
  assert.deepEqual([figures.booked, figures.boarded], [2, 1]);
  await desk.close();
  await phone.context().close();
});
