import { randomUUID } from 'node:crypto';
import {
  createHazard,
  createInspection,
  createReward,
  transitionHazard,
  transitionInspection,
  transitionReport,
  transitionReward,
  type Actor,
  type HazardState,
  type InspectionState,
  type ReportState,
  type RewardState,
} from '@firebreak/domain';
import { runCreate, runTransition } from '../kernel/run-transition';
import type { World, WorldUserKey } from './world';

/**
 * Staff-side steps the intake tests need before a reporter or unit can act:
 * hazards ordered, inspections recorded, reports handled, rewards notified.
 * They go through the kernel and runCreate/runTransition, exactly as the staff
 * routers do, so the rows carry real states and audit trails.
 */

export async function actorOf(world: World, key: WorldUserKey): Promise<Actor> {
  const me = await world.as(key).auth.me();
  return { userId: me.userId, name: me.name, role: me.role, departmentId: me.departmentId, jurisdictionId: me.jurisdictionId };
}

const depsOf = (world: World) => ({ db: world.db.db, services: world.services, clock: () => world.now });

/** China-local date `days` after world.now, YYYY-MM-DD. */
export function chinaDateAfter(world: World, days: number): string {
  return new Date(world.now.getTime() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

const VENUE_SIDE = {
  A: { inspector: 'inspectorA1', jurisdiction: 'gridA' },
  B: { inspector: 'inspectorB1', jurisdiction: 'streetB' },
} as const;

/** A hazard at venue A or B, confirmed and ordered to be corrected by a deadline. */
export async function orderedHazard(world: World, side: 'A' | 'B', description = '疏散通道堆放杂物'): Promise<string> {
  const inspector = await actorOf(world, VENUE_SIDE[side].inspector);
  const deps = depsOf(world);
  const created = await runCreate<HazardState, 'hazard'>(
    deps,
    inspector,
    'hazard',
    (k) =>
      createHazard(
        {
          jurisdictionId: world.j[VENUE_SIDE[side].jurisdiction],
          venueId: world.venues[side],
          source: 'grid_patrol',
          sourceRef: null,
          riskCategory: 'evacuation_blocked',
          description,
        },
        k,
      ),
    (s) => ({ id: s.id, jurisdictionId: s.jurisdictionId, venueId: s.venueId, riskCategory: s.riskCategory, source: 'grid_patrol' }),
  );
  await runTransition<HazardState, 'hazard'>(deps, inspector, 'hazard', created.id, (s, k) => transitionHazard(s, { type: 'confirm' }, k));
  await runTransition<HazardState, 'hazard'>(deps, inspector, 'hazard', created.id, (s, k) =>
    transitionHazard(s, { type: 'order', correction: { mode: 'deadline', dueDate: chinaDateAfter(world, 14) }, noticeRef: '甲消责改字〔2026〕1号' }, k),
  );
  return created.id;
}

export const PRIVATE_REMARK = '检查组内部意见：负责人态度恶劣';

/**
 * An inspection of venue A recorded and signed by both inspectors, waiting for
 * the unit's confirmation; with `planned`, only planned (any venue).
 */
export async function inspectionAt(world: World, side: 'A' | 'B', upTo: 'planned' | 'recorded' = 'recorded'): Promise<string> {
  const deps = depsOf(world);
  const lead = await actorOf(world, side === 'A' ? 'inspectorA1' : 'inspectorB1');
  const second = await actorOf(world, 'inspectorA2');
  const member = (a: Actor) => ({ userId: a.userId, name: a.name, role: a.role, departmentId: a.departmentId });
  const created = await runCreate<InspectionState, 'inspection'>(
    deps,
    lead,
    'inspection',
    (k) =>
      createInspection(
        {
          jurisdictionId: world.j[VENUE_SIDE[side].jurisdiction],
          venueId: world.venues[side],
          source: 'campaign',
          plannedFor: chinaDateAfter(world, 0),
          team: [member(lead), member(second)],
        },
        k,
      ),
    (s) => ({ id: s.id, jurisdictionId: s.jurisdictionId, venueId: s.venueId, source: 'campaign', departmentId: lead.departmentId! }),
  );
  if (upTo === 'planned') return created.id;
  const step = (a: Actor, f: (s: InspectionState, k: Parameters<typeof transitionInspection>[2]) => ReturnType<typeof transitionInspection>) =>
    runTransition<InspectionState, 'inspection'>(deps, a, 'inspection', created.id, f);
  await step(lead, (s, k) => transitionInspection(s, { type: 'start', presentInspectorIds: [lead.userId, second.userId] }, k));
  await step(lead, (s, k) =>
    transitionInspection(
      s,
      {
        type: 'record',
        findings: [{ riskCategory: 'ebike_indoor', description: '一楼大厅电动自行车充电' }],
        signatureRef: 'sig:lead',
        privateRemark: PRIVATE_REMARK,
      },
      k,
    ),
  );
  await step(second, (s, k) => transitionInspection(s, { type: 'sign', signatureRef: 'sig:second' }, k));
  return created.id;
}

/** Completes a confirmed inspection (the team lead closes it). */
export async function completeInspection(world: World, inspectionId: string): Promise<void> {
  const lead = await actorOf(world, 'inspectorA1');
  await runTransition<InspectionState, 'inspection'>(depsOf(world), lead, 'inspection', inspectionId, (s, k) => transitionInspection(s, { type: 'complete' }, k));
}

export const INTERNAL_NOTE = '内部备注：举报人疑似该店前员工';

/** Accepts, assigns and substantiates a report of venue A, leaving an internal note and a public one on the way. */
export async function substantiateReport(world: World, reportId: string): Promise<string> {
  const deps = depsOf(world);
  const inspector = await actorOf(world, 'inspectorA1');
  const supervisor = await actorOf(world, 'supervisorA');
  const hazardId = await orderedHazard(world, 'A', '举报核查发现：安全出口上锁');
  const step = (a: Actor, f: (s: ReportState, k: Parameters<typeof transitionReport>[2]) => ReturnType<typeof transitionReport>) =>
    runTransition<ReportState, 'report'>(deps, a, 'report', reportId, f);
  await step(inspector, (s, k) => transitionReport(s, { type: 'accept', publicNote: '您的举报已受理', internalNote: INTERNAL_NOTE }, k));
  await step(supervisor, (s, k) =>
    transitionReport(s, { type: 'assign', assignee: { userId: inspector.userId, name: inspector.name, role: inspector.role, departmentId: inspector.departmentId } }, k),
  );
  await step(inspector, (s, k) => transitionReport(s, { type: 'substantiate', hazardIds: [hazardId] }, k));
  return hazardId;
}

/** A reward for a report, assessed, determined, approved by a second person and notified: open for claims (or stopped at `upTo`). */
export async function notifiedReward(
  world: World,
  input: { reportId: string; jurisdictionId: string; hazardId: string; anonymous: boolean; whistleblower?: boolean; upTo?: 'determined' | 'notified' | 'withheld' },
): Promise<string> {
  const deps = depsOf(world);
  const officer = await actorOf(world, 'rewardOfficer');
  const approver = await actorOf(world, 'supervisorA');
  const created = await runCreate<RewardState, 'reward'>(
    deps,
    officer,
    'reward',
    (k) =>
      createReward(
        {
          reportId: input.reportId,
          jurisdictionId: input.jurisdictionId,
          hazardIds: [input.hazardId],
          channel: input.whistleblower ? 'whistleblower' : 'public',
          anonymous: input.anonymous,
        },
        k,
      ),
    (s) => ({ id: s.id, jurisdictionId: s.jurisdictionId, reportId: s.reportId }),
  );
  const step = (a: Actor, f: (s: RewardState, k: Parameters<typeof transitionReward>[2]) => ReturnType<typeof transitionReward>) =>
    runTransition<RewardState, 'reward'>(deps, a, 'reward', created.id, f);
  await step(officer, (s, k) => transitionReward(s, { type: 'assess_eligible' }, k));
  await step(officer, (s, k) =>
    transitionReward(s, { type: 'determine', amountFen: 20_000, rulesVersion: 'default-2025.1', factors: [{ code: 'tier', zh: '一般隐患', en: 'General', effectFen: 20_000 }] }, k),
  );
  if (input.upTo === 'determined') return created.id;
  await step(approver, (s, k) => transitionReward(s, { type: 'approve' }, k));
  await step(officer, (s, k) => transitionReward(s, { type: 'notify' }, k));
  if (input.upTo === 'withheld') await step(approver, (s, k) => transitionReward(s, { type: 'withhold', reason: '经核查举报人系该单位消防安全管理人' }, k));
  return created.id;
}

/** An idempotency key as a client would make one. */
export const newKey = (): string => randomUUID();

/** Row counts of the tables intake procedures write, to prove a refused call changed nothing. */
export async function rowCounts(world: World): Promise<Record<string, number>> {
  const { schema } = await import('@firebreak/db');
  const db = world.db.db;
  const tables = {
    reports: schema.reports,
    messages: schema.messages,
    idempotencyKeys: schema.idempotencyKeys,
    auditLog: schema.auditLog,
    outbox: schema.outbox,
    hazards: schema.hazards,
    claims: schema.claims,
    commitments: schema.commitments,
    responsiblePersons: schema.responsiblePersons,
    attachments: schema.attachments,
    deadlines: schema.deadlines,
  };
  const out: Record<string, number> = {};
  // Sequential: PGlite has one connection.
  for (const [name, table] of Object.entries(tables)) out[name] = (await db.select().from(table)).length;
  return out;
}
