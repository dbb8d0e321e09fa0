/**
 * The unit library workbook (单位库): one row per venue with its responsible person and manager.
 * Import reads these columns, the template carries them, export writes them, so a file exported
 * from one deployment imports into another unchanged.
 */
export const VENUE_SHEET_COLUMNS = [
  { key: 'name', zh: '单位名称', en: 'Unit name', required: true, width: 28, hint: { zh: '必填', en: 'required' } },
  { key: 'address', zh: '地址', en: 'Address', required: true, width: 36, hint: { zh: '必填', en: 'required' } },
  { key: 'categories', zh: '场所类别', en: 'Venue categories', required: true, width: 22, hint: { zh: '必填，多个用“、”分隔', en: 'required; several separated by 、 or ,' } },
  { key: 'jurisdiction', zh: '所属辖区', en: 'Jurisdiction', required: true, width: 16, hint: { zh: '必填，辖区名称或代码', en: 'required; name or code' } },
  { key: 'creditCode', zh: '统一社会信用代码', en: 'Unified social credit code', required: false, width: 22, hint: { zh: '18 位', en: '18 characters' } },
  { key: 'responsibleName', zh: '消防安全责任人', en: 'Responsible person', required: true, width: 14, hint: { zh: '必填', en: 'required' } },
  { key: 'responsiblePhone', zh: '责任人电话', en: 'Responsible person phone', required: true, width: 16, hint: { zh: '必填，手机或固话', en: 'required; mobile or landline' } },
  { key: 'managerName', zh: '消防安全管理人', en: 'Manager', required: true, width: 14, hint: { zh: '必填', en: 'required' } },
  { key: 'managerPhone', zh: '管理人电话', en: 'Manager phone', required: true, width: 16, hint: { zh: '必填，手机或固话', en: 'required; mobile or landline' } },
  { key: 'lat', zh: '纬度', en: 'Latitude', required: false, width: 12, hint: { zh: '可选，与经度同填', en: 'optional; with longitude' } },
  { key: 'lng', zh: '经度', en: 'Longitude', required: false, width: 12, hint: { zh: '可选，与纬度同填', en: 'optional; with latitude' } },
] as const;

export type VenueSheetColumn = (typeof VENUE_SHEET_COLUMNS)[number];
export type VenueSheetKey = VenueSheetColumn['key'];

/** One data row as read from the sheet: every cell as text (blank cells ''), with its 1-based row number. */
export interface VenueSheetRow {
  readonly rowNumber: number;
  readonly cells: Readonly<Partial<Record<VenueSheetKey, string>>>;
}

/** Spreadsheet column letter of a key (A, B, …), as the report names it. */
export function venueSheetLetter(key: VenueSheetKey): string {
  return String.fromCharCode(65 + VENUE_SHEET_COLUMNS.findIndex((c) => c.key === key));
}


/** One import at most: a city's unit library arrives district by district. */
export const VENUE_IMPORT_MAX_ROWS = 200_000;

/** Which header cell means which column: the Chinese or English header, with or without a trailing `*`. */
export function venueSheetKeyOfHeader(header: string): VenueSheetKey | null {
  const h = header.replace(/[*＊\s]/g, '').toLowerCase();
  const hit = VENUE_SHEET_COLUMNS.find((c) => c.zh === h || c.en.replace(/\s/g, '').toLowerCase() === h);
  return hit ? hit.key : null;
}

/** The hint row under the headers (the template's and the export's row 2) is not data. */
export function isVenueSheetHintRow(cells: Readonly<Partial<Record<VenueSheetKey, string>>>): boolean {
  return VENUE_SHEET_COLUMNS.every((c) => {
    const v = (cells[c.key] ?? '').trim();
    return v === '' || v === c.hint.zh || v === c.hint.en;
  }) && VENUE_SHEET_COLUMNS.some((c) => (cells[c.key] ?? '').trim() !== '');
}

/** Headers the first row lacks: a file without them cannot be read column by column. */
export function missingVenueSheetColumns(headers: readonly string[]): VenueSheetColumn[] {
  const present = new Set(headers.map(venueSheetKeyOfHeader).filter((k) => k !== null));
  return VENUE_SHEET_COLUMNS.filter((c) => c.required && !present.has(c.key));
}
