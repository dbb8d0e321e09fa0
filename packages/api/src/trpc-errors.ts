import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import type { DomainError } from '@firebreak/domain';
import { DomainFailure } from './application/failure';

/**
 * The tRPC adapter's error mapping: the one place a kernel code becomes a tRPC code. The
 * procedure chain (trpc.ts) applies it to every DomainFailure a use case throws, and the error
 * formatter sends the code and the message in the caller's language.
 */

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

/** A thrown coded error as plain data (a DbError instance carries a stack and a prototype). */
export function plainDomainError(e: DomainError): DomainError {
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

/**
 * The tRPC error a procedure's failure should answer with, or null to leave it as it is. The
 * application layer throws DomainFailure; tRPC wraps anything it did not make as an internal
 * error, so those, and other coded errors thrown rather than returned (a DbError for a stale
 * write), get the transport code their family maps to instead of a 500.
 */
export function remappedError(error: TRPCError): TRPCError | null {
  const cause = error.cause;
  if (cause instanceof DomainFailure && error.code === 'INTERNAL_SERVER_ERROR') return toTRPCError(cause.domain);
  if (!(cause instanceof DomainFailure) && isDomainErrorLike(cause)) return toTRPCError(plainDomainError(cause));
  return null;
}
