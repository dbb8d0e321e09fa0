import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const apiDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(apiDir, '..', '..');
const artifactsDir = join(apiDir, 'e2e-artifacts');
const serverBundle = join(apiDir, 'dist', 'server.mjs');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const SHELLS = [
  { path: '/', app: 'portal', zh: '消防隐患举报', en: 'Fire Hazard Reporting', viewport: { width: 390, height: 844 } },
  {
    path: '/whistleblower/',
    app: 'whistleblower',
    zh: '内部吹哨人举报与奖励',
    en: 'Internal Whistleblower Reports and Rewards',
    viewport: { width: 390, height: 844 },
  },
  {
    path: '/console/',
    app: 'console',
    zh: '管理与联合执法控制台',
    en: 'Administration and Joint Enforcement Console',
    viewport: { width: 1280, height: 800 },
  },
] as const;

let server: ChildProcessWithoutNullStreams;
let serverLog = '';
let baseUrl = '';
let dataDir = '';
let browser: Browser;

function assertBuilt(): void {
  const missing = [serverBundle, ...SHELLS.map((s) => join(repoRoot, 'apps', s.app, 'dist', 'index.html'))].filter(
    (f) => !existsSync(f),
  );
  if (missing.length > 0) {
    throw new Error(`Build output missing (run \`pnpm build\` first; turbo's test:e2e depends on build):\n  ${missing.join('\n  ')}`);
  }
}

/** Starts the real bundle on a free port (PORT=0) and reads the URL from its one startup line. */
function startServer(): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    server = spawn(process.execPath, ['--enable-source-maps', serverBundle], {
      cwd: apiDir,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        FIREBREAK_DATA_DIR: dataDir,
        DATABASE_URL: '',
        LOG_LEVEL: 'info',
      },
    });
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${serverLog}`)), 60_000);
    const onData = (chunk: Buffer) => {
      serverLog += chunk.toString();
      const match = /Firebreak listening on (http:\/\/[^\s"]+)/.exec(serverLog);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited early with code ${code}:\n${serverLog}`));
    });
  });
}

function stopServer(): Promise<number | null> {
  return new Promise((resolveCode) => {
    if (server.exitCode !== null) return resolveCode(server.exitCode);
    server.removeAllListeners('exit');
    server.once('exit', (code) => resolveCode(code));
    server.kill('SIGTERM');
  });
}

async function openPage(path: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problems: string[] = [];
  // CSP violations and script failures surface here; a shell must have none.
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  const response = await page.goto(`${baseUrl}${path}`);
  return { page, context, problems, response };
}

async function expectHealthy(page: Page) {
  await page.locator('[data-testid="health-badge"][data-state="ok"]').first().waitFor({ timeout: 20_000 });
}

beforeAll(async () => {
  assertBuilt();
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath} (set CHROMIUM_PATH)`);
  await mkdir(artifactsDir, { recursive: true });
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-e2e-'));
  baseUrl = (await startServer()).replace('localhost', '127.0.0.1');
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

afterAll(async () => {
  await browser?.close();
  if (server) {
    const code = await stopServer();
    // Graceful shutdown (close HTTP, then the database) must exit cleanly.
    expect(code, serverLog).toBe(0);
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the server', () => {
  it('answers /healthz with the embedded database', async () => {
    const res = await fetch(`${baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', service: 'firebreak', database: 'pglite' });
  });

  it('logs exactly one startup line with the URL', () => {
    expect(serverLog.match(/listening/gi)).toHaveLength(1);
  });
});

describe.each(SHELLS)('$app shell at $path', (shell) => {
  it('shows its product name and a healthy API, without console errors', async () => {
    const { page, context, problems, response } = await openPage(shell.path, shell.viewport);
    try {
      expect(response?.status()).toBe(200);
      await expect.poll(() => page.locator('[data-testid="product-name"]').textContent()).toBe(shell.zh);
      await expectHealthy(page);
      await expect.poll(() => page.title()).toContain(shell.zh);
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      await page.screenshot({ path: join(artifactsDir, `${shell.app}-zh-CN.png`), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('switches to English and keeps the choice across reloads', async () => {
    const { page, context, problems } = await openPage(shell.path, shell.viewport);
    try {
      await expectHealthy(page);
      await page.getByText('English', { exact: true }).first().click();
      await expect.poll(() => page.locator('[data-testid="product-name"]').textContent()).toBe(shell.en);
      await page.reload();
      await expect.poll(() => page.locator('[data-testid="product-name"]').textContent()).toBe(shell.en);
      await expectHealthy(page);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await page.screenshot({ path: join(artifactsDir, `${shell.app}-en.png`), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('serves a deep link through the SPA fallback', async () => {
    const { page, context, response } = await openPage(`${shell.path}some/deep/route`, shell.viewport);
    try {
      expect(response?.status()).toBe(200);
      await expect.poll(() => page.locator('[data-testid="product-name"]').textContent()).toBe(shell.zh);
    } finally {
      await context.close();
    }
  });
});
