import { randomBytes, randomUUID } from 'node:crypto';
import {
  createHazard,
  createReport,
  createRewardClaim,
  transitionReport,
  type Actor,
  type HazardState,
  type ReportCommand,
  type ReportState,
  type RewardClaimState,
  type RewardState,
} from '@firebreak/domain';
import { findUserByUsername, insertJurisdiction, insertUser, loadLifecycle, receiptLookupHash, type Db } from '@firebreak/db';
import { newReceipt } from '../auth/secrets';
import { runCreate, runTransition } from '../kernel/run-transition';
import { createCaller } from '../root';
import { createContextInner } from '../trpc';
import { testHttp, type World, type WorldUserKey } from './world';

/**
 * Test data for the reward, disclosure and oversight routers: reports walked to
 * "substantiated" through the kernel (runCreate/runTransition, as the staff
 * routers do), rewards walked to any stage through the rewards router, claims
 * filed as the public would, and callers for people the world does not have.
 */

export type Caller = ReturnType<typeof createCaller>;

/** The world user's actor, read back from the users table. */
export async function actorOf(world: World, key: WorldUserKey): Promise<Actor> {
  const u = await findUserByUsername(world.db.db, key);
  if (!u) throw new Error(`no world user ${key}`);
  return { userId: u.id, name: u.displayName, role: u.role, departmentId: u.departmentId, jurisdictionId: u.jurisdictionId };
}

/** A tRPC caller acting as any actor, optionally on another database handle (a second connection). */
export function callerFor(world: World, actor: Actor, db: Db = world.db.db): Caller {
  return createCaller(
    createContextInner({
      db,
      services: world.services,
      session: { sessionId: `test-${actor.userId}`, actor, venueId: null },
      clock: () => world.now,
      http: testHttp(),
    }),
  );
}

/** An extra staff account (e.g. an officer of another city), stored so foreign keys to users hold. */
export async function staffUser(world: World, role: Actor['role'], jurisdictionId: string, name = '测试人员'): Promise<Actor> {
  const departmentId = world.d.detachment;
  const userId = await insertUser(world.db.db, {
    username: `extra-${randomBytes(6).toString('hex')}`,
    displayName: name,
    role,
    passwordHash: 'not-a-login-account',
    departmentId,
    jurisdictionId,
  });
  return { userId, name, role, departmentId, jurisdictionId };
}

const reporter = (): Actor => ({ userId: `public:${randomUUID()}`, name: '举报人', role: 'public', departmentId: null, jurisdictionId: null });

const deps = (world: World) => ({ db: world.db.db, services: world.services, clock: () => world.now });

/** A city next to the world's, outside every A-side and city-level scope. */
export async function addOtherCity(world: World): Promise<{ city: string; district: string }> {
  const city = randomUUID();
  const district = randomUUID();
  await insertJurisdiction(world.db.db, { id: city, parentId: world.j.province, level: 'city', name: '丙市' });
  await insertJurisdiction(world.db.db, { id: district, parentId: city, level: 'district', name: '丙区' });
  world.services.reference.invalidate();
  return { city, district };
}

export interface FiledReport {
  readonly reportId: string;
  readonly jurisdictionId: string;
}

/** A report as the public files it; `identity` makes it real-name (sealed as the intake does). */
export async function fileReport(
  world: World,
  opts: { jurisdictionId: string; venueId?: string | null; identity?: Record<string, unknown>; riskCategory?: string; whistleblower?: boolean },
): Promise<FiledReport> {
  const id = randomUUID();
  const anonymous = opts.identity === undefined;
  const identityRef = `report-identity:${id}`;
  await runCreate<ReportState, 'report'>(
    deps(world),
    opts.whistleblower ? { ...reporter(), role: 'whistleblower' } : reporter(),
    'report',
    (k) =>
      createReport(
        {
          id,
          jurisdictionId: opts.jurisdictionId,
          channel: opts.whistleblower ? 'whistleblower' : 'web',
          riskCategory: opts.riskCategory ?? 'illegal_storage',
          venueId: opts.venueId ?? null,
          location: { lat: 30, lng: 120, address: '测试路1号' },
          description: '楼道内堆放大量易燃杂物',
          anonymous,
          whistleblower: opts.whistleblower ?? false,
          reporterRef: anonymous ? null : identityRef,
        },
        k,
      ),
    (s) => ({
      id: s.id,
      jurisdictionId: s.jurisdictionId,
      receiptHash: receiptLookupHash(newReceipt(), world.services.receiptPepper),
      channel: opts.whistleblower ? 'whistleblower' : 'web',
      riskCategory: s.riskCategory,
      venueId: s.venueId,
      anonymous,
      whistleblower: opts.whistleblower ?? false,
      sealedIdentity: anonymous ? null : world.services.sealer.seal(opts.identity!, identityRef),
      submittedAt: world.now,
    }),
  );
  return { reportId: id, jurisdictionId: opts.jurisdictionId };
}

