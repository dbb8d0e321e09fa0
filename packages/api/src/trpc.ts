import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { z, ZodError } from 'zod';
import { capabilityDefinition, cataloguedError, findUnstorableInput, STAFF_ROLES, type Actor, type Capability, type DomainError } from '@firebreak/domain';
import type { Db } from '@firebreak/db';
import type { Services } from './context/services';
import { resolveSession } from './auth/sessions';
import { fieldErrors } from './i18n/field-errors';
import { transportError } from './i18n/transport-errors';
import { DomainFailure } from './application/failure';

export { DomainFailure };

/** Who is calling: a staff or unit account resolved from the session cookie. */
export interface Session {
  readonly sessionId: string;
  readonly actor: Actor;
  /** For unit accounts: the venue they act for. */
  readonly venueId: string | null;
}

/** Procedures read time only through this, so tests can pin it. */
export type Clock = () => Date;

export type Locale = 'zh-CN' | 'en';

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

const systemClock: Clock = () => new Date();

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
  readonly req: { readonly headers: Readonly<Record<string, string | string[] | undefined>> };
}

export interface ContextDeps {
  readonly db?: Db | null;
  readonly clock?: Clock;
  readonly services?: Services | null;
  readonly http?: HttpBridge | null;
}

export const SESSION_COOKIE = 'fb_session';

/** `Accept-Language` decides the language of error messages; Chinese unless English is preferred. */
export function localeFrom(headers: HttpContextOptions['req']['headers']): Locale {
  const raw = headers['accept-language'];
  const value = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  const first = value.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

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

/**
 * One table from the last segment of a domain code to a transport code, so every
 * router maps `HAZARD.NOT_FOUND` or `REPORT.INVALID_TRANSITION` the same way.
 * Anything not listed is the caller's mistake: BAD_REQUEST.
 */
export const DOMAIN_CODE_TO_TRPC: ReadonlyArray<readonly [RegExp, TRPC_ERROR_CODE_KEY]> = [
  [/(^|\.)NOT_FOUND$/, 'NOT_FOUND'],
  [/(^|\.)(UNAUTHENTICATED|UNAUTHORIZED|SESSION_EXPIRED|INVALID_CREDENTIALS)$/, 'UNAUTHORIZED'],
  [/(^|\.)(FORBIDDEN|ROLE_NOT_ALLOWED|OUT_OF_SCOPE|WRONG_DEPARTMENT|WRONG_VENUE|NOT_LEAD_DEPARTMENT|NOT_OWNER)$/, 'FORBIDDEN'],
  [/(^|\.)(INVALID_TRANSITION|CONFLICT|DUPLICATE|STALE|KEY_REUSED|IN_PROGRESS|ALREADY_[A-Z_]+)$/, 'CONFLICT'],
  [/(^|\.)(RATE_LIMITED|THROTTLED|TOO_MANY_ATTEMPTS)$/, 'TOO_MANY_REQUESTS'],
];

export function trpcCodeFor(domainCode: string): TRPC_ERROR_CODE_KEY {
  for (const [pattern, code] of DOMAIN_CODE_TO_TRPC) if (pattern.test(domainCode)) return code;
  return 'BAD_REQUEST';
}

export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: trpcCodeFor(error.code), message: error.message, cause: new DomainFailure(error) });
}

/**
 * Structural test for a kernel or persistence error (DbError implements DomainError):
 * a string code plus both messages. Node system errors have a code but no messageZh.
 */
export function isDomainErrorLike(value: unknown): value is DomainError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string' && typeof v.messageZh === 'string';
}

function plainDomainError(e: DomainError): DomainError {
  return e.details
    ? { code: e.code, message: e.message, messageZh: e.messageZh, details: e.details }
    : { code: e.code, message: e.message, messageZh: e.messageZh };
}


