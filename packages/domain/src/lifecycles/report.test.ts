import { describe, expect, it } from 'vitest';
import { reachable } from './machine';
import { createReport, reportLifecycle, transitionReport, REPORT_STATUSES, type CreateReportInput, type ReportState } from './report';
import { actor, ctxFor, daysLater, effectsOfType, errorOf, expectOk, hoursLater, JURISDICTIONS, T0 } from './test-support';

const input: CreateReportInput = {
  jurisdictionId: JURISDICTIONS.streetA1,
  channel: 'web',
  riskCategory: 'ebike_indoor',
  venueId: 'venue-1',
  location: { lat: 23.13, lng: 113.26, address: '越秀区某路1号' },
  description: '楼道内电动车充电',
  anonymous: true,
  whistleblower: false,
  reporterRef: null,
};

const submitted = (over: Partial<CreateReportInput> = {}): ReportState =>
  expectOk(createReport({ ...input, ...over }, ctxFor('public', { newId: () => 'rep-1' }))).next;

const inspector = actor('inspector');
const police = actor('police_officer');
const accepted = (): ReportState => expectOk(transitionReport(submitted(), { type: 'accept' }, ctxFor(inspector))).next;
const verifying = (): ReportState =>
  expectOk(transitionReport(accepted(), { type: 'assign', assignee: { ...inspector } }, ctxFor('fire_supervisor'))).next;
const substantiated = (): ReportState =>
  expectOk(transitionReport(verifying(), { type: 'substantiate', hazardIds: ['hz-1'] }, ctxFor(inspector))).next;

describe('report lifecycle table', () => {
  it('reaches every status from submitted', () => {
    expect([...reachable(reportLifecycle)].sort()).toEqual([...REPORT_STATUSES].sort());
  });
});

describe('createReport', () => {
  it('creates a submitted report with a 3-working-day verification deadline and no reporter identity', () => {
    const { next, effects } = expectOk(createReport(input, ctxFor('public', { newId: () => 'rep-1' })));
    expect(next).toMatchObject({ id: 'rep-1', status: 'submitted', version: 1, urgent: false, filedBy: null, reporterRef: null });
    // Monday 10:00 → end of Thursday, China time.
    expect(next.verificationDue).toBe('2025-03-06T15:59:59.999Z');
    expect(effectsOfType(effects, 'audit')).toHaveLength(1);
    expect(effectsOfType(effects, 'deadline')).toEqual([
      expect.objectContaining({ kind: 'report.verification', due: '2025-03-06T15:59:59.999Z' }),
    ]);
    expect(Object.keys(next)).not.toContain('reporterName');
  });

  it('counts working days on the configured calendar, skipping public holidays', () => {
    // Wednesday 2 April 2025, before 清明 (4-6 April): Thursday 3rd, Monday 7th, Tuesday 8th.
    const before = new Date('2025-04-02T02:00:00.000Z');
    const { next } = expectOk(createReport(input, ctxFor('public', { now: before })));
    expect(next.verificationDue).toBe('2025-04-08T15:59:59.999Z');
  });

  it('gives blocked-exit and shut-off-facility reports 24 hours from receipt', () => {
    const receivedAt = hoursLater(T0, -2).toISOString();
    const { next } = expectOk(
      createReport({ ...input, channel: 'hotline', riskCategory: 'evacuation_blocked', receivedAt }, ctxFor(inspector)),
    );
    expect(next.urgent).toBe(true);
    expect(next.verificationDue).toBe(hoursLater(T0, 22).toISOString());
    expect(next.filedBy?.userId).toBe(inspector.userId);
  });

  it('lets a grid worker file from patrol within their grid', () => {
    const grid = actor('grid_worker', { jurisdictionId: JURISDICTIONS.streetA1 });
    expect(expectOk(createReport({ ...input, channel: 'grid' }, ctxFor(grid))).next.channel).toBe('grid');
    expect(errorOf(createReport({ ...input, channel: 'grid', jurisdictionId: JURISDICTIONS.districtB }, ctxFor(grid))).code).toBe(
      'REPORT.OUT_OF_SCOPE',
    );
  });

  it('refuses roles that do not file and channels the role may not use', () => {
    expect(errorOf(createReport(input, ctxFor('unit'))).code).toBe('REPORT.ROLE_NOT_ALLOWED');
    expect(errorOf(createReport({ ...input, channel: 'hotline' }, ctxFor('public'))).code).toBe('REPORT.CHANNEL_NOT_ALLOWED');
    expect(errorOf(createReport({ ...input, channel: 'web' }, ctxFor('whistleblower'))).code).toBe('REPORT.CHANNEL_NOT_ALLOWED');
    expect(errorOf(createReport({ ...input, channel: 'whistleblower' }, ctxFor('whistleblower'))).code).toBe(
      'REPORT.WHISTLEBLOWER_FLAG_REQUIRED',
    );
  });

  it('accepts a whistleblower report with a sealed reporter reference', () => {
    const r = createReport(
      { ...input, channel: 'whistleblower', whistleblower: true, anonymous: false, reporterRef: 'sealed-7' },
      ctxFor('whistleblower'),
    );
    expect(expectOk(r).next).toMatchObject({ whistleblower: true, reporterRef: 'sealed-7', filedBy: null });
  });

  it('checks payload: description, category, location, reporter ref, receipt time', () => {
    const c = ctxFor('public');
    expect(errorOf(createReport({ ...input, description: '  ' }, c)).code).toBe('REPORT.DESCRIPTION_REQUIRED');
    expect(errorOf(createReport({ ...input, riskCategory: '' }, c)).code).toBe('REPORT.RISK_CATEGORY_REQUIRED');
    expect(errorOf(createReport({ ...input, location: { lat: 91, lng: 0, address: 'x' } }, c)).code).toBe('REPORT.INVALID_LOCATION');
    expect(errorOf(createReport({ ...input, anonymous: false }, c)).code).toBe('REPORT.REPORTER_REF_REQUIRED');
    expect(errorOf(createReport({ ...input, receivedAt: hoursLater(T0, 1).toISOString() }, c)).code).toBe('REPORT.RECEIVED_IN_FUTURE');
    expect(errorOf(createReport({ ...input, receivedAt: 'yesterday' }, c)).code).toBe('REPORT.INVALID_DATE');
  });
});

