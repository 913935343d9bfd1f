import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, sql, idNumber } from './helpers.mjs';

let server, api, worker, angongId;
before(async () => {
  server = await startServer();
  api = client(server);
  worker = await api.as('angong');
  angongId = Number(sql(server.db, "SELECT id FROM places WHERE name = '安公社区'")[0][0]);
});
after(async () => { await server.stop(); });

async function household() {
  const r = await worker.get(`/api/v1/households?community=${angongId}&limit=1`);
  return r.data.items[0].id;
}

test('registering a resident, then finding them by initials, full pinyin, 1-2 characters, ID and phone', async () => {
  const id = idNumber('51011619800101567');
  const r = await worker.post('/api/v1/residents', {
    name: '曾德钧', gender: 'M', ethnicity: '04', id_number: id, phone: '13912345678',
    household_id: await household(), relation: 'head', tags: ['独居老人'],
  });
  assert.equal(r.status, 201, JSON.stringify(r.data));
  assert.equal(r.data.pinyin, 'zengdejun');
  assert.equal(r.data.birth_date, '1980-01-01', 'birth date is taken from the ID number');
  assert.equal(r.data.phone_masked, '139****5678');
  assert.equal(r.data.id_number_masked, id.slice(0, 3) + '*'.repeat(14) + id.slice(17));
  assert.equal(JSON.stringify(r.data).includes('13912345678'), false, 'the full phone is never in a list or record');
  const created = r.data.id;
  for (const q of ['zdj', 'zengdej', 'ZDJ', '曾德', '德钧', '曾德钧', id, '13912345678']) {
    const s = await worker.get(`/api/v1/residents?q=${encodeURIComponent(q)}&limit=50`);
    assert.equal(s.status, 200);
    assert.ok(s.data.items.some((x) => x.id === created), `query ${q} should find the resident`);
  }
  const one = await worker.get(`/api/v1/residents?q=${encodeURIComponent('钧')}&limit=500`);
  assert.ok(one.data.items.some((x) => x.id === created), 'a single character finds the name');
});

test('search results come sorted by pinyin with a total', async () => {
  const s = await worker.get('/api/v1/residents?q=z&limit=30');
  assert.ok(s.data.total > 30);
  const pys = s.data.items.map((x) => x.pinyin);
  assert.deepEqual(pys, [...pys].sort());
  assert.ok(pys.every((p) => p.startsWith('z')));
});

test('a bad identity-card number is a 422 with the field named, and nothing is written', async () => {
  const before = sql(server.db, 'SELECT count(*) FROM residents')[0][0];
  const good = idNumber('51011619800101991');
  const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
  const r = await worker.post('/api/v1/residents', { name: '测试', gender: 'M', ethnicity: '01', id_number: bad, household_id: await household() });
  assert.equal(r.status, 422);
  assert.equal(r.data.error.details.fields.id_number.code, 'invalid_id_number');
  assert.match(r.data.error.details.fields.id_number.message, /身份证/);
  assert.equal(sql(server.db, 'SELECT count(*) FROM residents')[0][0], before);
});

test('gender and ethnicity are validated against the national codes', async () => {
  const r = await worker.post('/api/v1/residents', { name: '测试', gender: 'X', ethnicity: '火星族', household_id: await household() });
  assert.equal(r.status, 422);
  assert.equal(r.data.error.details.fields.gender.code, 'invalid_gender');
  assert.equal(r.data.error.details.fields.ethnicity.code, 'invalid_ethnicity');
});

test('a duplicate identity-card number is a 409', async () => {
  const id = idNumber('51011619900202123');
  const h = await household();
  assert.equal((await worker.post('/api/v1/residents', { name: '甲', gender: 'M', ethnicity: '01', id_number: id, household_id: h })).status, 201);
  const again = await worker.post('/api/v1/residents', { name: '乙', gender: 'M', ethnicity: '01', id_number: id, household_id: h });
  assert.equal(again.status, 409);
  assert.equal(again.data.error.code, 'duplicate_id_number');
});

test('an update keeps the stored phone unless a new one is sent, and is audited with masked values', async () => {
  const h = await household();
  const c = await worker.post('/api/v1/residents', { name: '白玛', gender: 'F', ethnicity: '04', phone: '13800001111', household_id: h });
  const u = await worker.patch(`/api/v1/residents/${c.data.id}`, { note: '新备注', political_status: '01' });
  assert.equal(u.status, 200);
  assert.equal(u.data.phone_masked, '138****1111');
  assert.equal(u.data.political_status, '01');
  const p = await worker.patch(`/api/v1/residents/${c.data.id}`, { phone: '13900002222' });
  assert.equal(p.data.phone_masked, '139****2222');
  const details = sql(server.db, `SELECT details FROM audit_log WHERE action = 'residents.resident.updated' AND object_id = '${c.data.id}' ORDER BY seq`);
  assert.equal(details.length, 2);
  assert.ok(!details[1][0].includes('13900002222'), 'sensitive values are masked in the audit log');
  assert.match(details[1][0], /"phone":\{"before":"\*\*\*","after":"\*\*\*"\}/);
});

