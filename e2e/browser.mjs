// Starts a server on a copy of the demo database and a headless Debian Chromium.
import { spawnServer } from '../tests/lib/spawn-server.mjs';
import { copyFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(process.env.TONGXIN_WEB + '/../package.json');
const { chromium } = require('playwright-core');
export const PASSWORD = process.env.TONGXIN_TEST_PASSWORD;

export async function startServer() {
  const db = `${process.env.TONGXIN_E2E_WORK}/${randomBytes(6).toString('hex')}.db`;
  copyFileSync(`${process.env.TONGXIN_E2E_WORK}/template.db`, db);
  const server = await spawnServer(process.env.TONGXIN_BIN, ['--db', db, '--web', process.env.TONGXIN_WEB], { inheritStderr: true });
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
