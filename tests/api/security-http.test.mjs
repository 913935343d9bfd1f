// The HTTP layer as an attacker meets it: request targets that try to leave the web root or to
// reach another route, bodies sent before they are allowed, too many connections, slow bodies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, readFileSync, cpSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { spawnServer } from '../lib/spawn-server.mjs';
import { startServer, client } from './helpers.mjs';

const env = process.env;
let server, api, web;

// Sends the exact bytes of a request (fetch would normalise the target) and resolves to
// { status, body } of the first response.
export function rawRequest(base, text, { timeout = 10000 } = {}) {
  const { port, hostname } = new URL(base);
  return new Promise((resolve, reject) => {
    const sock = net.connect(Number(port), hostname);
    let data = Buffer.alloc(0);
    const timer = setTimeout(() => { sock.destroy(); resolve({ status: 0, body: data.toString('latin1'), timedOut: true }); }, timeout);
    sock.on('data', (d) => { data = Buffer.concat([data, d]); });
    sock.on('close', () => {
      clearTimeout(timer);
      const s = data.toString('latin1');
      const m = s.match(/^HTTP\/1\.1 (\d{3})/);
      resolve({ status: m ? Number(m[1]) : 0, body: s });
    });
    sock.on('error', (e) => { if (e.code !== 'ECONNRESET') reject(e); });
    sock.write(text);
  });
}

