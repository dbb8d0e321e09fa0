import type { LightMyRequestResponse } from 'fastify';
import { WORLD_PASSWORD } from '@firebreak/api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpWorld, type HttpWorld } from '../../test/http-world';

// An attacker who knows an officer's username must not be able to keep the officer out.
let h: HttpWorld;
beforeAll(async () => {
  h = await createHttpWorld();
}, 120_000);
afterAll(async () => h?.close());

type TrpcError = { error: { message: string; data: { httpStatus: number; domain: { code: string } | null } } };

let octet = 0;
const attackerAddress = () => `192.0.2.${(octet = (octet % 250) + 1)}`;

function login(username: string, password: string, remoteAddress: string, cookie?: string) {
  return h.app.inject({ method: 'POST', url: '/trpc/auth.login', remoteAddress, headers: cookie ? { cookie } : {}, payload: { username, password } });
}

function deviceCookieOf(res: LightMyRequestResponse): string {
  const raw = res.headers['set-cookie'];
  const header = (Array.isArray(raw) ? raw : [raw]).map(String).find((c) => c.startsWith('fb_device='));
  if (!header) throw new Error(`no device cookie in ${res.statusCode}`);
  return header.split(';')[0]!;
}

async function spray(username: string, attempts: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < attempts; i++) statuses.push((await login(username, `guess-${i}`, attackerAddress())).statusCode);
  return statuses;
}

describe('sign-in throttling', () => {
  it('a wrong-password flood for a named officer from many addresses does not lock the officer out of a browser they used before', async () => {
    const officerAddress = '198.18.0.10';
    const first = await login('inspectorA1', WORLD_PASSWORD, officerAddress);
    expect(first.statusCode).toBe(200);
    const device = deviceCookieOf(first);
    expect(String(first.headers['set-cookie'])).toMatch(/fb_device=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax/);

    const statuses = await spray('inspectorA1', 60);
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(20);
    expect(statuses.at(-1)).toBe(429);

    // The officer, on their own browser, with the right password: in.
    const officer = await login('inspectorA1', WORLD_PASSWORD, officerAddress, device);
    expect(officer.statusCode).toBe(200);
    // Even from a new address (on the road, a phone network).
    expect((await login('inspectorA1', WORLD_PASSWORD, '198.18.0.99', device)).statusCode).toBe(200);

    // The attacker, even holding the right password, gets no further without that browser.
    const attacker = await login('inspectorA1', WORLD_PASSWORD, attackerAddress());
    expect(attacker.statusCode).toBe(429);
    const body = attacker.json<TrpcError>();
    expect(body.error.data.domain?.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
    expect(body.error.message).toContain('曾登录过的设备');
  });

  it('a device cookie signed for one user, or forged, does not pass another user’s backoff', async () => {
    const own = await login('police', WORLD_PASSWORD, '198.18.1.1');
    expect(own.statusCode).toBe(200);
    const policeDevice = deviceCookieOf(own);
    await spray('supervisorA', 60);
    expect((await login('supervisorA', WORLD_PASSWORD, '198.18.1.2', policeDevice)).statusCode).toBe(429);
    const forged = policeDevice.replace(/fb_device=[^.]+/, `fb_device=${h.world.users.supervisorA.id}`);
    expect((await login('supervisorA', WORLD_PASSWORD, '198.18.1.3', forged)).statusCode).toBe(429);
  });

  it('wrong passwords from one address stop that address, not the officer at another', async () => {
    const from = '198.18.2.1';
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await login('committee', `wrong-${i}`, from)).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect((await login('committee', WORLD_PASSWORD, from)).statusCode).toBe(429);
    // No device cookie, a fresh address, the right password: 10 failures are below the per-username backoff.
    expect((await login('committee', WORLD_PASSWORD, '198.18.2.2')).statusCode).toBe(200);
  });
});
