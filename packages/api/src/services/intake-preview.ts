import { z } from 'zod';
import { alreadyBeingHandled, isInsideServedArea, isRiskCategoryCode, DEFAULT_DUPLICATE_CONFIG, type Label, type ReportStatus } from '@firebreak/domain';
import { findVenueById, listReportsForDuplicateCheck } from '@firebreak/db';

import { DomainFailure } from '../application/failure';
import type { IntakeDeps } from './receipt-access';
import { duplicateCheckReport } from './duplicate-candidates';
import { placeReport, type JurisdictionBasis } from './report-jurisdiction';

export const intakePreviewInput = z
  .object({
    riskCategory: z.string().trim().max(60).optional(),
    venueId: z.uuid().optional(),
    location: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).optional(),
  })
  .refine((v) => v.venueId !== undefined || v.location !== undefined, { message: 'Name a venue or a place', path: ['location'] });

/** Why the handling jurisdiction is the one shown, in the reporter's words. */
const BASIS_LABELS: Readonly<Record<JurisdictionBasis, Label>> = {
  venue: { zh: '按所选场所的辖区', en: 'the chosen venue’s jurisdiction' },
  boundary: { zh: '按位置所在的辖区范围', en: 'the jurisdiction whose area this place lies in' },
  nearest_venue: { zh: '按位置附近场所的辖区', en: 'the jurisdiction of the nearest venue to this place' },
  api_key: { zh: '按上报平台的辖区', en: 'the reporting platform’s jurisdiction' },
  city_root: { zh: '由市级值班台分派', en: 'the city duty desk, which assigns it' },
};

export interface IntakePreview {
  /** False when the place is outside the area this system serves (filing would be refused). */
  readonly served: boolean;
  readonly jurisdiction: { readonly id: string; readonly name: string } | null;
  /** Names from the top of the tree down to the handling jurisdiction, e.g. ['浙江省（示例）', '示范市', '东湖区', '湖滨街道']. */
  readonly path: readonly string[];
  readonly basis: JurisdictionBasis | null;
  readonly basisLabel: Label | null;
  /** A report about this venue and category is already being handled (the kernel's public hint). */
  readonly alreadyBeingHandled: boolean;
}

/**
 * What the portal shows before sending: which jurisdiction will handle the
 * report and why (the same placement filing uses), whether the place is served
 * at all, and the duplicate hint. Reads only; nothing is stored.
 */
export async function previewIntake(deps: IntakeDeps, input: z.infer<typeof intakePreviewInput>): Promise<IntakePreview> {
  const ref = await deps.services.reference.get(deps.db);
  const venue = input.venueId !== undefined ? await findVenueById(deps.db, input.venueId) : null;
  if (input.venueId !== undefined && !venue) throw new DomainFailure({ code: 'VENUE.NOT_FOUND', message: 'The venue does not exist', messageZh: '所选场所不存在' });
  const at = venue && venue.lat !== null && venue.lng !== null ? { lat: venue.lat, lng: venue.lng } : (input.location ?? null);
  const served = at === null || isInsideServedArea(ref.servedArea, at);
  const now = deps.clock();
  let handled = false;
  if (venue && input.riskCategory && isRiskCategoryCode(input.riskCategory)) {
    const windowMs = DEFAULT_DUPLICATE_CONFIG.windowHours * 3_600_000;
    const pool = await listReportsForDuplicateCheck(deps.db, { riskCategory: input.riskCategory, from: new Date(now.getTime() - windowMs), to: now });
    handled = alreadyBeingHandled(
      { venueId: venue.id, riskCategory: input.riskCategory, at: now.toISOString() },
      pool.map((r) => ({ ...duplicateCheckReport(r), status: r.status as ReportStatus })),
    );
  }
  if (!served || at === null) return { served, jurisdiction: null, path: [], basis: null, basisLabel: null, alreadyBeingHandled: handled };
  const placement = await placeReport(deps.db, ref.tree, { venueId: venue?.id ?? null, location: at, apiKeyId: null });
  const node = ref.tree.node(placement.jurisdictionId);
  return {
    served,
    jurisdiction: node ? { id: node.id, name: node.name } : null,
    path: node ? ref.tree.path(node.id) : [],
    basis: placement.basis,
    basisLabel: BASIS_LABELS[placement.basis],
    alreadyBeingHandled: handled,
  };
}
