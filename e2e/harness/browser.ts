import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { DEMO_PASSWORD, type DemoUser } from './demo';
import { chromiumPath, screenshotsDir } from './paths';

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  tablet: { width: 820, height: 1180 },
  desktop: { width: 1280, height: 800 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

export interface OpenOptions {
  /** Path on the server, e.g. '/', '/whistleblower/', '/console/'. */
  readonly path: string;
  readonly viewport?: ViewportName | { width: number; height: number };
  readonly locale?: 'zh-CN' | 'en';
  /** Signs in through auth.login before the first navigation; the cookie lives in this context only. */
  readonly signInAs?: DemoUser;
  /** 4 = Lighthouse's mobile throttling, for load-time measurements. */
  readonly cpuThrottle?: number;
  /** The phone's position fix, granted to the page (navigator.geolocation). */
  readonly geolocation?: { readonly latitude: number; readonly longitude: number };
  /** The client address the server sees (default: a fresh one per context, see clientAddress). */
  readonly clientAddress?: string;
}

/**
 * A fresh client address (10.x.y.z) for one simulated person: the server trusts X-Forwarded-For in
 * the e2e run, so every context and API client has its own rate-limit budgets. Pass the same one to
 * several contexts to be one person on two devices behind one address.
 */
export function clientAddress(): string {
  const [a, b, c] = crypto.getRandomValues(new Uint8Array(3));
  return `10.${a}.${b}.${(c ?? 0) % 254 + 1}`;
}

export interface AppSession {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly baseUrl: string;
  /** Every request this context sent to another origin (must stay empty: no fonts, scripts or analytics). */
  readonly offsite: string[];
  /** Console errors and uncaught page errors (CSP violations show up here). */
  readonly problems: string[];
  /** Full-page PNG under .reports/e2e/screenshots/<name>.png; returns the path. */
  screenshot(name: string): Promise<string>;
  /** axe-core on the current page: violations of impact serious or critical, formatted for an assertion. */
  axe(): Promise<string[]>;
  close(): Promise<void>;
}

let browser: Browser | undefined;

/** One Chromium per spec file; call `closeBrowser` in afterAll. */
export async function getBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

export function baseUrl(): string {
  return inject('baseUrl');
}

let axeSource: string | undefined;
async function loadAxe(): Promise<string> {
  if (axeSource) return axeSource;
  const require = createRequire(import.meta.url);
  axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

export async function openApp(options: OpenOptions): Promise<AppSession> {
  const origin = baseUrl();
  const viewport = typeof options.viewport === 'object' ? options.viewport : VIEWPORTS[options.viewport ?? 'phone'];
  const context = await (await getBrowser()).newContext({
    viewport,
    locale: options.locale ?? 'zh-CN',
    deviceScaleFactor: 1,
    acceptDownloads: true,
    extraHTTPHeaders: { 'x-forwarded-for': options.clientAddress ?? clientAddress() },
    ...(options.geolocation ? { geolocation: { ...options.geolocation }, permissions: ['geolocation'] } : {}),
  });
  const offsite: string[] = [];
  const problems: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) offsite.push(url);
  });
  if (options.signInAs) await signIn(context, origin, options.signInAs);
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  if (options.cpuThrottle) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuThrottle });
  }
  await page.goto(`${origin}${options.path}`);
  return {
    page,
    context,
    baseUrl: origin,
    offsite,
    problems,
    async screenshot(name) {
      await mkdir(screenshotsDir, { recursive: true });
      const path = join(screenshotsDir, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async axe() {
      // Evaluated through the devtools protocol, so a strict CSP on the page does not block it.
      await page.evaluate(await loadAxe());
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } }).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations;
      });
      return violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    },
    close: () => context.close(),
  };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Signs a browser context in as a demo user (session cookie set by the server). */
export async function signIn(context: BrowserContext, origin: string, user: DemoUser): Promise<void> {
  const res = await context.request.post(`${origin}/trpc/auth.login`, {
    data: { username: user, password: DEMO_PASSWORD },
    headers: { 'content-type': 'application/json' },
  });
  if (!res.ok()) throw new Error(`sign-in as ${user} failed: ${res.status()} ${await res.text()}`);
}
