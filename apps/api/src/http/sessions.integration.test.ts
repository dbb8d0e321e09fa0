import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORLD_PASSWORD } from '@firebreak/api/testing';
import { createHttpWorld, nextAddress, sessionCookieFrom, type HttpWorld } from '../../test/http-world';
import { buildApp } from '../app';
import { serverDatabase } from '../database';
import { createClientKeyer } from './client-key';

let h: HttpWorld;
beforeAll(async () => {
  h = await createHttpWorld();
}, 120_000);
afterAll(async () => h?.close());

function setCookieHeader(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers['set-cookie'];
  return (Array.isArray(raw) ? raw : [raw]).map(String).find((c) => c.startsWith('fb_session=')) ?? '';
}

describe('the session cookie over HTTP', () => {
  it('is set on sign-in as httpOnly, SameSite=Lax, path / with a max age, and not Secure on plain HTTP', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/trpc/auth.login',
      remoteAddress: nextAddress(),
      payload: { username: 'inspectorA1', password: WORLD_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = setCookieHeader(res);
    expect(cookie).toMatch(/^fb_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; Max-Age=\d+/);
    expect(cookie).not.toMatch(/Secure/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('resolves the session on later requests, and only with the cookie', async () => {
    const cookie = await h.login('supervisorA');
    const me = await h.app.inject({ method: 'GET', url: '/trpc/auth.me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json<{ result: { data: { role: string } } }>().result.data.role).toBe('fire_supervisor');
    const anonymous = await h.app.inject({ method: 'GET', url: '/trpc/auth.me' });
    expect(anonymous.statusCode).toBe(401);
    const forged = await h.app.inject({ method: 'GET', url: '/trpc/auth.me', headers: { cookie: 'fb_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } });
    expect(forged.statusCode).toBe(401);
  });

  it('is cleared on sign-out and the old token stops working', async () => {
    const cookie = await h.login('inspectorA2');
    const out = await h.app.inject({ method: 'POST', url: '/trpc/auth.logout', headers: { cookie }, payload: {} });
    expect(out.statusCode).toBe(200);
    expect(setCookieHeader(out)).toMatch(/^fb_session=;.*Expires=Thu, 01 Jan 1970/);
    const after = await h.app.inject({ method: 'GET', url: '/trpc/auth.me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('is Secure when FIREBREAK_COOKIE_SECURE asks for it (TLS ended at a gateway)', async () => {
    const secure = await buildApp({ logger: false, frontEndsDir: '/nonexistent', db: serverDatabase(h.world.db), services: h.world.services, clock: () => h.world.now, cookieSecure: true });
    try {
      const res = await secure.inject({ method: 'POST', url: '/trpc/auth.login', remoteAddress: nextAddress(), payload: { username: 'police', password: WORLD_PASSWORD } });
      expect(sessionCookieFrom(res)).toMatch(/^fb_session=/);
      expect(setCookieHeader(res)).toMatch(/; Secure/);
    } finally {
      await secure.close();
    }
  });

  it('is Secure when a trusted proxy says the request came over HTTPS, and only then', async () => {
    const proxied = await buildApp({ logger: false, frontEndsDir: '/nonexistent', db: serverDatabase(h.world.db), services: h.world.services, clock: () => h.world.now, trustProxy: ['127.0.0.1'] });
    try {
      const viaProxy = await proxied.inject({
        method: 'POST',
        url: '/trpc/auth.login',
        remoteAddress: '127.0.0.1',
        headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': nextAddress() },
        payload: { username: 'industry', password: WORLD_PASSWORD },
      });
      expect(setCookieHeader(viaProxy)).toMatch(/; Secure/);
      const spoofed = await h.app.inject({
        method: 'POST',
        url: '/trpc/auth.login',
        remoteAddress: nextAddress(),
        headers: { 'x-forwarded-proto': 'https' },
        payload: { username: 'industry', password: WORLD_PASSWORD },
      });
      expect(setCookieHeader(spoofed)).not.toMatch(/Secure/);
    } finally {
      await proxied.close();
    }
  });
});

describe('logs', () => {
  it('carry method, path and status, never the client address, cookies, query strings or passwords', async () => {
    const address = '203.0.113.77';
    const cookie = await h.login('committee');
    await h.app.inject({ method: 'GET', url: '/trpc/auth.me?input=%7B%22receipt%22%3A%224821093755210046%22%7D', remoteAddress: address, headers: { cookie } });
    await h.app.inject({ method: 'POST', url: '/trpc/auth.login', remoteAddress: address, payload: { username: 'committee', password: WORLD_PASSWORD } });
    const all = h.logLines.join('\n');
    expect(all).toContain('"path":"/trpc/auth.me"');
    expect(all).toContain('"statusCode":200');
    for (const secret of [address, '4821093755210046', cookie.split('=')[1]!, WORLD_PASSWORD]) expect(all).not.toContain(secret);
    expect(all).not.toMatch(/"ip"|"remoteAddress"|"headers"/);
  });
});

describe('client keys', () => {
  it('are stable per address within a process, differ between addresses, and hide the address', () => {
    const key = createClientKeyer(new Uint8Array(32).fill(1));
    expect(key('203.0.113.5')).toBe(key('203.0.113.5'));
    expect(key('203.0.113.5')).not.toBe(key('203.0.113.6'));
    expect(key('203.0.113.5')).not.toContain('203');
    expect(createClientKeyer(new Uint8Array(32).fill(2))('203.0.113.5')).not.toBe(key('203.0.113.5'));
    expect(() => createClientKeyer(new Uint8Array(8))).toThrow(/16 bytes/);
  });
});
