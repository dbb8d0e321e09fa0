import type { ReportState } from '../lifecycles/report';
import type { JurisdictionTree } from '../org/jurisdiction-tree';
import { isOpen311Visible, open311Request, type Open311Request } from './open311-request';

/** A fire-rescue agency and the jurisdiction it is seated in (a department of kind fire agency). */
export interface FireAgencySeat {
  readonly name: string;
  readonly nameEn: string | null;
  readonly jurisdictionId: string;
}

/** Every field GeoReport v2 lists for a request; the two we never hold are null. */
export type Open311PublicRequest = Open311Request & { readonly address_id: null; readonly zipcode: null };

/** The fire-rescue agency seated nearest above (or at) a jurisdiction, named in the caller's language. */
export function agencyResolver(
  tree: Pick<JurisdictionTree, 'ancestors'>,
  agencies: readonly FireAgencySeat[],
  locale: 'zh-CN' | 'en',
): (jurisdictionId: string) => string | null {
  const byJurisdiction = new Map<string, string>();
  for (const a of [...agencies].sort((x, y) => x.name.localeCompare(y.name))) {
    if (!byJurisdiction.has(a.jurisdictionId)) byJurisdiction.set(a.jurisdictionId, locale === 'en' && a.nameEn ? a.nameEn : a.name);
  }
  return (jurisdictionId) => {
    for (const id of [jurisdictionId, ...tree.ancestors(jurisdictionId).reverse()]) {
      const name = byJurisdiction.get(id);
      if (name !== undefined) return name;
    }
    return null;
  };
}

/**
 * The one public projection of reports for every door that shows a report by its
 * service request id (Open311 `requests`, tRPC `public.reports.status`): visible
 * reports only, with the responsible agency named from the jurisdiction tree.
 */
export function open311PublicRequests(
  reports: readonly ReportState[],
  ctx: { readonly tree: Pick<JurisdictionTree, 'ancestors'>; readonly agencies: readonly FireAgencySeat[]; readonly locale: 'zh-CN' | 'en' },
): Open311PublicRequest[] {
  const agencyOf = agencyResolver(ctx.tree, ctx.agencies, ctx.locale);
  return reports
    .filter(isOpen311Visible)
    .map((r) => ({ ...open311Request(r, { locale: ctx.locale, agencyResponsible: agencyOf(r.jurisdictionId) }), address_id: null, zipcode: null }));
}
