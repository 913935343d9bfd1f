import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, sql } from './helpers.mjs';

let server, api, angongId, streetId;
before(async () => {
  server = await startServer();
  api = client(server);
  angongId = Number(sql(server.db, "SELECT id FROM places WHERE name = '安公社区'")[0][0]);
  streetId = Number(sql(server.db, "SELECT id FROM places WHERE name = '华阳街道'")[0][0]);
});
after(async () => { await server.stop(); });

// Every figure of a place equals its records: their number, the share of those that qualify, or
// the sum of their amounts, read page by page.
async function expectFiguresAreTheirRecords(who, place) {
  const r = await who.get(`/api/v1/reports/kpis?${place}&year=2021`);
  assert.equal(r.status, 200);
  let checked = 0;
  for (const item of r.data.items) {
    assert.equal(item.as_of, '2021-12-31');
    if (!item.records_allowed) continue;
    let rows = [];
    let total = 0;
    do {
      const page = await who.get(`/api/v1/reports/kpis/${item.id}/records?${place}&year=2021&limit=1000&offset=${rows.length}`);
      assert.equal(page.status, 200);
      total = page.data.total;
      rows = rows.concat(page.data.items);
      if (!page.data.items.length) break;
    } while (rows.length < total);
    assert.equal(rows.length, total, `${item.id}: every record listed`);
    if (item.aggregate === 'share') {
      assert.equal(rows.length ? rows.filter((x) => x[item.share_field]).length / rows.length : 0, item.value, `${item.id} ${place}: share of qualifying records`);
    } else if (item.aggregate === 'sum') {
      const sum = rows.reduce((s, x) => s + x[item.sum_field], 0);
      assert.ok(Math.abs(sum * item.sum_scale - item.value) < 1e-6, `${item.id} ${place}: sum of the records equals the value`);
    } else {
      assert.equal(total, item.value, `${item.id} ${place}: records total equals the value`);
    }
    checked++;
  }
  return { items: r.data.items, checked };
}

test('every figure, of a community and of the street, is computed from records and drills down to exactly those records', async () => {
  const worker = await api.as('angong');
  const { items, checked } = await expectFiguresAreTheirRecords(worker, `community=${angongId}`);
  const ids = items.map((i) => i.id);
  for (const id of ['registry.residents', 'registry.minority_residents', 'registry.households']) assert.ok(ids.includes(id));
  assert.ok(checked >= 25, `${checked} figures checked`);
  const street = await expectFiguresAreTheirRecords(await api.as('admin'), `street=${streetId}`);
  assert.ok(street.checked >= 25, `${street.checked} street figures checked`);
  const expected = sql(server.db, `SELECT count(*) FROM residents WHERE community_id = ${angongId}
     AND (moved_in IS NULL OR moved_in <= '2021-12-31') AND (moved_out IS NULL OR moved_out > '2021-12-31')
     AND ethnicity BETWEEN '02' AND '56'`)[0][0];
  assert.equal(items.find((i) => i.id === 'registry.minority_residents').value, Number(expected));
});

test('a new resident changes the figure at once: nothing is a stored number', async () => {
  const worker = await api.as('angong');
  const year = new Date().getFullYear();
  const before = (await worker.get(`/api/v1/reports/kpis?community=${angongId}&year=${year}`)).data.items
    .find((i) => i.id === 'registry.minority_residents').value;
  const h = (await worker.get(`/api/v1/households?community=${angongId}&limit=1`)).data.items[0].id;
  await worker.post('/api/v1/residents', { name: '央金', gender: 'F', ethnicity: '04', household_id: h });
  const after = (await worker.get(`/api/v1/reports/kpis?community=${angongId}&year=${year}`)).data.items
    .find((i) => i.id === 'registry.minority_residents').value;
  assert.equal(after, before + 1);
});

test('the street sees its communities side by side, and the street total is their sum', async () => {
  const admin = await api.as('admin');
  const by = await admin.get(`/api/v1/reports/kpis/registry.residents/by-community?street=${streetId}&year=2021`);
  assert.equal(by.status, 200);
  const names = by.data.items.map((i) => i.community);
  assert.ok(names.includes('安公社区') && names.includes('南山社区'));
  const street = await admin.get(`/api/v1/reports/kpis?street=${streetId}&year=2021`);
  const total = street.data.items.find((i) => i.id === 'registry.residents').value;
  assert.equal(total, by.data.items.reduce((s, i) => s + i.value, 0));
});

test('labels follow the language; an unknown indicator is 404', async () => {
  const worker = await api.as('angong');
  const en = await worker.get(`/api/v1/reports/kpis?community=${angongId}&year=2021`, { headers: { 'accept-language': 'en' } });
  assert.equal(en.data.items.find((i) => i.id === 'registry.residents').label, 'Residents');
  assert.equal((await worker.get(`/api/v1/reports/kpis/nope/records?community=${angongId}`)).status, 404);
  assert.equal((await worker.get(`/api/v1/reports/kpis?community=${angongId}&year=abc`)).status, 400);
});

