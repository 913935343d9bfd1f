// Login throttling: a pair (account, address) locks after 5 failures; an account is slowed down,
// not locked, for others; an address is locked only for failures across several accounts; and
// parallel wrong passwords are counted before they are checked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startServer, PASSWORD } from './helpers.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

// POST /auth/login from a chosen loopback address (127.0.0.x all reach the server).
function login(username, password, from = '127.0.0.1') {
  const { port, hostname } = new URL(server.base);
  const body = JSON.stringify({ username, password });
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, path: '/api/v1/auth/login', method: 'POST', localAddress: from,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, agent: false }, (res) => {
      let data = '';
      res.on('data', (d) => { data += d; });
      res.on('end', () => resolve({ status: res.statusCode, retryAfter: Number(res.headers['retry-after']), data: JSON.parse(data) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test('five failures lock that account from that address for 30 minutes (429, Retry-After)', async () => {
  for (let i = 0; i < 5; i++) assert.equal((await login('angong', `Wrong-${i}-password`)).status, 401);
  const locked = await login('angong', PASSWORD);
  assert.equal(locked.status, 429);
  assert.equal(locked.data.error.code, 'account_locked');
  assert.ok(locked.retryAfter > 1700 && locked.retryAfter <= 1800, `Retry-After ${locked.retryAfter}`);
});

test('a colleague at the same address still logs in; the owner elsewhere is only slowed down', async () => {
  assert.equal((await login('nanshan', PASSWORD)).status, 200, 'one typo-prone colleague does not lock the office out');
  const elsewhere = await login('angong', PASSWORD, '127.0.0.2');
  if (elsewhere.status === 429) {
    assert.ok(elsewhere.retryAfter <= 60, `slowed for ${elsewhere.retryAfter} s, not locked`);
    await sleep(elsewhere.retryAfter * 1000 + 200);
    assert.equal((await login('angong', PASSWORD, '127.0.0.2')).status, 200);
  } else {
    assert.equal(elsewhere.status, 200);
  }
});

test('parallel wrong passwords get at most 5 password checks', async () => {
  const results = await Promise.all(Array.from({ length: 8 }, (_, i) => login('treasurer', `Wrong-${i}-Password`, '127.0.0.4')));
  const checked = results.filter((r) => r.status === 401).length;
  const refused = results.filter((r) => r.status === 429).length;
  assert.ok(checked <= 5, `${checked} passwords were checked`);
  assert.equal(checked + refused, 8);
});

test('an address is locked only after failures across several accounts', async () => {
  // 4 + 4 failures on two accounts do not lock the address; the 10th failure, on a third, does.
  for (const [user, n] of [['vlead', 4], ['rights', 4], ['auditor', 1]]) {
    for (let i = 0; i < n; i++) assert.equal((await login(user, `Wrong-${i}-password`, '127.0.0.3')).status, 401);
  }
  assert.equal((await login('mediator', PASSWORD, '127.0.0.3')).status, 200, 'not locked after 9 failures');
  assert.equal((await login('auditor', 'Wrong-9-password', '127.0.0.3')).status, 401);
  const r = await login('liaison', PASSWORD, '127.0.0.3');
  assert.equal(r.status, 429);
  assert.ok(r.retryAfter > 1700);
  assert.equal((await login('liaison', PASSWORD, '127.0.0.5')).status, 200, 'the account itself is not locked');
});
