import type { Db } from '../database';
import { holidayCalendar } from '../schema/calendar';
import { jurisdictions } from '../schema/jurisdictions';

/** Everything the kernel's jurisdiction tree is built from. */
export function listJurisdictionRows(db: Db) {
  return db
    .select({ id: jurisdictions.id, parentId: jurisdictions.parentId, level: jurisdictions.level, name: jurisdictions.name })
    .from(jurisdictions);
}

export function listCalendarDays(db: Db) {
  return db.select().from(holidayCalendar);
}
