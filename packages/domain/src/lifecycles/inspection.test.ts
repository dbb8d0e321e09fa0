import { describe, expect, it } from 'vitest';
import type { Actor } from '../common/actor';
import { createHazard } from './hazard';
import {
  createInspection,
  hazardInputsFromInspection,
  inspectionLifecycle,
  INSPECTION_STATUSES,
  missingSignatures,
  transitionInspection,
  type CreateInspectionInput,
  type InspectionCommand,
  type InspectionState,
  type Participant,
} from './inspection';
import { reachable } from './machine';
import { actor, ctxFor, effectsOfType, errorOf, expectOk, hoursLater, JURISDICTIONS, sequentialIds, T0 } from './test-support';

const a = actor('inspector', { userId: 'insp-a', name: '王甲' });
const b = actor('police_officer', { userId: 'pol-b', name: '赵乙' });
const c = actor('inspector', { userId: 'insp-c', name: '钱丙' });
const expert = actor('expert', { userId: 'exp-1', name: '吴专家' });
const unit = actor('unit');
const supervisor = actor('fire_supervisor');
const person = (x: Actor): Participant => ({ userId: x.userId, name: x.name, role: x.role, departmentId: x.departmentId });

const input: CreateInspectionInput = {
  jurisdictionId: JURISDICTIONS.gridA1,
  venueId: 'venue-1',
  source: 'double_random',
  sourceRef: 'draw-1',
  plannedFor: '2025-03-03',
  checkItemIds: ['item-1', 'item-2'],
  team: [person(a), person(b), person(c)],
  experts: [person(expert)],
};

function run(state: InspectionState, command: InspectionCommand, who: Actor, hours = 0): InspectionState {
  const r = expectOk(transitionInspection(state, command, ctxFor(who, { now: hoursLater(T0, hours), newId: sequentialIds('f') })));
  expect(effectsOfType(r.effects, 'audit')).toHaveLength(1);
  expect(r.next.version).toBe(state.version + 1);
  return r.next;
}

const planned = (over: Partial<CreateInspectionInput> = {}): InspectionState =>
  expectOk(createInspection({ ...input, ...over }, ctxFor(supervisor, { newId: () => 'insp-1' }))).next;
const started = (): InspectionState => run(planned(), { type: 'start', presentInspectorIds: ['insp-a', 'pol-b'], presentExpertIds: ['exp-1'] }, a);
const finding = { checkItemId: 'item-2', riskCategory: 'ebike_indoor', description: '一楼大堂电动车充电', photoRefs: ['p-1'] };
const recorded = (): InspectionState =>
  run(started(), { type: 'record', findings: [finding], signatureRef: 'sig-a', privateRemark: '负责人态度消极' }, a, 1);
const signed = (): InspectionState => run(recorded(), { type: 'sign', signatureRef: 'sig-b', privateRemark: '建议复查' }, b, 1);
const confirmed = (): InspectionState => run(signed(), { type: 'confirm', signerName: '郑经理', capacity: 'responsible_person', signatureRef: 'sig-u' }, unit, 2);

describe('inspection lifecycle table', () => {
  it('reaches every status from planned', () => {
    expect([...reachable(inspectionLifecycle)].sort()).toEqual([...INSPECTION_STATUSES].sort());
  });
});

