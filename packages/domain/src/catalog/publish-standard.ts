import { err, ok, type Result } from '../common/errors';
import type { RemediationStandard } from './remediation-standard';
import { versionsOf } from './standard-history';

/**
 * Publishes a draft at `now`. Its effective date must not lie in the past
 * (inspections already done keep the version they used) nor before any
 * published version of the category.
 */
export function publishStandard(
  standards: readonly RemediationStandard[],
  category: string,
  version: number,
  now: Date,
): Result<RemediationStandard> {
  const versions = versionsOf(standards, category);
  const target = versions.find((s) => s.version === version);
  if (!target) {
    return err('STANDARD.NOT_FOUND', `No version ${version} of this standard`, `整治标准第${version}版不存在`, { category, version });
  }
  if (target.status === 'published') {
    return err('STANDARD.IMMUTABLE', 'This version is already published', '该版本已发布，不可重复发布', { category, version });
  }
  const from = Date.parse(target.effectiveFrom);
  if (from < now.getTime()) {
    return err(
      'STANDARD.RETROACTIVE',
      'The effective date is in the past; a standard cannot take effect retroactively',
      '生效时间早于发布时间，整治标准不得溯及既往',
      { category, version, effectiveFrom: target.effectiveFrom },
    );
  }
  const laterPublished = versions.find((s) => s.status === 'published' && Date.parse(s.effectiveFrom) > from);
  if (laterPublished) {
    return err(
      'STANDARD.NOT_AFTER_PREVIOUS',
      `The effective date is earlier than that of published version ${laterPublished.version}`,
      `生效时间早于已发布的第${laterPublished.version}版`,
      { category, version, previous: laterPublished.version },
    );
  }
  return ok({ ...target, status: 'published', publishedAt: now.toISOString() });
}
