import { resolveSession } from '../auth/sessions';
import { localeFrom } from './locale';
import { createContextInner, SESSION_COOKIE, systemClock, type Context, type ContextDeps, type HttpContextOptions } from './request-context';

/** Used by the fastify adapter: resolves the session cookie to an actor. */
export async function createContext(http: HttpContextOptions, deps: ContextDeps): Promise<Context> {
  const clock = deps.clock ?? systemClock;
  const db = deps.db ?? null;
  const token = deps.http?.getCookie(SESSION_COOKIE);
  const session = db && token ? await resolveSession(db, token, clock()) : null;
  return createContextInner({
    db,
    session,
    clock,
    services: deps.services ?? null,
    http: deps.http ?? null,
    locale: localeFrom(http.req.headers),
  });
}
