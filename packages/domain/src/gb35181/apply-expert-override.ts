import { err, ok, type Result } from '../common/errors';
import type { MajorHazardDetermination } from './determine-major-hazard';

export interface ExpertOverrideInput {
  readonly major: boolean;
  readonly reason: string;
  readonly decisionId: string;
}

/**
 * Records the expert group's reasoned departure from the counting rules
 * (GB 35181-2017 5.3.4: other violations may be weighed). The computed result
 * stays in `decidedBy`/`override.computedMajor` so the audit shows both.
 *
 * Codes: GB35181.OVERRIDE_REASON_REQUIRED, GB35181.OVERRIDE_DECISION_REQUIRED,
 * GB35181.ALREADY_OVERRIDDEN (a second override needs a fresh determination, so
 * one record never hides an earlier expert decision).
 */
export function applyExpertOverride(
  determination: MajorHazardDetermination,
  override: ExpertOverrideInput,
): Result<MajorHazardDetermination> {
  if (determination.override) {
    return err('GB35181.ALREADY_OVERRIDDEN', 'This determination has already been overridden', '该判定结论已经专家改判，不能再次改判', {
      decisionId: determination.override.decisionId,
    });
  }
  const reason = override.reason.trim();
  if (reason.length === 0) {
    return err('GB35181.OVERRIDE_REASON_REQUIRED', 'An expert override needs a reason', '专家改判必须说明理由');
  }
  const decisionId = override.decisionId.trim();
  if (decisionId.length === 0) {
    return err('GB35181.OVERRIDE_DECISION_REQUIRED', 'An expert override must cite the decision that made it', '专家改判必须关联集体讨论或专家组决定');
  }
  return ok({
    ...determination,
    major: override.major,
    override: { major: override.major, reason, decisionId, computedMajor: determination.major },
  });
}
