import { describe, expect, it } from 'vitest';
import { MAX_REQUESTS, MAX_SPAN_MS, parseRequestsQuery, reportStatusesFor } from './requests-query';

const NOW = new Date('2026-03-02T02:00:00Z');
const ID = '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';

function ok(query: Record<string, string | string[]>) {
  const r = parseRequestsQuery(query, NOW);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}
function code(query: Record<string, string | string[]>) {
  const r = parseRequestsQuery(query, NOW);
  return r.ok ? null : [r.error.status, r.error.code];
}

describe('parseRequestsQuery', () => {
  it('defaults to the most recent 90 days and 1000 requests', () => {
    expect(ok({})).toEqual({ from: new Date(NOW.getTime() - MAX_SPAN_MS), until: new Date(NOW.getTime() + 1), limit: MAX_REQUESTS });
  });

  it('treats empty parameters as absent', () => {
    expect(ok({ service_code: '', status: ' ', start_date: '' })).toEqual(ok({}));
  });

  it('lets service_request_id override everything else', () => {
    expect(ok({ service_request_id: `${ID},${ID.toUpperCase()}`, status: 'nonsense' })).toEqual({ ids: [ID], limit: MAX_REQUESTS });
    expect(code({ service_request_id: `${ID},1 or 1=1` })).toEqual([400, 'OPEN311.INVALID_REQUEST_ID']);
  });

  it('maps open and closed to the kernel statuses, repeated or comma separated', () => {
    expect(ok({ status: 'closed' }).statuses).toEqual(['rejected', 'unfounded', 'replied']);
    expect(ok({ status: ['open', 'closed'] }).statuses).toHaveLength(7);
    expect(reportStatusesFor(['open'])).toEqual(['submitted', 'accepted', 'verifying', 'substantiated']);
    expect(code({ status: 'pending' })).toEqual([400, 'OPEN311.INVALID_STATUS']);
  });

  it('takes service codes as a list', () => {
    expect(ok({ service_code: 'ebike_indoor,evacuation_blocked' }).riskCategories).toEqual(['ebike_indoor', 'evacuation_blocked']);
    expect(code({ service_code: "x'; drop table reports" })).toEqual([400, 'OPEN311.INVALID_SERVICE_CODE']);
  });

  it('reads W3C datetimes with a zone and keeps the range within 90 days', () => {
    const v = ok({ start_date: '2026-01-01T00:00:00+08:00', end_date: '2026-01-31T00:00:00Z' });
    expect(v.from).toEqual(new Date('2025-12-31T16:00:00Z'));
    expect(v.until).toEqual(new Date(Date.parse('2026-01-31T00:00:00Z') + 1));
    expect(ok({ start_date: '2026-01-01T00:00:00Z' }).until).toEqual(new Date(Date.parse('2026-01-01T00:00:00Z') + MAX_SPAN_MS + 1));
    expect(ok({ end_date: '2026-01-01T00:00:00Z' }).from).toEqual(new Date(Date.parse('2026-01-01T00:00:00Z') - MAX_SPAN_MS));
    expect(code({ start_date: '2026-01-01' })).toEqual([400, 'OPEN311.INVALID_DATE']);
    expect(code({ end_date: '2026-01-01T00:00:00' })).toEqual([400, 'OPEN311.INVALID_DATE']);
    expect(code({ start_date: '2026-02-01T00:00:00Z', end_date: '2026-01-01T00:00:00Z' })).toEqual([400, 'OPEN311.INVALID_DATE_RANGE']);
    expect(code({ start_date: '2025-01-01T00:00:00Z', end_date: '2026-01-01T00:00:00Z' })).toEqual([400, 'OPEN311.DATE_RANGE_TOO_LONG']);
  });
});

describe('dates PostgreSQL can compare', () => {
  it.each(['0000-01-01T00:00:00Z', '1899-12-31T23:59:59Z'])('refuses start_date=%s with a coded 400', (d) => {
    expect(code({ start_date: d })).toEqual([400, 'INPUT.DATE_OUT_OF_RANGE']);
  });

  it.each<Record<string, string>>([{ start_date: '9999-12-31T23:59:59+14:00' }, { end_date: '9999-12-31T23:59:59.999Z' }])('keeps a window near the end of the range inside it: %o', (q) => {
    const { until } = ok(q) as { until: Date };
    expect(until.toISOString()).toMatch(/^9999-/);
  });
});
