// Account management by the street administrator: the list with place and resident names, edits
// of role and scope (checked, and ending the sessions that carried the old rights), disabling,
// a password reset that must be changed at the next login, and unlocking after failed logins.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, sql, PASSWORD } from './helpers.mjs';

let server, api, admin, angongId, nanshanId;
before(async () => {
  server = await startServer();
  api = client(server);
  admin = await api.as('admin');
  angongId = Number(sql(server.db, "SELECT id FROM places WHERE name = '安公社区'")[0][0]);
  nanshanId = Number(sql(server.db, "SELECT id FROM places WHERE name = '南山社区'")[0][0]);
});
after(async () => { await server.stop(); });

let serial = 0;
async function newAccount(role = 'community_worker') {
  const username = `acct${++serial}`;
  const r = await admin.post('/api/v1/users', { username, role, scope_kind: 'community', scope_place_id: angongId, password: PASSWORD });
  assert.equal(r.status, 201, JSON.stringify(r.data));
  return { id: r.data.id, username };
}
const bearer = (token) => ({ get: (p) => api.request('GET', p, { token }), post: (p, body) => api.request('POST', p, { token, body }) });

test('the list names each account\'s place and resident', async () => {
  const list = (await admin.get('/api/v1/users?limit=100')).data;
  const angong = list.items.find((u) => u.username === 'angong');
  assert.equal(angong.scope_place, '安公社区');
  assert.equal(angong.locked, false);
  const vlead = list.items.find((u) => u.username === 'vlead');
  const name = sql(server.db, "SELECT r.name FROM users u JOIN residents r ON r.id = u.resident_id WHERE u.username = 'vlead'")[0][0];
  assert.equal(vlead.resident, name);
});

test('role and scope change with the same checks as creation, and end the sessions of the old rights', async () => {
  const { id, username } = await newAccount();
  const token = await api.login(username);
  assert.equal((await bearer(token).get('/api/v1/auth/me')).status, 200);
  // A grid is not a community; a place outside the street does not exist for the administrator.
  const grid = Number(sql(server.db, `SELECT id FROM places WHERE kind = 'grid' AND community_id = ${nanshanId} LIMIT 1`)[0][0]);
  const wrongKind = await admin.put(`/api/v1/users/${id}`, { role: 'community_worker', scope_kind: 'community', scope_place_id: grid });
  assert.equal(wrongKind.status, 422);
  assert.equal(wrongKind.data.error.details.fields.scope_place_id.code, 'invalid_choice');
  const badRole = await admin.put(`/api/v1/users/${id}`, { role: 'king', scope_kind: 'community', scope_place_id: angongId });
  assert.equal(badRole.data.error.details.fields.role.code, 'invalid_choice');
  assert.equal((await bearer(token).get('/api/v1/auth/me')).status, 200, 'a refused change leaves the account as it was');
  // A group leader of a grid, linked to a resident of that grid.
  const resident = Number(sql(server.db, `SELECT id FROM residents WHERE grid_id = ${grid} AND moved_out IS NULL LIMIT 1`)[0][0]);
  const ok = await admin.put(`/api/v1/users/${id}`, { display_name: '南山小组长二', role: 'group_leader', scope_kind: 'grid', scope_place_id: grid, resident_id: resident });
  assert.equal(ok.status, 200, JSON.stringify(ok.data));
  assert.equal(ok.data.role, 'group_leader');
  assert.equal(ok.data.scope_kind, 'grid');
  assert.equal(ok.data.resident_id, resident);
  assert.equal((await bearer(token).get('/api/v1/auth/me')).status, 401, 'the old session carried the old rights');
  const me = (await bearer(await api.login(username)).get('/api/v1/auth/me')).data;
  assert.equal(me.role, 'group_leader');
  assert.equal(me.display_name, '南山小组长二');
  const audit = sql(server.db, `SELECT count(*) FROM audit_log WHERE action = 'accounts.user.updated' AND object_id = '${id}'`)[0][0];
  assert.equal(Number(audit), 1);
});

