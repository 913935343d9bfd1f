// The employment platform's programmes in the browser: a training from its sessions to the
// attendance register and completion on the trainee's path; a posting whose seeker answers on the
// phone before their details go to the employer on the referral sheet; an incubated project with a
// mentor and a milestone done with evidence. Every tab and drawer passes axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, login, phoneLogin, expectAccessible } from './browser.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const desk = async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', bypassCSP: true });
  const page = await context.newPage();
  await login(page, server.base, 'angong');
  return page;
};
const gone = (page) => page.locator('.el-message').first().waitFor({ state: 'detached' });
const tab = async (page, name) => {
  await page.goto(`${server.base}/jobs`);
  await page.getByRole('tab', { name, exact: true }).click();
  await page.locator('.el-tab-pane:visible .el-table__row').first().waitFor();
};
const pickFirst = async (page, picker) => {
  await picker.click();
  const option = page.locator('.el-select-dropdown__item:visible').first();
  await option.waitFor();
  await option.click();
};

test('a training: a session, its register, and completion on the trainee\'s path', async () => {
  const page = await desk();
  await tab(page, '培训');
  await expectAccessible(page, '/jobs trainings');
  // The demo's trainings hold their sessions and trainees.
  await page.locator('.el-tab-pane:visible .el-table__row').first().click();
  const drawer = page.locator('.el-drawer:visible');
  await drawer.locator('[data-test=training-enrolments] .el-table__row').first().waitFor();
  await expectAccessible(page, '/jobs training drawer');
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'detached' });

  await page.locator('[data-test=add-training]').click();
  await page.locator('input[data-test=training-course]').fill('育婴员培训（浏览器）');
  await page.locator('input[data-test=training-provider]').fill('天府新区职业技能培训学校');
  await page.locator('[data-test=training-cost] input').fill('1200');
  await page.locator('[data-test=save-training]').click();
  await drawer.getByText('育婴员培训（浏览器）').first().waitFor();
  await gone(page);
  await page.locator('input[data-test=session-topic]').fill('第一课 婴儿护理');
  await drawer.locator('[data-test=add-session]').click();
  await drawer.locator('[data-test=training-sessions] .el-table__row').getByText('第一课 婴儿护理').waitFor();
  await gone(page);
  await pickFirst(page, drawer.locator('[data-test=seeker-picker]'));
  await drawer.locator('[data-test=enrol]').click();
  const trainee = drawer.locator('[data-test=training-enrolments] .el-table__row').first();
  await trainee.waitFor();
  const name = (await trainee.locator('td').nth(1).textContent()).trim();
  await gone(page);

  // Completion is refused until the trainee was at enough sessions.
  await trainee.locator('[data-test=complete]').click();
  await page.locator('[data-test=save-completion]').click();
  await page.locator('.el-message--error').getByText(/出勤/).waitFor();
  await page.locator('.el-dialog:visible').getByRole('button', { name: '取消' }).click();
  await gone(page);
  await drawer.locator('[data-test=attendance]').click();
  await page.locator('[data-test=attendance-sheet]').getByText(name).click();
  await page.locator('[data-test=save-attendance]').click();
  await drawer.locator('[data-test=training-sessions] .el-table__row td').nth(3).getByText('1').waitFor();
  await gone(page);
  // The register opens as it was marked.
  await drawer.locator('[data-test=attendance]').click();
  assert.equal(await page.locator('[data-test=attendance-sheet] .el-checkbox.is-checked').count(), 1);
  await page.locator('.el-dialog:visible').getByRole('button', { name: '取消' }).click();
  await trainee.locator('[data-test=complete]').click();
  await page.locator('[data-test=save-completion]').click();
  await trainee.locator('[data-test=complete]').waitFor({ state: 'detached' });
  assert.match(await trainee.textContent(), /\d{4}-\d{2}-\d{2}.*\d{4}-\d{2}-\d{2}/, 'enrolled and completed dates');
  await page.context().close();
});

