import { afterAll, describe, expect, it } from 'vitest';
import { baseUrl, closeBrowser, openApp, readServerLog } from '../harness';

const SHELLS = [
  { path: '/', app: 'portal', zh: '消防隐患举报', en: 'Fire Hazard Reporting', viewport: 'phone' },
  { path: '/whistleblower/', app: 'whistleblower', zh: '内部吹哨人举报与奖励', en: 'Internal Whistleblower Reports and Rewards', viewport: 'phone' },
  { path: '/console/', app: 'console', zh: '管理与联合执法控制台', en: 'Administration and Joint Enforcement Console', viewport: 'desktop' },
] as const;

afterAll(closeBrowser);

describe('the server', () => {
  it('answers /healthz with the embedded database', async () => {
    const res = await fetch(`${baseUrl()}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', service: 'firebreak', database: 'pglite' });
  });

  it('logs exactly one startup line with the URL', async () => {
    expect((await readServerLog()).match(/listening/gi)).toHaveLength(1);
  });
});

describe.each(SHELLS)('$app at $path', (shell) => {
  it('shows its product name in zh-CN, sends nothing off-site, and has no serious accessibility violation', async () => {
    const s = await openApp({ path: shell.path, viewport: shell.viewport });
    try {
      await expect.poll(() => s.page.locator('[data-testid="product-name"]').first().textContent()).toBe(shell.zh);
      await expect.poll(() => s.page.title()).toContain(shell.zh);
      expect(await s.page.locator('html').getAttribute('lang')).toBe('zh-CN');
      await s.screenshot(`shell-${shell.app}-zh-CN`);
      expect(await s.axe()).toEqual([]);
      expect(s.offsite).toEqual([]);
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('switches to English and keeps the choice across reloads', async () => {
    const s = await openApp({ path: shell.path, viewport: shell.viewport });
    try {
      await s.page.getByText('English', { exact: true }).first().click();
      await expect.poll(() => s.page.locator('[data-testid="product-name"]').first().textContent()).toBe(shell.en);
      await s.page.reload();
      await expect.poll(() => s.page.locator('[data-testid="product-name"]').first().textContent()).toBe(shell.en);
      expect(await s.page.locator('html').getAttribute('lang')).toBe('en');
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('serves a deep link through the SPA fallback', async () => {
    const res = await fetch(`${baseUrl()}${shell.path}some/deep/route`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root"');
  });
});
