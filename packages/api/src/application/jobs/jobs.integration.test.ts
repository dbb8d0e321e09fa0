import { randomUUID } from 'node:crypto';
import { DEFAULT_DELIVERY_POLICY } from '@firebreak/domain';
import { createDb, verifyAuditChain } from '@firebreak/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { depsOf, expectRefused, fileReport, freshUpload, hazardAt, rawRows } from '../../testing/staff-fixtures';
import { createWorld, type World } from '../../testing/world';
import { actorOf } from '../../testing/staff-fixtures';
import { fileReport as fileRewardReport, rewardAtStage, substantiate } from '../../testing/rewards-fixtures';
import { runOutboxJob, type NotificationChannels, type OutgoingMessage } from './deliver-outbox';
import type { JobDeps } from './job-deps';
import { runDeadlineJob } from './run-deadlines';
import { runRetentionJob } from './purge-retention';
import { findRetentionPurgeAt, sealedClaimIdentitiesForReport } from '@firebreak/db';

const tier = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world?.close());

const jobDeps = (): JobDeps => ({ ...depsOf(world), clock: () => world.now });
// Test-generated ids only are interpolated into this SQL.
const q = <T = Record<string, unknown>>(text: string) => rawRows<T>(world, text);
interface AuditRow { action: string; actor_user_id: string; actor_role: string; actor_name: string; from_status: string | null; to_status: string | null; data: Record<string, unknown> | null }
interface DeliveryRow { id: string; channel: string; status: string; attempts: number; next_attempt_at: Date | string; last_error: string | null; outbox_id: string }
const auditOf = (id: string, action?: string) => q<AuditRow>(`select * from audit_log where entity_id = '${id}'${action ? ` and action = '${action}'` : ''} order by seq`);
const ms = (v: Date | string) => new Date(v).getTime();
const at = (iso: string) => {
  world.now = new Date(iso);
};