describe('transitionReport', () => {
  it('accepts: stamps the acceptor, notifies the reporter, bumps the version', () => {
    const { next, effects } = expectOk(transitionReport(submitted(), { type: 'accept', publicNote: '已受理', internalNote: '优先' }, ctxFor(police)));
    expect(next).toMatchObject({ status: 'accepted', version: 2, acceptedBy: { userId: police.userId, role: 'police_officer' } });
    expect(next.publicNotes).toEqual([{ at: T0.toISOString(), text: '已受理' }]);
    expect(next.internalNotes[0]).toMatchObject({ text: '优先', by: { userId: police.userId } });
    expect(effectsOfType(effects, 'audit')).toHaveLength(1);
    expect(effectsOfType(effects, 'notify')[0]?.to).toEqual({ kind: 'reporter' });
  });

  it('refuses the wrong status, the wrong role and an out-of-scope actor', () => {
    expect(errorOf(transitionReport(accepted(), { type: 'accept' }, ctxFor(inspector))).code).toBe('REPORT.INVALID_TRANSITION');
    expect(errorOf(transitionReport(submitted(), { type: 'accept' }, ctxFor('grid_worker'))).code).toBe('REPORT.ROLE_NOT_ALLOWED');
    expect(errorOf(transitionReport(submitted(), { type: 'accept' }, ctxFor('public'))).code).toBe('REPORT.ROLE_NOT_ALLOWED');
    const elsewhere = actor('inspector', { jurisdictionId: JURISDICTIONS.districtB });
    expect(errorOf(transitionReport(submitted(), { type: 'accept' }, ctxFor(elsewhere))).code).toBe('REPORT.OUT_OF_SCOPE');
  });

  it('rejects a duplicate only with a link to the original', () => {
    const s = submitted();
    const c = ctxFor(inspector);
    expect(errorOf(transitionReport(s, { type: 'reject', reason: 'duplicate', explanation: '已有举报' }, c)).code).toBe(
      'REPORT.DUPLICATE_REQUIRES_ORIGINAL',
    );
    expect(errorOf(transitionReport(s, { type: 'reject', reason: 'duplicate', duplicateOf: s.id, explanation: 'x' }, c)).code).toBe(
      'REPORT.DUPLICATE_OF_SELF',
    );
    expect(errorOf(transitionReport(s, { type: 'reject', reason: 'insufficient', duplicateOf: 'rep-0', explanation: 'x' }, c)).code).toBe(
      'REPORT.DUPLICATE_LINK_UNEXPECTED',
    );
    expect(errorOf(transitionReport(s, { type: 'reject', reason: 'out_of_scope', explanation: ' ' }, c)).code).toBe(
      'REPORT.EXPLANATION_REQUIRED',
    );
    const { next, effects } = expectOk(transitionReport(s, { type: 'reject', reason: 'duplicate', duplicateOf: 'rep-0', explanation: '与此前举报重复' }, c));
    expect(next).toMatchObject({ status: 'rejected', rejectReason: 'duplicate', duplicateOf: 'rep-0' });
    expect(next.publicNotes.map((n) => n.text)).toEqual(['与此前举报重复']);
    expect(effectsOfType(effects, 'cancelDeadline')[0]?.kind).toBe('report.verification');
  });

  it('assigns verification to a named inspector or police officer, and reassigns', () => {
    const c = ctxFor('fire_supervisor');
    expect(errorOf(transitionReport(accepted(), { type: 'assign', assignee: { ...actor('grid_worker') } }, c)).code).toBe(
      'REPORT.INVALID_ASSIGNEE',
    );
    expect(errorOf(transitionReport(accepted(), { type: 'assign', assignee: { ...inspector, name: '' } }, c)).code).toBe(
      'REPORT.INVALID_ASSIGNEE',
    );
    const v = verifying();
    expect(v).toMatchObject({ status: 'verifying', assignee: { userId: inspector.userId } });
    expect(errorOf(transitionReport(v, { type: 'assign', assignee: { ...inspector } }, c)).code).toBe('REPORT.ALREADY_ASSIGNED');
    const { next, effects } = expectOk(transitionReport(v, { type: 'assign', assignee: { ...police } }, c));
    expect(next.assignee?.userId).toBe(police.userId);
    expect(effectsOfType(effects, 'notify')[0]?.to).toEqual({ kind: 'user', userId: police.userId });
  });

  it('substantiates by the assigned verifier, links hazards and schedules the reply', () => {
    const v = verifying();
    const other = actor('inspector', { userId: 'inspector-2' });
    expect(errorOf(transitionReport(v, { type: 'substantiate', hazardIds: ['hz-1'] }, ctxFor(other))).code).toBe('REPORT.NOT_ASSIGNEE');
    expect(errorOf(transitionReport(v, { type: 'substantiate', hazardIds: [] }, ctxFor(inspector))).code).toBe('REPORT.HAZARDS_REQUIRED');
    expect(errorOf(transitionReport(v, { type: 'substantiate', hazardIds: ['a', 'a'] }, ctxFor(inspector))).code).toBe(
      'REPORT.DUPLICATE_HAZARD',
    );
    const { next, effects } = expectOk(transitionReport(v, { type: 'substantiate', hazardIds: ['hz-1', 'hz-2'] }, ctxFor(inspector)));
    expect(next).toMatchObject({ status: 'substantiated', hazardIds: ['hz-1', 'hz-2'], verifiedLate: false });
    expect(next.replyDue).toBe('2025-03-10T15:59:59.999Z');
    expect(effectsOfType(effects, 'deadline')[0]?.kind).toBe('report.reply');
    expect(effectsOfType(effects, 'cancelDeadline')[0]?.kind).toBe('report.verification');
  });

  it('lets a supervisor record an unfounded verdict, flagged late after the deadline', () => {
    const late = ctxFor('fire_supervisor', { now: daysLater(T0, 5) });
    expect(errorOf(transitionReport(verifying(), { type: 'mark_unfounded', reason: '' }, late)).code).toBe('REPORT.REASON_REQUIRED');
    const { next } = expectOk(transitionReport(verifying(), { type: 'mark_unfounded', reason: '现场无电动车' }, late));
    expect(next).toMatchObject({ status: 'unfounded', verifiedLate: true, hazardIds: [] });
    expect(next.internalNotes.map((n) => n.text)).toEqual(['现场无电动车']);
  });

  it('replies to the reporter with public text', () => {
    const s = substantiated();
    expect(errorOf(transitionReport(s, { type: 'reply', text: '' }, ctxFor(inspector))).code).toBe('REPORT.REPLY_REQUIRED');
    expect(errorOf(transitionReport(verifying(), { type: 'reply', text: 'x' }, ctxFor(inspector))).code).toBe('REPORT.INVALID_TRANSITION');
    const { next, effects } = expectOk(transitionReport(s, { type: 'reply', text: '已责令整改' }, ctxFor(inspector)));
    expect(next).toMatchObject({ status: 'replied', reply: '已责令整改', version: s.version + 1 });
    expect(next.publicNotes.at(-1)?.text).toBe('已责令整改');
    expect(effectsOfType(effects, 'notify')[0]).toMatchObject({ to: { kind: 'reporter' }, template: 'report.replied' });
    expect(effectsOfType(effects, 'cancelDeadline')[0]?.kind).toBe('report.reply');
  });

  it('refuses unknown commands with a coded error', () => {
    const bogus = { type: 'teleport' } as unknown as Parameters<typeof transitionReport>[1];
    expect(errorOf(transitionReport(submitted(), bogus, ctxFor(inspector))).code).toBe('REPORT.UNKNOWN_COMMAND');
  });
});

