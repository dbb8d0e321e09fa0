import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, countRows, responsiblePersons, venues } from '@firebreak/db';
import { expectRefusal } from '../../testing/expect-refusal';
import { callerFor, addOtherCity, type Caller } from '../../testing/rewards-fixtures';
import { createWorld, type World } from '../../testing/world';

let world: World;
let admin: Caller;
/** An administrator of the city only. */
let cityAdmin: Caller;
let other: { city: string; district: string };

beforeAll(async () => {
  world = await createWorld();
  admin = world.as('admin');
  const created = await admin.admin.org.createUser({ username: 'city-admin', displayName: '市级管理员', role: 'admin', departmentId: world.d.detachment, password: 'City-admin-password-1' });
  cityAdmin = callerFor(world, { userId: created.id, name: created.displayName, role: 'admin', departmentId: world.d.detachment, jurisdictionId: world.j.city });
  other = await addOtherCity(world);
});
afterAll(async () => world?.close());

const row = (rowNumber: number, over: Record<string, string> = {}) => ({
  rowNumber,
  cells: {
    name: `导入测试单位${rowNumber}`,
    address: `甲区人民路${rowNumber}号`,
    categories: '小商店、小餐饮',
    jurisdiction: '甲街道',
    responsibleName: '张责任',
    responsiblePhone: '13912345678',
    managerName: '李管理',
    managerPhone: '0571-87654321',
    ...over,
  },
});

const counts = async () => ({ venues: await countRows(world.db.db, venues), persons: await countRows(world.db.db, responsiblePersons), audit: await countRows(world.db.db, auditLog) });

describe('admin.venues.import', () => {
  it('refuses a file with one bad row, listing it, and inserts nothing', async () => {
    const before = await counts();
    const error = await expectRefusal(
      admin.admin.venues.import({ fileName: 'units.xlsx', rows: [row(3), row(4, { responsiblePhone: '123', categories: '火锅店' }), row(5)] }),
      'BAD_REQUEST',
      'VENUE_IMPORT.INVALID',
    );
    const issues = (error as { cause: { domain: { details: { issues: { row: number; column: string; messageZh: string }[] } } } }).cause.domain.details.issues;
    expect(issues.map((i) => [i.row, i.column])).toEqual([
      [4, 'categories'],
      [4, 'responsiblePhone'],
    ]);
    expect(await counts()).toEqual(before);
  });

  it('imports every row with both persons, phones sealed, one audit entry; a second import of the same rows is refused', async () => {
    const before = await counts();
    const result = await admin.admin.venues.import({ fileName: 'units.xlsx', rows: [row(3), row(4, { jurisdiction: '乙区', lat: '30.2', lng: '120.1' })] });
    expect(result.inserted).toBe(2);
    expect(await counts()).toEqual({ venues: before.venues + 2, persons: before.persons + 4, audit: before.audit + 1 });
    const mine = (await world.db.db.select().from(venues)).filter((v) => v.name.startsWith('导入测试单位')).sort((a, b) => a.name.localeCompare(b.name));
    expect(mine.map((v) => [v.categories, v.jurisdictionId])).toEqual([
      [['small_shop', 'small_restaurant'], world.j.streetA],
      [['small_shop', 'small_restaurant'], world.j.districtB],
    ]);
    const stored = (await world.db.db.select().from(responsiblePersons)).filter((p) => mine.some((v) => v.id === p.venueId));
    expect(stored.map((p) => p.role).sort()).toEqual(['manager', 'manager', 'responsible', 'responsible']);
    expect(JSON.stringify(stored)).not.toContain('13912345678');

    const again = await expectRefusal(admin.admin.venues.import({ fileName: null, rows: [row(3)] }), 'BAD_REQUEST', 'VENUE_IMPORT.INVALID');
    expect(JSON.stringify(again)).toContain('单位库中已有同名同地址的单位');

    const exported = await admin.admin.venues.exportPage({ limit: 2000 });
    const first = exported.find((v) => v.name === '导入测试单位3')!;
    expect(first).toMatchObject({ responsiblePhone: '13912345678', managerPhone: '0571-87654321', jurisdictionName: '甲街道', categories: ['small_shop', 'small_restaurant'] });
  });

  it('keeps a city admin to its subtree: a row in another city is reported, nothing inserted', async () => {
    const before = await counts();
    const error = await expectRefusal(cityAdmin.admin.venues.import({ fileName: null, rows: [row(10), row(11, { jurisdiction: '丙区' })] }), 'BAD_REQUEST', 'VENUE_IMPORT.INVALID');
    expect(JSON.stringify(error)).toContain('“丙区”不在您的管辖范围内');
    expect(await counts()).toEqual(before);
    expect((await cityAdmin.admin.venues.exportPage({ limit: 2000 })).some((v) => v.jurisdictionName === '丙区')).toBe(false);
    void other;
  });

  it('is for administrators only', async () => {
    const before = await counts();
    for (const who of ['inspectorA1', 'supervisorCity', 'committee'] as const) {
      await expectRefusal(world.as(who).admin.venues.import({ fileName: null, rows: [row(20)] }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
      await expectRefusal(world.as(who).admin.venues.exportPage({}), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    }
    expect(await counts()).toEqual(before);
  });
});
