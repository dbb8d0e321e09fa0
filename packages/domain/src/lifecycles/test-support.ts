// Fixtures shared by the lifecycle tests (C1 and C2). Test-only: nothing in the
// kernel imports this file, and it stays pure so it typechecks with the kernel.
import { DEFAULT_CALENDAR_CONFIG } from '../calendar/china-holidays';
import { createWorkingCalendar } from '../calendar/working-calendar';
import type { Actor } from '../common/actor';
import type { JurisdictionScope, TransitionContext, WorkingCalendar } from '../common/context';
import type { Effect } from '../common/effects';
import type { DomainError } from '../common/errors';
import type { Role } from '../common/roles';

const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** Monday 2025-03-03 10:00 China time: a working day with a full working week ahead. */
export const T0 = new Date('2025-03-03T02:00:00.000Z');

export function hoursLater(from: Date, hours: number): Date {
  return new Date(from.getTime() + hours * 3600_000);
}

export function daysLater(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY_MS);
}

function chinaDay(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

function endOfChinaDay(dayUtcMidnight: number): Date {
  return new Date(dayUtcMidnight + DAY_MS - 1 - CHINA_OFFSET_MS);
}

/**
 * Weekends-only working calendar, with optional extra holidays and adjusted working
 * days (YYYY-MM-DD): a tiny, fixed calendar for tests that want to state their own
 * days off. The default context uses the real configured calendar (testCalendar).
 */
export function simpleCalendar(opts: { holidays?: readonly string[]; workdays?: readonly string[] } = {}): WorkingCalendar {
  const holidays = new Set(opts.holidays ?? []);
  const workdays = new Set(opts.workdays ?? []);
  const isWorkingLocalDay = (utcMidnight: number): boolean => {
    const iso = new Date(utcMidnight).toISOString().slice(0, 10);
    if (workdays.has(iso)) return true;
    if (holidays.has(iso)) return false;
    const dow = new Date(utcMidnight).getUTCDay();
    return dow !== 0 && dow !== 6;
  };
  const localMidnight = (instant: Date): number => Date.parse(`${chinaDay(instant)}T00:00:00.000Z`);
  return {
    isWorkingDay: (instant) => isWorkingLocalDay(localMidnight(instant)),
    workingDaysAfter: (from, n) => {
      let day = localMidnight(from);
      let counted = 0;
      while (counted < n) {
        day += DAY_MS;
        if (isWorkingLocalDay(day)) counted += 1;
      }
      return endOfChinaDay(day);
    },
    hoursAfter: (from, n) => new Date(from.getTime() + n * 3600_000),
    calendarDaysAfter: (from, n) => endOfChinaDay(localMidnight(from) + n * DAY_MS),
  };
}

/** A jurisdiction tree given as child → parent. */
export function treeScope(parents: Readonly<Record<string, string | null>>): JurisdictionScope {
  return {
    contains(ancestorId, jurisdictionId) {
      let cur: string | null | undefined = jurisdictionId;
      const seen = new Set<string>();
      while (cur != null && !seen.has(cur)) {
        if (cur === ancestorId) return true;
        seen.add(cur);
        cur = parents[cur];
      }
      return false;
    },
  };
}

/**
 * province → city → district A (street A1 → grid A1-1) and district B.
 * Staff fixtures sit in district A; 'dist-b' is the out-of-scope jurisdiction.
 */
export const JURISDICTIONS = {
  province: 'prov',
  city: 'city',
  districtA: 'dist-a',
  districtB: 'dist-b',
  streetA1: 'street-a1',
  gridA1: 'grid-a1-1',
} as const;

export const testScope = treeScope({
  prov: null,
  city: 'prov',
  'dist-a': 'city',
  'dist-b': 'city',
  'street-a1': 'dist-a',
  'grid-a1-1': 'street-a1',
});

const DEFAULT_DEPARTMENTS: Partial<Record<Role, string>> = {
  inspector: 'dept-fire-a',
  fire_supervisor: 'dept-fire-a',
  police_officer: 'dept-police-a',
  industry_officer: 'dept-edu-a',
  committee_officer: 'dept-committee-a',
  grid_worker: 'dept-street-a1',
  expert: 'dept-experts',
  discipline_inspector: 'dept-discipline-a',
  reward_officer: 'dept-fire-a',
  custodian: 'dept-fire-a',
  admin: 'dept-fire-a',
};

const DEFAULT_NAMES: Partial<Record<Role, string>> = {
  inspector: '王监督',
  fire_supervisor: '李大队长',
  police_officer: '赵民警',
  industry_officer: '钱科长',
  committee_officer: '孙主任',
  grid_worker: '周网格',
  expert: '吴专家',
  unit: '郑经理',
};

/** An actor of `role`; staff sit in district A, units in grid A1-1, the public nowhere. */
export function actor(role: Role, overrides: Partial<Actor> = {}): Actor {
  const isPublic = role === 'public' || role === 'whistleblower';
  return {
    userId: `${role}-1`,
    name: DEFAULT_NAMES[role] ?? (isPublic ? '' : role),
    role,
    departmentId: DEFAULT_DEPARTMENTS[role] ?? null,
    jurisdictionId: isPublic ? null : role === 'unit' ? JURISDICTIONS.gridA1 : JURISDICTIONS.districtA,
    ...overrides,
  };
}

/** Deterministic ids: `${prefix}-1`, `${prefix}-2`, ... */
export function sequentialIds(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

export interface CtxOptions {
  readonly now?: Date;
  readonly calendar?: WorkingCalendar;
  readonly scope?: JurisdictionScope;
  readonly newId?: () => string;
}

/** The real configured calendar with the 2025-2026 national holidays and adjusted working days. */
export const testCalendar: WorkingCalendar = createWorkingCalendar(DEFAULT_CALENDAR_CONFIG);

/** A TransitionContext for `who` (a role or a full actor) at a fixed instant. */
export function ctxFor(who: Role | Actor, opts: CtxOptions = {}): TransitionContext {
  return {
    actor: typeof who === 'string' ? actor(who) : who,
    now: opts.now ?? T0,
    calendar: opts.calendar ?? testCalendar,
    scope: opts.scope ?? testScope,
    newId: opts.newId ?? sequentialIds(),
  };
}

type AnyResult<S> = { readonly ok: true; readonly next: S; readonly effects: readonly Effect[] } | { readonly ok: false; readonly error: DomainError };

/** Unwraps a successful transition; throws with the error code otherwise (tests read better). */
export function expectOk<S>(result: AnyResult<S>): { next: S; effects: readonly Effect[] } {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return { next: result.next, effects: result.effects };
}

/** The error code of a refused transition; throws if it succeeded. */
export function errorOf<S>(result: AnyResult<S>): DomainError {
  if (result.ok) throw new Error('expected an error, the transition succeeded');
  return result.error;
}

export function effectsOfType<T extends Effect['type']>(effects: readonly Effect[], type: T): Extract<Effect, { type: T }>[] {
  return effects.filter((e): e is Extract<Effect, { type: T }> => e.type === type);
}
