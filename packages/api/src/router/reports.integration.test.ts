import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../testing/world';
import { errorOf, expectInvalidInput, expectNoChange, expectRefused, fileReport, rawRows, reportAt, snapshot } from '../testing/staff-fixtures';
import { everyItem } from '../testing/every-item';

let world: World;
const start = new Date('2026-03-02T02:00:00Z');
beforeAll(async () => {
  world = await createWorld({ now: start });
});
afterAll(async () => world.close());

const IDENTITY_KEYS = ['reporterRef', 'sealedIdentity', 'receiptHash', 'identity'];

function expectNoIdentity(value: unknown) {
  const text = JSON.stringify(value);
  for (const k of IDENTITY_KEYS) expect(text).not.toContain(`"${k}"`);
}

describe('reports.list', () => {
  it('lists the caller’s subtree with deadline and overdue flags and no identity fields', async () => {
    const a = await fileReport(world, { venue: 'A' });
    const b = await fileReport(world, { venue: 'B' });
    const page = await world.as('inspectorA1').reports.list({ status: ['submitted'], limit: 100 });
    const all = await everyItem((p) => world.as('inspectorA1').reports.list({ status: ['submitted'], ...p }));
    const ids = all.map((i) => i.id);
    expect(ids).toContain(a);
    expect(ids).not.toContain(b);
    const row = all.find((i) => i.id === a)!;
    expect(row).toMatchObject({ status: 'submitted', channel: 'web', riskCategory: 'evacuation_blocked', urgent: true, overdue: false, venueName: '甲区好又多超市' });
    expect(typeof row.nextDeadline).toBe('string');
    expectNoIdentity(page);

    // The urgent 24-hour verification limit has passed a day later.
    world.now = new Date(start.getTime() + 25 * 3_600_000);
    try {
      const later = await everyItem((p) => world.as('inspectorA1').reports.list({ overdueOnly: true, ...p }));
      expect(later.map((i) => i.id)).toContain(a);
      expect(later.find((i) => i.id === a)?.overdue).toBe(true);
    } finally {
      world.now = start;
    }
    // The district B side sees its own report.
    expect((await everyItem((p) => world.as('inspectorB1').reports.list(p))).map((i) => i.id)).toContain(b);
  });

  it('never carries a real-name reporter’s identity, in the list or the report', async () => {
    const id = await fileReport(world, { venue: 'A', riskCategory: 'flammable_decoration', contact: { name: '李举报', phone: '13800138000' } });
    const page = await world.as('inspectorA1').reports.list({ riskCategory: 'flammable_decoration' });
    const view = await world.as('supervisorA').reports.get({ id });
    expect(view.report.anonymous).toBe(false);
    for (const shown of [page, view]) {
      const text = JSON.stringify(shown);
      expect(text).not.toContain('李举报');
      expect(text).not.toContain('13800138000');
      expect(text).not.toContain('sealed_identity');
      expectNoIdentity(shown);
    }
  });

  it('filters by channel and risk category', async () => {
    const id = await fileReport(world, { venue: 'A', riskCategory: 'ebike_indoor', description: '楼道内电动车充电' });
    const hit = await world.as('inspectorA1').reports.list({ channel: ['web'], riskCategory: 'ebike_indoor' });
    expect(hit.items.map((i) => i.id)).toEqual([id]);
    expect(hit.total).toBe(1);
    expect((await world.as('inspectorA1').reports.list({ channel: ['hotline_12345'], riskCategory: 'ebike_indoor' })).total).toBe(0);
  });

  it('is refused to roles without report.read', async () => {
    await expectRefused(world.as('gridWorker').reports.list({}), 'ACCESS.ROLE_NOT_ALLOWED', 'FORBIDDEN');
    await expectRefused(world.as('unitA').reports.list({}), 'ACCESS.ROLE_NOT_ALLOWED', 'FORBIDDEN');
  });

  it('refuses bad paging', async () => {
    await expectInvalidInput(world.as('inspectorA1').reports.list({ limit: 0 }));
  });
});

