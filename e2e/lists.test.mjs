// Every list exports what it shows: the filtered rows or the selected ones, as .xlsx with the
// table's labels and words (no codes), 序号 first; batch actions act on the selected rows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, launch, login } from './browser.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

// The first sheet's rows, as lists of cell texts.
function sheetRows(path) {
  const script = `
import json, re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
shared = re.findall(r'<si>.*?<t[^>]*>([^<]*)</t>.*?</si>', z.read('xl/sharedStrings.xml').decode()) if 'xl/sharedStrings.xml' in z.namelist() else []
rows = []
for row in re.findall(r'<row [^>]*>(.*?)</row>', z.read('xl/worksheets/sheet1.xml').decode()):
    cells = []
    for attrs, body in re.findall(r'<c ([^>]*)>(.*?)</c>', row):
        t = re.search(r'<t[^>]*>([^<]*)</t>', body)
        v = re.search(r'<v>([^<]*)</v>', body)
        cells.append(t.group(1) if t else (shared[int(v.group(1))] if 't="s"' in attrs else v.group(1)))
    rows.append(cells)
print(json.dumps(rows, ensure_ascii=False))
`;
  return JSON.parse(execFileSync('python3', ['-c', script, path]).toString());
}

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return sheetRows(await file.path());
}

test('the donations list exports every filtered row, with words for codes, and the selected rows alone', async () => {
  const page = await browser.newPage();
  await login(page, server.base, 'treasurer');
  await page.goto(`${server.base}/charity`);
  await page.getByRole('tab', { name: '捐赠' }).click();
  const rows = page.locator('.el-tab-pane:visible .el-table__body .el-table__row');
  await rows.first().waitFor();
  const total = await page.evaluate(async () => (await (await fetch('/api/v1/charity/donations?limit=1')).json()).total);
  assert.ok(total > 20, 'more than one page, so the export has to read them all');

  const all = await download(page, '.el-tab-pane:visible [data-test=export]');
  assert.equal(all.length, total + 1);
  assert.equal(all[0][0], '序号');
  assert.ok(all[0].includes('渠道') && all[0].includes('金额（元）'), all[0].join(','));
  const flat = all.flat().join('\n');
  assert.doesNotMatch(flat, /crowdfunding_online|corporate|\bcash\b/);
  assert.equal(all[1][0], '1');
  assert.equal(all[total][0], String(total));

  await rows.nth(0).locator('.el-checkbox').click();
  await rows.nth(2).locator('.el-checkbox').click();
  const picked = await download(page, '.el-tab-pane:visible [data-test=export-selected]');
  assert.equal(picked.length, 3);
  const receipts = await rows.evaluateAll((trs) => trs.map((tr) => tr.textContent));
  assert.ok(receipts[0].includes(picked[1][2]) && receipts[2].includes(picked[2][2]), JSON.stringify(picked));
  await page.close();
});

test('the head of the rights centre assigns two selected cases in one go', async () => {
  const worker = await browser.newPage();
  await login(worker, server.base, 'angong');
  for (const title of ['批量一号纠纷', '批量二号纠纷']) {
    const r = await worker.evaluate(async (title) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const csrf = document.cookie.split('; ').find((c) => c.startsWith('tx_csrf='))?.split('=')[1];
      const res = await fetch('/api/v1/cases', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
        body: JSON.stringify({ community_id: me.scope_place_id, kind: 'mediation', title, applicant_name: '测试申请人', facts: '楼上漏水', channel: 'walk_in' }) });
      return res.status;
    }, title);
    assert.equal(r, 201);
  }
  await worker.close();

  const head = await browser.newPage();
  await login(head, server.base, 'rights');
  await head.goto(`${server.base}/cases`);
  for (const title of ['批量一号纠纷', '批量二号纠纷']) {
    const row = head.locator('[data-test=case-list] .el-table__row', { hasText: title });
    await row.waitFor();
    await row.locator('.el-checkbox').click();
  }
  assert.equal(await head.locator('.el-drawer:visible').count(), 0, 'ticking a row does not open it');
  await head.click('[data-test=assign-selected]');
  await head.getByRole('dialog', { name: '批量分派（2）' }).waitFor();
  await head.click('[data-test=save-assign]');
  await head.locator('[data-test=save-assign]').waitFor({ state: 'hidden' });
  await head.waitForFunction(() => ['批量一号纠纷', '批量二号纠纷'].every((title) => [...document.querySelectorAll('[data-test=case-list] .el-table__row')]
    .some((r) => r.textContent.includes(title) && r.textContent.includes('办理中'))));
  await head.close();
});
