import { z } from 'zod';
import { findUserByUsername } from '@firebreak/db';
import { randomUUID } from 'node:crypto';
import { KNOWN_DEVICE_COOKIE, KNOWN_DEVICE_MAX_AGE_SECONDS } from '../auth/known-device';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { closeSession, openSession, SESSION_TTL_SECONDS } from '../auth/sessions';
import { authedProcedure, dbProcedure, router, SESSION_COOKIE } from '../trpc';
import { DomainFailure } from '../application/failure';

const loginInput = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

const BAD_LOGIN = { code: 'AUTH.INVALID_CREDENTIALS', message: 'Wrong username or password', messageZh: '用户名或密码错误' };

export const auth = router({
  /** Staff and unit sign-in: Argon2id check, then an httpOnly session cookie. */
  login: dbProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const now = ctx.clock();
    const { loginThrottles, knownDevices } = ctx.services;
    const user = await findUserByUsername(ctx.db, input.username);
    const deviceCookie = ctx.http?.getCookie(KNOWN_DEVICE_COOKIE);
    const knownDevice = user !== null && user !== undefined && knownDevices.vouchesFor(deviceCookie, user.id, now);
    const refused = loginThrottles.refuse({ client: ctx.http?.clientKey ?? 'none', username: input.username, knownDevice }, now.getTime());
    if (refused === 'username') {
      throw new DomainFailure({
        code: 'AUTH.TOO_MANY_ATTEMPTS',
        message: 'Too many wrong passwords for this account; sign in from a device you have used before, or wait an hour',
        messageZh: '该账号密码错误次数过多，请在曾登录过的设备上登录，或一小时后再试',
      });
    }
    if (refused) throw new DomainFailure({ code: 'AUTH.TOO_MANY_ATTEMPTS', message: 'Too many sign-in attempts; wait 15 minutes', messageZh: '登录尝试过多，请15分钟后再试' });
    // Verify even for unknown users so response time does not reveal which usernames exist.
    const ok = await verifyPassword(user?.passwordHash ?? (await dummy()), input.password);
    if (!user || !ok || user.disabled || user.role === 'public' || user.role === 'whistleblower') {
      if (!ok || !user) loginThrottles.failed(input.username, now.getTime());
      throw new DomainFailure(BAD_LOGIN);
    }
    const { token } = await openSession(ctx.db, user.id, now, ctx.http?.userAgent ?? null);
    ctx.http?.setCookie(SESSION_COOKIE, token, { maxAgeSeconds: SESSION_TTL_SECONDS });
    ctx.http?.setCookie(KNOWN_DEVICE_COOKIE, knownDevices.remember(deviceCookie, user.id, now), { maxAgeSeconds: KNOWN_DEVICE_MAX_AGE_SECONDS });
    return { userId: user.id, name: user.displayName, role: user.role, mustChangePassword: user.mustChangePassword };
  }),

  logout: authedProcedure.mutation(async ({ ctx }) => {
    await closeSession(ctx.db, ctx.session.sessionId);
    ctx.http?.clearCookie(SESSION_COOKIE);
    return { ok: true as const };
  }),

  /** Who am I: the console shows name, role, department and jurisdiction root. */
  me: authedProcedure.query(({ ctx }) => ({
    userId: ctx.actor.userId,
    name: ctx.actor.name,
    role: ctx.actor.role,
    departmentId: ctx.actor.departmentId,
    jurisdictionId: ctx.actor.jurisdictionId,
    venueId: ctx.session.venueId,
  })),
});

// A hash of a random secret nobody knows, so unknown usernames cost as much as known ones.
let dummyHash: Promise<string> | null = null;
function dummy(): Promise<string> {
  dummyHash ??= hashPassword(randomUUID());
  return dummyHash;
}
