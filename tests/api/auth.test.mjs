import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, sql, tongxin, PASSWORD } from './helpers.mjs';

let server, api;
before(async () => { server = await startServer(); api = client(server); });
after(async () => { await server.stop(); });

test('login returns a token, the user, and an HttpOnly SameSite=Strict session cookie', async () => {
  const r = await api.request('POST', '/api/v1/auth/login', { body: { username: 'angong', password: PASSWORD } });
  assert.equal(r.status, 200);
  assert.match(r.data.token, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(r.data.user.role, 'community_worker');
  const cookies = r.headers.getSetCookie();
  const session = cookies.find((c) => c.startsWith('tx_session='));
  assert.match(session, /HttpOnly/);
  assert.match(session, /SameSite=Strict/);
  const stored = sql(server.db, "SELECT token_hash FROM sessions ORDER BY id DESC LIMIT 1")[0][0];
  assert.notEqual(stored, r.data.token, 'tokens are stored hashed');
  assert.equal(stored.length, 64);
});

test('a wrong password is 401 and is audited as a failure', async () => {
  const r = await api.request('POST', '/api/v1/auth/login', { body: { username: 'treasurer', password: 'Wrong-password-1' } });
  assert.equal(r.status, 401);
  assert.equal(r.data.error.code, 'invalid_credentials');
  const rows = sql(server.db, "SELECT outcome FROM audit_log WHERE action = 'auth.login' AND username = 'treasurer'");
  assert.deepEqual(rows, [['failure']]);
});

test('cookie-authenticated writes need the CSRF header; reads do not', async () => {
  const login = await api.request('POST', '/api/v1/auth/login', { body: { username: 'angong', password: PASSWORD } });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const read = await api.request('GET', '/api/v1/auth/me', { headers: { cookie } });
  assert.equal(read.status, 200);
  const noCsrf = await api.request('POST', '/api/v1/auth/sessions/end-others', { headers: { cookie } });
  assert.equal(noCsrf.status, 403);
  assert.equal(noCsrf.data.error.code, 'csrf_failed');
  const withCsrf = await api.request('POST', '/api/v1/auth/sessions/end-others',
    { headers: { cookie, 'x-csrf-token': login.data.csrf_token } });
  assert.equal(withCsrf.status, 200);
});

test('sessions are listed, another one can be ended, and logout ends this one', async () => {
  const a = await api.login('nanshan');
  const b = await api.login('nanshan');
  const list = await api.request('GET', '/api/v1/auth/sessions', { token: a });
  assert.ok(list.data.items.length >= 2);
  const other = list.data.items.find((s) => !s.current);
  const end = await api.request('DELETE', `/api/v1/auth/sessions/${other.id}`, { token: a });
  assert.equal(end.status, 200);
  const out = await api.request('POST', '/api/v1/auth/logout', { token: a });
  assert.equal(out.status, 200);
  assert.equal((await api.request('GET', '/api/v1/auth/me', { token: a })).status, 401);
  const stillB = await api.request('GET', '/api/v1/auth/me', { token: b });
  assert.ok([200, 401].includes(stillB.status));
});

test('an idle session expires after 30 minutes', async () => {
  const token = await api.login('mediator');
  sql(server.db, `UPDATE sessions SET last_seen_at = last_seen_at - 1801 WHERE user_id = (SELECT id FROM users WHERE username = 'mediator')`);
  const r = await api.request('GET', '/api/v1/auth/me', { token });
  assert.equal(r.status, 401);
  assert.equal(r.data.error.code, 'session_expired');
});

test('password change enforces the policy and then works', async () => {
  const token = await api.login('liaison');
  const weak = await api.request('POST', '/api/v1/auth/password', { token, body: { current_password: PASSWORD, new_password: 'short' } });
  assert.equal(weak.status, 422);
  assert.equal(weak.data.error.details.fields.new_password.code, 'password_too_weak');
  const wrong = await api.request('POST', '/api/v1/auth/password', { token, body: { current_password: 'nope-Nope-1', new_password: 'Another-pass-2022' } });
  assert.equal(wrong.status, 422);
  const ok = await api.request('POST', '/api/v1/auth/password', { token, body: { current_password: PASSWORD, new_password: 'Another-pass-2022' } });
  assert.equal(ok.status, 200);
  const again = await api.request('POST', '/api/v1/auth/login', { body: { username: 'liaison', password: 'Another-pass-2022' } });
  assert.equal(again.status, 200);
});

test('the audit log is for auditors only and is filterable', async () => {
  const worker = await api.as('angong');
  assert.equal((await worker.get('/api/v1/audit')).status, 403);
  const auditor = await api.as('auditor');
  const r = await auditor.get('/api/v1/audit?action=auth.login&outcome=failure');
  assert.equal(r.status, 200);
  assert.ok(r.data.total >= 1);
  assert.ok(r.data.items.every((e) => e.action.startsWith('auth.login') && e.outcome === 'failure'));
});

test('only street administrators create accounts, with the password policy', async () => {
  const worker = await api.as('angong');
  assert.equal((await worker.post('/api/v1/users', { username: 'x', role: 'resident' })).status, 403);
  const admin = await api.as('admin');
  const weak = await admin.post('/api/v1/users', { username: 'newworker', role: 'community_worker', password: 'abc', scope_kind: 'community', scope_place_id: 2 });
  assert.equal(weak.status, 422);
  const ok = await admin.post('/api/v1/users', { username: 'newworker', role: 'community_worker', password: 'Good-pass-2021', scope_kind: 'community', scope_place_id: 2 });
  assert.equal(ok.status, 201);
  const dup = await admin.post('/api/v1/users', { username: 'newworker', role: 'community_worker', password: 'Good-pass-2021', scope_kind: 'community', scope_place_id: 2 });
  assert.equal(dup.status, 409);
});

test('audit verify passes, and detects an altered entry', async () => {
  assert.match(tongxin(['audit', 'verify', '--db', server.db]), /intact/);
  sql(server.db, "UPDATE audit_log SET username = 'someone-else' WHERE seq = 2");
  assert.throws(() => tongxin(['audit', 'verify', '--db', server.db]), (e) => e.status === 1 && /entry 2/.test(e.stderr.toString()));
});
