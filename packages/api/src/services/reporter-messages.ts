import type { Effect } from '@firebreak/domain';
import { applyEffects, insertMessage, listReportMessages } from '@firebreak/db';

import { lookupReceipt, NIL_ID, RECEIPT_NOT_FOUND, type IntakeDeps } from './receipt-access';
import type { ReporterMessage } from './track-report';
import { DomainFailure } from '../application/failure';

/**
 * The reporter writes to the handlers through the receipt. The message and the
 * note to the report's inspectors commit together, so a handler is never told
 * of a message that was not stored.
 */
export async function sendReporterMessage(deps: IntakeDeps, clientKey: string, receipt: string, body: string): Promise<ReporterMessage> {
  const row = await lookupReceipt(deps, clientKey, receipt);
  if (!row) {
    await listReportMessages(deps.db, NIL_ID, 1);
    throw new DomainFailure(RECEIPT_NOT_FOUND);
  }
  const now = deps.clock();
  const notify: Effect = {
    type: 'notify',
    to: { kind: 'role', role: 'inspector', jurisdictionId: row.jurisdictionId },
    template: 'report.message_received',
    entity: 'report',
    entityId: row.id,
  };
  const message = await deps.db.transaction(async (tx) => {
    const m = await insertMessage(tx, { reportId: row.id, direction: 'public', body, now });
    await applyEffects(tx, [notify], { now });
    return m;
  });
  return { direction: message.direction, body: message.body, at: message.createdAt.toISOString() };
}
