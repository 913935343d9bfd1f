import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startServer, client } from './helpers.mjs';

let server, api;
before(async () => { server = await startServer(['--header-timeout', '2']); api = client(server); });
after(async () => { await server.stop(); });

test('health answers without login', async () => {
  const r = await api.request('GET', '/api/v1/health');
  assert.equal(r.status, 200);
  assert.deepEqual(r.data, { status: 'ok' });
});

test('every response carries the security headers', async () => {
  const r = await api.request('GET', '/api/v1/health');
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
  assert.match(r.headers.get('content-security-policy'), /frame-ancestors 'none'/);
  assert.ok(r.headers.get('referrer-policy'));
});

test('openapi.json lists the endpoints', async () => {
  const r = await api.request('GET', '/api/v1/openapi.json');
  assert.equal(r.status, 200);
  assert.equal(r.data.openapi, '3.1.0');
  for (const p of ['/api/v1/residents', '/api/v1/residents/{id}', '/api/v1/reports/kpis', '/api/v1/auth/login',
    '/api/v1/communities', '/api/v1/households', '/api/v1/audit']) {
    assert.ok(r.data.paths[p], `missing ${p}`);
  }
});

test('unknown routes are 404 and wrong methods 405, in the error envelope', async () => {
  const a = await api.request('GET', '/api/v1/nothing-here');
  assert.equal(a.status, 404);
  assert.equal(a.data.error.code, 'route_not_found');
  const b = await api.request('PUT', '/api/v1/health');
  assert.equal(b.status, 405);
});

test('errors speak the request language', async () => {
  const zh = await api.request('GET', '/api/v1/residents');
  assert.equal(zh.status, 401);
  assert.equal(zh.data.error.message, '请先登录');
  const en = await api.request('GET', '/api/v1/residents', { headers: { 'accept-language': 'en-US' } });
  assert.equal(en.data.error.message, 'Please log in');
});

test('malformed JSON is 400, a non-object body 400, wrong types 422 with field details', async () => {
  const a = await api.request('POST', '/api/v1/auth/login', { raw: '{"username":', headers: { 'content-type': 'application/json' } });
  assert.equal(a.status, 400);
  assert.equal(a.data.error.code, 'malformed_json');
  const b = await api.request('POST', '/api/v1/auth/login', { body: [1, 2] });
  assert.equal(b.status, 400);
  const c = await api.request('POST', '/api/v1/auth/login', { body: { username: 12, password: true } });
  assert.equal(c.status, 422);
  assert.equal(c.data.error.details.fields.username.code, 'wrong_type');
  assert.equal(c.data.error.details.fields.password.code, 'wrong_type');
});

test('an oversized body is refused with 413 before it is read', async () => {
  const big = 'x'.repeat(2 * 1024 * 1024);
  const r = await api.request('POST', '/api/v1/auth/login', { raw: big, headers: { 'content-type': 'application/json' } });
  assert.equal(r.status, 413);
  assert.equal(r.data.error.code, 'payload_too_large');
});

test('keep-alive serves several requests on one connection', async () => {
  const { port, hostname } = new URL(server.base);
  const replies = await new Promise((resolve, reject) => {
    const sock = net.connect(Number(port), hostname);
    let data = '';
    sock.on('data', (d) => {
      data += d;
      if ((data.match(/HTTP\/1\.1 200/g) || []).length === 3) { sock.end(); resolve(data); }
    });
    sock.on('error', reject);
    const req = `GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n`;
    sock.write(req + req + req);
  });
  assert.equal((replies.match(/HTTP\/1\.1 200/g) || []).length, 3);
});

test('a client that never finishes its request head is disconnected', async () => {
  const { port, hostname } = new URL(server.base);
  const closed = await new Promise((resolve) => {
    const sock = net.connect(Number(port), hostname);
    sock.write('GET /api/v1/health HTTP/1.1\r\nHost: x\r\n');
    const timer = setTimeout(() => { sock.destroy(); resolve(false); }, 8000);
    sock.on('close', () => { clearTimeout(timer); resolve(true); });
    sock.on('error', () => {});
  });
  assert.equal(closed, true);
});

test('SIGTERM stops the server cleanly', async () => {
  const other = await startServer();
  const r = await fetch(other.base + '/api/v1/health');
  assert.equal(r.status, 200);
  const result = await other.stop();
  assert.equal(result.code, 0);
});
