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
