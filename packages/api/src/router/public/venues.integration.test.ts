import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertVenue } from '@firebreak/db';
import { createWorld, type World } from '../../testing/world';
import { completeInspection, inspectionAt, PRIVATE_REMARK, rowCounts } from '../../testing/intake-fixtures';

let world: World;
let venueAToken: string;
beforeAll(async () => {
  world = await createWorld();
  venueAToken = (await world.as('unitA').unit.venue()).publicToken;
}, 120_000);
afterAll(async () => world?.close());

describe('public.catalogs', () => {
  it('lists the 9+4 risk categories with the urgent ones marked, venue categories and report channels', async () => {
    const c = await world.public().public.catalogs();
    expect(c.riskCategories).toHaveLength(13);
    expect(c.riskCategories.filter((r) => r.urgent).map((r) => r.code).sort()).toEqual(['evacuation_blocked', 'facilities_disabled']);
    expect(c.venueCategories.find((v) => v.code === 'market')).toMatchObject({ zh: '商场市场', en: 'Shopping mall or market' });
    expect(c.reportChannels.find((ch) => ch.code === 'hotline_96119')?.zh).toContain('96119');
  });
});

describe('public.venues.search', () => {
  it('finds venues by name or address and returns public fields only', async () => {
    const byName = await world.public().public.venues.search({ query: '好又多', limit: 10 });
    expect(byName.map((v) => v.id)).toEqual([world.venues.A]);
    expect(Object.keys(byName[0]!).sort()).toEqual(['address', 'categories', 'id', 'name', 'publicToken']);
    const byAddress = await world.public().public.venues.search({ query: '解放路', limit: 10 });
    expect(byAddress.map((v) => v.id)).toEqual([world.venues.B]);
  });

  it('treats % and _ as text, ranks name prefixes first and caps the answer at the limit', async () => {
    expect(await world.public().public.venues.search({ query: '%', limit: 50 })).toEqual([]);
    for (const name of ['超市分店一', '超市分店二', '一号超市']) {
      await insertVenue(world.db.db, { name, address: '甲区某路', categories: ['small_shop'], jurisdictionId: world.j.gridA, publicToken: `token-${name}-0123456789abcdef` });
    }
    const found = await world.public().public.venues.search({ query: '超市', limit: 2 });
    expect(found.map((v) => v.name).sort()).toEqual(['超市分店一', '超市分店二'].sort());
  });

  it('refuses an empty query or a limit above 50', async () => {
    await expect(world.public().public.venues.search({ query: '  ', limit: 10 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(world.public().public.venues.search({ query: '超市', limit: 51 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('public.venues.page', () => {
  it('shows the published persons, the current commitment and the last completed inspection, nothing private', async () => {
    await world.as('unitA').unit.setResponsiblePersons({
      responsible: { name: '张责任', position: '法定代表人', duties: ['全面负责本单位消防安全'], phone: '13511112222' },
      manager: { name: '李管理', position: '店长', duties: ['组织防火巡查', '组织员工培训'], phone: '13533334444' },
    });
    await world.as('unitA').unit.commitment.sign({ kind: 'no_prominent_risk', content: { text: '本店承诺不存在突出风险' }, signedByName: '张责任' });
    const inspectionId = await inspectionAt(world, 'A');
    await world.as('unitA').unit.inspections.confirm({ inspectionId, signerName: '张责任', capacity: 'responsible_person', signatureRef: 'sig:unit' });
    await completeInspection(world, inspectionId);

    const page = await world.public().public.venues.page({ publicToken: venueAToken });
    expect(page.name).toBe('甲区好又多超市');
    expect(page.responsiblePersons).toEqual([
      { capacity: 'responsible_person', capacityLabel: { zh: '消防安全责任人', en: 'Fire safety responsible person' }, name: '张责任', position: '法定代表人', duties: ['全面负责本单位消防安全'] },
      { capacity: 'manager', capacityLabel: { zh: '消防安全管理人', en: 'Fire safety manager' }, name: '李管理', position: '店长', duties: ['组织防火巡查', '组织员工培训'] },
    ]);
    expect(page.commitment).toMatchObject({ kind: 'no_prominent_risk', text: '本店承诺不存在突出风险', signerName: '张责任' });
    expect(page.lastInspection).toMatchObject({ id: inspectionId, findingsCount: 1, unitConfirmed: true });
    const serialized = JSON.stringify(page);
    for (const secret of ['13511112222', '13533334444', PRIVATE_REMARK, '王监督', '赵监督', 'sig:lead', world.j.gridA]) expect(serialized).not.toContain(secret);
  });

  it('answers an unknown token with VENUE.NOT_FOUND and a malformed one with a field error', async () => {
    const before = await rowCounts(world);
    await expect(world.public().public.venues.page({ publicToken: 'f'.repeat(32) })).rejects.toMatchObject({ code: 'NOT_FOUND', cause: { domain: { code: 'VENUE.NOT_FOUND' } } });
    await expect(world.public().public.venues.page({ publicToken: 'short' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await rowCounts(world)).toEqual(before);
  });
});