describe('reports.get', () => {
  it('shows the staff view without identity, with duplicate candidates nearby', async () => {
    const first = await fileReport(world, { venue: 'A', riskCategory: 'illegal_storage', description: '仓库内堆放汽油' });
    world.now = new Date(start.getTime() + 3_600_000);
    const second = await fileReport(world, { venue: 'A', riskCategory: 'illegal_storage', description: '超市后仓有油桶' });
    world.now = start;
    const view = await world.as('inspectorA1').reports.get({ id: second });
    expect(view.report).toMatchObject({ id: second, status: 'submitted', description: '超市后仓有油桶' });
    expect(view.report).not.toHaveProperty('reporterRef');
    expectNoIdentity(view);
    expect(view.duplicateCandidates.map((c) => c.reportId)).toContain(first);
    const c = view.duplicateCandidates.find((x) => x.reportId === first)!;
    expect(c.sameVenue).toBe(true);
    expect(c.reasons.map((r) => r.code)).toContain('SAME_VENUE');
    expect(view.deadline.overdue).toBe(false);
  });

  it('is refused by role, out of scope and for unknown ids', async () => {
    const b = await fileReport(world, { venue: 'B' });
    await expectRefused(world.as('gridWorker').reports.get({ id: b }), 'ACCESS.ROLE_NOT_ALLOWED', 'FORBIDDEN');
    await expectRefused(world.as('inspectorA1').reports.get({ id: b }), 'ACCESS.OUT_OF_SCOPE', 'FORBIDDEN');
    await expectRefused(world.as('inspectorA1').reports.get({ id: '00000000-0000-4000-8000-000000000000' }), 'DB.NOT_FOUND', 'NOT_FOUND');
  });
});

describe('reports.accept', () => {
  it('accepts in scope and records who accepted', async () => {
    const id = await fileReport(world, { venue: 'A' });
    const r = await world.as('inspectorA1').reports.accept({ id, internalNote: '已电话联系场所' });
    expect(r.report.status).toBe('accepted');
    expect(r.report.acceptedBy?.name).toBe('王监督');
    expect(r.report.internalNotes.at(-1)?.text).toBe('已电话联系场所');
    expect(r.version).toBe(2);
  });

  it('is refused by role, out of scope, and when already accepted (changing nothing)', async () => {
    const b = await fileReport(world, { venue: 'B' });
    const a = await fileReport(world, { venue: 'A' });
    await expectRefused(world.as('police').reports.accept({ id: a }), 'ACCESS.ROLE_NOT_ALLOWED', 'FORBIDDEN');
    await expectNoChange(world, () => world.as('inspectorA1').reports.accept({ id: b }), 'REPORT.OUT_OF_SCOPE', { entity: 'report', id: b });
    await world.as('inspectorA1').reports.accept({ id: a });
    await expectNoChange(world, () => world.as('inspectorA2').reports.accept({ id: a }), 'REPORT.INVALID_TRANSITION', { entity: 'report', id: a });
  });

  it('refuses a stale version', async () => {
    const a = await fileReport(world, { venue: 'A' });
    await expectNoChange(world, () => world.as('inspectorA1').reports.accept({ id: a, version: 7 }), 'CONCURRENCY.STALE', { entity: 'report', id: a });
  });
});

