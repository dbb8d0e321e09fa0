import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '../root';
import { createContextInner, SESSION_COOKIE } from '../trpc';
import { createWorld, testHttp, WORLD_PASSWORD, type World } from '../testing/world';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(async () => world.close());

describe('auth', () => {
  it('signs in with the right password, sets the session cookie, and resolves the session', async () => {
    const http = testHttp();
    const caller = createCaller(createContextInner({ db: world.db.db, services: world.services, http, clock: () => world.now }));
    const me = await caller.auth.login({ username: 'inspectorA1', password: WORLD_PASSWORD });
    expect(me.role).toBe('inspector');
    const token = http.jar.get(SESSION_COOKIE);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { resolveSession } = await import('../auth/sessions');
    const session = await resolveSession(world.db.db, token!, world.now);
    expect(session?.actor.userId).toBe(world.users.inspectorA1.id);
  });

  it('refuses a wrong password with a coded error in Chinese by default', async () => {
    await expect(world.public().auth.login({ username: 'inspectorA1', password: 'wrong' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      cause: { domain: { code: 'AUTH.INVALID_CREDENTIALS', messageZh: '用户名或密码错误' } },
    });
  });

  it('refuses an unknown user the same way', async () => {
    await expect(world.public().auth.login({ username: 'nobody', password: 'x' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('names the missing field in the caller\'s language', async () => {
    const err = await world.public({ locale: 'en' }).auth.login({ username: '', password: 'x' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'BAD_REQUEST' });
    const { fieldErrors } = await import('../i18n/field-errors');
    const fields = fieldErrors((err as { cause: import('zod').ZodError }).cause);
    expect(fields).toEqual([{ path: 'username', message: 'username must be at least 1 characters', messageZh: '用户名至少需要1个字符' }]);
  });

  it('me requires a session', async () => {
    await expect(world.public().auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await world.as('supervisorA').auth.me()).role).toBe('fire_supervisor');
  });
});
