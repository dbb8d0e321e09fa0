import { stamp, type Actor, type DomainError } from '@firebreak/domain';
import { runAudited, type Db } from '@firebreak/db';
import { uniqueAsConflict } from '../access';

/** The audit entry of an insert, less who and when (the helper stamps the actor at `now`). */
export interface InsertAudit {
  readonly entity: string;
  readonly entityId: string;
  readonly action: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly data?: Readonly<Record<string, unknown>>;
}

/**
 * Configuration rows an administrator adds (jurisdictions, accounts, standard and reward-rule
 * versions): the insert and its audit entry in one transaction, and a unique violation (the
 * code, username or version someone else took meanwhile) refused as the given coded conflict
 * rather than a server error.
 */
export async function insertAuditedUnique<T>(
  deps: { readonly db: Db },
  actor: Actor,
  now: Date,
  insert: (tx: Db) => Promise<T>,
  audit: (row: T) => InsertAudit,
  conflict: DomainError,
): Promise<T> {
  const { result } = await uniqueAsConflict(() => runAudited(deps.db, insert, (row) => ({ ...audit(row), by: stamp(actor, now) })), conflict);
  return result;
}
