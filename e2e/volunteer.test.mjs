import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, login, phoneLogin, expectAccessible } from './browser.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

// "2026-11-26 16:30" in China Standard Time, `minutes` from now.
function local(minutes) {
  return new Date(Date.now() + minutes * 60e3 + 8 * 3600e3).toISOString().slice(0, 16).replace('T', ' ');
}

async function shot(page, name) {
  if (process.env.TONGXIN_E2E_SHOTS) await page.screenshot({ path: `${process.env.TONGXIN_E2E_SHOTS}/${name}.png`, fullPage: true });
}

test('a volunteer activity from publishing to sign-up, check-in, confirmation and points on the resident\'s page', async () => {
  const title = `民族团结宣讲 ${Date.now() % 100000}`;
  // The team lead publishes an activity that has just begun.
  const desk = await browser.newPage();
  await login(desk, server.base, 'vlead');
  await desk.goto(`${server.base}/volunteer`);
  await desk.click('[data-test=publish]');
  await shot(desk, 'publish');
  await desk.locator('.el-dialog input[data-test=title], .el-dialog [data-test=title] input').first().fill(title);
  for (const [field, minutes] of [['starts', -10], ['ends', 120]]) {
    const input = desk.locator(`.el-dialog [data-test=${field}] input, .el-dialog input[data-test=${field}]`).first();
    await input.click();
    await input.fill(local(minutes));
    await input.press('Enter');
  }
  await desk.click('[data-test=publish-save]');
  await desk.getByRole('cell', { name: title }).waitFor();

  // The resident signs up on the phone page.
  const m = await phoneLogin(browser, server.base, 'resident');
  const card = m.locator('article', { hasText: title });
  await card.waitFor();
  await expectAccessible(m, '/m');
  await shot(m, 'm-activities');
  await card.getByRole('button', { name: '我要报名' }).click();
  await card.getByText('已报名').waitFor();
  const before = Number(await (async () => { await m.goto(`${server.base}/m/points`); const b = m.locator('[data-test=points-balance]'); await b.waitFor(); return b.textContent(); })());

  // The organiser shows the QR code; the resident opens its link and checks in and out.
  await desk.getByRole('cell', { name: title }).click();
  await desk.locator('[data-test=checkin-qr]').waitFor();
  const code = (await desk.locator('[data-test=checkin-code]').textContent()).trim();
  const id = await desk.evaluate(() => document.querySelector('[data-test=checkin-qr]').getAttribute('src').match(/activities\/(\d+)/)[1]);
  await m.goto(`${server.base}/m/volunteer/checkin?activity=${id}&code=${code}`);
  await m.click('[data-test=checkin]');
  await m.locator('[data-test=checked-in]').waitFor();
  await expectAccessible(m, '/m/volunteer/checkin');
  await m.click('[data-test=checkout]');
  await m.locator('[data-test=checked-out]').waitFor();

  // The organiser confirms two hours.
  await desk.keyboard.press('Escape');
  await desk.getByRole('cell', { name: title }).click();
  await desk.locator('[data-test=signups]').getByText('已确认').waitFor();
  await desk.click('[data-test=confirm-hours]');
  const minutes = desk.locator('[data-test=confirm-minutes] input').first();
  await minutes.fill('120');
  await minutes.press('Tab');
  await shot(desk, 'confirm');
  await desk.click('[data-test=confirm-save]');
  await desk.locator('[data-test=signups]').getByRole('cell', { name: '2', exact: true }).waitFor();

  // The points appear on the resident's page: 120 minutes at 10 points an hour.
  await m.goto(`${server.base}/m/points`);
  await m.waitForFunction((want) => document.querySelector('[data-test=points-balance]')?.textContent.trim() === String(want), before + 20);
  await expectAccessible(m, '/m/points');
  await shot(m, 'm-points');
  await m.goto(`${server.base}/m/hours`);
  await m.getByText(title).waitFor();
  await expectAccessible(m, '/m/hours');
  await desk.close();
  await m.context().close();
});

test('a community worker finds the demo\'s 75 minority regular volunteers by the rule', async () => {
  const page = await browser.newPage();
  await login(page, server.base, 'angong');
  await page.goto(`${server.base}/volunteer`);
  await page.getByRole('tab', { name: '常态志愿者' }).click();
  await shot(page, 'regulars');
  const asOf = page.locator('input[data-test=as-of], [data-test=as-of] input').first();
  await asOf.fill('2021-12-31');
  await asOf.press('Enter');
  await page.getByText('只看少数民族').click();
  await page.waitForFunction(() => document.querySelector('[data-test=regular-total]')?.textContent.includes('75 人'));
  await page.close();
});

test('every tab of the volunteer page loads its own list, and its dialogs open and close', async () => {
  const desk = await browser.newPage();
  const errors = [];
  desk.on('pageerror', (e) => errors.push(e.message));
  await login(desk, server.base, 'angong');
  await desk.goto(`${server.base}/volunteer`);
  await desk.locator('.el-table__row').first().waitFor();
  // [tab, the button that opens its dialog, whether the demo has rows there]
  for (const [tab, dialogButton, rows] of [['服务记录', '补录时长', true], ['记录异议', null, true], ['积分奖品', '新增奖品', true],
    ['常态志愿者', null, false], ['服务证明', '开具证明', false]]) {
    await desk.getByRole('tab', { name: tab }).click();
    const pane = desk.locator('.el-tab-pane:visible');
    await pane.locator(rows ? '.el-table__row' : '.el-table').first().waitFor({ timeout: 10000 })
      .catch((e) => { throw new Error(`${tab}: ${e.message.split('\n')[0]} ${errors.join('; ')}`); });
    if (dialogButton) {
      await pane.getByRole('button', { name: dialogButton }).click();
      const dialog = desk.locator('.el-dialog:visible');
      await dialog.waitFor();
      await dialog.getByRole('button', { name: '取消' }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
  }
  assert.deepEqual(errors, []);
});
