import { describe, expect, it } from 'vitest';
import type { TransitionContext } from '../common/context';
import {
  HAZARD_COMMAND_CAPABILITY,
  createHazard,
  hazardLifecycle,
  HAZARD_STATUSES,
  passingReinspection,
  transitionHazard,
  type CreateHazardInput,
  type HazardCommand,
  type HazardState,
} from './hazard';
import { capabilityDefinition } from '../org/capabilities';
import { reachable } from './machine';
import { actor, ctxFor, daysLater, effectsOfType, errorOf, expectOk, JURISDICTIONS, T0 } from './test-support';

const input: CreateHazardInput = {
  jurisdictionId: JURISDICTIONS.gridA1,
  venueId: 'venue-1',
  source: 'inspection',
  sourceRef: 'insp-1',
  riskCategory: 'evacuation_blocked',
  checkItemId: 'item-3',
  description: '安全出口上锁',
  photoRefs: ['photo-1'],
};

const inspector = actor('inspector');
const supervisor = actor('fire_supervisor');
const unit = actor('unit');
const at = (days: number, who = inspector): TransitionContext => ctxFor(who, { now: daysLater(T0, days) });

function run(state: HazardState, command: HazardCommand, ctx: TransitionContext): HazardState {
  const r = expectOk(transitionHazard(state, command, ctx));
  // Every accepted transition emits exactly one audit effect and bumps the version by one.
  expect(effectsOfType(r.effects, 'audit')).toHaveLength(1);
  expect(r.next.version).toBe(state.version + 1);
  return r.next;
}

const found = (): HazardState => expectOk(createHazard(input, ctxFor(inspector, { newId: () => 'hz-1' }))).next;
const confirmed = (): HazardState => run(found(), { type: 'confirm' }, at(0));
const ordered = (): HazardState => run(confirmed(), { type: 'order', correction: { mode: 'deadline', dueDate: '2025-03-10' } }, at(0));
const submitted = (): HazardState => run(ordered(), { type: 'submit_remediation', evidenceRefs: ['ev-1'] }, at(1, unit));
const verified = (): HazardState => run(submitted(), { type: 'reinspect_pass', signatureRef: 'sig-1' }, at(2));

describe('hazard lifecycle table', () => {
  it('reaches every status from found', () => {
    expect([...reachable(hazardLifecycle)].sort()).toEqual([...HAZARD_STATUSES].sort());
  });
});

describe('createHazard', () => {
  it('puts a found hazard on the ledger with the finder stamped', () => {
    const { next, effects } = expectOk(createHazard(input, ctxFor(inspector, { newId: () => 'hz-1' })));
    expect(next).toMatchObject({ id: 'hz-1', status: 'found', version: 1, sourceRef: 'insp-1', foundAt: T0.toISOString() });
    expect(next.foundBy).toMatchObject({ userId: inspector.userId, role: 'inspector', departmentId: inspector.departmentId });
    expect(effectsOfType(effects, 'audit')[0]).toMatchObject({ from: null, to: 'found', entity: 'hazard' });
  });

  it('lets each source be recorded only by its roles', () => {
    expect(expectOk(createHazard({ ...input, source: 'self_inspection', sourceRef: null }, ctxFor(unit))).next.source).toBe('self_inspection');
    expect(errorOf(createHazard(input, ctxFor(unit))).code).toBe('HAZARD.ROLE_NOT_ALLOWED');
    const grid = actor('grid_worker');
    expect(expectOk(createHazard({ ...input, source: 'grid_patrol', sourceRef: null }, ctxFor(grid))).next.source).toBe('grid_patrol');
    expect(errorOf(createHazard({ ...input, source: 'expert', sourceRef: null }, ctxFor(grid))).code).toBe('HAZARD.ROLE_NOT_ALLOWED');
    expect(errorOf(createHazard(input, ctxFor('public'))).code).toBe('HAZARD.ROLE_NOT_ALLOWED');
  });

  it('refuses out-of-scope places, missing source links and bad payloads', () => {
    expect(errorOf(createHazard({ ...input, jurisdictionId: JURISDICTIONS.districtB }, ctxFor(inspector))).code).toBe('HAZARD.OUT_OF_SCOPE');
    expect(errorOf(createHazard({ ...input, sourceRef: null }, ctxFor(inspector))).code).toBe('HAZARD.SOURCE_REF_REQUIRED');
    expect(errorOf(createHazard({ ...input, description: '' }, ctxFor(inspector))).code).toBe('HAZARD.DESCRIPTION_REQUIRED');
    expect(errorOf(createHazard({ ...input, riskCategory: ' ' }, ctxFor(inspector))).code).toBe('HAZARD.RISK_CATEGORY_REQUIRED');
    expect(errorOf(createHazard({ ...input, foundAt: daysLater(T0, 1).toISOString() }, ctxFor(inspector))).code).toBe('HAZARD.FOUND_IN_FUTURE');
  });
});