test('revealing contact details needs the permission and is audited', async () => {
  const h = await household();
  const c = await worker.post('/api/v1/residents', { name: '次仁', gender: 'M', ethnicity: '04', phone: '13700003333', household_id: h });
  const r = await worker.get(`/api/v1/residents/${c.data.id}/contact`);
  assert.equal(r.status, 200);
  assert.equal(r.data.phone, '13700003333');
  const audited = sql(server.db, `SELECT count(*) FROM audit_log WHERE action = 'residents.contact.revealed' AND object_id = '${c.data.id}'`);
  assert.equal(audited[0][0], '1');
  const resident = await api.as('resident');
  assert.equal((await resident.get(`/api/v1/residents/${c.data.id}/contact`)).status, 403);
});

test('moving out keeps the record; moved-out residents leave the default list', async () => {
  const h = await household();
  const c = await worker.post('/api/v1/residents', { name: '格桑', gender: 'M', ethnicity: '04', household_id: h, moved_in: '2015-03-01' });
  const early = await worker.post(`/api/v1/residents/${c.data.id}/move-out`, { date: '2010-01-01' });
  assert.equal(early.status, 422);
  const m = await worker.post(`/api/v1/residents/${c.data.id}/move-out`, { date: '2021-06-30', reason: '搬迁' });
  assert.equal(m.status, 200);
  assert.equal(m.data.moved_out, '2021-06-30');
  assert.equal((await worker.post(`/api/v1/residents/${c.data.id}/move-out`, { date: '2021-07-01' })).status, 409);
  const active = await worker.get(`/api/v1/residents?q=${encodeURIComponent('格桑')}&limit=500`);
  assert.ok(!active.data.items.some((x) => x.id === c.data.id));
  const all = await worker.get(`/api/v1/residents?q=${encodeURIComponent('格桑')}&status=all&limit=500`);
  assert.ok(all.data.items.some((x) => x.id === c.data.id));
});

test('a resident sees only their own household', async () => {
  const resident = await api.as('resident');
  const list = await resident.get('/api/v1/residents?limit=100');
  assert.equal(list.status, 200);
  assert.ok(list.data.total >= 1 && list.data.total <= 6);
  const households = new Set(list.data.items.map((x) => x.household_id));
  assert.equal(households.size, 1);
});

test('export gives an .xlsx of the filtered list and is audited', async () => {
  const r = await worker.get('/api/v1/residents/export?minority=1&q=z');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /spreadsheetml/);
  assert.equal(r.data.subarray(0, 2).toString(), 'PK');
  assert.match(r.headers.get('content-disposition'), /filename\*=UTF-8''/);
  const audited = sql(server.db, "SELECT details FROM audit_log WHERE action = 'residents.exported'");
  assert.equal(audited.length, 1);
});

test('paging parameters are validated', async () => {
  assert.equal((await worker.get('/api/v1/residents?limit=abc')).status, 400);
  assert.equal((await worker.get('/api/v1/residents?limit=100000')).status, 400);
  assert.equal((await worker.get('/api/v1/residents?status=gone')).status, 400);
});

test('a resident\'s whole record: organisations where they hold a post and their donations, by filter', async () => {
  const post = sql(server.db, "SELECT p.resident_id, p.organization_id FROM org_posts p JOIN organizations o ON o.id = p.organization_id WHERE p.term_to IS NULL AND o.community_id = (SELECT id FROM places WHERE name = '安公社区') LIMIT 1")[0];
  const orgs = await worker.get(`/api/v1/organizations?resident=${post[0]}&limit=100`);
  assert.equal(orgs.status, 200);
  const expected = sql(server.db, `SELECT count(DISTINCT organization_id) FROM org_posts WHERE resident_id = ${post[0]} AND term_to IS NULL`)[0][0];
  assert.equal(orgs.data.total, Number(expected));
  assert.ok(orgs.data.items.some((o) => o.id === Number(post[1])));
  const treasurer = await api.as('treasurer');
  const gift = await treasurer.post('/api/v1/charity/donations', { community_id: angongId, channel: 'crowdfunding_offline', amount: '88', donor_kind: 'resident', donor_resident_id: Number(post[0]), donated_on: '2021-05-01' });
  assert.equal(gift.status, 201, JSON.stringify(gift.data));
  const d = await treasurer.get(`/api/v1/charity/donations?donor=${post[0]}`);
  const count = sql(server.db, `SELECT count(*) FROM charity_donations WHERE donor_resident_id = ${post[0]}`)[0][0];
  assert.ok(Number(count) >= 1);
  assert.equal(d.data.total, Number(count));
  assert.ok(d.data.items.some((x) => x.receipt_no === gift.data.receipt_no));
});
