import { VENUE_CATEGORIES, type VenueCategoryCode } from '../catalog/venue-categories';
import type { DomainError, Result } from '../common/errors';
import { VENUE_IMPORT_MAX_ROWS, VENUE_SHEET_COLUMNS, venueSheetLetter, type VenueSheetKey, type VenueSheetRow } from './venue-sheet';

/** A jurisdiction the importer may name, by name or by code. */
export interface ImportJurisdiction {
  readonly id: string;
  readonly name: string;
  readonly code: string | null;
}

export interface VenueImportContext {
  /** Every jurisdiction of the deployment: a name outside the importer's subtree is "out of scope", not "unknown". */
  readonly jurisdictions: readonly ImportJurisdiction[];
  /** Whether the importer may add venues there (the kernel's jurisdiction scope). */
  readonly inScope: (jurisdictionId: string) => boolean;
  /** venueImportKey of the venues already in the library. */
  readonly existingKeys: ReadonlySet<string>;
}

export interface ImportedPerson {
  readonly name: string;
  readonly phone: string;
}

export interface ImportedVenue {
  readonly rowNumber: number;
  readonly name: string;
  readonly address: string;
  readonly categories: readonly VenueCategoryCode[];
  readonly jurisdictionId: string;
  readonly creditCode: string | null;
  readonly responsible: ImportedPerson;
  readonly manager: ImportedPerson;
  readonly lat: number | null;
  readonly lng: number | null;
}

/** One bad cell: the report shows every one of them, in the reader's language. */
export interface VenueImportIssue {
  readonly row: number;
  readonly column: VenueSheetKey | null;
  /** The column's letter in the sheet (A …), null for a problem with the file as a whole. */
  readonly letter: string | null;
  readonly message: string;
  readonly messageZh: string;
}

const LIMITS: Partial<Record<VenueSheetKey, number>> = { name: 200, address: 300, responsibleName: 50, managerName: 50, jurisdiction: 100 };

