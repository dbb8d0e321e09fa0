import { randomBytes } from 'node:crypto';
import { authorize, stamp, validateVenueImport, venueImportKey, type VenueSheetRow } from '@firebreak/domain';
import {
  appendAudit,
  countLibraryVenues,
  existingVenueKeys,
  insertLibraryVenues,
  listJurisdictionNames,
  listLibraryPage,
  type LibraryPerson,
  type LibraryVenue,
} from '@firebreak/db';
import { requireAccess, type StaffContext } from '../access';
import { DomainFailure, unwrap } from '../failure';

/** The unit library belongs to the venue catalog: admin.catalog, in the admin's own subtree. */
const CAPABILITY = 'admin.catalog' as const;

export interface ImportVenuesResult {
  readonly inserted: number;
  readonly importId: string;
}

/**
 * 单位库导入: validates every row with the kernel (validateVenueImport), then writes every venue,
 * its responsible person and manager (phones sealed per venue and role) and one audit entry in
 * one transaction. Any bad row refuses the whole file with every issue listed: nothing is
 * half-imported.
 */
export async function importVenues(ctx: StaffContext, input: { rows: readonly VenueSheetRow[]; fileName: string | null }): Promise<ImportVenuesResult> {
  const ref = await requireAccess(ctx, CAPABILITY, { jurisdictionId: ctx.jurisdictionRoot });
  const pairs = new Map<string, { n: string; a: string }>();
  for (const r of input.rows) {
    const name = r.cells.name ?? '';
    const address = r.cells.address ?? '';
    if (name.trim() === '' || address.trim() === '') continue;
    const key = venueImportKey(name, address);
    const [n, a] = key.split('\u0000') as [string, string];
    pairs.set(key, { n, a });
  }
  const [jurisdictions, existingKeys] = await Promise.all([listJurisdictionNames(ctx.db), existingVenueKeys(ctx.db, [...pairs.values()])]);
  const venues = unwrap(
    validateVenueImport(input.rows, {
      jurisdictions,
      inScope: (id) => authorize(ctx.actor, CAPABILITY, { jurisdictionId: id }, ref.tree).ok,
      existingKeys,
    }),
  );

  const { newId, sealer } = ctx.services;
  const rows: LibraryVenue[] = [];
  const persons: LibraryPerson[] = [];
  for (const v of venues) {
    const id = newId();
    rows.push({ id, name: v.name, address: v.address, categories: v.categories, jurisdictionId: v.jurisdictionId, creditCode: v.creditCode, lat: v.lat, lng: v.lng, publicToken: randomBytes(16).toString('hex') });
    for (const role of ['responsible', 'manager'] as const) {
      const p = v[role];
      persons.push({ venueId: id, role, name: p.name, phoneSealed: sealer.seal(p.phone, `responsible_persons.phone:${id}:${role}`) });
    }
  }
  const importId = newId();
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    await insertLibraryVenues(tx, rows, persons);
    await appendAudit(tx, {
      entity: 'venue_import',
      entityId: importId,
      action: 'import',
      from: null,
      to: 'imported',
      by: stamp(ctx.actor, now),
      data: { jurisdictionId: ctx.jurisdictionRoot, venues: rows.length, ...(input.fileName ? { fileName: input.fileName } : {}), firstVenueId: rows[0]?.id ?? null },
    });
  });
  if (rows.some((r) => r.lat !== null)) ctx.services.reference.invalidate(); // the served area follows the located venues
  return { inserted: rows.length, importId };
}

function subtreeOf(ctx: StaffContext, tree: { descendants(id: string): string[] }): string[] {
  return [ctx.jurisdictionRoot, ...tree.descendants(ctx.jurisdictionRoot)];
}

/** How many venues the admin's subtree holds. */
export async function countVenueLibrary(ctx: StaffContext): Promise<{ venues: number }> {
  const ref = await requireAccess(ctx, CAPABILITY, { jurisdictionId: ctx.jurisdictionRoot });
  return { venues: await countLibraryVenues(ctx.db, subtreeOf(ctx, ref.tree)) };
}

/**
 * One keyset page of the unit library in the import layout (phones opened: the file is the
 * admin's working copy of the library). The first page of an export is audited.
 */
export async function exportVenueLibraryPage(ctx: StaffContext, input: { afterId: string | null; limit: number }) {
  const ref = await requireAccess(ctx, CAPABILITY, { jurisdictionId: ctx.jurisdictionRoot });
  const page = await listLibraryPage(ctx.db, { jurisdictionIds: subtreeOf(ctx, ref.tree), afterId: input.afterId, limit: input.limit });
  if (input.afterId === null) {
    const now = ctx.clock();
    await appendAudit(ctx.db, { entity: 'venue_export', entityId: ctx.services.newId(), action: 'export', from: null, to: null, by: stamp(ctx.actor, now), data: { jurisdictionId: ctx.jurisdictionRoot } });
  }
  const codes = new Map((await listJurisdictionNames(ctx.db)).map((j) => [j.id, j]));
  const open = (sealed: string | null, id: string, role: string) => {
    if (!sealed) return '';
    try {
      return ctx.services.sealer.openString(sealed, `responsible_persons.phone:${id}:${role}`);
    } catch (error) {
      if (error instanceof DomainFailure) throw error;
      return ''; // a phone sealed under another context (older rows) is left out, not guessed
    }
  };
  return page.map((v) => {
    const j = codes.get(v.jurisdictionId);
    return {
      id: v.id,
      name: v.name,
      address: v.address,
      categories: v.categories,
      // The code when there is one: names repeat across districts, codes do not.
      jurisdiction: j?.code ?? j?.name ?? '',
      jurisdictionName: j?.name ?? '',
      creditCode: v.creditCode ?? '',
      responsibleName: v.responsibleName ?? '',
      responsiblePhone: open(v.responsiblePhoneSealed, v.id, 'responsible'),
      managerName: v.managerName ?? '',
      managerPhone: open(v.managerPhoneSealed, v.id, 'manager'),
      lat: v.lat,
      lng: v.lng,
    };
  });
}