describe('confirm and dismiss', () => {
  it('confirms by an inspecting role in scope', () => {
    expect(confirmed().confirmedBy?.userId).toBe(inspector.userId);
    expect(errorOf(transitionHazard(found(), { type: 'confirm' }, ctxFor(unit))).code).toBe('HAZARD.ROLE_NOT_ALLOWED');
    const away = actor('inspector', { jurisdictionId: JURISDICTIONS.districtB });
    expect(errorOf(transitionHazard(found(), { type: 'confirm' }, ctxFor(away))).code).toBe('HAZARD.OUT_OF_SCOPE');
    expect(errorOf(transitionHazard(confirmed(), { type: 'confirm' }, at(0))).code).toBe('HAZARD.INVALID_TRANSITION');
  });

  it('dismisses with a reason, but not once ordered', () => {
    expect(errorOf(transitionHazard(confirmed(), { type: 'dismiss', reason: '' }, at(0))).code).toBe('HAZARD.REASON_REQUIRED');
    expect(run(confirmed(), { type: 'dismiss', reason: '已拆除' }, at(0)).dismissal?.reason).toBe('已拆除');
    expect(errorOf(transitionHazard(ordered(), { type: 'dismiss', reason: 'x' }, at(0))).code).toBe('HAZARD.INVALID_TRANSITION');
  });
});

describe('order', () => {
  it('orders correction by a deadline with notice and re-inspection deadlines', () => {
    const r = expectOk(transitionHazard(confirmed(), { type: 'order', correction: { mode: 'deadline', dueDate: '2025-03-10' } }, at(0)));
    expect(r.next).toMatchObject({ status: 'ordered', correctionDue: '2025-03-10T15:59:59.999Z', reinspectionDue: '2025-03-13T15:59:59.999Z' });
    expect(r.next.orders[0]).toMatchObject({ mode: 'deadline', noticeRef: null, noticeDue: '2025-03-06T15:59:59.999Z', noticeServedAt: null });
    expect(r.next.orderedBy?.userId).toBe(inspector.userId);
    expect(effectsOfType(r.effects, 'deadline').map((d) => [d.kind, d.due])).toEqual([
      ['hazard.correction', '2025-03-10T15:59:59.999Z'],
      ['hazard.correction_notice', '2025-03-06T15:59:59.999Z'],
      ['hazard.reinspection', '2025-03-13T15:59:59.999Z'],
    ]);
    expect(effectsOfType(r.effects, 'notify')).toContainEqual(expect.objectContaining({ to: { kind: 'unit', venueId: 'venue-1' } }));
  });

  it('owes no written notice for an on-the-spot correction or a notice served with the order', () => {
    const now = expectOk(transitionHazard(confirmed(), { type: 'order', correction: { mode: 'immediate' } }, at(0)));
    expect(now.next.correctionDue).toBe(T0.toISOString());
    expect(effectsOfType(now.effects, 'deadline').map((d) => d.kind)).not.toContain('hazard.correction_notice');
    const served = expectOk(
      transitionHazard(confirmed(), { type: 'order', correction: { mode: 'deadline', dueDate: '2025-03-10' }, noticeRef: '穗消改字〔2025〕1号' }, at(0)),
    );
    expect(served.next.orders[0]).toMatchObject({ noticeRef: '穗消改字〔2025〕1号', noticeServedAt: T0.toISOString(), noticeDue: null });
    expect(effectsOfType(served.effects, 'deadline').map((d) => d.kind)).not.toContain('hazard.correction_notice');
  });

  it('refuses invalid or past deadlines and roles that do not order', () => {
    const c = confirmed();
    expect(errorOf(transitionHazard(c, { type: 'order', correction: { mode: 'deadline', dueDate: '2025-02-30' } }, at(0))).code).toBe('HAZARD.INVALID_DATE');
    expect(errorOf(transitionHazard(c, { type: 'order', correction: { mode: 'deadline', dueDate: '2025-03-02' } }, at(0))).code).toBe('HAZARD.DEADLINE_IN_PAST');
    expect(errorOf(transitionHazard(c, { type: 'order', correction: { mode: 'immediate' } }, ctxFor('grid_worker'))).code).toBe('HAZARD.ROLE_NOT_ALLOWED');
    expect(errorOf(transitionHazard(found(), { type: 'order', correction: { mode: 'immediate' } }, at(0))).code).toBe('HAZARD.INVALID_TRANSITION');
  });

  it('serves the notice later, flagging it late after 3 working days', () => {
    const onTime = expectOk(transitionHazard(ordered(), { type: 'serve_notice', noticeRef: 'N-1' }, at(1)));
    expect(onTime.next.status).toBe('ordered');
    expect(onTime.next.orders[0]?.noticeServedAt).toBe(daysLater(T0, 1).toISOString());
    expect(effectsOfType(onTime.effects, 'cancelDeadline')[0]?.kind).toBe('hazard.correction_notice');
    expect(effectsOfType(onTime.effects, 'audit')[0]?.data).toMatchObject({ late: false });
    const late = expectOk(transitionHazard(ordered(), { type: 'serve_notice', noticeRef: 'N-1' }, at(4)));
    expect(effectsOfType(late.effects, 'audit')[0]?.data).toMatchObject({ late: true });
    expect(errorOf(transitionHazard(onTime.next, { type: 'serve_notice', noticeRef: 'N-2' }, at(1))).code).toBe('HAZARD.NOTICE_NOT_OWED');
    expect(errorOf(transitionHazard(ordered(), { type: 'serve_notice', noticeRef: '' }, at(1))).code).toBe('HAZARD.NOTICE_REF_REQUIRED');
  });
});

