import { z } from 'zod';
import { createHazard, stamp, type ChecklistItem, type HazardState } from '@firebreak/domain';
import { recordSelfInspection } from '@firebreak/db';
import { runCreate } from '../kernel/run-transition';

import type { IntakeDeps } from './receipt-access';
import type { UnitScope } from './unit-venue';
import { venueChecklist } from './venue-checklist';
import { DomainFailure } from '../application/failure';

export const selfInspectionItemsSchema = z
  .array(
    z.object({
      itemId: z.string().trim().min(1).max(80),
      ok: z.boolean(),
      note: z.string().trim().max(1_000).optional(),
    }),
  )
  .min(1)
  .max(300);
export type SelfInspectionItems = z.infer<typeof selfInspectionItemsSchema>;

export interface SelfInspectionResult {
  readonly selfInspectionId: string;
  readonly checked: number;
  readonly hazardIds: readonly string[];
  /** The record's place in the audit chain. */
  readonly auditSeq: number;
}

/**
 * 自查: the unit answers its checklist; every failed item goes on the hazard
 * ledger through the kernel's createHazard (source self_inspection), and the
 * record (kept in the audit chain) commits with those hazards or not at all.
 */
export async function submitSelfInspection(deps: IntakeDeps, scope: UnitScope, items: SelfInspectionItems): Promise<SelfInspectionResult> {
  const now = deps.clock();
  const checklist = await venueChecklist(deps.db, scope.venue.categories, now);
  const byId = new Map(checklist.items.map((i) => [i.id, i]));
  const seen = new Set<string>();
  for (const answer of items) {
    if (seen.has(answer.itemId)) {
      throw new DomainFailure({ code: 'SELF_INSPECTION.DUPLICATE_ITEM', message: `Item ${answer.itemId} is answered twice`, messageZh: '同一检查项重复填写', details: { itemId: answer.itemId } });
    }
    seen.add(answer.itemId);
    if (!byId.has(answer.itemId)) {
      throw new DomainFailure({
        code: 'SELF_INSPECTION.UNKNOWN_ITEM',
        message: `Item ${answer.itemId} is not on this venue's checklist`,
        messageZh: '检查项不在本单位适用的整治标准内',
        details: { itemId: answer.itemId },
      });
    }
  }
  await deps.services.reference.get(deps.db);
  const selfInspectionId = deps.services.newId();
  const { venue, actor } = scope;

  return deps.db.transaction(async (tx) => {
    const hazardIds: string[] = [];
    for (const answer of items) {
      if (answer.ok) continue;
      const item = byId.get(answer.itemId) as ChecklistItem;
      const note = answer.note?.trim() ?? '';
      const created = await runCreate<HazardState, 'hazard'>(
        { ...deps, db: tx },
        actor,
        'hazard',
        (k) =>
          createHazard(
            {
              jurisdictionId: venue.jurisdictionId,
              venueId: venue.id,
              source: 'self_inspection',
              sourceRef: selfInspectionId,
              riskCategory: item.riskCategory,
              checkItemId: item.id,
              description: note === '' ? item.text.zh : `${item.text.zh}（${note}）`,
              foundAt: now.toISOString(),
            },
            k,
          ),
        (s) => ({
          id: s.id,
          jurisdictionId: s.jurisdictionId,
          venueId: s.venueId,
          checkItemId: checklist.rowIdOf(item),
          riskCategory: s.riskCategory,
          source: 'self_inspection',
        }),
      );
      hazardIds.push(created.id);
    }
    const auditSeq = await recordSelfInspection(tx, {
      id: selfInspectionId,
      venueId: venue.id,
      by: stamp(actor, now),
      items: items.map((a) => ({ itemId: a.itemId, ok: a.ok, note: a.note?.trim() || null })),
      standards: checklist.standards.map((s) => ({ category: s.category, version: s.version })),
      hazardIds,
    });
    return { selfInspectionId, checked: items.length, hazardIds, auditSeq };
  });
}
