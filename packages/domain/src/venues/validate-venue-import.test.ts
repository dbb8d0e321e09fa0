import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, normalizePhone, validateVenueImport, venueImportKey, type VenueImportContext } from './validate-venue-import';
import { venueSheetKeyOfHeader, venueSheetLetter, VENUE_IMPORT_MAX_ROWS, type VenueSheetRow } from './venue-sheet';

const ctx = (over: Partial<VenueImportContext> = {}): VenueImportContext => ({
  jurisdictions: [
    { id: 'j-hubin', name: '湖滨街道', code: '330102001' },
    { id: 'j-xishan', name: '西山街道', code: '330103001' },
    { id: 'j-twin-a', name: '新城社区', code: 'A1' },
    { id: 'j-twin-b', name: '新城社区', code: 'B1' },
  ],
  inScope: (id) => id !== 'j-xishan',
  existingKeys: new Set([venueImportKey('已有商店', '湖滨路 1 号')]),
  ...over,
});

const good = (rowNumber: number, over: Record<string, string> = {}): VenueSheetRow => ({
  rowNumber,
  cells: {
    name: `测试单位${rowNumber}`,
    address: `湖滨路 ${rowNumber} 号`,
    categories: '小商店',
    jurisdiction: '湖滨街道',
    creditCode: '',
    responsibleName: '张三',
    responsiblePhone: '13912345678',
    managerName: '李四',
    managerPhone: '0571-87654321',
    lat: '',
    lng: '',
    ...over,
  },
});

const issuesOf = (rows: VenueSheetRow[], c = ctx()) => {
  const r = validateVenueImport(rows, c);
  if (r.ok) throw new Error('expected issues');
  expect(r.error.code).toBe('VENUE_IMPORT.INVALID');
  return r.error.details.issues;
};

describe('validateVenueImport', () => {
  it('accepts good rows and gives the catalog codes, the jurisdiction id and normalized phones', () => {
    const r = validateVenueImport([good(3, { categories: '小商店、宾馆饭店, small_shop', responsiblePhone: '+86 139 1234 5678', lat: '30.25', lng: '120.16' })], ctx());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual([
      expect.objectContaining({
        rowNumber: 3,
        categories: ['small_shop', 'hotel_restaurant'],
        jurisdictionId: 'j-hubin',
        responsible: { name: '张三', phone: '13912345678' },
        manager: { name: '李四', phone: '0571-87654321' },
        lat: 30.25,
        lng: 120.16,
      }),
    ]);
  });

  it('reports every bad cell with its row, column letter and both languages', () => {
    const issues = issuesOf([
      good(3),
      good(4, { name: '', categories: '火锅店', responsiblePhone: '12345', jurisdiction: '不存在街道' }),
      good(5, { jurisdiction: '西山街道', managerPhone: '' }),
    ]);
    expect(issues.map((i) => [i.row, i.column, i.letter])).toEqual([
      [4, 'name', 'A'],
      [4, 'categories', 'C'],
      [4, 'jurisdiction', 'D'],
      [4, 'responsiblePhone', 'G'],
      [5, 'managerPhone', 'I'],
      [5, 'jurisdiction', 'D'],
    ]);
    expect(issues.find((i) => i.column === 'categories')!.messageZh).toBe('“火锅店”不是场所目录中的类别');
    expect(issues.find((i) => i.row === 5 && i.column === 'jurisdiction')!.message).toMatch(/outside your jurisdiction/);
    expect(issues.every((i) => i.message !== '' && i.messageZh !== '')).toBe(true);
  });

  it('refuses a duplicate within the file and one already in the library', () => {
    const issues = issuesOf([good(3), good(4, { name: ' 测试单位3 ', address: '湖滨路  3 号' }), good(5, { name: '已有商店', address: '湖滨路 1 号' })]);
    expect(issues).toEqual([
      expect.objectContaining({ row: 4, column: 'name', messageZh: '与第 3 行的单位名称和地址重复' }),
      expect.objectContaining({ row: 5, column: 'name', messageZh: '单位库中已有同名同地址的单位' }),
    ]);
  });

  it('asks for a code when a jurisdiction name is ambiguous, and takes the code', () => {
    expect(issuesOf([good(3, { jurisdiction: '新城社区' })])[0]!.messageZh).toMatch(/请填写辖区代码/);
    const r = validateVenueImport([good(3, { jurisdiction: 'B1' })], ctx());
    expect(r.ok && r.value[0]!.jurisdictionId).toBe('j-twin-b');
  });

  it('checks the credit code’s check character and the coordinates', () => {
    const first17 = '91330102MA2H3K5L0';
    const code = first17 + creditCodeCheckChar(first17);
    expect(validateVenueImport([good(3, { creditCode: code.toLowerCase() })], ctx()).ok).toBe(true);
    const wrong = first17 + (creditCodeCheckChar(first17) === '0' ? '1' : '0');
    const issues = issuesOf([good(3, { creditCode: wrong }), good(4, { creditCode: 'ABC' }), good(5, { lat: '30.2' }), good(6, { lat: '120', lng: '30' })]);
    expect(issues.map((i) => [i.row, i.column])).toEqual([
      [3, 'creditCode'],
      [4, 'creditCode'],
      [5, 'lng'],
      [6, 'lat'],
      [6, 'lng'],
    ]);
  });

  it('refuses an empty file and one over the row limit', () => {
    expect(issuesOf([])[0]).toMatchObject({ row: 0, column: null, messageZh: '文件中没有任何单位数据' });
    const many = Array.from({ length: VENUE_IMPORT_MAX_ROWS + 1 }, (_, i) => ({ rowNumber: i + 3, cells: {} }));
    expect(issuesOf(many)).toHaveLength(1);
  });
});

describe('the sheet layout', () => {
  it('maps headers in either language and names column letters', () => {
    expect(venueSheetKeyOfHeader('单位名称*')).toBe('name');
    expect(venueSheetKeyOfHeader('Manager phone')).toBe('managerPhone');
    expect(venueSheetKeyOfHeader('备注')).toBeNull();
    expect(venueSheetLetter('lng')).toBe('K');
  });

  it('normalizes phones', () => {
    expect(normalizePhone('139 1234 5678')).toBe('13912345678');
    expect(normalizePhone('057187654321')).toBe('057187654321');
    expect(normalizePhone('1391234567')).toBeNull();
  });
});

describe('the hint row and the headers', () => {
  it('skips the hint row and names missing required columns', async () => {
    const { isVenueSheetHintRow, missingVenueSheetColumns } = await import('./venue-sheet');
    expect(isVenueSheetHintRow({ name: '必填', address: '必填', lat: '可选，与经度同填' })).toBe(true);
    expect(isVenueSheetHintRow({ name: '必填', address: '人民路 1 号' })).toBe(false);
    expect(isVenueSheetHintRow({})).toBe(false);
    expect(missingVenueSheetColumns(['单位名称', '地址', '场所类别', '所属辖区', '消防安全责任人', '责任人电话', '消防安全管理人']).map((c) => c.key)).toEqual(['managerPhone']);
  });
});