test('street figures kept per community add up to the communities and follow every change at once', async () => {
  const admin = await api.as('admin');
  const worker = await api.as('angong');
  const kept = ['party.minority_members', 'party.liaison_coverage', 'volunteer.regular_volunteers', 'volunteer.hours'];
  const streetKpis = async () => Object.fromEntries((await admin.get(`/api/v1/reports/kpis?street=${streetId}&year=2021`))
    .data.items.map((i) => [i.id, i]));
  const street = await streetKpis();
  for (const id of kept) {
    const by = (await admin.get(`/api/v1/reports/kpis/${id}/by-community?street=${streetId}&year=2021`)).data.items;
    let total = 0, weighted = 0, sum = 0;
    for (const c of by) {
      const rec = await admin.get(`/api/v1/reports/kpis/${id}/records?community=${c.community_id}&year=2021&limit=1`);
      total += rec.data.total;
      weighted += c.value * rec.data.total;
      sum += c.value;
    }
    const rec = await admin.get(`/api/v1/reports/kpis/${id}/records?street=${streetId}&year=2021&limit=1000`);
    assert.equal(rec.data.total, total, `${id}: the street's records are its communities' records`);
    assert.equal(rec.data.items.length, Math.min(total, 1000));
    const value = street[id].value;
    if (street[id].aggregate === 'share') assert.ok(Math.abs(value - weighted / total) < 1e-9, id);
    else assert.ok(Math.abs(value - sum) < 1e-9, `${id}: ${value} is the sum of the communities`);
  }
  assert.ok(street['party.minority_members'].value > 0 && street['volunteer.hours'].value > 0);
  assert.ok(Number(sql(server.db, 'SELECT count(*) FROM kpi_memo')[0][0]) > 0, 'figures were kept');

  // A new minority party member: counted at once, unpaired until a liaison is assigned.
  const h = (await worker.get(`/api/v1/households?community=${angongId}&limit=1`)).data.items[0].id;
  const c = await worker.post('/api/v1/residents', { name: '扎西', gender: 'M', ethnicity: '04', political_status: '01', household_id: h });
  assert.equal(c.status, 201);
  let now = await streetKpis();
  assert.equal(now['party.minority_members'].value, street['party.minority_members'].value + 1);
  assert.ok(now['party.liaison_coverage'].value < street['party.liaison_coverage'].value);
  const liaison = (await worker.get(`/api/v1/party-members?community=${angongId}&limit=5`)).data.items.find((m) => m.id !== c.data.id);
  const p = await worker.post('/api/v1/liaisons', { resident_id: c.data.id, liaison_resident_id: liaison.id, from_date: '2021-03-01' });
  assert.equal(p.status, 201, JSON.stringify(p.data));
  now = await streetKpis();
  assert.ok(now['party.liaison_coverage'].value > street['party.liaison_coverage'].value);
  // Moved out before the year's end: no longer counted for 2021.
  assert.equal((await worker.post(`/api/v1/residents/${c.data.id}/move-out`, { date: '2021-06-30' })).status, 200);
  now = await streetKpis();
  assert.equal(now['party.minority_members'].value, street['party.minority_members'].value);
  assert.equal(now['party.liaison_coverage'].value, street['party.liaison_coverage'].value);
});

test('every figure says in words what it counts, and belongs to a line or platform', async () => {
  const worker = await api.as('angong');
  const sections = ['registry', 'party', 'governance', 'volunteer', 'societies', 'services', 'selfhelp', 'culture',
    'rights', 'charity', 'jobs', 'linkage', 'outcomes', 'shuttle'];
  for (const lang of ['zh', 'en']) {
    const r = await worker.get(`/api/v1/reports/kpis?community=${angongId}&year=2021`, { headers: { 'accept-language': lang } });
    assert.equal(r.status, 200);
    assert.ok(r.data.items.length >= 30);
    for (const item of r.data.items) {
      assert.ok(sections.includes(item.section), `${item.id}: section ${item.section}`);
      assert.equal(item.section, item.id.split('.')[0]);
      assert.ok(item.definition.length >= 8, `${item.id}: definition`);
      assert.equal(/[\u4e00-\u9fff]/.test(item.definition), lang === 'zh', `${item.id}: definition in ${lang}`);
    }
  }
  const backbones = (await worker.get(`/api/v1/reports/kpis?community=${angongId}&year=2021`)).data.items
    .find((i) => i.id === 'governance.minority_backbones');
  assert.match(backbones.definition, /楼栋长、业委会、议事会/);
});

test('year over year: every figure for the last years side by side, each equal to that year\'s figure', async () => {
  const worker = await api.as('angong');
  const r = await worker.get(`/api/v1/reports/kpis/history?community=${angongId}&year=2021&years=3`);
  assert.equal(r.status, 200);
  assert.deepEqual(r.data.years, [2019, 2020, 2021]);
  const byYear = {};
  for (const y of r.data.years) {
    byYear[y] = Object.fromEntries((await worker.get(`/api/v1/reports/kpis?community=${angongId}&year=${y}`)).data.items
      .map((i) => [i.id, i.value]));
  }
  for (const item of r.data.items) {
    assert.deepEqual(item.values, r.data.years.map((y) => byYear[y][item.id]), item.id);
    assert.ok(Math.abs(item.change - (item.values[2] - item.values[1])) < 1e-9, `${item.id}: change`);
    if (item.values[1] === 0) assert.equal(item.change_share, null);
    else assert.ok(Math.abs(item.change_share - item.change / item.values[1]) < 1e-9, `${item.id}: change share`);
  }
  // Cumulative figures never fall; the demo's 2021 disputes are the article's 221.
  const disputes = r.data.items.find((i) => i.id === 'rights.disputes_resolved');
  assert.equal(disputes.values[2], 221);
  assert.ok(disputes.values[1] <= disputes.values[2]);
  for (const years of [1, 11, 'x']) {
    const bad = await worker.get(`/api/v1/reports/kpis/history?community=${angongId}&year=2021&years=${years}`);
    assert.equal(bad.status, 400, `years=${years}`);
  }
});