describe(`the deadline job (${tier})`, () => {
  it('escalates a hazard whose correction deadline passed, as system:deadlines, notifies the supervisor, and does nothing twice', async () => {
    at('2026-03-02T02:00:00Z');
    const id = await hazardAt(world, 'ordered', 'A', '2026-03-10');
    // The day after the deadline, with no one touching the hazard.
    at('2026-03-11T02:00:00Z');
    const first = await runDeadlineJob(jobDeps());
    expect(first.escalated).toBeGreaterThanOrEqual(1);

    const [h] = await q<{ status: string; version: number }>(`select status, version from hazards where id = '${id}'`);
    expect(h).toMatchObject({ status: 'overdue', version: 4 });
    const entries = await auditOf(id);
    const escalation = entries.find((e) => e.action === 'escalate');
    expect(escalation).toMatchObject({ actor_user_id: 'system:deadlines', actor_role: 'system', from_status: 'ordered', to_status: 'overdue' });
    expect(escalation?.actor_name).toContain('系统');
    const queued = await q<{ recipient: { kind: string } }>(`select recipient from outbox where entity_id = '${id}' and template = 'hazard.overdue'`);
    expect(queued.map((o) => o.recipient.kind).sort()).toEqual(['role', 'unit']);

    // Killed and run again, or run on a second server: nothing changes twice.
    const again = await runDeadlineJob(jobDeps());
    expect(again).toMatchObject({ escalated: 0 });
    const entriesAfter = await auditOf(id);
    expect(entriesAfter).toHaveLength(entries.length);

    // The outbox job puts it in the district supervisor's "my work".
    await runOutboxJob(jobDeps(), {});
    const mine = await world.as('supervisorA').notifications.mine();
    expect(mine.filter((n) => n.entityId === id && n.template === 'hazard.overdue')).toHaveLength(1);
    expect(mine.find((n) => n.entityId === id)?.subject).toBe('隐患逾期未改：督办');
    const unitSees = await world.as('unitA').notifications.mine();
    expect(unitSees.some((n) => n.entityId === id && n.template === 'hazard.overdue')).toBe(true);
    // Not the other district's supervisor.
    expect((await world.as('supervisorB').notifications.mine()).some((n) => n.entityId === id)).toBe(false);
    await runOutboxJob(jobDeps(), {});
    const count = await q<DeliveryRow>(`select * from notification_deliveries where user_id = '${world.users.supervisorA.id}'`);
    expect(count.filter((c) => c.channel === 'in_app')).toHaveLength(new Set(count.map((c) => c.outbox_id)).size);
    expect((await verifyAuditChain(world.db.db)).ok).toBe(true);
  });

  it('raises a lapsed verification clock to the supervisor with an audit line, once', async () => {
    at('2026-03-02T02:00:00Z');
    const reportId = await fileReport(world, { riskCategory: 'evacuation_blocked' });
    at('2026-03-04T02:00:00Z'); // 24 h verification for a blocked exit has passed
    const r = await runDeadlineJob(jobDeps());
    expect(r.raised).toBeGreaterThanOrEqual(1);
    const [d] = await q<{ escalated_at: Date | string }>(`select escalated_at from deadlines where entity_id = '${reportId}' and kind = 'report.verification'`);
    expect(ms(d!.escalated_at)).toBe(Date.parse('2026-03-04T02:00:00.000Z'));
    const lines = await auditOf(reportId, 'deadline_overdue');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ actor_user_id: 'system:deadlines', data: { kind: 'report.verification', flag: 'overdue' } });
    const queued = await q<{ recipient: Record<string, unknown> }>(`select recipient from outbox where entity_id = '${reportId}' and template = 'deadline.overdue'`);
    expect(queued).toHaveLength(1);
    expect(queued[0]?.recipient).toMatchObject({ kind: 'role', role: 'fire_supervisor' });

    await runDeadlineJob(jobDeps());
    expect(await auditOf(reportId, 'deadline_overdue')).toHaveLength(1);
  });

  it('expires a reward whose claim window closed, as system:deadlines, once', async () => {
    at('2026-03-02T02:00:00Z');
    const r = await fileRewardReport(world, { jurisdictionId: world.j.districtA, identity: { name: '举报人', phone: '13600004444' } });
    await substantiate(world, r, { inspector: await actorOf(world, 'inspectorA1') });
    const { rewardId } = await rewardAtStage(world, r.reportId, 'notified', { officer: world.as('rewardOfficer'), approver: world.as('supervisorA') });
    const [d] = await q<{ due_at: Date | string }>(`select due_at from deadlines where entity_id = '${rewardId}' and kind = 'reward.claim_window'`);
    expect(d).toBeDefined();
    world.now = new Date(ms(d!.due_at) - 60_000);
    await runDeadlineJob(jobDeps());
    expect((await q<{ status: string }>(`select status from rewards where id = '${rewardId}'`))[0]?.status).toBe('notified');
    world.now = new Date(ms(d!.due_at) + 60_000);
    const first = await runDeadlineJob(jobDeps());
    expect(first.expired).toBeGreaterThanOrEqual(1);
    expect((await q<{ status: string }>(`select status from rewards where id = '${rewardId}'`))[0]?.status).toBe('expired');
    expect(await auditOf(rewardId, 'expire')).toEqual([expect.objectContaining({ actor_user_id: 'system:deadlines', from_status: 'notified', to_status: 'expired' })]);
    await runDeadlineJob(jobDeps());
    expect(await auditOf(rewardId, 'expire')).toHaveLength(1);
    // The clock is settled, so it is not raised as overdue work afterwards.
    expect(await auditOf(rewardId, 'deadline_overdue')).toHaveLength(0);
  });

  it('a run killed mid-way and run again changes nothing twice', async () => {
    at('2026-03-02T02:00:00Z');
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(await hazardAt(world, 'ordered', 'A', '2026-03-12'));
    at('2026-03-13T03:00:00Z');
    // The process "dies" before the third item: the reference read that precedes it throws.
    let reads = 0;
    const dying: JobDeps = {
      ...jobDeps(),
      services: {
        ...world.services,
        reference: {
          get: (db) => {
            if (++reads === 3) throw new Error('killed');
            return world.services.reference.get(db);
          },
          invalidate: () => world.services.reference.invalidate(),
        },
      },
    };
    await expect(runDeadlineJob(dying)).rejects.toThrow('killed');
    const done = (await Promise.all(ids.map((id) => auditOf(id, 'escalate')))).map((l) => l.length);
    expect(done.filter((n) => n === 1).length).toBeGreaterThan(0);
    expect(done.filter((n) => n === 0).length).toBeGreaterThan(0);
    await runDeadlineJob(jobDeps());
    for (const id of ids) expect(await auditOf(id, 'escalate'), id).toHaveLength(1);
    await runDeadlineJob(jobDeps());
    for (const id of ids) expect(await auditOf(id, 'escalate'), id).toHaveLength(1);
  });

  // PostgreSQL: two independent pools really race. PGlite (one connection): two runners interleave on it.
  it('processes each lapsed clock exactly once when two runners race', async () => {
    at('2026-03-02T02:00:00Z');
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push(await hazardAt(world, 'ordered', 'A', '2026-03-10'));
    at('2026-03-11T03:00:00Z');
    const second = world.db.url
      ? await createDb({ url: world.db.url, searchPath: world.db.schemaName!, migrationsSchema: world.db.schemaName!, migrate: false, maxConnections: 4 })
      : null;
    try {
      const other: JobDeps = { db: second?.db ?? world.db.db, services: world.services, clock: () => world.now };
      const [a, b] = await Promise.all([runDeadlineJob(jobDeps()), runDeadlineJob(other)]);
      expect(a.escalated + b.escalated).toBe(ids.length);
    } finally {
      await second?.close();
    }
    for (const id of ids) {
      const lines = await auditOf(id, 'escalate');
      expect(lines, id).toHaveLength(1);
    }
    expect((await verifyAuditChain(world.db.db)).ok).toBe(true);
  });
});

