import { describe, expect, it } from 'vitest';
import type { Actor } from '../common/actor';
import { ROLES, STAFF_ROLES, type Role } from '../common/roles';
import { authorize } from './authorize';
import { buildJurisdictionTree } from './build-jurisdiction-tree';
import { CAPABILITIES, capabilitiesOf, isCapability, type Capability } from './capabilities';

const built = buildJurisdictionTree([
  { id: 'city', parentId: null, level: 'city', name: '牡丹江市' },
  { id: 'east', parentId: 'city', level: 'district', name: '东安区' },
  { id: 'west', parentId: 'city', level: 'district', name: '西安区' },
  { id: 'east-st', parentId: 'east', level: 'street', name: '七星街道' },
]);
if (!built.ok) throw new Error(built.error.code);
const scope = built.value;

const actor = (role: Role, over: Partial<Actor> = {}): Actor => ({
  userId: `u-${role}`,
  name: '张三',
  role,
  departmentId: 'dept-own',
  jurisdictionId: 'east',
  ...over,
});
const inScope = { jurisdictionId: 'east-st', departmentId: 'dept-own' };
const outOfScope = { jurisdictionId: 'west', departmentId: 'dept-own' };

describe('authorize: every capability, every role', () => {
  for (const cap of CAPABILITIES) {
    describe(cap.code, () => {
      for (const role of ROLES) {
        const holds = (cap.roles as readonly Role[]).includes(role);
        it(holds ? `allows ${role} in scope` : `refuses ${role}`, () => {
          const r = authorize(actor(role), cap.code, inScope, scope);
          if (holds) expect(r).toEqual({ ok: true, value: cap });
          else expect(r.ok || r.error.code).toBe('ACCESS.ROLE_NOT_ALLOWED');
        });
      }
      for (const role of cap.roles) {
        it(`refuses ${role} outside its jurisdiction`, () => {
          const r = authorize(actor(role), cap.code, outOfScope, scope);
          expect(r.ok || r.error.code).toBe('ACCESS.OUT_OF_SCOPE');
        });
        it(`refuses ${role} with no jurisdiction`, () => {
          const r = authorize(actor(role, { jurisdictionId: null }), cap.code, inScope, scope);
          expect(r.ok || r.error.code).toBe('ACCESS.OUT_OF_SCOPE');
        });
        if (cap.departmentBound) {
          it(`refuses ${role} of another department`, () => {
            const r = authorize(actor(role), cap.code, { ...inScope, departmentId: 'dept-other' }, scope);
            expect(r.ok || r.error.code).toBe('ACCESS.WRONG_DEPARTMENT');
            const unassigned = authorize(actor(role), cap.code, { jurisdictionId: 'east-st' }, scope);
            expect(unassigned.ok || unassigned.error.code).toBe('ACCESS.WRONG_DEPARTMENT');
            const noDept = authorize(actor(role, { departmentId: null }), cap.code, inScope, scope);
            expect(noDept.ok || noDept.error.code).toBe('ACCESS.WRONG_DEPARTMENT');
          });
        } else {
          it(`lets ${role} act on another department's subject`, () => {
            expect(authorize(actor(role), cap.code, { ...inScope, departmentId: 'dept-other' }, scope).ok).toBe(true);
          });
        }
      }
    });
  }
});

