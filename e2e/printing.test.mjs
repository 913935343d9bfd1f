// Printed documents as people sign and file them: a donation receipt with the amount in capital
// numerals, the mediation agreement with signature lines and the committee's seal, the shuttle
// manifest with 序号 and a signature column; each passes axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, login, expectAccessible } from './browser.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

async function desk(who) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'zh-CN', bypassCSP: true });
  const page = await context.newPage();
  await login(page, server.base, who);
  return page;
}

test('a donation receipt: number, amount in figures and in capitals, the fund, a seal area', async () => {
  const page = await desk('treasurer');
  const d = await page.evaluate(async () => (await (await fetch('/api/v1/charity/donations?limit=1')).json()).items[0]);
  await page.goto(`${server.base}/print/donation-receipts/${d.id}`);
  await page.locator('[data-test=receipt-no]', { hasText: d.receipt_no }).waitFor();
  const words = await page.locator('[data-test=amount-words]').textContent();
  assert.match(words, /^人民币.*(元|角|分|整)$/);
  assert.match(await page.locator('.sheet').textContent(), /公益慈善基金/);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('[data-test=print]').isVisible(), false, 'the print button stays off the paper');
  await page.emulateMedia({ media: 'screen' });
  await expectAccessible(page, 'receipt');
  await page.context().close();
});

test('the mediation agreement of a case prints with both parties, the content and signature lines', async () => {
  const page = await desk('rights');
  const id = await page.evaluate(async () => {
    for (const status of ['agreement', 'closed']) {
      const list = await (await fetch(`/api/v1/cases?status=${status}&limit=50`)).json();
      for (const c of list.items) {
        const full = await (await fetch(`/api/v1/cases/${c.id}`)).json();
        if (full.agreement) return c.id;
      }
    }
    return null;
  });
  assert.ok(id, 'the demo has a case with an agreement');
  await page.goto(`${server.base}/print/case-agreements/${id}`);
  await page.locator('[data-test=agreement-content]').waitFor();
  const text = await page.locator('.sheet').textContent();
  assert.match(text, /人民调解协议书/);
  assert.match(text, /人民调解委员会（盖章）/);
  assert.equal(await page.locator('.signature').count(), 3);
  await expectAccessible(page, 'agreement');
  await page.context().close();
});

test('the shuttle manifest prints per stop with 序号 and a signature column, names masked', async () => {
  const page = await desk('nanshan');
  const trip = await page.evaluate(async () => (await (await fetch('/api/v1/shuttle/trips?limit=50')).json()).items.find((t) => t.booked > 0) || null);
  assert.ok(trip, 'a trip with bookings');
  await page.goto(`${server.base}/print/shuttle-manifests/${trip.id}`);
  const table = page.locator('table.manifest').first();
  await table.waitFor();
  const heads = (await table.locator('th').allTextContents()).map((h) => h.trim());
  assert.deepEqual([heads[0], heads.at(-1)], ['序号', '乘车人签名']);
  const rows = await page.locator('table.manifest tbody tr').count();
  const expected = await page.evaluate(async (id) => (await (await fetch(`/api/v1/shuttle/trips/${id}/reservations`)).json()).items.filter((r) => r.status !== 'cancelled').length, trip.id);
  assert.equal(rows, expected);
  assert.ok((await page.locator('table.manifest tbody td:nth-child(2)').allTextContents()).every((n) => /\*/.test(n)), 'names are masked on paper');
  await expectAccessible(page, 'manifest');
  await page.context().close();
});
