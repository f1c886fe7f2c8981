// Opens N real dashboard circuits for `bench push`: signs in (landing on the home dashboard), then opens more
// pages of the same Chromium context on it until there are N, each waiting until its Blazor circuit is
// interactive. Prints "ready" when all are open, then waits for a line on stdin before closing (the C# side
// measures the server meanwhile).
// Arguments: <portal url> <email> <password> <pages>
import { chromium } from 'playwright-core';
import readline from 'node:readline';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [url, email, password, count] = process.argv.slice(2);
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nutportal-bench-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--renderer-process-limit=4'],
});
try {
  const first = context.pages()[0] ?? await context.newPage();
  await first.goto(new URL('account/login', url).toString());
  await first.fill('#email', email);
  await first.fill('#password', password);
  await first.click('[data-testid=sign-in]');
  await first.waitForSelector('[data-testid=welcome-name]', { timeout: 60000 });
  await first.waitForSelector('[data-interactive=true]', { state: 'attached', timeout: 60000 });
  const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  // The signed-in page stays open as the first dashboard: closing a context's last page ends its session cookie.
  for (let i = 0; i < Number(count); i++) {
    const page = i === 0 ? first : await context.newPage();
    page.on('console', m => { if (m.type() === 'error') process.stderr.write(`console: ${m.text()}\n`); });
    page.on('requestfailed', r => process.stderr.write(`request failed: ${r.url()} ${r.failure()?.errorText}\n`));
    page.on('response', r => { if (r.status() >= 400) process.stderr.write(`HTTP ${r.status()}: ${r.url()}\n`); });
    await page.goto(url, { waitUntil: 'load' });
    try {
      await page.waitForSelector('[data-interactive=true]', { state: 'attached', timeout: 60000 });
    } catch (e) {
      process.stderr.write(`page ${i}: Blazor=${await page.evaluate('typeof Blazor')} url=${page.url()}\n${(await page.content()).slice(0, 3000)}\n`);
      throw e;
    }
  }
  process.stdout.write('ready\n');
  await lines.next();
} finally {
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
process.exit(0);
