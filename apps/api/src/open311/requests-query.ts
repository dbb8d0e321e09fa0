import { INPUT_ERRORS, isInputInstantInRange, MAX_INPUT_INSTANT, OPEN311_CLOSED_REPORT_STATUSES, REPORT_STATUSES, type ReportStatus } from '@firebreak/domain';
import type { Open311ReportFilter } from '@firebreak/db';
import { badRequest, type Open311Failure } from './open311-error';

/** GeoReport v2: "Default query limit is a span of 90 days or first 1000 requests returned, whichever is smallest." */
export const MAX_SPAN_MS = 90 * 24 * 3_600_000;
export const MAX_REQUESTS = 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** W3C datetime with a zone (Z or ±HH:MM), as the spec requires; a date alone or a bare local time is ambiguous. */
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const SERVICE_CODE = /^[a-z][a-z0-9_]{0,63}$/;

export type RequestsQuery = Readonly<Record<string, string | string[] | undefined>>;

type Parsed = { ok: true; value: Open311ReportFilter } | { ok: false; error: Open311Failure };

/** "Optional" in GeoReport v2: an empty parameter is the same as an absent one; repeated ones join. */
function list(query: RequestsQuery, name: string): string[] | undefined {
  const raw = query[name];
  const joined = Array.isArray(raw) ? raw.join(',') : raw;
  if (joined === undefined || joined.trim() === '') return undefined;
  return joined
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function instant(query: RequestsQuery, name: 'start_date' | 'end_date'): Date | undefined | Open311Failure {
  const raw = list(query, name);
  if (!raw) return undefined;
  const value = raw.join(',');
  const t = W3C_DATETIME.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(t)) {
    return badRequest('OPEN311.INVALID_DATE', `${name} must be a W3C datetime with a zone, e.g. 2026-01-01T00:00:00+08:00`, `${name} 须为带时区的 W3C 时间，如 2026-01-01T00:00:00+08:00`);
  }
  // Year 0000 parses in JavaScript but PostgreSQL has no year 0: refuse what it cannot compare.
  if (!isInputInstantInRange(t)) return badRequest(INPUT_ERRORS.dateOutOfRange.code, `${name}: ${INPUT_ERRORS.dateOutOfRange.message}`, `${name}：${INPUT_ERRORS.dateOutOfRange.messageZh}`);
  return new Date(t);
}

/** Open311 open/closed as report statuses; the kernel decides which statuses are closed. */
export function reportStatusesFor(statuses: readonly ('open' | 'closed')[]): ReportStatus[] {
  return REPORT_STATUSES.filter((s) => statuses.includes(OPEN311_CLOSED_REPORT_STATUSES.includes(s) ? 'closed' : 'open'));
}

/** GET requests.json parameters as a database filter, or a 400 naming the bad parameter. */
export function parseRequestsQuery(query: RequestsQuery, now: Date): Parsed {
  const ids = list(query, 'service_request_id');
  if (ids) {
    if (ids.length > MAX_REQUESTS || !ids.every((id) => UUID.test(id))) {
      return { ok: false, error: badRequest('OPEN311.INVALID_REQUEST_ID', 'service_request_id must be a comma-separated list of ids', 'service_request_id 须为逗号分隔的请求编号') };
    }
    // "This overrides all other arguments."
    return { ok: true, value: { ids: [...new Set(ids.map((id) => id.toLowerCase()))], limit: MAX_REQUESTS } };
  }

  const codes = list(query, 'service_code');
  if (codes && !codes.every((c) => SERVICE_CODE.test(c))) {
    return { ok: false, error: badRequest('OPEN311.INVALID_SERVICE_CODE', 'service_code is malformed', 'service_code 格式错误') };
  }
  const statuses = list(query, 'status');
  if (statuses && !statuses.every((s) => s === 'open' || s === 'closed')) {
    return { ok: false, error: badRequest('OPEN311.INVALID_STATUS', 'status must be open or closed', 'status 只能为 open 或 closed') };
  }

  const start = instant(query, 'start_date');
  if (start && !(start instanceof Date)) return { ok: false, error: start };
  const end = instant(query, 'end_date');
  if (end && !(end instanceof Date)) return { ok: false, error: end };
  if (start && end && start.getTime() > end.getTime()) {
    return { ok: false, error: badRequest('OPEN311.INVALID_DATE_RANGE', 'start_date is after end_date', 'start_date 晚于 end_date') };
  }
  if (start && end && end.getTime() - start.getTime() > MAX_SPAN_MS) {
    return { ok: false, error: badRequest('OPEN311.DATE_RANGE_TOO_LONG', 'The range may not span more than 90 days', '查询时间跨度不能超过 90 天') };
  }
  // Either end missing: a 90-day window from the end given; both missing: the last 90 days.
  // A window computed from a date near the end of the range must not run past it.
  const until = end ?? (start ? new Date(Math.min(start.getTime() + MAX_SPAN_MS, MAX_INPUT_INSTANT)) : now);
  const from = start ?? new Date(until.getTime() - MAX_SPAN_MS);
  return {
    ok: true,
    value: {
      ...(codes ? { riskCategories: codes } : {}),
      ...(statuses ? { statuses: reportStatusesFor(statuses) } : {}),
      from,
      // end_date is inclusive in the spec; the query's upper bound is exclusive.
      // Capped: `Date` writes year 10000 as "+010000-…", which PostgreSQL cannot read.
      until: new Date(Math.min(until.getTime() + 1, MAX_INPUT_INSTANT)),
      limit: MAX_REQUESTS,
    },
  };
}
