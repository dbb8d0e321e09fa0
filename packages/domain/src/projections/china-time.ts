import { DomainInvariantError } from '../common/errors';

const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * An ISO instant rewritten as China wall time with its offset
 * ('2025-03-03T10:00:00+08:00'): the same instant, but what a 12345 operator
 * reads on screen. W3C datetime, as GeoReport v2 asks.
 */
export function toChinaIso(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new DomainInvariantError('PROJECTION.INVALID_INSTANT', `not an ISO instant: ${iso}`);
  return `${new Date(t + CHINA_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** 'YYYY-MM-DD HH:mm' China time, for sentences. */
export function chinaMinute(iso: string): string {
  return toChinaIso(iso).slice(0, 16).replace('T', ' ');
}
