import { text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, jsonObject, primaryId, updatedAt, version } from './columns';
import { jurisdictions } from './jurisdictions';

/**
 * Every lifecycle entity is stored twice over: the kernel's state object in
 * `state` (the source of truth for rules, free to change shape while the kernel
 * evolves) and the few columns queries filter on. saveTransition keeps `status`
 * in step with `state.status` and bumps `version` on every change.
 */
export function lifecycleColumns() {
  return {
    id: primaryId(),
    status: text('status').notNull(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    version: version(),
    state: jsonObject('state').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  };
}
