import { err, ok, type Result } from '../common/errors';
import type { RemediationStandard, StandardContent } from './remediation-standard';
import { checkItemIdsStable, invalidInput, versionsOf } from './standard-history';
import { standardContentSchema } from './standard-schema';

/** Replaces the content of a draft; published versions refuse with STANDARD.IMMUTABLE. */
export function reviseStandardDraft(
  standards: readonly RemediationStandard[],
  version: number,
  content: StandardContent,
): Result<RemediationStandard> {
  const parsed = standardContentSchema.safeParse(content);
  if (!parsed.success) return invalidInput(parsed.error);
  const c = parsed.data;

  const target = versionsOf(standards, c.category).find((s) => s.version === version);
  if (!target) {
    return err('STANDARD.NOT_FOUND', `No version ${version} of this standard`, `整治标准第${version}版不存在`, {
      category: c.category,
      version,
    });
  }
  if (target.status === 'published') {
    return err(
      'STANDARD.IMMUTABLE',
      'A published standard cannot be changed; create a new version instead',
      '已发布的整治标准不可修改，请创建新版本',
      { category: c.category, version },
    );
  }
  const stable = checkItemIdsStable(standards, c.items);
  if (!stable.ok) return stable;
  return ok({ ...target, title: c.title, effectiveFrom: c.effectiveFrom, items: c.items });
}