describe('remediation, escalation and re-inspection', () => {
  it('takes remediation evidence from the unit, or from staff on its behalf', () => {
    const byUnit = expectOk(transitionHazard(ordered(), { type: 'submit_remediation', evidenceRefs: ['ev-1'] }, at(1, unit)));
    expect(byUnit.next.remediations[0]).toMatchObject({ onBehalf: false, evidenceRefs: ['ev-1'] });
    // Applied on Tuesday: re-inspection moves up from Thursday 13th to Friday 7th.
    expect(byUnit.next.reinspectionDue).toBe('2025-03-07T15:59:59.999Z');
    expect(effectsOfType(byUnit.effects, 'cancelDeadline').map((c) => c.kind)).toEqual(['hazard.correction', 'hazard.reinspection']);
    const byStaff = run(ordered(), { type: 'submit_remediation', evidenceRefs: ['ev-1'] }, at(1));
    expect(byStaff.remediations[0]?.onBehalf).toBe(true);
    expect(errorOf(transitionHazard(ordered(), { type: 'submit_remediation', evidenceRefs: [' '] }, at(1, unit))).code).toBe('HAZARD.EVIDENCE_REQUIRED');
    expect(errorOf(transitionHazard(ordered(), { type: 'submit_remediation', evidenceRefs: ['e'] }, ctxFor('grid_worker'))).code).toBe(
      'HAZARD.ROLE_NOT_ALLOWED',
    );
    const otherUnit = actor('unit', { jurisdictionId: JURISDICTIONS.districtB });
    expect(errorOf(transitionHazard(ordered(), { type: 'submit_remediation', evidenceRefs: ['e'] }, ctxFor(otherUnit))).code).toBe(
      'HAZARD.OUT_OF_SCOPE',
    );
  });

  it('escalates only after the correction deadline, and the unit can still remediate', () => {
    const o = ordered();
    expect(errorOf(transitionHazard(o, { type: 'escalate' }, at(7))).code).toBe('HAZARD.DEADLINE_NOT_PASSED'); // 10th 10:00
    const overdue = run(o, { type: 'escalate' }, at(8, supervisor));
    expect(overdue).toMatchObject({ status: 'overdue' });
    expect(overdue.escalations.map((e) => e.userId)).toEqual([supervisor.userId]);
    const late = expectOk(transitionHazard(overdue, { type: 'submit_remediation', evidenceRefs: ['ev'] }, at(10, unit)));
    expect(late.next.status).toBe('remediation_submitted');
    // The deadline-based re-inspection (13th) is earlier than one from this application (18th): kept.
    expect(late.next.reinspectionDue).toBe('2025-03-13T15:59:59.999Z');
    expect(effectsOfType(late.effects, 'cancelDeadline')).toEqual([]);
  });

  it('passes a re-inspection signed by a named inspector: verified, acceptedBy recorded', () => {
    const v = verified();
    expect(v).toMatchObject({ status: 'verified', acceptedBy: { userId: inspector.userId }, reinspectionDue: null });
    expect(v.reinspections).toEqual([expect.objectContaining({ result: 'pass', signatureRef: 'sig-1', signer: expect.objectContaining({ role: 'inspector' }) })]);
    expect(passingReinspection(v)?.signer.userId).toBe(inspector.userId);
  });

  it('refuses unsigned, unnamed or non-inspector re-inspections', () => {
    const s = submitted();
    expect(errorOf(transitionHazard(s, { type: 'reinspect_pass', signatureRef: '' }, at(2))).code).toBe('HAZARD.SIGNATURE_REQUIRED');
    const anonymous = actor('inspector', { name: ' ' });
    expect(errorOf(transitionHazard(s, { type: 'reinspect_pass', signatureRef: 's' }, ctxFor(anonymous))).code).toBe('HAZARD.SIGNER_UNNAMED');
    expect(errorOf(transitionHazard(s, { type: 'reinspect_pass', signatureRef: 's' }, ctxFor(supervisor))).code).toBe('HAZARD.ROLE_NOT_ALLOWED');
    expect(errorOf(transitionHazard(ordered(), { type: 'reinspect_pass', signatureRef: 's' }, at(2))).code).toBe('HAZARD.INVALID_TRANSITION');
  });

  it('fails a re-inspection back to ordered with a renewed future deadline', () => {
    const s = submitted();
    const cmd = { type: 'reinspect_fail', signatureRef: 'sig', note: '仍堆放杂物', newDueDate: '2025-03-20' } as const;
    expect(errorOf(transitionHazard(s, { ...cmd, note: '' }, at(2))).code).toBe('HAZARD.FINDINGS_REQUIRED');
    expect(errorOf(transitionHazard(s, { ...cmd, newDueDate: '2025-03-04' }, at(2))).code).toBe('HAZARD.DEADLINE_IN_PAST');
    const { next, effects } = expectOk(transitionHazard(s, cmd, at(2)));
    expect(next).toMatchObject({ status: 'ordered', correctionDue: '2025-03-20T15:59:59.999Z', reinspectionDue: '2025-03-25T15:59:59.999Z' });
    expect(next.orders).toHaveLength(2);
    expect(next.reinspections.map((r) => r.result)).toEqual(['fail']);
    expect(effectsOfType(effects, 'deadline').map((d) => d.kind)).toEqual(['hazard.correction', 'hazard.reinspection']);
    // A failed re-inspection is no ground for closing, even after another submission.
    const again = run(next, { type: 'submit_remediation', evidenceRefs: ['ev-2'] }, at(3, unit));
    expect(passingReinspection(again)).toBeNull();
  });

  it('re-inspects an overdue hazard and renews the order', () => {
    const overdue = run(ordered(), { type: 'escalate' }, at(8));
    const next = run(overdue, { type: 'reinspect_fail', signatureRef: 'sig', note: '未整改', newDueDate: '2025-03-21' }, at(8));
    expect(next.status).toBe('ordered');
  });
});

