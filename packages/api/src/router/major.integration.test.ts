import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../testing/world';
import { expectNoChange, expectRefused, hazardAt, rawRows } from '../testing/staff-fixtures';

let world: World;
beforeAll(async () => {
  world = await createWorld({ now: new Date('2026-03-02T02:00:00Z') });
});
afterAll(async () => world.close());

const noChange = (id: string) => ({ entity: 'hazard' as const, id });
const ids = (n: number) => Array.from({ length: n }, (_, i) => ({ userId: `member-${i + 1}` }));
const collective = { kind: 'collective' as const, participants: ids(3), votesFor: 3 };
const element = (code: string, correctableImmediately = false) => ({ code, correctableImmediately });

describe('major.determine', () => {
  it('determines a direct element collectively, stores it, and marks the hazard major', async () => {
    const hazardId = await hazardAt(world, 'ordered');
    const r = await world.as('supervisorA').major.determine({ hazardId, venueClasses: ['crowded'], elements: [element('6.5')], decision: collective });
    expect(r.determination).toMatchObject({ version: '2017', major: true, decidedBy: { rule: 'direct', elements: ['6.5'] } });
    expect(r.collective).toMatchObject({ kind: 'collective', participants: 3 });
    expect(r.hazard.hazard.major).toMatchObject({ determinationId: r.determinationId, markedBy: { name: '孙大队长' } });
    const row = await rawRows<{ major: boolean; rule_version: string; decided_by_rule: string; determined_by_name: string; hazard_id: string }>(
      world,
      `select major, rule_version, decided_by_rule, determined_by_name, hazard_id from determinations where id = '${r.determinationId}'`,
    );
    expect(row[0]).toEqual({ major: true, rule_version: '2017', decided_by_rule: 'direct', determined_by_name: '孙大队长', hazard_id: hazardId });
    const hazard = await rawRows<{ severity: string }>(world, `select severity from hazards where id = '${hazardId}'`);
    expect(hazard[0]?.severity).toBe('major');
    const notice = await rawRows<{ kind: string }>(world, `select kind from deadlines where entity_id = '${hazardId}' and kind = 'hazard.major_notice'`);
    expect(notice).toHaveLength(1);
    const view = await world.as('inspectorA1').major.get({ id: r.determinationId });
    expect(view).toMatchObject({ hazardId, major: true, computedMajor: true, withExperts: false });
  });

  it('counts comprehensive elements, honours exclusions, and drops what can be corrected at once', async () => {
    const a = await hazardAt(world, 'ordered');
    const counted = await world.as('supervisorA').major.determine({
      hazardId: a,
      venueClasses: ['crowded'],
      elements: [element('7.3.1'), element('7.3.6'), element('7.3.7'), element('7.3.2', true)],
      decision: collective,
    });
    expect(counted.determination).toMatchObject({ major: true, decidedBy: { rule: 'crowded_3_evacuation' }, droppedCorrectable: ['7.3.2'] });
    const b = await hazardAt(world, 'ordered');
    const excluded = await world.as('supervisorA').major.determine({ hazardId: b, venueClasses: ['crowded'], elements: [element('6.5')], exclusions: ['stopped_operating'], decision: collective });
    expect(excluded.determination).toMatchObject({ major: false, decidedBy: { rule: 'excluded' } });
    expect(excluded.hazard.hazard.major).toBeNull();
  });

  it('takes an expert group of seven with two thirds agreeing, and records an expert override beside the computed result', async () => {
    const hazardId = await hazardAt(world, 'ordered');
    const experts = { kind: 'expert_group' as const, participants: ids(7), votesFor: 5 };
    const r = await world.as('supervisorA').major.determine({ hazardId, venueClasses: ['other'], elements: [element('7.3.6')], decision: experts, override: { major: true, reason: '该场所夜间住宿人员多，疏散条件极差' } });
    expect(r.determination).toMatchObject({ major: true, override: { computedMajor: false, decisionId: r.determinationId } });
    const row = await rawRows<{ major: boolean; computed_major: boolean; with_experts: boolean }>(world, `select major, computed_major, with_experts from determinations where id = '${r.determinationId}'`);
    expect(row[0]).toEqual({ major: true, computed_major: false, with_experts: true });
    const history = await world.as('inspectorA1').major.forHazard({ hazardId });
    expect(history.map((h) => h.id)).toEqual([r.determinationId]);
  });

  it('is refused by role and out of scope', async () => {
    const a = await hazardAt(world, 'ordered');
    const b = await hazardAt(world, 'ordered', 'B');
    const input = { venueClasses: ['crowded' as const], elements: [element('6.5')], decision: collective };
    await expectRefused(world.as('inspectorA1').major.determine({ hazardId: a, ...input }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => world.as('supervisorA').major.determine({ hazardId: b, ...input }), 'ACCESS.OUT_OF_SCOPE', noChange(b));
  });

  it('refuses bad elements, quorum, rule version or override, and stores nothing', async () => {
    const id = await hazardAt(world, 'ordered');
    const base = { hazardId: id, venueClasses: ['crowded' as const], elements: [element('6.5')], decision: collective };
    const sup = world.as('supervisorA');
    await expectNoChange(world, () => sup.major.determine({ ...base, elements: [element('9.9')] }), 'GB35181.UNKNOWN_ELEMENT', noChange(id));
    await expectNoChange(world, () => sup.major.determine({ ...base, venueClasses: [] }), 'GB35181.VENUE_CLASS_REQUIRED', noChange(id));
    await expectNoChange(world, () => sup.major.determine({ ...base, exclusions: ['closed_for_lunch'] }), 'GB35181.UNKNOWN_EXCLUSION', noChange(id));
    await expectNoChange(world, () => sup.major.determine({ ...base, decision: { kind: 'collective', participants: ids(2), votesFor: 2 } }), 'DECISION.TOO_FEW_PARTICIPANTS', noChange(id));
    await expectNoChange(world, () => sup.major.determine({ ...base, decision: { kind: 'expert_group', participants: ids(7), votesFor: 4 } }), 'DECISION.INSUFFICIENT_AGREEMENT', noChange(id));
    await expectNoChange(world, () => sup.major.determine({ ...base, ruleVersion: '2099' }), 'GB35181.UNKNOWN_VERSION', noChange(id));
    await expectNoChange(world, () => sup.major.determine({ ...base, override: { major: false, reason: '  ' } }), 'GB35181.OVERRIDE_REASON_REQUIRED', noChange(id));
    // A closed hazard cannot be marked: the stored determination is rolled back with the refused mark.
    const closed = await hazardAt(world, 'closed');
    await expectNoChange(world, () => sup.major.determine({ ...base, hazardId: closed }), 'HAZARD.INVALID_TRANSITION', noChange(closed));
  });
});

describe('major.get and forHazard', () => {
  it('are refused by role and out of scope', async () => {
    const b = await hazardAt(world, 'ordered', 'B');
    const r = await world.as('supervisorB').major.determine({ hazardId: b, venueClasses: ['crowded'], elements: [element('6.5')], decision: collective });
    await expectRefused(world.as('rewardOfficer').major.get({ id: r.determinationId }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefused(world.as('inspectorA1').major.get({ id: r.determinationId }), 'ACCESS.OUT_OF_SCOPE');
    await expectRefused(world.as('inspectorA1').major.forHazard({ hazardId: b }), 'ACCESS.OUT_OF_SCOPE');
    await expectRefused(world.as('inspectorA1').major.get({ id: '00000000-0000-4000-8000-00000000000a' }), 'DETERMINATION.NOT_FOUND', 'NOT_FOUND');
  });
});

describe('an expert records an expert group determination', () => {
  const experts = { kind: 'expert_group' as const, participants: ids(7), votesFor: 6 };

  it('marks the hazard major with the expert-extended notice clock, under the expert’s name', async () => {
    const hazardId = await hazardAt(world, 'ordered');
    const r = await world.as('expert').major.determine({ hazardId, venueClasses: ['crowded'], elements: [element('6.6')], decision: experts });
    expect(r.determination).toMatchObject({ major: true, decidedBy: { rule: 'direct', elements: ['6.6'] } });
    expect(r.hazard.hazard.major).toMatchObject({ determinationId: r.determinationId, markedBy: { name: '褚专家', role: 'expert' } });
    const view = await world.as('supervisorA').major.context({ hazardId });
    expect(view.determinations[0]).toMatchObject({ id: r.determinationId, withExperts: true, determinedByRole: 'expert' });
    expect(view.clocks.opinion.withExperts).toBe(true);
    expect(view.clocks.notice).not.toBeNull();
    // The notice clock is the one the lifecycle set (3 + 10 working days with experts).
    const due = await rawRows<{ due_at: Date }>(world, `select due_at from deadlines where entity_id = '${hazardId}' and kind = 'hazard.major_notice'`);
    expect(new Date(view.clocks.notice!.due).getTime()).toBe(new Date(due[0]!.due_at).getTime());
  });

  it('refuses an expert recording a collective discussion, and stores nothing', async () => {
    const hazardId = await hazardAt(world, 'ordered');
    await expectNoChange(
      world,
      () => world.as('expert').major.determine({ hazardId, venueClasses: ['crowded'], elements: [element('6.6')], decision: collective }),
      'DECISION.KIND_NOT_ALLOWED',
      noChange(hazardId),
    );
  });
});

describe('major.context', () => {
  it('suggests the venue classes from its categories and carries the opinion clock before any determination', async () => {
    const hazardId = await hazardAt(world, 'confirmed');
    const view = await world.as('inspectorA1').major.context({ hazardId });
    expect(view.hazard).toMatchObject({ id: hazardId, status: 'confirmed', major: null });
    expect(view.venue?.id).toBe(world.venues.A);
    expect(view.suggestedVenueClasses.length).toBeGreaterThan(0);
    expect(view.ruleVersions).toContain('2017');
    expect(view.clocks.opinion).toMatchObject({ withExperts: false });
    expect(new Date(view.clocks.opinion.due).getTime()).toBeGreaterThan(new Date(view.hazard.foundAt).getTime());
    expect(view.clocks.notice).toBeNull();
    expect(view.determinations).toEqual([]);
  });

  it('is refused by role and out of scope', async () => {
    const b = await hazardAt(world, 'confirmed', 'B');
    await expectRefused(world.as('rewardOfficer').major.context({ hazardId: b }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefused(world.as('inspectorA1').major.context({ hazardId: b }), 'ACCESS.OUT_OF_SCOPE');
  });
});
