import type { DomainError } from '@firebreak/domain';

/**
 * A refusal with a kernel error code and both messages, thrown by the application layer (use
 * cases, access checks, services) whatever door called it. Each transport maps it once: the tRPC
 * adapter to a tRPC error by the code table (trpc.ts), Open311 to its own error documents, the job
 * runner to a logged, retried or abandoned job. Nothing below the adapters knows about tRPC.
 */
export class DomainFailure extends Error {
  constructor(readonly domain: DomainError) {
    super(domain.message);
    this.name = 'DomainFailure';
  }
}

/** The value of a kernel Result, or its error thrown as a DomainFailure. */
export function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: DomainError }): T {
  if (result.ok) return result.value;
  throw new DomainFailure(result.error);
}

/** A coded error in both languages, with optional details. */
export function domainError(code: string, message: string, messageZh: string, details?: Record<string, unknown>): DomainError {
  return details ? { code, message, messageZh, details } : { code, message, messageZh };
}
