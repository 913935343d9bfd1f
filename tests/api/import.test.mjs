import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, readFileSync } from 'node:fs';
import { startServer, client, sql, idNumber } from './helpers.mjs';

let server, api, worker, angongId, building;
before(async () => {
  server = await startServer();
  api = client(server);
  worker = await api.as('angong');
  angongId = Number(sql(server.db, "SELECT id FROM places WHERE name = '安公社区'")[0][0]);
  building = sql(server.db, `SELECT name FROM places WHERE kind = 'building' AND community_id = ${angongId} ORDER BY id LIMIT 1`)[0][0];
});
after(async () => { await server.stop(); });

const upload = (body, commit) => api.request('POST', `/api/v1/residents/import?community=${angongId}${commit ? '&commit=1' : ''}`, { token: worker.token, raw: body });

function csv(rows) {
  return ['姓名,性别,民族,身份证号,联系电话,楼栋,单元,门牌号,标签', ...rows].join('\r\n') + '\r\n';
}

// Builds a minimal .xlsx with Python's zipfile (shared strings, one sheet).
function xlsx(rows) {
  const path = `${process.env.TONGXIN_TEST_WORK}/import-${Date.now()}.xlsx`;
  const script = `
import json, sys, zipfile
rows = json.loads(sys.argv[2])
strings, index = [], {}
def si(s):
    if s not in index: index[s] = len(strings); strings.append(s)
    return index[s]
def col(i): return chr(65 + i)
from xml.sax.saxutils import escape
def cell(c, r, v):
    if isinstance(v, (int, float)): return '<c r="%s%d"><v>%s</v></c>' % (col(c), r + 1, v)
    if v == '': return ''
    return '<c r="%s%d" t="s"><v>%d</v></c>' % (col(c), r + 1, si(v))
sheet = ''.join('<row r="%d">%s</row>' % (r + 1, ''.join(cell(c, r, v) for c, v in enumerate(row))) for r, row in enumerate(rows))
merge = '<mergeCells count="1"><mergeCell ref="A1:%s1"/></mergeCells>' % col(max(len(r) for r in rows) - 1)
ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr('xl/workbook.xml', '<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>' % (ns, rel))
    z.writestr('xl/_rels/workbook.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' % rel)
    z.writestr('xl/worksheets/sheet1.xml', '<worksheet xmlns="%s"><sheetData>%s</sheetData>%s</worksheet>' % (ns, sheet, merge))
    z.writestr('xl/sharedStrings.xml', '<sst xmlns="%s">%s</sst>' % (ns, ''.join('<si><t>%s</t></si>' % escape(s) for s in strings)))
`;
  execFileSync('python3', ['-c', script, path, JSON.stringify(rows)]);
  return readFileSync(path);
}

test('a dry run reports each bad row with its column and a Chinese reason, and writes nothing', async () => {
  const before = sql(server.db, 'SELECT count(*) FROM residents')[0][0];
  const body = csv([
    `张伟,男,汉族,${idNumber('51011619800101001')},13800000001,${building},1,101,`,
    `李娜,女,火星族,12345,1380000,${building},1,102,`,
    `王五,男,藏族,,,不存在的楼,1,103,`,
  ]);
  const r = await upload(body, false);
  assert.equal(r.status, 200);
  assert.equal(r.data.rows, 3);
  assert.equal(r.data.valid, 1);
  const byCell = Object.fromEntries(r.data.errors.map((e) => [`${e.row}:${e.column}`, e]));
  assert.equal(byCell['3:民族'].code, 'invalid_ethnicity');
  assert.equal(byCell['3:身份证号'].code, 'invalid_id_number');
  assert.match(byCell['3:身份证号'].reason, /身份证/);
  assert.equal(byCell['3:联系电话'].code, 'invalid_phone');
  assert.equal(byCell['4:楼栋'].code, 'unknown_building');
  assert.equal(sql(server.db, 'SELECT count(*) FROM residents')[0][0], before);
});

