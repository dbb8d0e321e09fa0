import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../database';
import { jurisdictions } from '../schema/jurisdictions';
import { responsiblePersons, venues } from '../schema/venues';

/** Jurisdictions by name and code: what an import file may name. */
export function listJurisdictionNames(db: Db): Promise<{ id: string; name: string; code: string | null }[]> {
  return db.select({ id: jurisdictions.id, name: jurisdictions.name, code: jurisdictions.code }).from(jurisdictions);
}

/**
 * Of the given (name, address) pairs, already normalized as the kernel's venueImportKey does
 * (NFKC, spaces collapsed, lower case), those a venue in the library already has. One
 * parameter (a JSON array) whatever the number of pairs, joined by hash.
 */
export async function existingVenueKeys(db: Db, pairs: readonly { n: string; a: string }[]): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const norm = (col: unknown) => sql`lower(regexp_replace(btrim(normalize(${col}, NFKC)), '\\s+', ' ', 'g'))`;
  const rows = await queryRows<{ n: string; a: string }>(
    db,
    sql`select distinct k.n, k.a from jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as k(n text, a text)
        join venues v on ${norm(sql.raw('v.name'))} = k.n and ${norm(sql.raw('v.address'))} = k.a`,
  );
  return new Set(rows.map((r) => `${r.n}\u0000${r.a}`));
}

export interface LibraryVenue {
  readonly id: string;
  readonly name: string;
  readonly address: string;
  readonly categories: readonly string[];
  readonly jurisdictionId: string;
  readonly creditCode: string | null;
  readonly lat: number | null;
  readonly lng: number | null;
  readonly publicToken: string;
}

export interface LibraryPerson {
  readonly venueId: string;
  readonly role: 'responsible' | 'manager';
  readonly name: string;
  readonly phoneSealed: string;
}

// Parameters per statement stay far below PostgreSQL's 65,535.
const VENUE_CHUNK = 4_000;
const PERSON_CHUNK = 8_000;
const COPY_CHUNK = 25_000;

