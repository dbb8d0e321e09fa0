import {
  publicVenueView,
  type InspectionState,
  type PublicVenueView,
  type ResponsiblePersonRecord,
  type SafetyCommitmentRecord,
} from '@firebreak/domain';
import {
  findCurrentCommitment,
  findLastCompletedInspection,
  listCurrentResponsiblePersons,
  type CommitmentRow,
  type Db,
  type ResponsiblePersonRow,
  type VenuePageRow,
} from '@firebreak/db';

/** Duties are stored as text, one duty per line. */
export function dutiesFromText(text: string | null): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((d) => d.trim())
    .filter((d) => d !== '');
}

/**
 * Stored rows to the kernel's records. Phones and ID numbers stay sealed in
 * the table: the record carries null for them, so no projection can show them.
 */
export function responsiblePersonRecords(rows: readonly ResponsiblePersonRow[], venue: Pick<VenuePageRow, 'responsiblePosition' | 'managerPosition'>): ResponsiblePersonRecord[] {
  return rows.map((p) => ({
    capacity: p.role === 'responsible' ? 'responsible_person' : 'manager',
    name: p.name,
    position: p.role === 'responsible' ? venue.responsiblePosition : venue.managerPosition,
    duties: dutiesFromText(p.duties),
    phone: null,
    idNumber: null,
  }));
}

export function commitmentRecord(row: CommitmentRow): SafetyCommitmentRecord {
  const text = typeof row.content.text === 'string' ? row.content.text : '';
  const signatureRef = typeof row.content.signatureRef === 'string' ? row.content.signatureRef : `commitments:${row.id}`;
  return {
    kind: row.kind,
    text,
    signerName: row.signedByName,
    signedAt: row.signedAt.toISOString(),
    validUntil: row.validUntil?.toISOString() ?? null,
    signatureRef,
  };
}

/** The page behind the QR code at the door (三自主两公开一承诺), through the kernel's publicVenueView. */
export async function venuePage(db: Db, venue: VenuePageRow, now: Date): Promise<PublicVenueView> {
  const persons = await listCurrentResponsiblePersons(db, venue.id);
  const commitment = await findCurrentCommitment(db, venue.id, now);
  const inspection = await findLastCompletedInspection(db, venue.id);
  return publicVenueView(
    { id: venue.id, name: venue.name, address: venue.address, categories: venue.categories },
    responsiblePersonRecords(persons, venue),
    commitment ? commitmentRecord(commitment) : null,
    inspection ? (inspection.state as unknown as InspectionState) : null,
  );
}
