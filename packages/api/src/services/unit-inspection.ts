import {
  auditEffect,
  guard,
  inspectionLifecycle,
  riskCategoryLabel,
  transitionInspection,
  type Effect,
  type InspectionState,
  type Label,
} from '@firebreak/domain';
import { applyEffects, findInspectionVenue, loadLifecycle } from '@firebreak/db';
import { runTransition, transitionContext } from '../kernel/run-transition';
import { toTRPCError } from '../trpc';
import type { IntakeDeps } from './receipt-access';
import { assertOwnVenue, type UnitScope } from './unit-venue';

/**
 * An inspection record as the inspected unit reads it before signing: the
 * findings and who signed for the agency. The team's private remarks and the
 * planning details stay with the agency.
 */
export interface UnitInspectionView {
  readonly id: string;
  readonly status: InspectionState['status'];
  readonly plannedFor: string;
  readonly findings: readonly { readonly id: string; readonly riskCategory: Label & { readonly code: string }; readonly description: string; readonly photoRefs: readonly string[] }[];
  readonly inspectorSignatures: readonly { readonly name: string; readonly at: string }[];
  readonly unitConfirmation: { readonly signerName: string; readonly capacity: string; readonly at: string } | null;
}

export function unitInspectionView(s: InspectionState): UnitInspectionView {
  return {
    id: s.id,
    status: s.status,
    plannedFor: s.plannedFor,
    findings: s.findings.map((f) => ({ id: f.id, riskCategory: riskCategoryLabel(f.riskCategory), description: f.description, photoRefs: [...f.photoRefs] })),
    inspectorSignatures: s.signatures.map((sig) => ({ name: sig.name, at: sig.at })),
    unitConfirmation: s.unitConfirmation ? { signerName: s.unitConfirmation.signerName, capacity: s.unitConfirmation.capacity, at: s.unitConfirmation.at } : null,
  };
}

const NOT_FOUND = { code: 'INSPECTION.NOT_FOUND', message: 'No such inspection', messageZh: '检查记录不存在' };

async function ownInspection(deps: IntakeDeps, scope: UnitScope, inspectionId: string): Promise<void> {
  const found = await findInspectionVenue(deps.db, inspectionId);
  if (!found) throw toTRPCError(NOT_FOUND);
  assertOwnVenue(found.venueId, scope.venue.id);
}

/** The unit signs the record (kernel transition `confirm`). */
export async function confirmInspection(
  deps: IntakeDeps,
  scope: UnitScope,
  input: { inspectionId: string; signerName: string; capacity: 'responsible_person' | 'manager'; signatureRef: string },
): Promise<UnitInspectionView> {
  await ownInspection(deps, scope, input.inspectionId);
  const saved = await runTransition<InspectionState, 'inspection'>(deps, scope.actor, 'inspection', input.inspectionId, (s, k) =>
    transitionInspection(s, { type: 'confirm', signerName: input.signerName, capacity: input.capacity, signatureRef: input.signatureRef }, k),
  );
  return unitInspectionView(saved.state);
}

/**
 * The unit declines to sign. The kernel records a refusal only from the
 * inspectors on site, before a witness (record_refusal); what the unit can do
 * is say so, with its reason, at the moment it could otherwise confirm (the
 * kernel's guard for `confirm` decides that moment). The statement goes into
 * the audit chain and to the inspectors on site; the record's status is left
 * for them to move.
 */
export async function refuseInspection(deps: IntakeDeps, scope: UnitScope, input: { inspectionId: string; reason: string }): Promise<{ inspectionId: string; status: InspectionState['status']; notified: number }> {
  await ownInspection(deps, scope, input.inspectionId);
  const row = await loadLifecycle<InspectionState>(deps.db, 'inspection', input.inspectionId);
  const now = deps.clock();
  const k = await transitionContext(deps.db, deps.services, scope.actor, now);
  const g = guard(inspectionLifecycle, row.state, 'confirm', k);
  if (!g.ok) throw toTRPCError(g.error);
  const s = row.state;
  const effects: Effect[] = [
    auditEffect(inspectionLifecycle, s.id, 'unit_refused_to_sign', s.status, s.status, k, { reason: input.reason }),
    ...s.presentInspectorIds.map(
      (userId): Effect => ({ type: 'notify', to: { kind: 'user', userId }, template: 'inspection.unit_refused', entity: 'inspection', entityId: s.id, data: { reason: input.reason } }),
    ),
  ];
  await applyEffects(deps.db, effects, { now });
  return { inspectionId: s.id, status: s.status, notified: s.presentInspectorIds.length };
}
