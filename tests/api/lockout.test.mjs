import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, PASSWORD } from './helpers.mjs';

let server, api;
before(async () => { server = await startServer(); api = client(server); });
after(async () => { await server.stop(); });

test('five failed logins lock the account for 30 minutes with 429 and Retry-After', async () => {
  for (let i = 0; i < 5; i++) {
    const r = await api.request('POST', '/api/v1/auth/login', { body: { username: 'angong', password: `Wrong-${i}-password` } });
    assert.equal(r.status, 401);
  }
  const locked = await api.request('POST', '/api/v1/auth/login', { body: { username: 'angong', password: PASSWORD } });
  assert.equal(locked.status, 429);
  assert.equal(locked.data.error.code, 'account_locked');
  const after = Number(locked.headers.get('retry-after'));
  assert.ok(after > 1700 && after <= 1800, `Retry-After ${after}`);
});

test('the client address that failed five times is locked too, for any account', async () => {
  const r = await api.request('POST', '/api/v1/auth/login', { body: { username: 'nanshan', password: PASSWORD } });
  assert.equal(r.status, 429);
});
