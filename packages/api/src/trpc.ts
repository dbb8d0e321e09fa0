import { initTRPC } from '@trpc/server';
import { z, ZodError } from 'zod';
import { capabilityDefinition, cataloguedError, findUnstorableInput, STAFF_ROLES, type Capability } from '@firebreak/domain';
import { DomainFailure } from './application/failure';
import type { Context } from './context/request-context';
import { fieldErrors } from './i18n/field-errors';
import { transportError } from './i18n/transport-errors';
import { remappedError, toTRPCError, type DomainErrorData } from './trpc-errors';

/**
 * The tRPC adapter: initialisation, the error formatter and the procedure chain (input guard,
 * error mapping, database, session, staff, capability, unit). The context it runs on is
 * context/request-context.ts (built over HTTP by context/create-context.ts), the language
 * context/locale.ts, the code table trpc-errors.ts; their names are exported from here as before.
 */
export { DomainFailure };
export {
  createContextInner,
  SESSION_COOKIE,
  type Clock,
  type Context,
  type ContextDeps,
  type ContextInnerOptions,
  type HttpBridge,
  type HttpContextOptions,
  type Session,
} from './context/request-context';
export { createContext } from './context/create-context';
export { localeFrom, type Locale } from './context/locale';
export { DOMAIN_CODE_TO_TRPC, isDomainErrorLike, toTRPCError, trpcCodeFor, type DomainErrorData } from './trpc-errors';

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

/** Every failure below the door leaves through the one code table (trpc-errors.ts). */
const mapThrownDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const mapped = remappedError(result.error);
  if (mapped) throw mapped;
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
