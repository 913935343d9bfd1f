import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, sql, tongxin, xlsxText } from './helpers.mjs';

let server, api, treasurer, worker, admin, angongId;
before(async () => {
  server = await startServer();
  api = client(server);
  treasurer = await api.as('treasurer');
  worker = await api.as('angong');
  admin = await api.as('admin');
  angongId = Number(sql(server.db, "SELECT id FROM places WHERE name = '安公社区'")[0][0]);
});
after(async () => { await server.stop(); });

async function booksBalance() {
  const b = await treasurer.get('/api/v1/charity/books');
  assert.equal(b.status, 200);
  assert.equal(b.data.balanced, true, JSON.stringify(b.data.problems));
  // And independently of the server's check: every transaction and the whole ledger sum to zero.
  assert.equal(sql(server.db, 'SELECT count(*) FROM (SELECT transaction_id FROM charity_entries GROUP BY transaction_id HAVING sum(amount_fen) <> 0) t')[0][0], '0');
  assert.equal(sql(server.db, 'SELECT coalesce(sum(amount_fen), 0) FROM charity_entries')[0][0], '0');
  assert.equal(sql(server.db, `SELECT count(*) FROM charity_accounts a WHERE a.balance_fen <> coalesce((SELECT sum(e.amount_fen) FROM charity_entries e WHERE e.account_id = a.id), 0)`)[0][0], '0');
}

async function newProject(name = `测试项目 ${Math.random()}`) {
  const r = await treasurer.post('/api/v1/charity/projects', { community_id: angongId, name, goal_fen: 1000000, starts_on: '2021-01-01' });
  assert.equal(r.status, 201, JSON.stringify(r.data));
  return r.data.id;
}

test('the demo reproduces the charity figures of 2021 from donations, and the books balance', async () => {
  const kpis = (await worker.get(`/api/v1/reports/kpis?community=${angongId}&year=2021`)).data.items;
  const raised = kpis.find((i) => i.id === 'charity.raised_fen');
  const pandemic = kpis.find((i) => i.id === 'charity.pandemic_donations_fen');
  assert.ok(raised.value > 40000000, `${raised.value}`);
  assert.ok(pandemic.value > 10000000, `${pandemic.value}`);
  for (const k of [raised, pandemic]) {
    let sum = 0;
    const first = await worker.get(`/api/v1/reports/kpis/${k.id}/records?community=${angongId}&year=2021&limit=500`);
    for (let offset = 0; offset < first.data.total; offset += 500) {
      const page = await worker.get(`/api/v1/reports/kpis/${k.id}/records?community=${angongId}&year=2021&limit=500&offset=${offset}`);
      sum += page.data.items.reduce((s, i) => s + i.amount_fen, 0);
    }
    assert.equal(sum, k.value, k.id);
  }
  await booksBalance();
});

test('amounts with fractions of a fen, negative, or above the limit are refused, and nothing is written', async () => {
  const count = sql(server.db, 'SELECT count(*) FROM charity_entries')[0][0];
  const base = { community_id: angongId, channel: 'public_collection', donor_kind: 'anonymous', donated_on: '2021-05-01' };
  const cases = [['12.345', 'fraction_of_fen'], ['-5', 'negative_amount'], ['100000000.01', 'amount_too_large'], ['abc', 'invalid_amount'], ['0', 'invalid_amount']];
  for (const [amount, code] of cases) {
    const r = await treasurer.post('/api/v1/charity/donations', { ...base, amount });
    assert.equal(r.status, 422, amount);
    assert.equal(r.data.error.details.fields.amount.code, code, amount);
    assert.match(r.data.error.details.fields.amount.message, /[\u4e00-\u9fa5]/);
  }
  const neg = await treasurer.post('/api/v1/charity/donations', { ...base, amount_fen: -100 });
  assert.equal(neg.data.error.details.fields.amount_fen.code, 'negative_amount');
  assert.equal(sql(server.db, 'SELECT count(*) FROM charity_entries')[0][0], count);
  const ok = await treasurer.post('/api/v1/charity/donations', { ...base, amount: '1,234.50' });
  assert.equal(ok.status, 201);
  assert.match(ok.data.receipt_no, /^JZ2021-\d+-\d{6}$/);
  assert.equal(sql(server.db, `SELECT amount_fen FROM charity_donations WHERE id = ${ok.data.id}`)[0][0], '123450');
  await booksBalance();
});

