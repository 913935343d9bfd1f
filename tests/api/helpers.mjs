// Test helpers: a Tongxin server of its own per test file, on a copy of the demo database
// (SQLite file or PostgreSQL database made from the template), and a small HTTP client.
import { execFileSync } from 'node:child_process';
import { spawnServer } from '../lib/spawn-server.mjs';
export { png, be32 } from '../lib/png.mjs';
import { copyFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

const env = process.env;
export const PASSWORD = env.TONGXIN_TEST_PASSWORD;
export const BACKEND = env.TONGXIN_TEST_BACKEND;

function freshDatabase() {
  const name = 't' + randomBytes(6).toString('hex');
  if (BACKEND === 'postgres') {
    const url = new URL(env.TONGXIN_TEST_PG);
    execFileSync('psql', ['-q', '-h', url.hostname, '-p', url.port, '-U', 'postgres', '-c',
      `CREATE DATABASE ${name} TEMPLATE ${env.TONGXIN_TEST_TEMPLATE}`]);
    return `${env.TONGXIN_TEST_PG}/${name}`;
  }
  const path = `${env.TONGXIN_TEST_WORK}/${name}.db`;
  copyFileSync(env.TONGXIN_TEST_TEMPLATE, path);
  return path;
}

// Starts `tongxin serve` on a fresh copy of the demo; resolves to { base, db, stop, ... }.
export async function startServer(extraArgs = []) {
  const db = freshDatabase();
  return { db, ...(await spawnServer(env.TONGXIN_BIN, ['--db', db, ...extraArgs])) };
}

// A client bound to a server; `as(username)` logs in (once) and sends the bearer token.
export function client(server) {
  const tokens = new Map();
  async function request(method, path, { token, body, headers = {}, raw } = {}) {
    const h = { ...headers };
    if (token) h.authorization = `Bearer ${token}`;
    let payload;
    if (raw !== undefined) payload = raw;
    else if (body !== undefined) { payload = JSON.stringify(body); h['content-type'] = 'application/json'; }
    const res = await fetch(server.base + path, { method, headers: h, body: payload });
    const type = res.headers.get('content-type') || '';
    const data = type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, data };
  }
  async function login(username, password = PASSWORD) {
    const r = await request('POST', '/api/v1/auth/login', { body: { username, password } });
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.data)}`);
    return r.data.token;
  }
  return {
    request,
    login,
    async as(username) {
      if (!tokens.has(username)) tokens.set(username, await login(username));
      const token = tokens.get(username);
      return {
        token,
        get: (p, o = {}) => request('GET', p, { ...o, token }),
        post: (p, body, o = {}) => request('POST', p, { ...o, body, token }),
        patch: (p, body, o = {}) => request('PATCH', p, { ...o, body, token }),
        put: (p, body, o = {}) => request('PUT', p, { ...o, body, token }),
        del: (p, o = {}) => request('DELETE', p, { ...o, token }),
      };
    },
  };
}

// Runs SQL against the server's database and returns rows as arrays of strings.
export function sql(db, query) {
  if (BACKEND === 'postgres') {
    const url = new URL(db);
    const out = execFileSync('psql', ['-qAtX', '-F', '|', '-h', url.hostname, '-p', url.port, '-U', 'postgres',
      '-d', url.pathname.slice(1), '-c', query]).toString();
    return out.trim() === '' ? [] : out.trim().split('\n').map((l) => l.split('|'));
  }
  const out = execFileSync('sqlite3', ['-separator', '|', db, query]).toString();
  return out.trim() === '' ? [] : out.trim().split('\n').map((l) => l.split('|'));
}

export function tongxin(args, input) {
  return execFileSync(env.TONGXIN_BIN, args, { input, stdio: ['pipe', 'pipe', 'pipe'] }).toString();
}

// A valid identity-card number for the given 17 digits.
export function idNumber(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * w[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

// The text of every cell of an .xlsx's first sheet (inline and shared strings), via Python's zipfile.
export function xlsxText(buffer) {
  const script = `
import io, re, sys, zipfile
z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))
text = ''.join(z.read(n).decode('utf-8') for n in z.namelist() if n.startswith('xl/worksheets/') or n == 'xl/sharedStrings.xml')
print('\\n'.join(re.findall(r'<t[^>]*>([^<]*)</t>', text)))
`;
  return execFileSync('python3', ['-c', script], { input: buffer }).toString();
}

// A valid unified social credit code: the check character of GB 32100-2015 computed here.
export function creditCode(body17) {
  const set = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let sum = 0, w = 1;
  for (const c of body17) { sum += set.indexOf(c) * w; w = (w * 3) % 31; }
  return body17 + set[(31 - (sum % 31)) % 31];
}
