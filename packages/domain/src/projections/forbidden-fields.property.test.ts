import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActorStamp } from '../common/actor';
import { ROLES } from '../common/roles';
import { HAZARD_SOURCES, HAZARD_STATUSES, type HazardState } from '../lifecycles/hazard';
import { INSPECTION_SOURCES, INSPECTION_STATUSES, type InspectionState } from '../lifecycles/inspection';
import { REPORT_CHANNELS, REPORT_REJECT_REASONS, REPORT_STATUSES, type ReportState } from '../lifecycles/report';
import { open311Request } from './open311-request';
import { publicHazardView } from './public-hazard-view';
import { publicReportView } from './public-report-view';
import { publicVenueView, type ResponsiblePersonRecord, type SafetyCommitmentRecord, type VenueRecord } from './public-venue-view';

/**
 * Every value a public view must never show is generated with this marker, so one
 * search of the serialized view finds any leak, whatever field it came through.
 * Public strings are ASCII or fixed Chinese phrases, which cannot contain it.
 */
const MARK = '§SECRET';
const secret = fc.nat().map((n) => `${MARK}${n}§`);
const publicText = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('楼道堆放杂物', '安全出口锁闭', '已责令改正'));
const iso = fc
  .integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2027-01-01T00:00:00Z') })
  .map((t) => new Date(t).toISOString());
const riskCode = fc.oneof(
  fc.constantFrom('ebike_indoor', 'evacuation_blocked', 'facilities_disabled', 'flammable_decoration'),
  fc.string({ minLength: 1, maxLength: 12 }),
);

const stamp: fc.Arbitrary<ActorStamp> = fc.record({
  userId: secret,
  name: secret,
  role: fc.constantFrom(...ROLES),
  departmentId: fc.option(secret),
  at: iso,
});

const report: fc.Arbitrary<ReportState> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 8 }),
  status: fc.constantFrom(...REPORT_STATUSES),
  jurisdictionId: fc.constant('grid-a1-1'),
  channel: fc.constantFrom(...REPORT_CHANNELS),
  riskCategory: riskCode,
  venueId: fc.option(fc.constant('venue-1')),
  location: fc.record({ lat: fc.double({ min: -90, max: 90, noNaN: true }), lng: fc.double({ min: -180, max: 180, noNaN: true }), address: publicText }),
  description: publicText,
  anonymous: fc.boolean(),
  whistleblower: fc.boolean(),
  reporterRef: fc.option(secret),
  receivedAt: iso,
  filedBy: fc.option(stamp),
  urgent: fc.boolean(),
  verificationDue: iso,
  replyDue: fc.option(iso),
  acceptedBy: fc.option(stamp),
  rejectedBy: fc.option(stamp),
  rejectReason: fc.option(fc.constantFrom(...REPORT_REJECT_REASONS)),
  duplicateOf: fc.option(fc.constant('rep-0')),
  assignee: fc.option(fc.record({ userId: secret, name: secret, role: fc.constantFrom(...ROLES), departmentId: fc.option(secret) })),
  assignedBy: fc.option(stamp),
  verifiedBy: fc.option(stamp),
  verifiedLate: fc.option(fc.boolean()),
  hazardIds: fc.array(fc.constantFrom('hz-1', 'hz-2', 'hz-3'), { maxLength: 3 }),
  repliedBy: fc.option(stamp),
  reply: fc.option(publicText),
  publicNotes: fc.array(fc.record({ at: iso, text: publicText }), { maxLength: 3 }),
  internalNotes: fc.array(fc.record({ at: iso, text: secret, by: stamp }), { maxLength: 3 }),
  version: fc.integer({ min: 1, max: 20 }),
});

const hazard: fc.Arbitrary<HazardState> = fc.record({
  id: fc.constantFrom('hz-1', 'hz-2', 'hz-3', 'hz-4'),
  status: fc.constantFrom(...HAZARD_STATUSES),
  jurisdictionId: fc.constant('grid-a1-1'),
  venueId: fc.option(fc.constant('venue-1')),
  source: fc.constantFrom(...HAZARD_SOURCES),
  // The source record may be a whistleblower's report: linking to it is itself a leak.
  sourceRef: fc.option(secret),
  riskCategory: riskCode,
  checkItemId: fc.option(secret),
  description: publicText,
  photoRefs: fc.array(secret, { maxLength: 2 }),
  foundAt: iso,
  foundBy: stamp,
  confirmedBy: fc.option(stamp),
  dismissal: fc.option(fc.record({ reason: secret, by: stamp })),
  orderedBy: fc.option(stamp),
  orders: fc.array(
    fc.record({
      mode: fc.constantFrom('immediate' as const, 'deadline' as const),
      due: iso,
      noticeRef: fc.option(secret),
      noticeDue: fc.option(iso),
      noticeServedAt: fc.option(iso),
      by: stamp,
    }),
    { maxLength: 3 },
  ),
  correctionDue: fc.option(iso),
  reinspectionDue: fc.option(iso),
  remediations: fc.array(
    fc.record({ by: stamp, onBehalf: fc.boolean(), evidenceRefs: fc.array(secret, { maxLength: 2 }), note: secret, at: iso, version: fc.nat() }),
    { maxLength: 2 },
  ),
  reinspections: fc.array(
    fc.record({
      signer: stamp,
      result: fc.constantFrom('pass' as const, 'fail' as const),
      signatureRef: secret,
      note: secret,
      inspectionId: fc.option(secret),
      at: iso,
      version: fc.nat(),
    }),
    { maxLength: 2 },
  ),
  escalations: fc.array(stamp, { maxLength: 2 }),
  acceptedBy: fc.option(stamp),
  closedBy: fc.option(stamp),
  major: fc.option(fc.record({ determinationId: secret, markedBy: stamp })),
  version: fc.integer({ min: 1, max: 20 }),
});

