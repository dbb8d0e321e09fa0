import { describe, expect, it } from 'vitest';
import { buildJurisdictionTree } from '../org/build-jurisdiction-tree';
import { capabilityDefinition } from '../org/capabilities';
import { assigneeFromAccount, checkReportAssignee, type AssigneeAccount } from './report-assignee';

const built = buildJurisdictionTree([
  { id: 'city', parentId: null, level: 'city', name: '牡丹江市' },
  { id: 'east', parentId: 'city', level: 'district', name: '东安区' },
  { id: 'west', parentId: 'city', level: 'district', name: '西安区' },
  { id: 'east-st', parentId: 'east', level: 'street', name: '七星街道' },
]);
if (!built.ok) throw new Error(built.error.code);
const scope = built.value;

const account = (over: Partial<AssigneeAccount> = {}): AssigneeAccount => ({
  id: 'u1',
  displayName: '李四',
  role: 'inspector',
  departmentId: 'dept',
  jurisdictionId: 'east',
  disabled: false,
  ...over,
});
const assignee = (over: Partial<AssigneeAccount> = {}) => {
  const r = assigneeFromAccount(account(over), 'u1');
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};

describe('assigneeFromAccount', () => {
  it('takes an active account as the assignee with its jurisdiction', () => {
    expect(assigneeFromAccount(account(), 'u1')).toEqual({ ok: true, value: { userId: 'u1', name: '李四', role: 'inspector', departmentId: 'dept', jurisdictionId: 'east' } });
  });

  it('treats a disabled or missing account as not found', () => {
    for (const a of [account({ disabled: true }), undefined]) {
      const r = assigneeFromAccount(a, 'u1');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: 'USER.NOT_FOUND', messageZh: '被指派人员不存在', details: { id: 'u1' } });
    }
  });
});

describe('checkReportAssignee', () => {
  it('accepts someone who can verify reports where the report is, without their jurisdiction', () => {
    expect(checkReportAssignee(assignee(), 'east-st', scope)).toEqual({ ok: true, value: { userId: 'u1', name: '李四', role: 'inspector', departmentId: 'dept' } });
  });

  it('refuses someone whose subtree does not hold the report', () => {
    const r = checkReportAssignee(assignee(), 'west', scope);
    expect(r.ok || r.error).toMatchObject({ code: 'REPORT.INVALID_ASSIGNEE', details: { reason: 'ACCESS.OUT_OF_SCOPE' } });
  });

  it('refuses a role that cannot verify reports', () => {
    const verifiers = capabilityDefinition('report.verify')!.roles as readonly string[];
    expect(verifiers).not.toContain('reward_officer');
    const r = checkReportAssignee(assignee({ role: 'reward_officer' }), 'east-st', scope);
    expect(r.ok || r.error).toMatchObject({ code: 'REPORT.INVALID_ASSIGNEE', details: { reason: 'ACCESS.ROLE_NOT_ALLOWED' } });
  });

  it('refuses an account without a jurisdiction', () => {
    const r = checkReportAssignee(assignee({ jurisdictionId: null }), 'east-st', scope);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('REPORT.INVALID_ASSIGNEE');
  });
});
