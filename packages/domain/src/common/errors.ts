/**
 * Coded domain errors. Codes are stable identifiers (`HAZARD.ALREADY_CLOSED`);
 * the API maps each code family to a transport code in one table, and front ends
 * translate with the bilingual messages carried here.
 */
export interface DomainError {
  readonly code: string;
  /** English message for logs, integrators and the `en` locale. */
  readonly message: string;
  /** Chinese message for the `zh-CN` locale (the primary language of users). */
  readonly messageZh: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export type Result<T, E extends DomainError = DomainError> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err(
  code: string,
  message: string,
  messageZh: string,
  details?: Record<string, unknown>,
): { readonly ok: false; readonly error: DomainError } {
  return { ok: false, error: details ? { code, message, messageZh, details } : { code, message, messageZh } };
}

/** Thrown only by helpers that are documented to throw (for programmer errors, never for user input). */
export class DomainInvariantError extends Error {
  constructor(readonly code: string, message: string) {
    super(`${code}: ${message}`);
    this.name = 'DomainInvariantError';
  }
}