describe('close', () => {
  it('closes a verified hazard by a supervisor other than the re-inspection signer', () => {
    const { next, effects } = expectOk(transitionHazard(verified(), { type: 'close' }, at(3, supervisor)));
    expect(next).toMatchObject({ status: 'closed', closedBy: { userId: supervisor.userId, role: 'fire_supervisor' } });
    expect(effectsOfType(effects, 'notify')[0]).toMatchObject({ template: 'hazard.closed' });
  });

  it('refuses the signer closing their own acceptance, other roles and other statuses', () => {
    const sameperson = actor('fire_supervisor', { userId: inspector.userId });
    expect(errorOf(transitionHazard(verified(), { type: 'close' }, ctxFor(sameperson))).code).toBe('HAZARD.CLOSER_IS_SIGNER');
    expect(errorOf(transitionHazard(verified(), { type: 'close' }, at(3))).code).toBe('HAZARD.ROLE_NOT_ALLOWED');
    expect(errorOf(transitionHazard(submitted(), { type: 'close' }, at(3, supervisor))).code).toBe('HAZARD.INVALID_TRANSITION');
    const away = actor('fire_supervisor', { userId: 'sup-b', jurisdictionId: JURISDICTIONS.districtB });
    expect(errorOf(transitionHazard(verified(), { type: 'close' }, ctxFor(away))).code).toBe('HAZARD.OUT_OF_SCOPE');
  });

  it('refuses a verified record whose ledger lacks a later passing re-inspection', () => {
    const v = verified();
    const pass = v.reinspections[0]!;
    const noReinspection: HazardState = { ...v, reinspections: [] };
    const beforeRemediation: HazardState = { ...v, reinspections: [{ ...pass, version: 1 }] };
    const unsigned: HazardState = { ...v, reinspections: [{ ...pass, signatureRef: '' }] };
    for (const forged of [noReinspection, beforeRemediation, unsigned]) {
      expect(errorOf(transitionHazard(forged, { type: 'close' }, at(3, supervisor))).code).toBe('HAZARD.NO_PASSING_REINSPECTION');
    }
  });
});

