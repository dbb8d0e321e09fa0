import { randomBytes, randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { TRPCError } from '@trpc/server';
import type { Actor } from '@firebreak/domain';
import type { LifecycleEntity } from '@firebreak/db';
import { insertUpload, insertUser } from '@firebreak/db';
import { runTransition } from '../kernel/run-transition';
import { createCaller } from '../root';
import { createContextInner, DomainFailure } from '../trpc';
import type { World, WorldUserKey } from './world';

/**
 * Helpers for the staff-router integration tests: fixtures made through the
 * routers that own each step (public intake, unit, staff), the acting person of
 * a world user, and assertions on coded refusals and on "nothing changed".
 */

export function depsOf(world: World) {
  return { db: world.db.db, services: world.services, clock: () => world.now };
}

/** The kernel actor a world user acts as (what the session resolves to). */
export async function actorOf(world: World, key: WorldUserKey): Promise<Actor> {
  const me = await world.as(key).auth.me();
  return { userId: me.userId, name: me.name, role: me.role, departmentId: me.departmentId, jurisdictionId: me.jurisdictionId };
}

/**
 * One more staff account beyond the world's fixed cast (district B has a single
 * inspector, and two are needed on site), with a tRPC caller acting as it.
 */
export async function addStaff(world: World, spec: { username: string; name: string; role: Actor['role']; departmentId: string; jurisdictionId: string }) {
  const id = await insertUser(world.db.db, {
    username: spec.username,
    displayName: spec.name,
    role: spec.role,
    passwordHash: 'not-used-in-tests',
    departmentId: spec.departmentId,
    jurisdictionId: spec.jurisdictionId,
  });
  const actor: Actor = { userId: id, name: spec.name, role: spec.role, departmentId: spec.departmentId, jurisdictionId: spec.jurisdictionId };
  const caller = createCaller(
    createContextInner({ db: world.db.db, services: world.services, session: { sessionId: `test-${spec.username}`, actor, venueId: null }, clock: () => world.now }),
  );
  return { id, actor, caller };
}

export interface ReportFixture {
  readonly venue?: 'A' | 'B';
  readonly riskCategory?: string;
  readonly description?: string;
  readonly lat?: number;
  readonly lng?: number;
}

/** A report filed by the public through the public intake router (web channel, no identity unless `contact`). */
export async function fileReport(world: World, f: ReportFixture & { contact?: { name: string; phone: string } } = {}): Promise<string> {
  const venue = f.venue ?? 'A';
  const r = await world.public().public.reports.submit({
    idempotencyKey: randomUUID(),
    riskCategory: f.riskCategory ?? 'evacuation_blocked',
    description: f.description ?? '安全出口被货物堵塞',
    location: { lat: f.lat ?? (venue === 'A' ? 30.0 : 30.1), lng: f.lng ?? (venue === 'A' ? 120.0 : 120.1), address: venue === 'A' ? '甲区人民路1号' : '乙区解放路2号' },
    venueId: world.venues[venue],
    ...(f.contact ? { contact: f.contact } : {}),
  });
  return r.reportId;
}

/** Any lifecycle step taken as a given actor through the one transition path (for steps other routers own). */
export function actAs<S extends { status: string }, E extends LifecycleEntity>(
  world: World,
  actor: Actor,
  entity: E,
  id: string,
  apply: Parameters<typeof runTransition<S, E>>[4],
) {
  return runTransition<S, E>(depsOf(world), actor, entity, id, apply);
}

export async function errorOf(p: Promise<unknown>): Promise<TRPCError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCError) return e;
    throw e;
  }
  throw new Error('expected the call to be refused');
}

export function domainCodeOf(e: TRPCError): string | null {
  return e.cause instanceof DomainFailure ? e.cause.domain.code : ((e.cause as { code?: string } | undefined)?.code ?? null);
}

/** Refused with this domain code (and, when given, this transport code). */
export async function expectRefused(p: Promise<unknown>, domainCode: string | RegExp, trpcCode?: TRPCError['code']): Promise<TRPCError> {
  const e = await errorOf(p);
  const code = domainCodeOf(e);
  if (typeof domainCode === 'string') expect(code).toBe(domainCode);
  else expect(code).toMatch(domainCode);
  if (trpcCode) expect(e.code).toBe(trpcCode);
  return e;
}

/** Refused by input validation (zod), before any kernel or database work. */
export async function expectInvalidInput(p: Promise<unknown>): Promise<void> {
  const e = await errorOf(p);
  expect(e.code).toBe('BAD_REQUEST');
  expect(e.cause?.name).toBe('ZodError');
}

const TABLE_OF: Record<LifecycleEntity, string> = {
  report: 'reports',
  hazard: 'hazards',
  inspection: 'inspections',
  enforcement: 'enforcement_actions',
  referral: 'referrals',
  listing: 'listings',
  reward: 'rewards',
  claim: 'claims',
  disclosure: 'disclosure_requests',
  campaign_task: 'campaign_tasks',
};

