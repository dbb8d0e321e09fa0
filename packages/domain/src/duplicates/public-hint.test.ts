import { describe, expect, it } from 'vitest';
import { REPORT_STATUSES } from '../lifecycles/report';
import { DEFAULT_DUPLICATE_CONFIG } from './duplicate-config';
import { alreadyBeingHandled, REPORT_STATUSES_BEING_HANDLED } from './public-hint';

const at = '2026-03-02T02:00:00.000Z';
const hoursBefore = (h: number) => new Date(Date.parse(at) - h * 3_600_000).toISOString();
const other = (over: Partial<Parameters<typeof alreadyBeingHandled>[1][number]> = {}) => ({
  id: 'r1',
  venueId: 'v1',
  location: { lat: 30, lng: 120 },
  riskCategory: 'evacuation_blocked',
  receivedAt: hoursBefore(2),
  status: 'accepted' as const,
  ...over,
});
const draft = { venueId: 'v1', riskCategory: 'evacuation_blocked', at };

describe('alreadyBeingHandled: the public duplicate hint', () => {
  it('says yes for an open report about the same venue and category within the window', () => {
    expect(alreadyBeingHandled(draft, [other()])).toBe(true);
  });

  it('says no for another category, another venue, or outside the window', () => {
    expect(alreadyBeingHandled(draft, [other({ riskCategory: 'ebike_indoor' })])).toBe(false);
    expect(alreadyBeingHandled(draft, [other({ venueId: 'v2' })])).toBe(false);
    expect(alreadyBeingHandled(draft, [other({ receivedAt: hoursBefore(DEFAULT_DUPLICATE_CONFIG.windowHours + 1) })])).toBe(false);
  });

  it('counts only reports still being handled', () => {
    for (const status of REPORT_STATUSES) {
      expect(alreadyBeingHandled(draft, [other({ status })]), status).toBe(REPORT_STATUSES_BEING_HANDLED.includes(status));
    }
  });

  it('never answers for a nearby place that is not the same venue', () => {
    expect(alreadyBeingHandled(draft, [other({ venueId: null })])).toBe(false);
  });
});