/**
 * Walks a report to "substantiated" as an inspector of its jurisdiction would:
 * accept, assign to themselves, register the hazard it revealed, substantiate.
 */
export async function substantiate(
  world: World,
  report: FiledReport,
  opts: { inspector: Actor; severity?: 'general' | 'major'; hazardCount?: number },
): Promise<{ hazardIds: string[] }> {
  const d = deps(world);
  const cmd = (c: ReportCommand) => runTransition<ReportState, 'report'>(d, opts.inspector, 'report', report.reportId, (s, k) => transitionReport(s, c, k));
  await cmd({ type: 'accept' });
  await cmd({
    type: 'assign',
    assignee: { userId: opts.inspector.userId, name: opts.inspector.name, role: opts.inspector.role, departmentId: opts.inspector.departmentId },
  });
  const hazardIds: string[] = [];
  for (let i = 0; i < (opts.hazardCount ?? 1); i++) {
    const h = await runCreate<HazardState, 'hazard'>(
      d,
      opts.inspector,
      'hazard',
      (k) =>
        createHazard(
          {
            jurisdictionId: report.jurisdictionId,
            venueId: null,
            source: 'report',
            sourceRef: report.reportId,
            riskCategory: 'illegal_storage',
            description: '核查发现楼道堆放易燃物',
          },
          k,
        ),
      (s) => ({ id: s.id, jurisdictionId: s.jurisdictionId, reportId: report.reportId, riskCategory: s.riskCategory, source: 'report', severity: opts.severity ?? 'general' }),
    );
    hazardIds.push(h.id);
  }
  await cmd({ type: 'substantiate', hazardIds });
  return { hazardIds };
}

/** A claim filed as the receipt intake does (services/claim-reward.ts): identity and payment sealed per column and row. */
export async function fileClaim(
  world: World,
  rewardId: string,
  opts: { identity?: Record<string, unknown>; payment?: Record<string, unknown> } = {},
): Promise<string> {
  const reward = await loadLifecycle<RewardState>(world.db.db, 'reward', rewardId);
  const identity = opts.identity ?? { name: '赵领奖', idNumber: '110101199001011234', phone: '13800000000' };
  const payment = opts.payment ?? { method: 'alipay', account: 'claimant@example.com' };
  const created = await runCreate<RewardClaimState, 'claim'>(
    deps(world),
    reporter(),
    'claim',
    (k) =>
      createRewardClaim(
        { reward: reward.state, sealedRef: `claim:${randomBytes(8).toString('hex')}`, identityGiven: true, paymentDetailsGiven: true, anonymousPolicy: 'identify_at_claim' },
        k,
      ),
    (s) => ({
      id: s.id,
      jurisdictionId: s.jurisdictionId,
      rewardId,
      sealedIdentity: world.services.sealer.seal({ identity }, `claims.sealed_identity:${s.id}`),
      sealedPayment: world.services.sealer.seal(payment, `claims.sealed_payment:${s.id}`),
      submittedAt: world.now,
    }),
  );
  return created.id;
}

export const REWARD_STAGES = ['candidate', 'eligible', 'determined', 'approved', 'notified', 'claim_submitted', 'claimed', 'paid'] as const;
export type RewardStage = (typeof REWARD_STAGES)[number];

export interface RewardPeople {
  readonly officer: Caller;
  readonly approver: Caller;
}

/** Opens a reward on a substantiated report and drives it through the router up to `stage`. */
export async function rewardAtStage(world: World, reportId: string, stage: RewardStage, people: RewardPeople): Promise<{ rewardId: string; claimId: string | null }> {
  const at = (s: RewardStage) => REWARD_STAGES.indexOf(s) <= REWARD_STAGES.indexOf(stage);
  const { id: rewardId } = await people.officer.rewards.open({ reportId });
  let claimId: string | null = null;
  if (at('eligible')) await people.officer.rewards.assessEligible({ rewardId });
  if (at('determined')) await people.officer.rewards.determine({ rewardId });
  if (at('approved')) await people.approver.rewards.approve({ rewardId });
  if (at('notified')) await people.officer.rewards.notify({ rewardId });
  if (at('claim_submitted')) claimId = await fileClaim(world, rewardId);
  if (at('claimed') && claimId) {
    await people.officer.rewards.claims.verifyIdentity({ claimId, method: '现场核验身份证原件' });
    await people.officer.rewards.claims.accept({ claimId });
  }
  if (at('paid')) await people.officer.rewards.pay({ rewardId, paymentReference: 'PAY-0001' });
  return { rewardId, claimId };
}