test('committing a file with any error writes nothing (all or nothing)', async () => {
  const before = sql(server.db, 'SELECT count(*) FROM residents')[0][0];
  const households = sql(server.db, 'SELECT count(*) FROM households')[0][0];
  const body = csv([
    `赵六,男,汉族,,,${building},2,901,`,
    `钱七,男,汉族,,,${building},2,902,`,
    `孙八,X,汉族,,,${building},2,903,`,
  ]);
  const r = await upload(body, true);
  assert.equal(r.status, 422);
  assert.equal(r.data.error.code, 'import_has_errors');
  assert.equal(r.data.error.details.errors[0].row, 4);
  assert.equal(sql(server.db, 'SELECT count(*) FROM residents')[0][0], before);
  assert.equal(sql(server.db, 'SELECT count(*) FROM households')[0][0], households);
});

test('a duplicate ID inside the file is caught', async () => {
  const id = idNumber('51011619850505005');
  const r = await upload(csv([`甲,男,汉族,${id},,${building},1,1,`, `乙,男,汉族,${id},,${building},1,2,`]), false);
  assert.equal(r.data.errors.length, 1);
  assert.equal(r.data.errors[0].code, 'duplicate_in_file');
});

test('a missing required column is reported once, on the header row', async () => {
  const r = await upload('姓名,性别\n张三,男\n', false);
  assert.ok(r.data.errors.some((e) => e.row === 1 && e.column === '民族' && e.code === 'missing_column'));
});

test('a clean CSV commits every row, creating households, with one audit entry', async () => {
  const body = csv([
    `扎西顿珠,男,藏族,${idNumber('51011619700303003')},13811112222,${building},3,1501,独居老人`,
    `卓玛,女,藏,,,${building},3,1501,`,
    `吉克阿依莫,女,彝族,,,${building},3,1502,低保户、残疾人`,
  ]);
  const r = await upload(body, true);
  assert.equal(r.status, 201, JSON.stringify(r.data));
  assert.equal(r.data.imported, 3);
  const found = await worker.get(`/api/v1/residents?q=${encodeURIComponent('吉克阿依莫')}`);
  assert.deepEqual(found.data.items[0].tags.sort(), ['低保户', '残疾人'].sort());
  assert.equal(sql(server.db, "SELECT count(*) FROM audit_log WHERE action = 'residents.import.committed'")[0][0], '1');
});

test('CSV saved by Excel in GB18030 is read', async () => {
  const text = csv([`周杰,男,汉族,,,${building},1,1601,`]);
  const gb = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text });
  const r = await upload(gb, false);
  assert.equal(r.data.valid, 1, JSON.stringify(r.data));
  assert.equal(r.data.preview[0].name, '周杰');
});

test('an .xlsx with the usual headers imports', async () => {
  const file = xlsx([
    ['姓名', '性别', '民族', '身份证号', '楼栋', '单元', '门牌号'],
    ['马丽', '女', '回族', idNumber('51011619920808008'), building, '1', '1701'],
    ['马强', '男', '回族', '', building, '1', '1701'],
  ]);
  const dry = await upload(file, false);
  assert.equal(dry.data.valid, 2, JSON.stringify(dry.data));
  const r = await upload(file, true);
  assert.equal(r.status, 201);
  assert.equal(r.data.imported, 2);
});