test('a disabled account cannot log in and its sessions end; enabled, it can again', async () => {
  const { id, username } = await newAccount();
  const token = await api.login(username);
  assert.equal((await admin.post(`/api/v1/users/${id}/disable`)).status, 200);
  assert.equal((await bearer(token).get('/api/v1/auth/me')).status, 401);
  assert.equal((await api.request('POST', '/api/v1/auth/login', { body: { username, password: PASSWORD } })).status, 401);
  assert.equal((await admin.get(`/api/v1/users/${id}`)).data.disabled, true);
  assert.equal((await admin.post(`/api/v1/users/${id}/enable`)).status, 200);
  assert.ok(await api.login(username));
  const self = Number(sql(server.db, "SELECT id FROM users WHERE username = 'admin'")[0][0]);
  assert.equal((await admin.post(`/api/v1/users/${self}/disable`)).data.error.code, 'cannot_disable_yourself');
});

test('after a reset the user must choose a new password before anything else', async () => {
  const { id, username } = await newAccount();
  const weak = await admin.post(`/api/v1/users/${id}/reset-password`, { password: 'short' });
  assert.equal(weak.data.error.details.fields.password.code, 'password_too_weak');
  const temporary = 'Temp-pass-2021x';
  assert.equal((await admin.post(`/api/v1/users/${id}/reset-password`, { password: temporary })).status, 200);
  assert.equal((await api.request('POST', '/api/v1/auth/login', { body: { username, password: PASSWORD } })).status, 401, 'the old password is gone');
  const token = await api.login(username, temporary);
  const as = bearer(token);
  assert.equal((await as.get('/api/v1/auth/me')).data.must_change_password, true);
  const blocked = await as.get('/api/v1/residents');
  assert.equal(blocked.status, 403);
  assert.equal(blocked.data.error.code, 'password_change_required');
  assert.equal((await as.post('/api/v1/auth/password', { current_password: temporary, new_password: 'Chosen-pass-2021y' })).status, 200);
  assert.equal((await as.get('/api/v1/auth/me')).data.must_change_password, false);
  assert.equal((await as.get('/api/v1/residents')).status, 200);
});

test('an administrator unlocks an account locked by failed logins', async () => {
  const { id, username } = await newAccount();
  for (let i = 0; i < 5; i++) {
    assert.equal((await api.request('POST', '/api/v1/auth/login', { body: { username, password: `Wrong-${i}-pass` } })).status, 401);
  }
  assert.equal((await api.request('POST', '/api/v1/auth/login', { body: { username, password: PASSWORD } })).status, 429);
  assert.equal((await admin.get(`/api/v1/users/${id}`)).data.locked, true);
  assert.equal((await admin.post(`/api/v1/users/${id}/unlock`)).status, 200);
  assert.equal((await admin.get(`/api/v1/users/${id}`)).data.locked, false);
  assert.ok(await api.login(username));
  // Only the administrator manages accounts.
  const worker = await api.as('angong');
  assert.equal((await worker.post(`/api/v1/users/${id}/unlock`)).status, 403);
});

test("an administrator sees every account's live sessions and ends one; others may not", async () => {
  const liaison = await api.as('liaison');
  const list = await admin.get('/api/v1/sessions');
  assert.equal(list.status, 200);
  const mine = list.data.items.find((s) => s.current);
  assert.equal(mine.username, 'admin');
  const theirs = list.data.items.filter((s) => s.username === 'liaison');
  assert.ok(theirs.length >= 1);
  const live = Number(sql(server.db, "SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.ended_at IS NULL AND u.username = 'liaison'")[0][0]);
  assert.equal(theirs.length, live);
  assert.equal((await liaison.get('/api/v1/sessions')).status, 403);
  assert.equal((await liaison.post(`/api/v1/sessions/${mine.id}/end`)).status, 403);
  const last = theirs[0];
  assert.equal((await admin.post(`/api/v1/sessions/${last.id}/end`)).status, 200);
  assert.equal((await admin.post(`/api/v1/sessions/${last.id}/end`)).status, 404);
  assert.equal((await liaison.get('/api/v1/auth/me')).status, 401);
  const audit = sql(server.db, `SELECT username, details FROM audit_log WHERE action = 'accounts.session.ended' AND object_id = '${last.id}'`);
  assert.equal(audit.length, 1);
  assert.equal(audit[0][0], 'admin');
  assert.match(audit[0][1], /liaison/);
});
