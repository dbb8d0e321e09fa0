import type { DomainError, Result } from '@firebreak/domain';

/** The error of a result the caller knows is a refusal (the kernel's answer for a lost race). */
export function unwrapError(result: Result<unknown>): DomainError {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}
