import { z } from 'zod';
import { checkReporterFiles, stamp, type Effect, type ReportStatus } from '@firebreak/domain';
import { applyEffects, attachUploads, countAttachments } from '@firebreak/db';

import { DomainFailure, unwrap } from '../application/failure';
import { assertUploadsFree } from './fresh-uploads';
import { lookupReceipt, NIL_ID, RECEIPT_NOT_FOUND, receiptSchema, type IntakeDeps } from './receipt-access';
import { reporterActor } from './reporter-actor';

export const addReporterFilesInput = z.object({
  receipt: receiptSchema,
  attachmentIds: z.array(z.uuid()).min(1).max(20),
});

/**
 * The reporter adds photos or documents to a filed report by its receipt
 * (uploaded first through POST /uploads, which re-encodes images without their
 * metadata). The kernel decides whether the report still takes files; the
 * files, an audit line by "the reporter" and the note to the report's
 * inspectors commit together.
 */
export async function addReporterFiles(deps: IntakeDeps, clientKey: string, input: z.infer<typeof addReporterFilesInput>): Promise<{ added: number; total: number }> {
  const row = await lookupReceipt(deps, clientKey, input.receipt);
  if (!row) {
    await countAttachments(deps.db, 'report', NIL_ID);
    throw new DomainFailure(RECEIPT_NOT_FOUND);
  }
  const ids = [...new Set(input.attachmentIds)];
  const status = (row.state as { status: ReportStatus }).status;
  const now = deps.clock();
  const actor = reporterActor(row.whistleblower ? 'whistleblower' : 'public', row.id);
  return deps.db.transaction(async (tx) => {
    const filesNow = await countAttachments(tx, 'report', row.id);
    const { total } = unwrap(checkReporterFiles({ status, filesNow, adding: ids.length }));
    await assertUploadsFree(tx, ids);
    const added = await attachUploads(tx, ids, 'report', row.id);
    // Another request took one of these uploads between the check and the update: nothing is kept.
    if (added !== ids.length) await assertUploadsFree(tx, ids, { entity: 'report', entityId: row.id });
    const effects: Effect[] = [
      { type: 'audit', entity: 'report', entityId: row.id, action: 'files_added', from: status, to: status, by: stamp(actor, now), data: { count: added, attachmentIds: ids } },
      { type: 'notify', to: { kind: 'role', role: 'inspector', jurisdictionId: row.jurisdictionId }, template: 'report.files_added', entity: 'report', entityId: row.id, data: { count: added } },
    ];
    await applyEffects(tx, effects, { now });
    return { added, total };
  });
}
