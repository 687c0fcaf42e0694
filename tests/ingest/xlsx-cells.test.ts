import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { xlsxToCsv } from '../../src/ingest/source/xlsx.js';
import { tempFolder } from './helpers.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface Parts {
  /** The <sheetData> content. */
  rows: string;
  /** The <sst> content, when the workbook has shared strings. */
  sharedStrings?: string;
  /** <numFmts> and <cellXfs> content of the styles. */
  styles?: string;
  workbookPr?: string;
  /** Prefix every element of the sheet and shared strings with x:, as the OpenXML SDK does. */
  prefixed?: boolean;
  /** What the sheet holds after <sheetData> (<mergeCells>). */
  afterData?: string;
}

/** A workbook written by hand, part by part, as other programs than Excel write them; its first sheet as the CSV cells replybench makes of it. */
async function cells(parts: Parts): Promise<string[][]> {
  return (await converted(parts)).rows;
}

/** The same, with what xlsxToCsv says of the sheet besides. */
async function converted(parts: Parts): Promise<{ rows: string[][]; mergedDown: string[] }> {
  const prefix = (xml: string): string => (parts.prefixed ? xml.replace(/<(\/?)(?!\?)/g, '<$1x:') : xml);
  const zip = new JSZip();
  zip.file('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file('xl/workbook.xml', `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${parts.workbookPr ?? ''}<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  const links = [`<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`];
  if (parts.sharedStrings !== undefined) {
    links.push(`<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    zip.file('xl/sharedStrings.xml', `<?xml version="1.0"?>${prefix(`<sst xmlns${parts.prefixed ? ':x' : ''}="${MAIN}">${parts.sharedStrings}</sst>`)}`);
  }
  if (parts.styles !== undefined) {
    links.push(`<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>`);
    zip.file('xl/styles.xml', `<?xml version="1.0"?><styleSheet xmlns="${MAIN}">${parts.styles}</styleSheet>`);
  }
  zip.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${links.join('')}</Relationships>`);
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0"?>${prefix(`<worksheet xmlns${parts.prefixed ? ':x' : ''}="${MAIN}"><sheetData>${parts.rows}</sheetData>${parts.afterData ?? ''}</worksheet>`)}`);
  const folder = tempFolder();
  const path = join(folder, 'book.xlsx');
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  const { mergedDown } = await xlsxToCsv(path, join(folder, 'book.csv'));
  return { rows: Papa.parse<string[]>(readFileSync(join(folder, 'book.csv'), 'utf8').replace(/\n$/, '')).data, mergedDown };
}

/** cellXfs: style 0 General, then one style per number format id given. */
function styles(formats: Record<number, string>, ids: number[]): string {
  const custom = Object.entries(formats).map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code.replace(/"/g, '&quot;')}"/>`);
  return `<numFmts count="${custom.length}">${custom.join('')}</numFmts><cellXfs><xf numFmtId="0"/>${ids.map((id) => `<xf numFmtId="${id}" applyNumberFormat="1"/>`).join('')}</cellXfs>`;
}

describe('xlsx cells', () => {
  it('names the ranges of merged cells that span rows, whose cells below the first read empty; not a title merged across its row', async () => {
    const book = await converted({
      rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>Export</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>id</t></is></c><c r="B2" t="inlineStr"><is><t>text</t></is></c></row><row r="3"><c r="A3"><v>1</v></c><c r="B3" t="inlineStr"><is><t>same</t></is></c></row><row r="4"><c r="A4"><v>2</v></c></row>',
      afterData: '<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="B3:B4"/></mergeCells>',
    });
    expect(book.rows).toEqual([['Export'], ['id', 'text'], ['1', 'same'], ['2']]);
    expect(book.mergedDown).toEqual(['B3:B4']);
    // A header merged over the empty row below it loses nothing.
    const tall = await converted({
      rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>text</t></is></c></row><row r="3"><c r="A3"><v>1</v></c><c r="B3" t="inlineStr"><is><t>hi</t></is></c></row>',
      afterData: '<mergeCells count="2"><mergeCell ref="A1:A2"/><mergeCell ref="B1:B2"/></mergeCells>',
    });
    expect(tall.mergedDown).toEqual([]);
  });

  it("decodes Excel's _xHHHH_ escapes once: a Windows line break in a mention is CR LF, a typed _x000D_ stays as typed", async () => {
    const rows = await cells({
      sharedStrings: '<si><t>line1_x000D_\nline2</t></si><si><t>_x005F_x000D_ typed</t></si>',
      rows: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>tab_x0009_here</t></is></c></row>',
    });
    expect(rows).toEqual([['line1\r\nline2', '_x000D_ typed', 'tab\there']]);
  });

  it('reads entities once in inline strings and formula text, runs whole, without phonetic readings or indentation', async () => {
    const rows = await cells({
      sharedStrings: '<si>\n  <t>漢字</t>\n  <rPh sb="0" eb="2"><t>カンジ</t></rPh>\n</si><si><r><t>bold</t></r><r><t xml:space="preserve"> and plain</t></r></si>',
      rows: `<row r="1">
        <c r="A1" t="inlineStr"><is><t>&amp;lt; is less-than</t></is></c>
        <c r="B1" t="str"><f>"AT&amp;amp;T"</f><v>AT&amp;amp;T</v></c>
        <c r="C1" t="inlineStr"><is><r><t>bold</t></r><r><t xml:space="preserve"> and plain</t></r></is></c>
        <c r="D1" t="s"><v>0</v></c>
        <c r="E1" t="s">
          <v>1</v>
        </c>
      </row>`,
    });
    expect(rows).toEqual([['&lt; is less-than', 'AT&amp;T', 'bold and plain', '漢字', 'bold and plain']]);
  });

  it('shows dates as Excel does: the 1904 system written "true", ISO cells, formula results, and numbers whose format only quotes letters', async () => {
    const formats = { 164: 'yyyy-mm-dd hh:mm:ss', 165: '0\\ \\s\\h\\a\\r\\e\\s', 166: '#,##0.0,,\\M', 167: '[h]:mm:ss', 168: '"day" 0' };
    const sheet = {
      styles: styles(formats, [164, 165, 166, 167, 168, 14]),
      rows: `<row r="1"><c r="A1" s="1"><v>45293.5</v></c><c r="B1" s="2"><v>5</v></c><c r="C1" s="3"><v>1234567</v></c><c r="D1" s="4"><v>1.5</v></c><c r="E1" s="5"><v>7</v></c></row>
        <row r="2"><c r="A2" t="d"><v>2024-01-02T13:45:30</v></c><c r="B2" s="6"><f>DATE(2024,1,2)</f><v>45293</v></c><c r="C2" s="1"><v>1</v></c><c r="D2" s="1"><v>0.573263888888889</v></c></row>`,
    };
    expect(await cells(sheet)).toEqual([
      ['2024-01-02 12:00:00', '5', '1234567', '36:00:00', '7'],
      ['2024-01-02 13:45:30', '2024-01-02 00:00:00', '1900-01-01 00:00:00', '1899-12-30 13:45:30'],
    ]);
    // The same serial in a 1904 workbook is four years and a day later; LibreOffice writes the flag as "true".
    expect((await cells({ ...sheet, workbookPr: '<workbookPr date1904="true"/>' }))[0]?.[0]).toBe('2028-01-03 12:00:00');
  });

  it('reads booleans and errors that formulas left, and rows and cells that do not give their position', async () => {
    const rows = await cells({
      rows: '<row><c t="b"><f>1=1</f><v>1</v></c><c t="e"><f>1/0</f><v>#DIV/0!</v></c></row><row><c><v>2</v></c><c r="C2"><v>3</v></c><c><v>4</v></c></row><row r="5"><c r="B5"><v></v></c><c r="C5"><v>5</v></c></row>',
    });
    expect(rows).toEqual([['TRUE', '#DIV/0!'], ['2', '', '3', '4'], [''], [''], ['', '', '5']]);
  });

  it('refuses rows out of order, repeated or numbered 0: sheet rows are the import\'s line numbers', async () => {
    const refused = (rows: string) => cells({ rows }).then(
      () => 'read',
      (error: Error) => error.message.replace(/^.*book\.xlsx: /, ''),
    );
    expect(await refused('<row r="1"><c><v>1</v></c></row><row r="3"><c><v>3</v></c></row><row r="2"><c><v>2</v></c></row>')).toBe(
      'the first worksheet is damaged (row 2 comes after row 3). Open it in Excel and save it again, or export CSV.',
    );
    expect(await refused('<row r="1"><c><v>1</v></c></row><row r="1"><c><v>1</v></c></row>')).toContain('(row 1 comes after row 1)');
    expect(await refused('<row r="0"><c><v>1</v></c></row>')).toContain('(a row is numbered 0)');
    expect(await refused('<row r="1e9"><c><v>1</v></c></row>')).toContain('(the first row is numbered "1e9")');
  });

  it('keeps as text what only JavaScript reads as a number, and lets a conditional format\'s number format change nothing', async () => {
    const rows = await cells({
      styles: '<numFmts><numFmt numFmtId="164" formatCode="0.00"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs><dxfs><dxf><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></dxf><dxf><numFmt numFmtId="14" formatCode="0.00"/></dxf></dxfs>',
      rows: '<row r="1"><c r="A1"><v>0x10</v></c><c r="B1"><v>Infinity</v></c><c r="C1" s="1"><v>45000.25</v></c><c r="D1" s="2"><v>45000</v></c></row>',
    });
    expect(rows).toEqual([['0x10', 'Infinity', '45000.25', '2023-03-15 00:00:00']]);
  });

  it('reads a workbook whose every element has a prefix (the OpenXML SDK, ClosedXML)', async () => {
    const rows = await cells({ prefixed: true, sharedStrings: '<si><t>hello</t></si>', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>5</v></c></row>' });
    expect(rows).toEqual([['hello', '5']]);
  });

  it('refuses a cell that names a shared string the workbook does not hold, rather than leave it empty', async () => {
    await expect(cells({ sharedStrings: '<si><t>only</t></si>', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>7</v></c></row>' })).rejects.toThrow(
      /book\.xlsx: cannot read this Excel workbook \(cell B1 refers to shared string 7, which the workbook does not hold\)/,
    );
  });
});