test('a posting: the seeker agrees on the phone, then the referral sheet for the employer holds them', async () => {
  // The resident registers with a skill no demo seeker has, so they are the posting's one candidate.
  const phone = await phoneLogin(browser, server.base, 'resident');
  await phone.goto(`${server.base}/m/jobs`);
  await phone.locator('[data-test=mj-skills] input').fill('藏文会计核算');
  await phone.locator('[data-test=mj-send]').click();
  await phone.locator('[data-test=mj-mine]').waitFor();

  const page = await desk();
  await tab(page, '岗位推荐');
  await expectAccessible(page, '/jobs postings');
  await page.locator('[data-test=add-posting]').click();
  await pickFirst(page, page.locator('.el-dialog:visible [data-test=posting-employer]'));
  await page.locator('input[data-test=posting-title]').fill('出纳');
  await page.locator('input[data-test=posting-skills]').fill('藏文会计核算');
  await page.locator('[data-test=save-posting]').click();
  const drawer = page.locator('.el-drawer:visible');
  const candidate = drawer.locator('[data-test=posting-candidates] .el-table__row');
  await candidate.first().waitFor();
  assert.equal(await candidate.count(), 1);
  const name = (await candidate.first().locator('td').nth(1).textContent()).trim();
  await gone(page);
  await candidate.first().locator('[data-test=propose]').click();
  const match = drawer.locator('[data-test=posting-matches] .el-table__row').first();
  await match.getByText('待本人答复').waitFor();
  await gone(page);
  await expectAccessible(page, '/jobs posting drawer');
  // Not asked yet: nothing to send.
  assert.equal(await match.locator('[data-test=share]').count(), 0);

  await phone.reload();
  const mine = phone.locator('[data-test=mj-matches]');
  await mine.getByText('出纳').waitFor();
  await phone.locator('.van-toast').first().waitFor({ state: 'hidden' });
  await expectAccessible(phone, '/m/jobs with a match');
  await mine.locator('[data-test=mj-agree]').click();
  await mine.getByText('本人同意').waitFor();

  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'detached' });
  await page.locator('.el-tab-pane:visible .el-table__row', { hasText: '出纳' }).click();
  await match.getByText('本人同意').waitFor();
  await match.locator('[data-test=share]').click();
  await match.getByText('已发给单位').waitFor();
  const [sheet] = await Promise.all([page.context().waitForEvent('page'), drawer.locator('[data-test=print-referrals]').click()]);
  const row = sheet.locator('[data-test=referral-sheet] tbody tr');
  await row.first().waitFor();
  assert.equal(await row.count(), 1);
  assert.match(await row.first().textContent(), new RegExp(`${name}.*1\\d{10}`), 'name and the full phone');
  await expectAccessible(sheet, '/print/jobs-referrals');
  await phone.context().close();
  await page.context().close();
});

test('an incubated project: founders, a mentor, a milestone done with evidence, then stopped', async () => {
  const page = await desk();
  await tab(page, '创业孵化');
  for (const brand of ['民族云创', '羌秀工坊', '梦想直播间']) await page.locator('.el-tab-pane:visible .el-table__row', { hasText: brand }).first().waitFor();
  await expectAccessible(page, '/jobs incubations');
  await page.locator('[data-test=add-incubation]').click();
  await page.locator('input[data-test=incubation-name]').fill('格桑花手作');
  await pickFirst(page, page.locator('.el-dialog:visible [data-test=seeker-picker]'));
  await page.keyboard.press('Escape');
  await page.locator('[data-test=save-incubation]').click();
  const drawer = page.locator('.el-drawer:visible');
  await drawer.locator('[data-test=incubation-status]').getByText('孵化中').waitFor();
  await gone(page);
  await page.locator('input[data-test=mentor-name]').fill('扎西');
  await drawer.locator('[data-test=add-mentor]').click();
  await drawer.locator('[data-test=incubation-mentors] .el-table__row').getByText('扎西').waitFor();
  await gone(page);
  await page.locator('input[data-test=milestone-title]').fill('完成创业计划书');
  await drawer.locator('[data-test=add-milestone]').click();
  const milestone = drawer.locator('[data-test=incubation-milestones] .el-table__row').first();
  await milestone.getByText('完成创业计划书').waitFor();
  await gone(page);
  // Done needs its evidence.
  await milestone.locator('[data-test=milestone-done]').click();
  await page.locator('[data-test=save-milestone-done]').click();
  await page.locator('.el-dialog:visible .el-form-item__error').first().waitFor();
  await page.locator('input[data-test=milestone-evidence]').fill('计划书已归档');
  await page.locator('[data-test=save-milestone-done]').click();
  await milestone.getByText('计划书已归档').waitFor();
  await gone(page);
  await expectAccessible(page, '/jobs incubation drawer');
  await gone(page);
  await drawer.locator('[data-test=end-incubation]').click();
  await page.locator('[data-test=end-outcome]').getByText('已终止').click();
  await page.locator('[data-test=save-end]').click();
  await drawer.locator('[data-test=incubation-status]').getByText('已终止').waitFor();
  assert.equal(await drawer.locator('[data-test=add-milestone]').count(), 0, 'an ended project takes no more milestones');
  await page.context().close();
});
