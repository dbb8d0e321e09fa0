import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHead, runSealer } from '@firebreak/db';
import { expectInvalidInput, expectRefusal } from '../testing/expect-refusal';
import { fileReport, type FiledReport } from '../testing/rewards-fixtures';
import { createWorld, type World } from '../testing/world';

let world: World;
let inA: FiledReport;
let inB: FiledReport;

beforeAll(async () => {
  world = await createWorld();
  inA = await fileReport(world, { jurisdictionId: world.j.gridA });
  inB = await fileReport(world, { jurisdictionId: world.j.streetB });
  // Configuration without a jurisdiction: the calendar.
  await world.as('admin').admin.calendar.setYear({ year: 2027, holidays: [{ date: '2027-10-01', name: '国庆节' }], adjustedWorkdays: [] });
});
afterAll(async () => world?.close());

const ids = (entries: { entityId: string }[]) => entries.map((e) => e.entityId);

describe('audit.list', () => {
  it('shows a discipline inspector every record of the city, newest first', async () => {
    const { entries } = await world.as('discipline').audit.list({ limit: 500 });
    expect(ids(entries)).toEqual(expect.arrayContaining([inA.reportId, inB.reportId]));
    expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((a, b) => b - a));
    expect(entries.find((e) => e.entityId === inA.reportId)).toMatchObject({ entity: 'report', action: 'create', toStatus: 'submitted', actorRole: 'public' });
    // Calendar entries belong to the top of the tree, above the city.
    expect(entries.some((e) => e.entity === 'calendar')).toBe(false);
  });

  it('keeps a district supervisor to the district and the top-level admin sees configuration too', async () => {
    const { entries } = await world.as('supervisorA').audit.list({ limit: 500 });
    expect(ids(entries)).toContain(inA.reportId);
    expect(ids(entries)).not.toContain(inB.reportId);
    const admin = await world.as('admin').audit.list({ entity: 'calendar' });
    expect(admin.entries).toEqual([expect.objectContaining({ entity: 'calendar', entityId: '2027', action: 'set_year', actorRole: 'admin' })]);
  });

  it('filters by record and pages backwards', async () => {
    const discipline = world.as('discipline');
    const one = await discipline.audit.list({ entity: 'report', entityId: inB.reportId });
    expect(one.entries.map((e) => e.action)).toEqual(['create']);
    const page1 = await discipline.audit.list({ limit: 1 });
    expect(page1.entries).toHaveLength(1);
    expect(page1.nextBeforeSeq).toBe(page1.entries[0]!.seq);
    const page2 = await discipline.audit.list({ limit: 1, beforeSeq: page1.nextBeforeSeq! });
    expect(page2.entries[0]!.seq).toBeLessThan(page1.entries[0]!.seq);
  });

  it('refuses roles without audit.read, subtrees outside the caller\'s and bad filters', async () => {
    await expectRefusal(world.as('inspectorA1').audit.list({}), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(world.as('rewardOfficer').audit.verify({}), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(world.as('supervisorA').audit.list({ jurisdictionId: world.j.districtB }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    await expectRefusal(world.as('supervisorA').audit.list({ jurisdictionId: randomUUID() }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    await expectInvalidInput(world.as('discipline').audit.list({ limit: 0 }), 'limit');
  });
});

describe('audit.verify', () => {
  it('recomputes the chain, checks an anchor, and finds the first altered row', async () => {
    const discipline = world.as('discipline');
    const before = await discipline.audit.verify({});
    expect(before).toMatchObject({ ok: true, sealed: 0, head: null });
    const rows = before.ok ? before.rows : 0;
    expect(rows).toBeGreaterThan(2);
    await runSealer(world.db.db, { batchSize: 2 });
    const head = (await auditHead(world.db.db))!;
    expect(await discipline.audit.verify({})).toEqual({ ok: true, rows, sealed: rows, unsealed: 0, batches: head.batch, head });
    expect(await discipline.audit.verify({ anchor: head })).toMatchObject({ ok: true });
    expect(await discipline.audit.verify({ anchor: { batch: head.batch, hash: '0'.repeat(64) } })).toEqual({ ok: false, reason: 'anchor_mismatch', seq: null, batch: head.batch });
    // Someone with database access bypasses the append-only trigger and edits history.
    await world.db.db.execute('alter table audit_log disable trigger user');
    try {
      await world.db.db.execute(`update audit_log set actor_name = '篡改' where seq = 2`);
    } finally {
      await world.db.db.execute('alter table audit_log enable trigger user');
    }
    expect(await discipline.audit.verify({})).toEqual({ ok: false, reason: 'hash_mismatch', seq: 2, batch: 1 });
  });
});
