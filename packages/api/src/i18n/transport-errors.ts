import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { cataloguedError, type DomainError } from '@firebreak/domain';

/**
 * Errors tRPC raises itself, before any procedure runs (an unreadable body, a
 * wrong method or content type, an unknown procedure): a stable code and a
 * message in both languages, like every other error a client sees. Without this
 * a Chinese user got tRPC's English text ("Unexpected token N in JSON").
 */
const TRANSPORT: Partial<Record<TRPC_ERROR_CODE_KEY, DomainError>> = {
  PARSE_ERROR: cataloguedError('REQUEST.UNREADABLE'),
  BAD_REQUEST: cataloguedError('REQUEST.INVALID'),
  NOT_FOUND: cataloguedError('REQUEST.NO_SUCH_PROCEDURE'),
  METHOD_NOT_SUPPORTED: cataloguedError('REQUEST.WRONG_METHOD'),
  UNSUPPORTED_MEDIA_TYPE: cataloguedError('REQUEST.UNSUPPORTED_MEDIA_TYPE'),
  PAYLOAD_TOO_LARGE: cataloguedError('REQUEST.TOO_LARGE'),
  UNAUTHORIZED: cataloguedError('AUTH.UNAUTHENTICATED'),
  FORBIDDEN: cataloguedError('AUTH.FORBIDDEN'),
  TOO_MANY_REQUESTS: cataloguedError('HTTP.RATE_LIMITED'),
  CONFLICT: cataloguedError('REQUEST.CONFLICT'),
};

/** The coded, bilingual form of an error tRPC raised without a domain error; null for server faults. */
export function transportError(code: TRPC_ERROR_CODE_KEY): DomainError | null {
  return TRANSPORT[code] ?? null;
}
