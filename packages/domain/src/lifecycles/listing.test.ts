import { describe, expect, it } from 'vitest';
import type { Actor } from '../common/actor';
import {
  createListing,
  listingLifecycle,
  LISTING_STATUSES,
  transitionListing,
  type AcceptanceRecordInput,
  type CreateListingInput,
  type ListingCommand,
  type ListingState,
} from './listing';
import { reachable } from './machine';
import { actor, ctxFor, daysLater, effectsOfType, errorOf, expectOk, JURISDICTIONS, T0 } from './test-support';

const supervisor = actor('fire_supervisor');
const committee = actor('committee_officer');
const unit = actor('unit');
const inspector = actor('inspector');

const input: CreateListingInput = {
  jurisdictionId: JURISDICTIONS.gridA1,
  venueId: 'venue-mall',
  hazardIds: ['hz-1', 'hz-2', 'hz-1'],
  reason: '商场疏散通道宽度不足且自动喷水灭火系统缺失，经判定为重大火灾隐患',
};

const at = (who: Actor, days = 0) => ctxFor(who, { now: daysLater(T0, days) });
function run(state: ListingState, command: ListingCommand, who: Actor, days = 0): ListingState {
  const r = expectOk(transitionListing(state, command, at(who, days)));
  expect(effectsOfType(r.effects, 'audit')).toHaveLength(1);
  expect(r.next.version).toBe(state.version + 1);
  return r.next;
}

const proposed = () => expectOk(createListing(input, ctxFor(supervisor, { newId: () => 'lst-1' }))).next;
const listed = () => run(proposed(), { type: 'list', listingRef: '府消督〔2025〕1号', rectificationDueDate: '2025-06-30' }, committee, 1);
const rectifying = () => run(listed(), { type: 'start_rectification', planRef: 'plan-1' }, unit, 2);
const requested = () => run(rectifying(), { type: 'request_acceptance', evidenceRefs: ['ev-1'] }, unit, 30);
const acceptance = (over: Partial<AcceptanceRecordInput> = {}): AcceptanceRecordInput => ({
  result: 'pass',
  onSiteAt: daysLater(T0, 32).toISOString(),
  participants: ['王监督', '钱科长'],
  recordRef: 'acc-1',
  ...over,
});

describe('listing lifecycle table', () => {
  it('reaches every status from proposed', () => {
    expect([...reachable(listingLifecycle)].sort()).toEqual([...LISTING_STATUSES].sort());
  });
});

describe('createListing', () => {
  it('is proposed by the fire agency with the major hazards named once each', () => {
    const { next, effects } = expectOk(createListing(input, ctxFor(supervisor, { newId: () => 'lst-1' })));
    expect(next).toMatchObject({ id: 'lst-1', status: 'proposed', hazardIds: ['hz-1', 'hz-2'], version: 1, published: null, exposed: null });
    expect(effectsOfType(effects, 'notify')[0]?.to).toEqual({ kind: 'role', role: 'committee_officer', jurisdictionId: JURISDICTIONS.gridA1 });
  });

  it('refuses other roles, other places and missing hazards or reasons', () => {
    expect(errorOf(createListing(input, ctxFor(inspector))).code).toBe('LISTING.ROLE_NOT_ALLOWED');
    expect(errorOf(createListing({ ...input, jurisdictionId: JURISDICTIONS.districtB }, ctxFor(supervisor))).code).toBe('LISTING.OUT_OF_SCOPE');
    expect(errorOf(createListing({ ...input, hazardIds: [' '] }, ctxFor(supervisor))).code).toBe('LISTING.HAZARDS_REQUIRED');
    expect(errorOf(createListing({ ...input, reason: '' }, ctxFor(committee))).code).toBe('LISTING.REASON_REQUIRED');
  });
});

