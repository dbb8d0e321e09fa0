import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '../common/roles';
import { DEPARTMENT_KINDS } from './department-kinds';
import { ROLE_DEPARTMENT_KINDS, validateStaffAssignment } from './staff-assignment';

describe('validateStaffAssignment', () => {
  it('places each staff role only in its department kinds', () => {
    for (const role of STAFF_ROLES) {
      for (const kind of DEPARTMENT_KINDS) {
        const r = validateStaffAssignment(role, kind);
        if (ROLE_DEPARTMENT_KINDS[role].includes(kind)) expect(r).toEqual({ ok: true, value: { role, kind } });
        else expect(r.ok || r.error.code).toBe('ACCESS.DEPARTMENT_KIND_NOT_ALLOWED');
      }
    }
  });

  it('pins the supervision roles to their agencies', () => {
    expect(ROLE_DEPARTMENT_KINDS.inspector).toEqual(['fire_agency']);
    expect(ROLE_DEPARTMENT_KINDS.fire_supervisor).toEqual(['fire_agency']);
    expect(ROLE_DEPARTMENT_KINDS.police_officer).toEqual(['police_station']);
    expect(ROLE_DEPARTMENT_KINDS.industry_officer).toEqual(['industry']);
    expect(ROLE_DEPARTMENT_KINDS.discipline_inspector).toEqual(['discipline']);
    expect(ROLE_DEPARTMENT_KINDS.expert).toEqual(['expert_pool']);
    const r = validateStaffAssignment('inspector', 'police_station');
    expect(r.ok ? null : r.error).toMatchObject({
      code: 'ACCESS.DEPARTMENT_KIND_NOT_ALLOWED',
      messageZh: '“消防监督员”不能归属于公安派出所',
    });
  });

  it('refuses non-staff roles in any department', () => {
    for (const role of ['public', 'whistleblower', 'unit'] as const) {
      const r = validateStaffAssignment(role, 'fire_agency');
      expect(r.ok || r.error.code).toBe('ACCESS.NOT_STAFF_ROLE');
    }
  });

  it('lets every department kind host some staff role', () => {
    for (const kind of DEPARTMENT_KINDS) {
      expect(STAFF_ROLES.some((role) => ROLE_DEPARTMENT_KINDS[role].includes(kind)), kind).toBe(true);
    }
  });
});
