import { describe, expect, it } from 'vitest';
import { capabilityDefinition } from '../org/capabilities';
import { assigneeFromAccount, checkReportAssignee, type AssigneeAccount } from './report-assignee';
import { JURISDICTIONS, testScope as scope } from './test-support';

const { districtA: east, districtB: west, streetA1: eastStreet } = JURISDICTIONS;

const account = (over: Partial<AssigneeAccount> = {}): AssigneeAccount => ({
  id: 'u1',
  displayName: '李四',
  role: 'inspector',
  departmentId: 'dept',
  jurisdictionId: east,
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
    expect(assigneeFromAccount(account(), 'u1')).toEqual({ ok: true, value: { userId: 'u1', name: '李四', role: 'inspector', departmentId: 'dept', jurisdictionId: east } });
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
    expect(checkReportAssignee(assignee(), eastStreet, scope)).toEqual({ ok: true, value: { userId: 'u1', name: '李四', role: 'inspector', departmentId: 'dept' } });
  });

  it('refuses someone whose subtree does not hold the report', () => {
    const r = checkReportAssignee(assignee(), west, scope);
    expect(r.ok || r.error).toMatchObject({ code: 'REPORT.INVALID_ASSIGNEE', details: { reason: 'ACCESS.OUT_OF_SCOPE' } });
  });

  it('refuses a role that cannot verify reports', () => {
    const verifiers = capabilityDefinition('report.verify')!.roles as readonly string[];
    expect(verifiers).not.toContain('reward_officer');
    const r = checkReportAssignee(assignee({ role: 'reward_officer' }), eastStreet, scope);
    expect(r.ok || r.error).toMatchObject({ code: 'REPORT.INVALID_ASSIGNEE', details: { reason: 'ACCESS.ROLE_NOT_ALLOWED' } });
  });

  it('refuses an account without a jurisdiction', () => {
    const r = checkReportAssignee(assignee({ jurisdictionId: null }), eastStreet, scope);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('REPORT.INVALID_ASSIGNEE');
  });
});
