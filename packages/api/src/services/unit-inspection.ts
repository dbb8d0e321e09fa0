import { riskCategoryLabel, transitionInspection, type InspectionState, type Label } from '@firebreak/domain';
import { findInspectionVenue } from '@firebreak/db';
import { runTransition } from '../kernel/run-transition';

import type { IntakeDeps } from './receipt-access';
import { assertOwnVenue, type UnitScope } from './unit-venue';
import { DomainFailure } from '../application/failure';

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
  if (!found) throw new DomainFailure(NOT_FOUND);
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
 * The unit declines to sign (kernel transition `unit_refuse`): its statement and
 * reason go on the record, into the audit chain and to the inspectors on site.
 * The status stays 'recorded'; the inspectors' record_refusal before a witness
 * remains the legal record.
 */
export async function refuseInspection(deps: IntakeDeps, scope: UnitScope, input: { inspectionId: string; reason: string }): Promise<{ inspectionId: string; status: InspectionState['status']; notified: number }> {
  await ownInspection(deps, scope, input.inspectionId);
  const saved = await runTransition<InspectionState, 'inspection'>(deps, scope.actor, 'inspection', input.inspectionId, (s, k) =>
    transitionInspection(s, { type: 'unit_refuse', reason: input.reason }, k),
  );
  return { inspectionId: saved.id, status: saved.state.status, notified: saved.state.presentInspectorIds.length };
}
