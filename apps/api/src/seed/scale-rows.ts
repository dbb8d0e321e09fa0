import { randomBytes } from 'node:crypto';
import { isKeyVenueCategory } from '@firebreak/domain';
import type { BulkResponsiblePerson, BulkVenue } from '@firebreak/db';
import { creditCode, personName, STEMS, venueAttributes, weightedCategory } from './demo-venues';
import type { Random } from './random';

/** A leaf of the jurisdiction tree the scale seed spreads venues over. */
export interface ScalePlace {
  readonly id: string;
  readonly name: string;
}

export interface ScaleBatch {
  readonly venues: BulkVenue[];
  readonly persons: BulkResponsiblePerson[];
}

/**
 * A time-ordered UUID (version 7, RFC 9562): 48 bits of milliseconds, then
 * random bits. Ids that grow keep every insert at the right edge of the primary
 * key and of the responsible persons' foreign key lookups, instead of touching
 * a random page of a million-row index per row; the random part still makes
 * them unguessable enough for ids (public pages use public_token, not ids).
 */
export function uuidv7(ms: number, random: Buffer): string {
  const b = Buffer.alloc(16);
  b.writeUIntBE(ms, 0, 6);
  random.copy(b, 6, 0, 10);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Venues `start .. start+count-1` with their responsible person and manager.
 * The running number in the name keeps names unique without a lookup, so a
 * million rows cost no more per row than a thousand.
 */
export function scaleBatch(start: number, count: number, places: readonly ScalePlace[], rng: Random): ScaleBatch {
  if (places.length === 0) throw new Error('scale seed: no jurisdictions to place venues in');
  const venues: BulkVenue[] = [];
  const persons: BulkResponsiblePerson[] = [];
  const tokens = randomBytes(16 * count);
  const idBits = randomBytes(10 * count);
  // Strictly increasing across batches too: one millisecond step per venue from a fixed origin.
  const origin = Date.UTC(2026, 0, 1);
  for (let i = 0; i < count; i++) {
    const n = start + i;
    const place = places[n % places.length]!;
    const category = weightedCategory(rng);
    const id = uuidv7(origin + n, idBits.subarray(i * 10, (i + 1) * 10));
    venues.push({
      id,
      name: `${rng.pick(STEMS[category])}（${n + 1}号）`,
      address: `${place.name}${rng.int(1, 999)}号`,
      lat: Number((30.1 + rng.next() * 0.3).toFixed(6)),
      lng: Number((120.0 + rng.next() * 0.3).toFixed(6)),
      categories: [category],
      flags: isKeyVenueCategory(category) ? ['key_unit'] : [],
      attributes: venueAttributes(category, rng),
      jurisdictionId: place.id,
      creditCode: creditCode(rng),
      // Unguessable like every public token: from the CSPRNG, not the seeded generator.
      publicToken: tokens.subarray(i * 16, (i + 1) * 16).toString('hex'),
    });
    persons.push({ venueId: id, role: 'responsible', name: personName(rng), duties: null }, { venueId: id, role: 'manager', name: personName(rng), duties: null });
  }
  return { venues, persons };
}
