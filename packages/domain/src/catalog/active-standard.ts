import type { RemediationStandard } from './remediation-standard';

/**
 * The version of `category`'s standard in force at `at`: published, effective and
 * already published by then (so re-running an old inspection's lookup gives the
 * version the inspector saw), latest effective date first, then highest version.
 */
export function activeStandard(
  standards: readonly RemediationStandard[],
  category: string,
  at: Date,
): RemediationStandard | null {
  const t = at.getTime();
  let best: RemediationStandard | null = null;
  for (const s of standards) {
    if (s.category !== category || s.status !== 'published' || s.publishedAt === null) continue;
    const from = Date.parse(s.effectiveFrom);
    if (from > t || Date.parse(s.publishedAt) > t) continue;
    if (best === null) {
      best = s;
      continue;
    }
    const bestFrom = Date.parse(best.effectiveFrom);
    if (from > bestFrom || (from === bestFrom && s.version > best.version)) best = s;
  }
  return best;
}