export interface DomainErrorData {
  readonly code: string;
  readonly message: string;
  readonly messageZh: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

const INTERNAL_MESSAGE = 'Internal server error';

/**
 * Who a procedure's gate lets through, recorded by the procedure builders
 * below (never written by hand in a router), so a test can enumerate the
 * router and compare every gate with the kernel's capability table.
 */
export type ProcedureAccess =
  | { readonly kind: 'public' }
  | { readonly kind: 'authed' }
  | { readonly kind: 'staff' }
  | { readonly kind: 'unit' }
  | { readonly kind: 'capability'; readonly capability: Capability };

export interface ProcedureMeta {
  readonly access?: ProcedureAccess;
}

const t = initTRPC.context<Context>().meta<ProcedureMeta>().create({
  errorFormatter({ shape, error, ctx }) {
    const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
    const fields = error.cause instanceof ZodError ? fieldErrors(error.cause) : null;
    // tRPC's own refusals (unreadable body, wrong method, unknown procedure) get a code and both languages too.
    const domain = error.cause instanceof DomainFailure ? error.cause.domain : fields ? null : transportError(error.code);
    const en = ctx?.locale === 'en';
    const localized = domain ? (en ? domain.message : domain.messageZh) : fields?.[0] ? (en ? fields[0].message : fields[0].messageZh) : null;
    // Stacks and raw internal messages (SQL, file paths) never leave the server.
    const { stack: _stack, ...data } = shape.data;
    const internal = error.code === 'INTERNAL_SERVER_ERROR' && !domain;
    const domainData: DomainErrorData | null = domain
      ? {
          code: domain.code,
          message: domain.message,
          messageZh: domain.messageZh,
          ...(domain.details ? { details: domain.details } : {}),
        }
      : null;
    return {
      ...shape,
      message: internal ? (en ? INTERNAL_MESSAGE : '服务器内部错误') : (localized ?? shape.message),
      data: { ...data, domain: domainData, zodError, fieldErrors: fields },
    };
  },
});

/**
 * A coded error thrown rather than returned (e.g. a DbError for a stale write)
 * would otherwise surface as a 500; give it the transport code its family maps to.
 */
const mapThrownDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  // The application layer throws DomainFailure; tRPC wraps anything it did not make as an
  // internal error. This is the one place a kernel code becomes a tRPC code.
  if (cause instanceof DomainFailure && result.error.code === 'INTERNAL_SERVER_ERROR') throw toTRPCError(cause.domain);
  if (!(cause instanceof DomainFailure) && isDomainErrorLike(cause)) throw toTRPCError(plainDomainError(cause));
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;
/**
 * Every procedure's input, before its schema: text PostgreSQL cannot store (NUL,
 * lone surrogates) and hostile nesting are refused here with a coded 400, once
 * for all string fields, instead of failing as a 500 in the database.
 */
const refuseUnstorableInput = t.middleware(async ({ getRawInput, next }) => {
  let raw: unknown;
  try {
    raw = await getRawInput();
  } catch {
    // Unreadable input: tRPC answers it with its own parse error.
    return next();
  }
  const problem = findUnstorableInput(raw);
  if (problem) throw toTRPCError(problem.error);
  return next();
});

export const publicProcedure = t.procedure.meta({ access: { kind: 'public' } }).use(refuseUnstorableInput).use(mapThrownDomainErrors);

function fail(code: string, message: string, messageZh: string): never {
  throw toTRPCError({ code, message, messageZh });
}

/** Any procedure that reads or writes data: the database and services must be wired. */
export const dbProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.db || !ctx.services) throw toTRPCError(cataloguedError('SERVER.UNAVAILABLE'));
  return next({ ctx: { ...ctx, db: ctx.db, services: ctx.services } });
});

/** A signed-in account (staff or unit). */
export const authedProcedure = dbProcedure.meta({ access: { kind: 'authed' } }).use(({ ctx, next }) => {
  if (!ctx.session) throw toTRPCError(cataloguedError('AUTH.UNAUTHENTICATED'));
  return next({ ctx: { ...ctx, session: ctx.session, actor: ctx.session.actor } });
});

/** Staff of a department, bound to a jurisdiction subtree. */
export const staffProcedure = authedProcedure.meta({ access: { kind: 'staff' } }).use(({ ctx, next }) => {
  const role = ctx.actor.role;
  if (!(STAFF_ROLES as readonly string[]).includes(role) || ctx.actor.jurisdictionId === null) {
    fail('ACCESS.ROLE_NOT_ALLOWED', 'Staff accounts only', '仅限工作人员账号');
  }
  return next({ ctx: { ...ctx, jurisdictionRoot: ctx.actor.jurisdictionId } });
});

/**
 * Staff whose role holds `capability`. The subject's scope (jurisdiction subtree,
 * department) is checked in the handler once the subject is loaded, with
 * `authorizeOn` or by the kernel's lifecycle guard.
 */
export function capabilityProcedure(capability: Capability) {
  return staffProcedure.meta({ access: { kind: 'capability', capability } }).use(({ ctx, next }) => {
    const def = capabilityDefinition(capability);
    if (!def || !(def.roles as readonly string[]).includes(ctx.actor.role)) {
      fail('ACCESS.ROLE_NOT_ALLOWED', `Your role may not ${def?.en.toLowerCase() ?? capability}`, `当前角色无权${def?.zh ?? capability}`);
    }
    return next({ ctx });
  });
}

/** A social unit's account, acting for its own venue only. */
export const unitProcedure = authedProcedure.meta({ access: { kind: 'unit' } }).use(({ ctx, next }) => {
  if (ctx.actor.role !== 'unit' || !ctx.session.venueId) fail('ACCESS.ROLE_NOT_ALLOWED', 'Unit accounts only', '仅限社会单位账号');
  return next({ ctx: { ...ctx, venueId: ctx.session.venueId } });
});