describe('transitionListing', () => {
  it('is listed by the government with a rectification deadline', () => {
    const { next, effects } = expectOk(transitionListing(proposed(), { type: 'list', listingRef: 'R-1', rectificationDueDate: '2025-06-30' }, at(committee)));
    expect(next).toMatchObject({ status: 'listed', listingRef: 'R-1', rectificationDue: '2025-06-30T15:59:59.999Z', listedBy: { role: 'committee_officer' } });
    expect(effectsOfType(effects, 'deadline')).toEqual([expect.objectContaining({ kind: 'listing.rectification', due: '2025-06-30T15:59:59.999Z' })]);
    const p = proposed();
    expect(errorOf(transitionListing(p, { type: 'list', listingRef: 'R-1', rectificationDueDate: '2025-06-30' }, at(supervisor))).code).toBe(
      'LISTING.ROLE_NOT_ALLOWED',
    );
    const away = actor('committee_officer', { jurisdictionId: JURISDICTIONS.districtB });
    expect(errorOf(transitionListing(p, { type: 'list', listingRef: 'R-1', rectificationDueDate: '2025-06-30' }, at(away))).code).toBe('LISTING.OUT_OF_SCOPE');
    expect(errorOf(transitionListing(p, { type: 'list', listingRef: '', rectificationDueDate: '2025-06-30' }, at(committee))).code).toBe(
      'LISTING.LISTING_REF_REQUIRED',
    );
    expect(errorOf(transitionListing(p, { type: 'list', listingRef: 'R', rectificationDueDate: '2025-03-02' }, at(committee))).code).toBe(
      'LISTING.DEADLINE_IN_PAST',
    );
    expect(errorOf(transitionListing(p, { type: 'list', listingRef: 'R', rectificationDueDate: 'June' }, at(committee))).code).toBe('LISTING.INVALID_DATE');
  });

  it('may be declined with a reason', () => {
    expect(errorOf(transitionListing(proposed(), { type: 'decline', reason: '' }, at(committee))).code).toBe('LISTING.REASON_REQUIRED');
    expect(run(proposed(), { type: 'decline', reason: '已自行停业整改' }, committee).status).toBe('declined');
    expect(errorOf(transitionListing(listed(), { type: 'decline', reason: 'x' }, at(committee))).code).toBe('LISTING.INVALID_TRANSITION');
  });

  it('moves to rectification with a plan and asks for acceptance with evidence', () => {
    expect(errorOf(transitionListing(listed(), { type: 'start_rectification', planRef: '' }, at(unit))).code).toBe('LISTING.PLAN_REQUIRED');
    expect(errorOf(transitionListing(listed(), { type: 'start_rectification', planRef: 'p' }, at(actor('grid_worker')))).code).toBe('LISTING.ROLE_NOT_ALLOWED');
    expect(rectifying()).toMatchObject({ status: 'rectifying', planRef: 'plan-1', rectificationStartedBy: { role: 'unit' } });
    expect(errorOf(transitionListing(rectifying(), { type: 'request_acceptance', evidenceRefs: [] }, at(unit))).code).toBe('LISTING.EVIDENCE_REQUIRED');
    expect(errorOf(transitionListing(listed(), { type: 'request_acceptance', evidenceRefs: ['e'] }, at(unit))).code).toBe('LISTING.INVALID_TRANSITION');
    expect(requested().acceptanceRequests).toHaveLength(1);
  });

  it('takes progress reports while rectifying, each with its note, evidence and author', () => {
    const once = run(rectifying(), { type: 'report_progress', note: '已拆除疏散通道内隔断', evidenceRefs: ['ev-p1', ' '] }, unit, 10);
    const twice = run(once, { type: 'report_progress', note: '喷淋系统施工进场' }, supervisor, 20);
    expect(twice.status).toBe('rectifying');
    expect(twice.progressReports).toEqual([
      expect.objectContaining({ note: '已拆除疏散通道内隔断', evidenceRefs: ['ev-p1'], by: expect.objectContaining({ role: 'unit' }) }),
      expect.objectContaining({ note: '喷淋系统施工进场', evidenceRefs: [], by: expect.objectContaining({ role: 'fire_supervisor' }) }),
    ]);
    const r = expectOk(transitionListing(rectifying(), { type: 'report_progress', note: '进展' }, at(unit)));
    expect(effectsOfType(r.effects, 'notify')).toEqual([expect.objectContaining({ template: 'listing.progress_reported' })]);
    expect(errorOf(transitionListing(rectifying(), { type: 'report_progress', note: '  ' }, at(unit))).code).toBe('LISTING.PROGRESS_REQUIRED');
    expect(errorOf(transitionListing(listed(), { type: 'report_progress', note: '进展' }, at(unit))).code).toBe('LISTING.INVALID_TRANSITION');
    expect(errorOf(transitionListing(rectifying(), { type: 'report_progress', note: '进展' }, at(inspector))).code).toBe('LISTING.ROLE_NOT_ALLOWED');
  });

  it('delists only after a passed on-site acceptance record', () => {
    const r = requested();
    const c = at(committee, 33);
    expect(errorOf(transitionListing(r, { type: 'delist', acceptance: acceptance({ result: 'fail' }) }, c)).code).toBe('LISTING.ACCEPTANCE_NOT_PASSED');
    expect(errorOf(transitionListing(r, { type: 'delist', acceptance: acceptance({ participants: [' '] }) }, c)).code).toBe('LISTING.ACCEPTANCE_RECORD_REQUIRED');
    expect(errorOf(transitionListing(r, { type: 'delist', acceptance: acceptance({ recordRef: '' }) }, c)).code).toBe('LISTING.ACCEPTANCE_RECORD_REQUIRED');
    expect(errorOf(transitionListing(r, { type: 'delist', acceptance: acceptance({ onSiteAt: daysLater(T0, 40).toISOString() }) }, c)).code).toBe(
      'LISTING.ACCEPTANCE_IN_FUTURE',
    );
    expect(errorOf(transitionListing(r, { type: 'delist', acceptance: acceptance({ onSiteAt: daysLater(T0, 10).toISOString() }) }, c)).code).toBe(
      'LISTING.ACCEPTANCE_BEFORE_REQUEST',
    );
    expect(errorOf(transitionListing(r, { type: 'delist', acceptance: acceptance() }, at(supervisor, 33))).code).toBe('LISTING.ROLE_NOT_ALLOWED');
    expect(errorOf(transitionListing(rectifying(), { type: 'delist', acceptance: acceptance() }, c)).code).toBe('LISTING.INVALID_TRANSITION');
    const { next, effects } = expectOk(transitionListing(r, { type: 'delist', acceptance: acceptance() }, c));
    expect(next).toMatchObject({ status: 'delisted', delistedBy: { role: 'committee_officer' } });
    expect(next.acceptances).toEqual([
      expect.objectContaining({ result: 'pass', participants: ['王监督', '钱科长'], onSiteAt: daysLater(T0, 32).toISOString(), recordedBy: expect.objectContaining({ userId: committee.userId }) }),
    ]);
    expect(effectsOfType(effects, 'cancelDeadline')[0]?.kind).toBe('listing.rectification');
  });

  it('goes back to rectifying when the acceptance fails, keeping the record', () => {
    const r = requested();
    expect(errorOf(transitionListing(r, { type: 'fail_acceptance', acceptance: acceptance() }, at(inspector, 33))).code).toBe('LISTING.ACCEPTANCE_PASSED');
    const back = run(r, { type: 'fail_acceptance', acceptance: acceptance({ result: 'fail', note: '喷淋未联动' }) }, inspector, 33);
    expect(back.status).toBe('rectifying');
    expect(back.acceptances.map((a) => a.result)).toEqual(['fail']);
    const again = run(back, { type: 'request_acceptance', evidenceRefs: ['ev-2'] }, unit, 40);
    const delisted = run(again, { type: 'delist', acceptance: acceptance({ onSiteAt: daysLater(T0, 41).toISOString(), recordRef: 'acc-2' }) }, committee, 42);
    expect(delisted.acceptances.map((a) => a.result)).toEqual(['fail', 'pass']);
  });

  it('publishes and exposes once each while live (四个一批)', () => {
    const published = run(listed(), { type: 'publish' }, committee, 2);
    expect(published).toMatchObject({ status: 'listed', published: { userId: committee.userId } });
    expect(errorOf(transitionListing(published, { type: 'publish' }, at(committee))).code).toBe('LISTING.ALREADY_PUBLISHED');
    expect(errorOf(transitionListing(listed(), { type: 'publish' }, at(supervisor))).code).toBe('LISTING.ROLE_NOT_ALLOWED');
    const exposed = run(rectifying(), { type: 'expose', mediaRef: 'news-1' }, supervisor, 3);
    expect(exposed).toMatchObject({ status: 'rectifying', exposed: { mediaRef: 'news-1' } });
    expect(errorOf(transitionListing(exposed, { type: 'expose' }, at(committee))).code).toBe('LISTING.ALREADY_EXPOSED');
    expect(errorOf(transitionListing(proposed(), { type: 'publish' }, at(committee))).code).toBe('LISTING.INVALID_TRANSITION');
  });
});