test('a sheet as workers keep it: a merged title row, a blank row, marked headers, numbers and date serials', async () => {
  const rows = [
    ['安公社区居民信息登记表（2021年）', '', '', '', '', '', '', ''],
    ['', '', '', '', '', '', '', ''],
    ['序号', '姓名*', '性别', '民族', '出生日期', '联系电话', '楼栋(号)', '门牌号'],
    [1, '标题行甲', '男', '汉族', 32874, 13800000011, building, '1501'],
    [2, '标题行乙', '女', '回族', '1990/1/5', '', building, '1502'],
    [3, '标题行丙', '女', '回族', '1990/1/5', '', '没有这栋', '1503'],
    ['', '', '', '', '', '', '', ''],
  ];
  const r = await upload(xlsx(rows), false);
  assert.equal(r.status, 200, JSON.stringify(r.data));
  assert.equal(r.data.rows, 3);
  assert.deepEqual(r.data.errors.map((e) => [e.row, e.column, e.code]), [[6, '楼栋(号)', 'unknown_building']],
    'the row Excel shows (6), the header as the file writes it');
  assert.equal(r.data.preview[0].birth_date, '1990-01-01', 'a date cell is a date');
  assert.equal(r.data.preview[1].birth_date, '1990-01-05');
  const ok = await upload(xlsx(rows.slice(0, 5)), true);
  assert.equal(ok.status, 201, JSON.stringify(ok.data));
  const phone = await worker.get(`/api/v1/residents?q=${encodeURIComponent('标题行甲')}`);
  assert.equal(phone.data.items.length, 1);
  assert.match(phone.data.items[0].phone_masked || phone.data.items[0].phone || '', /^138/);
});

test('a broken .xlsx is a clear 422', async () => {
  const r = await upload(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]), false);
  assert.equal(r.status, 422);
  assert.equal(r.data.error.code, 'import_unreadable');
});

test('an ID number already in the registry is refused on its row, in row order, and left out of the preview', async () => {
  const existing = idNumber('51011619600606006');
  const first = await upload(csv([`林一,女,汉族,${existing},,${building},4,101,`]), true);
  assert.equal(first.status, 201, JSON.stringify(first.data));
  const r = await upload(csv([
    `林二,女,汉族,${idNumber('51011619600606014')},,${building},4,102,`,
    `林三,女,汉族,${existing},,${building},4,103,`,
    `林四,男,火星族,,,${building},4,104,`,
  ]), false);
  assert.deepEqual(r.data.errors.map((e) => [e.row, e.column, e.code]),
    [[3, '身份证号', 'duplicate_id_number'], [4, '民族', 'invalid_ethnicity']]);
  assert.equal(r.data.valid, 1);
  assert.deepEqual(r.data.preview.map((p) => p.name), ['林二']);
});

test('imported residents are found by a one- and a two-character query', async () => {
  const r = await upload(csv([`阿苏木呷,女,彝族,,,${building},5,201,`]), true);
  assert.equal(r.status, 201, JSON.stringify(r.data));
  for (const q of ['呷', '木呷']) {
    const found = await worker.get(`/api/v1/residents?q=${encodeURIComponent(q)}`);
    assert.ok(found.data.items.some((i) => i.name === '阿苏木呷'), q);
  }
});

test('a large file is written whole: every row, its name substrings and tags, searchable at once', async () => {
  const n = 1500;  // past the size at which rows are prepared on a second thread
  const surnames = '赵钱孙李周吴郑王冯陈';
  const rows = [];
  for (let i = 0; i < n; i++) {
    const id = idNumber(`5201021985${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`.slice(0, 17));
    rows.push(`${surnames[i % 10]}大${'山水林海'[i % 4]}${i % 7 ? '' : '娃'},${Number(id[16]) % 2 ? '男' : '女'},${i % 5 ? '汉族' : '彝族'},${id},,${building},${1 + (i % 3)},${2000 + i},${i % 50 ? '' : '独居老人'}`);
  }
  const before = Number(sql(server.db, 'SELECT count(*) FROM residents')[0][0]);
  const lastBefore = Number(sql(server.db, 'SELECT max(id) FROM residents')[0][0]);
  const r = await upload(csv(rows), true);
  assert.equal(r.status, 201, JSON.stringify(r.data).slice(0, 300));
  assert.equal(r.data.imported, n);
  assert.equal(Number(sql(server.db, 'SELECT count(*) FROM residents')[0][0]), before + n);
  const [[count, grams, tagged]] = sql(server.db, `SELECT count(*), (SELECT count(DISTINCT resident_id) FROM resident_grams WHERE resident_id > ${lastBefore}),
    (SELECT count(*) FROM resident_tags WHERE resident_id > ${lastBefore} AND tag = '独居老人') FROM residents WHERE id > ${lastBefore}`);
  assert.deepEqual([Number(count), Number(grams), Number(tagged)], [n, n, n / 50]);
  const found = await worker.get('/api/v1/residents?q=' + encodeURIComponent('钱大水'));
  assert.ok(found.data.items.some((x) => x.name === '钱大水'));
});

