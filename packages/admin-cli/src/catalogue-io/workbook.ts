/**
 * The catalogue workbook: what `tongban items export --template` writes for an administrator to fill in Excel, and
 * the layout `items export` writes a catalogue in (so an export can be edited and imported again unchanged).
 *
 * - sheet 事项清单: the template's Chinese headers (with units) in a frozen, bold row; required headers in red;
 *   column widths by content; item codes as text, time limits as numbers, dates as dates; drop-downs for the
 *   enumerations (事项类型, 层级, 办件类型, 办理模式, 综合窗口分类) over the item rows and a thousand more;
 * - sheet 填表说明: each column's meaning, required or not, the values it takes, an example, the clause;
 * - the header cells carry the meaning as a note (the tip Excel shows on hover).
 */
import type { ColumnGuide } from '@tongban/core/catalogue';
import type { DataValidation, Workbook, Worksheet } from 'exceljs';

/** exceljs has worksheet.dataValidations (a range address per rule) but its types leave it out. */
type Validated = Worksheet & { dataValidations: { add(address: string, rule: DataValidation): void } };

/** Rows below the items that keep the drop-downs and formats, for the administrator to add items. */
const SPARE_ROWS = 1000;
const HEADER_FILL = 'FF1F4E79';

export interface WorkbookOptions {
  /** The window categories offered in the drop-down (the catalogue's, else seed 001 5.1.1's). */
  windowCategories?: readonly string[];
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const NUMBER_KEYS = new Set([
  'legalDays',
  'promisedDays',
  'transferDays',
  'appointmentCapacity',
  'maxVisits',
]);

function itemSheet(wb: Workbook, name: string, guide: readonly ColumnGuide[], rows: (string | number)[][]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  ws.columns = guide.map((g) => ({
    key: g.key,
    width: g.width,
    style: {
      alignment: { wrapText: true, vertical: 'top' },
      // Codes and texts stay text (leading zeros kept), time limits are numbers, the date a date.
      numFmt: NUMBER_KEYS.has(g.key) ? '0' : g.key === 'revisedOn' ? 'yyyy-mm-dd' : '@',
    },
  }));
  const dateColumn = guide.findIndex((g) => g.key === 'revisedOn');
  ws.addRow(rows[0]!);
  for (const r of rows.slice(1)) {
    const cells: unknown[] = [...r];
    const d = cells[dateColumn];
    if (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d))
      cells[dateColumn] = new Date(`${d}T00:00:00Z`);
    ws.addRow(cells);
  }
  const header = ws.getRow(1);
  header.height = 36;
  guide.forEach((g, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true, color: { argb: g.required ? 'FFFFC7CE' : 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.numFmt = 'General';
    cell.note = `${g.required ? '【必填】' : '【选填】'}${g.meaning}\n可填：${g.allowed}\n示例：${g.example.replace(/\n/g, '；')}`;
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: guide.length } };
  return ws;
}

function dropDowns(ws: Worksheet, guide: readonly ColumnGuide[], lastRow: number, options: WorkbookOptions) {
  guide.forEach((g, i) => {
    if (!g.choices) return;
    const values =
      g.key === 'windowCategory' && options.windowCategories?.length
        ? options.windowCategories
        : g.choices.values;
    const letter = columnLetter(i + 1);
    (ws as Validated).dataValidations.add(`${letter}2:${letter}${lastRow}`, {
      type: 'list',
      allowBlank: true,
      // An inline list (at most 255 characters), so the drop-down needs no other sheet.
      formulae: [`"${values.join(',')}"`],
      showErrorMessage: g.choices.others !== 'allow',
      errorStyle: g.choices.others === 'refuse' ? 'stop' : 'warning',
      errorTitle: g.header,
      error: `请从下拉列表中选择：${values.join('、')}`,
      showInputMessage: true,
      promptTitle: g.header,
      prompt:
        g.choices.others === 'allow'
          ? `${g.meaning.slice(0, 200)}`
          : `可选：${values.join('、')}`.slice(0, 250),
    });
  });
}

function guideSheet(wb: Workbook, guide: readonly ColumnGuide[], itemSheetName: string) {
  const ws = wb.addWorksheet('填表说明', { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.columns = [
    { key: 'column', width: 6 },
    { key: 'header', width: 18 },
    { key: 'required', width: 8 },
    { key: 'meaning', width: 50 },
    { key: 'allowed', width: 40 },
    { key: 'example', width: 30 },
    { key: 'clause', width: 24 },
  ];
  ws.addRow([
    `在“${itemSheetName}”表中每行填写一个事项（一个事项编码、层级、实施主体一行）；红色表头为必填列。`,
  ]);
  ws.addRow([
    '多项内容写在同一格时用 Alt+Enter 换行；导入前可运行 tongban items import --explain 文件 查看每一列如何读取。',
  ]);
  ws.addRow(['列', '表头', '必填', '含义', '可填的值', '示例', '依据条款']).font = { bold: true };
  guide.forEach((g, i) => {
    ws.addRow([
      columnLetter(i + 1),
      g.header,
      g.required ? '是' : '否',
      g.meaning,
      g.allowed,
      g.example,
      g.clause,
    ]);
  });
  ws.eachRow((row, n) => {
    if (n > 2) row.alignment = { wrapText: true, vertical: 'top' };
  });
}

/** The workbook bytes: the items' rows (itemsToRows: header first), the 填表说明 sheet, the drop-downs. */
export async function catalogueWorkbook(
  rows: (string | number)[][],
  guide: readonly ColumnGuide[],
  sheetName: string,
  options: WorkbookOptions = {},
): Promise<Uint8Array> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'tongban';
  const ws = itemSheet(wb, sheetName, guide, rows);
  dropDowns(ws, guide, rows.length + SPARE_ROWS, options);
  guideSheet(wb, guide, sheetName);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
