// Drives one headless Chromium page for the C# BrowserSession: one JSON command per stdin line,
// one JSON reply per stdout line. Debian's Chromium is used (playwright cannot download browsers here).
import { chromium } from 'playwright-core';
import readline from 'node:readline';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nutportal-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  viewport: { width: 1280, height: 900 },
});
const page = context.pages()[0] ?? await context.newPage();
const pageErrors = [];
page.on('pageerror', e => pageErrors.push(String(e)));
page.setDefaultTimeout(15000);

const ops = {
  goto: async ({ url }) => { const r = await page.goto(url, { waitUntil: 'load' }); return r ? r.status() : null; },
  url: async () => page.url(),
  click: async ({ selector }) => { await page.click(selector); },
  fill: async ({ selector, value }) => { await page.fill(selector, value); },
  check: async ({ selector }) => { await page.check(selector); },
  text: async ({ selector }) => (await page.textContent(selector))?.trim() ?? null,
  count: async ({ selector }) => page.locator(selector).count(),
  waitFor: async ({ selector, state, timeout }) => { await page.waitForSelector(selector, { state: state ?? 'visible', timeout: timeout ?? 15000 }); },
  waitForText: async ({ selector, text, timeout }) => {
    await page.waitForFunction(([s, t]) => [...document.querySelectorAll(s)].some(e => e.textContent.includes(t)), [selector, text], { timeout: timeout ?? 15000 });
  },
  waitForUrl: async ({ pattern, timeout }) => { await page.waitForURL(new RegExp(pattern), { timeout: timeout ?? 15000 }); },
  evaluate: async ({ expression }) => page.evaluate(expression),
  screenshot: async ({ path: file }) => { await page.screenshot({ path: file, fullPage: true }); },
  errors: async () => pageErrors.splice(0),
};

const rl = readline.createInterface({ input: process.stdin });
for await (const line of rl) {
  if (!line.trim()) continue;
  const { id, op, args } = JSON.parse(line);
  if (op === 'close') break;
  try {
    const value = await ops[op](args ?? {});
    process.stdout.write(JSON.stringify({ id, ok: true, value: value ?? null }) + '\n');
  } catch (e) {
    process.stdout.write(JSON.stringify({ id, ok: false, error: String(e?.message ?? e) }) + '\n');
  }
}
await context.close();
fs.rmSync(userDataDir, { recursive: true, force: true });
process.exit(0);
