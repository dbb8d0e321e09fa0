import { randomUUID } from 'node:crypto';
import { chinaDate, type InspectionSource } from '@firebreak/domain';
import { findingText, pickItem } from './demo-texts';
import { teams, user, type StoryWorld, type Team } from './demo-stories';
import type { SeededUser } from './seed-org';
import type { SeededVenue } from './seed-venues';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How far an inspection gets in the demo. */
type Target = 'planned' | 'in_progress' | 'recorded' | 'confirmed' | 'refusal_recorded' | 'completed' | 'completed_clean';

/**
 * Inspections in every state but cancelled (no procedure cancels one), so venue
 * pages show a last inspection and the ledger holds hazards found by them. Each
 * is planned by the brigade head, carried out by two inspectors who both sign,
 * and confirmed by the unit's own account or refused before a witness. These go
 * through the routers only: without the procedures the stories are left out.
 */
export function scheduleInspections(world: StoryWorld): void {
  const { driver, timeline, now, rng } = world;
  const at = (daysAgo: number, hours = 0) => new Date(now.getTime() - daysAgo * DAY + hours * HOUR);
  const signature = (who: SeededUser) => `demo-signature:${who.username}:${randomUUID().slice(0, 8)}`;
  const expert = user(world, 'expert');

  const inspection = (team: Team, venue: SeededVenue, target: Target, daysAgo: number, source: InspectionSource, findings = 2) => {
    const state = { id: '', hazardIds: [] as string[] };
    const { inspector, inspector2, supervisor } = team;
    const withExpert = source === 'expert_check';
    const present = [inspector.id, inspector2.id];
    const op = (name: string) => `inspection.${name}`;
    const call = (when: Date, name: string, by: SeededUser, path: string, input: () => Record<string, unknown>) =>
      timeline.add(when, async () => {
        // A story whose first step had no procedure stays unwritten.
        if (name !== 'plan' && state.id === '') return;
        const answer = (await driver.call(op(name), by, path, input())) as { id?: string; hazardIds?: string[] } | null;
        if (name === 'plan' && answer?.id) state.id = answer.id;
        if (answer?.hazardIds) state.hazardIds = answer.hazardIds;
      });

    const planned = at(daysAgo + 3);
    const day = target === 'planned' ? at(-daysAgo) : at(daysAgo);
    call(planned, 'plan', supervisor, 'inspections.plan', () => ({
      venueId: venue.id,
      source,
      plannedFor: chinaDate(day),
      team: [inspector.id, inspector2.id],
      ...(withExpert ? { experts: [expert.id] } : {}),
    }));
    if (target === 'planned') return state;
    call(day, 'start', inspector, 'inspections.start', () => ({ id: state.id, presentInspectorIds: present, ...(withExpert ? { presentExpertIds: [expert.id] } : {}) }));
    if (target === 'in_progress') return state;

    const items = target === 'completed_clean' ? [] : Array.from({ length: findings }, () => pickItem(venue.categories, rng));
    const unique = [...new Map(items.map((i) => [i.id, i])).values()];
    call(new Date(day.getTime() + 2 * HOUR), 'record', inspector, 'inspections.record', () => ({
      id: state.id,
      findings: unique.map((i) => ({ checkItemId: i.id, riskCategory: i.riskCategory, description: findingText(i, venue.name) })),
      signatureRef: signature(inspector),
      ...(unique.length > 0 ? { privateRemark: '单位负责人配合检查，建议列入下月复查计划。' } : {}),
    }));
    call(new Date(day.getTime() + 2.2 * HOUR), 'sign', inspector2, 'inspections.sign', () => ({ id: state.id, signatureRef: signature(inspector2) }));
    if (target === 'recorded') return state;

    if (target === 'refusal_recorded' || (target === 'completed' && rng.chance(0.25))) {
      call(new Date(day.getTime() + 2.5 * HOUR), 'record_refusal', inspector, 'inspections.recordRefusal', () => ({
        id: state.id,
        reason: '单位负责人对检查发现有异议，拒绝在检查记录上签字。',
        witness: { name: `${venue.name}所在社区网格员` },
      }));
    } else {
      timeline.add(new Date(day.getTime() + 2.5 * HOUR), async () => {
        if (state.id === '') return;
        const unit = await world.unitFor(venue);
        await driver.call('inspection.confirm', unit, 'unit.inspections.confirm', {
          inspectionId: state.id,
          signerName: venue.responsibleName,
          capacity: 'responsible_person',
          signatureRef: signature(unit),
        });
      });
    }
    if (target === 'confirmed' || target === 'refusal_recorded') return state;

    call(new Date(day.getTime() + 3 * HOUR), 'complete', inspector, 'inspections.complete', () => ({ id: state.id }));
    // The findings are on the ledger now; the inspector confirms them and orders correction.
    timeline.add(new Date(day.getTime() + 5 * HOUR), async () => {
      for (const hazardId of state.hazardIds) {
        await driver.hazard(inspector, hazardId, { type: 'confirm' });
        // Twenty days to correct, and never already lapsed on the demo's present day.
        const due = new Date(Math.max(day.getTime() + 20 * DAY, now.getTime() + 7 * DAY));
        await driver.hazard(inspector, hazardId, { type: 'order', correction: { mode: 'deadline', dueDate: chinaDate(due) } });
      }
    });
    return state;
  };

  for (const team of teams(world)) {
    const take = () => world.pool.take(team.district.name);
    inspection(team, take(), 'completed', 25, 'double_random');
    inspection(team, take(), 'completed_clean', 20, 'campaign');
    inspection(team, take(), 'completed', 12, 'unannounced', 1);
    inspection(team, take(), 'confirmed', 3, 'campaign');
    inspection(team, take(), 'refusal_recorded', 4, 'double_random');
    inspection(team, take(), 'recorded', 1, 'campaign');
    inspection(team, take(), 'in_progress', 0, 'unannounced');
    inspection(team, take(), 'planned', 5, 'double_random');
    if (team.district.key === 'donghu') inspection(team, take(), 'completed', 15, 'expert_check');
  }
}
