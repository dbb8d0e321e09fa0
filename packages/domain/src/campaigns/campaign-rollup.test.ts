import { describe, expect, it } from 'vitest';
import { campaignProgress, rollUpCampaignTasks, type RollupTask } from './campaign-rollup';

const now = new Date('2026-03-10T04:00:00Z');
const t = (id: string, parentId: string | null, status: RollupTask['status'] = 'draft', deadline: string | null = null): RollupTask => ({ id, parentId, status, deadline });

describe('rollUpCampaignTasks', () => {
  it('counts sub-sub-items: an item is the share of its leaves accepted, however they are split', () => {
    const tasks = [
      t('1', null, 'in_progress'),
      t('1.1', '1', 'completed'),
      t('1.2', '1'),
      t('1.2.1', '1.2', 'completed'),
      t('1.2.2', '1.2', 'reported'),
      t('1.2.3', '1.2', 'completed'),
      t('2', null, 'completed'),
    ];
    const r = rollUpCampaignTasks(tasks, now);
    expect(r.get('1.2')).toMatchObject({ leaves: 3, completed: 2, percent: 66 });
    expect(r.get('1')).toMatchObject({ leaves: 4, completed: 3, percent: 75 });
    expect(r.get('2')).toMatchObject({ leaves: 1, completed: 1, percent: 100 });
    expect(r.get('1.2.2')).toMatchObject({ leaves: 1, completed: 0, percent: 0 });
    expect(campaignProgress(tasks, now)).toMatchObject({ leaves: 5, completed: 4, percent: 80 });
  });

  it("a parent's own status does not count, and 100 % only when every leaf is accepted", () => {
    const r = rollUpCampaignTasks([t('1', null, 'completed'), t('1.1', '1', 'reported')], now);
    expect(r.get('1')).toMatchObject({ leaves: 1, completed: 0, percent: 0 });
    const many = [t('p', null), ...Array.from({ length: 200 }, (_, i) => t(`c${i}`, 'p', i < 199 ? 'completed' : 'in_progress'))];
    expect(rollUpCampaignTasks(many, now).get('p')!.percent).toBe(99);
  });

  it('overdue leaves roll up: marked overdue, or past the deadline while assigned or in progress', () => {
    const tasks = [
      t('1', null, 'in_progress', '2026-03-01T00:00:00Z'),
      t('1.1', '1', 'overdue', '2026-03-01T00:00:00Z'),
      t('1.2', '1', 'assigned', '2026-03-09T00:00:00Z'),
      t('1.3', '1', 'in_progress', '2026-03-20T00:00:00Z'),
      t('1.4', '1', 'reported', '2026-03-01T00:00:00Z'),
    ];
    const r = rollUpCampaignTasks(tasks, now);
    expect(r.get('1')).toMatchObject({ overdueLeaves: 2, overdue: true });
    expect(r.get('1.3')!.overdue).toBe(false);
    expect(r.get('1.4')!.overdue).toBe(false);
    expect(campaignProgress(tasks, now).overdueTasks).toBe(3);
  });

  it('an orphan is a root, a cycle does not loop, and an empty campaign is 0 %', () => {
    const r = rollUpCampaignTasks([t('a', 'missing', 'completed'), t('x', 'y'), t('y', 'x')], now);
    expect(r.get('a')).toMatchObject({ leaves: 1, percent: 100 });
    expect(r.size).toBe(3);
    expect(campaignProgress([], now)).toMatchObject({ leaves: 0, percent: 0 });
  });
});
