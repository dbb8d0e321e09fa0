import { describe, expect, it } from 'vitest';
import { daysLater, T0 } from '../lifecycles/test-support';
import { publicHazardView } from './public-hazard-view';
import { closedHazard, foundHazard, orderedHazard } from './test-support';

describe('publicHazardView', () => {
  it('shows an ordered hazard with its correction deadline', () => {
    const v = publicHazardView(orderedHazard());
    expect(v).toEqual({
      id: 'hz-1',
      venueId: 'venue-1',
      status: 'ordered',
      statusLabel: { zh: '责令改正中', en: 'Correction ordered' },
      riskCategory: expect.objectContaining({ code: 'ebike_indoor' }),
      description: '一楼大堂电动车违规充电',
      major: false,
      foundOn: daysLater(T0, 1).toISOString(),
      correction: { mode: 'deadline', due: '2025-03-14T15:59:59.999Z' },
      overdue: false,
      closedAt: null,
    });
  });

  it('shows when a hazard was closed, and nothing of evidence, signatures, notes or source', () => {
    const h = closedHazard();
    const v = publicHazardView(h);
    expect(v).toMatchObject({ status: 'closed', statusLabel: { zh: '已整改销号' }, closedAt: daysLater(T0, 7).toISOString() });
    const json = JSON.stringify(v);
    for (const secret of ['evidence-secret-1', 'sig-secret-1', '老板说下次不敢了', 'photo-secret-1', 'rep-1', '王监督', '已清理']) {
      expect(json).not.toContain(secret);
    }
  });

  it('has no correction before an order', () => {
    expect(publicHazardView(foundHazard())).toMatchObject({ status: 'found', correction: null, closedAt: null });
  });

  it('flags major hazards and overdue ones', () => {
    const h = orderedHazard();
    expect(publicHazardView({ ...h, major: { determinationId: 'det-1', markedBy: h.foundBy } }).major).toBe(true);
    expect(publicHazardView({ ...h, status: 'overdue' })).toMatchObject({ overdue: true, statusLabel: { zh: '逾期未改正' } });
  });
});
