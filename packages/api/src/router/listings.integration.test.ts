import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../testing/world';
import { addStaff, expectNoChange, expectRefused, hazardAt, rawRows } from '../testing/staff-fixtures';
import { everyItem } from '../testing/every-item';

let world: World;
/** A district-level committee officer for 甲区, so 乙区 is out of their scope (the world's committee is city-wide). */
let committeeA: Awaited<ReturnType<typeof addStaff>>;
const start = new Date('2026-03-02T02:00:00Z');
beforeAll(async () => {
  world = await createWorld({ now: start });
  committeeA = await addStaff(world, { username: 'committeeA', name: '甲区消安委', role: 'committee_officer', departmentId: world.d.committee, jurisdictionId: world.j.districtA });
});
afterAll(async () => world.close());

const noChange = (id: string) => ({ entity: 'listing' as const, id });
type Stage = 'proposed' | 'listed' | 'rectifying' | 'acceptance_requested';

const record = (overrides: Partial<{ onSiteAt: string; participants: string[]; recordRef: string }> = {}) => ({
  onSiteAt: start.toISOString(),
  participants: ['陈主任', '孙大队长', '张责任'],
  recordRef: '验收记录〔2026〕1号',
  ...overrides,
});

/** A listing of venue A (proposed by 孙大队长) or B (周大队长), moved to `stage` with the city committee listing it. */
async function listingAt(stage: Stage, venue: 'A' | 'B' = 'A'): Promise<string> {
  const supervisor = world.as(venue === 'A' ? 'supervisorA' : 'supervisorB');
  const hazard = await hazardAt(world, 'ordered', venue, '2026-06-30');
  const { id } = await supervisor.listings.propose({ venueId: world.venues[venue], hazardIds: [hazard], reason: '重大火灾隐患，整改难度大' });
  if (stage === 'proposed') return id;
  await world.as('committee').listings.list({ id, listingRef: '消安委督〔2026〕1号', rectificationDueDate: '2026-06-30' });
  if (stage === 'listed') return id;
  await supervisor.listings.startRectifying({ id, planRef: 'plan.pdf' });
  if (stage === 'rectifying') return id;
  await supervisor.listings.requestAcceptance({ id, evidenceRefs: ['after.jpg'] });
  return id;
}