describe('createInspection', () => {
  it('plans with a team of inspectors and tells each participant, not the unit', () => {
    const { next, effects } = expectOk(createInspection(input, ctxFor(supervisor, { newId: () => 'insp-1' })));
    expect(next).toMatchObject({ id: 'insp-1', status: 'planned', version: 1, source: 'double_random', sourceRef: 'draw-1' });
    expect(effectsOfType(effects, 'notify').map((n) => n.to)).toEqual([
      { kind: 'user', userId: 'insp-a' },
      { kind: 'user', userId: 'pol-b' },
      { kind: 'user', userId: 'insp-c' },
      { kind: 'user', userId: 'exp-1' },
    ]);
  });

  it('requires two distinct named inspectors; experts do not count', () => {
    const ctx = ctxFor(supervisor);
    expect(errorOf(createInspection({ ...input, team: [person(a)] }, ctx)).code).toBe('INSPECTION.TOO_FEW_INSPECTORS');
    expect(errorOf(createInspection({ ...input, team: [person(a), person(expert)], experts: [] }, ctx)).code).toBe('INSPECTION.INVALID_TEAM_MEMBER');
    expect(errorOf(createInspection({ ...input, team: [person(a), person(a)] }, ctx)).code).toBe('INSPECTION.DUPLICATE_PARTICIPANT');
    expect(errorOf(createInspection({ ...input, team: [person(a), { ...person(b), name: '' }] }, ctx)).code).toBe('INSPECTION.PARTICIPANT_UNNAMED');
    expect(errorOf(createInspection({ ...input, experts: [person(c)] }, ctx)).code).toBe('INSPECTION.DUPLICATE_PARTICIPANT');
    expect(errorOf(createInspection({ ...input, experts: [person(unit)] }, ctx)).code).toBe('INSPECTION.INVALID_EXPERT');
    expect(errorOf(createInspection({ ...input, source: 'expert_check', experts: [] }, ctx)).code).toBe('INSPECTION.EXPERT_REQUIRED');
  });

  it('refuses other roles, other jurisdictions and bad dates', () => {
    expect(errorOf(createInspection(input, ctxFor('grid_worker'))).code).toBe('INSPECTION.ROLE_NOT_ALLOWED');
    expect(errorOf(createInspection({ ...input, jurisdictionId: JURISDICTIONS.districtB }, ctxFor(supervisor))).code).toBe('INSPECTION.OUT_OF_SCOPE');
    expect(errorOf(createInspection({ ...input, plannedFor: '2025-13-01' }, ctxFor(supervisor))).code).toBe('INSPECTION.INVALID_DATE');
    expect(errorOf(createInspection({ ...input, venueId: '' }, ctxFor(supervisor))).code).toBe('INSPECTION.VENUE_REQUIRED');
  });
});