test('a workbook that unpacks to more than 64 MiB or compresses over 100:1 is refused before it is unpacked', async () => {
  const bomb = (megabytes) => {
    const path = `${process.env.TONGXIN_TEST_WORK}/bomb-${megabytes}-${Date.now()}.xlsx`;
    execFileSync('python3', ['-c', `
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<Types/>')
    z.writestr('xl/workbook.xml', '<workbook/>')
    z.writestr('xl/worksheets/sheet1.xml', '<worksheet><sheetData>' + ' ' * (int(sys.argv[2]) << 20) + '</sheetData></worksheet>')
`, path, String(megabytes)]);
    return readFileSync(path);
  };
  const before = sql(server.db, 'SELECT count(*) FROM residents')[0][0];
  for (const mb of [2, 80]) {
    const file = bomb(mb);
    assert.ok(file.length < (1 << 20), `the ${mb} MiB bomb is small on the wire`);
    const r = await upload(file, true);
    assert.equal(r.status, 422, `${mb} MiB`);
    assert.equal(r.data.error.code, 'import_unreadable');
  }
  assert.equal(sql(server.db, 'SELECT count(*) FROM residents')[0][0], before);
});

test('a 小区 column and the usual building spellings find the building; new rooms are counted and created', async () => {
  const [compound, own] = sql(server.db, `SELECT c.name, b.name FROM places b JOIN compounds c ON c.id = b.compound_id WHERE b.community_id = ${angongId} ORDER BY b.id LIMIT 1`)[0];
  const number = own.replace(compound, '').replace('栋', '');
  const buildingId = sql(server.db, `SELECT id FROM places WHERE name = '${own}' AND community_id = ${angongId}`)[0][0];
  const rows = [
    '小区,姓名,性别,民族,楼栋,单元,门牌号',
    `${compound},格桑,男,藏族,${number}幢,1单元,1901室`,
    `${compound},卓玛,女,藏族,${number}号楼,1,1901`,
    `,次仁,男,藏族,${compound}${number}栋,2,1902`,
    `${compound},多吉,男,藏族,99栋,1,101`,
    `不存在的小区,拉姆,女,藏族,${number}栋,1,101`,
  ];
  const body = rows.join('\r\n') + '\r\n';
  const dry = await upload(body, false);
  assert.equal(dry.status, 200);
  assert.deepEqual(dry.data.errors.map((e) => [e.row, e.column, e.code]),
    [[5, '楼栋', 'unknown_compound_building'], [6, '小区', 'unknown_compound']]);
  assert.match(dry.data.errors[0].reason, /3栋、3幢、3号楼/);
  assert.equal(dry.data.valid, 3);
  // Floor 19 does not exist in the demo: the rooms 1-1901 and 2-1902 are new.
  assert.equal(dry.data.new_households, 2);
  const clean = rows.slice(0, 4).join('\r\n') + '\r\n';
  const done = await upload(clean, true);
  assert.equal(done.status, 201, JSON.stringify(done.data));
  const placed = sql(server.db, `SELECT r.name, h.unit, h.room FROM residents r JOIN households h ON h.id = r.household_id WHERE r.name IN ('格桑', '卓玛', '次仁') AND h.building_id = ${buildingId} AND h.room IN ('1901', '1902') ORDER BY r.name`);
  assert.deepEqual(placed.map((r) => r.join('/')).sort(), ['卓玛/1/1901', '格桑/1/1901', '次仁/2/1902'].sort());
});
