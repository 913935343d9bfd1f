// Starts a server on a copy of the demo database and a headless Debian Chromium.
import { spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(process.env.TONGXIN_WEB + '/../package.json');
const { chromium } = require('playwright-core');
export const PASSWORD = process.env.TONGXIN_TEST_PASSWORD;

export async function startServer() {
  const db = `${process.env.TONGXIN_E2E_WORK}/${randomBytes(6).toString('hex')}.db`;
  copyFileSync(`${process.env.TONGXIN_E2E_WORK}/template.db`, db);
  const child = spawn(process.env.TONGXIN_BIN, ['serve', '--db', db, '--port', '0', '--quiet', '--web', process.env.TONGXIN_WEB],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  const base = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/[^/\s]+)\//);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return { base, db, stop: () => child.kill('SIGTERM') };
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