/** Mobile 1[3-9]xxxxxxxxx, or a landline with area code (0571-87654321, extension allowed). */
const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/;
/** GB 32100-2015: 18 characters from the code set without I, O, Z, S, V. */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The GB 32100 check character (the 18th) of the first 17. */
export function creditCodeCheckChar(first17: string): string {
  const sum = [...first17].reduce((s, ch, i) => s + CREDIT_CHARS.indexOf(ch) * CREDIT_WEIGHTS[i]!, 0);
  return CREDIT_CHARS[(31 - (sum % 31)) % 31]!;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** What makes two rows the same venue: name and address, spacing and width of letters ignored. */
export function venueImportKey(name: string, address: string): string {
  return `${collapse(name.normalize('NFKC')).toLowerCase()}\u0000${collapse(address.normalize('NFKC')).toLowerCase()}`;
}

const plain = (s: string) => s.replace(/[“”"'‘’\s]/g, '').toLowerCase();
const CATEGORY_BY_NAME: ReadonlyMap<string, VenueCategoryCode> = new Map(
  VENUE_CATEGORIES.flatMap((c) => [
    [plain(c.code), c.code],
    [plain(c.zh), c.code],
    [plain(c.en), c.code],
  ]),
);

/** The phone as stored: digits and dashes only, +86 dropped. */
export function normalizePhone(raw: string): string | null {
  const p = raw.replace(/[\s()（）]/g, '').replace(/^\+?86(?=1)/, '');
  return MOBILE.test(p) || LANDLINE.test(p) ? p : null;
}

/**
 * Validates a whole unit library sheet row by row (单位库导入): required cells, categories from
 * the venue catalog, a known jurisdiction in the importer's scope, phone and credit code formats,
 * coordinates, and duplicates within the file and against the library. Every bad cell is
 * reported; the import is all or nothing, so any issue means nothing is written.
 */
export function validateVenueImport(rows: readonly VenueSheetRow[], ctx: VenueImportContext): Result<ImportedVenue[], DomainError & { details: { issues: VenueImportIssue[] } }> {
  const issues: VenueImportIssue[] = [];
  const fail = (details: { issues: VenueImportIssue[] }) => ({
    ok: false as const,
    error: {
      code: 'VENUE_IMPORT.INVALID',
      message: `${details.issues.length} problem(s) in the file; nothing was imported`,
      messageZh: `文件中有 ${details.issues.length} 处错误，未导入任何数据`,
      details,
    },
  });
  if (rows.length === 0) {
    return fail({ issues: [{ row: 0, column: null, letter: null, message: 'The file holds no venue rows', messageZh: '文件中没有任何单位数据' }] });
  }
  if (rows.length > VENUE_IMPORT_MAX_ROWS) {
    return fail({
      issues: [
        {
          row: 0,
          column: null,
          letter: null,
          message: `At most ${VENUE_IMPORT_MAX_ROWS} rows per import; this file has ${rows.length}`,
          messageZh: `每次最多导入 ${VENUE_IMPORT_MAX_ROWS} 行，本文件有 ${rows.length} 行`,
        },
      ],
    });
  }

  const byName = new Map<string, ImportJurisdiction[]>();
  const byCode = new Map<string, ImportJurisdiction>();
  for (const j of ctx.jurisdictions) {
    const k = collapse(j.name);
    byName.set(k, [...(byName.get(k) ?? []), j]);
    if (j.code) byCode.set(j.code.trim(), j);
  }

  const seen = new Map<string, number>();
  const venues: ImportedVenue[] = [];
  for (const r of rows) {
    const at = (column: VenueSheetKey, message: string, messageZh: string) => {
      issues.push({ row: r.rowNumber, column, letter: venueSheetLetter(column), message, messageZh });
    };
    const cell = (k: VenueSheetKey) => collapse(r.cells[k] ?? '');
    const before = issues.length;

    for (const c of VENUE_SHEET_COLUMNS) {
      const v = cell(c.key);
      if (c.required && v === '') at(c.key, `${c.en} is required`, `“${c.zh}”不能为空`);
      const max = LIMITS[c.key];
      if (max && v.length > max) at(c.key, `${c.en} is longer than ${max} characters`, `“${c.zh}”超过 ${max} 个字符`);
    }

    const categories: VenueCategoryCode[] = [];
    for (const part of cell('categories').split(/[、,，;；/]/).map((s) => s.trim()).filter(Boolean)) {
      const code = CATEGORY_BY_NAME.get(plain(part));
      if (!code) at('categories', `“${part}” is not a venue category of the catalog`, `“${part}”不是场所目录中的类别`);
      else if (!categories.includes(code)) categories.push(code);
    }

    let jurisdictionId: string | null = null;
    const jName = cell('jurisdiction');
    if (jName !== '') {
      const hit = byCode.get(jName) ?? (byName.get(jName)?.length === 1 ? byName.get(jName)![0] : undefined);
      if (!hit && (byName.get(jName)?.length ?? 0) > 1) at('jurisdiction', `Several jurisdictions are called “${jName}”: give its code`, `有多个辖区名为“${jName}”，请填写辖区代码`);
      else if (!hit) at('jurisdiction', `Unknown jurisdiction “${jName}”`, `辖区“${jName}”不存在`);
      else if (!ctx.inScope(hit.id)) at('jurisdiction', `“${jName}” is outside your jurisdiction`, `“${jName}”不在您的管辖范围内`);
      else jurisdictionId = hit.id;
    }

    const creditRaw = cell('creditCode').toUpperCase();
    if (creditRaw !== '') {
      if (!CREDIT_CODE.test(creditRaw)) at('creditCode', 'A unified social credit code has 18 characters (digits and capital letters without I, O, Z, S, V)', '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）');
      else if (creditCodeCheckChar(creditRaw.slice(0, 17)) !== creditRaw[17]) at('creditCode', 'The check character of the credit code is wrong', '统一社会信用代码校验位不正确');
    }

    const phone = (k: 'responsiblePhone' | 'managerPhone', zh: string, en: string): string => {
      const raw = cell(k);
      if (raw === '') return '';
      const p = normalizePhone(raw);
      if (!p) at(k, `${en} “${raw}” is not a mobile (11 digits) or landline (area code-number) number`, `${zh}“${raw}”不是有效的手机号（11 位）或固定电话（区号-号码）`);
      return p ?? '';
    };
    const responsiblePhone = phone('responsiblePhone', '责任人电话', 'Responsible person phone');
    const managerPhone = phone('managerPhone', '管理人电话', 'Manager phone');

    const coord = (k: 'lat' | 'lng', lo: number, hi: number, zh: string, en: string): number | null => {
      const raw = cell(k);
      if (raw === '') return null;
      const n = Number(raw);
      if (!Number.isFinite(n) || n < lo || n > hi) {
        at(k, `${en} must be a number between ${lo} and ${hi}`, `${zh}应为 ${lo} 至 ${hi} 之间的数字`);
        return null;
      }
      return n;
    };
    const lat = coord('lat', 0, 60, '纬度', 'Latitude');
    const lng = coord('lng', 70, 140, '经度', 'Longitude');
    if ((cell('lat') === '') !== (cell('lng') === '')) {
      at(cell('lat') === '' ? 'lat' : 'lng', 'Give latitude and longitude together', '经度和纬度须同时填写');
    }

    const name = cell('name');
    const address = cell('address');
    if (name !== '' && address !== '') {
      const key = venueImportKey(name, address);
      const first = seen.get(key);
      if (first !== undefined) at('name', `Same unit name and address as row ${first}`, `与第 ${first} 行的单位名称和地址重复`);
      else {
        seen.set(key, r.rowNumber);
        if (ctx.existingKeys.has(key)) at('name', 'A unit with this name and address is already in the library', '单位库中已有同名同地址的单位');
      }
    }

    if (issues.length === before && jurisdictionId) {
      venues.push({
        rowNumber: r.rowNumber,
        name,
        address,
        categories,
        jurisdictionId,
        creditCode: creditRaw === '' ? null : creditRaw,
        responsible: { name: cell('responsibleName'), phone: responsiblePhone },
        manager: { name: cell('managerName'), phone: managerPhone },
        lat,
        lng,
      });
    }
  }
  return issues.length > 0 ? fail({ issues }) : { ok: true, value: venues };
}
