import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRPCError } from '@trpc/server';
import { DomainFailure } from '../application/failure';
import { createWorld, type World } from '../testing/world';
import { expectRefused, rawRows } from '../testing/staff-fixtures';

let world: World;
const start = new Date('2026-03-02T02:00:00Z');
beforeAll(async () => {
  world = await createWorld({ now: start });
});
afterAll(async () => world.close());

const obstructed = (refId: string) => ({ kind: 'obstructed_inspection' as const, at: new Date(start.getTime() - 86_400_000).toISOString(), refId });
const unmet = (e: TRPCError) => (e.cause instanceof DomainFailure ? (e.cause.domain.details as { unmet?: string[] } | undefined)?.unmet : undefined);
const countBlacklist = async (venueId: string) => (await rawRows<{ n: number }>(world, `select count(*)::int as n from enforcement_actions where venue_id = '${venueId}' and kind = 'blacklist'`))[0]!.n;

describe('blacklist entry and exit, on grounds read from the record', () => {
  it('refuses an entry without a legal basis or without grounds, by role and out of scope, storing nothing', async () => {
    const A = world.venues.A;
    const before = await countBlacklist(A);
    const inspector = world.as('inspectorA1');
    await expectRefused(inspector.blacklist.proposeEntry({ venueId: A, facts: '拒绝消防监督检查', events: [obstructed('case-1')] }), 'ENFORCEMENT.BLACKLIST_BASIS_REQUIRED');
    await expectRefused(inspector.blacklist.proposeEntry({ venueId: A, facts: '无失信记录', basis: { article: 60 } }), 'ENFORCEMENT.BLACKLIST_NO_GROUNDS');
    await expectRefused(world.as('committee').blacklist.proposeEntry({ venueId: A, facts: 'x', basis: { article: 60 }, events: [obstructed('c')] }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefused(inspector.blacklist.proposeEntry({ venueId: world.venues.B, facts: 'x', basis: { article: 60 }, events: [obstructed('c')] }), 'ACCESS.OUT_OF_SCOPE');
    await expectRefused(inspector.blacklist.proposeExit({ venueId: A, facts: '申请移出', appliedAt: start.toISOString() }), 'ENFORCEMENT.BLACKLIST_NOT_LISTED');
    expect(await countBlacklist(A)).toBe(before);
  });

  it('enters with reason and basis; exit is refused before the window and while hazards stay open', async () => {
    const A = world.venues.A;
    const inspector = world.as('inspectorA1');
    const proposed = await inspector.blacklist.proposeEntry({ venueId: A, facts: '多次拒绝、阻碍消防监督检查', basis: { article: 60 }, events: [obstructed('case-2')] });
    expect(proposed.action).toMatchObject({ kind: 'blacklist_entry', status: 'proposed', basis: { article: 60 }, subjectName: expect.any(String) });
    // One proposal at a time.
    await expectRefused(inspector.blacklist.proposeEntry({ venueId: A, facts: 'again', basis: { article: 60 }, events: [obstructed('case-3')] }), 'ENFORCEMENT.BLACKLIST_PROPOSAL_PENDING');
    await world.as('supervisorA').enforcement.decide({ id: proposed.id, decisionRef: '东消黑〔2026〕1号' });
    const register = await world.as('committee').blacklist.measures({ kind: ['blacklist_entry'] });
    expect(register.items.find((i) => i.id === proposed.id)).toMatchObject({ status: 'decided', basisArticle: 60 });
    const outside = await world.as('supervisorB').blacklist.measures({ kind: ['blacklist_entry'] });
    expect(outside.items.map((i) => i.id)).not.toContain(proposed.id);
    const standing = await world.as('supervisorA').blacklist.standing({ venueId: A });
    expect(standing.standing).toMatchObject({ listed: true, pending: null });
    await expectRefused(inspector.blacklist.proposeEntry({ venueId: A, facts: 'again', basis: { article: 60 }, events: [obstructed('case-4')] }), 'ENFORCEMENT.BLACKLIST_ALREADY_LISTED');

    // A hazard still open at the unit: the correction is not done.
    await inspector.hazards.register({ source: 'grid_patrol', venueId: A, riskCategory: 'ebike_indoor', description: '门厅内电动车充电' });
    const early = await expectRefused(inspector.blacklist.proposeExit({ venueId: A, facts: '已整改，申请信用修复', appliedAt: start.toISOString() }), 'ENFORCEMENT.BLACKLIST_EXIT_NOT_ELIGIBLE');
    expect(unmet(early)).toEqual(['hazards_closed', 'clean_period']);
    // Thirteen months on, the window has passed; the open hazard still keeps it on the list.
    world.now = new Date('2027-04-05T02:00:00Z');
    try {
      const late = await expectRefused(inspector.blacklist.proposeExit({ venueId: A, facts: '已整改，申请信用修复', appliedAt: '2027-04-01T02:00:00Z' }), 'ENFORCEMENT.BLACKLIST_EXIT_NOT_ELIGIBLE');
      expect(unmet(late)).toEqual(['hazards_closed']);
    } finally {
      world.now = start;
    }
  });

  it('standing is refused by role and out of scope; the register by role', async () => {
    await expectRefused(world.as('rewardOfficer').blacklist.measures({ kind: ['interview'] }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefused(world.as('rewardOfficer').blacklist.standing({ venueId: world.venues.A }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefused(world.as('inspectorA1').blacklist.standing({ venueId: world.venues.B }), 'ACCESS.OUT_OF_SCOPE');
  });
});
