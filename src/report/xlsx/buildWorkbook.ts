import type { WorkbookModel } from '../model/workbook.js';
import { plainText } from '../../plain-text.js';
import { addTableSheet } from './sheet.js';

/**
 * metrics.xlsx from the report model's tables: one table per sheet, each
 * printing on pages (landscape, fit to the page width, the header row
 * repeated on every page).
 */
export async function buildWorkbook(model: WorkbookModel): Promise<Uint8Array> {
  // Loaded on demand: exceljs takes a noticeable part of a second to load.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  workbook.creator = plainText(model.creator);
  workbook.created = model.created;
  workbook.title = plainText(model.title);
  for (const sheet of model.sheets) addTableSheet(workbook, sheet.name, sheet.headers, sheet.rows);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
