import type { DomainError } from '@firebreak/domain';

/**
 * A coded error thrown by the persistence layer. It satisfies the kernel's
 * DomainError shape, so the API maps it through the same code table
 * (`CONCURRENCY.STALE` → CONFLICT, ...).
 */
export class DbError extends Error implements DomainError {
  readonly code: string;
  readonly messageZh: string;
  readonly details?: Readonly<Record<string, unknown>>;

  constructor(code: string, message: string, messageZh: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'DbError';
    this.code = code;
    this.messageZh = messageZh;
    if (details) this.details = details;
    // `message` stays English as DomainError requires; the stack (what an
    // operator sees when startup fails) carries both languages.
    if (this.stack) this.stack = this.stack.replace(message, () => `${message}\n${messageZh}`);
  }

  toDomainError(): DomainError {
    return this.details
      ? { code: this.code, message: this.message, messageZh: this.messageZh, details: this.details }
      : { code: this.code, message: this.message, messageZh: this.messageZh };
  }
}

export function isDbError(e: unknown, code?: string): e is DbError {
  return e instanceof DbError && (code === undefined || e.code === code);
}