describe('listings.propose', () => {
  it('proposes listed supervision of a unit for its hazards', async () => {
    const hazard = await hazardAt(world, 'ordered');
    const r = await world.as('supervisorA').listings.propose({ venueId: world.venues.A, hazardIds: [hazard], reason: '重大火灾隐患' });
    expect(r.listing).toMatchObject({ status: 'proposed', hazardIds: [hazard], proposedBy: { name: '孙大队长' } });
    const row = await rawRows<{ hazard_id: string; listed_by_department_id: string }>(world, `select hazard_id, listed_by_department_id from listings where id = '${r.id}'`);
    expect(row[0]).toEqual({ hazard_id: hazard, listed_by_department_id: world.d.brigadeA });
  });

  it('is refused by role, out of scope, and for bad input (changing nothing)', async () => {
    const hazard = await hazardAt(world, 'ordered');
    await expectRefused(world.as('inspectorA1').listings.propose({ venueId: world.venues.A, hazardIds: [hazard], reason: 'r' }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => world.as('supervisorA').listings.propose({ venueId: world.venues.B, hazardIds: [hazard], reason: 'r' }), 'LISTING.OUT_OF_SCOPE');
    await expectNoChange(world, () => world.as('supervisorA').listings.propose({ venueId: world.venues.A, hazardIds: [], reason: 'r' }), 'LISTING.HAZARDS_REQUIRED');
    await expectNoChange(world, () => world.as('supervisorA').listings.propose({ venueId: world.venues.A, hazardIds: [hazard], reason: ' ' }), 'LISTING.REASON_REQUIRED');
    await expectNoChange(world, () => world.as('supervisorA').listings.propose({ venueId: world.venues.A, hazardIds: ['00000000-0000-4000-8000-000000000009'], reason: 'r' }), 'HAZARD.NOT_FOUND');
  });
});

describe('listings.list and decline', () => {
  it('lists with a rectification deadline, or declines', async () => {
    const id = await listingAt('listed');
    const view = await world.as('committee').listings.get({ id });
    expect(view.listing).toMatchObject({ status: 'listed', listingRef: '消安委督〔2026〕1号', rectificationDue: '2026-06-30T15:59:59.999Z', listedBy: { name: '陈主任' } });
    const row = await rawRows<{ listed_at: unknown; listed_by_department_id: string }>(world, `select listed_at, listed_by_department_id from listings where id = '${id}'`);
    expect(row[0]?.listed_by_department_id).toBe(world.d.committee);
    expect(row[0]?.listed_at).not.toBeNull();
    const other = await listingAt('proposed');
    expect((await committeeA.caller.listings.decline({ id: other, reason: '已能自行整改' })).listing.status).toBe('declined');
  });

  it('are refused by role, out of scope, and for bad input', async () => {
    const a = await listingAt('proposed');
    const b = await listingAt('proposed', 'B');
    await expectRefused(world.as('supervisorA').listings.list({ id: a, listingRef: 'x', rectificationDueDate: '2026-06-30' }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefused(world.as('supervisorA').listings.decline({ id: a, reason: 'r' }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => committeeA.caller.listings.list({ id: b, listingRef: 'x', rectificationDueDate: '2026-06-30' }), 'LISTING.OUT_OF_SCOPE', noChange(b));
    await expectNoChange(world, () => committeeA.caller.listings.decline({ id: b, reason: 'r' }), 'LISTING.OUT_OF_SCOPE', noChange(b));
    await expectNoChange(world, () => committeeA.caller.listings.list({ id: a, listingRef: 'x', rectificationDueDate: '2026-02-01' }), 'LISTING.DEADLINE_IN_PAST', noChange(a));
    await expectNoChange(world, () => committeeA.caller.listings.list({ id: a, listingRef: ' ', rectificationDueDate: '2026-06-30' }), 'LISTING.LISTING_REF_REQUIRED', noChange(a));
    await expectNoChange(world, () => committeeA.caller.listings.decline({ id: a, reason: '' }), 'LISTING.REASON_REQUIRED', noChange(a));
  });
});

describe('listings.startRectifying and requestAcceptance', () => {
  it('move the listing to acceptance', async () => {
    const id = await listingAt('acceptance_requested');
    const view = await world.as('committee').listings.get({ id });
    expect(view.listing).toMatchObject({ status: 'acceptance_requested', planRef: 'plan.pdf', rectificationStartedBy: { name: '孙大队长' }, acceptanceRequests: [{ evidenceRefs: ['after.jpg'] }] });
  });

  it('are refused by role, out of scope, and for bad input', async () => {
    const listed = await listingAt('listed');
    const rectifying = await listingAt('rectifying');
    const bListed = await listingAt('listed', 'B');
    const bRectifying = await listingAt('rectifying', 'B');
    await expectRefused(world.as('inspectorA1').listings.startRectifying({ id: listed, planRef: 'p' }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefused(world.as('inspectorA1').listings.requestAcceptance({ id: rectifying, evidenceRefs: ['e'] }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => world.as('supervisorA').listings.startRectifying({ id: bListed, planRef: 'p' }), 'LISTING.OUT_OF_SCOPE', noChange(bListed));
    await expectNoChange(world, () => world.as('supervisorA').listings.requestAcceptance({ id: bRectifying, evidenceRefs: ['e'] }), 'LISTING.OUT_OF_SCOPE', noChange(bRectifying));
    await expectNoChange(world, () => world.as('supervisorA').listings.startRectifying({ id: listed, planRef: ' ' }), 'LISTING.PLAN_REQUIRED', noChange(listed));
    await expectNoChange(world, () => world.as('supervisorA').listings.requestAcceptance({ id: rectifying, evidenceRefs: [] }), 'LISTING.EVIDENCE_REQUIRED', noChange(rectifying));
  });
});

describe('listings.failAcceptance and delist', () => {
  it('fails an acceptance back to rectifying, then delists after a passed on-site acceptance', async () => {
    const id = await listingAt('acceptance_requested');
    const failed = await world.as('committee').listings.failAcceptance({ id, acceptance: record({ recordRef: '验收记录〔2026〕0号' }) });
    expect(failed.listing.status).toBe('rectifying');
    await world.as('supervisorA').listings.requestAcceptance({ id, evidenceRefs: ['after-2.jpg'] });
    const delisted = await world.as('committee').listings.delist({ id, acceptance: record() });
    expect(delisted.listing).toMatchObject({ status: 'delisted', delistedBy: { name: '陈主任' } });
    expect(delisted.listing.acceptances.map((a) => a.result)).toEqual(['fail', 'pass']);
    const row = await rawRows<{ delisted_at: unknown }>(world, `select delisted_at from listings where id = '${id}'`);
    expect(row[0]?.delisted_at).not.toBeNull();
  });

  it('are refused by role, out of scope, and without a proper on-site record', async () => {
    const a = await listingAt('acceptance_requested');
    const b = await listingAt('acceptance_requested', 'B');
    const rectifying = await listingAt('rectifying');
    await expectRefused(world.as('supervisorA').listings.delist({ id: a, acceptance: record() }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefused(world.as('supervisorA').listings.failAcceptance({ id: a, acceptance: record() }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => committeeA.caller.listings.delist({ id: b, acceptance: record() }), 'LISTING.OUT_OF_SCOPE', noChange(b));
    await expectNoChange(world, () => committeeA.caller.listings.failAcceptance({ id: b, acceptance: record() }), 'LISTING.OUT_OF_SCOPE', noChange(b));
    await expectNoChange(world, () => committeeA.caller.listings.delist({ id: a, acceptance: record({ participants: [] }) }), 'LISTING.ACCEPTANCE_RECORD_REQUIRED', noChange(a));
    await expectNoChange(world, () => committeeA.caller.listings.delist({ id: a, acceptance: record({ onSiteAt: '2026-03-05T02:00:00Z' }) }), 'LISTING.ACCEPTANCE_IN_FUTURE', noChange(a));
    await expectNoChange(world, () => committeeA.caller.listings.failAcceptance({ id: a, acceptance: record({ recordRef: '' }) }), 'LISTING.ACCEPTANCE_RECORD_REQUIRED', noChange(a));
    await expectNoChange(world, () => committeeA.caller.listings.delist({ id: rectifying, acceptance: record() }), 'LISTING.INVALID_TRANSITION', noChange(rectifying));
  });
});

describe('listings.publish and expose', () => {
  it('publish and expose once each while the listing is live', async () => {
    const id = await listingAt('listed');
    expect((await world.as('committee').listings.publish({ id })).listing.published?.name).toBe('陈主任');
    expect((await world.as('supervisorA').listings.expose({ id, mediaRef: 'news-1' })).listing.exposed).toMatchObject({ mediaRef: 'news-1', by: { name: '孙大队长' } });
    const page = await everyItem((p) => world.as('committee').listings.all({ status: ['listed'], ...p }));
    expect(page.find((l) => l.id === id)).toMatchObject({ published: true, exposed: true, venueName: '甲区好又多超市' });
    await expectNoChange(world, () => world.as('committee').listings.publish({ id }), 'LISTING.ALREADY_PUBLISHED', noChange(id));
    await expectNoChange(world, () => world.as('committee').listings.expose({ id }), 'LISTING.ALREADY_EXPOSED', noChange(id));
  });

  it('are refused by role and out of scope', async () => {
    const a = await listingAt('listed');
    const b = await listingAt('listed', 'B');
    await expectRefused(world.as('supervisorA').listings.publish({ id: a }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefused(world.as('inspectorA1').listings.expose({ id: a }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => committeeA.caller.listings.publish({ id: b }), 'LISTING.OUT_OF_SCOPE', noChange(b));
    await expectNoChange(world, () => world.as('supervisorA').listings.expose({ id: b }), 'LISTING.OUT_OF_SCOPE', noChange(b));
  });
});

describe('listings.all and get', () => {
  it('list the caller’s subtree', async () => {
    const a = await listingAt('proposed');
    const b = await listingAt('proposed', 'B');
    const mine = (await everyItem((p) => committeeA.caller.listings.all(p))).map((l) => l.id);
    expect(mine).toContain(a);
    expect(mine).not.toContain(b);
    expect((await everyItem((p) => world.as('discipline').listings.all(p))).map((l) => l.id)).toEqual(expect.arrayContaining([a, b]));
  });

  it('are refused by role and out of scope', async () => {
    const b = await listingAt('proposed', 'B');
    await expectRefused(world.as('gridWorker').listings.all({}), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefused(world.as('gridWorker').listings.get({ id: b }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefused(committeeA.caller.listings.get({ id: b }), 'ACCESS.OUT_OF_SCOPE', 'FORBIDDEN');
  });
});

describe('listings.reportProgress and get', () => {
  it('records progress reports while rectifying, and get names the venue', async () => {
    const id = await listingAt('rectifying');
    const r = await world.as('supervisorA').listings.reportProgress({ id, note: '疏散通道隔断已拆除', evidenceRefs: ['p1.jpg'] });
    expect(r.listing.status).toBe('rectifying');
    expect(r.listing.progressReports).toEqual([expect.objectContaining({ note: '疏散通道隔断已拆除', evidenceRefs: ['p1.jpg'], by: expect.objectContaining({ name: '孙大队长' }) })]);
    const view = await world.as('committee').listings.get({ id });
    expect(view.venue?.id).toBe(world.venues.A);
    expect(view.listing.progressReports).toHaveLength(1);
  });

  it('is refused by role, out of scope, and for bad input (changing nothing)', async () => {
    const a = await listingAt('rectifying');
    const b = await listingAt('rectifying', 'B');
    await expectRefused(world.as('inspectorA1').listings.reportProgress({ id: a, note: '进展' }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => world.as('supervisorA').listings.reportProgress({ id: b, note: '进展' }), 'LISTING.OUT_OF_SCOPE', noChange(b));
    await expectNoChange(world, () => world.as('supervisorA').listings.reportProgress({ id: a, note: '   ' }), 'LISTING.PROGRESS_REQUIRED', noChange(a));
    const listed = await listingAt('listed');
    await expectNoChange(world, () => world.as('supervisorA').listings.reportProgress({ id: listed, note: '进展' }), 'LISTING.INVALID_TRANSITION', noChange(listed));
  });
});
