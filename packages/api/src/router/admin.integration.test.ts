import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REWARD_RULES } from '@firebreak/domain';
import {
  apiKeys,
  auditLog,
  checkItems,
  countAuditEntries,
  countRows,
  departments,
  findActiveApiKey,
  holidayCalendar,
  jurisdictions,
  rewardRules,
  standards,
  users,
} from '@firebreak/db';
import { expectInvalidInput, expectRefusal } from '../testing/expect-refusal';
import { actorOf, addOtherCity, callerFor, type Caller } from '../testing/rewards-fixtures';
import { createWorld, type World } from '../testing/world';

let world: World;
let admin: Caller;
/** An administrator of the city only: below the top of the tree. */
let cityAdmin: Caller;
let other: { city: string; district: string };

beforeAll(async () => {
  world = await createWorld();
  admin = world.as('admin');
  const created = await admin.admin.org.createUser({
    username: 'city-admin',
    displayName: '市级管理员',
    role: 'admin',
    departmentId: world.d.detachment,
    password: 'City-admin-password-1',
  });
  cityAdmin = callerFor(world, { userId: created.id, name: created.displayName, role: 'admin', departmentId: world.d.detachment, jurisdictionId: world.j.city });
  other = await addOtherCity(world);
});
afterAll(async () => world?.close());

const item = (over: Record<string, unknown> = {}) => ({
  id: 'market.exits-unlocked',
  text: { zh: '疏散通道、安全出口畅通，未锁闭', en: 'Exits and evacuation routes open and unlocked' },
  riskCategory: 'evacuation_blocked',
  severity: 'serious',
  basis: [{ law: '中华人民共和国消防法', article: '第二十八条' }],
  deadline: { kind: 'immediate' },
  gbElements: ['6.2', '7.3.3'],
  ...over,
});
const title = { zh: '商场市场火灾隐患整治标准', en: 'Remediation standard for markets' };
const future = '2026-04-01T00:00:00+08:00';

describe('admin.standards', () => {
  it('creates, revises and publishes versions under the kernel\'s rules, mirrored into the checklist columns', async () => {
    const v1 = await admin.admin.standards.createDraft({ category: 'test_market', title, effectiveFrom: future, items: [item()], basedOnVersion: null });
    expect(v1).toMatchObject({ version: 1, status: 'draft', category: 'test_market' });
    await expectRefusal(
      admin.admin.standards.createDraft({ category: 'test_market', title, effectiveFrom: future, items: [item()], basedOnVersion: 1 }),
      'BAD_REQUEST',
      'STANDARD.DRAFT_EXISTS',
    );
    const revised = await admin.admin.standards.revise({
      version: 1,
      content: { category: 'test_market', title: { ...title, zh: '商场市场整治标准（修订）' }, effectiveFrom: future, items: [item(), item({ id: 'market.ebike-indoor', riskCategory: 'ebike_indoor', severity: 'general', deadline: { kind: 'working_days', n: 3 }, gbElements: undefined })] },
    });
    expect(revised.items).toHaveLength(2);
    const published = await admin.admin.standards.publish({ category: 'test_market', version: 1 });
    expect(published).toMatchObject({ status: 'published', publishedAt: world.now.toISOString(), effectiveFrom: future });

    const got = await world.as('admin').admin.standards.get({ category: 'test_market', version: 1 });
    expect(got).toMatchObject({ title: { zh: '商场市场整治标准（修订）' }, items: [{ id: 'market.exits-unlocked', severity: 'serious', gbElements: ['6.2', '7.3.3'] }, { id: 'market.ebike-indoor' }] });
    const rows = (await world.db.db.select().from(checkItems)).filter((r) => r.standardId === got.id).sort((a, b) => a.ordinal - b.ordinal);
    expect(rows.map((r) => [r.code, r.riskCategory, r.defaultSeverity, r.defaultDeadlineDays, r.gbElement, r.legalBasis])).toEqual([
      ['market.exits-unlocked', 'evacuation_blocked', 'general', 0, '6.2', '中华人民共和国消防法 第二十八条'],
      ['market.ebike-indoor', 'ebike_indoor', 'general', 3, null, '中华人民共和国消防法 第二十八条'],
    ]);
    expect(await countAuditEntries(world.db.db, { entity: 'standard', entityId: got.id })).toBe(3);
    await expectRefusal(
      admin.admin.standards.revise({ version: 1, content: { category: 'test_market', title, effectiveFrom: future, items: [item()] } }),
      'BAD_REQUEST',
      'STANDARD.IMMUTABLE',
    );
    const v2 = await admin.admin.standards.createDraft({ category: 'test_market', title, effectiveFrom: '2026-01-01T00:00:00+08:00', items: [item()], basedOnVersion: 1 });
    expect(v2.version).toBe(2);
    await expectRefusal(admin.admin.standards.publish({ category: 'test_market', version: 2 }), 'BAD_REQUEST', 'STANDARD.RETROACTIVE');
    expect((await admin.admin.standards.list({ category: 'test_market' })).map((s) => [s.version, s.status, s.items])).toEqual([
      [1, 'published', 2],
      [2, 'draft', 1],
    ]);
  });

  it('refuses invalid content, other roles and admins below the top of the tree, changing nothing', async () => {
    const before = { s: await countRows(world.db.db, standards), i: await countRows(world.db.db, checkItems), a: await countRows(world.db.db, auditLog) };
    const bad = await expectRefusal(
      admin.admin.standards.createDraft({ category: 'bad_market', title, effectiveFrom: future, items: [item({ riskCategory: 'no_such_risk' })], basedOnVersion: null }),
      'BAD_REQUEST',
      'STANDARD.INVALID',
    );
    expect(bad).toMatchObject({ cause: { domain: { details: { issues: [expect.objectContaining({ path: 'items.0.riskCategory' })] } } } });
    await expectRefusal(
      world.as('supervisorCity').admin.standards.createDraft({ category: 'bad_market', title, effectiveFrom: future, items: [item()], basedOnVersion: null }),
      'FORBIDDEN',
      'ACCESS.ROLE_NOT_ALLOWED',
    );
    await expectRefusal(
      cityAdmin.admin.standards.createDraft({ category: 'bad_market', title, effectiveFrom: future, items: [item()], basedOnVersion: null }),
      'FORBIDDEN',
      'ACCESS.OUT_OF_SCOPE',
    );
    await expectInvalidInput(admin.admin.standards.createDraft({ category: '', title, effectiveFrom: future, items: [], basedOnVersion: null }), 'category');
    expect({ s: await countRows(world.db.db, standards), i: await countRows(world.db.db, checkItems), a: await countRows(world.db.db, auditLog) }).toEqual(before);
  });
});

