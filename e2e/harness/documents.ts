import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';

// Noto CJK's ToUnicode tables map some ideographs to their radical code points (⼴ U+2F34 for 广,
// ⺠ U+2EA0 for 民). Kangxi radicals fold back under NFKC; the supplement's simplified forms do not.
const RADICAL_SUPPLEMENT: Readonly<Record<string, string>> = {
  '⺠': '民', '⻔': '门', '⻩': '黄', '⻢': '马', '⻓': '长', '⻜': '飞', '⻄': '西', '⻅': '见', '⻋': '车',
  '⻛': '风', '⻚': '页', '⻝': '食', '⻘': '青', '⻥': '鱼', '⻰': '龙', '⻉': '贝', '⻆': '角', '⻬': '齐',
  '⻨': '麦', '⻳': '龟', '⻦': '鸟', '⻊': '足', '⻤': '鬼',
};

/** The text of a PDF, all pages joined, as a reader sees it: ideographs as typed, no whitespace between glyph runs. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return [...text.normalize('NFKC')].map((c) => RADICAL_SUPPLEMENT[c] ?? c).join('').replace(/\s+/g, '');
}

/** A cell as text: strings and numbers as written (the export writes nothing else). */
function cellText(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

/** The first sheet of an XLSX file as rows of cell text (row 1 is the header). */
export async function xlsxRows(bytes: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: string[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(cellText)));
  return rows;
}