describe('add_note', () => {
  const note = (text: string, visibility: 'internal' | 'public') => ({ type: 'add_note', note: text, visibility }) as const;
  const replied = (): ReportState => {
    const unfounded = expectOk(transitionReport(verifying(), { type: 'mark_unfounded', reason: '现场无隐患' }, ctxFor(inspector))).next;
    return expectOk(transitionReport(unfounded, { type: 'reply', text: '经核查不属实' }, ctxFor(inspector))).next;
  };

  it('appends a note in every open status without moving the status', () => {
    for (const [before, who] of [
      [submitted(), inspector],
      [accepted(), actor('fire_supervisor')],
      [verifying(), police],
      [substantiated(), inspector],
    ] as const) {
      const r = expectOk(transitionReport(before, note(' 已电话联系物业 ', 'internal'), ctxFor(who, { now: hoursLater(T0, 1) })));
      expect(r.next.status).toBe(before.status);
      expect(r.next.version).toBe(before.version + 1);
      expect(r.next.internalNotes.at(-1)).toEqual({ at: hoursLater(T0, 1).toISOString(), text: '已电话联系物业', by: expect.objectContaining({ userId: who.userId, role: who.role }) });
      expect(r.next.publicNotes).toEqual(before.publicNotes);
      expect(r.effects).toEqual([expect.objectContaining({ type: 'audit', action: 'add_note', from: before.status, to: before.status, data: { visibility: 'internal' } })]);
    }
  });

  it('puts a public note where the reporter reads it, without the writer’s identity', () => {
    const before = accepted();
    const { next } = expectOk(transitionReport(before, note('正在安排核查', 'public'), ctxFor(inspector)));
    expect(next.publicNotes.at(-1)).toEqual({ at: T0.toISOString(), text: '正在安排核查' });
    expect(next.internalNotes).toEqual(before.internalNotes);
  });

  it('refuses closed reports, other roles, other jurisdictions, blank notes and unknown visibility', () => {
    expect(errorOf(transitionReport(replied(), note('补充', 'internal'), ctxFor(inspector))).code).toBe('REPORT.INVALID_TRANSITION');
    expect(errorOf(transitionReport(submitted(), note('补充', 'internal'), ctxFor('grid_worker'))).code).toBe('REPORT.ROLE_NOT_ALLOWED');
    expect(errorOf(transitionReport(submitted(), note('补充', 'internal'), ctxFor('public'))).code).toBe('REPORT.ROLE_NOT_ALLOWED');
    const far = actor('inspector', { jurisdictionId: JURISDICTIONS.districtB });
    expect(errorOf(transitionReport(submitted(), note('补充', 'internal'), ctxFor(far))).code).toBe('REPORT.OUT_OF_SCOPE');
    expect(errorOf(transitionReport(submitted(), note('  ', 'public'), ctxFor(inspector))).code).toBe('REPORT.NOTE_REQUIRED');
    const bogus = { type: 'add_note', note: '补充', visibility: 'everyone' } as unknown as Parameters<typeof transitionReport>[1];
    expect(errorOf(transitionReport(submitted(), bogus, ctxFor(inspector))).code).toBe('REPORT.INVALID_VISIBILITY');
  });
});
