import { describe, expect, it } from 'vitest';
import { ROLES } from '../common/roles';
import { departmentAddressed, isLifecycleStep, stepsWaitingOn, waitsOn, WAITING_STEPS } from './waiting-steps';

const me = { userId: 'u1', role: 'inspector' as const, departmentId: 'd1' };

describe('WAITING_STEPS', () => {
  it('names only commands the lifecycles allow from that status', () => {
    expect(WAITING_STEPS.filter((s) => !isLifecycleStep(s)).map((s) => `${s.entity}:${s.status}:${s.command}`)).toEqual([]);
  });
  it('has one step per entity and status', () => {
    const keys = WAITING_STEPS.map((s) => `${s.entity}:${s.status}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('stepsWaitingOn', () => {
  it('gives each role the steps its transition table allows, and read-only roles none', () => {
    const of = (role: (typeof ROLES)[number]) => stepsWaitingOn(role).map((s) => `${s.entity}:${s.command}`);
    expect(of('inspector')).toContain('inspection:sign');
    expect(of('inspector')).not.toContain('reward:approve');
    expect(of('fire_supervisor')).toContain('reward:approve');
    expect(of('fire_supervisor')).toContain('hazard:close');
    expect(of('custodian')).toEqual(['disclosure:approve']);
    expect(of('discipline_inspector')).toEqual([]);
    expect(of('unit')).not.toContain('report:accept');
  });
});

describe('waitsOn', () => {
  const step = (entity: string, status: string) => WAITING_STEPS.find((s) => s.entity === entity && s.status === status)!;
  it('a report being verified waits on its assignee only', () => {
    expect(waitsOn(step('report', 'verifying'), { assignee: { userId: 'u1' } }, me)).toBe(true);
    expect(waitsOn(step('report', 'verifying'), { assignee: { userId: 'u2' } }, me)).toBe(false);
    expect(waitsOn(step('report', 'verifying'), { assignee: null }, me)).toBe(false);
  });
  it('a recorded inspection waits on the team members who have not signed', () => {
    const s = step('inspection', 'recorded');
    const team = [{ userId: 'u1' }, { userId: 'u2' }];
    expect(waitsOn(s, { team, signatures: [] }, me)).toBe(true);
    expect(waitsOn(s, { team, signatures: [{ userId: 'u1' }] }, me)).toBe(false);
    expect(waitsOn(s, { team: [{ userId: 'u2' }], signatures: [] }, me)).toBe(false);
  });
  it('a referral waits on the receiving department, a campaign task on its lead department', () => {
    expect(waitsOn(step('referral', 'sent'), { toDepartmentId: 'd1' }, me)).toBe(true);
    expect(waitsOn(step('referral', 'sent'), { toDepartmentId: 'd2' }, me)).toBe(false);
    expect(waitsOn(step('referral', 'sent'), { toDepartmentId: 'd1' }, { ...me, departmentId: null })).toBe(false);
    expect(waitsOn(step('campaign_task', 'assigned'), { leadDepartmentId: 'd1' }, me)).toBe(true);
    expect(departmentAddressed(step('referral', 'sent'))).toBe(true);
    expect(departmentAddressed(step('report', 'submitted'))).toBe(false);
  });
  it('a determined reward waits on someone other than the person who determined it', () => {
    const s = step('reward', 'determined');
    expect(waitsOn(s, { determination: { by: { userId: 'u2' } } }, me)).toBe(true);
    expect(waitsOn(s, { determination: { by: { userId: 'u1' } } }, me)).toBe(false);
  });
});