test('a disbursement needs two approvals by people other than the requester', async () => {
  const project = await newProject();
  await treasurer.post('/api/v1/charity/donations', { community_id: angongId, project_id: project, channel: 'corporate', donor_kind: 'organization', donor_name: '测试公司', amount: '1000', donated_on: '2021-05-02' });
  const hh = Number(sql(server.db, `SELECT id FROM households WHERE community_id = ${angongId} LIMIT 1`)[0][0]);
  const d = await treasurer.post('/api/v1/charity/disbursements', { project_id: project, amount: '300', beneficiary_kind: 'household', household_id: hh, purpose: '生活补助' });
  assert.equal(d.status, 201);
  assert.equal((await treasurer.post(`/api/v1/charity/disbursements/${d.data.id}/pay`, {})).data.error.code, 'not_approved');
  // The treasurer cannot approve (no permission); a requester with the permission is refused too.
  assert.equal((await treasurer.post(`/api/v1/charity/disbursements/${d.data.id}/approve`, {})).status, 403);
  const own = await worker.post('/api/v1/charity/disbursements', { project_id: project, amount: '1', beneficiary_kind: 'household', household_id: hh, purpose: 'x' });
  assert.equal(own.status, 403, 'community workers may approve but not request');
  assert.equal((await worker.post(`/api/v1/charity/disbursements/${d.data.id}/approve`, {})).status, 200);
  const twice = await worker.post(`/api/v1/charity/disbursements/${d.data.id}/approve`, {});
  assert.equal(twice.data.error.code, 'already_approved_by_you');
  assert.equal((await admin.post(`/api/v1/charity/disbursements/${d.data.id}/approve`, {})).status, 200);
  const paid = await treasurer.post(`/api/v1/charity/disbursements/${d.data.id}/pay`, { paid_on: '2021-06-01' });
  assert.equal(paid.status, 200);
  const p = (await treasurer.get(`/api/v1/charity/projects?community=${angongId}`)).data.items.find((x) => x.id === project);
  assert.deepEqual([p.income_fen, p.spent_fen, p.balance_fen], [100000, 30000, 70000]);
  await booksBalance();
});

test('concurrent disbursements cannot overdraw a project; the failed one leaves the books balanced', async () => {
  const project = await newProject();
  await treasurer.post('/api/v1/charity/donations', { community_id: angongId, project_id: project, channel: 'gala', donor_kind: 'anonymous', amount: '500', donated_on: '2021-05-03' });
  const hh = Number(sql(server.db, `SELECT id FROM households WHERE community_id = ${angongId} LIMIT 1 OFFSET 1`)[0][0]);
  const ids = [];
  for (let i = 0; i < 3; i++) {
    const d = await treasurer.post('/api/v1/charity/disbursements', { project_id: project, amount: '200', beneficiary_kind: 'household', household_id: hh, purpose: `补助 ${i}` });
    await worker.post(`/api/v1/charity/disbursements/${d.data.id}/approve`, {});
    await admin.post(`/api/v1/charity/disbursements/${d.data.id}/approve`, {});
    ids.push(d.data.id);
  }
  const paid = await Promise.all(ids.map((id) => treasurer.post(`/api/v1/charity/disbursements/${id}/pay`, {})));
  assert.deepEqual(paid.map((r) => r.status).sort(), [200, 200, 409]);
  assert.equal(paid.find((r) => r.status === 409).data.error.code, 'insufficient_funds');
  const p = (await treasurer.get(`/api/v1/charity/projects?community=${angongId}`)).data.items.find((x) => x.id === project);
  assert.equal(p.balance_fen, 10000);
  assert.equal(sql(server.db, `SELECT count(*) FROM charity_disbursements WHERE project_id = ${project} AND status = 'paid'`)[0][0], '2');
  await booksBalance();
});

