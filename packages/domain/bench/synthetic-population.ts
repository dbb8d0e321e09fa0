import type { DrawInspector, DrawUnit } from '../src/sampling/index';

/**
 * A deterministic, realistic-looking 双随机 library for the benchmark: uuid ids
 * (as the database issues them), the 11 published venue types, 100 districts in
 * 20 regions, 5% penalised last year, 3% reported, 0–2 previous inspectors.
 * xorshift32 rather than Math.random so every run measures the same data.
 * Units come back as the database returns them for a draw (ORDER BY id) and
 * are re-parsed from JSON, as a driver materialises a result set: rows and
 * their strings allocated in row order, flat strings rather than the rope
 * strings template literals build, so memory layout matches a real query.
 */
export function syntheticPopulation(unitCount: number, inspectorCount: number): { units: DrawUnit[]; inspectors: DrawInspector[] } {
  let state = 0x9e3779b9;
  const next = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0').slice(-width);
  const uuid = () => `${hex(next(), 8)}-${hex(next(), 4)}-4${hex(next(), 3)}-${hex((next() & 0x3fff) | 0x8000, 4)}-${hex(next(), 8)}${hex(next(), 4)}`;

  const categories = ['mall_market', 'multi_use', 'labour_intensive', 'entertainment', 'group_rental', 'hotel', 'high_rise', 'elderly_care', 'construction_site', 'kindergarten', 'heritage_building'];
  const regions = Array.from({ length: 20 }, uuid);
  const districts = Array.from({ length: 100 }, (_, i) => ({ id: uuid(), regionId: regions[i % regions.length]! }));
  const departments = Array.from({ length: 40 }, uuid);

  const inspectors: DrawInspector[] = Array.from({ length: inspectorCount }, (_, i) => ({
    id: uuid(),
    regionId: regions[i % regions.length]!,
    departmentId: departments[i % departments.length]!,
  }));

  const units = new Array<DrawUnit>(unitCount);
  for (let i = 0; i < unitCount; i++) {
    const district = districts[next() % districts.length]!;
    const r = next() % 100;
    const prevCount = next() % 3;
    const previousInspectorIds: string[] = [];
    for (let p = 0; p < prevCount; p++) previousInspectorIds.push(inspectors[next() % inspectors.length]!.id);
    units[i] = {
      id: uuid(),
      category: categories[next() % categories.length]!,
      jurisdictionId: district.id,
      regionId: district.regionId,
      penalisedLastYear: r < 5,
      reported: r >= 5 && r < 8,
      previousInspectorIds,
    };
  }
  units.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return { units: JSON.parse(JSON.stringify(units)) as DrawUnit[], inspectors: JSON.parse(JSON.stringify(inspectors)) as DrawInspector[] };
}

export const BENCH_CATEGORIES = ['mall_market', 'multi_use', 'labour_intensive', 'entertainment', 'group_rental', 'hotel', 'high_rise', 'elderly_care', 'construction_site', 'kindergarten', 'heritage_building'];