describe('mark_major', () => {
  it('records a GB 35181 determination without moving the status', () => {
    const o = ordered();
    const { next, effects } = expectOk(transitionHazard(o, { type: 'mark_major', determinationId: 'det-1', decided: true }, at(0, supervisor)));
    expect(next).toMatchObject({ status: 'ordered', major: { determinationId: 'det-1', markedBy: { userId: supervisor.userId } } });
    expect(effectsOfType(effects, 'deadline')).toEqual([expect.objectContaining({ kind: 'hazard.major_notice', due: '2025-03-06T15:59:59.999Z' })]);
    expect(effectsOfType(effects, 'notify').map((n) => n.to.kind)).toContain('role');
    expect(errorOf(transitionHazard(next, { type: 'mark_major', determinationId: 'det-1', decided: true }, at(0, supervisor))).code).toBe('HAZARD.ALREADY_MAJOR');
    const cleared = expectOk(transitionHazard(next, { type: 'mark_major', determinationId: 'det-2', decided: false }, at(1, supervisor)));
    expect(cleared.next.major).toBeNull();
    expect(effectsOfType(cleared.effects, 'cancelDeadline')[0]?.kind).toBe('hazard.major_notice');
  });

  it('extends the notice deadline by 10 working days when experts were used', () => {
    const { effects } = expectOk(transitionHazard(found(), { type: 'mark_major', determinationId: 'det-1', decided: true, withExperts: true }, at(0, supervisor)));
    expect(effectsOfType(effects, 'deadline')[0]?.due).toBe('2025-03-20T15:59:59.999Z');
  });

  it('refuses without a determination, by other roles, and on closed hazards', () => {
    expect(errorOf(transitionHazard(found(), { type: 'mark_major', determinationId: '', decided: true }, at(0, supervisor))).code).toBe(
      'HAZARD.DETERMINATION_REQUIRED',
    );
    expect(errorOf(transitionHazard(found(), { type: 'mark_major', determinationId: 'd', decided: true }, at(0))).code).toBe('HAZARD.ROLE_NOT_ALLOWED');
    const closed = run(verified(), { type: 'close' }, at(3, supervisor));
    expect(errorOf(transitionHazard(closed, { type: 'mark_major', determinationId: 'd', decided: true }, at(4, supervisor))).code).toBe(
      'HAZARD.INVALID_TRANSITION',
    );
  });
});

describe('the API gate of each hazard command', () => {
  it('lets through exactly the roles the lifecycle allows', () => {
    for (const [command, capability] of Object.entries(HAZARD_COMMAND_CAPABILITY)) {
      // The system role acts through the job runner, never through the API gate.
      const lifecycleRoles = new Set(
        hazardLifecycle.transitions.filter((t) => t.command === command).flatMap((t) => t.roles.filter((r) => r !== 'system')),
      );
      expect(lifecycleRoles.size, command).toBeGreaterThan(0);
      expect([...new Set(capabilityDefinition(capability)!.roles)].sort(), `${command} gated by ${capability}`).toEqual([...lifecycleRoles].sort());
    }
  });
});
