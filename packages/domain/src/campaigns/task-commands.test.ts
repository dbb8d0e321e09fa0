import { describe, expect, it } from 'vitest';
import { allowedCampaignCommands } from './task-commands';

const task = (status: string, leadDepartmentId: string | null = 'edu') => ({ status, ownerDepartmentId: 'office', leadDepartmentId });
const committee = { role: 'committee_officer', departmentId: 'office' };
const bureau = { role: 'industry_officer', departmentId: 'edu' };

describe('allowedCampaignCommands', () => {
  it('the owning office assigns, accepts or sends back; the lead department starts and reports', () => {
    expect(allowedCampaignCommands(task('draft', null), committee, false)).toEqual(['assign']);
    expect(allowedCampaignCommands(task('draft', null), bureau, false)).toEqual([]);
    expect(allowedCampaignCommands(task('assigned'), bureau, false)).toEqual(['start']);
    expect(allowedCampaignCommands(task('assigned'), committee, false)).toEqual([]);
    expect(allowedCampaignCommands(task('in_progress'), bureau, false)).toEqual(['report_progress']);
    expect(allowedCampaignCommands(task('reported'), committee, false)).toEqual(['accept', 'send_back']);
    expect(allowedCampaignCommands(task('reported'), bureau, false)).toEqual([]);
    expect(allowedCampaignCommands(task('completed'), committee, false)).toEqual([]);
  });

  it('mark overdue only once the deadline has passed; an overdue task can still be reported', () => {
    expect(allowedCampaignCommands(task('in_progress'), committee, true)).toEqual(['mark_overdue']);
    expect(allowedCampaignCommands(task('overdue'), committee, true)).toEqual([]);
    expect(allowedCampaignCommands(task('overdue'), bureau, true)).toEqual(['report_progress']);
  });

  it('a lead office that also owns the task does both; roles outside the table and users without a department do nothing', () => {
    expect(allowedCampaignCommands({ status: 'assigned', ownerDepartmentId: 'office', leadDepartmentId: 'office' }, committee, false)).toEqual(['start']);
    expect(allowedCampaignCommands(task('assigned'), { role: 'inspector', departmentId: 'edu' }, false)).toEqual(['start']);
    expect(allowedCampaignCommands(task('assigned'), { role: 'grid_worker', departmentId: 'edu' }, false)).toEqual([]);
    expect(allowedCampaignCommands(task('draft', null), { role: 'committee_officer', departmentId: null }, false)).toEqual([]);
  });
});