describe(`the outbox job (${tier})`, () => {
  it('reaches a reporter in-app and by SMS to the contact they left, which no handler or table sees', async () => {
    at('2026-03-05T02:00:00Z');
    const filed = await world.public().public.reports.submit({
      idempotencyKey: randomUUID(),
      riskCategory: 'evacuation_blocked',
      description: '安全出口被货物堵塞',
      location: { lat: 30.0, lng: 120.0, address: '甲区人民路1号' },
      venueId: world.venues.A,
      contact: { name: '匿名群众', phone: '13800001111' },
    });
    const reportId = filed.reportId;
    await world.as('inspectorA1').reports.accept({ id: reportId });
    const sms: { to: string; m: OutgoingMessage }[] = [];
    const channels: NotificationChannels = { sms: async (to, m) => void sms.push({ to, m }) };
    const r = await runOutboxJob(jobDeps(), channels);
    expect(r.sent).toBeGreaterThanOrEqual(1);
    const mine = sms.filter((s) => s.to === '13800001111' && s.m.text.includes('受理'));
    expect(mine).toHaveLength(1);
    expect(mine[0]?.to).toBe('13800001111');
    const rows = await q<DeliveryRow>(`select * from notification_deliveries where report_id = '${reportId}'`);
    expect(rows.map((x) => `${x.channel}:${x.status}`).sort()).toEqual(['in_app:sent', 'sms:sent']);
    expect(JSON.stringify(rows)).not.toContain('13800001111');
    const detail = await world.as('inspectorA1').reports.get({ id: reportId });
    expect(JSON.stringify(detail)).not.toContain('13800001111');
    // In-app: on the tracking page, by receipt.
    const tracked = await world.public().public.reports.track({ receipt: filed.receipt });
    expect(tracked.notifications.map((n) => n.template)).toContain('report.accepted');
    expect(tracked.notifications.find((n) => n.template === 'report.accepted')?.zh.subject).toBe('您的举报已受理');
    // Sent once: a second run sends nothing again.
    await runOutboxJob(jobDeps(), channels);
    expect(sms.filter((s) => s.to === '13800001111' && s.m.text.includes('受理'))).toHaveLength(1);
  });

  it('leaves deliveries of an unconfigured channel pending and says so', async () => {
    at('2026-03-05T03:00:00Z');
    const reportId = await fileReport(world, { contact: { name: '群众', phone: '13900002222' } });
    await world.as('inspectorA1').reports.accept({ id: reportId });
    const logged: string[] = [];
    await runOutboxJob({ ...jobDeps(), log: (m) => void logged.push(m) }, {});
    const [row] = await q<DeliveryRow>(`select * from notification_deliveries where report_id = '${reportId}' and channel = 'sms'`);
    expect(row).toMatchObject({ status: 'pending', attempts: 0 });
    expect(logged).toContain('notification channel not configured; deliveries stay pending');
  });

  it('retries a failing channel with exponential backoff, then dead-letters it where the admin sees it', async () => {
    at('2026-03-06T02:00:00Z');
    const reportId = await fileReport(world, { contact: { name: '群众', phone: '13700003333' } });
    await world.as('inspectorA1').reports.accept({ id: reportId });
    let calls = 0;
    const failing: NotificationChannels = {
      sms: async () => {
        calls++;
        throw new Error('webhook answered HTTP 500 for 13700003333');
      },
    };
    const policy = { ...DEFAULT_DELIVERY_POLICY, maxAttempts: 3 };
    const smsRow = async () =>
      (await q<DeliveryRow>(`select * from notification_deliveries where report_id = '${reportId}' and channel = 'sms'`))[0]!;
    // Other tests' pending SMS share the queue: count only this report's attempts.
    await runOutboxJob(jobDeps(), failing, { policy });
    let row = await smsRow();
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(ms(row.next_attempt_at) - world.now.getTime()).toBe(60_000);
    expect(row.last_error).toContain('HTTP 500');
    expect(row.last_error).not.toContain('13700003333');

    // Not due yet: nothing is tried.
    const before = calls;
    await runOutboxJob(jobDeps(), failing, { policy });
    expect((await smsRow()).attempts).toBe(1);
    expect(calls).toBe(before);

    at('2026-03-06T02:01:00Z');
    await runOutboxJob(jobDeps(), failing, { policy });
    row = await smsRow();
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect(ms(row.next_attempt_at) - world.now.getTime()).toBe(120_000);

    at('2026-03-06T02:03:00Z');
    await runOutboxJob(jobDeps(), failing, { policy });
    expect(await smsRow()).toMatchObject({ status: 'dead', attempts: 3 });

    const dead = await world.as('admin').admin.outbox.list({ status: 'dead' });
    expect(dead.find((d) => d.id === row.id)).toMatchObject({ channel: 'sms', attempts: 3, recipientKind: 'reporter' });
    expect(JSON.stringify(dead)).not.toContain('13700003333');
    await expectRefused(world.as('inspectorA1').admin.outbox.list({ status: 'dead' }), 'ACCESS.ROLE_NOT_ALLOWED', 'FORBIDDEN');
    await expectRefused(world.as('supervisorCity').admin.outbox.list({}), 'ACCESS.ROLE_NOT_ALLOWED', 'FORBIDDEN');

    // Requeued after the gateway is fixed, it goes out.
    expect(await world.as('admin').admin.outbox.requeue({ deliveryId: row.id })).toEqual({ requeued: true });
    const ok: string[] = [];
    await runOutboxJob(jobDeps(), { sms: async (to) => void ok.push(to) }, { policy });
    expect(ok).toContain('13700003333');
    expect(await smsRow()).toMatchObject({ status: 'sent' });
  });
});

