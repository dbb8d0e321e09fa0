import { describe, expect, it } from 'vitest';
import { open311PublicRequests } from './open311-public-requests';
import { submittedReport } from './test-support';

const tree = { ancestors: (id: string) => (id === 'street' ? ['province', 'city', 'district'] : []) };
const agencies = [
  { name: '示范市消防救援支队', nameEn: 'City Fire Rescue Detachment', jurisdictionId: 'city' },
  { name: '东湖区消防救援大队', nameEn: 'Donghu Fire Rescue Brigade', jurisdictionId: 'district' },
];

describe('open311PublicRequests', () => {
  it('names the nearest fire agency above the report, in the caller’s language, with every GeoReport field', () => {
    const r = { ...submittedReport(), jurisdictionId: 'street' };
    const [zh] = open311PublicRequests([r], { tree, agencies, locale: 'zh-CN' });
    expect(zh).toMatchObject({ service_request_id: r.id, agency_responsible: '东湖区消防救援大队', address_id: null, zipcode: null });
    const [en] = open311PublicRequests([r], { tree, agencies, locale: 'en' });
    expect(en?.agency_responsible).toBe('Donghu Fire Rescue Brigade');
  });

  it('leaves whistleblower reports out', () => {
    expect(open311PublicRequests([{ ...submittedReport(), whistleblower: true }], { tree, agencies, locale: 'zh-CN' })).toEqual([]);
  });
});