const participant = fc.record({ userId: secret, name: secret, role: fc.constantFrom(...ROLES), departmentId: fc.option(secret) });
const inspection: fc.Arbitrary<InspectionState> = fc.record({
  id: fc.constant('insp-1'),
  status: fc.constantFrom(...INSPECTION_STATUSES),
  jurisdictionId: fc.constant('grid-a1-1'),
  venueId: fc.constant('venue-1'),
  source: fc.constantFrom(...INSPECTION_SOURCES),
  sourceRef: fc.option(secret),
  plannedFor: fc.constant('2025-03-03'),
  checkItemIds: fc.array(secret, { maxLength: 2 }),
  team: fc.array(participant, { maxLength: 3 }),
  experts: fc.array(participant, { maxLength: 2 }),
  plannedBy: stamp,
  startedBy: fc.option(stamp),
  presentInspectorIds: fc.array(secret, { maxLength: 2 }),
  presentExpertIds: fc.array(secret, { maxLength: 2 }),
  findings: fc.array(
    fc.record({ id: secret, checkItemId: fc.option(secret), riskCategory: riskCode, description: secret, photoRefs: fc.array(secret, { maxLength: 2 }) }),
    { maxLength: 3 },
  ),
  recordedBy: fc.option(stamp),
  signatures: fc.array(
    fc.record({ userId: secret, name: secret, role: fc.constantFrom(...ROLES), signatureRef: secret, at: iso }),
    { maxLength: 2 },
  ),
  privateRemarks: fc.array(fc.record({ by: stamp, text: secret }), { maxLength: 3 }),
  unitConfirmation: fc.option(
    fc.record({
      signerName: secret,
      capacity: fc.constantFrom('responsible_person' as const, 'manager' as const),
      signatureRef: secret,
      at: iso,
      recordedBy: stamp,
    }),
  ),
  refusal: fc.option(fc.record({ reason: secret, witness: fc.record({ name: secret, signatureRef: fc.option(secret) }), recordedBy: stamp })),
  completedBy: fc.option(stamp),
  cancellation: fc.option(fc.record({ reason: secret, by: stamp })),
  version: fc.integer({ min: 1, max: 20 }),
});

const venue: fc.Arbitrary<VenueRecord> = fc.record({
  id: fc.constant('venue-1'),
  name: publicText,
  address: publicText,
  categories: fc.array(fc.constantFrom('small_hotel', 'market', 'multi_use', 'night_market'), { maxLength: 3 }),
});
const person: fc.Arbitrary<ResponsiblePersonRecord> = fc.record({
  capacity: fc.constantFrom('responsible_person' as const, 'manager' as const),
  name: publicText,
  position: fc.option(publicText),
  duties: fc.array(publicText, { maxLength: 3 }),
  phone: fc.option(secret),
  idNumber: fc.option(secret),
});
const commitment: fc.Arbitrary<SafetyCommitmentRecord> = fc.record({
  kind: fc.constantFrom('no_prominent_risk' as const, 'measures_in_place' as const),
  text: publicText,
  signerName: publicText,
  signedAt: iso,
  validUntil: fc.option(iso),
  signatureRef: secret,
});

const leaks = (view: unknown): boolean => JSON.stringify(view).includes(MARK);

describe('public projections never expose what must stay inside', () => {
  it('the receipt view carries no reporter reference, staff identity, internal note or hazard evidence', () => {
    fc.assert(
      fc.property(report, fc.array(hazard, { maxLength: 4 }), (r, hs) => {
        expect(leaks(publicReportView(r, hs))).toBe(false);
      }),
    );
  });

  it('the Open311 request carries none of them either', () => {
    fc.assert(
      fc.property(report, fc.constantFrom('zh-CN' as const, 'en' as const), (r, locale) => {
        expect(leaks(open311Request(r, { locale, agencyResponsible: '越秀区消防救援大队' }))).toBe(false);
      }),
    );
  });

  it('the hazard view carries no finder, signer, evidence, photo, note or source link', () => {
    fc.assert(
      fc.property(hazard, (h) => {
        expect(leaks(publicHazardView(h))).toBe(false);
      }),
    );
  });

  it('the venue view carries no phone, ID number, signature, inspector, finding text or private remark', () => {
    fc.assert(
      fc.property(venue, fc.array(person, { maxLength: 3 }), fc.option(commitment), fc.option(inspection), (v, ps, c, i) => {
        expect(leaks(publicVenueView(v, ps, c, i))).toBe(false);
      }),
    );
  });

  it('the marker is found when it is there (the search itself works)', () => {
    fc.assert(
      fc.property(report, secret, (r, s) => {
        expect(leaks(publicReportView({ ...r, description: s }, []))).toBe(true);
      }),
      { numRuns: 20 },
    );
  });
});
