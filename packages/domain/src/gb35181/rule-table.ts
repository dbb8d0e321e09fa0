import { z } from 'zod';
import { err, ok, type Result } from '../common/errors';

/**
 * GB 35181 as versioned data. The 2017 edition is the baseline; the 2025 edition
 * (in force 2025-11-01) changed the elements, so the rules never live in code:
 * a new edition is a new table loaded through `loadRuleTable`.
 */
export const VENUE_CLASSES = ['crowded', 'flammable_goods', 'important', 'other'] as const;
export type VenueClass = (typeof VENUE_CLASSES)[number];

/** C confirmed against the standard, P partly, U unconfirmed (see gb35181-2017.md). */
export const CONFIRMATION_LEVELS = ['C', 'P', 'U'] as const;
export type Confirmation = (typeof CONFIRMATION_LEVELS)[number];

const bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) });

export const ruleElementSchema = z.object({
  code: z.string().regex(/^\d+(\.\d+)*$/, 'element codes are clause numbers such as 6.1 or 7.3.2'),
  /** direct: one alone makes a major hazard (chapter 6); comprehensive: counted in combinations (chapter 7). */
  chapter: z.enum(['direct', 'comprehensive']),
  text: bilingual,
  confirmed: z.enum(CONFIRMATION_LEVELS),
});

export const ruleExclusionSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  text: bilingual,
  confirmed: z.enum(CONFIRMATION_LEVELS),
});

export const ruleCombinationSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  venueClasses: z.array(z.enum(VENUE_CLASSES)).min(1),
  /** Element codes that count, or 'any' comprehensive element. */
  anyOf: z.union([z.literal('any'), z.array(z.string()).min(1)]),
  min: z.number().int().min(1),
  confirmed: z.enum(CONFIRMATION_LEVELS).default('U'),
  text: bilingual.optional(),
});

export const ruleTableSchema = z.object({
  version: z.string().min(1),
  title: bilingual.optional(),
  elements: z.array(ruleElementSchema).min(1),
  exclusions: z.array(ruleExclusionSchema),
  /** Evaluated in order; the first satisfied combination decides (reported as `decidedBy.rule`). */
  combinations: z.array(ruleCombinationSchema),
});

export type RuleElement = z.infer<typeof ruleElementSchema>;
export type RuleExclusion = z.infer<typeof ruleExclusionSchema>;
export type RuleCombination = z.infer<typeof ruleCombinationSchema>;
export type RuleTable = z.infer<typeof ruleTableSchema>;
/** What a table file may omit (defaults filled in by the schema). */
export type RuleTableInput = z.input<typeof ruleTableSchema>;

/**
 * Parses and cross-checks a rule table. Codes: GB35181.INVALID_TABLE (shape),
 * GB35181.DUPLICATE_CODE (an element, exclusion or combination id twice),
 * GB35181.UNKNOWN_ELEMENT_IN_COMBINATION (a combination names an element the
 * table lacks, or a direct one, which would never be reached by counting).
 */
export function loadRuleTable(json: unknown): Result<RuleTable> {
  const parsed = ruleTableSchema.safeParse(json);
  if (!parsed.success) {
    return err('GB35181.INVALID_TABLE', 'Invalid GB 35181 rule table', 'GB 35181 判定规则表格式无效', {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const table = parsed.data;
  const duplicates = [
    ...findDuplicates(table.elements.map((e) => e.code)).map((c) => `element ${c}`),
    ...findDuplicates(table.exclusions.map((e) => e.code)).map((c) => `exclusion ${c}`),
    ...findDuplicates(table.combinations.map((c) => c.id)).map((c) => `combination ${c}`),
  ];
  if (duplicates.length > 0) {
    return err('GB35181.DUPLICATE_CODE', `Duplicate codes in rule table: ${duplicates.join(', ')}`, `判定规则表中存在重复编号：${duplicates.join('、')}`, {
      version: table.version,
      duplicates,
    });
  }
  const comprehensive = new Set(table.elements.filter((e) => e.chapter === 'comprehensive').map((e) => e.code));
  const unknown = table.combinations.flatMap((c) =>
    c.anyOf === 'any' ? [] : c.anyOf.filter((code) => !comprehensive.has(code)).map((code) => `${c.id}:${code}`),
  );
  if (unknown.length > 0) {
    return err(
      'GB35181.UNKNOWN_ELEMENT_IN_COMBINATION',
      `Combinations name codes that are not comprehensive elements of the table: ${unknown.join(', ')}`,
      `组合规则引用了不存在的综合判定要素：${unknown.join('、')}`,
      { version: table.version, unknown },
    );
  }
  return ok(table);
}

function findDuplicates(codes: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const c of codes) (seen.has(c) ? dup : seen).add(c);
  return [...dup];
}
