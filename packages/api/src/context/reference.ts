import {
  buildJurisdictionTree,
  createWorkingCalendar,
  DEFAULT_CALENDAR_CONFIG,
  DEFAULT_TIME_LIMITS,
  mergeCalendarConfigs,
  servedAreaFromExtent,
  type ServedArea,
  type JurisdictionTree,
  type TimeLimitConfig,
  type WorkingCalendar,
} from '@firebreak/domain';
import { listCalendarDays, listJurisdictionRows, venueExtent, type Db } from '@firebreak/db';

/**
 * Configuration the kernel is handed on every call (the jurisdiction tree, the
 * working calendar, the time limits). It changes only through admin procedures,
 * so it is loaded once and reloaded after `invalidate()` or when older than the
 * TTL (another server process may have changed it).
 */
export interface ReferenceData {
  readonly tree: JurisdictionTree;
  readonly calendar: WorkingCalendar;
  readonly timeLimits: TimeLimitConfig;
  /** Where reports are accepted (see servedAreaFromExtent); null when no venue is located yet. */
  readonly servedArea: ServedArea | null;
  readonly loadedAt: number;
}

export interface ReferenceCache {
  get(db: Db): Promise<ReferenceData>;
  invalidate(): void;
}

export function createReferenceCache(options: { ttlMs?: number; now?: () => number } = {}): ReferenceCache {
  const ttl = options.ttlMs ?? 30_000;
  const now = options.now ?? (() => Date.now());
  let current: ReferenceData | null = null;
  let loading: Promise<ReferenceData> | null = null;
  return {
    async get(db) {
      if (current && now() - current.loadedAt < ttl) return current;
      loading ??= loadReference(db, now()).then(
        (r) => {
          current = r;
          loading = null;
          return r;
        },
        (e: unknown) => {
          loading = null;
          throw e;
        },
      );
      return loading;
    },
    invalidate() {
      current = null;
    },
  };
}

async function loadReference(db: Db, at: number): Promise<ReferenceData> {
  // Sequential on purpose: PGlite has one connection.
  const rows = await listJurisdictionRows(db);
  const days = await listCalendarDays(db);
  const built = buildJurisdictionTree(rows, { allowForest: true });
  if (!built.ok) {
    throw Object.assign(new Error(built.error.message), built.error);
  }
  const stored = {
    holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.date),
    adjustedWorkdays: days.filter((d) => d.kind === 'workday').map((d) => d.date),
  };
  // Years present in the database replace the built-in defaults for those years.
  const storedYears = new Set(days.map((d) => d.date.slice(0, 4)));
  const defaultsKept = {
    holidays: DEFAULT_CALENDAR_CONFIG.holidays.filter((d) => !storedYears.has(d.slice(0, 4))),
    adjustedWorkdays: DEFAULT_CALENDAR_CONFIG.adjustedWorkdays.filter((d) => !storedYears.has(d.slice(0, 4))),
  };
  const calendar = createWorkingCalendar(mergeCalendarConfigs([defaultsKept, stored]));
  const servedArea = servedAreaFromExtent(await venueExtent(db));
  return { tree: built.value, calendar, timeLimits: DEFAULT_TIME_LIMITS, servedArea, loadedAt: at };
}
