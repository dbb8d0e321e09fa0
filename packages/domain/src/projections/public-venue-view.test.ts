import { describe, expect, it } from 'vitest';
import { hoursLater, T0 } from '../lifecycles/test-support';
import { publicVenueView, type ResponsiblePersonRecord, type SafetyCommitmentRecord, type VenueRecord } from './public-venue-view';
import { completedInspection, plannedInspection } from './test-support';

const venue: VenueRecord = { id: 'venue-1', name: '悦来宾馆', address: '越秀区中山路1号', categories: ['small_hotel', 'multi_use'] };
const persons: ResponsiblePersonRecord[] = [
  { capacity: 'manager', name: '钱管理', position: '店长', duties: ['组织防火检查'], phone: '13800000000', idNumber: '440101199001011234' },
  { capacity: 'responsible_person', name: '孙老板', position: '法定代表人', duties: ['全面负责消防安全'], phone: '13900000000', idNumber: null },
];
const commitment: SafetyCommitmentRecord = {
  kind: 'no_prominent_risk',
  text: '本单位承诺不存在九类突出风险',
  signerName: '孙老板',
  signedAt: T0.toISOString(),
  validUntil: '2026-03-03T15:59:59.999Z',
  signatureRef: 'sig-commit-secret',
};

describe('publicVenueView', () => {
  it('publishes the responsible person and manager with their duties, responsible person first', () => {
    const v = publicVenueView(venue, persons, commitment, null);
    expect(v.categories.map((c) => [c.code, c.zh])).toEqual([
      ['small_hotel', '小旅馆'],
      ['multi_use', '“三合一”“多合一”场所'],
    ]);
    expect(v.responsiblePersons).toEqual([
      { capacity: 'responsible_person', capacityLabel: { zh: '消防安全责任人', en: expect.any(String) }, name: '孙老板', position: '法定代表人', duties: ['全面负责消防安全'] },
      { capacity: 'manager', capacityLabel: { zh: '消防安全管理人', en: expect.any(String) }, name: '钱管理', position: '店长', duties: ['组织防火检查'] },
    ]);
    expect(v.commitment).toEqual({
      kind: 'no_prominent_risk',
      kindLabel: expect.objectContaining({ zh: '承诺本场所不存在突出风险' }),
      text: '本单位承诺不存在九类突出风险',
      signerName: '孙老板',
      signedAt: T0.toISOString(),
      validUntil: '2026-03-03T15:59:59.999Z',
    });
    const json = JSON.stringify(v);
    for (const secret of ['13800000000', '13900000000', '440101199001011234', 'sig-commit-secret']) expect(json).not.toContain(secret);
  });

  it('publishes the result of the last completed inspection without inspectors, signatures, photos or private remarks', () => {
    const v = publicVenueView(venue, persons, null, completedInspection());
    expect(v.commitment).toBeNull();
    expect(v.lastInspection).toEqual({
      id: 'insp-1',
      source: 'double_random',
      sourceLabel: expect.objectContaining({ zh: '“双随机、一公开”抽查' }),
      inspectedOn: '2025-03-04',
      completedAt: hoursLater(T0, 27).toISOString(),
      findingsCount: 3,
      riskCategories: [expect.objectContaining({ code: 'ebike_indoor' }), expect.objectContaining({ code: 'evacuation_blocked' })],
      unitConfirmed: true,
    });
    const json = JSON.stringify(v);
    for (const secret of ['负责人态度消极', 'sig-secret', 'photo-secret-2', '王监督', 'insp-wang', '赵民警', 'pol-zhao', '郑经理']) {
      expect(json).not.toContain(secret);
    }
  });

  it('publishes nothing of an inspection that is not completed', () => {
    expect(publicVenueView(venue, [], null, plannedInspection()).lastInspection).toBeNull();
  });

  it('shows an unknown category code as itself', () => {
    expect(publicVenueView({ ...venue, categories: ['night_market'] }, [], null, null).categories).toEqual([
      { code: 'night_market', zh: 'night_market', en: 'night_market' },
    ]);
  });
});