describe(`the whistleblower retention job (${tier})`, () => {
  it('purges the sealed identity and attachment originals past the period, keeps the statistics and audits it, once', async () => {
    at('2026-03-02T02:00:00Z');
    const r = await fileRewardReport(world, { jurisdictionId: world.j.districtA, whistleblower: true, identity: { name: '内部员工', phone: '13500005555' } });
    const photo = await freshUpload(world);
    await world.db.db.execute(`update attachments set entity = 'report', entity_id = '${r.reportId}' where id = '${photo}'`);
    await world.as('inspectorA1').reports.reject({ id: r.reportId, reason: 'out_of_scope', explanation: '不属于消防监管范围' });
    const removed: string[] = [];
    const remove = async (key: string) => void removed.push(key);
    const policy = { whistleblowerDays: 365 };

    at('2026-12-01T02:00:00Z'); // within the year: kept
    expect(await runRetentionJob(jobDeps(), remove, { policy })).toMatchObject({ purged: 0 });
    expect((await q<{ sealed_identity: string | null }>(`select sealed_identity from reports where id = '${r.reportId}'`))[0]?.sealed_identity).not.toBeNull();

    at('2027-03-03T02:00:00Z');
    expect(await runRetentionJob(jobDeps(), remove, { policy })).toMatchObject({ purged: 1 });
    expect(removed).toEqual([`originals/${photo}`]);
    const [row] = await q<{ sealed_identity: string | null; status: string; risk_category: string; whistleblower: boolean }>(`select * from reports where id = '${r.reportId}'`);
    expect(row).toMatchObject({ sealed_identity: null, status: 'rejected', whistleblower: true });
    expect(row?.risk_category).toBeTruthy();
    const [file] = await q<{ sealed_original_key: string }>(`select sealed_original_key from attachments where id = '${photo}'`);
    expect(file?.sealed_original_key).toBe(`purged:${photo}`);
    expect(await auditOf(r.reportId, 'retention_purge')).toEqual([
      expect.objectContaining({ actor_user_id: 'system:retention', data: expect.objectContaining({ identity: true, attachments: 1, retentionDays: 365 }) }),
    ]);
    // What tracking by receipt tells the reporter: when the material was purged.
    expect((await findRetentionPurgeAt(world.db.db, r.reportId))?.toISOString()).toBe('2027-03-03T02:00:00.000Z');

    expect(await runRetentionJob(jobDeps(), remove, { policy })).toMatchObject({ purged: 0 });
    expect(removed).toHaveLength(1);
    expect(await auditOf(r.reportId, 'retention_purge')).toHaveLength(1);
  });

  it('purges a paid claim’s sealed identity and payment details past the period, keeps the claim and audits it, once', async () => {
    at('2026-03-02T02:00:00Z');
    const r = await fileRewardReport(world, { jurisdictionId: world.j.districtA, identity: { name: '领奖人', phone: '13600007777' } });
    await substantiate(world, r, { inspector: await actorOf(world, 'inspectorA1') });
    const { claimId } = await rewardAtStage(world, r.reportId, 'paid', { officer: world.as('rewardOfficer'), approver: world.as('supervisorA') });
    expect(claimId).not.toBeNull();
    const claim = async () => (await q<{ status: string; sealed_identity: string; sealed_payment: string }>(`select status, sealed_identity, sealed_payment from claims where id = '${claimId}'`))[0]!;
    expect((await claim()).sealed_identity.startsWith('fb1.')).toBe(true);
    const policy = { whistleblowerDays: 365 };
    const remove = async () => undefined;

    at('2027-02-01T02:00:00Z'); // within the year of the payment: kept
    expect((await runRetentionJob(jobDeps(), remove, { policy })).claimsPurged).toBe(0);
    expect((await claim()).sealed_payment.startsWith('fb1.')).toBe(true);

    at('2027-03-03T02:00:00Z');
    expect((await runRetentionJob(jobDeps(), remove, { policy })).claimsPurged).toBeGreaterThanOrEqual(1);
    expect(await claim()).toEqual({ status: 'paid', sealed_identity: `purged:${claimId}`, sealed_payment: `purged:${claimId}` });
    expect(await auditOf(claimId!, 'retention_purge')).toEqual([
      expect.objectContaining({ actor_user_id: 'system:retention', from_status: 'paid', to_status: 'paid', data: expect.objectContaining({ retentionDays: 365, payment: true }) }),
    ]);
    // A disclosure read afterwards has no claim identity left to open (and does not fail on the marker).
    expect(await sealedClaimIdentitiesForReport(world.db.db, r.reportId)).toEqual([]);

    expect((await runRetentionJob(jobDeps(), remove, { policy })).claimsPurged).toBe(0);
    expect(await auditOf(claimId!, 'retention_purge')).toHaveLength(1);
  });
});
