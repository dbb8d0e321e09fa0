import { err, ok, type Result } from '../common/errors';
import type { RemediationStandard, StandardDraftInput } from './remediation-standard';
import { checkItemIdsStable, invalidInput, latestOf } from './standard-history';
import { standardDraftInputSchema } from './standard-schema';

/**
 * Creates the next version of a category's standard as a draft. Editing a
 * published standard always goes through here (rules in standard-history.ts).
 */
export function nextStandardVersion(
  standards: readonly RemediationStandard[],
  input: StandardDraftInput,
): Result<RemediationStandard> {
  const parsed = standardDraftInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const draft = parsed.data;

  const latest = latestOf(standards, draft.category);
  if (latest?.status === 'draft') {
    return err(
      'STANDARD.DRAFT_EXISTS',
      `Version ${latest.version} of this standard is still a draft; revise or publish it first`,
      `该整治标准第${latest.version}版仍为草稿，请先修改或发布该草稿`,
      { category: draft.category, version: latest.version },
    );
  }
  const latestVersion = latest?.version ?? null;
  if (draft.basedOnVersion !== latestVersion) {
    return err(
      'STANDARD.STALE_BASE',
      'The standard has changed since you started editing',
      '您编辑期间整治标准已被他人更新，请基于最新版本重新编辑',
      { category: draft.category, basedOnVersion: draft.basedOnVersion, latestVersion },
    );
  }
  const stable = checkItemIdsStable(standards, draft.items);
  if (!stable.ok) return stable;

  return ok({
    category: draft.category,
    version: (latestVersion ?? 0) + 1,
    status: 'draft',
    title: draft.title,
    effectiveFrom: draft.effectiveFrom,
    publishedAt: null,
    items: draft.items,
  });
}
