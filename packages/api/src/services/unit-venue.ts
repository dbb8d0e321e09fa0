import type { Actor, DomainError } from '@firebreak/domain';
import { findVenueById, type Db, type VenueRow } from '@firebreak/db';
import { DomainFailure } from '../application/failure';

export const WRONG_VENUE: DomainError = {
  code: 'ACCESS.WRONG_VENUE',
  message: 'This belongs to another venue',
  messageZh: '无权访问其他单位的数据',
};

/** A refusal, not a malformed request (the transports map ACCESS.WRONG_VENUE to forbidden). */
export function wrongVenue(): DomainFailure {
  return new DomainFailure(WRONG_VENUE);
}

/** Refuses a subject that is not the unit's own venue's. */
export function assertOwnVenue(subjectVenueId: string | null, venueId: string): void {
  if (subjectVenueId !== venueId) throw wrongVenue();
}

export interface UnitScope {
  readonly venue: VenueRow;
  /**
   * The unit account as the kernel sees it: its jurisdiction is its venue's,
   * whatever the account row says, so the lifecycle guards place it exactly
   * where its venue is.
   */
  readonly actor: Actor;
}

export async function unitScope(db: Db, actor: Actor, venueId: string): Promise<UnitScope> {
  const venue = await findVenueById(db, venueId);
  if (!venue) throw new DomainFailure({ code: 'VENUE.NOT_FOUND', message: 'Your venue no longer exists', messageZh: '本单位场所信息不存在' });
  return { venue, actor: { ...actor, jurisdictionId: venue.jurisdictionId } };
}
