import { describe, expect, it } from 'vitest';
import { determineMajorHazard } from './determine-major-hazard';
import { GB35181_2017 } from './gb35181-2017';
import { loadRuleTable, type RuleTable } from './rule-table';

/**
 * A FIXTURE shaped like a 2025 table, NOT the text of GB 35181-2025 (which is not
 * available here): invented element codes and combinations that only prove a new
 * edition with different elements loads and determines through the same code.
 */
const FIXTURE_2025_SHAPED: unknown = {
  version: '2025',
  title: { zh: '测试用2025版结构样例（非标准原文）', en: 'Test fixture shaped like a 2025 table (not the standard)' },
  elements: [
    { code: '5.1', chapter: 'direct', confirmed: 'U', text: { zh: '样例直接要素A', en: 'Fixture direct element A' } },
    { code: '5.2', chapter: 'direct', confirmed: 'U', text: { zh: '样例直接要素B', en: 'Fixture direct element B' } },
    { code: '6.1.1', chapter: 'comprehensive', confirmed: 'U', text: { zh: '样例综合要素1', en: 'Fixture comprehensive 1' } },
    { code: '6.1.2', chapter: 'comprehensive', confirmed: 'U', text: { zh: '样例综合要素2', en: 'Fixture comprehensive 2' } },
    { code: '6.2.1', chapter: 'comprehensive', confirmed: 'U', text: { zh: '样例综合要素3', en: 'Fixture comprehensive 3' } },
  ],
  exclusions: [{ code: 'demolished', confirmed: 'U', text: { zh: '样例排除情形', en: 'Fixture exclusion' } }],
  // `confirmed` left out on purpose: the schema defaults it to 'U'.
  combinations: [{ id: 'crowded_2', venueClasses: ['crowded'], anyOf: ['6.1.1', '6.1.2'], min: 2 }],
};

describe('loadRuleTable', () => {
  it('loads the 2017 table completely', () => {
    const r = loadRuleTable(GB35181_2017);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const direct = r.value.elements.filter((e) => e.chapter === 'direct').map((e) => e.code);
    expect(direct).toEqual(['6.1', '6.2', '6.3', '6.4', '6.5', '6.6', '6.7', '6.8', '6.9', '6.10']);
    const codes = r.value.elements.map((e) => e.code);
    for (const c of ['7.1.4', '7.2.3', '7.3.12', '7.4.1', '7.4.6', '7.5', '7.6.3', '7.7.3', '7.8.2', '7.9.4']) expect(codes).toContain(c);
    expect(codes).toHaveLength(10 + 4 + 3 + 12 + 6 + 1 + 3 + 3 + 2 + 4);
    expect(r.value.exclusions.map((e) => e.code)).toEqual(['stopped_operating', 'expert_reviewed_measures', 'cannot_cause_major_fire']);
    expect(r.value.combinations.map((c) => [c.id, c.min])).toEqual([
      ['crowded_3_evacuation', 3],
      ['flammable_3_core', 3],
      ['key_venue_4_any', 4],
      ['any_venue_6_any', 6],
    ]);
  });

  it('loads a 2025-shaped table (fixture) with different elements the same way', () => {
    const r = loadRuleTable(FIXTURE_2025_SHAPED);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const table: RuleTable = r.value;
    expect(table.version).toBe('2025');
    expect(table.combinations[0]!.confirmed).toBe('U');

    const major = determineMajorHazard(table, {
      venueClasses: ['crowded'],
      elements: [
        { code: '6.1.2', correctableImmediately: false },
        { code: '6.1.1', correctableImmediately: false },
      ],
      exclusions: [],
    });
    expect(major.ok && major.value).toMatchObject({ version: '2025', major: true, decidedBy: { rule: 'crowded_2', elements: ['6.1.1', '6.1.2'] } });

    // A 2017 code is unknown to the new edition.
    const old = determineMajorHazard(table, { venueClasses: ['crowded'], elements: [{ code: '6.5', correctableImmediately: false }], exclusions: [] });
    expect(old.ok).toBe(false);
    if (!old.ok) expect(old.error).toMatchObject({ code: 'GB35181.UNKNOWN_ELEMENT', details: { version: '2025', codes: ['6.5'] } });
  });

  it('reports shape errors with paths', () => {
    const r = loadRuleTable({ version: '2025', elements: [{ code: 'six', chapter: 'indirect', text: { zh: '', en: 'x' }, confirmed: 'X' }], exclusions: [], combinations: [] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('GB35181.INVALID_TABLE');
      const paths = (r.error.details?.issues as { path: string }[]).map((i) => i.path);
      expect(paths).toEqual(expect.arrayContaining(['elements.0.code', 'elements.0.chapter', 'elements.0.text.zh', 'elements.0.confirmed']));
    }
    expect(loadRuleTable(null).ok).toBe(false);
  });

  it('refuses duplicate codes', () => {
    const r = loadRuleTable({ ...GB35181_2017, elements: [...GB35181_2017.elements, GB35181_2017.elements[3]] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'GB35181.DUPLICATE_CODE', details: { duplicates: ['element 6.4'] } });
  });

  it('refuses combinations naming missing or direct elements', () => {
    const r = loadRuleTable({
      ...GB35181_2017,
      combinations: [{ id: 'bad', venueClasses: ['other'], anyOf: ['7.1.1', '6.1', '9.9'], min: 2, confirmed: 'U' }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'GB35181.UNKNOWN_ELEMENT_IN_COMBINATION', details: { unknown: ['bad:6.1', 'bad:9.9'] } });
  });
});