/** COPY text format: backslash, tab, newline and carriage return escaped; null is \N. */
function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  return String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** A PostgreSQL text[] literal, each element quoted. */
const textArray = (values: readonly string[]) => `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;

interface PostgresJsTx {
  (strings: TemplateStringsArray, ...values: unknown[]): unknown;
  unsafe(query: string): { writable(): Promise<NodeJS.WritableStream> };
}
interface PgliteTx {
  query(sql: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
}

/**
 * COPY inside the caller's transaction, on the connection drizzle holds for it (postgres.js: the
 * reserved transaction connection; PGlite: its transaction handle, reading /dev/blob). False when
 * the handle is neither, and the caller falls back to multi-row INSERTs.
 */
async function copyInTransaction(tx: Db, table: string, columns: readonly string[], rows: readonly (string | number | null)[][]): Promise<boolean> {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  const statement = (from: string) => `copy ${table} (${columns.join(', ')}) from ${from}`;
  if (typeof client === 'function' && typeof (client as Partial<PostgresJsTx>).unsafe === 'function') {
    for (let i = 0; i < rows.length; i += COPY_CHUNK) {
      const text = rows.slice(i, i + COPY_CHUNK).map((r) => r.map(copyField).join('\t')).join('\n') + '\n';
      const stream = await (client as PostgresJsTx).unsafe(statement('stdin')).writable();
      await new Promise<void>((resolve, reject) => {
        stream.on('error', reject);
        stream.on('finish', () => resolve());
        stream.write(text);
        stream.end();
      });
    }
    return true;
  }
  if (typeof client === 'object' && client !== null && typeof (client as Partial<PgliteTx>).query === 'function' && !('unsafe' in client)) {
    for (let i = 0; i < rows.length; i += COPY_CHUNK) {
      const text = rows.slice(i, i + COPY_CHUNK).map((r) => r.map(copyField).join('\t')).join('\n') + '\n';
      await (client as PgliteTx).query(statement(`'/dev/blob'`), [], { blob: new Blob([text]) });
    }
    return true;
  }
  return false;
}

/** Venues and their two persons in the caller's transaction (the import is all or nothing). */
export async function insertLibraryVenues(tx: Db, rows: readonly LibraryVenue[], persons: readonly LibraryPerson[]): Promise<void> {
  const copied = await copyInTransaction(
    tx,
    'venues',
    ['id', 'name', 'address', 'lat', 'lng', 'categories', 'jurisdiction_id', 'credit_code', 'public_token'],
    rows.map((v) => [v.id, v.name, v.address, v.lat, v.lng, textArray(v.categories), v.jurisdictionId, v.creditCode, v.publicToken]),
  );
  if (copied) {
    await copyInTransaction(tx, 'responsible_persons', ['venue_id', 'role', 'name', 'phone_sealed'], persons.map((p) => [p.venueId, p.role, p.name, p.phoneSealed]));
    return;
  }
  for (let i = 0; i < rows.length; i += VENUE_CHUNK) {
    await tx.insert(venues).values(
      rows.slice(i, i + VENUE_CHUNK).map((v) => ({
        id: v.id,
        name: v.name,
        address: v.address,
        categories: [...v.categories],
        jurisdictionId: v.jurisdictionId,
        creditCode: v.creditCode,
        lat: v.lat,
        lng: v.lng,
        publicToken: v.publicToken,
      })),
    );
  }
  for (let i = 0; i < persons.length; i += PERSON_CHUNK) {
    await tx.insert(responsiblePersons).values(persons.slice(i, i + PERSON_CHUNK).map((p) => ({ venueId: p.venueId, role: p.role, name: p.name, phoneSealed: p.phoneSealed })));
  }
}

export interface LibraryExportRow {
  readonly id: string;
  readonly name: string;
  readonly address: string;
  readonly categories: string[];
  readonly jurisdictionId: string;
  readonly creditCode: string | null;
  readonly lat: number | null;
  readonly lng: number | null;
  readonly responsibleName: string | null;
  readonly responsiblePhoneSealed: string | null;
  readonly managerName: string | null;
  readonly managerPhoneSealed: string | null;
}

/** Active venues of the given jurisdictions with their current persons, a keyset page by id. */
export async function listLibraryPage(db: Db, input: { jurisdictionIds: readonly string[]; afterId: string | null; limit: number }): Promise<LibraryExportRow[]> {
  if (input.jurisdictionIds.length === 0) return [];
  const person = (role: 'responsible' | 'manager', col: 'name' | 'phone_sealed') =>
    sql<string | null>`(select p.${sql.raw(col)} from responsible_persons p where p.venue_id = "venues"."id" and p.role = ${role} and p.ended_at is null limit 1)`;
  return db
    .select({
      id: venues.id,
      name: venues.name,
      address: venues.address,
      categories: venues.categories,
      jurisdictionId: venues.jurisdictionId,
      creditCode: venues.creditCode,
      lat: venues.lat,
      lng: venues.lng,
      responsibleName: person('responsible', 'name'),
      responsiblePhoneSealed: person('responsible', 'phone_sealed'),
      managerName: person('manager', 'name'),
      managerPhoneSealed: person('manager', 'phone_sealed'),
    })
    .from(venues)
    .where(and(eq(venues.status, 'active'), inArray(venues.jurisdictionId, [...input.jurisdictionIds]), input.afterId ? gt(venues.id, input.afterId) : undefined))
    .orderBy(asc(venues.id))
    .limit(input.limit);
}

/** How many venues the library holds in these jurisdictions (the import page shows it before and after). */
export async function countLibraryVenues(db: Db, jurisdictionIds: readonly string[]): Promise<number> {
  if (jurisdictionIds.length === 0) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(venues)
    .where(and(eq(venues.status, 'active'), inArray(venues.jurisdictionId, [...jurisdictionIds])));
  return row?.n ?? 0;
}
