import { z } from 'zod';
import { rewardFactsSchema, type ReportState, type RewardFacts, type RewardState } from '@firebreak/domain';
import { getReportForReward, rewardFactRecords, type Db } from '@firebreak/db';
import { DomainFailure } from '../../application/failure';

/**
 * What only the reward officer can judge (relationships, malice, joint filers,
 * earlier payouts to the same person): the records cannot say it, so it is part
 * of the determination input and recorded with it.
 */
export const officerJudgementSchema = z.object({
  isFireAgencyStaffOrRelative: z.boolean().optional(),
  isUnitResponsiblePerson: z.boolean().optional(),
  hazardAlreadyKnown: z.boolean().optional(),
  underInspection: z.boolean().optional(),
  maliciousOrFalse: z.boolean().optional(),
  jointReporters: z.int().min(1).max(1000).optional(),
  alreadyPaidThisYearFen: z.int().min(0).max(100_000_000_000).optional(),
});
export type OfficerJudgement = z.infer<typeof officerJudgementSchema>;

/**
 * The facts computeReward needs, gathered from the report (category, channel,
 * anonymity, when it arrived), its hazards (severity, a GB 35181 major mark, whether
 * the agency had found it first), decided fines on them, and earlier reports of the
 * same hazards (first valid reporter).
 */
export async function gatherRewardFacts(db: Db, reward: RewardState, judgement: OfficerJudgement): Promise<{ facts: RewardFacts; receivedAt: Date }> {
  const report = await getReportForReward(db, reward.reportId);
  const rs = report.state as unknown as ReportState;
  const receivedAt = new Date(rs.receivedAt ?? report.submittedAt.toISOString());
  const records = await rewardFactRecords(db, { reportId: reward.reportId, hazardIds: reward.hazardIds, receivedAt });
  const major = records.hazards.some((h) => h.markedMajor || h.severity === 'major');
  const knownBefore = records.hazards.some((h) => h.source !== 'report' && h.foundAt !== null && Date.parse(h.foundAt) < receivedAt.getTime());
  const facts = rewardFactsSchema.safeParse({
    severity: major ? 'major' : 'general',
    riskCategory: rs.riskCategory ?? report.riskCategory ?? records.hazards[0]?.riskCategory,
    fineFen: records.fineFen,
    isFirstValidReporter: records.earlierReports === 0,
    jointReporters: judgement.jointReporters ?? 1,
    reporterKind: reward.channel === 'whistleblower' ? 'whistleblower' : 'public',
    anonymous: reward.anonymous,
    exclusionFlags: {
      isFireAgencyStaffOrRelative: judgement.isFireAgencyStaffOrRelative ?? false,
      isUnitResponsiblePerson: judgement.isUnitResponsiblePerson ?? false,
      hazardAlreadyKnown: (judgement.hazardAlreadyKnown ?? false) || knownBefore,
      underInspection: judgement.underInspection ?? false,
      maliciousOrFalse: judgement.maliciousOrFalse ?? false,
    },
    alreadyPaidThisYearFen: judgement.alreadyPaidThisYearFen ?? 0,
  });
  if (!facts.success) {
    throw new DomainFailure({
      code: 'REWARD.FACTS_INCOMPLETE',
      message: 'The records do not give the facts a reward is computed from',
      messageZh: '现有记录不足以核定奖励金额',
      details: { issues: facts.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) },
    });
  }
  return { facts: facts.data, receivedAt };
}