/** Test-only raw reads (fixed SQL text): postgres.js answers with an array, PGlite with { rows }. */
export async function rawRows<T>(world: World, text: string): Promise<T[]> {
  const result: unknown = await world.db.db.execute(text);
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

/**
 * Everything a refused command could have touched: the row's version and the
 * row counts of the tables a write would add to.
 */
export async function snapshot(world: World, entity?: LifecycleEntity, id?: string) {
  const count = async (table: string) => Number((await rawRows<{ n: number }>(world, `select count(*)::int as n from "${table}"`))[0]?.n ?? 0);
  const tables = ['audit_log', 'hazard_events', 'outbox', 'deadlines', 'hazards', 'reports', 'inspections', 'enforcement_actions', 'referrals', 'listings', 'determinations', 'messages', 'signatures', 'inspection_inspectors'];
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t] = await count(t);
  let version: number | null = null;
  if (entity && id) {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error(`not a uuid: ${id}`);
    const rows = await rawRows<{ version: number }>(world, `select version from "${TABLE_OF[entity]}" where id = '${id}'`);
    version = rows[0]?.version ?? null;
  }
  return { counts, version };
}

/** Asserts the refused call left the database exactly as it was (the call starts only after the first snapshot). */
export async function expectNoChange(world: World, call: () => Promise<unknown>, domainCode: string | RegExp, target?: { entity: LifecycleEntity; id: string }) {
  const before = await snapshot(world, target?.entity, target?.id);
  await expectRefused(call(), domainCode);
  const after = await snapshot(world, target?.entity, target?.id);
  expect(after).toEqual(before);
}

export const newId = () => randomUUID();

export type ReportStage = 'submitted' | 'accepted' | 'verifying' | 'substantiated' | 'unfounded' | 'replied';

/**
 * A public report at `venue` moved to `stage` through the staff routers by that
 * side's inspector (A: inspectorA1, B: inspectorB1). Substantiation registers one
 * hazard from the report first. Returns the report id and any hazard id.
 */
export async function reportAt(world: World, stage: ReportStage, f: ReportFixture = {}): Promise<{ reportId: string; hazardId: string | null }> {
  const reportId = await fileReport(world, f);
  const staff = world.as((f.venue ?? 'A') === 'A' ? 'inspectorA1' : 'inspectorB1');
  let hazardId: string | null = null;
  if (stage === 'submitted') return { reportId, hazardId };
  await staff.reports.accept({ id: reportId });
  if (stage === 'accepted') return { reportId, hazardId };
  await staff.reports.startVerification({ id: reportId });
  if (stage === 'verifying') return { reportId, hazardId };
  if (stage === 'unfounded') {
    await staff.reports.findUnfounded({ id: reportId, reason: '现场核查未发现举报情况' });
    return { reportId, hazardId };
  }
  const hazard = await staff.hazards.register({
    source: 'report',
    sourceRef: reportId,
    venueId: world.venues[f.venue ?? 'A'],
    riskCategory: 'evacuation_blocked',
    description: '二层安全出口被货物堵塞',
  });
  hazardId = hazard.id;
  await staff.reports.substantiate({ id: reportId, hazardIds: [hazardId] });
  if (stage === 'substantiated') return { reportId, hazardId };
  await staff.reports.reply({ id: reportId, text: '经核查属实，已责令整改。' });
  return { reportId, hazardId };
}

export type HazardStage = 'found' | 'confirmed' | 'ordered' | 'remediation_submitted' | 'verified' | 'closed';

/**
 * A hazard at venue A or B moved to `stage`: registered from a grid patrol and
 * confirmed and ordered by that side's inspector, remediated by the unit itself
 * (through the kernel path, as the unit router would), re-inspected by the second
 * A inspector (B: the same inspector) and closed by that side's supervisor.
 */
export async function hazardAt(world: World, stage: HazardStage, venue: 'A' | 'B' = 'A', dueDate = '2026-03-10'): Promise<string> {
  const inspector = world.as(venue === 'A' ? 'inspectorA1' : 'inspectorB1');
  const { id } = await inspector.hazards.register({ source: 'grid_patrol', venueId: world.venues[venue], riskCategory: 'ebike_indoor', description: '大厅内电动自行车充电' });
  if (stage === 'found') return id;
  await inspector.hazards.confirm({ id });
  if (stage === 'confirmed') return id;
  await inspector.hazards.order({ id, correction: { mode: 'deadline', dueDate }, noticeRef: `责改〔2026〕${id.slice(0, 4)}号` });
  if (stage === 'ordered') return id;
  await submitRemediationAsUnit(world, venue, id);
  if (stage === 'remediation_submitted') return id;
  await world.as(venue === 'A' ? 'inspectorA2' : 'inspectorB1').hazards.reinspectPass({ id, signatureRef: `sig-${id}` });
  if (stage === 'verified') return id;
  await world.as(venue === 'A' ? 'supervisorA' : 'supervisorB').hazards.close({ id });
  return id;
}

/** A fresh (unattached) photo upload, as the upload endpoint leaves it. */
export async function freshUpload(world: World): Promise<string> {
  const id = randomUUID();
  return insertUpload(world.db.db, {
    id,
    sha256: randomBytes(32).toString('hex'),
    mime: 'image/jpeg',
    sizeBytes: 1024,
    width: 640,
    height: 480,
    sealedOriginalKey: `originals/${id}`,
    displayKey: `display/${id}.jpg`,
    uploadedByUserId: null,
  });
}

/** The unit's own step (整改材料) through the unit router, with a photo as evidence. */
export async function submitRemediationAsUnit(world: World, venue: 'A' | 'B', hazardId: string) {
  const photo = await freshUpload(world);
  return world.as(venue === 'A' ? 'unitA' : 'unitB').unit.hazards.submitRemediation({ hazardId, evidence: '已清理，改为室外集中充电', attachmentIds: [photo] });
}