describe('admin.rewardRules', () => {
  it('adds validated versions, each audited', async () => {
    const first = await admin.admin.rewardRules.create({ jurisdictionId: null, rules: { ...DEFAULT_REWARD_RULES, version: 'prov-2026.1' } });
    const second = await admin.admin.rewardRules.create({ jurisdictionId: null, rules: { ...DEFAULT_REWARD_RULES, version: 'prov-2026.2', whistleblowerUpliftPercent: 30 } });
    expect([first.version, second.version]).toEqual([1, 2]);
    expect(second.publishedAt?.toISOString()).toBe(world.now.toISOString());
    expect(second.effectiveFrom.toISOString()).toBe('2024-12-31T16:00:00.000Z');
    const city = await cityAdmin.admin.rewardRules.create({ jurisdictionId: world.j.city, rules: { ...DEFAULT_REWARD_RULES, version: 'city-2026.1' } });
    expect(city).toMatchObject({ jurisdictionId: world.j.city, version: 1 });
    expect((await admin.admin.rewardRules.list({ jurisdictionId: null })).map((r) => r.version)).toEqual([2, 1]);
    expect(await countAuditEntries(world.db.db, { entity: 'reward_rules', entityId: city.id, action: 'publish' })).toBe(1);
  });

  it('refuses invalid rules, other roles and scopes, changing nothing', async () => {
    const before = await countRows(world.db.db, rewardRules);
    await expectRefusal(admin.admin.rewardRules.create({ jurisdictionId: null, rules: { ...DEFAULT_REWARD_RULES, tiers: [] } }), 'BAD_REQUEST', 'REWARD_RULES.INVALID');
    await expectRefusal(world.as('rewardOfficer').admin.rewardRules.create({ jurisdictionId: null, rules: DEFAULT_REWARD_RULES }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(cityAdmin.admin.rewardRules.create({ jurisdictionId: null, rules: DEFAULT_REWARD_RULES }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    await expectRefusal(cityAdmin.admin.rewardRules.create({ jurisdictionId: other.city, rules: DEFAULT_REWARD_RULES }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    expect(await countRows(world.db.db, rewardRules)).toBe(before);
  });
});

describe('admin.calendar', () => {
  it('replaces a year and the next time limit counts on it', async () => {
    const out = await admin.admin.calendar.setYear({
      year: 2028,
      holidays: [
        { date: '2028-10-02', name: '国庆节' },
        { date: '2028-10-03', name: '国庆节' },
      ],
      adjustedWorkdays: [{ date: '2028-10-07', name: '国庆调休' }],
    });
    expect(out).toEqual({ year: 2028, holidays: ['2028-10-02', '2028-10-03'], adjustedWorkdays: ['2028-10-07'] });
    expect((await admin.admin.calendar.getYear({ year: 2028 })).map((d) => [d.date, d.kind])).toEqual([
      ['2028-10-02', 'holiday'],
      ['2028-10-03', 'holiday'],
      ['2028-10-07', 'workday'],
    ]);
    const { calendar } = await world.services.reference.get(world.db.db);
    expect(calendar.isWorkingDay(new Date('2028-10-02T04:00:00Z'))).toBe(false);
    expect(calendar.isWorkingDay(new Date('2028-10-07T04:00:00Z'))).toBe(true);
    await admin.admin.calendar.setYear({ year: 2028, holidays: [{ date: '2028-10-02' }], adjustedWorkdays: [] });
    expect((await admin.admin.calendar.getYear({ year: 2028 })).map((d) => d.date)).toEqual(['2028-10-02']);
    expect(await countAuditEntries(world.db.db, { entity: 'calendar', entityId: '2028' })).toBe(2);
  });

  it('refuses what validateCalendarConfig refuses, other roles and city admins, changing nothing', async () => {
    const before = await countRows(world.db.db, holidayCalendar);
    await expectRefusal(
      admin.admin.calendar.setYear({ year: 2029, holidays: [{ date: '2029-10-06' }], adjustedWorkdays: [{ date: '2029-10-06' }] }),
      'BAD_REQUEST',
      'CALENDAR.CONFLICTING_DATES',
    );
    await expectRefusal(
      admin.admin.calendar.setYear({ year: 2029, holidays: [], adjustedWorkdays: [{ date: '2029-10-08' }] }),
      'BAD_REQUEST',
      'CALENDAR.ADJUSTED_WORKDAY_NOT_WEEKEND',
    );
    await expectRefusal(admin.admin.calendar.setYear({ year: 2029, holidays: [{ date: '2029-02-30' }], adjustedWorkdays: [] }), 'BAD_REQUEST', 'CALENDAR.INVALID_CONFIG');
    await expectInvalidInput(admin.admin.calendar.setYear({ year: 2029, holidays: [{ date: '2030-01-01' }], adjustedWorkdays: [] }), 'holidays');
    await expectRefusal(cityAdmin.admin.calendar.setYear({ year: 2029, holidays: [], adjustedWorkdays: [] }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    await expectRefusal(world.as('committee').admin.calendar.setYear({ year: 2029, holidays: [], adjustedWorkdays: [] }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    expect(await countRows(world.db.db, holidayCalendar)).toBe(before);
  });
});

describe('admin.org jurisdictions and departments', () => {
  it('adds a node one level below its parent, visible to the next request', async () => {
    const street = await admin.admin.org.addJurisdiction({ parentId: world.j.districtA, level: 'street', name: '甲二街道', code: '330100001' });
    const ref = await world.services.reference.get(world.db.db);
    expect(ref.tree.parentOf(street.id)).toBe(world.j.districtA);
    expect(await countAuditEntries(world.db.db, { entity: 'jurisdiction', entityId: street.id })).toBe(1);
    const dept = await cityAdmin.admin.org.addDepartment({ name: '测试市卫生健康委', kind: 'industry', sector: 'health', jurisdictionId: world.j.city });
    expect(dept).toMatchObject({ kind: 'industry', sector: 'health', level: 'city' });
    const brigade = await admin.admin.org.addDepartment({ name: '甲二消防救援站', kind: 'fire_agency', fireLevel: 'station', jurisdictionId: street.id, parentId: world.d.brigadeA });
    expect(brigade).toMatchObject({ level: 'street', parentId: world.d.brigadeA });
    expect((await cityAdmin.admin.org.listDepartments({})).map((d) => d.id)).toEqual(expect.arrayContaining([dept.id, brigade.id, world.d.brigadeA]));
  });

  it('refuses what the kernel refuses, duplicates, other roles and scopes, changing nothing', async () => {
    const before = { j: await countRows(world.db.db, jurisdictions), d: await countRows(world.db.db, departments) };
    await expectRefusal(admin.admin.org.addJurisdiction({ parentId: world.j.districtA, level: 'community', name: '跳级社区' }), 'BAD_REQUEST', 'JURISDICTION.LEVEL_MISMATCH');
    await admin.admin.org.addJurisdiction({ parentId: world.j.districtB, level: 'street', name: '乙二街道', code: '330200009' });
    await expectRefusal(admin.admin.org.addJurisdiction({ parentId: world.j.districtB, level: 'street', name: '乙三街道', code: '330200009' }), 'CONFLICT', 'JURISDICTION.DUPLICATE');
    await expectRefusal(cityAdmin.admin.org.addJurisdiction({ parentId: world.j.province, level: 'city', name: '另一市' }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    await expectRefusal(world.as('committee').admin.org.addJurisdiction({ parentId: world.j.city, level: 'district', name: '丁区' }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(admin.admin.org.addDepartment({ name: '无行业部门', kind: 'industry', jurisdictionId: world.j.city }), 'BAD_REQUEST', 'DEPARTMENT.INVALID');
    await expectRefusal(admin.admin.org.addDepartment({ name: '无级别消防', kind: 'fire_agency', jurisdictionId: world.j.city }), 'BAD_REQUEST', 'DEPARTMENT.INVALID');
    await expectRefusal(cityAdmin.admin.org.addDepartment({ name: '丙市教育局', kind: 'industry', sector: 'education', jurisdictionId: other.city }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    expect({ j: await countRows(world.db.db, jurisdictions), d: await countRows(world.db.db, departments) }).toEqual({ j: before.j + 1, d: before.d });
  });
});

describe('admin.org users', () => {
  it('creates an account that can sign in, and disables it', async () => {
    const u = await admin.admin.org.createUser({ username: 'inspector-a3', displayName: '冯监督', role: 'inspector', departmentId: world.d.brigadeA, password: 'Inspector-a3-password' });
    expect(u).toMatchObject({ role: 'inspector', departmentId: world.d.brigadeA, jurisdictionId: world.j.districtA, disabled: false });
    expect(JSON.stringify(u)).not.toMatch(/argon2|passwordHash/i);
    expect(await world.public().auth.login({ username: 'inspector-a3', password: 'Inspector-a3-password' })).toMatchObject({ userId: u.id });
    expect(await cityAdmin.admin.org.disableUser({ userId: u.id })).toMatchObject({ disabled: true });
    await expectRefusal(world.public().auth.login({ username: 'inspector-a3', password: 'Inspector-a3-password' }), 'UNAUTHORIZED', 'AUTH.INVALID_CREDENTIALS');
    await expectRefusal(admin.admin.org.disableUser({ userId: u.id }), 'CONFLICT', 'USER.ALREADY_DISABLED');
    expect(await countAuditEntries(world.db.db, { entity: 'user', entityId: u.id })).toBe(2);
    expect((await cityAdmin.admin.org.listUsers({})).map((x) => x.username)).toContain('inspector-a3');
  });

  it('refuses a role outside its department kinds, taken names, other roles and scopes, changing nothing', async () => {
    const farDept = await admin.admin.org.addDepartment({ name: '丙市消防救援支队', kind: 'fire_agency', fireLevel: 'detachment', jurisdictionId: other.city });
    const before = await countRows(world.db.db, users);
    await expectRefusal(
      admin.admin.org.createUser({ username: 'teacher-inspector', displayName: '错配', role: 'inspector', departmentId: world.d.education, password: 'Long-enough-password' }),
      'BAD_REQUEST',
      'ACCESS.DEPARTMENT_KIND_NOT_ALLOWED',
    );
    await expectRefusal(
      admin.admin.org.createUser({ username: 'a-public', displayName: '群众', role: 'public', departmentId: world.d.brigadeA, password: 'Long-enough-password' }),
      'BAD_REQUEST',
      'ACCESS.NOT_STAFF_ROLE',
    );
    await expectRefusal(
      admin.admin.org.createUser({ username: 'inspectorA1', displayName: '重名', role: 'inspector', departmentId: world.d.brigadeA, password: 'Long-enough-password' }),
      'CONFLICT',
      'USER.ALREADY_EXISTS',
    );
    await expectRefusal(
      cityAdmin.admin.org.createUser({ username: 'far-inspector', displayName: '外市', role: 'inspector', departmentId: farDept.id, password: 'Long-enough-password' }),
      'FORBIDDEN',
      'ACCESS.OUT_OF_SCOPE',
    );
    await expectRefusal(
      world.as('supervisorCity').admin.org.createUser({ username: 'by-supervisor', displayName: '越权', role: 'inspector', departmentId: world.d.brigadeA, password: 'Long-enough-password' }),
      'FORBIDDEN',
      'ACCESS.ROLE_NOT_ALLOWED',
    );
    await expectInvalidInput(admin.admin.org.createUser({ username: 'short-pw', displayName: '短密码', role: 'inspector', departmentId: world.d.brigadeA, password: 'short' }), 'password');
    expect(await countRows(world.db.db, users)).toBe(before);
    const farUser = await admin.admin.org.createUser({ username: 'far-inspector', displayName: '外市', role: 'inspector', departmentId: farDept.id, password: 'Long-enough-password' });
    await expectRefusal(cityAdmin.admin.org.disableUser({ userId: farUser.id }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    await expectRefusal(cityAdmin.admin.org.disableUser({ userId: randomUUID() }), 'NOT_FOUND', 'USER.NOT_FOUND');
  });
});

describe('admin.apiKeys', () => {
  it('issues a key once, stores only its SHA-256, lists without secrets and revokes', async () => {
    const issued = await admin.admin.apiKeys.issue({ name: '12345 市民热线', jurisdictionId: world.j.city });
    expect(issued.key).toMatch(/^fb_[A-Za-z0-9_-]{43}$/);
    const hash = createHash('sha256').update(issued.key, 'utf8').digest('hex');
    expect(await findActiveApiKey(world.db.db, hash)).toMatchObject({ id: issued.id, jurisdictionId: world.j.city });
    const stored = await world.db.db.select().from(apiKeys);
    expect(JSON.stringify(stored)).not.toContain(issued.key);
    const listed = await cityAdmin.admin.apiKeys.list({});
    expect(listed.map((k) => k.id)).toContain(issued.id);
    expect(JSON.stringify(listed)).not.toContain(hash);
    expect(await cityAdmin.admin.apiKeys.revoke({ keyId: issued.id })).toMatchObject({ active: false });
    expect(await findActiveApiKey(world.db.db, hash)).toBeNull();
    await expectRefusal(admin.admin.apiKeys.revoke({ keyId: issued.id }), 'CONFLICT', 'API_KEY.ALREADY_REVOKED');
    expect(await countAuditEntries(world.db.db, { entity: 'api_key', entityId: issued.id })).toBe(2);
  });

  it('keeps unbound keys to the top of the tree and refuses other roles', async () => {
    const global = await admin.admin.apiKeys.issue({ name: '96119 火灾举报', jurisdictionId: null });
    expect((await admin.admin.apiKeys.list({})).map((k) => k.id)).toContain(global.id);
    expect((await cityAdmin.admin.apiKeys.list({})).map((k) => k.id)).not.toContain(global.id);
    const before = await countRows(world.db.db, apiKeys);
    await expectRefusal(cityAdmin.admin.apiKeys.issue({ name: '第三方', jurisdictionId: null }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    await expectRefusal(cityAdmin.admin.apiKeys.revoke({ keyId: global.id }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    await expectRefusal(world.as('supervisorCity').admin.apiKeys.issue({ name: '第三方', jurisdictionId: world.j.city }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectInvalidInput(admin.admin.apiKeys.issue({ name: '', jurisdictionId: null }), 'name');
    expect(await countRows(world.db.db, apiKeys)).toBe(before);
    expect((await actorOf(world, 'admin')).jurisdictionId).toBe(world.j.province);
  });
});

describe('admin reads', () => {
  it('are for administrators only', async () => {
    const supervisor = world.as('supervisorCity');
    await expectRefusal(supervisor.admin.standards.list({}), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(supervisor.admin.standards.get({ category: 'test_market', version: 1 }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(world.as('rewardOfficer').admin.rewardRules.list({}), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(supervisor.admin.calendar.getYear({ year: 2028 }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(supervisor.admin.org.listDepartments({}), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(supervisor.admin.org.listUsers({}), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(supervisor.admin.apiKeys.list({}), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(admin.admin.standards.get({ category: 'test_market', version: 99 }), 'NOT_FOUND', 'STANDARD.NOT_FOUND');
    // A city admin lists only the city's departments and users.
    const depts = await cityAdmin.admin.org.listDepartments({});
    expect(depts.every((d) => d.jurisdictionId !== other.city)).toBe(true);
    const people = await cityAdmin.admin.org.listUsers({ limit: 500 });
    expect(people.some((u) => u.username === 'admin')).toBe(false);
  });
});
