import { describe, expect, it } from 'vitest';
import { activeStandard } from './active-standard';
import { COMMON_ITEMS } from './common-check-items';
import { DEFAULT_STANDARDS, DEFAULT_STANDARDS_EFFECTIVE_FROM } from './default-standards';
import { nextStandardVersion } from './next-standard-version';
import { publishStandard } from './publish-standard';
import type { CheckItem, RemediationStandard, StandardDraftInput } from './remediation-standard';
import { reviseStandardDraft } from './revise-standard-draft';

const title = { zh: '测试标准', en: 'Test standard' };
const item = (id: string, over: Partial<CheckItem> = {}): CheckItem => ({
  id,
  text: { zh: '检查内容', en: 'Check' },
  riskCategory: 'weak_management',
  severity: 'general',
  basis: [{ law: '中华人民共和国消防法', article: '第十六条' }],
  deadline: { kind: 'working_days', n: 5 },
  ...over,
});

function published(category: string, version: number, effectiveFrom: string, items: CheckItem[], publishedAt = effectiveFrom): RemediationStandard {
  return { category, version, status: 'published', title, effectiveFrom, publishedAt, items };
}

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}`);
  return r.value;
}

describe('activeStandard', () => {
  const v1 = published('market', 1, '2024-01-01T00:00:00.000Z', [item('a.one')]);
  const v2 = published('market', 2, '2024-06-01T00:00:00.000Z', [item('a.two')]);
  const draft3: RemediationStandard = { ...v2, version: 3, status: 'draft', publishedAt: null, effectiveFrom: '2024-03-01T00:00:00.000Z' };
  const standards = [v2, draft3, v1, published('hotel_restaurant', 1, '2020-01-01T00:00:00.000Z', [item('h.one')])];

  it('picks the version in force at the instant', () => {
    expect(activeStandard(standards, 'market', new Date('2023-12-31T23:59:59.999Z'))).toBeNull();
    expect(activeStandard(standards, 'market', new Date('2024-01-01T00:00:00.000Z'))).toBe(v1);
    expect(activeStandard(standards, 'market', new Date('2024-05-31T23:59:59.999Z'))).toBe(v1);
    expect(activeStandard(standards, 'market', new Date('2024-06-01T00:00:00.000Z'))).toBe(v2);
    expect(activeStandard(standards, 'elderly_care', new Date('2025-01-01T00:00:00.000Z'))).toBeNull();
  });

  it('ignores drafts, and versions not yet published at the instant', () => {
    expect(activeStandard(standards, 'market', new Date('2024-04-01T00:00:00.000Z'))).toBe(v1);
    const late = published('market', 3, '2024-07-01T00:00:00.000Z', [item('a.three')], '2024-09-01T00:00:00.000Z');
    expect(activeStandard([v1, v2, late], 'market', new Date('2024-08-01T00:00:00.000Z'))).toBe(v2);
    expect(activeStandard([v1, v2, late], 'market', new Date('2024-09-01T00:00:00.000Z'))).toBe(late);
  });

  it('breaks a tie on the effective date by the higher version', () => {
    const same = published('market', 3, v2.effectiveFrom, [item('a.three')]);
    expect(activeStandard([same, v2, v1], 'market', new Date('2024-07-01T00:00:00.000Z'))).toBe(same);
  });

  it('finds the seeded defaults from their effective date on', () => {
    expect(activeStandard(DEFAULT_STANDARDS, 'kindergarten', new Date(DEFAULT_STANDARDS_EFFECTIVE_FROM))?.version).toBe(1);
    expect(activeStandard(DEFAULT_STANDARDS, 'kindergarten', new Date(Date.parse(DEFAULT_STANDARDS_EFFECTIVE_FROM) - 1))).toBeNull();
  });
});

describe('standard versioning', () => {
  const kg = DEFAULT_STANDARDS.find((s) => s.category === 'kindergarten')!;
  const editFrom = (base: RemediationStandard, over: Partial<StandardDraftInput> = {}): StandardDraftInput => ({
    category: base.category,
    title: base.title,
    effectiveFrom: '2030-01-01T00:00:00.000Z',
    items: [...base.items, item('kindergarten.heater-guards')],
    basedOnVersion: base.version,
    ...over,
  });

  it('creates version 1 of a new category as a draft', () => {
    const r = nextStandardVersion([], { category: 'night_market', title, effectiveFrom: '2030-01-01T00:00:00+08:00', items: [item('n.one')], basedOnVersion: null });
    expect(unwrap(r)).toMatchObject({ category: 'night_market', version: 1, status: 'draft', publishedAt: null });
  });

  it('turns an edit of a published version into the next version, leaving the published one untouched', () => {
    const before: unknown = JSON.parse(JSON.stringify(kg));
    const draft = unwrap(nextStandardVersion(DEFAULT_STANDARDS, editFrom(kg)));
    expect(draft.version).toBe(2);
    expect(draft.status).toBe('draft');
    expect(draft.items).toHaveLength(kg.items.length + 1);
    expect(kg).toEqual(before);
  });

  it('refuses an edit based on an outdated version', () => {
    const v2 = published('kindergarten', 2, '2029-01-01T00:00:00.000Z', [...kg.items]);
    const r = nextStandardVersion([...DEFAULT_STANDARDS, v2], editFrom(kg));
    expect(r.ok || r.error.code).toBe('STANDARD.STALE_BASE');
    const first = nextStandardVersion(DEFAULT_STANDARDS, editFrom(kg, { basedOnVersion: null }));
    expect(first.ok || first.error.code).toBe('STANDARD.STALE_BASE');
  });

  it('allows one draft per category at a time', () => {
    const draft = unwrap(nextStandardVersion(DEFAULT_STANDARDS, editFrom(kg)));
    const r = nextStandardVersion([...DEFAULT_STANDARDS, draft], editFrom(draft, { basedOnVersion: 2, items: [...draft.items] }));
    expect(r.ok || r.error.code).toBe('STANDARD.DRAFT_EXISTS');
  });

  it('rejects invalid content with the field paths', () => {
    const dup = nextStandardVersion(DEFAULT_STANDARDS, editFrom(kg, { items: [item('x.same'), item('x.same')] }));
    expect(dup.ok || dup.error.code).toBe('STANDARD.INVALID');
    if (!dup.ok) expect(JSON.stringify(dup.error.details)).toContain('items.1.id');

    const badDeadline = nextStandardVersion(DEFAULT_STANDARDS, editFrom(kg, { items: [item('x.one', { deadline: { kind: 'working_days', n: 0 } })] }));
    expect(badDeadline.ok || badDeadline.error.code).toBe('STANDARD.INVALID');
    const badGb = nextStandardVersion(DEFAULT_STANDARDS, editFrom(kg, { items: [item('x.one', { gbElements: ['seven'] })] }));
    expect(badGb.ok || badGb.error.code).toBe('STANDARD.INVALID');
    const badDate = nextStandardVersion(DEFAULT_STANDARDS, editFrom(kg, { effectiveFrom: 'next monday' }));
    expect(badDate.ok || badDate.error.code).toBe('STANDARD.INVALID');
    const noItems = nextStandardVersion(DEFAULT_STANDARDS, editFrom(kg, { items: [] }));
    expect(noItems.ok || noItems.error.code).toBe('STANDARD.INVALID');
  });

  it('keeps check item ids tied to their risk category across versions and categories', () => {
    const changed = { ...COMMON_ITEMS.exitsUnlocked, riskCategory: 'weak_management' as const };
    const r = nextStandardVersion(DEFAULT_STANDARDS, editFrom(kg, { items: [changed] }));
    expect(r.ok || r.error.code).toBe('STANDARD.ITEM_ID_REUSED');
    if (!r.ok) expect(r.error.details).toEqual({ ids: ['common.exits-unlocked'] });
    const reworded = { ...COMMON_ITEMS.exitsUnlocked, text: { zh: '安全出口不得锁闭。', en: 'Exits never locked.' } };
    expect(nextStandardVersion(DEFAULT_STANDARDS, editFrom(kg, { items: [reworded] })).ok).toBe(true);
  });

  it('revises drafts but never published versions', () => {
    const draft = unwrap(nextStandardVersion(DEFAULT_STANDARDS, editFrom(kg)));
    const all = [...DEFAULT_STANDARDS, draft];
    const revised = unwrap(reviseStandardDraft(all, 2, { category: 'kindergarten', title, effectiveFrom: draft.effectiveFrom, items: [item('kg.only')] }));
    expect(revised).toMatchObject({ version: 2, status: 'draft', title, items: [item('kg.only')] });

    const onPublished = reviseStandardDraft(all, 1, { category: 'kindergarten', title, effectiveFrom: draft.effectiveFrom, items: [item('kg.only')] });
    expect(onPublished.ok || onPublished.error.code).toBe('STANDARD.IMMUTABLE');
    const missing = reviseStandardDraft(all, 7, { category: 'kindergarten', title, effectiveFrom: draft.effectiveFrom, items: [item('kg.only')] });
    expect(missing.ok || missing.error.code).toBe('STANDARD.NOT_FOUND');
  });

  it('publishes a draft at the given time and switches the active version on its effective date', () => {
    const draft = unwrap(nextStandardVersion(DEFAULT_STANDARDS, editFrom(kg)));
    const now = new Date('2029-12-15T08:00:00.000Z');
    const v2 = unwrap(publishStandard([...DEFAULT_STANDARDS, draft], 'kindergarten', 2, now));
    expect(v2).toMatchObject({ status: 'published', publishedAt: now.toISOString(), version: 2 });

    const all = [...DEFAULT_STANDARDS, v2];
    expect(activeStandard(all, 'kindergarten', new Date('2029-12-31T23:59:59.999Z'))).toBe(kg);
    expect(activeStandard(all, 'kindergarten', new Date('2030-01-01T00:00:00.000Z'))).toBe(v2);

    const again = publishStandard(all, 'kindergarten', 2, now);
    expect(again.ok || again.error.code).toBe('STANDARD.IMMUTABLE');
    const none = publishStandard(all, 'kindergarten', 9, now);
    expect(none.ok || none.error.code).toBe('STANDARD.NOT_FOUND');
  });

  it('refuses retroactive publication and effective dates before a published version', () => {
    const draft = unwrap(nextStandardVersion(DEFAULT_STANDARDS, editFrom(kg)));
    const late = publishStandard([...DEFAULT_STANDARDS, draft], 'kindergarten', 2, new Date('2030-01-01T00:00:00.001Z'));
    expect(late.ok || late.error.code).toBe('STANDARD.RETROACTIVE');
    expect(publishStandard([...DEFAULT_STANDARDS, draft], 'kindergarten', 2, new Date('2030-01-01T00:00:00.000Z')).ok).toBe(true);

    const scheduled = published('kindergarten', 2, '2031-01-01T00:00:00.000Z', [...kg.items], '2029-01-01T00:00:00.000Z');
    const earlier = unwrap(nextStandardVersion([...DEFAULT_STANDARDS, scheduled], editFrom(scheduled, { effectiveFrom: '2030-06-01T00:00:00.000Z' })));
    const r = publishStandard([...DEFAULT_STANDARDS, scheduled, earlier], 'kindergarten', 3, new Date('2029-06-01T00:00:00.000Z'));
    expect(r.ok || r.error.code).toBe('STANDARD.NOT_AFTER_PREVIOUS');
  });
});
