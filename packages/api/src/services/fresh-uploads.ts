import { findAttachments, type Db } from '@firebreak/db';
import { DomainFailure } from '../application/failure';

/** Photos must be fresh uploads: an upload already evidencing something cannot be claimed by another record. */
export async function assertUploadsFree(db: Db, ids: readonly string[], ownedBy?: { entity: string; entityId: string }): Promise<void> {
  if (ids.length === 0) return;
  const found = await findAttachments(db, ids);
  const usable = found.filter((a) => a.entity === null || (ownedBy !== undefined && a.entity === ownedBy.entity && a.entityId === ownedBy.entityId));
  if (usable.length !== ids.length) {
    throw new DomainFailure({
      code: 'ATTACHMENT.UNAVAILABLE',
      message: 'A photo was not found or already belongs to another record; upload it again',
      messageZh: '照片不存在或已被其他记录使用，请重新上传',
      details: { missing: ids.filter((id) => !usable.some((a) => a.id === id)) },
    });
  }
}