describe('transitionInspection', () => {
  it('starts with at least two team inspectors on site', () => {
    const s = started();
    expect(s).toMatchObject({ status: 'in_progress', presentInspectorIds: ['insp-a', 'pol-b'], presentExpertIds: ['exp-1'] });
    const p = planned();
    expect(errorOf(transitionInspection(p, { type: 'start', presentInspectorIds: ['insp-a'] }, ctxFor(a))).code).toBe('INSPECTION.TOO_FEW_INSPECTORS');
    expect(errorOf(transitionInspection(p, { type: 'start', presentInspectorIds: ['insp-a', 'insp-a'] }, ctxFor(a))).code).toBe(
      'INSPECTION.TOO_FEW_INSPECTORS',
    );
    expect(errorOf(transitionInspection(p, { type: 'start', presentInspectorIds: ['insp-a', 'x'] }, ctxFor(a))).code).toBe('INSPECTION.NOT_ON_TEAM');
    expect(errorOf(transitionInspection(p, { type: 'start', presentInspectorIds: ['pol-b', 'insp-c'] }, ctxFor(a))).code).toBe(
      'INSPECTION.STARTER_NOT_PRESENT',
    );
    const stranger = actor('inspector', { userId: 'other' });
    expect(errorOf(transitionInspection(p, { type: 'start', presentInspectorIds: ['insp-a', 'pol-b'] }, ctxFor(stranger))).code).toBe(
      'INSPECTION.NOT_ON_TEAM',
    );
    expect(errorOf(transitionInspection(p, { type: 'start', presentInspectorIds: ['insp-a', 'pol-b'] }, ctxFor(expert))).code).toBe(
      'INSPECTION.ROLE_NOT_ALLOWED',
    );
    const away = actor('inspector', { userId: 'insp-a', jurisdictionId: JURISDICTIONS.districtB });
    expect(errorOf(transitionInspection(p, { type: 'start', presentInspectorIds: ['insp-a', 'pol-b'] }, ctxFor(away))).code).toBe(
      'INSPECTION.OUT_OF_SCOPE',
    );
    expect(errorOf(transitionInspection(s, { type: 'start', presentInspectorIds: ['insp-a', 'pol-b'] }, ctxFor(a))).code).toBe(
      'INSPECTION.INVALID_TRANSITION',
    );
  });

  it('needs an expert on site for an expert check', () => {
    const p = planned({ source: 'expert_check' });
    expect(errorOf(transitionInspection(p, { type: 'start', presentInspectorIds: ['insp-a', 'pol-b'] }, ctxFor(a))).code).toBe('INSPECTION.EXPERT_REQUIRED');
  });

  it('cancels a planned inspection with a reason', () => {
    expect(errorOf(transitionInspection(planned(), { type: 'cancel', reason: '' }, ctxFor(supervisor))).code).toBe('INSPECTION.REASON_REQUIRED');
    expect(run(planned(), { type: 'cancel', reason: '单位已停业' }, supervisor).status).toBe('cancelled');
    expect(errorOf(transitionInspection(started(), { type: 'cancel', reason: 'x' }, ctxFor(supervisor))).code).toBe('INSPECTION.INVALID_TRANSITION');
  });

  it('records findings with the recorder’s signature and keeps private remarks apart', () => {
    const r = recorded();
    expect(r.findings).toEqual([{ id: 'f-1', checkItemId: 'item-2', riskCategory: 'ebike_indoor', description: '一楼大堂电动车充电', photoRefs: ['p-1'] }]);
    expect(r.signatures.map((s) => s.userId)).toEqual(['insp-a']);
    expect(r.privateRemarks.map((p) => p.text)).toEqual(['负责人态度消极']);
    expect(JSON.stringify(r.findings)).not.toContain('负责人态度消极');
    const s = started();
    expect(errorOf(transitionInspection(s, { type: 'record', findings: [], signatureRef: '' }, ctxFor(a))).code).toBe('INSPECTION.SIGNATURE_REQUIRED');
    expect(errorOf(transitionInspection(s, { type: 'record', findings: [{ ...finding, description: '' }], signatureRef: 's' }, ctxFor(a))).code).toBe(
      'INSPECTION.INVALID_FINDING',
    );
    // On the team but not on site today.
    expect(errorOf(transitionInspection(s, { type: 'record', findings: [], signatureRef: 's' }, ctxFor(c))).code).toBe('INSPECTION.NOT_ON_TEAM');
  });

  it('collects each present inspector’s own signature once', () => {
    const r = recorded();
    expect(missingSignatures(r)).toEqual(['pol-b']);
    expect(errorOf(transitionInspection(r, { type: 'sign', signatureRef: 's' }, ctxFor(a))).code).toBe('INSPECTION.ALREADY_SIGNED');
    expect(errorOf(transitionInspection(r, { type: 'sign', signatureRef: '' }, ctxFor(b))).code).toBe('INSPECTION.SIGNATURE_REQUIRED');
    expect(errorOf(transitionInspection(r, { type: 'sign', signatureRef: 's' }, ctxFor(c))).code).toBe('INSPECTION.NOT_ON_TEAM');
    const s = signed();
    expect(s.status).toBe('recorded');
    expect(missingSignatures(s)).toEqual([]);
    expect(s.privateRemarks.map((p) => p.by.userId)).toEqual(['insp-a', 'pol-b']);
  });

  it('lets the unit confirm only after every inspector signed, with the responsible person’s signature', () => {
    const confirm = { type: 'confirm', signerName: '郑经理', capacity: 'responsible_person', signatureRef: 'sig-u' } as const;
    expect(errorOf(transitionInspection(recorded(), confirm, ctxFor(unit))).code).toBe('INSPECTION.SIGNATURES_INCOMPLETE');
    expect(errorOf(transitionInspection(signed(), { ...confirm, signatureRef: '' }, ctxFor(unit))).code).toBe('INSPECTION.UNIT_SIGNATURE_REQUIRED');
    expect(errorOf(transitionInspection(signed(), { ...confirm, signerName: ' ' }, ctxFor(unit))).code).toBe('INSPECTION.UNIT_SIGNATURE_REQUIRED');
    expect(errorOf(transitionInspection(signed(), confirm, ctxFor('grid_worker'))).code).toBe('INSPECTION.ROLE_NOT_ALLOWED');
    const otherUnit = actor('unit', { jurisdictionId: JURISDICTIONS.districtB });
    expect(errorOf(transitionInspection(signed(), confirm, ctxFor(otherUnit))).code).toBe('INSPECTION.OUT_OF_SCOPE');
    const done = confirmed();
    expect(done).toMatchObject({ status: 'confirmed', unitConfirmation: { signerName: '郑经理', capacity: 'responsible_person' } });
    // Entered on an inspector's tablet: that inspector must be on site.
    expect(run(signed(), confirm, b).unitConfirmation?.recordedBy.userId).toBe('pol-b');
    expect(errorOf(transitionInspection(signed(), confirm, ctxFor(c))).code).toBe('INSPECTION.NOT_ON_TEAM');
  });

  it('keeps the checklist item by item, each failed item matched by a finding', () => {
    const results = [
      { checkItemId: 'item-1', result: 'pass', note: null },
      { checkItemId: 'item-2', result: 'fail', note: '大堂充电' },
    ] as const;
    const r = run(started(), { type: 'record', findings: [finding], itemResults: results, signatureRef: 'sig-a' }, a, 1);
    expect(r.itemResults).toEqual([
      { checkItemId: 'item-1', result: 'pass', note: null },
      { checkItemId: 'item-2', result: 'fail', note: '大堂充电' },
    ]);
    const s = started();
    const rec = (itemResults: InspectionCommand & { type: 'record' } extends infer C ? (C extends { itemResults?: infer R } ? R : never) : never, findings = [finding]) =>
      transitionInspection(s, { type: 'record', findings, itemResults, signatureRef: 'sig-a' }, ctxFor(a));
    expect(errorOf(rec([results[1]])).code).toBe('INSPECTION.CHECKLIST_INCOMPLETE');
    expect(errorOf(rec([...results, { checkItemId: 'item-9', result: 'pass' }])).code).toBe('INSPECTION.UNKNOWN_CHECK_ITEM');
    expect(errorOf(rec([...results, results[0]])).code).toBe('INSPECTION.DUPLICATE_CHECK_ITEM');
    expect(errorOf(rec([results[0], { checkItemId: 'item-2', result: 'not_applicable' }])).code).toBe('INSPECTION.FINDINGS_MISMATCH');
    expect(errorOf(rec([{ checkItemId: 'item-1', result: 'fail' }, results[1]])).code).toBe('INSPECTION.FINDINGS_MISMATCH');
    expect(errorOf(rec([results[0], { checkItemId: 'item-2', result: 'maybe' as 'pass' }])).code).toBe('INSPECTION.INVALID_CHECK_RESULT');
    // A finding off the checklist (something else seen on site) needs no item.
    expect(expectOk(rec(results, [finding, { checkItemId: '', riskCategory: 'other', description: '消防车道停车' } as never])).next.findings).toHaveLength(2);
  });

  it('records a refusal before an independent named witness', () => {
    const refuse = { type: 'record_refusal', reason: '负责人拒绝签字', witness: { name: '社区干部刘某', signatureRef: 'sig-w' } } as const;
    expect(errorOf(transitionInspection(recorded(), refuse, ctxFor(a))).code).toBe('INSPECTION.SIGNATURES_INCOMPLETE');
    expect(errorOf(transitionInspection(signed(), { ...refuse, witness: { name: '' } }, ctxFor(a))).code).toBe('INSPECTION.WITNESS_REQUIRED');
    expect(errorOf(transitionInspection(signed(), { ...refuse, witness: { name: '钱丙' } }, ctxFor(a))).code).toBe('INSPECTION.WITNESS_NOT_INDEPENDENT');
    expect(errorOf(transitionInspection(signed(), { ...refuse, reason: '' }, ctxFor(a))).code).toBe('INSPECTION.REASON_REQUIRED');
    expect(errorOf(transitionInspection(signed(), refuse, ctxFor(unit))).code).toBe('INSPECTION.ROLE_NOT_ALLOWED');
    const r = run(signed(), refuse, a);
    expect(r).toMatchObject({ status: 'refusal_recorded', refusal: { witness: { name: '社区干部刘某', signatureRef: 'sig-w' } } });
    expect(run(r, { type: 'complete' }, b).status).toBe('completed');
  });

  it('lets the unit state its refusal once every present inspector has signed, leaving the record for the inspectors', () => {
    const refuse = { type: 'unit_refuse', reason: '对第1项发现有异议' } as const;
    expect(errorOf(transitionInspection(recorded(), refuse, ctxFor(unit))).code).toBe('INSPECTION.SIGNATURES_INCOMPLETE');
    expect(errorOf(transitionInspection(signed(), { ...refuse, reason: '  ' }, ctxFor(unit))).code).toBe('INSPECTION.REASON_REQUIRED');
    expect(errorOf(transitionInspection(signed(), refuse, ctxFor(a))).code).toBe('INSPECTION.ROLE_NOT_ALLOWED');
    expect(errorOf(transitionInspection(signed(), refuse, ctxFor(actor('unit', { jurisdictionId: JURISDICTIONS.districtB })))).code).toBe('INSPECTION.OUT_OF_SCOPE');
    expect(errorOf(transitionInspection(confirmed(), refuse, ctxFor(unit))).code).toBe('INSPECTION.INVALID_TRANSITION');

    const before = signed();
    const r = expectOk(transitionInspection(before, refuse, ctxFor(unit, { now: hoursLater(T0, 2) })));
    expect(r.next).toMatchObject({ status: 'recorded', version: before.version + 1, unitRefusal: { reason: '对第1项发现有异议', by: { userId: unit.userId, role: 'unit' } } });
    expect(r.next.refusal).toBeNull();
    const [audit, ...rest] = r.effects;
    expect(effectsOfType(r.effects, 'audit')).toHaveLength(1);
    expect(audit).toMatchObject({ type: 'audit', action: 'unit_refuse', from: 'recorded', to: 'recorded', data: { reason: '对第1项发现有异议' } });
    expect(rest.map((e) => (e.type === 'notify' ? e.to : e.type))).toEqual([
      { kind: 'user', userId: 'insp-a' },
      { kind: 'user', userId: 'pol-b' },
    ]);
    expect(errorOf(transitionInspection(r.next, refuse, ctxFor(unit))).code).toBe('INSPECTION.ALREADY_REFUSED');
    // The inspectors still make the legal record, or the unit changes its mind and signs.
    const witnessed = run(r.next, { type: 'record_refusal', reason: '负责人拒绝签字', witness: { name: '社区干部刘某' } }, a);
    expect(witnessed).toMatchObject({ status: 'refusal_recorded', unitRefusal: { reason: '对第1项发现有异议' } });
    expect(run(r.next, { type: 'confirm', signerName: '郑经理', capacity: 'responsible_person', signatureRef: 'sig-u' }, unit).status).toBe('confirmed');
  });

  it('completes and hands the findings over as hazards to create', () => {
    const c1 = confirmed();
    expect(hazardInputsFromInspection(c1)).toEqual([]);
    // A team member who was not on site may still complete the file; a stranger may not.
    expect(transitionInspection(c1, { type: 'complete' }, ctxFor(c)).ok).toBe(true);
    const outsider = actor('inspector', { userId: 'stranger' });
    expect(errorOf(transitionInspection(c1, { type: 'complete' }, ctxFor(outsider))).code).toBe('INSPECTION.NOT_ON_TEAM');
    expect(errorOf(transitionInspection(signed(), { type: 'complete' }, ctxFor(a))).code).toBe('INSPECTION.INVALID_TRANSITION');
    const { next, effects } = expectOk(transitionInspection(c1, { type: 'complete' }, ctxFor(supervisor)));
    expect(next.completedBy?.userId).toBe(supervisor.userId);
    expect(effectsOfType(effects, 'notify')[0]?.to).toEqual({ kind: 'unit', venueId: 'venue-1' });
    const inputs = hazardInputsFromInspection(next);
    expect(inputs).toEqual([
      expect.objectContaining({ source: 'inspection', sourceRef: 'insp-1', venueId: 'venue-1', riskCategory: 'ebike_indoor', foundAt: T0.toISOString() }),
    ]);
    // The hand-over is directly acceptable to the hazard lifecycle.
    expect(expectOk(createHazard(inputs[0]!, ctxFor(a, { now: hoursLater(T0, 3) }))).next.status).toBe('found');
  });
});