describe('reports.reject', () => {
  it('rejects a duplicate, linking the original', async () => {
    const original = await fileReport(world, { venue: 'A' });
    const dup = await fileReport(world, { venue: 'A' });
    const r = await world.as('inspectorA1').reports.reject({ id: dup, reason: 'duplicate', duplicateOf: original, explanation: '与此前举报重复，已合并办理' });
    expect(r.report).toMatchObject({ status: 'rejected', rejectReason: 'duplicate', duplicateOf: original });
    const rows = await rawRows<{ duplicate_of_id: string }>(world, `select duplicate_of_id from reports where id = '${dup}'`);
    expect(rows[0]?.duplicate_of_id).toBe(original);
  });

  it('is refused by role, out of scope, and for a duplicate without its original', async () => {
    const a = await fileReport(world, { venue: 'A' });
    const b = await fileReport(world, { venue: 'B' });
    await expectRefused(world.as('police').reports.reject({ id: a, reason: 'out_of_scope', explanation: '不属于消防管辖' }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => world.as('inspectorA1').reports.reject({ id: b, reason: 'insufficient', explanation: '信息不足' }), 'REPORT.OUT_OF_SCOPE', { entity: 'report', id: b });
    await expectNoChange(world, () => world.as('inspectorA1').reports.reject({ id: a, reason: 'duplicate', explanation: '重复' }), 'REPORT.DUPLICATE_REQUIRES_ORIGINAL', { entity: 'report', id: a });
    await expectNoChange(world, () => world.as('inspectorA1').reports.reject({ id: a, reason: 'insufficient', explanation: '  ' }), 'REPORT.EXPLANATION_REQUIRED', { entity: 'report', id: a });
    // The original must be one the caller may see.
    await expectNoChange(world, () => world.as('inspectorA1').reports.reject({ id: a, reason: 'duplicate', duplicateOf: b, explanation: '重复' }), 'ACCESS.OUT_OF_SCOPE', { entity: 'report', id: a });
  });
});

describe('reports.assign', () => {
  it('assigns verification to an inspector in scope', async () => {
    const { reportId } = await reportAt(world, 'accepted');
    const r = await world.as('supervisorA').reports.assign({ id: reportId, assigneeUserId: world.users.inspectorA2.id });
    expect(r.report.status).toBe('verifying');
    expect(r.report.assignee).toMatchObject({ userId: world.users.inspectorA2.id, name: '赵监督', role: 'inspector' });
    expect(r.report.assignedBy?.name).toBe('孙大队长');
  });

  it('is refused by role, out of scope, and for an assignee who cannot verify there', async () => {
    const { reportId } = await reportAt(world, 'accepted');
    const b = await reportAt(world, 'accepted', { venue: 'B' });
    await expectRefused(world.as('inspectorA1').reports.assign({ id: reportId, assigneeUserId: world.users.inspectorA2.id }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => world.as('supervisorA').reports.assign({ id: b.reportId, assigneeUserId: world.users.inspectorA2.id }), 'REPORT.OUT_OF_SCOPE', { entity: 'report', id: b.reportId });
    await expectNoChange(world, () => world.as('supervisorA').reports.assign({ id: reportId, assigneeUserId: world.users.inspectorB1.id }), 'REPORT.INVALID_ASSIGNEE', { entity: 'report', id: reportId });
    await expectNoChange(world, () => world.as('supervisorA').reports.assign({ id: reportId, assigneeUserId: world.users.gridWorker.id }), 'REPORT.INVALID_ASSIGNEE', { entity: 'report', id: reportId });
    await expectNoChange(world, () => world.as('supervisorA').reports.assign({ id: reportId, assigneeUserId: '00000000-0000-4000-8000-000000000001' }), 'USER.NOT_FOUND', { entity: 'report', id: reportId });
  });
});

describe('reports.startVerification', () => {
  it('lets a verifier take the report on themselves', async () => {
    const { reportId } = await reportAt(world, 'accepted');
    const r = await world.as('police').reports.startVerification({ id: reportId });
    expect(r.report).toMatchObject({ status: 'verifying', assignee: { name: '郑民警', role: 'police_officer' } });
  });

  it('is refused by role, out of scope, and before acceptance', async () => {
    const { reportId } = await reportAt(world, 'accepted');
    const b = await reportAt(world, 'accepted', { venue: 'B' });
    const fresh = await fileReport(world, { venue: 'A' });
    await expectRefused(world.as('supervisorA').reports.startVerification({ id: reportId }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => world.as('inspectorA1').reports.startVerification({ id: b.reportId }), 'REPORT.OUT_OF_SCOPE', { entity: 'report', id: b.reportId });
    await expectNoChange(world, () => world.as('inspectorA1').reports.startVerification({ id: fresh }), 'REPORT.INVALID_TRANSITION', { entity: 'report', id: fresh });
  });
});

describe('reports.substantiate', () => {
  it('links the hazards the verification found', async () => {
    const { reportId, hazardId } = await reportAt(world, 'substantiated');
    const view = await world.as('inspectorA1').reports.get({ id: reportId });
    expect(view.report).toMatchObject({ status: 'substantiated', hazardIds: [hazardId], verifiedBy: { name: '王监督' }, verifiedLate: false });
  });

  it('is refused by role, out of scope, to non-assignees, and without existing hazards', async () => {
    const { reportId } = await reportAt(world, 'verifying');
    const b = await reportAt(world, 'verifying', { venue: 'B' });
    const hazard = await world.as('inspectorA1').hazards.register({ source: 'report', sourceRef: reportId, venueId: world.venues.A, riskCategory: 'evacuation_blocked', description: '疏散通道堵塞' });
    await expectRefused(world.as('supervisorA').reports.substantiate({ id: reportId, hazardIds: [hazard.id] }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => world.as('inspectorA1').reports.substantiate({ id: b.reportId, hazardIds: [hazard.id] }), 'REPORT.OUT_OF_SCOPE', { entity: 'report', id: b.reportId });
    await expectNoChange(world, () => world.as('inspectorA2').reports.substantiate({ id: reportId, hazardIds: [hazard.id] }), 'REPORT.NOT_ASSIGNEE', { entity: 'report', id: reportId });
    await expectNoChange(world, () => world.as('inspectorA1').reports.substantiate({ id: reportId, hazardIds: [] }), 'REPORT.HAZARDS_REQUIRED', { entity: 'report', id: reportId });
    await expectNoChange(world, () => world.as('inspectorA1').reports.substantiate({ id: reportId, hazardIds: ['00000000-0000-4000-8000-000000000002'] }), 'HAZARD.NOT_FOUND', { entity: 'report', id: reportId });
  });
});

describe('reports.findUnfounded', () => {
  it('records the verdict with its reason', async () => {
    const { reportId } = await reportAt(world, 'unfounded');
    const view = await world.as('inspectorA1').reports.get({ id: reportId });
    expect(view.report.status).toBe('unfounded');
    expect(view.report.internalNotes.at(-1)?.text).toBe('现场核查未发现举报情况');
    expect(view.report.replyDue).not.toBeNull();
  });

  it('is refused by role, out of scope, and without a reason', async () => {
    const { reportId } = await reportAt(world, 'verifying');
    const b = await reportAt(world, 'verifying', { venue: 'B' });
    await expectRefused(world.as('supervisorA').reports.findUnfounded({ id: reportId, reason: '不属实' }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => world.as('inspectorA1').reports.findUnfounded({ id: b.reportId, reason: '不属实' }), 'REPORT.OUT_OF_SCOPE', { entity: 'report', id: b.reportId });
    await expectNoChange(world, () => world.as('inspectorA1').reports.findUnfounded({ id: reportId, reason: ' ' }), 'REPORT.REASON_REQUIRED', { entity: 'report', id: reportId });
  });
});

describe('reports.reply', () => {
  it('replies to the reporter', async () => {
    const { reportId } = await reportAt(world, 'replied');
    const view = await world.as('supervisorA').reports.get({ id: reportId });
    expect(view.report).toMatchObject({ status: 'replied', reply: '经核查属实，已责令整改。', repliedBy: { name: '王监督' } });
  });

  it('is refused by role, out of scope, and for an empty reply', async () => {
    const { reportId } = await reportAt(world, 'substantiated');
    const b = await reportAt(world, 'substantiated', { venue: 'B' });
    await expectRefused(world.as('police').reports.reply({ id: reportId, text: '已处理' }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => world.as('inspectorA1').reports.reply({ id: b.reportId, text: '已处理' }), 'REPORT.OUT_OF_SCOPE', { entity: 'report', id: b.reportId });
    await expectNoChange(world, () => world.as('inspectorA1').reports.reply({ id: reportId, text: '' }), 'REPORT.REPLY_REQUIRED', { entity: 'report', id: reportId });
  });
});

describe('reports.addNote', () => {
  it('adds an internal or a public note through the kernel, status unchanged, audited once each', async () => {
    const { reportId } = await reportAt(world, 'verifying');
    const before = await world.as('inspectorA1').reports.get({ id: reportId });
    const internal = await world.as('inspectorA1').reports.addNote({ id: reportId, note: '场所负责人称已清理', visibility: 'internal' });
    expect(internal.report.status).toBe('verifying');
    expect(internal.version).toBe(before.version + 1);
    expect(internal.report.internalNotes.at(-1)).toMatchObject({ text: '场所负责人称已清理', by: { name: '王监督' } });
    const pub = await world.as('supervisorA').reports.addNote({ id: reportId, version: internal.version, note: '已安排现场核查', visibility: 'public' });
    expect(pub.report.status).toBe('verifying');
    expect(pub.report.publicNotes.at(-1)).toMatchObject({ text: '已安排现场核查' });
    expect(pub.report.internalNotes).toEqual(internal.report.internalNotes);
    const audit = await rawRows<{ action: string; from_status: string; to_status: string }>(
      world,
      `select action, from_status, to_status from audit_log where entity_id = '${reportId}' and action = 'add_note' order by seq`,
    );
    expect(audit).toEqual([
      { action: 'add_note', from_status: 'verifying', to_status: 'verifying' },
      { action: 'add_note', from_status: 'verifying', to_status: 'verifying' },
    ]);
  });

  it('is refused by role, out of scope, on a closed report, for a blank note or a bad visibility (changing nothing)', async () => {
    const a = await fileReport(world, { venue: 'A' });
    const b = await fileReport(world, { venue: 'B' });
    const { reportId: closed } = await reportAt(world, 'replied');
    await expectRefused(world.as('police').reports.addNote({ id: a, note: '补充', visibility: 'internal' }), 'ACCESS.ROLE_NOT_ALLOWED', 'FORBIDDEN');
    await expectNoChange(world, () => world.as('inspectorA1').reports.addNote({ id: b, note: '补充', visibility: 'internal' }), 'REPORT.OUT_OF_SCOPE', { entity: 'report', id: b });
    await expectNoChange(world, () => world.as('inspectorA1').reports.addNote({ id: closed, note: '补充', visibility: 'public' }), 'REPORT.INVALID_TRANSITION', { entity: 'report', id: closed });
    await expectNoChange(world, () => world.as('inspectorA1').reports.addNote({ id: a, note: '   ', visibility: 'internal' }), 'REPORT.NOTE_REQUIRED', { entity: 'report', id: a });
    const before = await snapshot(world, 'report', a);
    await expectInvalidInput(world.as('inspectorA1').reports.addNote({ id: a, note: '补充', visibility: 'everyone' as 'public' }));
    expect(await snapshot(world, 'report', a)).toEqual(before);
  });
});

describe('reports.sendMessage', () => {
  it('writes a handler message to the receipt thread, audited and notified', async () => {
    const id = await fileReport(world, { venue: 'A' });
    const sent = await world.as('inspectorA1').reports.sendMessage({ id, body: '请补充堵塞出口的具体楼层' });
    const view = await world.as('inspectorA2').reports.get({ id });
    expect(view.messages).toEqual([expect.objectContaining({ id: sent.id, direction: 'handler', body: '请补充堵塞出口的具体楼层', authorName: '王监督' })]);
    const audit = await rawRows<{ action: string; actor_name: string }>(world, `select action, actor_name from audit_log where entity_id = '${id}' and action = 'message'`);
    expect(audit).toEqual([{ action: 'message', actor_name: '王监督' }]);
    const outbox = await rawRows<{ template: string }>(world, `select template from outbox where entity_id = '${id}' and template = 'report.message'`);
    expect(outbox).toHaveLength(1);
  });

  it('is refused by role, out of scope, and for an empty message (changing nothing)', async () => {
    const a = await fileReport(world, { venue: 'A' });
    const b = await fileReport(world, { venue: 'B' });
    await expectRefused(world.as('police').reports.sendMessage({ id: a, body: '你好' }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => world.as('inspectorA1').reports.sendMessage({ id: b, body: '你好' }), 'ACCESS.OUT_OF_SCOPE');
    const before = await rawRows<{ n: number }>(world, 'select count(*)::int as n from messages');
    const e = await errorOf(world.as('inspectorA1').reports.sendMessage({ id: a, body: '   ' }));
    expect(e.code).toBe('BAD_REQUEST');
    expect(await rawRows<{ n: number }>(world, 'select count(*)::int as n from messages')).toEqual(before);
  });
});
