// Photos of exhibits, series events and self-organised activities: type from the content, a
// re-encoded JPEG without metadata (the GPS location an upload carries is gone), a thumbnail, a
// checksum checked when served, clear refusals that leave nothing behind, scope and the public
// catalogue.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startServer, client, sql, png, be32, BACKEND } from './helpers.mjs';

let server, api, worker, nanshan, resident, angongId, exhibit;
const one = (q) => { const r = sql(server.db, q); return r.length ? r[0][0] : undefined; };
const photoCount = () => Number(one('SELECT count(*) FROM photos'));
const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);

// An EXIF block (big-endian TIFF) with a camera make and a GPS position in 成都.
function exif() {
  const entries = (list, base) => {
    // list: [tag, type, count, valueBytes]; values over 4 bytes go after the IFD.
    const head = Buffer.alloc(2 + list.length * 12 + 4);
    head.writeUInt16BE(list.length, 0);
    let extra = Buffer.alloc(0);
    list.forEach(([tag, type, count, value], i) => {
      const o = 2 + i * 12;
      head.writeUInt16BE(tag, o); head.writeUInt16BE(type, o + 2); head.writeUInt32BE(count, o + 4);
      if (value.length <= 4) value.copy(head, o + 8);
      else { head.writeUInt32BE(base + head.length + extra.length, o + 8); extra = Buffer.concat([extra, value]); }
    });
    return Buffer.concat([head, extra]);
  };
  const rational = (...pairs) => Buffer.concat(pairs.flatMap(([n, d]) => [be32(n), be32(d)]));
  const gpsOffset = 8 + 2 + 2 * 12 + 4 + 8;  // after IFD0 and its "Tongxin\0" value
  const ifd0 = entries([[0x010f, 2, 8, Buffer.from('TestCam\0')], [0x8825, 4, 1, be32(gpsOffset)]], 8);
  const gps = entries([[0x0001, 2, 2, Buffer.from('N\0')], [0x0002, 5, 3, rational([30, 1], [34, 1], [1234, 100])],
    [0x0003, 2, 2, Buffer.from('E\0')], [0x0004, 5, 3, rational([104, 1], [3, 1], [5678, 100])]], gpsOffset);
  const tiff = Buffer.concat([Buffer.from('MM\0*', 'latin1'), be32(8), ifd0, gps]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const len = Buffer.alloc(2); len.writeUInt16BE(body.length + 2);
  return Buffer.concat([Buffer.from([0xff, 0xe1]), len, body]);
}
// Width and height from a JPEG's frame header.
function jpegSize(b) {
  assert.deepEqual([...b.subarray(0, 2)], [0xff, 0xd8], 'a JPEG');
  for (let o = 2; o < b.length;) {
    const marker = b[o + 1];
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return { height: b.readUInt16BE(o + 5), width: b.readUInt16BE(o + 7) };
    o += 2 + b.readUInt16BE(o + 2);
  }
  throw new Error('no frame header');
}
const upload = (who, path, body, caption = '') =>
  api.request('POST', `${path}/photos${caption ? `?caption=${encodeURIComponent(caption)}` : ''}`, { token: who.token, raw: body, headers: { 'content-type': 'image/png' } });

before(async () => {
  server = await startServer();
  api = client(server);
  worker = await api.as('angong');
  nanshan = await api.as('nanshan');
  resident = await api.as('resident');
  angongId = Number(one("SELECT id FROM places WHERE name = '安公社区'"));
  exhibit = Number(one(`SELECT id FROM exhibits WHERE community_id = ${angongId} AND status = 'on_display' ORDER BY id LIMIT 1`));
});
after(async () => { await server.stop(); });

test('an exhibit photo is kept as a JPEG with a thumbnail and its checksum, and the catalogue shows it', async () => {
  const path = `/api/v1/exhibits/${exhibit}`;
  const r = await upload(worker, path, png(1200, 900), '银饰头冠 正面');
  assert.equal(r.status, 201, JSON.stringify(r.data));
  const list = (await worker.get(`${path}/photos`)).data.items;
  const p = list.find((x) => x.id === r.data.id);
  assert.deepEqual({ w: p.width, h: p.height, type: p.source_type, caption: p.caption }, { w: 1200, h: 900, type: 'png', caption: '银饰头冠 正面' });
  const full = await worker.get(`${path}/photos/${p.id}`);
  assert.equal(full.status, 200);
  assert.equal(full.headers.get('content-type'), 'image/jpeg');
  assert.deepEqual(jpegSize(full.data), { width: 1200, height: 900 });
  assert.equal(createHash('sha256').update(full.data).digest('hex'), p.sha256);
  assert.equal(p.size_bytes, full.data.length);
  const thumb = await worker.get(`${path}/photos/${p.id}?size=thumb`);
  assert.deepEqual(jpegSize(thumb.data), { width: 320, height: 240 });
  assert.ok(thumb.data.length < full.data.length);
  // The exhibit itself lists its photos; so does the public catalogue, without who uploaded them.
  assert.ok((await worker.get(path)).data.photos.some((x) => x.id === p.id));
  const pub = await api.request('GET', `/api/v1/public/exhibits?community=${angongId}&limit=500`);
  const shown = pub.data.items.find((x) => x.id === exhibit);
  assert.deepEqual(shown.photos.find((x) => x.id === p.id), { id: p.id, caption: '银饰头冠 正面', width: 1200, height: 900 });
  const open = await api.request('GET', `/api/v1/public/exhibits/${exhibit}/photos/${p.id}?size=thumb`);
  assert.equal(open.status, 200);
  assert.deepEqual(open.data, thumb.data);
  // An exhibit no longer the museum's is not public, nor are its photos.
  const gone = Number(one(`SELECT id FROM exhibits WHERE community_id = ${angongId} AND id <> ${exhibit} ORDER BY id LIMIT 1`));
  const g = await upload(worker, `/api/v1/exhibits/${gone}`, png(64, 48));
  sql(server.db, `UPDATE exhibits SET status = 'returned' WHERE id = ${gone}`);
  assert.equal((await api.request('GET', `/api/v1/public/exhibits/${gone}/photos/${g.data.id}`)).status, 404);
  // A photo is fetched only through its own record.
  assert.equal((await api.request('GET', `/api/v1/public/exhibits/${exhibit}/photos/${g.data.id}`)).status, 404);
});

test('the GPS position and camera of an uploaded JPEG are not kept', async () => {
  const path = `/api/v1/exhibits/${exhibit}`;
  const first = await upload(worker, path, png(640, 480));
  const plain = (await worker.get(`${path}/photos/${first.data.id}`)).data;
  const withGps = Buffer.concat([plain.subarray(0, 2), exif(), plain.subarray(2)]);
  assert.ok(withGps.includes('Exif') && withGps.includes('TestCam'));
  const r = await upload(worker, path, withGps);
  assert.equal(r.status, 201, JSON.stringify(r.data));
  for (const size of ['full', 'thumb']) {
    const kept = (await worker.get(`${path}/photos/${r.data.id}?size=${size}`)).data;
    assert.ok(!kept.includes('Exif') && !kept.includes('TestCam'), `${size}: metadata kept`);
    assert.ok(![...kept.subarray(2, 40)].some((b, i, a) => b === 0xff && a[i + 1] === 0xe1), `${size}: an APP1 segment`);
  }
  assert.equal((await worker.get(`${path}/photos`)).data.items.find((x) => x.id === r.data.id).source_type, 'jpeg');
});

test('what is not a photo, a decompression bomb, a broken file or an oversized one is refused and nothing is kept', async () => {
  const path = `/api/v1/exhibits/${exhibit}`;
  const before = photoCount();
  const refused = async (body, code) => {
    const r = await upload(worker, path, body);
    assert.equal(r.status, 422, `${code}: ${r.status}`);
    assert.equal(r.data.error.details.fields.image.code, code);
    assert.match(r.data.error.details.fields.image.message, /[\u4e00-\u9fa5]/);
    return r;
  };
  await refused(Buffer.from('姓名,电话\n张三,13800000000\n'), 'not_an_image');
  await refused(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'), 'not_an_image');
  await refused(Buffer.alloc(0), 'not_an_image');
  const bomb = png(20000, 20000, { rows: 2 });
  assert.ok(bomb.length < 200 * 1024);
  const started = Date.now();
  await refused(bomb, 'image_too_many_pixels');
  assert.ok(Date.now() - started < 5000, 'refused from the header, without decoding');
  const whole = png(400, 300);
  await refused(whole.subarray(0, whole.length >> 1), 'image_damaged');
  const big = await upload(worker, path, Buffer.alloc(11 << 20, 1));
  assert.equal(big.status, 413);
  const en = await api.request('POST', `${path}/photos`, { token: worker.token, raw: Buffer.from('not a photo'), headers: { 'accept-language': 'en' } });
  assert.match(en.data.error.details.fields.image.message, /JPG, PNG or WebP/);
  assert.equal(photoCount(), before);
  assert.equal((await upload(worker, '/api/v1/exhibits/999999', png(64, 48))).status, 404);
  assert.equal(photoCount(), before);
});

test('photos follow their record\'s scope: another community, a resident, a record of another kind', async () => {
  const path = `/api/v1/exhibits/${exhibit}`;
  const r = await upload(worker, path, png(64, 48));
  assert.equal((await nanshan.get(`${path}/photos`)).status, 404);
  assert.equal((await nanshan.get(`${path}/photos/${r.data.id}`)).status, 404);
  assert.equal((await upload(nanshan, path, png(64, 48))).status, 404);
  assert.equal((await resident.get(`${path}/photos`)).status, 403);
  assert.equal((await api.request('GET', `${path}/photos/${r.data.id}`)).status, 401);
  // The photo of an exhibit is not reachable as a photo of an event with the same id.
  const event = Number(one(`SELECT id FROM culture_events WHERE community_id = ${angongId} ORDER BY id LIMIT 1`));
  assert.equal((await worker.get(`/api/v1/culture-events/${event}/photos/${r.data.id}`)).status, 404);
  const e = await upload(worker, `/api/v1/culture-events/${event}`, png(800, 600), '新年专场合影');
  assert.equal(e.status, 201);
  const events = (await worker.get(`/api/v1/culture-events?community=${angongId}&limit=200`)).data.items;
  assert.equal(events.find((x) => x.id === event).photos[0].caption, '新年专场合影');
});

test('a resident adds photos to the activity they organised; the committee sees them; others cannot', async () => {
  const proposed = await resident.post('/api/v1/selfhelp/activities', { title: '楼栋锅庄舞交流（照片）', place: '安公小区中心广场', held_on: today, expected: 20 });
  assert.equal(proposed.status, 201, JSON.stringify(proposed.data));
  const path = `/api/v1/selfhelp/activities/${proposed.data.id}`;
  const mine = await upload(resident, path, png(900, 1200), '跳锅庄');
  assert.equal(mine.status, 201, JSON.stringify(mine.data));
  const seen = (await worker.get(`${path}`)).data;
  assert.deepEqual(seen.photos.map((p) => p.caption), ['跳锅庄']);
  assert.equal((await worker.get(`${path}/photos/${mine.data.id}?size=thumb`)).status, 200);
  // An activity the resident neither organised nor proposed.
  const me = Number(one("SELECT resident_id FROM users WHERE username = 'resident'"));
  const other = Number(one(`SELECT id FROM selfhelp_activities WHERE organiser_resident_id <> ${me} AND proposed_by IS NULL ORDER BY id LIMIT 1`));
  assert.ok(other > 0);
  assert.equal((await upload(resident, `/api/v1/selfhelp/activities/${other}`, png(64, 48))).status, 404);
  assert.equal((await nanshan.get(`${path}/photos`)).status, 404);
  // Declined: the resident may no longer add or remove; the committee may still remove.
  assert.equal((await worker.post(`${path}/decision`, { decision: 'declined', note: '与社区活动时间冲突' })).status, 200);
  assert.equal((await upload(resident, path, png(64, 48))).status, 404);
  assert.equal((await resident.del(`${path}/photos/${mine.data.id}`)).status, 404);
  assert.equal((await worker.del(`${path}/photos/${mine.data.id}`)).status, 200);
  assert.equal((await worker.get(`${path}/photos/${mine.data.id}`)).status, 404);
  assert.equal(one(`SELECT count(*) FROM audit_log WHERE action = 'media.photo.removed' AND object_id = '${mine.data.id}'`), '1');
});

test('a stored photo whose bytes no longer match their checksum is never served', async () => {
  const path = `/api/v1/exhibits/${exhibit}`;
  const r = await upload(worker, path, png(64, 48));
  sql(server.db, BACKEND === 'postgres'
    ? `UPDATE photos SET image = '\\x00ff'::bytea WHERE id = ${r.data.id}`
    : `UPDATE photos SET image = X'00ff' WHERE id = ${r.data.id}`);
  const bad = await worker.get(`${path}/photos/${r.data.id}`);
  assert.equal(bad.status, 500);
  assert.equal(bad.data.error.code, 'photo_damaged');
});

test('at most 20 photos to a record', async () => {
  const event = Number(one(`SELECT id FROM culture_events WHERE community_id = ${angongId} ORDER BY id DESC LIMIT 1`));
  const path = `/api/v1/culture-events/${event}`;
  const small = png(32, 24);
  const have = (await worker.get(`${path}/photos`)).data.items.length;
  for (let i = have; i < 20; i++) assert.equal((await upload(worker, path, small)).status, 201);
  const r = await upload(worker, path, small);
  assert.equal(r.status, 409);
  assert.equal(r.data.error.code, 'too_many_photos');
});
