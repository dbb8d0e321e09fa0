import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import type { Db } from '../database';
import { commitments, type CommitmentKind } from '../schema/venues';

export interface CommitmentRow {
  readonly id: string;
  readonly venueId: string;
  readonly kind: CommitmentKind;
  readonly content: Record<string, unknown>;
  readonly signedByName: string;
  readonly signedAt: Date;
  readonly validUntil: Date | null;
}

const columns = {
  id: commitments.id,
  venueId: commitments.venueId,
  kind: commitments.kind,
  content: commitments.content,
  signedByName: commitments.signedByName,
  signedAt: commitments.signedAt,
  validUntil: commitments.validUntil,
};

export async function recordCommitment(
  db: Db,
  input: {
    id: string;
    venueId: string;
    kind: CommitmentKind;
    content: Record<string, unknown>;
    signedByName: string;
    signedByUserId: string | null;
    signedAt: Date;
    validUntil?: Date | null;
  },
): Promise<CommitmentRow> {
  const [row] = await db
    .insert(commitments)
    .values({ ...input, validUntil: input.validUntil ?? null, createdAt: input.signedAt })
    .returning(columns);
  return row!;
}

/** The commitment in force at `at`: the latest signed one not revoked and not expired. */
export async function findCurrentCommitment(db: Db, venueId: string, at: Date): Promise<CommitmentRow | null> {
  const [row] = await db
    .select(columns)
    .from(commitments)
    .where(and(eq(commitments.venueId, venueId), isNull(commitments.revokedAt), or(isNull(commitments.validUntil), gt(commitments.validUntil, at))))
    .orderBy(desc(commitments.signedAt), desc(commitments.createdAt))
    .limit(1);
  return row ?? null;
}