describe('access policy', () => {
  it('grants nothing to public, whistleblower or unit actors', () => {
    for (const role of ['public', 'whistleblower', 'unit'] as const) expect(capabilitiesOf(role)).toEqual([]);
    for (const cap of CAPABILITIES) for (const role of cap.roles) expect(STAFF_ROLES).toContain(role);
  });

  it('gives every staff role something to do', () => {
    for (const role of STAFF_ROLES) expect(capabilitiesOf(role).length, role).toBeGreaterThan(0);
  });

  it('keeps the discipline inspector read-only: reports, inspections, the ledger, audit and dashboards (一案双查)', () => {
    expect(capabilitiesOf('discipline_inspector').sort()).toEqual(['audit.read', 'dashboard.read', 'hazard.read', 'inspection.read', 'report.read']);
    for (const code of capabilitiesOf('discipline_inspector')) expect(CAPABILITIES.find((c) => c.code === code)?.readOnly).toBe(true);
  });

  it('lets only reward officers request identity and only custodians decide; nobody else touches identity', () => {
    const identity = CAPABILITIES.filter((c) => c.code.startsWith('identity.'));
    expect(identity.map((c) => [c.code, c.roles])).toEqual([
      ['identity.request', ['reward_officer']],
      ['identity.decide', ['custodian']],
    ]);
    expect(capabilitiesOf('custodian')).toEqual(['identity.decide']);
  });

  it('binds referral handling, detention, licence revocation and task progress to the assigned department', () => {
    const bound = CAPABILITIES.filter((c) => c.departmentBound).map((c) => c.code);
    expect(bound.sort()).toEqual(['campaign.progress', 'detention.decide', 'license.revoke', 'referral.handle']);
    const officer = actor('industry_officer', { departmentId: 'market-regulation' });
    expect(authorize(officer, 'referral.handle', { jurisdictionId: 'east', departmentId: 'market-regulation' }, scope).ok).toBe(true);
    const r = authorize(officer, 'referral.handle', { jurisdictionId: 'east', departmentId: 'education' }, scope);
    expect(r.ok ? null : r.error).toMatchObject({ code: 'ACCESS.WRONG_DEPARTMENT', messageZh: '仅承办部门可以签收办理抄告、移送' });
  });

  it('never lets a fire agency decide detention, and keeps enforcement decisions with the supervisor', () => {
    for (const role of ['inspector', 'fire_supervisor'] as const) {
      const r = authorize(actor(role), 'detention.decide', inScope, scope);
      expect(r.ok || r.error.code).toBe('ACCESS.ROLE_NOT_ALLOWED');
    }
    const inspector = authorize(actor('inspector'), 'enforcement.decide', inScope, scope);
    expect(inspector.ok ? null : inspector.error).toMatchObject({
      code: 'ACCESS.ROLE_NOT_ALLOWED',
      message: 'Role inspector may not decide penalties, sealing and other enforcement',
      messageZh: '当前角色（消防监督员）无权作出处罚、查封等执法决定',
    });
  });

  it('lets a city-level actor act anywhere in the city and a district actor only in its district', () => {
    const cityAdmin = actor('admin', { jurisdictionId: 'city' });
    expect(authorize(cityAdmin, 'admin.users', { jurisdictionId: 'west' }, scope).ok).toBe(true);
    expect(authorize(actor('admin'), 'admin.users', { jurisdictionId: 'city' }, scope).ok).toBe(false);
    expect(authorize(actor('admin'), 'admin.users', { jurisdictionId: 'unknown' }, scope).ok).toBe(false);
  });

  it('refuses unknown capability codes coming from the wire', () => {
    const r = authorize(actor('admin'), 'admin.everything' as Capability, inScope, scope);
    expect(r.ok || r.error.code).toBe('ACCESS.UNKNOWN_CAPABILITY');
    expect(isCapability('admin.everything')).toBe(false);
    expect(isCapability('hazard.close')).toBe(true);
  });

  it('has unique codes with bilingual names and covers the staff actions the domain names', () => {
    const codes = CAPABILITIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of CAPABILITIES) {
      expect(c.zh).toMatch(/\p{Script=Han}/u);
      expect(c.en).toMatch(/^[A-Z]/);
      expect(c.roles.length).toBeGreaterThan(0);
    }
    const named = [
      'report.triage', 'report.verify', 'inspection.conduct', 'hazard.order', 'hazard.close', 'enforcement.propose',
      'enforcement.decide', 'referral.send', 'referral.handle', 'listing.manage', 'major.determine', 'reward.determine',
      'reward.approve', 'reward.pay', 'identity.request', 'identity.decide', 'campaign.manage', 'draw.run',
      'dashboard.read', 'audit.read', 'admin.catalog', 'admin.users',
    ];
    for (const code of named) expect(codes).toContain(code);
  });
});
