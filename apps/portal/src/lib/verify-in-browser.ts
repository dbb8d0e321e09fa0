import { drawInputsSchema, type DrawInputs } from '@firebreak/domain/sampling/draw-inputs';
import type { DrawInspector, DrawUnit } from '@firebreak/domain/sampling/draw-inputs';
import type { UnitTuple, InspectorTuple } from '@firebreak/domain/sampling/draw-population';
import type { DrawOutput } from '@firebreak/domain/sampling/run-draw';
import { verifyDraw } from '@firebreak/domain/sampling/verify-draw';

/**
 * The public's own check of a published draw: the kernel's verifyDraw, run in
 * this browser on the published inputs, lists and output. Loaded only when
 * someone presses the button. Published rows come in two shapes: the kernel's
 * DrawInputs with `units`/`inspectors` beside them, or (as draws.run stores
 * them) `{ draw: DrawInputs, units, inspectors }`; both are read.
 */
export type BrowserVerdict =
  | { readonly status: 'verified'; readonly seed: string; readonly selections: number }
  | { readonly status: 'mismatch'; readonly message: string; readonly messageZh: string }
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

export function verifyInBrowser(published: { inputs: Record<string, unknown>; output: Record<string, unknown> }): BrowserVerdict {
  const raw = published.inputs;
  const nested = typeof raw.draw === 'object' && raw.draw !== null ? (raw.draw as Record<string, unknown>) : null;
  const parsed = drawInputsSchema.safeParse(nested ?? raw);
  const missing: string[] = [];
  if (!parsed.success) missing.push('inputs');
  if (!Array.isArray(raw.units)) missing.push('inputs.units');
  if (!Array.isArray(raw.inspectors)) missing.push('inputs.inspectors');
  if (!parsed.success || !Array.isArray(raw.units) || !Array.isArray(raw.inspectors)) return { status: 'not_replayable', missing };
  const units = raw.units.map(unitFrom);
  const inspectors = raw.inspectors.map(inspectorFrom);
  if (units.some((u) => u === null) || inspectors.some((i) => i === null)) return { status: 'not_replayable', missing: ['inputs.units', 'inputs.inspectors'] };
  const inputs: DrawInputs = parsed.data;
  const verdict = verifyDraw(inputs, units as DrawUnit[], inspectors as DrawInspector[], published.output as unknown as DrawOutput);
  return verdict.ok
    ? { status: 'verified', seed: verdict.value.seed, selections: verdict.value.selections }
    : { status: 'mismatch', message: verdict.error.message, messageZh: verdict.error.messageZh };
}
