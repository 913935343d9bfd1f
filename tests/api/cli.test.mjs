import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, client, sql, tongxin, BACKEND } from './helpers.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

const work = process.env.TONGXIN_TEST_WORK;

function run(args, input) {
  try {
    return { code: 0, out: execFileSync(process.env.TONGXIN_BIN, args, { input, stdio: ['pipe', 'pipe', 'pipe'] }).toString() };
  } catch (e) {
    return { code: e.status, out: e.stdout.toString(), err: e.stderr.toString() };
  }
}

test('user add reads the password from standard input and enforces the policy', async () => {
  const weak = run(['user', 'add', '--db', server.db, '--username', 'wang', '--role', 'community_worker', '--community', '2', '--password-stdin'], 'weak\n');
  assert.equal(weak.code, 1);
  assert.match(weak.err, /password_too_weak/);
  const ok = run(['user', 'add', '--db', server.db, '--username', 'wang', '--role', 'community_worker', '--community', '2', '--password-stdin'], 'Strong-pass-2021\n');
  assert.equal(ok.code, 0, ok.err);
  const api = client(server);
  assert.ok(await api.login('wang', 'Strong-pass-2021'));
});

test('bad usage exits 2; --help exits 0', () => {
  assert.equal(run(['serve']).code, 2);
  assert.equal(run(['nonsense']).code, 2);
  assert.equal(run(['gen', '--help']).code, 0);
});

test('migrate is idempotent', () => {
  const r = run(['migrate', '--db', server.db]);
  assert.equal(r.code, 0);
  assert.match(r.out, /applied 0 migration/);
});

test('gen makes residents with households at the requested scale', () => {
  const r = run(['gen', '--db', server.db, '--residents', '500', '--communities', '2', '--seed', '3']);
  assert.equal(r.code, 0, r.err);
  const n = sql(server.db, "SELECT count(*) FROM residents r JOIN places p ON p.id = r.street_id WHERE p.name LIKE '生成街道%'")[0][0];
  assert.equal(Number(n), 500);
});

test('backup, tamper detection on restore, and a verified restore', { skip: BACKEND !== 'sqlite' }, () => {
  const copy = `${work}/backup-${Date.now()}.db`;
  assert.equal(run(['backup', '--db', server.db, '--to', copy]).code, 0);
  assert.equal(sql(copy, 'SELECT count(*) FROM residents')[0][0], sql(server.db, 'SELECT count(*) FROM residents')[0][0]);
  const target = `${work}/restored-${Date.now()}.db`;
  const ok = run(['restore', '--from', copy, '--db', target]);
  assert.equal(ok.code, 0, ok.err);
  assert.match(tongxin(['audit', 'verify', '--db', target]), /intact/);
  sql(copy, "UPDATE audit_log SET action = 'forged' WHERE seq = 3");
  const bad = run(['restore', '--from', copy, '--db', `${work}/never.db`]);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /audit log is broken at entry 3/);
});

// Someone who can write the database but has no key file rewrites an entry and recomputes every
// hash as an unkeyed chain would: verify still finds it. A checkpoint kept elsewhere catches a
// truncation (and a rewrite by someone who holds the key).
test('the audit chain is keyed, and a checkpoint catches rewrites and truncation', async () => {
  const api = client(server);
  const angong = await api.as('angong');
  const community = (await angong.get('/api/v1/auth/me')).data.scope_place_id;
  assert.equal((await angong.post('/api/v1/notices', { community_id: community, title: '检查点前', body: '审计检查点测试' })).status, 201);
  const cp = run(['audit', 'checkpoint', '--db', server.db]);
  assert.equal(cp.code, 0, cp.err);
  assert.match(cp.out, /^\d+ [0-9a-f]{64}\n$/);
  const [seq] = cp.out.split(' ');
  const file = `${work}/checkpoint-${Date.now()}.txt`;
  execFileSync('sh', ['-c', `printf '%s' "$1" > "$2"`, 'sh', cp.out, file]);
  assert.equal((await angong.post('/api/v1/notices', { community_id: community, title: '检查点后', body: '审计检查点测试' })).status, 201);
  assert.match(run(['audit', 'verify', '--db', server.db, '--checkpoint', file]).out, /intact.*extending the checkpoint/);
  const noKey = run(['audit', 'verify', '--db', server.db, '--key', `${work}/no-such.key`]);
  assert.equal(noKey.code, 1);
  assert.match(noKey.err, /key file/);

  // Forge entry 2 and recompute the chain with plain SHA-256 (the old, unkeyed scheme).
  sql(server.db, "UPDATE audit_log SET details = '{\"forged\":true}' WHERE seq = 2");
  const rows = sql(server.db, 'SELECT seq, at, username, action, details FROM audit_log ORDER BY seq');
  const { createHash } = await import('node:crypto');
  let prev = '0'.repeat(64);
  const updates = rows.map(([s, at, u, a, d]) => {
    const h = createHash('sha256').update([prev, s, at, u, a, d].join('\x1f')).digest('hex');
    const stmt = `UPDATE audit_log SET prev_hash = '${prev}', hash = '${h}' WHERE seq = ${s};`;
    prev = h;
    return stmt;
  });
  sql(server.db, `BEGIN; ${updates.join(' ')} UPDATE audit_head SET hash = '${prev}' WHERE id = 1; COMMIT;`);
  const forged = run(['audit', 'verify', '--db', server.db]);
  assert.equal(forged.code, 1);
  assert.match(forged.err, /broken at entry 1: entry altered/);

  // Truncation to before the checkpoint, with the head set to the new last entry.
  const fresh = await startServer();
  try {
    const f = client(fresh);
    const w = await f.as('angong');
    await w.post('/api/v1/notices', { community_id: community, title: '截断测试', body: '审计检查点测试' });
    const head = run(['audit', 'checkpoint', '--db', fresh.db]).out;
    const cpFile = `${work}/checkpoint-b-${Date.now()}.txt`;
    execFileSync('sh', ['-c', `printf '%s' "$1" > "$2"`, 'sh', head, cpFile]);
    const n = Number(head.split(' ')[0]);
    const [[mac]] = sql(fresh.db, `SELECT hash FROM audit_log WHERE seq = ${n - 2}`);
    sql(fresh.db, `DELETE FROM audit_log WHERE seq > ${n - 2}`);
    sql(fresh.db, `UPDATE audit_head SET seq = ${n - 2}, hash = '${mac}' WHERE id = 1`);
    assert.equal(run(['audit', 'verify', '--db', fresh.db]).code, 0, 'a clean truncation verifies on its own');
    const cut = run(['audit', 'verify', '--db', fresh.db, '--checkpoint', cpFile]);
    assert.equal(cut.code, 1);
    assert.match(cut.err, /truncated/);
  } finally {
    await fresh.stop();
  }
  assert.ok(Number(seq) > 0);
});
