import type { DomainError } from '../common/errors';
import { drawInputsSchema, type DrawInputs, type DrawInspector, type DrawUnit } from './draw-inputs';
import type { InspectorTuple, UnitTuple } from './draw-population';
import type { DrawOutput } from './run-draw';
import { verifyDraw } from './verify-draw';
import { verifyCommitment, type DrawCommitment } from './draw-commitment';

/**
 * What a draw row's `inputs` holds, as draws.run writes it and every reader
 * (draws.verify, public.draws.get) reads it: the kernel's DrawInputs under
 * `draw`, the two frozen lists (the verifier also reads them as the published
 * tuples), and the start
 * of the penalised/reported look-back. `output` is the kernel's DrawOutput.
 */
export interface StoredDrawInputs {
  readonly draw: DrawInputs;
  readonly units: DrawUnit[];
  readonly inspectors: DrawInspector[];
  readonly flagsSince: string;
}

export type DrawVerificationOutcome =
  | { readonly status: 'verified'; readonly seed: string; readonly selections: number }
  | { readonly status: 'mismatch'; readonly error: DomainError }
  | { readonly status: 'not_replayable'; readonly missing: readonly string[] };

function unitFrom(u: unknown): DrawUnit | null {
  if (Array.isArray(u)) {
    const [id, category, jurisdictionId, regionId, penalisedLastYear, reported, previousInspectorIds] = u as UnitTuple;
    return { id, category, jurisdictionId, regionId, penalisedLastYear, reported, previousInspectorIds: previousInspectorIds ?? [] };
  }
  return typeof u === 'object' && u !== null ? (u as DrawUnit) : null;
}

function inspectorFrom(i: unknown): DrawInspector | null {
  if (Array.isArray(i)) {
    const [id, regionId, departmentId] = i as InspectorTuple;
    return { id, regionId, departmentId };
  }
  return typeof i === 'object' && i !== null ? (i as DrawInspector) : null;
}

/**
 * Re-runs a published draw with the kernel's verifyDraw, as any member of the public could: the
 * server's public.draws.get and the portal's "verify in your browser" button run this same code.
 */
export function verifyPublishedDraw(draw: {
  readonly inputs: Record<string, unknown>;
  readonly output: Record<string, unknown>;
  /** The commitment published before the random value (fb-draw-2), and when the draw ran. */
  readonly commitment?: Record<string, unknown> | null;
  readonly drawnAt?: string | null;
}): DrawVerificationOutcome {
  const missing: string[] = [];
  const parsed = drawInputsSchema.safeParse(draw.inputs.draw);
  if (!parsed.success) missing.push('inputs.draw');
  const rawUnits = draw.inputs.units;
  const rawInspectors = draw.inputs.inspectors;
  if (!Array.isArray(rawUnits)) missing.push('inputs.units');
  if (!Array.isArray(rawInspectors)) missing.push('inputs.inspectors');
  if (!parsed.success || !Array.isArray(rawUnits) || !Array.isArray(rawInspectors)) return { status: 'not_replayable', missing };
  const units = rawUnits.map(unitFrom);
  const inspectors = rawInspectors.map(inspectorFrom);
  if (units.some((u) => u === null) || inspectors.some((i) => i === null)) return { status: 'not_replayable', missing: ['inputs.units', 'inputs.inspectors'] };
  const inputs: DrawInputs = parsed.data;
  const committed = inputs.algorithmVersion !== 'fb-draw-1';
  if (committed && (typeof draw.commitment !== 'object' || draw.commitment === null)) return { status: 'not_replayable', missing: ['commitment'] };
  const verdict = verifyDraw(inputs, units as DrawUnit[], inspectors as DrawInspector[], draw.output as unknown as DrawOutput);
  if (verdict.ok && committed) {
    const honoured = verifyCommitment(draw.commitment as unknown as DrawCommitment, inputs, draw.output as unknown as DrawOutput, draw.drawnAt ?? null);
    if (!honoured.ok) return { status: 'mismatch', error: honoured.error };
  }
  return verdict.ok ? { status: 'verified', seed: verdict.value.seed, selections: verdict.value.selections } : { status: 'mismatch', error: verdict.error };
}
