import {
  DEFAULT_ENFORCEMENT_RULES,
  publicHazardView,
  type EnforcementActionState,
  type HazardState,
  type Label,
  type ListingState,
  type PublicHazardView,
} from '@firebreak/domain';
import { listExposures, listHazardStates, type Db } from '@firebreak/db';

export interface ExposureEntry {
  readonly source: 'listing' | 'enforcement';
  readonly id: string;
  readonly label: Label;
  /** When it was made public. */
  readonly at: string;
  readonly venue: { readonly name: string; readonly address: string; readonly publicToken: string } | null;
  /** The hazards behind it, through the kernel's public hazard projection. */
  readonly hazards: readonly PublicHazardView[];
}

const LISTING_LABEL: Label = { zh: '重大火灾隐患挂牌督办', en: 'Major hazard under listed supervision' };

/**
 * 曝光台: listings staff published or exposed and executed exposure actions,
 * newest first. Only the venue's public fields and the hazards' public
 * projections are shown; decisions, people, facts and evidence stay inside.
 */
export async function exposureBoard(db: Db, page: { limit: number; offset: number }): Promise<{ items: ExposureEntry[]; nextOffset: number | null }> {
  const rows = await listExposures(db, { limit: page.limit + 1, offset: page.offset });
  const pageRows = rows.slice(0, page.limit);
  const hazardIdsOf = (state: Record<string, unknown>): string[] => {
    const ids = (state as unknown as Pick<ListingState | EnforcementActionState, 'hazardIds'>).hazardIds;
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  };
  const hazardIds = [...new Set(pageRows.flatMap((r) => hazardIdsOf(r.state)))];
  const hazards = new Map(((await listHazardStates(db, hazardIds)) as unknown as HazardState[]).map((h) => [h.id, publicHazardView(h)]));
  const exposureLabel = DEFAULT_ENFORCEMENT_RULES.actions.public_exposure.label;
  const items = pageRows.map(
    (r): ExposureEntry => ({
      source: r.source,
      id: r.id,
      label: r.source === 'listing' ? LISTING_LABEL : { zh: exposureLabel.zh, en: exposureLabel.en },
      at: r.at.toISOString(),
      venue: r.venueName !== null && r.venueAddress !== null && r.venuePublicToken !== null ? { name: r.venueName, address: r.venueAddress, publicToken: r.venuePublicToken } : null,
      hazards: hazardIdsOf(r.state)
        .map((id) => hazards.get(id))
        .filter((h): h is PublicHazardView => h !== undefined),
    }),
  );
  return { items, nextOffset: rows.length > page.limit ? page.offset + page.limit : null };
}
