import { describe, expect, it } from 'vitest';
import { buildJurisdictionTree, type JurisdictionRow } from '@firebreak/domain';
import { cityRoot } from './report-jurisdiction';

function tree(rows: JurisdictionRow[]) {
  const built = buildJurisdictionTree(rows, { allowForest: true });
  if (!built.ok) throw new Error(built.error.message);
  return built.value;
}

describe('cityRoot', () => {
  it('takes the city under a province root', () => {
    const t = tree([
      { id: 'p', parentId: null, level: 'province', name: '省' },
      { id: 'c', parentId: 'p', level: 'city', name: '市' },
      { id: 'd', parentId: 'c', level: 'district', name: '区' },
    ]);
    expect(cityRoot(t)).toBe('c');
  });

  it('takes a city root as it is, and falls back to the first root when no city exists', () => {
    expect(cityRoot(tree([{ id: 'c', parentId: null, level: 'city', name: '市' }]))).toBe('c');
    expect(cityRoot(tree([{ id: 'd', parentId: null, level: 'district', name: '区' }]))).toBe('d');
  });

  it('looks through every root of a forest for a city before falling back', () => {
    const t = tree([
      { id: 'x', parentId: null, level: 'district', name: '飞地' },
      { id: 'p', parentId: null, level: 'province', name: '省' },
      { id: 'c', parentId: 'p', level: 'city', name: '市' },
    ]);
    expect(cityRoot(t)).toBe('c');
  });
});
