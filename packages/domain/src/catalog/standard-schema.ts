import { z } from 'zod';
import { RISK_CATEGORY_CODES } from './risk-categories';
import {
  SEVERITIES,
  STANDARD_STATUSES,
  type CheckItem,
  type CorrectionDeadline,
  type RemediationStandard,
  type StandardContent,
  type StandardDraftInput,
} from './remediation-standard';
import type { LegalBasis } from './legal-basis';

/** Lower-case dotted slugs such as `common.exits-unlocked`: stable, readable in audit logs. */
export const CHECK_ITEM_ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
/** GB 35181 element numbers such as `6.5` or `7.3.3`; the 2025 edition renumbers, so only the shape is checked. */
export const GB_ELEMENT_CODE = /^\d+(?:\.\d+){1,3}$/;
/** Venue category codes are snake_case, like the built-in ones. */
export const CATEGORY_CODE = /^[a-z][a-z0-9_]*$/;

/**
 * A working-day correction deadline beyond a working year is almost surely a
 * typo (days for hours, or an extra zero); longer projects are handled as a
 * major hazard with its own plan, not a default deadline.
 */
export const MAX_DEADLINE_WORKING_DAYS = 250;

const localizedText = z.object({ zh: z.string().trim().min(1).max(500), en: z.string().trim().min(1).max(500) });

export const legalBasisSchema: z.ZodType<LegalBasis> = z.object({
  law: z.string().trim().min(1).max(200),
  article: z.string().trim().min(1).max(100).optional(),
});

export const correctionDeadlineSchema: z.ZodType<CorrectionDeadline> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('immediate') }),
  z.object({ kind: z.literal('working_days'), n: z.number().int().min(1).max(MAX_DEADLINE_WORKING_DAYS) }),
]);

export const checkItemSchema: z.ZodType<CheckItem> = z.object({
  id: z.string().min(3).max(80).regex(CHECK_ITEM_ID),
  text: localizedText,
  riskCategory: z.enum(RISK_CATEGORY_CODES),
  severity: z.enum(SEVERITIES),
  basis: z.array(legalBasisSchema).min(1).max(10),
  deadline: correctionDeadlineSchema,
  gbElements: z.array(z.string().regex(GB_ELEMENT_CODE)).max(20).optional(),
});

const isoInstant = z.iso.datetime({ offset: true });

function uniqueItemIds(items: readonly { id: string }[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `duplicate check item id ${item.id}` });
    seen.add(item.id);
  });
}

const contentShape = {
  category: z.string().min(1).max(60).regex(CATEGORY_CODE),
  title: localizedText,
  effectiveFrom: isoInstant,
  items: z.array(checkItemSchema).min(1).max(200),
};

export const standardContentSchema: z.ZodType<StandardContent> = z
  .object(contentShape)
  .superRefine((s, ctx) => uniqueItemIds(s.items, ctx));

/** Admin input for a new version. */
export const standardDraftInputSchema: z.ZodType<StandardDraftInput> = z
  .object({ ...contentShape, basedOnVersion: z.number().int().min(1).nullable() })
  .superRefine((s, ctx) => uniqueItemIds(s.items, ctx));

/** A stored standard (import, seed files, database rows). */
export const remediationStandardSchema: z.ZodType<RemediationStandard> = z
  .object({
    ...contentShape,
    version: z.number().int().min(1),
    status: z.enum(STANDARD_STATUSES),
    publishedAt: isoInstant.nullable(),
  })
  .superRefine((s, ctx) => {
    uniqueItemIds(s.items, ctx);
    if ((s.status === 'published') !== (s.publishedAt !== null)) {
      ctx.addIssue({ code: 'custom', path: ['publishedAt'], message: 'publishedAt is set exactly when the standard is published' });
    }
  });
