import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { z, ZodError } from 'zod';
import type { Actor, DomainError } from '@firebreak/domain';
import type { Db } from '@firebreak/db';

/** Who is calling. Resolved from the session cookie by later work; null for anonymous callers. */
export interface Session {
  readonly sessionId: string;
  readonly actor: Actor;
}

/** Procedures read time only through this, so tests can pin it. */
export type Clock = () => Date;

export interface ContextInnerOptions {
  /** Absent when the server runs without a database (health still answers). */
  readonly db?: Db | null;
  readonly session?: Session | null;
  readonly clock?: Clock;
}

export interface Context {
  readonly db: Db | null;
  readonly session: Session | null;
  readonly clock: Clock;
}

const systemClock: Clock = () => new Date();

/** The context without HTTP: tests and server-side callers build it directly. */
export function createContextInner(opts: ContextInnerOptions = {}): Context {
  return { db: opts.db ?? null, session: opts.session ?? null, clock: opts.clock ?? systemClock };
}

/** What the HTTP adapter gives us, typed structurally so this package needs no server framework. */
export interface HttpContextOptions {
  readonly req: { readonly headers: Readonly<Record<string, string | string[] | undefined>> };
}

export interface ContextDeps {
  readonly db?: Db | null;
  readonly clock?: Clock;
}

/** Used by the fastify adapter: `createContext: (opts) => createContext(opts, deps)`. */
export function createContext(_http: HttpContextOptions, deps: ContextDeps): Context {
  // Session resolution (cookie -> session row) arrives with the auth routers.
  return createContextInner({ db: deps.db ?? null, session: null, clock: deps.clock ?? systemClock });
}

/** Carries a kernel error through tRPC so the formatter can hand its code and both messages to clients. */
export class DomainFailure extends Error {
  constructor(readonly domain: DomainError) {
    super(domain.message);
    this.name = 'DomainFailure';
  }
}

/**
 * One table from the last segment of a domain code to a transport code, so every
 * router maps `HAZARD.NOT_FOUND` or `REPORT.INVALID_TRANSITION` the same way.
 * Anything not listed is the caller's mistake: BAD_REQUEST.
 */
export const DOMAIN_CODE_TO_TRPC: ReadonlyArray<readonly [RegExp, TRPC_ERROR_CODE_KEY]> = [
  [/(^|\.)NOT_FOUND$/, 'NOT_FOUND'],
  [/(^|\.)(UNAUTHENTICATED|UNAUTHORIZED|SESSION_EXPIRED)$/, 'UNAUTHORIZED'],
  [/(^|\.)(FORBIDDEN|ROLE_NOT_ALLOWED|OUT_OF_SCOPE)$/, 'FORBIDDEN'],
  [/(^|\.)(INVALID_TRANSITION|CONFLICT|DUPLICATE|STALE|ALREADY_[A-Z_]+)$/, 'CONFLICT'],
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

/** Unwraps a kernel Result inside a procedure: the value, or a mapped TRPCError. */
export function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: DomainError }): T {
  if (result.ok) return result.value;
  throw toTRPCError(result.error);
}

export interface DomainErrorData {
  readonly code: string;
  readonly message: string;
  readonly messageZh: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

const INTERNAL_MESSAGE = 'Internal server error';

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const domain = error.cause instanceof DomainFailure ? error.cause.domain : null;
    const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
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
      message: internal ? INTERNAL_MESSAGE : shape.message,
      data: { ...data, domain: domainData, zodError },
    };
  },
});

/**
 * A coded error thrown rather than returned (e.g. a DbError for a stale write)
 * would otherwise surface as a 500; give it the transport code its family maps to.
 */
const mapThrownDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && !(result.error.cause instanceof DomainFailure) && isDomainErrorLike(result.error.cause)) {
    throw toTRPCError(plainDomainError(result.error.cause));
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;
export const publicProcedure = t.procedure.use(mapThrownDomainErrors);
