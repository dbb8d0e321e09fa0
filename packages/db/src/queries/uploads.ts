import { and, eq } from 'drizzle-orm';
import type { Db } from '../database';
import { attachments } from '../schema/reports';

export type AttachmentRow = typeof attachments.$inferSelect;

export interface NewUpload {
  readonly id: string;
  readonly sha256: string;
  readonly mime: string;
  readonly sizeBytes: number;
  readonly width: number;
  readonly height: number;
  /** Server-made storage names, never a client's file name. */
  readonly sealedOriginalKey: string;
  readonly displayKey: string;
  readonly uploadedByUserId: string | null;
}

/** A fresh upload, not yet attached to any entity. */
export async function insertUpload(db: Db, upload: NewUpload): Promise<string> {
  const [row] = await db
    .insert(attachments)
    .values({ ...upload, entity: null, entityId: null })
    .returning({ id: attachments.id });
  return row!.id;
}

export async function findAttachment(db: Db, id: string): Promise<AttachmentRow | null> {
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id)).limit(1);
  return row ?? null;
}

/** How many uploads are attached to one record. */
export async function countAttachments(db: Db, entity: string, entityId: string): Promise<number> {
  return db.$count(attachments, and(eq(attachments.entity, entity), eq(attachments.entityId, entityId)));
}
