import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOpen311Reports, schema } from '@firebreak/db';
import { createWorld, type World } from '../testing/world';
import { newKey, notifiedReward, rowCounts, substantiateReport } from '../testing/intake-fixtures';

let world: World;
beforeAll(async () => {
  world = await createWorld();
}, 120_000);
afterAll(async () => world?.close());

const tip = (over: Record<string, unknown> = {}) => ({
  idempotencyKey: newKey(),
  riskCategory: 'facilities_disabled',
  description: '老板让关掉了喷淋系统的总阀',
  location: { lat: 30, lng: 120, address: '甲区人民路1号' },
  venueId: world.venues.A,
  ...over,
});

const identity = { name: '员工周九', phone: '13811112222', idNumber: '110105199001011234', position: '仓库管理员' };

async function reportRow(id: string) {
  return (await world.db.db.select().from(schema.reports)).find((r) => r.id === id)!;
}

describe('whistleblower.policy', () => {
  it('states the configured retention period to anyone, without a session', async () => {
    expect(await world.public().whistleblower.policy()).toEqual({ retentionDays: world.services.whistleblowerRetentionDays });
    expect(world.services.whistleblowerRetentionDays).toBe(1095);
  });
});

describe('whistleblower.submit', () => {
  it('files through the whistleblower channel, flagged, sealed and never visible to Open311', async () => {
    const anonymous = await world.public().whistleblower.submit(tip());
    const named = await world.public().whistleblower.submit(tip({ identity }));
    const a = await reportRow(anonymous.reportId);
    const n = await reportRow(named.reportId);
    expect(a).toMatchObject({ channel: 'whistleblower', whistleblower: true, anonymous: true, sealedIdentity: null, jurisdictionId: world.j.gridA });
    expect(n).toMatchObject({ channel: 'whistleblower', whistleblower: true, anonymous: false });
    expect(world.services.sealer.open(n.sealedIdentity!, `report-identity:${named.reportId}`)).toEqual(identity);
    expect(JSON.stringify({ ...n, sealedIdentity: null })).not.toContain(identity.name);
    expect(named.urgent).toBe(true);

    const open311 = (await listOpen311Reports(world.db.db, { limit: 100 })).map((s) => s.id);
    expect(open311).not.toContain(anonymous.reportId);
    expect(open311).not.toContain(named.reportId);

    const audit = (await world.db.db.select().from(schema.auditLog)).filter((e) => e.entityId === named.reportId);
    expect(audit.map((e) => [e.actorRole, e.actorName])).toEqual([['whistleblower', '内部举报人']]);
    expect(JSON.stringify(audit)).not.toContain(identity.name);
  });

  it('refuses bad input with coded errors and files nothing', async () => {
    const before = await rowCounts(world);
    await expect(world.public().whistleblower.submit(tip({ description: '' }))).rejects.toMatchObject({ cause: { domain: { code: 'REPORT.DESCRIPTION_REQUIRED' } } });
    await expect(world.public().whistleblower.submit(tip({ identity: { ...identity, phone: 'call me' } }))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(world.public().whistleblower.submit(tip({ idempotencyKey: 'short' }))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await rowCounts(world)).toEqual(before);
  });
});

describe('whistleblower.track, sendMessage and claim', () => {
  it('tracks and talks through the receipt like any reporter, without showing the identity', async () => {
    const filed = await world.public().whistleblower.submit(tip({ identity }));
    await world.public().whistleblower.sendMessage({ receipt: filed.receipt, body: '总阀在地下室' });
    const tracked = await world.public().whistleblower.track({ receipt: filed.receipt });
    expect(tracked.report.status).toBe('submitted');
    expect(tracked.messages.map((m) => m.body)).toEqual(['总阀在地下室']);
    for (const secret of Object.values(identity)) expect(JSON.stringify(tracked)).not.toContain(secret);
  });

  it('claims a whistleblower reward as the whistleblower', async () => {
    const filed = await world.public().whistleblower.submit(tip({ identity }));
    const hazardId = await substantiateReport(world, filed.reportId);
    await notifiedReward(world, { reportId: filed.reportId, jurisdictionId: world.j.gridA, hazardId, anonymous: false, whistleblower: true });
    const claim = await world.public().whistleblower.claim({ receipt: filed.receipt, payment: { method: 'wechat', account: 'wx-zhou9' } });
    expect(claim.status).toBe('submitted');
    const audit = (await world.db.db.select().from(schema.auditLog)).filter((e) => e.entityId === claim.claimId);
    expect(audit.map((e) => e.actorRole)).toEqual(['whistleblower']);
  });

  it('answers wrong receipts and empty messages with coded errors, changing nothing', async () => {
    const before = await rowCounts(world);
    await expect(world.public().whistleblower.track({ receipt: '5555 5555 5555 5555' })).rejects.toMatchObject({ cause: { domain: { code: 'RECEIPT.NOT_FOUND' } } });
    await expect(world.public().whistleblower.sendMessage({ receipt: '5555555555555555', body: '' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(world.public().whistleblower.claim({ receipt: '5555555555555555', payment: { method: 'wechat', account: 'wx-1' } })).rejects.toMatchObject({
      cause: { domain: { code: 'RECEIPT.NOT_FOUND' } },
    });
    expect(await rowCounts(world)).toEqual(before);
  });
});
