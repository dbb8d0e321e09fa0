import { describe, expect, it } from 'vitest';
import { diffStandards } from './diff-standards';
import type { CheckItem, StandardContent } from './remediation-standard';

const item = (id: string, over: Partial<CheckItem> = {}): CheckItem => ({
  id,
  text: { zh: '检查内容', en: 'Check' },
  riskCategory: 'weak_management',
  severity: 'general',
  basis: [{ law: '中华人民共和国消防法', article: '第十六条' }],
  deadline: { kind: 'working_days', n: 5 },
  ...over,
});
const std = (items: CheckItem[], over: Partial<StandardContent> = {}): StandardContent => ({
  category: 'small_shop',
  title: { zh: '小商店整治标准', en: 'Small shop standard' },
  effectiveFrom: '2026-01-01T00:00:00+08:00',
  items,
  ...over,
});

describe('diffStandards', () => {
  it('names added, removed and changed items with the fields that changed', () => {
    const before = std([item('a.one'), item('a.two'), item('a.three')]);
    const after = std([item('a.one'), item('a.two', { severity: 'serious', deadline: { kind: 'immediate' } }), item('a.four')]);
    const d = diffStandards(before, after);
    expect(d.items.map((c) => [c.kind, c.id])).toEqual([
      ['changed', 'a.two'],
      ['added', 'a.four'],
      ['removed', 'a.three'],
    ]);
    expect(d.items[0]).toMatchObject({ fields: ['severity', 'deadline'] });
    expect(d.unchanged).toBe(1);
    expect(d.reordered).toBe(false);
    expect(d.titleChanged).toBe(false);
  });

  it('sees wording, legal basis, order and title changes', () => {
    const before = std([item('a.one'), item('a.two')]);
    const after = std([item('a.two', { basis: [{ law: '消防法', article: '第六十条' }] }), item('a.one', { text: { zh: '新的内容', en: 'Check' } })], {
      title: { zh: '新标题', en: 'Small shop standard' },
    });
    const d = diffStandards(before, after);
    expect(d.items.map((c) => (c.kind === 'changed' ? c.fields : c.kind))).toEqual([['basis'], ['text']]);
    expect(d.reordered).toBe(true);
    expect(d.titleChanged).toBe(true);
  });

  it('a first standard is all additions', () => {
    const d = diffStandards(null, std([item('a.one')]));
    expect(d.items).toEqual([{ kind: 'added', id: 'a.one', after: item('a.one') }]);
    expect(d.titleChanged).toBe(false);
  });
});
