// POST /api/v1/exports: a list as its page shows it comes back as .xlsx, numbers as numbers and
// text as text (never a formula), with one audit entry; bad bodies are 422s that name the field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, client, sql, xlsxText } from './helpers.mjs';

let server, api, angong;
before(async () => {
  server = await startServer();
  api = client(server);
  angong = await api.as('angong');
});
after(async () => { await server.stop(); });

// The first sheet's cells as [ref, type, value].
function cells(buffer) {
  const script = `
import io, re, sys, zipfile
z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))
x = z.read('xl/worksheets/sheet1.xml').decode('utf-8')
for m in re.finditer(r'<c r="([A-Z]+[0-9]+)"([^>]*)>(.*?)</c>', x):
    t = re.search(r't="([A-Za-z]+)"', m.group(2))
    print(m.group(1), t.group(1) if t else 'n', m.group(3).count('<f>'))
`;
  return execFileSync('python3', ['-c', script], { input: buffer }).toString().trim().split('\n').map((l) => l.split(' '));
}

const body = {
  list: 'charity.donations', title: '捐赠',
  columns: [{ label: '序号', numeric: true }, { label: '捐赠人' }, { label: '金额（元）', numeric: true }],
  rows: [[1, '扎西', 120.5], [2, '=HYPERLINK("http://x")', null]],
};

test('rows come back as a workbook, numbers as numbers, formulas as text, and the export is audited', async () => {
  const before = Number(sql(server.db, "SELECT count(*) FROM audit_log WHERE action = 'reports.list.exported'")[0][0]);
  const r = await angong.post('/api/v1/exports', body);
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /spreadsheetml/);
  const text = xlsxText(r.data);
  assert.ok(text.includes('捐赠人') && text.includes('扎西') && text.includes('=HYPERLINK'), text);
  const byRef = Object.fromEntries(cells(r.data).map(([ref, type, formulas]) => [ref, { type, formulas }]));
  assert.equal(byRef.C2.type, 'n', 'an amount is a number cell');
  assert.notEqual(byRef.B3.type, 'n', 'text that looks like a formula stays text');
  assert.notEqual(byRef.B2.type, 'n');
  assert.equal(byRef.B3.formulas, '0');
  assert.equal(byRef.C3, undefined, 'an empty cell is not written');
  const rows = sql(server.db, "SELECT object_id, details FROM audit_log WHERE action = 'reports.list.exported' ORDER BY seq DESC LIMIT 1");
  assert.equal(Number(sql(server.db, "SELECT count(*) FROM audit_log WHERE action = 'reports.list.exported'")[0][0]), before + 1);
  assert.equal(rows[0][0], 'charity.donations');
  assert.equal(JSON.parse(rows[0][1]).rows, 2);
});

test('a ragged row, a bad title or no columns is a 422 naming the field, in Chinese', async () => {
  let r = await angong.post('/api/v1/exports', { ...body, rows: [[1, '扎西']] });
  assert.equal(r.status, 422);
  assert.equal(r.data.error.details.fields.rows.code, 'invalid');
  r = await angong.post('/api/v1/exports', { ...body, title: 'a/b' });
  assert.equal(r.data.error.details.fields.title.code, 'invalid');
  r = await angong.post('/api/v1/exports', { ...body, columns: [] });
  assert.equal(r.data.error.details.fields.columns.code, 'invalid');
  r = await angong.post('/api/v1/exports', { ...body, extra: 1 });
  assert.equal(r.status, 422);
  assert.match(r.data.error.message, /[\u4e00-\u9fff]/);
});

test('only a signed-in person can export', async () => {
  const r = await api.request('POST', '/api/v1/exports', { body });
  assert.equal(r.status, 401);
});

// POST /api/v1/exports/workbook: the ledger's form, several sheets of titled lists.
const ledger = {
  list: 'reports.ledger', title: '安公社区2021年台账',
  sheets: [
    { name: '总览', heading: '安公社区 2021年 台账 · 总览', blocks: [{ title: '各项数字', columns: [{ label: '指标' }, { label: '数值', numeric: true }], rows: [['少数民族党员', 26]] }] },
    { name: '党员线', heading: '安公社区 2021年 台账 · 党员线', blocks: [
      { title: '少数民族党员：26 人', note: '统计规则：…', columns: [{ label: '姓名' }, { label: '民族' }], rows: [['扎西', '藏族'], ['阿依', '彝族']] },
      { title: '民族工作党小组：4 个', columns: [{ label: '名称' }], rows: [] },
    ] },
  ],
};

test('a workbook of several sheets comes back with each sheet, and is audited once', async () => {
  const before = Number(sql(server.db, "SELECT count(*) FROM audit_log WHERE action = 'reports.list.exported'")[0][0]);
  const r = await angong.post('/api/v1/exports/workbook', ledger);
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-disposition'), /filename\*=UTF-8''/);
  const names = execFileSync('python3', ['-c', `
import io, re, sys, zipfile
z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))
print('\\n'.join(re.findall(r'<sheet name="([^"]+)"', z.read('xl/workbook.xml').decode())))
print(z.read('xl/worksheets/sheet2.xml').decode().count('<row '))
`], { input: r.data }).toString().trim().split('\n');
  assert.deepEqual(names.slice(0, 2), ['总览', '党员线']);
  // Heading, two titles, one note, two headers, two rows.
  assert.equal(Number(names[2]), 8);
  assert.ok(xlsxText(r.data).includes('阿依'));
  assert.equal(Number(sql(server.db, "SELECT count(*) FROM audit_log WHERE action = 'reports.list.exported'")[0][0]), before + 1);
  const details = JSON.parse(sql(server.db, "SELECT details FROM audit_log WHERE action = 'reports.list.exported' ORDER BY seq DESC LIMIT 1")[0][0]);
  assert.deepEqual([details.sheets, details.rows], [2, 3]);
});

test('a workbook with a bad sheet, two sheets of one name or a ragged row is a 422 under sheets', async () => {
  const sheet = ledger.sheets[1];
  for (const sheets of [
    [],
    [{ ...sheet, name: 'a:b' }],
    [sheet, sheet],
    [{ ...sheet, blocks: [{ ...sheet.blocks[0], rows: [['扎西']] }] }],
    [{ ...sheet, blocks: [{ ...sheet.blocks[0], colour: 'red' }] }],
  ]) {
    const r = await angong.post('/api/v1/exports/workbook', { ...ledger, sheets });
    assert.equal(r.status, 422, JSON.stringify(sheets).slice(0, 80));
    assert.equal(r.data.error.details.fields.sheets.code, 'invalid');
    assert.match(r.data.error.message, /[\u4e00-\u9fff]/);
  }
  const r = await api.request('POST', '/api/v1/exports/workbook', { body: ledger });
  assert.equal(r.status, 401);
});
