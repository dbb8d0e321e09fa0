// Real states for the projection tests, built through the lifecycles so the views
// are tested against what the kernel actually produces. Test-only; pure.
import type { Actor } from '../common/actor';
import { createHazard, transitionHazard, type HazardState } from '../lifecycles/hazard';
import { createInspection, transitionInspection, type InspectionState, type Participant } from '../lifecycles/inspection';
import { createReport, transitionReport, type CreateReportInput, type ReportState } from '../lifecycles/report';
import { actor, ctxFor, daysLater, expectOk, hoursLater, JURISDICTIONS, sequentialIds, T0 } from '../lifecycles/test-support';

export const inspector = actor('inspector', { userId: 'insp-wang', name: '王监督' });
const police = actor('police_officer', { userId: 'pol-zhao', name: '赵民警' });
const supervisor = actor('fire_supervisor', { userId: 'sup-li', name: '李大队长' });
const unit = actor('unit');

export const reportInput: CreateReportInput = {
  jurisdictionId: JURISDICTIONS.gridA1,
  channel: 'web',
  riskCategory: 'ebike_indoor',
  venueId: 'venue-1',
  location: { lat: 23.13, lng: 113.26, address: '越秀区中山路1号' },
  description: '一楼大堂有电动车充电',
  anonymous: false,
  whistleblower: false,
  reporterRef: 'sealed-reporter-77',
};

export const submittedReport = (over: Partial<CreateReportInput> = {}): ReportState =>
  expectOk(createReport({ ...reportInput, ...over }, ctxFor(over.whistleblower ? 'whistleblower' : 'public', { newId: () => 'rep-1' }))).next;

const stepReport = (s: ReportState, cmd: Parameters<typeof transitionReport>[1], who: Actor, hours: number): ReportState =>
  expectOk(transitionReport(s, cmd, ctxFor(who, { now: hoursLater(T0, hours) }))).next;

export const acceptedReport = () =>
  stepReport(submittedReport(), { type: 'accept', publicNote: '已受理，将尽快核查', internalNote: '疑似同行恶意举报，核查时注意' }, inspector, 1);
export const verifyingReport = () => stepReport(acceptedReport(), { type: 'assign', assignee: { ...inspector } }, supervisor, 2);
export const substantiatedReport = (hours = 30) =>
  stepReport(verifyingReport(), { type: 'substantiate', hazardIds: ['hz-1'], internalNote: '现场负责人不配合' }, inspector, hours);
export const repliedReport = () => stepReport(substantiatedReport(), { type: 'reply', text: '经核查属实，已责令单位限期改正。' }, inspector, 50);
export const unfoundedReport = () =>
  stepReport(verifyingReport(), { type: 'mark_unfounded', reason: '现场未发现电动车' }, inspector, 20);
export const rejectedReport = () =>
  stepReport(
    submittedReport(),
    { type: 'reject', reason: 'duplicate', duplicateOf: 'rep-0', explanation: '该隐患已有他人举报，正在处理' },
    inspector,
    3,
  );

const stepHazard = (s: HazardState, cmd: Parameters<typeof transitionHazard>[1], who: Actor, days: number): HazardState =>
  expectOk(transitionHazard(s, cmd, ctxFor(who, { now: daysLater(T0, days) }))).next;

export const foundHazard = (id = 'hz-1'): HazardState =>
  expectOk(
    createHazard(
      {
        jurisdictionId: JURISDICTIONS.gridA1,
        venueId: 'venue-1',
        source: 'report',
        sourceRef: 'rep-1',
        riskCategory: 'ebike_indoor',
        description: '一楼大堂电动车违规充电',
        photoRefs: ['photo-secret-1'],
      },
      ctxFor(inspector, { newId: () => id, now: daysLater(T0, 1) }),
    ),
  ).next;
export const orderedHazard = (id = 'hz-1') =>
  stepHazard(stepHazard(foundHazard(id), { type: 'confirm' }, inspector, 1), { type: 'order', correction: { mode: 'deadline', dueDate: '2025-03-14' } }, inspector, 1);
export const closedHazard = () => {
  const submitted = stepHazard(orderedHazard(), { type: 'submit_remediation', evidenceRefs: ['evidence-secret-1'], note: '已清理' }, unit, 5);
  const verified = stepHazard(submitted, { type: 'reinspect_pass', signatureRef: 'sig-secret-1', note: '老板说下次不敢了' }, inspector, 6);
  return stepHazard(verified, { type: 'close' }, supervisor, 7);
};

const person = (x: Actor): Participant => ({ userId: x.userId, name: x.name, role: x.role, departmentId: x.departmentId });

const stepInspection = (s: InspectionState, cmd: Parameters<typeof transitionInspection>[1], who: Actor, hours: number): InspectionState =>
  expectOk(transitionInspection(s, cmd, ctxFor(who, { now: hoursLater(T0, hours), newId: sequentialIds('f') }))).next;

export const plannedInspection = (): InspectionState =>
  expectOk(
    createInspection(
      {
        jurisdictionId: JURISDICTIONS.gridA1,
        venueId: 'venue-1',
        source: 'double_random',
        sourceRef: 'draw-1',
        plannedFor: '2025-03-03',
        team: [person(inspector), person(police)],
      },
      ctxFor(supervisor, { newId: () => 'insp-1' }),
    ),
  ).next;

/** Started on the second day (China time) after the plan, to tell the site date from the planned one. */
export const completedInspection = (): InspectionState => {
  const started = stepInspection(plannedInspection(), { type: 'start', presentInspectorIds: [inspector.userId, police.userId] }, inspector, 24);
  const recorded = stepInspection(
    started,
    {
      type: 'record',
      findings: [
        { riskCategory: 'ebike_indoor', description: '一楼大堂电动车充电', photoRefs: ['photo-secret-2'] },
        { riskCategory: 'evacuation_blocked', description: '二楼安全出口锁闭' },
        { riskCategory: 'ebike_indoor', description: '楼梯间停放电动车' },
      ],
      signatureRef: 'sig-secret-a',
      privateRemark: '负责人态度消极，建议重点关注',
    },
    inspector,
    25,
  );
  const signed = stepInspection(recorded, { type: 'sign', signatureRef: 'sig-secret-b' }, police, 25);
  const confirmed = stepInspection(
    signed,
    { type: 'confirm', signerName: '郑经理', capacity: 'responsible_person', signatureRef: 'sig-secret-u' },
    unit,
    26,
  );
  return stepInspection(confirmed, { type: 'complete' }, inspector, 27);
};