test('a mistake is reversed by a new transaction with a reason; the original entries stay', async () => {
  const r = await treasurer.post('/api/v1/charity/donations', { community_id: angongId, channel: 'charity_sale', donor_kind: 'anonymous', amount: '88', donated_on: '2021-05-04' });
  const tx = Number(sql(server.db, `SELECT transaction_id FROM charity_donations WHERE id = ${r.data.id}`)[0][0]);
  const before = sql(server.db, `SELECT * FROM charity_entries WHERE transaction_id = ${tx} ORDER BY id`);
  assert.equal((await treasurer.post(`/api/v1/charity/transactions/${tx}/reverse`, {})).status, 422);
  const rev = await treasurer.post(`/api/v1/charity/transactions/${tx}/reverse`, { reason: '金额登记错误' });
  assert.equal(rev.status, 201);
  assert.deepEqual(sql(server.db, `SELECT * FROM charity_entries WHERE transaction_id = ${tx} ORDER BY id`), before);
  assert.equal((await treasurer.post(`/api/v1/charity/transactions/${tx}/reverse`, { reason: 'again' })).data.error.code, 'already_reversed');
  const listed = (await treasurer.get(`/api/v1/charity/donations?community=${angongId}&limit=500`)).data.items.find((d) => d.id === r.data.id);
  assert.equal(listed.reversed_by, rev.data.transaction_id);
  await booksBalance();
});

test('the public disclosure needs no login, shows donors only with consent, and no beneficiary', async () => {
  const named = await treasurer.post('/api/v1/charity/donations', { community_id: angongId, channel: 'public_collection', donor_kind: 'organization', donor_name: '愿意公开的公司', publish_name: true, amount: '66', donated_on: '2021-12-30' });
  const hidden = await treasurer.post('/api/v1/charity/donations', { community_id: angongId, channel: 'public_collection', donor_kind: 'organization', donor_name: '不愿公开的公司', publish_name: false, amount: '77', donated_on: '2021-12-30' });
  assert.equal(named.status, 201);
  assert.equal(hidden.status, 201);
  const r = await api.request('GET', `/api/v1/charity/disclosure?community=${angongId}`);
  assert.equal(r.status, 200);
  const text = JSON.stringify(r.data);
  assert.ok(text.includes('愿意公开的公司'));
  assert.ok(!text.includes('不愿公开的公司'));
  assert.ok(r.data.recent_donations.some((d) => d.donor === '爱心人士'));
  const addresses = sql(server.db, `SELECT h.address FROM charity_disbursements d JOIN households h ON h.id = d.household_id LIMIT 5`).map((x) => x[0]);
  for (const a of addresses) assert.ok(!text.includes(a), 'no beneficiary address');
  const care = r.data.projects.find((p) => p.name === '民族关爱帮扶项目');
  assert.equal(care.income_fen - care.spent_fen, care.balance_fen);
  assert.ok(r.data.totals.some((t) => t.year === '2021' && t.channel === 'corporate'));
});

test('another community\'s worker sees none of the fund, and the books check is on the command line too', async () => {
  const nanshan = await api.as('nanshan');
  const projects = (await nanshan.get('/api/v1/charity/projects')).data.items;
  assert.equal(projects.length, 0);
  const d = Number(sql(server.db, `SELECT id FROM charity_disbursements WHERE status = 'requested' LIMIT 1`)[0][0]);
  assert.equal((await nanshan.post(`/api/v1/charity/disbursements/${d}/approve`, {})).status, 404);
  const resident = await api.as('resident');
  assert.equal((await resident.get('/api/v1/charity/donations')).status, 403);
  assert.match(tongxin(['books', 'check', '--db', server.db]), /books balance: \d+ transactions/);
});

test('the ledger and the disclosure export as .xlsx', async () => {
  const ledger = await treasurer.get(`/api/v1/charity/ledger/export?community=${angongId}`);
  assert.equal(ledger.status, 200);
  const text = xlsxText(ledger.data);
  assert.match(text, /借方/);
  assert.match(text, /民族关爱帮扶项目/);
  const pub = await api.request('GET', `/api/v1/charity/disclosure/export?community=${angongId}`);
  assert.equal(pub.status, 200);
  assert.match(xlsxText(pub.data), /项目收支/);
});
