import type { Actor } from './actor';

/**
 * Pure access to the jurisdiction tree: the kernel never loads data, it is given
 * this view. `contains(a, b)` is true when b is a or a descendant of a.
 */
export interface JurisdictionScope {
  contains(ancestorId: string, jurisdictionId: string): boolean;
}

/**
 * Working-day arithmetic on a configured calendar (Asia/Shanghai, UTC+8, no DST).
 * Implemented in ../calendar/; lifecycles only depend on this interface.
 */
export interface WorkingCalendar {
  /** True when the China-local date of `instant` is a working day. */
  isWorkingDay(instant: Date): boolean;
  /**
   * End (23:59:59.999 China time) of the n-th working day after the China-local
   * day of `from` (the day of `from` itself never counts). n >= 1.
   */
  workingDaysAfter(from: Date, n: number): Date;
  /** `from` plus n calendar hours (used for 24-hour limits). */
  hoursAfter(from: Date, n: number): Date;
  /** Calendar-day limits (e.g. a 90-day claim window) ending 23:59:59.999 China time. */
  calendarDaysAfter(from: Date, n: number): Date;
}

/** Everything a transition may use beyond its inputs: no hidden clock, ids or randomness. */
export interface TransitionContext {
  readonly actor: Actor;
  readonly now: Date;
  readonly calendar: WorkingCalendar;
  readonly scope: JurisdictionScope;
  readonly newId: () => string;
}
