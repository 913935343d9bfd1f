// Starts a server on a copy of the demo database and a headless Debian Chromium.
import { spawnServer } from '../tests/lib/spawn-server.mjs';
import { copyFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { createRequire } from 'node:module';

const require = createRequire(process.env.TONGXIN_WEB + '/../package.json');
const { chromium } = require('playwright-core');
export const PASSWORD = process.env.TONGXIN_TEST_PASSWORD;

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

export async function startServer() {
  const db = `${process.env.TONGXIN_E2E_WORK}/${randomBytes(6).toString('hex')}.db`;
  copyFileSync(`${process.env.TONGXIN_E2E_WORK}/template.db`, db);
  // A port of its own, so that the server knows its public URL (links and QR codes are built from it).
  const port = await freePort();
  const server = await spawnServer(process.env.TONGXIN_BIN,
    ['--db', db, '--web', process.env.TONGXIN_WEB, '--port', String(port), '--public-url', `http://127.0.0.1:${port}`],
    { inheritStderr: true });
  return { db, ...server };
}

export async function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
}

export async function login(page, base, username) {
  await page.goto(`${base}/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

// A phone-sized page signed in on the resident pages (/m). CSP is bypassed so that the
// accessibility checker can be injected.
export async function phoneLogin(browser, base, username) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${base}/m/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL((u) => u.pathname === '/m');
  return page;
}

// axe-core finds no violations on the page as it stands.
export async function expectAccessible(page, label) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)}`).join(' | ')}`));
  if (violations.length) throw new Error(`${label}: ${violations.join('\n')}`);
}