before(async () => {
  // A web root of our own with a symlink that points outside it.
  web = mkdtempSync(join(env.TONGXIN_TEST_WORK, 'web-'));
  mkdirSync(join(web, 'assets'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Tongxin</title>');
  writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(env.TONGXIN_TEST_WORK, 'outside-secret.txt'), 'SECRET-OUTSIDE-THE-ROOT');
  symlinkSync(join(env.TONGXIN_TEST_WORK, 'outside-secret.txt'), join(web, 'assets', 'leak.txt'));
  symlinkSync(env.TONGXIN_TEST_WORK, join(web, 'up'));
  server = await startServer(['--web', web, '--max-connections-per-client', '40', '--min-body-rate', '4096']);
  api = client(server);
});
after(async () => { await server.stop(); });

const keyFile = () => env.TONGXIN_KEY_FILE;
const payloads = () => [
  '//etc/passwd', '/%2Fetc/passwd', '/%2fetc/passwd', '///etc//passwd', '/..%2f..%2fetc/passwd', '/../../etc/passwd',
  '/%2e%2e/%2e%2e/etc/passwd', '/.%2e/.%2e/etc/passwd', '/%5c..%5c..%5cetc%5cpasswd', '/%5c..%5c', '/\\..\\etc\\passwd',
  '/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd', '/%c0%af%c0%afetc%c0%afpasswd', '/%e0%80%ae%e0%80%ae/etc/passwd',
  '/assets/%00../../etc/passwd', '/index.html%00.js', '/assets/./app.js', '/assets/../index.html',
  '/assets/leak.txt', '/up/outside-secret.txt', `/${keyFile()}`, `/${server.db}`, `/%2F${keyFile().slice(1)}`,
  `/..${keyFile()}`,
];

test('traversal payloads are 400 or 404 and never return file bytes', async () => {
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n')[0];
  const key = readFileSync(keyFile()).toString('latin1');
  for (const target of payloads()) {
    const r = await rawRequest(server.base, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    assert.ok([400, 404].includes(r.status), `${target} answered ${r.status}`);
    assert.ok(!r.body.includes(passwd), `${target} returned /etc/passwd`);
    assert.ok(!r.body.includes('SECRET-OUTSIDE-THE-ROOT'), `${target} followed a symlink out of the root`);
    assert.ok(!r.body.includes(key.slice(0, 16)), `${target} returned the key`);
    assert.ok(!r.body.includes('SQLite format 3'), `${target} returned the database`);
  }
});

test('files inside the root and app routes are still served', async () => {
  const a = await rawRequest(server.base, 'GET /assets/app.js HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  assert.equal(a.status, 200);
  assert.match(a.body, /console\.log\(1\)/);
  const b = await rawRequest(server.base, 'GET /m/shuttle HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  assert.equal(b.status, 200);
  assert.match(b.body, /<title>Tongxin<\/title>/);
});

test('an encoded slash does not route: /residents%2F19 is 400, not the resident', async () => {
  const angong = await api.as('angong');
  const id = (await angong.get('/api/v1/residents?limit=1')).data.items[0].id;
  assert.equal((await angong.get(`/api/v1/residents/${id}`)).status, 200);
  for (const target of [`/api/v1/residents%2F${id}`, `/api/v1/residents%2f${id}`, `/api/v1//residents/${id}`,
    `/api/v1/./residents/${id}`, `/api/v1/x/../residents/${id}`, `/api/v1/residents%5C${id}`]) {
    const r = await rawRequest(server.base,
      `GET ${target} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${angong.token}\r\nConnection: close\r\n\r\n`);
    assert.equal(r.status, 400, target);
  }
});

test('serve refuses a web directory that holds the database or its key', async () => {
  const dir = mkdtempSync(join(env.TONGXIN_TEST_WORK, 'bad-web-'));
  writeFileSync(join(dir, 'index.html'), 'x');
  if (env.TONGXIN_TEST_BACKEND !== 'postgres') {
    cpSync(env.TONGXIN_TEST_TEMPLATE, join(dir, 'tongxin.db'));
    await assert.rejects(spawnServer(env.TONGXIN_BIN, ['--db', join(dir, 'tongxin.db'), '--web', dir]),
      /contains .*tongxin\.db/);
  }
  await assert.rejects(spawnServer(env.TONGXIN_BIN, ['--db', server.db, '--key', join(dir, 'k.key'), '--web', dir]),
    /contains .*k\.key/);
  await assert.rejects(spawnServer(env.TONGXIN_BIN, ['--db', server.db, '--web', dirname(keyFile())]), /contains/);
});

function rssKb(pid) {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return Number(m[1]);
}

test('a body is not read before the caller is allowed: 8 × 50 MiB uploads keep the server small', async () => {
  const before = rssKb(server.child.pid);
  const chunk = Buffer.alloc(1 << 20, 0x61);
  const upload = (headers) => new Promise((resolve) => {
    const { port, hostname } = new URL(server.base);
    const sock = net.connect(Number(port), hostname);
    let data = '';
    // The answer comes while the body is still being sent; take it and hang up.
    sock.on('data', (d) => { data += d; if (/\r\n\r\n/.test(data)) { resolve(data); sock.destroy(); } });
    sock.on('error', () => {});
    sock.on('close', () => resolve(data));
    sock.write(`POST /api/v1/residents/import?community=1 HTTP/1.1\r\nHost: x\r\n${headers}Content-Type: text/csv\r\nContent-Length: ${50 << 20}\r\n\r\n`);
    let sent = 0;
    const pump = () => {
      while (sent < 50 && sock.writable) {
        sent++;
        if (!sock.write(chunk)) { sock.once('drain', pump); return; }
      }
      sock.end();
    };
    pump();
  });
  const angong = await api.as('angong');
  const results = await Promise.all([
    ...Array.from({ length: 6 }, () => upload('')),
    upload(`Authorization: Bearer ${angong.token}\r\n`),
    upload('Authorization: Bearer not-a-session\r\n'),
  ]);
  for (const r of results.slice(0, 6)) assert.match(r, /^HTTP\/1\.1 401/);
  assert.match(results[6], /^HTTP\/1\.1 413/, 'over the 20 MiB import limit');
  assert.match(results[7], /^HTTP\/1\.1 401/);
  const grown = rssKb(server.child.pid) - before;
  assert.ok(grown < 64 * 1024, `server grew by ${grown} kB`);
});

test('an ordinary route takes at most 1 MiB; a caller without the permission is 403 before the body', async () => {
  const angong = await api.as('angong');
  const big = await rawRequest(server.base, `POST /api/v1/notices HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${angong.token}\r\nContent-Type: application/json\r\nContent-Length: ${2 << 20}\r\n\r\n{`);
  assert.equal(big.status, 413);
  const resident = await api.as('resident');
  const forbidden = await rawRequest(server.base, `POST /api/v1/notices HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${resident.token}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{`);
  assert.equal(forbidden.status, 403);
});

test('a body sent a byte at a time is cut off within seconds', async () => {
  const { port, hostname } = new URL(server.base);
  const started = Date.now();
  const closedAfter = await new Promise((resolve) => {
    const sock = net.connect(Number(port), hostname);
    sock.on('error', () => {});
    sock.write('POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{');
    const timer = setInterval(() => { if (sock.writable) sock.write(' '); }, 1000);
    sock.on('close', () => { clearInterval(timer); resolve(Date.now() - started); });
    setTimeout(() => { clearInterval(timer); sock.destroy(); }, 30000);
  });
  assert.ok(closedAfter < 15000, `held for ${closedAfter} ms`);
});

test('connections are capped per client address (503), and others still get in once they close', async () => {
  const { port, hostname } = new URL(server.base);
  const open = [];
  for (let i = 0; i < 40; i++) {
    open.push(await new Promise((resolve) => { const s = net.connect(Number(port), hostname, () => resolve(s)); }));
  }
  await new Promise((r) => setTimeout(r, 200));
  const refused = await rawRequest(server.base, 'GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  assert.equal(refused.status, 503);
  for (const s of open) s.destroy();
  await new Promise((r) => setTimeout(r, 300));
  const ok = await rawRequest(server.base, 'GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  assert.equal(ok.status, 200);
});
