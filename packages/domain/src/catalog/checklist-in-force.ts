import { activeStandard } from './active-standard';
import { checklistFor, type Checklist } from './build-checklist';
import { DEFAULT_STANDARDS } from './default-standards';
import type { RemediationStandard } from './remediation-standard';

/**
 * The one checklist in force for a venue's categories at `at`, for every door that checks a venue
 * (unit self-inspection, staff inspection plans, the console): the standards an admin published
 * govern; the built-in default standard of a category stands in only while no published version of
 * that category is in force at `at`.
 */
export function checklistInForce(
  categories: readonly string[],
  published: readonly RemediationStandard[],
  at: Date,
  defaults: readonly RemediationStandard[] = DEFAULT_STANDARDS,
): Checklist {
  return checklistFor(categories, standardsInForce(categories, published, at, defaults), at);
}

/** The standards checklistInForce reads: the published ones, plus defaults for categories none of them covers at `at`. */
export function standardsInForce(
  categories: readonly string[],
  published: readonly RemediationStandard[],
  at: Date,
  defaults: readonly RemediationStandard[] = DEFAULT_STANDARDS,
): RemediationStandard[] {
  const wanted = new Set(categories);
  const fallback = defaults.filter((d) => wanted.has(d.category) && activeStandard(published, d.category, at) === null);
  return [...published, ...fallback];
}
