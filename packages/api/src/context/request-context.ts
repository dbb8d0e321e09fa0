import type { Actor } from '@firebreak/domain';
import type { Db } from '@firebreak/db';
import type { Locale, RequestHeaders } from './locale';
import type { Services } from './services';

/**
 * What every door hands a call: the database, the session's actor, the clock, the services,
 * the HTTP exchange when there is one, the caller's language. Types and the plain constructor
 * only, so the application layer and the session code can name them without importing the tRPC
 * adapter (trpc.ts) or each other.
 */

/** Who is calling: a staff or unit account resolved from the session cookie. */
export interface Session {
  readonly sessionId: string;
  readonly actor: Actor;
  /** For unit accounts: the venue they act for. */
  readonly venueId: string | null;
}

/** Procedures read time only through this, so tests can pin it. */
export type Clock = () => Date;

/**
 * What a procedure may ask of the HTTP exchange, without this package knowing
 * the server framework: cookies for the staff session, a client key for
 * throttling (a keyed hash of the address, never the address), the locale.
 */
export interface HttpBridge {
  getCookie(name: string): string | undefined;
  setCookie(name: string, value: string, opts: { maxAgeSeconds: number }): void;
  clearCookie(name: string): void;
  readonly clientKey: string;
  readonly userAgent: string | null;
}

export interface ContextInnerOptions {
  /** Absent when the server runs without a database (health still answers). */
  readonly db?: Db | null;
  readonly session?: Session | null;
  readonly clock?: Clock;
  readonly services?: Services | null;
  readonly http?: HttpBridge | null;
  readonly locale?: Locale;
}

export interface Context {
  readonly db: Db | null;
  readonly session: Session | null;
  readonly clock: Clock;
  readonly services: Services | null;
  readonly http: HttpBridge | null;
  readonly locale: Locale;
}

export const systemClock: Clock = () => new Date();

/** The context without HTTP: tests and server-side callers build it directly. */
export function createContextInner(opts: ContextInnerOptions = {}): Context {
  return {
    db: opts.db ?? null,
    session: opts.session ?? null,
    clock: opts.clock ?? systemClock,
    services: opts.services ?? null,
    http: opts.http ?? null,
    locale: opts.locale ?? 'zh-CN',
  };
}

/** What the HTTP adapter gives us, typed structurally so this package needs no server framework. */
export interface HttpContextOptions {
  readonly req: { readonly headers: RequestHeaders };
}

export interface ContextDeps {
  readonly db?: Db | null;
  readonly clock?: Clock;
  readonly services?: Services | null;
  readonly http?: HttpBridge | null;
}

export const SESSION_COOKIE = 'fb_session';
